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
  /** Per sentence: how many tokens it has… */
  tokenCounts: Uint32Array;
  /** …and each token's term, by its number in the vocabulary. */
  tokenTerms: Uint32Array;
  /** Terms first seen in this batch, in the order of their numbers: the vocabulary grows by them. */
  newTerms: string[];
  /** Folded words (4+ letters) first seen in this batch, with their term: the spelling vocabulary. */
  spellings: Array<[string, string]>;
  /** In how many of this batch's passages each term occurs. */
  frequencies: Array<[string, number]>;
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
  const terms: string[] = [];
  const sentenceCounts: number[] = [];
  const sentenceBounds: number[] = [];
  const tokenCounts: number[] = [];
  const tokenTerms: number[] = [];
  const newTerms: string[] = [];
  const spellings: Array<[string, string]> = [];
  const frequencies = new Map<string, number>();
  const { seen, vocabulary } = state;
  documents.forEach((doc, offset) => {
    for (const span of passagesOf(doc.paragraphs)) {
      spans.push(firstDocument + offset, span.paragraph, span.start, span.end);
      const text = doc.paragraphs[span.paragraph]!.slice(span.start, span.end);
      // Sentences and their terms are kept with the passage, found off the main thread: answering reads a passage
      // sentence by sentence, and analysing it again for every question would cost more than the rest of reading it.
      sentenceCounts.push(span.sentences.length);
      const distinct = new Set<string>();
      for (const sentence of span.sentences) {
        sentenceBounds.push(sentence.start, sentence.end);
        const tokens = analyze(text.slice(sentence.start, sentence.end), { offset: sentence.start });
        tokenCounts.push(tokens.length);
        for (const token of tokens) {
          let id = vocabulary.get(token.term);
          if (id === undefined) {
            id = vocabulary.size;
            vocabulary.set(token.term, id);
            newTerms.push(token.term);
          }
          tokenTerms.push(id);
          distinct.add(token.term);
          if (token.surface.length >= 4 && !seen.has(token.surface) && !token.surface.includes(' ')) {
            seen.add(token.surface);
            spellings.push([token.surface, token.term]);
          }
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
    tokenCounts: Uint32Array.from(tokenCounts),
    tokenTerms: Uint32Array.from(tokenTerms),
    newTerms,
    spellings,
    frequencies: [...frequencies],
  };
}
