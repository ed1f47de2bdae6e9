import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from './parse.ts';
import type { LoadedCorpus, NewsDocument, SkippedFile } from './types.ts';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const READ_CONCURRENCY = 32;

export interface LoadProgress {
  filesRead: number;
  filesTotal: number;
}

export interface LoadOptions {
  onProgress?: (progress: LoadProgress) => void;
  /** Told about every skipped file, as it is skipped. */
  onSkip?: (file: SkippedFile) => void;
}

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** The article files under a corpus folder, as sorted ids (paths relative to it, with `/`). */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const root = path.resolve(dir);
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new CorpusError(`Corpus folder not found: ${root}`);
  }
  if (!info.isDirectory()) throw new CorpusError(`Corpus path is not a folder: ${root}`);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((id) => !id.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
}

/** Reads every `.txt` and `.md` article under `dir`. Files that are not text are skipped and reported, never fatal. */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const root = path.resolve(dir);
  const ids = await listArticleFiles(root);
  const documents: Array<NewsDocument | undefined> = new Array(ids.length);
  const skipped: SkippedFile[] = [];
  const fileDigests = new Map<string, string>();
  let filesRead = 0;
  let next = 0;

  const worker = async () => {
    while (next < ids.length) {
      const slot = next++;
      const id = ids[slot]!;
      const { result, digest } = await readArticle(root, id);
      fileDigests.set(id, digest);
      if ('reason' in result) {
        skipped.push(result);
        options.onSkip?.(result);
      } else {
        documents[slot] = result;
      }
      filesRead++;
      options.onProgress?.({ filesRead, filesTotal: ids.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker));

  return {
    dir: root,
    documents: documents.filter((d): d is NewsDocument => d !== undefined),
    skipped: skipped.sort((a, b) => a.path.localeCompare(b.path)),
    fileDigests,
  };
}

/** What a file that cannot be read digests as: the fingerprint still changes when it becomes readable. */
const UNREADABLE = Buffer.from('\0unreadable');

/** sha256 of a file's bytes, as hex. */
export const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The bytes of an article file, or the stand-in for one that cannot be read. */
export async function readArticleBytes(root: string, id: string): Promise<{ bytes: Buffer; error?: NodeJS.ErrnoException }> {
  try {
    return { bytes: await readFile(path.join(root, id)) };
  } catch (error) {
    return { bytes: UNREADABLE, error: error as NodeJS.ErrnoException };
  }
}

async function readArticle(root: string, id: string): Promise<{ result: NewsDocument | SkippedFile; digest: string }> {
  const { bytes, error } = await readArticleBytes(root, id);
  const digest = digestOf(bytes);
  if (error) return { result: { path: id, reason: `cannot be read (${error.code ?? String(error)})` }, digest };
  return { result: parseArticle(id, bytes, digest), digest };
}

/** Decodes and parses one article file; the reasons name what a person would fix. */
export function parseArticle(id: string, bytes: Uint8Array, digest = digestOf(bytes)): NewsDocument | SkippedFile {
  if (bytes.includes(0)) return { path: id, reason: 'is binary, not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { path: id, reason: 'is not valid UTF-8 text (convert it first, e.g. with iconv -f windows-1252 -t utf-8)' };
  }
  if (text.trim() === '') return { path: id, reason: 'is empty' };
  const markdown = /\.(md|markdown)$/i.test(id);
  let parsed;
  try {
    parsed = parseDocument(text, { markdown });
  } catch (error) {
    // One odd file must not sink the corpus: it is skipped, and named.
    return { path: id, reason: `could not be read as an article (${error instanceof Error ? error.message : String(error)})` };
  }
  if (parsed.paragraphs.length === 0) return { path: id, reason: 'has no article text (only page furniture)' };
  return { id, ...parsed, contentHash: digest };
}
