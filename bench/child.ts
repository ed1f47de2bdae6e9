import { readFile } from 'node:fs/promises';
import type MiniSearch from 'minisearch';
import { answer } from '../src/search/answer.ts';
import { LiveIndex } from '../src/search/liveIndex.ts';
import { buildIndex, type NewsIndex } from '../src/search/newsIndex.ts';
import { expandSearch } from '../src/search/miniSearchState.ts';
import { loadSavedIndex } from '../src/search/store.ts';
import { BENCH_FINGERPRINT, loadArchive } from './archive.ts';
import type { ChildJob, LoadMeasure, NewsdeskJob, NewsdeskResult, StockJob, StockResult } from './job.ts';
import { latencyDuringReload, timeEachQuestion } from './latency.ts';
import { toMB } from './stats.ts';
import { loadStockIndex, stockSearch, type StockParagraph } from './stock.ts';

/**
 * The measuring child: loads one saved index in a fresh process, reads its memory, times questions (and, for
 * Newsdesk, questions during a reload), and prints its figures as one JSON line on stdout. Run by `run.ts`.
 */
const gc = (globalThis as { gc?: () => void }).gc;

function collectGarbage(): boolean {
  if (!gc) return false;
  // Twice: the first pass can leave objects only a second one frees (weak references, finalizers).
  gc();
  gc();
  return true;
}

const residentMB = (): number => toMB(process.memoryUsage().rss);

/**
 * Loads an index and measures the load: the time until it answers, then the time until `complete` has put all of
 * it in memory (Newsdesk reads its search tree's slices on first use, see `LazyMap`), then memory once everything
 * the load left behind is collected.
 */
async function measureLoad<T>(load: () => Promise<T>, complete?: (loaded: T) => Promise<void>): Promise<{ loaded: T; measure: LoadMeasure }> {
  collectGarbage();
  const baseRssMB = residentMB();
  const started = performance.now();
  const loaded = await load();
  const loadMs = performance.now() - started;
  await complete?.(loaded);
  const completeMs = performance.now() - started;
  const collected = collectGarbage();
  return { loaded, measure: { loadMs, completeMs, rssMB: residentMB(), baseRssMB, collected } };
}

async function loadNewsdesk(file: string): Promise<NewsIndex> {
  const loaded = await loadSavedIndex(file, BENCH_FINGERPRINT);
  if ('stale' in loaded) throw new Error(`the saved index did not load: ${loaded.stale}`);
  return loaded.index;
}

async function runNewsdesk(job: NewsdeskJob): Promise<NewsdeskResult> {
  const { loaded: index, measure } = await measureLoad(
    () => loadNewsdesk(job.indexFile),
    (index) => expandSearch(index.search),
  );
  const timings = timeEachQuestion(job.questions, job.warmup, (question) => answer(index, question).answered);
  // A reload saves its index as the bot's does, beside the loaded one (in run.ts's temporary folder): saving a large
  // index must not stall the answers either.
  const live = new LiveIndex(index, { dir: job.reload.corpusDir, indexFile: `${job.indexFile}.reloaded`, build: (dir) => rebuild(dir, job.reload.copies) });
  const reload = await latencyDuringReload(job.reload.questions, (question) => answer(live.current, question), () => reloadOrThrow(live), job.reload);
  return { engine: 'newsdesk', ...measure, timings, reload };
}

/** What a reload does: read the corpus folder again, repeat it, index it. */
async function rebuild(dir: string, copies: number) {
  const archive = await loadArchive(dir, copies);
  return { index: await buildIndex(archive.corpus, BENCH_FINGERPRINT), skipped: archive.corpus.skipped };
}

async function reloadOrThrow(live: LiveIndex): Promise<void> {
  const outcome = await live.reload();
  if (outcome.status !== 'reloaded') throw new Error(`the reload did not complete: ${JSON.stringify(outcome)}`);
}

async function loadStock(file: string): Promise<MiniSearch<StockParagraph>> {
  return loadStockIndex(await readFile(file, 'utf8'));
}

async function runStock(job: StockJob): Promise<StockResult> {
  const { loaded: search, measure } = await measureLoad(() => loadStock(job.indexFile));
  const timings = timeEachQuestion(job.questions, job.warmup, (question) => stockSearch(search, question) > 0);
  return { engine: 'stock', ...measure, timings };
}

async function main(): Promise<void> {
  const jobFile = process.argv[2];
  if (!jobFile) throw new Error('usage: child.ts JOB.json');
  const job = JSON.parse(await readFile(jobFile, 'utf8')) as ChildJob;
  const result = job.engine === 'newsdesk' ? await runNewsdesk(job) : await runStock(job);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
