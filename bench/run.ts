import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CorpusError } from '../src/corpus/load.ts';
import { buildIndex } from '../src/search/newsIndex.ts';
import { saveIndex } from '../src/search/store.ts';
import { HELP, parseBenchArgs, USAGE, UsageError, type BenchOptions } from './args.ts';
import { BENCH_FINGERPRINT, BenchError, countWords, loadArchive, type Archive } from './archive.ts';
import type { NewsdeskResult, StockResult } from './job.ts';
import { describeEnvironment } from './environment.ts';
import { benchProgress, type BenchProgress } from './progress.ts';
import { generateQuestions, RELOAD_SEED, WARMUP_SEED } from './questions.ts';
import { reportJson, reportTable, type BuildMeasure } from './report.ts';
import { measureInChild, stopChildren } from './spawnChild.ts';
import { buildStockIndex } from './stock.ts';

/**
 * `npm run bench -- --corpus DIR [--copies N] [--questions Q] [--json]`: Newsdesk against stock MiniSearch on
 * an archive made of DIR repeated N times. Indexes are built and saved here; each is then loaded and questioned
 * in a fresh child process (`child.ts`), so that its load time and memory are its own.
 */
const WARMUP_QUESTIONS = 20;
/** Stock MiniSearch is slow at archive size; the issue asks for at least 50 of the same questions. */
const STOCK_QUESTIONS = 100;
const RELOAD = { intervalMs: 10, minQuestions: 200 };

interface Questions {
  measured: string[];
  warmup: string[];
  /** Asked while the index reloads. */
  duringReload: string[];
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-bench-'));
  // Saved indexes are large (tens of MB per copy) and a child may be mid-measurement: an interrupted run must
  // leave neither behind.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      stopChildren();
      rmSync(workDir, { recursive: true, force: true });
      process.exit(code);
    });
  }
  const progress = benchProgress();
  try {
    await runBenchmark(options, workDir, progress);
  } finally {
    progress.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

async function runBenchmark(options: BenchOptions, workDir: string, progress: BenchProgress): Promise<void> {
  // Before anything of ours runs: the load average says what else the machine was doing.
  const environment = await describeEnvironment();
  const archive = await loadArchive(options.corpus, options.copies, (p) => progress.update('Reading files', p.filesRead, p.filesTotal));
  const generated = generateQuestions(archive.base.documents, options.questions);
  const texts = (count: number, seed: number) => generateQuestions(archive.base.documents, count, seed).map((q) => q.text);
  const questions: Questions = {
    measured: generated.map((q) => q.text),
    warmup: texts(WARMUP_QUESTIONS, WARMUP_SEED),
    duringReload: texts(options.questions, RELOAD_SEED),
  };
  const newsdesk = await measureNewsdesk(archive, questions, workDir, progress);
  const stock = await measureStock(archive, questions, workDir, progress);
  progress.stop();
  const input = {
    corpus: archive.base.dir,
    copies: archive.copies,
    documents: archive.corpus.documents.length,
    passages: newsdesk.passages,
    paragraphs: archive.corpus.documents.reduce((sum, doc) => sum + doc.paragraphs.length, 0),
    // Every copy has the same words: counting the base once is enough.
    words: countWords(archive.base.documents) * archive.copies,
    kinds: generated.map((q) => q.kind),
    newsdesk,
    stock,
    reloadIntervalMs: RELOAD.intervalMs,
    environment,
  };
  process.stdout.write(options.json ? `${JSON.stringify(reportJson(input))}\n` : `${reportTable(input)}\n`);
}

async function measureNewsdesk(
  archive: Archive,
  questions: Questions,
  workDir: string,
  progress: BenchProgress,
): Promise<BuildMeasure & NewsdeskResult & { passages: number }> {
  const indexFile = path.join(workDir, 'newsdesk-index.json');
  const built = await buildAndSaveNewsdesk(archive, indexFile, progress);
  progress.note(`Measuring Newsdesk in a fresh process: load, memory, ${questions.measured.length} questions, then questions during a reload…`);
  const job = {
    engine: 'newsdesk' as const,
    indexFile,
    warmup: questions.warmup,
    questions: questions.measured,
    reload: { corpusDir: archive.base.dir, copies: archive.copies, ...RELOAD, questions: questions.duringReload },
  };
  return { ...built, ...(await measureInChild(job, path.join(workDir, 'newsdesk-job.json'))) };
}

/** Builds (timed) and saves the index; it is then dropped, so the parent does not hold it while children run. */
async function buildAndSaveNewsdesk(archive: Archive, file: string, progress: BenchProgress): Promise<BuildMeasure & { passages: number }> {
  const started = performance.now();
  const index = await buildIndex(archive.corpus, BENCH_FINGERPRINT, {
    // Passages are counted as they are found, so only documents give the bar a fixed end.
    onProgress: (p) => progress.update('Newsdesk index', p.documentsDone, p.documentsTotal),
  });
  const buildMs = performance.now() - started;
  progress.note(`Built the Newsdesk index in ${(buildMs / 1000).toFixed(1)} s; saving it…`);
  const indexBytes = await saveIndex(index, file);
  return { buildMs, indexBytes, passages: index.passageCount };
}

async function measureStock(archive: Archive, questions: Questions, workDir: string, progress: BenchProgress): Promise<BuildMeasure & StockResult> {
  const indexFile = path.join(workDir, 'stock-index.json');
  const built = await buildAndSaveStock(archive, indexFile, progress);
  progress.note(`Measuring stock MiniSearch in a fresh process: load, memory, ${STOCK_QUESTIONS} questions…`);
  const job = { engine: 'stock' as const, indexFile, warmup: questions.warmup, questions: questions.measured.slice(0, STOCK_QUESTIONS) };
  return { ...built, ...(await measureInChild(job, path.join(workDir, 'stock-job.json'))) };
}

async function buildAndSaveStock(archive: Archive, file: string, progress: BenchProgress): Promise<BuildMeasure> {
  const started = performance.now();
  const search = await buildStockIndex(archive.corpus.documents, (p) => progress.update('Stock MiniSearch', p.paragraphsIndexed, p.paragraphsTotal));
  const buildMs = performance.now() - started;
  const json = JSON.stringify(search);
  await writeFile(file, json);
  return { buildMs, indexBytes: Buffer.byteLength(json) };
}

/** Known errors end the run with one line; anything else with its stack. */
function fail(error: unknown): never {
  if (error instanceof UsageError) process.stderr.write(`bench: ${error.message} (${USAGE})\n`);
  else if (error instanceof CorpusError || error instanceof BenchError) process.stderr.write(`bench: ${error.message}\n`);
  else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

main().catch(fail);
