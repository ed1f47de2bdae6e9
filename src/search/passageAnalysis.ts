import { analyze } from './analyzer.ts';
import { passagesOf } from './passages.ts';

/** What indexing needs from a run of documents: their passages and each passage's distinct terms. */
export interface AnalyzedBatch {
  /** Per passage: document index, paragraph index, start, end (four numbers a passage). */
  spans: Uint32Array;
  /** Per passage: its distinct terms joined by spaces, as MiniSearch will read them. */
  terms: string[];
  /** Per passage: how many sentences it has… */
  sentenceCounts: Uint32Array;
  /** …and each sentence's start and end, relative to the passage (two numbers a sentence). */
  sentenceBounds: Uint32Array;
  /** Folded words (4+ letters) first seen in this batch, with their term: the spelling vocabulary. */
  spellings: Array<[string, string]>;
  /** In how many of this batch's passages each term occurs. */
  frequencies: Array<[string, number]>;
}

/**
 * Splits documents into passages and analyses each one. Pure and synchronous, so it runs the same in a worker
 * thread or, where none can be started, in the calling thread. `seen` carries the spellings already reported.
 */
export function analyzeDocuments(
  documents: ReadonlyArray<{ paragraphs: readonly string[] }>,
  firstDocument: number,
  seen: Set<string>,
): AnalyzedBatch {
  const spans: number[] = [];
  const terms: string[] = [];
  const sentenceCounts: number[] = [];
  const sentenceBounds: number[] = [];
  const spellings: Array<[string, string]> = [];
  const frequencies = new Map<string, number>();
  documents.forEach((doc, offset) => {
    for (const span of passagesOf(doc.paragraphs)) {
      spans.push(firstDocument + offset, span.paragraph, span.start, span.end);
      const text = doc.paragraphs[span.paragraph]!.slice(span.start, span.end);
      // Sentences are kept with the passage, found off the main thread: answering reads a passage sentence by sentence.
      sentenceCounts.push(span.sentences.length);
      for (const sentence of span.sentences) sentenceBounds.push(sentence.start, sentence.end);
      const distinct = new Set<string>();
      for (const token of analyze(text)) {
        distinct.add(token.term);
        if (token.surface.length >= 4 && !seen.has(token.surface) && !token.surface.includes(' ')) {
          seen.add(token.surface);
          spellings.push([token.surface, token.term]);
        }
      }
      for (const term of distinct) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      terms.push([...distinct].join(' '));
    }
  });
  return {
    spans: Uint32Array.from(spans),
    terms,
    sentenceCounts: Uint32Array.from(sentenceCounts),
    sentenceBounds: Uint32Array.from(sentenceBounds),
    spellings,
    frequencies: [...frequencies],
  };
}
