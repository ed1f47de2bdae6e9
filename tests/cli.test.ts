/**
 * The command-line contract the checks rely on: `ask --json` prints exactly one JSON line per question and
 * nothing else on stdout; questions come as arguments or one per line on stdin; bad options end with exit 1 and
 * a short message on stderr; plain output cites its source; `eval` prints the figures; `index` saves an index.
 * Each run is a real child process started from the repository root, with a temporary corpus and index file.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { indexPathFor } from '../src/config.ts';
import { loadSavedIndex, buildFromFolder, corpusFingerprint, saveIndex } from '../src/search/store.ts';
import { sharedPath } from './helpers/shared.ts';
import { runScript } from './helpers/runScript.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = path.join(ROOT, 'seeds');
const SAMPLE = sharedPath('eval/seeds-dev.jsonl');

/** The `--json` line, exactly as the issue writes it: no other keys. */
const jsonLine = z
  .object({
    question: z.string(),
    answered: z.boolean(),
    results: z.array(
      z
        .object({
          excerpt: z.string().min(1).max(400),
          source: z.object({ id: z.string().min(1), title: z.string().min(1), date: z.string().optional(), outlet: z.string().optional() }).strict(),
          paragraph: z.number().int().min(1),
          score: z.number().finite(),
          alsoIn: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict();
type JsonLine = z.infer<typeof jsonLine>;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: string;
let corpus: string;
let indexFile: string;

/** The environment of a run: no Discord settings, no inherited log level, the temporary corpus and index. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('DISCORD_') || key === 'LOG_LEVEL' || key === 'NODE_TEST_CONTEXT' || key === 'NODE_OPTIONS') delete env[key];
  return { ...env, CORPUS_DIR: corpus, INDEX_PATH: indexFile, ...extra };
}

/** Runs one of the CLIs as its npm script does, from the repository, in the test environment. */
const run = (script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> =>
  runScript(script, args, { env: environment(options.env), cwd: ROOT, ...(options.input === undefined ? {} : { stdin: options.input }) });

const ask = (args: string[], options?: { input?: string; env?: Record<string, string> }) => run('src/cli/ask.ts', args, options);

/** Every stdout line parsed and checked against the contract. */
function parseLines(result: Run): JsonLine[] {
  assert.equal(result.code, 0, result.stderr);
  assert.ok(result.stdout.endsWith('\n'), 'stdout ends with a newline');
  return result.stdout
    .slice(0, -1)
    .split('\n')
    .map((line, i) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        assert.fail(`stdout line ${i + 1} is not JSON: ${line.slice(0, 200)}`);
      }
      const parsed = jsonLine.safeParse(raw);
      assert.ok(parsed.success, `stdout line ${i + 1} breaks the contract: ${parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return parsed.data;
    });
}

before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-cli-'));
  corpus = path.join(work, 'seeds');
  await cp(SEEDS, corpus, { recursive: true, dereference: true });
  indexFile = path.join(work, 'index', 'seeds.index.json');
  // Built once here, so that each run only loads it.
  const { index } = await buildFromFolder(corpus);
  await saveIndex(index, indexFile);
});

after(() => rm(work, { recursive: true, force: true }));

describe('the ask and eval commands', { concurrency: true }, () => {
  test('--json with questions on stdin: one contract line per question, in order, nothing else', async () => {
    const questions = [
      'Who is the WHO spokesman?',
      'What is the boiling point of water at sea level?',
      'How many food rations are left in east Aleppo?',
      'What happened to the Al Jazeera bureau in the city?',
      'Who is the Russian UN ambassador?',
      'What did the minister say about the "draft resolution"?',
      'Türkiye’s role in “the talks”?',
      'Who said \\"nothing\\" at all {"json": true}?',
      `Aleppo ${'and the siege of the city '.repeat(60)}`.trim(),
    ];
    // Blank lines are no questions; Windows line endings are still line endings.
    const input = `${questions.slice(0, 4).join('\n')}\n\n   \n${questions.slice(4, 7).join('\r\n')}\r\n${questions.slice(7).join('\n')}`;
    const result = await ask(['--json'], { input });
    const lines = parseLines(result);
    assert.equal(lines.length, questions.length, result.stdout);
    assert.deepEqual(lines.map((line) => line.question), questions);

    const [who, absent, rations, bureau, churkin] = lines;
    assert.ok(who!.answered && who!.results.length > 0);
    assert.ok(who!.results[0]!.excerpt.includes('Tarik Jasarevic'), who!.results[0]!.excerpt);
    assert.equal(absent!.answered, false);
    assert.deepEqual(absent!.results, []);
    assert.ok(rations!.results.some((r) => r.excerpt.includes('4000 food rations')));

    // A repeated passage is one result, with the other document's id in alsoIn.
    const first = bureau!.results[0]!;
    assert.ok(first.excerpt.includes('Al Jazeera news agency'));
    assert.deepEqual([first.source.id, ...first.alsoIn].sort(), ['003_60a62e6749ea2996.txt', '004_10a781a0ece468b5.txt']);
    assert.equal(bureau!.results.filter((r) => r.excerpt.includes('Al Jazeera news agency')).length, 1);

    // Citations carry date and outlet when the article states them.
    const churkinResult = churkin!.results.find((r) => r.excerpt.includes('Vitaly Churkin'));
    assert.ok(churkinResult);
    assert.equal(churkinResult.source.id, '001_9af66bd40fa38a69.txt');
    assert.equal(churkinResult.source.date, '2016-10-06');
    assert.equal(churkinResult.source.outlet, 'Reuters');

    for (const line of lines) {
      assert.ok(line.results.length <= 3, 'default top is 3');
      if (!line.answered) assert.deepEqual(line.results, []);
      for (const r of line.results) {
        assert.ok(!/\*\*|__|\\[*_`~]|^>/.test(r.excerpt), `markdown in a plain-text excerpt: ${r.excerpt}`);
        assert.ok(!r.alsoIn.includes(r.source.id));
      }
    }
  });

  // Run once, on first use (after the corpus is set up), for the two tests that read it.
  let badTopRun: Promise<Run> | undefined;
  const badTop = () => (badTopRun ??= ask(['--json', '--top', '0', 'Who is the WHO spokesman?']));

  test('a bad --top ends with exit 1, nothing on stdout and a message naming --top', async () => {
    const result = await badTop();
    assert.equal(result.code, 1, `exit ${result.code}`);
    assert.equal(result.stdout, '');
    assert.match(result.stderr.trim().split('\n')[0]!, /--top/);
    assert.ok(!/\bat .+:\d+:\d+/.test(result.stderr), `a stack trace on stderr: ${result.stderr}`);
  });

  test('a bad --top prints exactly one line on stderr', async () => {
    const result = await badTop();
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  });

  test('a missing corpus folder ends with exit 1 and one line naming it', async () => {
    const missing = path.join(work, 'no-such-corpus');
    const result = await ask(['--json', 'x'], { env: { CORPUS_DIR: missing, INDEX_PATH: path.join(work, 'missing.index.json') } });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.ok(result.stderr.includes(missing), result.stderr);
  });

  test('each argument is one question; --corpus DIR answers from that folder; warnings go to stderr only', async () => {
    const dir = path.join(work, 'other-corpus');
    await cp(SEEDS, dir, { recursive: true, dereference: true });
    await writeFile(path.join(dir, 'bridge.txt'), 'Bridge reopens\nThe Kessington bridge reopened to traffic on Sunday after three months of repairs.\n');
    await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    // With --corpus the index goes to its own file under .newsdesk/: removed here so the run leaves nothing behind.
    const written = indexPathFor(dir, undefined);
    try {
      const result = await ask(['--json', '--corpus', dir, '--top', '2', 'When did the Kessington bridge reopen?', 'What is the boiling point of water?'], {
        // With questions as arguments, stdin is not read.
        input: 'What is the boiling point of water at sea level?\n',
        env: { LOG_LEVEL: 'info' },
      });
      const lines = parseLines(result);
      assert.equal(lines.length, 2, result.stdout);
      assert.equal(lines[0]!.question, 'When did the Kessington bridge reopen?');
      assert.equal(lines[1]!.question, 'What is the boiling point of water?');
      assert.equal(lines[1]!.answered, false);
      assert.ok(lines[0]!.answered);
      assert.ok(lines[0]!.results.length <= 2);
      assert.equal(lines[0]!.results[0]!.source.id, 'bridge.txt');
      assert.match(result.stderr, /broken\.txt/);
    } finally {
      await rm(written, { force: true });
    }
  });

  test('plain output reads like the reply, with a citation', async () => {
    const result = await ask(['--top', '1'], { input: 'Who is the Russian UN ambassador?\nWhat is the boiling point of water at sea level?\n' });
    assert.equal(result.code, 0, result.stderr);
    const [answered, refused] = result.stdout.split(/\n\s*\n/);
    assert.ok(answered!.includes('Vitaly Churkin'), result.stdout);
    assert.ok(answered!.includes('Reuters') && answered!.includes('2016-10-06'), answered);
    assert.match(answered!, /¶\d+/);
    assert.match(answered!, /001_9af66bd40fa38a69\.txt/);
    assert.ok(!result.stdout.trimStart().startsWith('{'), 'plain output is not JSON');
    assert.ok(refused!.includes('boiling point'), result.stdout);
    assert.match(refused!, /coverage/i);
  });

  test('eval on the sample set prints hit@1, hit@3, MRR, abstention and refusals', async () => {
    const result = await run('src/cli/eval.ts', [SAMPLE]);
    assert.equal(result.code, 0, result.stderr);
    for (const figure of [/hit@1 \d+(\.\d+)?%/, /hit@3 \d+(\.\d+)?%/, /MRR \d\.\d+/, /abstain\w* \d+(\.\d+)?%/i, /wrongly refused \d+(\.\d+)?%/i]) {
      assert.match(result.stdout, figure);
    }
    const sample = (await readFile(SAMPLE, 'utf8')).split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as { answerable?: boolean });
    assert.match(result.stdout, new RegExp(`Answerable ${sample.filter((q) => q.answerable !== false).length}\\b`));
    assert.match(result.stdout, new RegExp(`Unanswerable ${sample.filter((q) => q.answerable === false).length}\\b`));
  });

  test('index saves an index that ask loads', async () => {
    const out = path.join(work, 'built', 'index.json');
    const built = await run('src/cli/buildIndex.ts', ['--out', out]);
    assert.equal(built.code, 0, built.stderr);
    assert.equal(built.stdout, '');
    const loaded = await loadSavedIndex(out, await corpusFingerprint(corpus));
    assert.ok('index' in loaded, 'stale' in loaded ? loaded.stale : '');
    assert.equal(loaded.index.documents.length, 5);
  });
});
