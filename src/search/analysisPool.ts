import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AnalysisState, analyzeDocuments, type AnalyzedBatch } from './passageAnalysis.ts';

type Documents = ReadonlyArray<{ paragraphs: readonly string[] }>;

/**
 * Analyses batches of documents off the main thread when it can, in as many threads as there are cores (up to
 * `MAX_WORKERS`). Batches come back in the order they were sent, their terms numbered in the order first seen.
 */
export interface BatchAnalyzer {
  /** How many batches are analysed at once. */
  parallelism: number;
  analyze(documents: Documents, firstDocument: number): Promise<AnalyzedBatch>;
  close(): Promise<void>;
}

/** One thread's analysis, its terms numbered in the order that thread first saw them. */
interface ThreadAnalyzer {
  analyze(documents: Documents, firstDocument: number): Promise<AnalyzedBatch>;
  close(): Promise<void>;
}

const MAX_WORKERS = 4;

/**
 * Worker threads do the analysis (splitting, stemming, aliases): building uses every core, and the event loop
 * that answers questions is never held by analysis. Where no worker can start, or `inThread` asks for it (a corpus
 * this thread analyses sooner than a worker starts), the same code runs in this thread, one batch per turn of the
 * event loop.
 */
export function startBatchAnalyzer(batches: number, { inThread = false }: { inThread?: boolean } = {}): BatchAnalyzer {
  const threads: ThreadAnalyzer[] = [];
  try {
    if (!inThread) for (let i = 0; i < Math.max(1, Math.min(MAX_WORKERS, availableParallelism(), batches)); i++) threads.push(workerAnalyzer());
  } catch {
    for (const thread of threads.splice(0)) void thread.close();
  }
  if (threads.length === 0) threads.push(inThreadAnalyzer());
  // Each thread numbers the terms it sees; here they get one numbering, in batch order, so that a term's number
  // says when the corpus first used it whichever thread read it.
  const vocabulary = new Map<string, number>();
  const globalOf = threads.map(() => [] as number[]);
  let sent = 0;
  let previous: Promise<unknown> = Promise.resolve();
  return {
    parallelism: threads.length,
    analyze: (documents, firstDocument) => {
      const thread = sent++ % threads.length;
      const analysed = threads[thread]!.analyze(documents, firstDocument);
      // Handled at once, not only when the batches before it are: a thread that fails while another is still busy
      // must reject this build, not end the process with an unhandled rejection.
      const numbered = Promise.all([analysed, previous]).then(([batch]) => renumber(batch, globalOf[thread]!, vocabulary));
      previous = numbered.catch(() => {});
      return numbered;
    },
    close: async () => {
      vocabulary.clear();
      await Promise.all(threads.map((thread) => thread.close()));
    },
  };
}

/**
 * The batch with its terms renumbered into the corpus-wide vocabulary, which grows by its new terms: its term
 * arrays are rewritten in place, and its new terms are those new to the corpus rather than to its thread.
 */
function renumber(batch: AnalyzedBatch, globalOf: number[], vocabulary: Map<string, number>): AnalyzedBatch {
  const newTerms: string[] = [];
  for (const term of batch.newTerms) {
    let id = vocabulary.get(term);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(term, id);
      newTerms.push(term);
    }
    globalOf.push(id);
  }
  for (const ids of [batch.tokenTerms, batch.distinctTerms]) {
    for (let k = 0; k < ids.length; k++) {
      const id = globalOf[ids[k]!];
      // Only a thread whose numbering ran ahead of what it reported (a failed batch) can leave a term unknown.
      if (id === undefined) throw new Error(`analysis numbered term ${ids[k]} without reporting it`);
      ids[k] = id;
    }
  }
  return { ...batch, newTerms };
}

function workerAnalyzer(): ThreadAnalyzer {
  const entry = new URL('./analysisWorker' + (import.meta.url.endsWith('.ts') ? '.ts' : '.js'), import.meta.url);
  // Under tsx the worker must register the TypeScript loader itself: module hooks are per thread.
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`,
        { eval: true },
      )
    : new Worker(entry);
  const pending: Array<{ resolve: (batch: AnalyzedBatch) => void; reject: (error: Error) => void }> = [];
  let failure: Error | undefined;
  worker.on('message', (batch: AnalyzedBatch) => pending.shift()?.resolve(batch));
  worker.on('error', (error) => {
    failure = error;
    for (const waiter of pending.splice(0)) waiter.reject(error);
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`analysis worker exited with code ${code}`);
    for (const waiter of pending.splice(0)) waiter.reject(failure);
  });
  return {
    analyze: (documents, firstDocument) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        pending.push({ resolve, reject });
        worker.postMessage({ documents: documents.map((d) => ({ paragraphs: d.paragraphs })), firstDocument });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

function inThreadAnalyzer(): ThreadAnalyzer {
  const state = new AnalysisState();
  // A batch that failed half-way has numbered terms it never reported: nothing after it can be trusted.
  let failure: unknown;
  return {
    analyze: async (documents, firstDocument) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (failure !== undefined) throw failure;
      try {
        return analyzeDocuments(documents, firstDocument, state);
      } catch (error) {
        failure = error;
        throw error;
      }
    },
    close: async () => {},
  };
}
