/** What a citation names: enough to find the article again. */
export interface SourceRef {
  id: string;
  title: string;
  date?: string;
  outlet?: string;
}

/** One quoted answer. */
export interface Answer {
  /** Verbatim text from one passage, at most 400 characters. Without "…" it is a substring of its document. */
  excerpt: string;
  /** The words of the excerpt that matched the question, as written in the excerpt, for highlighting. */
  terms: string[];
  source: SourceRef;
  /** 1-based paragraph number within the source document. */
  paragraph: number;
  /** Relevance, higher is better; comparable only within one result list. */
  score: number;
  /** Other documents that carry the same or nearly the same text. */
  alsoIn: SourceRef[];
}

export interface AnswerResult {
  question: string;
  /** False when the coverage does not answer the question: `results` is then empty. */
  answered: boolean;
  results: Answer[];
  /** When not answered: the documents that came closest, for a "see also" pointer (may be empty). */
  nearest: SourceRef[];
}

export interface AnswerOptions {
  /** How many answers at most. Default 3. */
  top?: number;
  /** Restrict the search to these document ids. */
  documentIds?: readonly string[];
}
