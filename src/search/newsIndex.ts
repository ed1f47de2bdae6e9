import MiniSearch from 'minisearch';
import type { Corpus, NewsDocument } from '../corpus/types.ts';
import { analyze } from './analyzer.ts';
import { passagesOf } from './passages.ts';
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
  search: MiniSearch<IndexedPassage>;
  stats: TermStats;
}

/** A searchable corpus: documents, their passages, the MiniSearch index over them and term statistics. */
export class NewsIndex {
  readonly fingerprint: string;
  readonly documents: readonly NewsDocument[];
  readonly passages: PassageTable;
  readonly search: MiniSearch<IndexedPassage>;
  readonly stats: TermStats;
  private readonly byId: Map<string, number>;

  constructor(parts: IndexParts) {
    this.fingerprint = parts.fingerprint;
    this.documents = parts.documents;
    this.passages = parts.passages;
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

  documentIndex(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** The verbatim text of passage `p`. */
  passageText(p: number): string {
    const doc = this.documents[this.passages.doc[p]!]!;
    return doc.paragraphs[this.passages.paragraph[p]!]!.slice(this.passages.start[p], this.passages.end[p]);
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
  passagesIndexed: number;
  passagesTotal: number;
}

export interface BuildOptions {
  onProgress?: (progress: BuildProgress) => void;
  /** Passages analysed between two yields to the event loop, so answers keep flowing during a reload. */
  chunkSize?: number;
}

/**
 * Indexes a loaded corpus. Work is done in chunks that yield to the event loop: a rebuild on a large archive
 * never stalls the questions being answered meanwhile from the old index.
 */
export async function buildIndex(corpus: Corpus, fingerprint: string, options: BuildOptions = {}): Promise<NewsIndex> {
  const chunkSize = options.chunkSize ?? 2000;
  const spans = corpus.documents.map((doc) => passagesOf(doc.paragraphs));
  const total = spans.reduce((sum, list) => sum + list.length, 0);
  const passages: PassageTable = {
    doc: new Uint32Array(total),
    paragraph: new Uint32Array(total),
    start: new Uint32Array(total),
    end: new Uint32Array(total),
  };
  const documentFrequency = new Map<string, number>();
  const spellings = new Map<string, string>();
  const search = new MiniSearch<IndexedPassage>(miniSearchOptions);

  let p = 0;
  let sinceYield = 0;
  for (let d = 0; d < corpus.documents.length; d++) {
    const doc = corpus.documents[d]!;
    for (const span of spans[d]!) {
      passages.doc[p] = d;
      passages.paragraph[p] = span.paragraph;
      passages.start[p] = span.start;
      passages.end[p] = span.end;
      const tokens = analyze(doc.paragraphs[span.paragraph]!.slice(span.start, span.end));
      const seen = new Set<string>();
      for (const token of tokens) {
        if (!seen.has(token.term)) {
          seen.add(token.term);
          documentFrequency.set(token.term, (documentFrequency.get(token.term) ?? 0) + 1);
        }
        if (token.surface.length >= 4 && !token.surface.includes(' ')) spellings.set(token.surface, token.term);
      }
      // Each term once per passage: passages are short, so counting repeats adds nothing to ranking but index time.
      search.add({ id: p, terms: [...seen].join(' ') });
      p++;
      if (++sinceYield >= chunkSize) {
        sinceYield = 0;
        options.onProgress?.({ passagesIndexed: p, passagesTotal: total });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  options.onProgress?.({ passagesIndexed: total, passagesTotal: total });
  return new NewsIndex({ fingerprint, documents: corpus.documents, passages, search, stats: { documentFrequency, spellings } });
}
