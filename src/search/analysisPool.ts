import { Worker } from 'node:worker_threads';
import { analyzeDocuments, newAnalysisState, type AnalyzedBatch } from './passageAnalysis.ts';

type Documents = ReadonlyArray<{ paragraphs: readonly string[] }>;

/** Analyses batches of documents, in order (terms are numbered in the order first seen), off the main thread when it can. */
export interface BatchAnalyzer {
  analyze(documents: Documents, firstDocument: number): Promise<AnalyzedBatch>;
  close(): Promise<void>;
}

/**
 * A worker thread does the analysis (splitting, stemming, aliases) while the main thread feeds MiniSearch:
 * building uses both cores, and the event loop that answers questions is never held by analysis. Where no worker
 * can start, the same code runs in this thread, one batch per turn of the event loop.
 */
export function startBatchAnalyzer(): BatchAnalyzer {
  try {
    return workerAnalyzer();
  } catch {
    return inThreadAnalyzer();
  }
}

function workerAnalyzer(): BatchAnalyzer {
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

function inThreadAnalyzer(): BatchAnalyzer {
  const state = newAnalysisState();
  return {
    analyze: async (documents, firstDocument) => {
      await new Promise((resolve) => setImmediate(resolve));
      return analyzeDocuments(documents, firstDocument, state);
    },
    close: async () => {},
  };
}
