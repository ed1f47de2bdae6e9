import { analyze } from './analyzer.ts';
import { passagesOf } from './passages.ts';

/** What indexing needs from a run of documents: their passages and each passage's distinct terms. */
export interface AnalyzedBatch {
  /** Per passage: document index, paragraph index, start, end (four numbers a passage). */
  spans: Uint32Array;
  /** Per passage: its distinct terms joined by spaces, as MiniSearch will read them. */
  terms: string[];
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
  const spellings: Array<[string, string]> = [];
  const frequencies = new Map<string, number>();
  documents.forEach((doc, offset) => {
    for (const span of passagesOf(doc.paragraphs)) {
      spans.push(firstDocument + offset, span.paragraph, span.start, span.end);
      const distinct = new Set<string>();
      for (const token of analyze(doc.paragraphs[span.paragraph]!.slice(span.start, span.end))) {
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
  return { spans: Uint32Array.from(spans), terms, spellings, frequencies: [...frequencies] };
}
