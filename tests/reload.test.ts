import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { reloadProgressMessage } from '../src/render/reload.ts';
import { answer } from '../src/search/answer.ts';
import { LiveIndex } from '../src/search/liveIndex.ts';
import type { NewsIndex } from '../src/search/newsIndex.ts';
import { buildFromFolder, corpusFingerprint, loadSavedIndex, type BuiltIndex, type OpenProgress } from '../src/search/store.ts';
import { seedsIndex, tempCorpus } from './helpers/corpus.ts';
import { inDm, makeDesk, member, moderator, MOD_ROLE, textOf } from './helpers/desk.ts';

let seeds: NewsIndex;
before(async () => {
  seeds = await seedsIndex();
});

const EPHEMERAL = 64;
const NEW_ARTICLE = 'Harbour reopens after storm\n\nThe harbour of Port Kelby reopened on Monday after the storm, the port authority said.\n';

/** A copy of seeds/ with one article added, one changed and one removed. */
async function changedCorpus(): Promise<string> {
  const dir = await tempCorpus({}, { withSeeds: true });
  await writeFile(path.join(dir, '005_harbour.txt'), NEW_ARTICLE);
  await writeFile(path.join(dir, '001_9af66bd40fa38a69.txt'), `${await readFile(path.join(dir, '001_9af66bd40fa38a69.txt'), 'utf8')}\nA late paragraph was added.\n`);
  await rm(path.join(dir, '004_10a781a0ece468b5.txt'));
  return dir;
}

/** A build that waits for `release()` before finishing: a reload that is still running. */
function heldBuild() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const build = async (dir: string, options: { onProgress?: (p: OpenProgress) => void }): Promise<BuiltIndex> => {
    const built = await buildFromFolder(dir, options);
    await gate;
    return built;
  };
  return { build, release };
}

describe('index build progress', () => {
  it('reports building the search index after the last document is analysed, up to done of total', async () => {
    const steps: OpenProgress[] = [];
    await buildFromFolder(await tempCorpus({}, { withSeeds: true }), { onProgress: (step) => steps.push(step) });
    const phases = steps.map((step) => step.phase);
    const building = steps.filter((step) => step.phase === 'building');
    assert.ok(building.length > 0, phases.join(' '));
    assert.ok(phases.lastIndexOf('indexing') < phases.indexOf('building'), phases.join(' '));
    assert.equal(phases.at(-1), 'building', 'building is the last step of a build');
    const done = building.map((step) => step.done);
    assert.deepEqual(done, [...done].sort((a, b) => a - b), 'done only grows');
    const last = building.at(-1)!;
    assert.ok(last.total > 0);
    assert.equal(last.done, last.total);
  });
});

describe('LiveIndex', () => {
  it('says it is saving before a reload with an index file resolves, and never without one', async () => {
    const dir = await changedCorpus();
    const indexFile = path.join(await tempCorpus(), 'saved.index.json');
    const withFile: OpenProgress['phase'][] = [];
    const saving = await new LiveIndex(seeds, { dir, indexFile }).reload((step) => withFile.push(step.phase));
    assert.equal(saving.status, 'reloaded');
    assert.equal(withFile.at(-1), 'saving');
    assert.equal(withFile.filter((phase) => phase === 'saving').length, 1);
    const withoutFile: OpenProgress['phase'][] = [];
    await new LiveIndex(seeds, { dir }).reload((step) => withoutFile.push(step.phase));
    assert.ok(withoutFile.length > 0);
    assert.ok(!withoutFile.includes('saving'), withoutFile.join(' '));
  });

  it('reloads, reporting documents added, removed and changed, and saves the new index', async () => {
    const dir = await changedCorpus();
    const indexFile = path.join(await tempCorpus(), 'saved.index.json');
    const live = new LiveIndex(seeds, { dir, indexFile });
    const outcome = await live.reload();
    assert.equal(outcome.status, 'reloaded');
    if (outcome.status !== 'reloaded') return;
    assert.deepEqual([outcome.added, outcome.removed, outcome.changed], [['005_harbour.txt'], ['004_10a781a0ece468b5.txt'], ['001_9af66bd40fa38a69.txt']]);
    assert.equal(outcome.documents, 5);
    assert.equal(outcome.passages, live.current.passageCount);
    assert.equal(outcome.saved, true);
    assert.notEqual(live.current, seeds);
    assert.ok(live.current.document('005_harbour.txt'));
    const saved = await loadSavedIndex(indexFile, await corpusFingerprint(dir));
    assert.ok('index' in saved, 'the saved index loads with the corpus fingerprint');
  });

  it('keeps the old index when a file fails to load, naming the file', async () => {
    const dir = await tempCorpus({ 'broken.txt': new Uint8Array([0x47, 0x00, 0x01, 0x02]), 'bad-utf8.txt': new Uint8Array([0xff, 0xfe, 0x41]) }, { withSeeds: true });
    const live = new LiveIndex(seeds, { dir });
    const outcome = await live.reload();
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.deepEqual(outcome.failures.map((f) => f.path), ['bad-utf8.txt', 'broken.txt']);
    assert.equal(live.current, seeds);
    assert.equal(live.reloadStartedAt, undefined, 'a failed reload does not stay "running"');
  });

  it('keeps the old index when the folder cannot be read', async () => {
    const live = new LiveIndex(seeds, { dir: path.join(await tempCorpus(), 'missing') });
    const outcome = await live.reload();
    assert.equal(outcome.status, 'failed');
    assert.match((outcome as { error: string }).error, /Corpus folder not found/);
    assert.equal(live.current, seeds);
  });

  it('answers from the old index while a reload runs, swaps when it is complete, and refuses a second reload meanwhile', async () => {
    const dir = await changedCorpus();
    const held = heldBuild();
    const live = new LiveIndex(seeds, { dir, build: held.build });
    const running = live.reload();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.notEqual(live.reloadStartedAt, undefined);
    assert.equal((await live.reload()).status, 'busy');
    assert.equal(live.current, seeds, 'still the old index');
    assert.equal(answer(live.current, 'what did the harbour authority say').answered, false);
    held.release();
    assert.equal((await running).status, 'reloaded');
    assert.equal(answer(live.current, 'when did the harbour of Port Kelby reopen').answered, true);
  });
});

describe('/reload', () => {
  it('is refused privately to a member without Manage Server, and in a DM', async () => {
    const { command } = makeDesk(seeds);
    const plain = await command('reload', {}, member());
    assert.deepEqual(plain.methods, ['reply']);
    assert.equal(plain.last.flags, EPHEMERAL);
    assert.match(plain.last.content!, /Only moderators can reload/);
    const dm = await command('reload', {}, { ...moderator(), guildId: null, permissions: null });
    assert.equal(dm.last.flags, EPHEMERAL);
    assert.match(dm.last.content!, /works only in a server/);
    const dmMember = await command('reload', {}, inDm());
    assert.match(dmMember.last.content!, /works only in a server/);
  });

  it('reports what changed to a moderator, privately, with progress edits on the way', async () => {
    const dir = await changedCorpus();
    const { command, live } = makeDesk(seeds, { liveOptions: { dir } });
    const r = await command('reload', {}, moderator());
    assert.deepEqual(r.calls[0], { method: 'defer', ephemeral: true });
    const edits = r.calls.slice(1).map((c) => ('body' in c ? textOf(c.body) : c.method));
    assert.ok(edits.length >= 3, `progress edits before the report: ${edits.length}`);
    assert.ok(
      edits.slice(0, -1).every((t) => /^Reloading the corpus… (read \d+ of \d+ files|indexed \d+ of \d+ articles \(\d+ passages?\)|building the search index \(\d+%\))\./.test(t)),
      edits.join('\n'),
    );
    assert.match(edits.at(-2)!, /building the search index \(100%\)/, 'the last progress edit is the end of the build, not of the analysis');
    const report = textOf(r.last);
    assert.match(report, /^Reloaded/);
    assert.match(report, new RegExp(`Now answering from 5 articles, ${live.current.passageCount} passages`));
    assert.match(report, /Added 1, removed 1, changed 1\./);
    assert.match(report, /Added: `005_harbour\.txt`/);
    assert.match(report, /Removed: `004_10a781a0ece468b5\.txt`/);
    assert.match(report, /Changed: `001_9af66bd40fa38a69\.txt`/);
  });

  it('is allowed to a member with a role in MODERATOR_ROLE_IDS', async () => {
    const { command } = makeDesk(seeds, { moderatorRoleIds: [MOD_ROLE] });
    const r = await command('reload', {}, member(undefined, [MOD_ROLE]));
    assert.equal(r.calls[0]!.method, 'defer');
    assert.match(textOf(r.last), /No article was added, removed or changed/);
  });

  it('throttles progress edits to one every few seconds', async () => {
    const dir = await changedCorpus();
    const { command } = makeDesk(seeds, { liveOptions: { dir }, progressEveryMs: 60_000 });
    const r = await command('reload', {}, moderator());
    assert.deepEqual(r.methods, ['defer', 'editReply'], 'a quick reload goes straight to its report');
  });

  it('shows the step the throttle held back once its time comes, so a long quiet step does not hide behind the one before', async () => {
    const built = await buildFromFolder(await changedCorpus());
    const build = async (_dir: string, options: { onProgress?: (p: OpenProgress) => void }): Promise<BuiltIndex> => {
      options.onProgress?.({ phase: 'building', done: 7, total: 7 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return built;
    };
    // A clock that never moves: without showing held steps, no progress edit would go out at all.
    const { command } = makeDesk(seeds, { liveOptions: { build }, progressEveryMs: 20, now: () => 0 });
    const r = await command('reload', {}, moderator());
    assert.deepEqual(r.methods, ['defer', 'editReply', 'editReply']);
    assert.match(textOf(r.bodies[0]!), /^Reloading the corpus… building the search index \(100%\)\./);
    assert.match(textOf(r.last), /^Reloaded/);
  });

  it('names the files that failed, while the old index keeps answering', async () => {
    const dir = await tempCorpus({ 'zz-broken.txt': new Uint8Array([1, 0, 2]) }, { withSeeds: true });
    const { command, live } = makeDesk(seeds, { liveOptions: { dir } });
    const r = await command('reload', {}, moderator());
    const report = textOf(r.last);
    assert.match(report, /^Reload failed/);
    assert.match(report, new RegExp(`The old index \\(5 articles, ${seeds.passageCount} passages\\) is still answering`));
    assert.match(report, /1 file did not load:\n• `zz-broken\.txt` is binary, not text/);
    assert.equal(live.current, seeds);
    const ask = await command('ask', { question: 'how many rations are left' });
    assert.match(textOf(ask.last), /4000 food/);
  });

  it('tells a second moderator that a reload is already running, and answers questions meanwhile from the old index', async () => {
    const dir = await changedCorpus();
    const held = heldBuild();
    const { command } = makeDesk(seeds, { liveOptions: { dir, build: held.build } });
    const first = command('reload', {}, moderator());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await command('reload', {}, moderator());
    assert.deepEqual(second.methods, ['reply']);
    assert.equal(second.last.flags, EPHEMERAL);
    assert.match(second.last.content!, /A reload is already running \(started \d+ s ago\)/);
    const ask = await command('ask', { question: 'how many rations are left' });
    assert.match(textOf(ask.last), /4000 food/);
    held.release();
    assert.match(textOf((await first).last), /^Reloaded/);
  });
});

describe('reloadProgressMessage', () => {
  const text = (progress: OpenProgress) => reloadProgressMessage(progress).content;

  it('says how far the search index is built, in whole percent rounded down', () => {
    assert.equal(text({ phase: 'building', done: 2, total: 5 }), 'Reloading the corpus… building the search index (40%). Questions are still answered from the current index meanwhile.');
    assert.equal(text({ phase: 'building', done: 999, total: 1000 }), 'Reloading the corpus… building the search index (99%). Questions are still answered from the current index meanwhile.');
    assert.equal(text({ phase: 'building', done: 0, total: 0 }), 'Reloading the corpus… building the search index (100%). Questions are still answered from the current index meanwhile.');
  });

  it('says the new index is being saved', () => {
    assert.equal(text({ phase: 'saving' }), 'Reloading the corpus… saving the new index to disk. Questions are still answered from the current index meanwhile.');
  });

  it('still counts files read and articles indexed', () => {
    assert.equal(text({ phase: 'reading', done: 1200, total: 1500 }), 'Reloading the corpus… read 1,200 of 1,500 files. Questions are still answered from the current index meanwhile.');
    assert.equal(text({ phase: 'indexing', done: 1, total: 1, passages: 1 }), 'Reloading the corpus… indexed 1 of 1 article (1 passage). Questions are still answered from the current index meanwhile.');
  });
});
