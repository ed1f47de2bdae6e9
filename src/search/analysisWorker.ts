import { parentPort } from 'node:worker_threads';
import { analyzeDocuments } from './passageAnalysis.ts';

/** Worker thread entry: analyses batches of documents for buildIndex while the main thread indexes the last one. */
const seen = new Set<string>();
parentPort?.on('message', (batch: { documents: Array<{ paragraphs: string[] }>; firstDocument: number }) => {
  const result = analyzeDocuments(batch.documents, batch.firstDocument, seen);
  parentPort?.postMessage(result, [result.spans.buffer, result.sentenceCounts.buffer, result.sentenceBounds.buffer] as ArrayBuffer[]);
});
