import { createHash } from 'node:crypto';
import { loadCorpus, type LoadProgress } from '../src/corpus/load.ts';
import type { Corpus, NewsDocument } from '../src/corpus/types.ts';

/** The fingerprint every benchmark index carries: save and load only need it to agree. */
export const BENCH_FINGERPRINT = 'newsdesk-bench';

export class BenchError extends Error {
  override name = 'BenchError';
}

/** A corpus as read from its folder, and the larger archive made of it. */
export interface Archive {
  /** The corpus as it is on disk: the questions are drawn from it, so they are the same at every size. */
  base: Corpus;
  /** The base corpus repeated `copies` times. */
  corpus: Corpus;
  copies: number;
}

/** Reads a corpus folder once and repeats it to stand for an archive `copies` times its size. */
export async function loadArchive(dir: string, copies: number, onProgress?: (progress: LoadProgress) => void): Promise<Archive> {
  const base = await loadCorpus(dir, onProgress ? { onProgress } : {});
  if (base.documents.length === 0) throw new BenchError(`No articles (.txt, .md) in ${base.dir}`);
  return { base, corpus: repeatCorpus(base, copies), copies };
}

/**
 * The corpus repeated: copy 1 is the corpus itself, copy k gets ids `copyk/<id>` and its own content hash, as
 * distinct articles would. Copies share their paragraph strings (JavaScript strings are immutable): the parent
 * process measures only build time with them, and a loaded index holds strings of its own.
 */
export function repeatCorpus(base: Corpus, copies: number): Corpus {
  const documents: NewsDocument[] = [...base.documents];
  for (let k = 2; k <= copies; k++) {
    for (const doc of base.documents) documents.push(copyOf(doc, k));
  }
  return { ...base, documents };
}

function copyOf(doc: NewsDocument, k: number): NewsDocument {
  return {
    ...doc,
    id: `copy${k}/${doc.id}`,
    contentHash: createHash('sha256').update(`copy${k}\0${doc.contentHash}`).digest('hex'),
  };
}

/** Words as a reader counts them: runs of non-space characters in the paragraphs (headlines not included). */
export function countWords(documents: readonly NewsDocument[]): number {
  let words = 0;
  for (const doc of documents) {
    for (const paragraph of doc.paragraphs) words += paragraph.split(/\s+/).filter(Boolean).length;
  }
  return words;
}
