/**
 * The saved index: a faithful round trip, a fingerprint that follows the corpus files, stale and corrupt files
 * reported (never trusted, never thrown), rebuilt and rewritten by openIndex, and atomic saving.
 */
import assert from 'node:assert/strict';
import { cp, link, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import pino from 'pino';
import { answer } from '../src/search/answer.ts';
import type { NewsIndex } from '../src/search/newsIndex.ts';
import { LazyMap } from '../src/search/lazyMap.ts';
import { LiveIndex } from '../src/search/liveIndex.ts';
import { expandSearch, exportState } from '../src/search/miniSearchState.ts';
import { buildFromFolder, corpusFingerprint, loadSavedIndex, openIndex, saveIndex } from '../src/search/store.ts';
import { createHash } from 'node:crypto';
import v8 from 'node:v8';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');
const silent = pino({ level: 'silent' });

const QUESTIONS = [
  'Who is the UN special envoy for Syria?',
  'How many food rations are left?',
  'What happened to the Al Jazeera bureau in the city?',
  'What did Kerry say about Russia?',
  'cesefire in Aleppo',
  'What did the minister say about the "draft resolution"?',
  'Who painted the Mona Lisa?',
  'Aleppo',
];

/** A temporary folder removed when the test ends. */
async function tempDir(t: TestContext, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `newsdesk-store-${prefix}-`));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of the seeds that a test may change. */
async function seedCopy(t: TestContext): Promise<string> {
  const dir = await tempDir(t, 'corpus');
  await cp(SEEDS, dir, { recursive: true, dereference: true });
  return dir;
}

/** Waits until `done` holds, checking every 10 ms, for at most 10 s. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await done()); waited += 10) {
    if (waited >= 10_000) assert.fail('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function assertStale(file: string, fingerprint: string, what: string): Promise<string> {
  let loaded;
  try {
    loaded = await loadSavedIndex(file, fingerprint);
  } catch (error) {
    assert.fail(`${what}: loadSavedIndex threw ${String(error)}`);
  }
  assert.ok('stale' in loaded, `${what}: was trusted`);
  assert.equal(typeof loaded.stale, 'string');
  assert.ok(loaded.stale.length > 5, `${what}: no reason given`);
  return loaded.stale;
}

let seeds: NewsIndex;
let savedDir: string;
let savedFile: string;
let savedBytes: Buffer;

before(async () => {
  ({ index: seeds } = await buildFromFolder(SEEDS));
  savedDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-store-saved-'));
  savedFile = path.join(savedDir, 'seeds.index.json');
  await saveIndex(seeds, savedFile);
  savedBytes = await readFile(savedFile);
});

after(() => rm(savedDir, { recursive: true, force: true }));

/**
 * A saved index is a header line (format, fingerprint, sha256 of the rest), then v8-serialised values: a manifest,
 * the documents in parts, MiniSearch's tree in slices (a place and the subtree's own serialisation).
 */
interface Manifest {
  [key: string]: unknown;
  passages: { doc: Uint32Array; paragraph: Uint32Array; start: Uint32Array; end: Uint32Array };
  sentences: { first: Uint32Array; bounds: Uint32Array };
  tokens: { first: Uint32Array; term: Uint16Array | Uint32Array; bounds: Uint16Array | Uint32Array; vocabulary: string[] };
  search: { version: string };
  documentParts: number;
  treeSlices: number;
}

/** The values of the seeds' saved index, read afresh (a copy to edit). */
function readValues() {
  // A copy: typed arrays read back are views into these bytes, and edits to them must not reach `savedBytes`.
  const payload = Buffer.from(savedBytes.subarray(savedBytes.indexOf(0x0a) + 1));
  const deserializer = new v8.DefaultDeserializer(payload);
  deserializer.readHeader();
  const manifest = deserializer.readValue() as Manifest;
  const rest = Array.from({ length: manifest.documentParts + manifest.treeSlices }, () => deserializer.readValue() as unknown[]);
  return { manifest, documentParts: rest.slice(0, manifest.documentParts) as Array<Array<{ paragraphs: string[] }>>, treeSlices: rest.slice(manifest.documentParts) };
}

/** A payload signed as the saved index's format (or `version`), so that it is refused for what was edited, if at all. */
function sign(body: Buffer, version = Number(/ v(\d+) /.exec(savedBytes.subarray(0, savedBytes.indexOf(0x0a)).toString('latin1'))?.[1])): Buffer {
  return Buffer.concat([Buffer.from(`newsdesk-index v${version} ${seeds.fingerprint} sha256:${createHash('sha256').update(body).digest('hex')}\n`), body]);
}

/** The seeds' saved index with `change` made to its values, signed again. */
function edited(change: (copy: ReturnType<typeof readValues>) => void): Buffer {
  const copy = readValues();
  change(copy);
  const serializer = new v8.DefaultSerializer();
  serializer.writeHeader();
  for (const value of [copy.manifest, ...copy.documentParts, ...copy.treeSlices]) serializer.writeValue(value);
  return sign(serializer.releaseBuffer());
}

describe('save and load', () => {
  test('a loaded index gives the same answers as the one saved', async () => {
    const loaded = await loadSavedIndex(savedFile, seeds.fingerprint);
    assert.ok('index' in loaded, 'stale' in loaded ? loaded.stale : '');
    const index = loaded.index;
    assert.equal(index.fingerprint, seeds.fingerprint);
    assert.deepEqual(index.documents, seeds.documents);
    assert.equal(index.passageCount, seeds.passageCount);
    assert.deepEqual(index.passages, seeds.passages);
    assert.deepEqual(index.sentences, seeds.sentences);
    assert.deepEqual(index.stats.documentFrequency, seeds.stats.documentFrequency);
    assert.deepEqual(index.stats.spellings, seeds.stats.spellings);
    for (const question of QUESTIONS) {
      for (const options of [{}, { top: 5 }, { top: 2, documentIds: [seeds.documents[1]!.id, seeds.documents[2]!.id] }]) {
        assert.deepEqual(answer(index, question, options), answer(seeds, question, options), question);
      }
    }
  });

  test('a loaded index reads its search tree when first needed, and whole in the background', async () => {
    const loaded = await loadSavedIndex(savedFile, seeds.fingerprint);
    assert.ok('index' in loaded);
    const { tree } = exportState(loaded.index.search);
    const lazy = [...tree.values()].filter((node): node is LazyMap<unknown, unknown> => node instanceof LazyMap);
    assert.ok(lazy.length > 5 && lazy.every((slice) => slice.pending), 'the tree is in slices, none read at load');
    answer(loaded.index, 'Who is the UN special envoy for Syria?');
    const read = lazy.filter((slice) => !slice.pending).length;
    assert.ok(read > 0 && read < lazy.length, `a question reads some slices, not all (${read} of ${lazy.length})`);
    await expandSearch(loaded.index.search);
    assert.ok(lazy.every((slice) => !slice.pending));
    assert.ok([...tree.values()].every((node) => !(node instanceof LazyMap)), 'each slice read is a plain Map in its place');
    assert.deepEqual(exportState(loaded.index.search), exportState(seeds.search));
  });

  test('an index loaded and saved again before it was read whole is saved whole', async (t) => {
    const dir = await tempDir(t, 'resave');
    const loaded = await loadSavedIndex(savedFile, seeds.fingerprint);
    assert.ok('index' in loaded);
    const file = path.join(dir, 'again.index');
    await saveIndex(loaded.index, file);
    const again = await loadSavedIndex(file, seeds.fingerprint);
    assert.ok('index' in again);
    await expandSearch(again.index.search);
    assert.deepEqual(exportState(again.index.search), exportState(seeds.search));
    for (const question of QUESTIONS) assert.deepEqual(answer(again.index, question), answer(seeds, question), question);
  });

  test('a tree cut into small slices, some deep in it, loads as it was saved', async (t) => {
    const file = path.join(await tempDir(t, 'small-slices'), 'index.json');
    await saveIndex(seeds, file, { sliceEntries: 50 });
    const loaded = await loadSavedIndex(file, seeds.fingerprint);
    assert.ok('index' in loaded);
    // Slices below the root's children: under a shared prefix, a term's own entry (""), a field's postings.
    const depths: number[] = [];
    const visit = (node: Map<unknown, unknown>, depth: number) => {
      for (const child of node.values()) {
        if (child instanceof LazyMap) depths.push(depth);
        else if (child instanceof Map) visit(child, depth + 1);
      }
    };
    visit(exportState(loaded.index.search).tree, 1);
    assert.ok(depths.length > 100 && Math.max(...depths) >= 3, `slices at depths ${[...new Set(depths)].join(', ')}`);
    for (const question of QUESTIONS) assert.deepEqual(answer(loaded.index, question), answer(seeds, question), question);
    await expandSearch(loaded.index.search);
    assert.deepEqual(exportState(loaded.index.search), exportState(seeds.search));
  });

  test('saving creates missing folders and reports the bytes written', async (t) => {
    const dir = await tempDir(t, 'nested');
    const file = path.join(dir, 'a', 'b', 'index.json');
    const bytes = await saveIndex(seeds, file);
    assert.equal(bytes, (await stat(file)).size);
    assert.ok('index' in (await loadSavedIndex(file, seeds.fingerprint)));
  });
});

describe('fingerprint', () => {
  test('is stable, and ignores modification times and files that are not articles', async (t) => {
    const dir = await seedCopy(t);
    const first = await corpusFingerprint(dir);
    assert.match(first, /^[0-9a-f]{64}$/);
    assert.equal(await corpusFingerprint(dir), first);
    assert.equal(await corpusFingerprint(SEEDS), first, 'a copy of the same files has the same fingerprint');
    const file = path.join(dir, (await readdir(dir))[0]!);
    await utimes(file, new Date('2001-01-01'), new Date('2001-01-01'));
    assert.equal(await corpusFingerprint(dir), first, 'a touched file is not a changed file');
    await writeFile(path.join(dir, 'notes.json'), '{}');
    assert.equal(await corpusFingerprint(dir), first, 'a file the loader ignores does not count');
  });

  test('changes when a corpus file changes, is added, is removed or is renamed', async (t) => {
    const dir = await seedCopy(t);
    const seen = new Set([await corpusFingerprint(dir)]);
    const expectNew = async (what: string) => {
      const fingerprint = await corpusFingerprint(dir);
      assert.ok(!seen.has(fingerprint), `fingerprint unchanged after ${what}`);
      seen.add(fingerprint);
    };
    const [first, second] = (await readdir(dir)).sort();
    await writeFile(path.join(dir, first!), `${await readFile(path.join(dir, first!), 'utf8')}\nOne more sentence.\n`);
    await expectNew('an edit');
    const original = await readFile(path.join(dir, second!));
    const flipped = Buffer.from(original);
    flipped[10] = flipped[10] === 0x61 ? 0x62 : 0x61;
    await writeFile(path.join(dir, second!), flipped);
    await expectNew('a one-byte change of the same length');
    await writeFile(path.join(dir, 'new.txt'), 'A new article\nTalks resumed on Saturday.\n');
    await expectNew('adding a file');
    await mkdir(path.join(dir, 'nested'));
    await writeFile(path.join(dir, 'nested', 'deep.md'), '# Deep\n\nA nested article.\n');
    await expectNew('adding a nested file');
    await rename(path.join(dir, 'new.txt'), path.join(dir, 'renamed.txt'));
    await expectNew('renaming a file');
    await rm(path.join(dir, first!));
    await expectNew('removing a file');
  });

  test('buildFromFolder stamps the index with the folder’s fingerprint', async (t) => {
    const dir = await seedCopy(t);
    await writeFile(path.join(dir, 'extra.txt'), 'An extra article\nThe extra article says little.\n');
    // Skipped files count too: a binary file that is later fixed must change the fingerprint.
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x00, 0x01]));
    await writeFile(path.join(dir, 'empty.md'), '');
    const { index, skipped } = await buildFromFolder(dir);
    assert.deepEqual(skipped.map((s) => s.path), ['binary.txt', 'empty.md']);
    assert.equal(index.fingerprint, await corpusFingerprint(dir), 'the fingerprint of the bytes read equals the folder’s');
    assert.notEqual(index.fingerprint, seeds.fingerprint);
  });
});

describe('stale and corrupt files', () => {
  test('a file saved for another corpus is stale', async () => {
    const other = seeds.fingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    await assertStale(savedFile, other, 'another fingerprint');
  });

  test('a missing file is stale, not an error', async (t) => {
    const dir = await tempDir(t, 'missing');
    await assertStale(path.join(dir, 'nothing-here.json'), seeds.fingerprint, 'missing file');
    await assertStale(dir, seeds.fingerprint, 'a folder where the file should be');
  });

  test('truncated and garbage files are stale with a reason, never a throw', async (t) => {
    const dir = await tempDir(t, 'garbage');
    // Edited payloads are signed again so that the checks behind the checksum are reached too.
    const newline = savedBytes.indexOf(0x0a);
    const payload = savedBytes.subarray(newline + 1);
    const saved = readValues();
    let noise = 12345;
    const randomBytes = Buffer.from(Array.from({ length: 4096 }, () => (noise = (noise * 1103515245 + 12345) >>> 0) >>> 24));
    const flipped = Buffer.from(savedBytes);
    flipped[flipped.length - 100]! ^= 0xff;
    assert.equal(saved.documentParts.flat().length, 5, 'the payload reads back');
    assert.ok(saved.treeSlices.length > 0);
    const cases: Record<string, string | Buffer> = {
      'truncated to half': savedBytes.subarray(0, Math.floor(savedBytes.length / 2)),
      'truncated by one byte': savedBytes.subarray(0, -1),
      'empty': '',
      'random bytes': randomBytes,
      'plain text': 'this is not an index\n',
      'JSON of old': '{"format":"newsdesk-index","version":1}',
      'header only': savedBytes.subarray(0, newline + 1),
      'one byte changed behind the checksum': flipped,
      'signed garbage': sign(Buffer.from('not a serialised value at all')),
      'signed value of the wrong shape': sign(v8.serialize({ hello: 'world' })),
      'another format version': sign(payload, 999),
      'passage table cut short': edited((copy) => {
        copy.manifest.passages.doc = copy.manifest.passages.doc.subarray(0, -1);
      }),
      'passage table of the wrong type': edited((copy) => {
        (copy.manifest.passages as unknown as { start: number[] }).start = [1, 2, 3];
      }),
      'passages pointing outside their documents': edited((copy) => {
        for (const doc of copy.documentParts.flat()) doc.paragraphs = [];
      }),
      'sentence table cut short': edited((copy) => {
        copy.manifest.sentences.first = copy.manifest.sentences.first.subarray(0, -1);
      }),
      'sentences pointing outside their passage': edited((copy) => {
        copy.manifest.sentences.bounds = copy.manifest.sentences.bounds.map((bound) => bound + 100_000);
      }),
      'token table cut short': edited((copy) => {
        copy.manifest.tokens.term = copy.manifest.tokens.term.subarray(0, -1);
      }),
      'a token pointing outside its sentence': edited((copy) => {
        copy.manifest.tokens.bounds = copy.manifest.tokens.bounds.map((bound) => bound + 60_000);
      }),
      'a sentence whose tokens run past the table': edited((copy) => {
        // Refused at once, not after counting to four billion.
        copy.manifest.tokens.first[1] = 0xfffffff0;
      }),
      'a passage whose sentences run past the table': edited((copy) => {
        copy.manifest.sentences.first[1] = 0xfffffff0;
      }),
      'a token whose term is not in the vocabulary': edited((copy) => {
        copy.manifest.tokens.vocabulary = copy.manifest.tokens.vocabulary.slice(0, 1);
      }),
      'search state from another minisearch version': edited((copy) => {
        copy.manifest.search.version = '0.0.1';
      }),
      'search part of the wrong type': edited((copy) => {
        copy.manifest.search = 'nothing' as unknown as { version: string };
      }),
      'documents missing': edited((copy) => {
        copy.documentParts = [];
      }),
      'a slice of the search tree missing': edited((copy) => {
        copy.treeSlices = copy.treeSlices.slice(0, -1);
      }),
      'search tree slices of the wrong shape': edited((copy) => {
        copy.treeSlices = copy.treeSlices.map(() => ['a', 'b']);
      }),
      'a search tree slice with no place': edited((copy) => {
        copy.treeSlices[0]![0] = [];
      }),
      'a search tree slice that is no serialised Map': edited((copy) => {
        copy.treeSlices[0]![1] = Buffer.from('not a serialised Map');
      }),
      'a search tree slice inside another': edited((copy) => {
        const [place, bytes] = copy.treeSlices[0] as [Array<string | number>, Uint8Array];
        copy.treeSlices.push([[...place, 'x'], bytes]);
        copy.manifest.treeSlices += 1;
      }),
      'two search tree slices in one place': edited((copy) => {
        copy.treeSlices.push(copy.treeSlices[0]!);
        copy.manifest.treeSlices += 1;
      }),
    };
    for (const [what, content] of Object.entries(cases)) {
      const file = path.join(dir, `${what.replace(/\W+/g, '-')}.index`);
      await writeFile(file, content);
      const reason = await assertStale(file, seeds.fingerprint, what);
      if (what !== 'another format version') assert.doesNotMatch(reason, /has format \d+/, `${what}: refused for its format version, not for what was edited`);
    }
  });

  test('openIndex rebuilds a corrupt file and rewrites it', async (t) => {
    const corpus = await seedCopy(t);
    const file = path.join(await tempDir(t, 'open'), 'index.json');
    await writeFile(file, savedBytes.subarray(0, 1000));
    const { index } = await openIndex(corpus, file, silent);
    assert.equal(index.documents.length, 5);
    assert.deepEqual(answer(index, QUESTIONS[0]!), answer(seeds, QUESTIONS[0]!));
    const reloaded = await loadSavedIndex(file, await corpusFingerprint(corpus));
    assert.ok('index' in reloaded, 'the corrupt file was not rewritten');
  });

  test('openIndex rebuilds a stale file after the corpus changed, and rewrites it', async (t) => {
    const corpus = await seedCopy(t);
    const file = path.join(await tempDir(t, 'open'), 'index.json');
    await openIndex(corpus, file, silent);
    const before = await readFile(file);
    await writeFile(path.join(corpus, 'new.txt'), 'Bridge reopens\nThe Kessington bridge reopened to traffic on Sunday after repairs.\n');
    const { index } = await openIndex(corpus, file, silent);
    assert.equal(index.documents.length, 6);
    const result = answer(index, 'When did the Kessington bridge reopen?');
    assert.ok(result.answered);
    assert.equal(result.results[0]!.source.id, 'new.txt');
    assert.notDeepEqual(await readFile(file), before);
    const reloaded = await loadSavedIndex(file, await corpusFingerprint(corpus));
    assert.ok('index' in reloaded, 'the stale file was not rewritten');
    assert.equal(reloaded.index.documents.length, 6);
  });

  test('openIndex trusts a fresh file and leaves it alone', async (t) => {
    const corpus = await seedCopy(t);
    const file = path.join(await tempDir(t, 'open'), 'index.json');
    await openIndex(corpus, file, silent);
    const saved = await readFile(file);
    const { ino } = await stat(file);
    const { index } = await openIndex(corpus, file, silent);
    assert.deepEqual(await readFile(file), saved);
    assert.equal((await stat(file)).ino, ino, 'a fresh index was written again');
    assert.deepEqual(answer(index, QUESTIONS[1]!), answer(seeds, QUESTIONS[1]!));
    // Served, the slices no question read yet are read in the background, soon after.
    new LiveIndex(index, { dir: corpus, indexFile: file, log: silent });
    const { tree } = exportState(index.search);
    await until(() => ![...tree.values()].some((node) => node instanceof LazyMap));
    assert.deepEqual(exportState(index.search), exportState(seeds.search));
  });

  test('a served index whose search tree is damaged behind its checksum is rebuilt and saved again', async (t) => {
    const corpus = await seedCopy(t);
    const file = path.join(await tempDir(t, 'damaged'), 'index.json');
    // Each slice keeps the opening bytes of a serialised Map, so that loading (which reads no slice) trusts it.
    await writeFile(file, edited((copy) => {
      for (const slice of copy.treeSlices) slice[1] = (slice[1] as Uint8Array).subarray(0, 8);
    }));
    const { index } = await openIndex(corpus, file, silent);
    assert.throws(() => answer(index, QUESTIONS[0]!));
    const live = new LiveIndex(index, { dir: corpus, indexFile: file, log: silent });
    await until(() => live.current !== index);
    assert.deepEqual(answer(live.current, QUESTIONS[0]!), answer(seeds, QUESTIONS[0]!));
    // The rebuilt index is saved over the damaged file: loaded, it reads whole.
    await until(async () => {
      const saved = await loadSavedIndex(file, seeds.fingerprint);
      if (!('index' in saved)) return false;
      return expandSearch(saved.index.search).then(() => true, () => false);
    });
  });
});

describe('atomic saving', () => {
  test('the target is replaced by a rename and no temporary file is left behind', async (t) => {
    const dir = await tempDir(t, 'atomic');
    const file = path.join(dir, 'index.json');
    await saveIndex(seeds, file);
    assert.deepEqual(await readdir(dir), ['index.json']);

    // A hard link keeps the old file's inode: a rename leaves it untouched, writing in place would change it.
    const oldBytes = await readFile(file);
    await link(file, path.join(dir, 'old-link.json'));
    const { index: other } = await buildFromFolder(await seedCopyWithExtra(t));
    await saveIndex(other, file);
    assert.deepEqual(await readFile(path.join(dir, 'old-link.json')), oldBytes, 'the old file was overwritten in place');
    assert.notEqual((await stat(file)).ino, (await stat(path.join(dir, 'old-link.json'))).ino);
    assert.ok('index' in (await loadSavedIndex(file, other.fingerprint)));
    assert.deepEqual((await readdir(dir)).sort(), ['index.json', 'old-link.json']);
  });

  test('a failed save leaves no temporary file and the old target untouched', async (t) => {
    const dir = await tempDir(t, 'failed');
    // A folder in the way: the rename onto it fails.
    const target = path.join(dir, 'index.json');
    await mkdir(target);
    await writeFile(path.join(target, 'keep.txt'), 'keep');
    await assert.rejects(saveIndex(seeds, target));
    assert.deepEqual(await readdir(dir), ['index.json']);
    assert.deepEqual(await readdir(target), ['keep.txt']);
  });

  test('concurrent saves to one file each succeed and leave a whole index', async (t) => {
    const dir = await tempDir(t, 'concurrent');
    const file = path.join(dir, 'index.json');
    const outcomes = await Promise.allSettled([saveIndex(seeds, file), saveIndex(seeds, file), saveIndex(seeds, file)]);
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'fulfilled', 'fulfilled'], JSON.stringify(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))));
    assert.deepEqual(await readdir(dir), ['index.json']);
    assert.ok('index' in (await loadSavedIndex(file, seeds.fingerprint)));
  });
});

/** A copy of the seeds with one more article: another fingerprint, other contents. */
async function seedCopyWithExtra(t: TestContext): Promise<string> {
  const dir = await seedCopy(t);
  await writeFile(path.join(dir, 'extra.txt'), 'An extra article\nThe extra article says little.\n');
  return dir;
}
