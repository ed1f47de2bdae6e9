import type MiniSearch from 'minisearch';
import type { Corpus, NewsDocument } from '../corpus/types.ts';
import { analyze } from './analyzer.ts';
import { startBatchAnalyzer } from './analysisPool.ts';
import { isSubhead, MAX_SUBHEAD_CHARS } from './passages.ts';
import { postingsView, searchFromPassages, type IndexedPassage, type SearchBuildProgress } from './miniSearchState.ts';
import { PassagePostings } from './postings.ts';
import type { SourceRef } from './types.ts';

/** The subhead a passage stands under (see `NewsIndex.headingOf`). */
export interface Heading {
  terms: ReadonlySet<string>;
  /** A question, right above the passage: the paragraph answers it. */
  asks: boolean;
}

const NO_HEADING: Heading = { terms: new Set(), asks: false };
const HEADING_CACHE_LIMIT = 100_000;
const MAX_HEADING_RUN = 4;

/** Every passage, as parallel typed arrays: at archive size an object per passage costs more than the text. */
export interface PassageTable {
  doc: Uint32Array;
  paragraph: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
}

/**
 * Every passage's sentences, found when the index was built: passage p's sentences are bounds[2i], bounds[2i+1]
 * (start and end, relative to the passage) for i from first[p] to first[p + 1] - 1.
 */
export interface SentenceTable {
  first: Uint32Array;
  bounds: Uint32Array;
}

/**
 * Every sentence's index terms in order, as the analyzer found them when the index was built: sentence i's tokens
 * are k from first[i] to first[i + 1] - 1, the term vocabulary[term[k]] at bounds[2k] to bounds[2k + 1] in the
 * sentence. Answering reads passages sentence by sentence; analysing their text again for every question cost a
 * fifth of an answer.
 */
export interface TokenTable {
  first: Uint32Array;
  /** 16 bits a term while the vocabulary fits… */
  term: Uint16Array | Uint32Array;
  /** …and a bound while every sentence is shorter than 64k characters. */
  bounds: Uint16Array | Uint32Array;
  vocabulary: string[];
}

/** A term of a passage and where its words stand in the passage's text. */
export interface PassageToken {
  term: string;
  start: number;
  end: number;
}

/** What one document frequency table and spelling vocabulary hold, for weighting and correcting questions. */
export interface TermStats {
  /** In how many passages each term occurs. */
  documentFrequency: Map<string, number>;
  /** Folded words of the corpus (4+ letters) and the term each analyses to, for correcting misspelt questions. */
  spellings: Map<string, string>;
}

export interface IndexParts {
  fingerprint: string;
  documents: NewsDocument[];
  passages: PassageTable;
  sentences: SentenceTable;
  tokens: TokenTable;
  search: MiniSearch<IndexedPassage>;
  stats: TermStats;
}

/** A searchable corpus: documents, their passages, the MiniSearch index over them and term statistics. */
export class NewsIndex {
  readonly fingerprint: string;
  readonly documents: readonly NewsDocument[];
  readonly passages: PassageTable;
  readonly sentences: SentenceTable;
  readonly tokens: TokenTable;
  readonly search: MiniSearch<IndexedPassage>;
  readonly stats: TermStats;
  private readonly byId: Map<string, number>;
  private postingsTable: PassagePostings | undefined;
  private readonly titleTerms = new Map<number, ReadonlySet<string>>();
  /** By document: which paragraphs are subheads, found on first use (see `headingOf`). */
  private readonly subheads = new Map<number, Uint8Array>();
  private readonly headingBlocks = new Map<string, { right: Heading; above: Heading }>();

  constructor(parts: IndexParts) {
    this.fingerprint = parts.fingerprint;
    this.documents = parts.documents;
    this.passages = parts.passages;
    this.sentences = parts.sentences;
    this.tokens = parts.tokens;
    this.search = parts.search;
    this.stats = parts.stats;
    this.byId = new Map(parts.documents.map((doc, i) => [doc.id, i]));
  }

  get passageCount(): number {
    return this.passages.doc.length;
  }

  document(id: string): NewsDocument | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.documents[i];
  }

  /** BM25 scoring and term lookups over the passages, built on first use (see `warmUp` in answer.ts). */
  get postings(): PassagePostings {
    this.postingsTable ??= new PassagePostings(this.search, this.passageCount);
    return this.postingsTable;
  }

  /** The terms of a document's title, analysed once: answers credit words the headline gives. */
  titleTermsOf(docIndex: number): ReadonlySet<string> {
    let terms = this.titleTerms.get(docIndex);
    if (!terms) this.titleTerms.set(docIndex, (terms = new Set(analyze(this.documents[docIndex]!.title).map((t) => t.term))));
    return terms;
  }

  /**
   * The subhead passage `p` stands under, if any: its terms, and whether it is the question the paragraph right
   * under it answers ("How much will it cost?" in an explainer, a reader's letter in an advice column).
   */
  headingOf(p: number): Heading {
    const doc = this.passages.doc[p]!;
    const subheads = this.subheadsOf(doc);
    const paragraph = this.passages.paragraph[p]!;
    let last = paragraph - 1;
    while (last >= 0 && subheads[last] === 0) last--;
    if (last < 0) return NO_HEADING;
    // Headings stack ("Steam baths", "Writes: Do steam baths help?", "Reply:"): the run above the passage is one, up to
    // a few lines (a file of nothing but short lines is a list, not a stack of headings).
    let first = last;
    while (first > 0 && last - first < MAX_HEADING_RUN - 1 && subheads[first - 1] === 1) first--;
    const block = this.headingBlock(doc, first, last);
    return last === paragraph - 1 && this.passages.start[p] === 0 ? block.right : block.above;
  }

  /** A run of subheads, analysed once for all the passages under it: as seen right under it, and further down. */
  private headingBlock(doc: number, first: number, last: number): { right: Heading; above: Heading } {
    const key = `${doc}:${first}:${last}`;
    let block = this.headingBlocks.get(key);
    if (!block) {
      const lines = this.documents[doc]!.paragraphs.slice(first, last + 1);
      const terms = new Set(lines.flatMap((line) => analyze(line).map((t) => t.term)));
      block = { right: { terms, asks: lines.some((line) => line.trim().endsWith('?')) }, above: { terms, asks: false } };
      if (this.headingBlocks.size >= HEADING_CACHE_LIMIT) this.headingBlocks.clear();
      this.headingBlocks.set(key, block);
    }
    return block;
  }

  /**
   * Which paragraphs of a document are subheads (1) and which reporting (0), worked out once a document. A
   * paragraph too long for a subhead is not read for one: most are.
   */
  private subheadsOf(doc: number): Uint8Array {
    let flags = this.subheads.get(doc);
    if (!flags) {
      flags = Uint8Array.from(this.documents[doc]!.paragraphs, (text) => (text.length <= MAX_SUBHEAD_CHARS && isSubhead(text) ? 1 : 0));
      if (this.subheads.size >= HEADING_CACHE_LIMIT) this.subheads.clear();
      this.subheads.set(doc, flags);
    }
    return flags;
  }

  documentIndex(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** The verbatim text of passage `p`. */
  passageText(p: number): string {
    const doc = this.documents[this.passages.doc[p]!]!;
    return doc.paragraphs[this.passages.paragraph[p]!]!.slice(this.passages.start[p], this.passages.end[p]);
  }

  /** The sentences of passage `p`, as offsets into its text, with their terms in order. */
  readSentences(p: number): Array<{ span: { start: number; end: number }; terms: string[] }> {
    const { first, bounds } = this.sentences;
    const tokens = this.tokens;
    const sentences: Array<{ span: { start: number; end: number }; terms: string[] }> = [];
    for (let i = first[p]!; i < first[p + 1]!; i++) {
      const terms: string[] = [];
      for (let k = tokens.first[i]!; k < tokens.first[i + 1]!; k++) terms.push(tokens.vocabulary[tokens.term[k]!]!);
      sentences.push({ span: { start: bounds[2 * i]!, end: bounds[2 * i + 1]! }, terms });
    }
    return sentences;
  }

  /** Passage `p`'s terms, where its words stand in its text. */
  passageTokens(p: number): PassageToken[] {
    const { first, bounds } = this.sentences;
    const tokens = this.tokens;
    const found: PassageToken[] = [];
    for (let i = first[p]!; i < first[p + 1]!; i++) {
      const sentenceStart = bounds[2 * i]!;
      for (let k = tokens.first[i]!; k < tokens.first[i + 1]!; k++) {
        found.push({ term: tokens.vocabulary[tokens.term[k]!]!, start: sentenceStart + tokens.bounds[2 * k]!, end: sentenceStart + tokens.bounds[2 * k + 1]! });
      }
    }
    return found;
  }

  sourceRef(docIndex: number): SourceRef {
    return sourceRefOf(this.documents[docIndex]!);
  }
}

export function sourceRefOf(doc: NewsDocument): SourceRef {
  const ref: SourceRef = { id: doc.id, title: doc.title };
  if (doc.date) ref.date = doc.date;
  if (doc.outlet) ref.outlet = doc.outlet;
  return ref;
}

export interface BuildProgress {
  documentsDone: number;
  documentsTotal: number;
  passagesIndexed: number;
}

export interface BuildOptions {
  onProgress?: (progress: BuildProgress) => void;
  /** After the last document is analysed, building the search structure still takes a while on a large archive. */
  onSearchProgress?: (progress: SearchBuildProgress) => void;
  /** Paragraphs per analysis batch (tests make it small to spread a small corpus over several threads). */
  batchParagraphs?: number;
  /** A corpus of fewer characters is analysed in this thread (tests set 0 to have worker threads analyse any corpus). */
  inThreadBelow?: number;
}

const pause = () => new Promise((resolve) => setImmediate(resolve));

/** Paragraphs per analysis batch: enough to keep a thread busy, few enough to pipeline. */
const BATCH_PARAGRAPHS = 1000;
/** Batches sent ahead to each analysing thread while this one gathers the current one. */
const BATCHES_IN_FLIGHT_PER_THREAD = 2;
/**
 * A worker thread loads the analyser afresh, a quarter of a second under tsx, while this thread analyses the five
 * seed articles (18,000 characters) in 10–30 ms: a corpus this small is analysed here, in batches small enough that
 * the event loop, which answers questions from the old index during a reload, is never held for long (about 20 ms
 * the first time, a few ms after). Size is counted in characters, not paragraphs: one file may be a single paragraph
 * of megabytes.
 */
const IN_THREAD_CHARACTERS = 50_000;
const IN_THREAD_BATCH_PARAGRAPHS = 50;

/**
 * Indexes a loaded corpus. Worker threads analyse batches of documents while this thread gathers the batches
 * before, then MiniSearch is built from them in slices between which this thread yields: a rebuild of a large
 * archive never stalls the questions answered meanwhile from the old index. A small corpus is analysed in this
 * thread, a batch per turn of the event loop.
 */
export async function buildIndex(corpus: Corpus, fingerprint: string, options: BuildOptions = {}): Promise<NewsIndex> {
  let characters = 0;
  for (const doc of corpus.documents) for (const paragraph of doc.paragraphs) characters += paragraph.length;
  const inThread = characters < (options.inThreadBelow ?? IN_THREAD_CHARACTERS);
  const batches = batchDocuments(corpus.documents, options.batchParagraphs ?? (inThread ? IN_THREAD_BATCH_PARAGRAPHS : BATCH_PARAGRAPHS));
  const analyzer = startBatchAnalyzer(batches.length, { inThread });
  const spans: number[] = [];
  const sentenceCounts: Uint32Array[] = [];
  const sentenceBounds: Uint32Array[] = [];
  const tokenCounts: Uint32Array[] = [];
  const tokenTerms: Uint32Array[] = [];
  const tokenBounds: Uint32Array[] = [];
  let longestSentence = 0;
  const vocabulary: string[] = [];
  const distinctCounts: Uint32Array[] = [];
  const distinctTerms: Uint32Array[] = [];
  const spellings = new Map<string, string>();
  try {
    // A batch sent ahead is awaited only later: mark its failure as handled now, or a worker that dies would take
    // the process down with an unhandled rejection before the loop gets to report it.
    const ahead = (b: { from: number; to: number }) => {
      const batch = analyzer.analyze(corpus.documents.slice(b.from, b.to), b.from);
      batch.catch(() => {});
      return batch;
    };
    const inFlight = batches.slice(0, BATCHES_IN_FLIGHT_PER_THREAD * analyzer.parallelism).map(ahead);
    for (let i = 0; i < batches.length; i++) {
      const batch = await inFlight[i]!;
      const next = batches[i + BATCHES_IN_FLIGHT_PER_THREAD * analyzer.parallelism];
      if (next) inFlight.push(ahead(next));
      // Each thread reports the spellings new to it: the first batch to use one decides its term.
      for (const [surface, term] of batch.spellings) if (!spellings.has(surface)) spellings.set(surface, term);
      distinctCounts.push(batch.distinctCounts);
      distinctTerms.push(batch.distinctTerms);
      sentenceCounts.push(batch.sentenceCounts);
      sentenceBounds.push(batch.sentenceBounds);
      tokenCounts.push(batch.tokenCounts);
      tokenTerms.push(batch.tokenTerms);
      tokenBounds.push(batch.tokenBounds);
      for (let k = 0; k < batch.sentenceBounds.length; k += 2) longestSentence = Math.max(longestSentence, batch.sentenceBounds[k + 1]! - batch.sentenceBounds[k]!);
      for (const term of batch.newTerms) vocabulary.push(term);
      for (const value of batch.spans) spans.push(value);
      options.onProgress?.({ documentsDone: batches[i]!.to, documentsTotal: corpus.documents.length, passagesIndexed: spans.length / 4 });
      await pause();
    }
  } finally {
    await analyzer.close();
  }
  const count = spans.length / 4;
  const termFirst = firstOfRuns(distinctCounts);
  const terms = concatenate(distinctTerms, (n) => new Uint32Array(n));
  const search = await searchFromPassages(vocabulary, count, (p) => terms.subarray(termFirst[p], termFirst[p + 1]), pause, options.onSearchProgress);
  await pause();
  // In how many passages a term occurs is the size of its postings, which the search now holds.
  const view = postingsView(search);
  const documentFrequency = new Map(vocabulary.map((term) => [term, view.postings(term)?.size ?? 0]));
  await pause();
  const passages: PassageTable = { doc: new Uint32Array(count), paragraph: new Uint32Array(count), start: new Uint32Array(count), end: new Uint32Array(count) };
  for (let p = 0; p < count; p++) {
    passages.doc[p] = spans[4 * p]!;
    passages.paragraph[p] = spans[4 * p + 1]!;
    passages.start[p] = spans[4 * p + 2]!;
    passages.end[p] = spans[4 * p + 3]!;
  }
  const sentences = { first: firstOfRuns(sentenceCounts), bounds: concatenate(sentenceBounds, (n) => new Uint32Array(n)) };
  await pause();
  const tokens = {
    first: firstOfRuns(tokenCounts),
    term: vocabulary.length <= 0x10000 ? concatenate(tokenTerms, (n) => new Uint16Array(n)) : concatenate(tokenTerms, (n) => new Uint32Array(n)),
    bounds: longestSentence < 0x10000 ? concatenate(tokenBounds, (n) => new Uint16Array(n)) : concatenate(tokenBounds, (n) => new Uint32Array(n)),
    vocabulary,
  };
  return new NewsIndex({
    fingerprint,
    documents: corpus.documents,
    passages,
    sentences,
    tokens,
    search,
    stats: { documentFrequency, spellings },
  });
}

/** Where each run starts, from each batch's run lengths in order, and where the last one ends. */
function firstOfRuns(counts: readonly Uint32Array[]): Uint32Array {
  const first = new Uint32Array(counts.reduce((sum, c) => sum + c.length, 0) + 1);
  let i = 0;
  for (const batch of counts) for (const count of batch) first[i + 1] = first[i++]! + count;
  return first;
}

function concatenate<T extends Uint16Array | Uint32Array>(parts: readonly Uint32Array[], make: (length: number) => T): T {
  const all = make(parts.reduce((sum, b) => sum + b.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

function batchDocuments(documents: readonly NewsDocument[], batchParagraphs: number): Array<{ from: number; to: number }> {
  const batches: Array<{ from: number; to: number }> = [];
  let from = 0;
  let paragraphs = 0;
  documents.forEach((doc, i) => {
    paragraphs += doc.paragraphs.length;
    if (paragraphs >= batchParagraphs || i === documents.length - 1) {
      batches.push({ from, to: i + 1 });
      from = i + 1;
      paragraphs = 0;
    }
  });
  return batches;
}
