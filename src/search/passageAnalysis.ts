import { analyze, nextReadingNumber, NO_READING, type Token } from './analyzer.ts';
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

/** A build's arrays cover this many readings at most (20 MB); readings beyond are looked up as strings. */
const MAX_READINGS = 1 << 22;

/**
 * What analysing one corpus carries from batch to batch: the terms numbered so far, in the order first seen, and the
 * spellings reported. Each word reading (see `Token.reading`) made since the analysis began keeps its term's number
 * and whether its spelling was dealt with, in arrays it indexes: looking every token's term and spelling up in tables
 * of tens of thousands of strings was about a third of analysing the archive. Readings made before (by questions or
 * an earlier build in the same thread) are looked up as strings, so that the arrays grow with this corpus only.
 */
export class AnalysisState {
  private readonly firstReading = nextReadingNumber();
  private readonly vocabulary = new Map<string, number>();
  private readonly spellingsSeen = new Set<string>();
  /** By reading: its term's number plus one (0: not numbered yet)… */
  private termByReading = new Int32Array(1024);
  /** …and 1 once its spelling was dealt with. */
  private spelledByReading = new Uint8Array(1024);

  /** The term's number; a term seen for the first time is numbered next and added to `newTerms`. */
  numberOf(token: Token, newTerms: string[]): number {
    const reading = this.roomFor(token.reading);
    const known = reading === NO_READING ? 0 : this.termByReading[reading]!;
    if (known > 0) return known - 1;
    let number = this.vocabulary.get(token.term);
    if (number === undefined) {
      number = this.vocabulary.size;
      this.vocabulary.set(token.term, number);
      newTerms.push(token.term);
    }
    if (reading !== NO_READING) this.termByReading[reading] = number + 1;
    return number;
  }

  /**
   * Whether the token's folded word (four letters or more) is one the corpus had not had yet: the spellings the
   * corrector may offer. Once per reading: "Said" and "said" are two readings of one spelling.
   */
  isNewSpelling(token: Token): boolean {
    const reading = this.roomFor(token.reading);
    if (reading !== NO_READING) {
      if (this.spelledByReading[reading] === 1) return false;
      this.spelledByReading[reading] = 1;
    }
    if (token.surface.length < 4 || token.surface.includes(' ') || this.spellingsSeen.has(token.surface)) return false;
    this.spellingsSeen.add(token.surface);
    return true;
  }

  /** Where the reading numbered `number` stands in the arrays, making room for it; NO_READING when it has no place there. */
  private roomFor(number: number): number {
    if (number === NO_READING) return NO_READING;
    const reading = number - this.firstReading;
    if (reading < 0 || reading >= MAX_READINGS) return NO_READING;
    if (reading >= this.termByReading.length) {
      let length = this.termByReading.length;
      while (length <= reading) length *= 2;
      const terms = new Int32Array(length);
      terms.set(this.termByReading);
      this.termByReading = terms;
      const spelled = new Uint8Array(length);
      spelled.set(this.spelledByReading);
      this.spelledByReading = spelled;
    }
    return reading;
  }
}

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
          const id = state.numberOf(token, newTerms);
          tokenTerms.push(id);
          tokenBounds.push(token.start, token.end);
          distinct.add(id);
          if (state.isNewSpelling(token)) spellings.push([token.surface, token.term]);
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
