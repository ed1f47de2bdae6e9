import { analyze } from './analyzer.ts';
import { passagesOf } from './passages.ts';

/** What indexing needs from a run of documents: their passages and each passage's distinct terms. */
export interface AnalyzedBatch {
  /** Per passage: document index, paragraph index, start, end (four numbers a passage). */
  spans: Uint32Array;
  /** Per passage: how many distinct terms it has… */
  distinctCounts: Uint32Array;
  /** …and which, by number, in the order first seen. */
  distinctTerms: Uint32Array;
  /** Per passage: how many sentences it has… */
  sentenceCounts: Uint32Array;
  /** …and each sentence's start and end, relative to the passage (two numbers a sentence). */
  sentenceBounds: Uint32Array;
  /** Per sentence: how many tokens it has… */
  tokenCounts: Uint32Array;
  /** …each token's term, by its number in the vocabulary… */
  tokenTerms: Uint32Array;
  /** …and its start and end, relative to its sentence (two numbers a token). */
  tokenBounds: Uint32Array;
  /** Terms first seen in this batch, in the order of their numbers: the vocabulary grows by them. */
  newTerms: string[];
  /** Folded words (4+ letters) first seen in this batch, with their term: the spelling vocabulary. */
  spellings: Array<[string, string]>;
}

/** What analysing one corpus carries from batch to batch: the spellings reported and the terms numbered so far. */
export interface AnalysisState {
  seen: Set<string>;
  vocabulary: Map<string, number>;
}

export const newAnalysisState = (): AnalysisState => ({ seen: new Set(), vocabulary: new Map() });

/**
 * Splits documents into passages and analyses each one, sentence by sentence. Pure but for `state`, and
 * synchronous, so it runs the same in a worker thread or, where none can be started, in the calling thread.
 */
export function analyzeDocuments(documents: ReadonlyArray<{ paragraphs: readonly string[] }>, firstDocument: number, state: AnalysisState): AnalyzedBatch {
  const spans: number[] = [];
  const distinctCounts: number[] = [];
  const distinctTerms: number[] = [];
  const sentenceCounts: number[] = [];
  const sentenceBounds: number[] = [];
  const tokenCounts: number[] = [];
  const tokenTerms: number[] = [];
  const tokenBounds: number[] = [];
  const newTerms: string[] = [];
  const spellings: Array<[string, string]> = [];
  const { seen, vocabulary } = state;
  documents.forEach((doc, offset) => {
    for (const span of passagesOf(doc.paragraphs)) {
      spans.push(firstDocument + offset, span.paragraph, span.start, span.end);
      const text = doc.paragraphs[span.paragraph]!.slice(span.start, span.end);
      // Sentences and their terms are kept with the passage, found off the main thread: answering reads a passage
      // sentence by sentence, and analysing it again for every question would cost more than the rest of reading it.
      sentenceCounts.push(span.sentences.length);
      const distinct = new Set<number>();
      for (const sentence of span.sentences) {
        sentenceBounds.push(sentence.start, sentence.end);
        const tokens = analyze(text.slice(sentence.start, sentence.end));
        tokenCounts.push(tokens.length);
        for (const token of tokens) {
          let id = vocabulary.get(token.term);
          if (id === undefined) {
            id = vocabulary.size;
            vocabulary.set(token.term, id);
            newTerms.push(token.term);
          }
          tokenTerms.push(id);
          tokenBounds.push(token.start, token.end);
          distinct.add(id);
          if (token.surface.length >= 4 && !seen.has(token.surface) && !token.surface.includes(' ')) {
            seen.add(token.surface);
            spellings.push([token.surface, token.term]);
          }
        }
      }
      distinctCounts.push(distinct.size);
      for (const id of distinct) distinctTerms.push(id);
    }
  });
  return {
    spans: Uint32Array.from(spans),
    distinctCounts: Uint32Array.from(distinctCounts),
    distinctTerms: Uint32Array.from(distinctTerms),
    sentenceCounts: Uint32Array.from(sentenceCounts),
    sentenceBounds: Uint32Array.from(sentenceBounds),
    tokenCounts: Uint32Array.from(tokenCounts),
    tokenTerms: Uint32Array.from(tokenTerms),
    tokenBounds: Uint32Array.from(tokenBounds),
    newTerms,
    spellings,
  };
}
