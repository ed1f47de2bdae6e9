import { parentPort } from 'node:worker_threads';
import { AnalysisState, analyzeDocuments } from './passageAnalysis.ts';

/** Worker thread entry: analyses batches of documents for buildIndex, in the order they come. */
const state = new AnalysisState();
parentPort?.on('message', (batch: { documents: Array<{ paragraphs: string[] }>; firstDocument: number }) => {
  const result = analyzeDocuments(batch.documents, batch.firstDocument, state);
  const buffers = [result.spans, result.distinctCounts, result.distinctTerms, result.sentenceCounts, result.sentenceBounds, result.tokenCounts, result.tokenTerms, result.tokenBounds].map((a) => a.buffer);
  parentPort?.postMessage(result, buffers as ArrayBuffer[]);
});
