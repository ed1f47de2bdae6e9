/** One article of the corpus, as read from its file. Text is kept verbatim so every quote can be traced. */
export interface NewsDocument {
  /** Path relative to the corpus folder, with `/` separators: `001_9af66bd40fa38a69.txt`, `2016/oct/aleppo.md`. */
  id: string;
  /** The headline when the file starts with one, otherwise a short lead from the first sentence. */
  title: string;
  /** ISO date (`2016-10-06`) when the text or its front matter states one. */
  date?: string;
  /** The publishing outlet (`Reuters`) when the text or its front matter states one. */
  outlet?: string;
  url?: string;
  /** The reporting, one entry per paragraph, furniture ("Share", "Advertisement") removed. Paragraph n of a citation is `paragraphs[n - 1]`. */
  paragraphs: string[];
  /** sha256 of the file's bytes: tells a reload which documents changed. */
  contentHash: string;
}

/** A corpus file that was not loaded, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface Corpus {
  /** Absolute path of the corpus folder. */
  dir: string;
  documents: NewsDocument[];
  skipped: SkippedFile[];
}

/** A corpus as read from its folder, with a sha256 of every article file's bytes (skipped ones too), by id. */
export interface LoadedCorpus extends Corpus {
  fileDigests: Map<string, string>;
}
