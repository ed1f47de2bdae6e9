import MiniSearch from 'minisearch';
import type { Corpus, NewsDocument } from '../corpus/types.ts';
import { analyze } from './analyzer.ts';
import { startBatchAnalyzer } from './analysisPool.ts';
import { PassagePostings } from './postings.ts';
import type { SourceRef } from './types.ts';

/** MiniSearch sees passages as their distinct pre-analysed terms joined by spaces: the analyzer runs once per passage. */
export interface IndexedPassage {
  id: number;
  terms: string;
}

export const miniSearchOptions = {
  idField: 'id',
  fields: ['terms'],
  storeFields: [] as string[],
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term,
};

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
 * Every sentence's index terms in order, as the analyzer found them when the index was built: sentence i's are
 * vocabulary[term[k]] for k from first[i] to first[i + 1] - 1. Ranking reads passages sentence by sentence, and
 * analysing their text again for each question cost a fifth of an answer. Where the words stand is left out (it
 * would triple the table): only the few excerpts quoted need it, and they are analysed again.
 */
export interface TokenTable {
  first: Uint32Array;
  /** 16 bits a term while the vocabulary fits. */
  term: Uint16Array | Uint32Array;
  vocabulary: string[];
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

  documentIndex(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** The verbatim text of passage `p`. */
  passageText(p: number): string {
    const doc = this.documents[this.passages.doc[p]!]!;
    return doc.paragraphs[this.passages.paragraph[p]!]!.slice(this.passages.start[p], this.passages.end[p]);
  }

  /** The sentences of passage `p`, as offsets into its text. */
  sentenceSpans(p: number): Array<{ start: number; end: number }> {
    const spans: Array<{ start: number; end: number }> = [];
    for (let i = this.sentences.first[p]!; i < this.sentences.first[p + 1]!; i++) {
      spans.push({ start: this.sentences.bounds[2 * i]!, end: this.sentences.bounds[2 * i + 1]! });
    }
    return spans;
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
  /** Passages added to MiniSearch between two yields to the event loop, so answers keep flowing during a reload. */
  chunkSize?: number;
}

/** Documents per analysis batch: large enough to keep the worker busy, small enough to pipeline. */
const BATCH_PARAGRAPHS = 1000;
/** Batches sent ahead to the worker while the main thread indexes the current one. */
const BATCHES_IN_FLIGHT = 2;

/**
 * Indexes a loaded corpus. A worker thread analyses batches of documents while this thread adds the previous
 * batch to MiniSearch in small chunks between which it yields: a rebuild of a large archive uses both cores and
 * never stalls the questions answered meanwhile from the old index.
 */
export async function buildIndex(corpus: Corpus, fingerprint: string, options: BuildOptions = {}): Promise<NewsIndex> {
  const chunkSize = options.chunkSize ?? 200;
  const batches = batchDocuments(corpus.documents);
  const analyzer = startBatchAnalyzer();
  const spans: number[] = [];
  const sentenceCounts: Uint32Array[] = [];
  const sentenceBounds: Uint32Array[] = [];
  const tokenCounts: Uint32Array[] = [];
  const tokenTerms: Uint32Array[] = [];
  const vocabulary: string[] = [];
  const documentFrequency = new Map<string, number>();
  const spellings = new Map<string, string>();
  const search = new MiniSearch<IndexedPassage>(miniSearchOptions);
  try {
    // A batch sent ahead is awaited only later: mark its failure as handled now, or a worker that dies would take
    // the process down with an unhandled rejection before the loop gets to report it.
    const ahead = (b: { from: number; to: number }) => {
      const batch = analyzer.analyze(corpus.documents.slice(b.from, b.to), b.from);
      batch.catch(() => {});
      return batch;
    };
    const inFlight = batches.slice(0, BATCHES_IN_FLIGHT).map(ahead);
    for (let i = 0; i < batches.length; i++) {
      const batch = await inFlight[i]!;
      const next = batches[i + BATCHES_IN_FLIGHT];
      if (next) inFlight.push(ahead(next));
      for (const [surface, term] of batch.spellings) spellings.set(surface, term);
      for (const [term, count] of batch.frequencies) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + count);
      sentenceCounts.push(batch.sentenceCounts);
      sentenceBounds.push(batch.sentenceBounds);
      tokenCounts.push(batch.tokenCounts);
      tokenTerms.push(batch.tokenTerms);
      for (const term of batch.newTerms) vocabulary.push(term);
      for (let k = 0; k < batch.terms.length; k++) {
        search.add({ id: spans.length / 4, terms: batch.terms[k]! });
        for (let f = 0; f < 4; f++) spans.push(batch.spans[4 * k + f]!);
        if ((k + 1) % chunkSize === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      options.onProgress?.({ documentsDone: batches[i]!.to, documentsTotal: corpus.documents.length, passagesIndexed: spans.length / 4 });
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await analyzer.close();
  }
  const count = spans.length / 4;
  const passages: PassageTable = { doc: new Uint32Array(count), paragraph: new Uint32Array(count), start: new Uint32Array(count), end: new Uint32Array(count) };
  for (let p = 0; p < count; p++) {
    passages.doc[p] = spans[4 * p]!;
    passages.paragraph[p] = spans[4 * p + 1]!;
    passages.start[p] = spans[4 * p + 2]!;
    passages.end[p] = spans[4 * p + 3]!;
  }
  return new NewsIndex({
    fingerprint,
    documents: corpus.documents,
    passages,
    sentences: { first: firstOfRuns(sentenceCounts), bounds: concatenate(sentenceBounds, (n) => new Uint32Array(n)) },
    tokens: {
      first: firstOfRuns(tokenCounts),
      term: vocabulary.length <= 0x10000 ? concatenate(tokenTerms, (n) => new Uint16Array(n)) : concatenate(tokenTerms, (n) => new Uint32Array(n)),
      vocabulary,
    },
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

function batchDocuments(documents: readonly NewsDocument[]): Array<{ from: number; to: number }> {
  const batches: Array<{ from: number; to: number }> = [];
  let from = 0;
  let paragraphs = 0;
  documents.forEach((doc, i) => {
    paragraphs += doc.paragraphs.length;
    if (paragraphs >= BATCH_PARAGRAPHS || i === documents.length - 1) {
      batches.push({ from, to: i + 1 });
      from = i + 1;
      paragraphs = 0;
    }
  });
  return batches;
}
