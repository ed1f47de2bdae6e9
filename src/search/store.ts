import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { listArticleFiles, loadCorpus, type LoadProgress } from '../corpus/load.ts';
import type { NewsDocument, SkippedFile } from '../corpus/types.ts';
import type { Logger } from '../log.ts';
import { ANALYZER_VERSION } from './analyzer.ts';
import aliasData from './data/aliases.json' with { type: 'json' };
import fillerData from './data/query-fillers.json' with { type: 'json' };
import irregularData from './data/irregular-forms.json' with { type: 'json' };
import stopwordData from './data/stopwords.json' with { type: 'json' };
import furnitureData from '../corpus/data/furniture.json' with { type: 'json' };
import { warmUp } from './answer.ts';
import { buildIndex, miniSearchOptions, NewsIndex, type BuildProgress, type IndexedPassage } from './newsIndex.ts';

const FORMAT = 'newsdesk-index';
const FORMAT_VERSION = 2;

/** Everything besides the corpus that changes what an index holds: analyzer code and its data tables. */
const SETTINGS_HASH = createHash('sha256')
  .update(JSON.stringify([FORMAT_VERSION, ANALYZER_VERSION, aliasData, stopwordData, fillerData, irregularData, furnitureData]))
  .digest('hex');

/**
 * Fingerprint of a corpus folder as it is on disk now, and of the analyzer settings: every article file's path
 * and bytes. A saved index with another fingerprint is stale. Reading bytes (not mtimes) keeps it right across
 * git checkouts and copies, and costs far less than parsing and indexing.
 */
export async function corpusFingerprint(dir: string): Promise<string> {
  const root = path.resolve(dir);
  const hash = createHash('sha256').update(SETTINGS_HASH);
  for (const id of await listArticleFiles(root)) {
    const bytes = await readFile(path.join(root, id)).catch(() => Buffer.from('\0unreadable'));
    hash.update(`${id}\0${createHash('sha256').update(bytes).digest('hex')}\n`);
  }
  return hash.digest('hex');
}

const documentSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().optional(),
  outlet: z.string().optional(),
  url: z.string().optional(),
  paragraphs: z.array(z.string()),
  contentHash: z.string(),
});

const savedIndexSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  fingerprint: z.string(),
  documents: z.array(documentSchema),
  passages: z.object({ doc: z.string(), paragraph: z.string(), start: z.string(), end: z.string() }),
  documentFrequency: z.array(z.tuple([z.string(), z.number()])),
  spellings: z.array(z.tuple([z.string(), z.string()])),
  // MiniSearch checks its own part when loading it.
  search: z.record(z.string(), z.unknown()),
});

const toBase64 = (array: Uint32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
const fromBase64 = (text: string) => {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new Error('passage table is truncated');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

/** The first line of a saved index: the format and a sha256 of everything after it. */
const CHECKSUM_LINE = /^newsdesk-index sha256:([0-9a-f]{64})\n/;

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * JSON for an array, built a slice at a time with a turn of the event loop between slices: saving a large index
 * after a reload must not hold up the questions being answered.
 */
async function arrayJson(items: readonly unknown[], slice = 2_000): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i += slice) {
    parts.push(items.slice(i, i + slice).map((item) => JSON.stringify(item)).join(','));
    await yieldToEventLoop();
  }
  return `[${parts.join(',')}]`;
}

/**
 * Writes the index atomically (a temporary file in the same folder, then a rename over the old one), with a
 * checksum of its contents on the first line so that a damaged file is never trusted.
 */
export async function saveIndex(index: NewsIndex, file: string): Promise<number> {
  const { index: terms, ...searchRest } = index.search.toJSON();
  await yieldToEventLoop();
  const fields: Array<[string, string]> = [
    ['format', JSON.stringify(FORMAT)],
    ['version', JSON.stringify(FORMAT_VERSION)],
    ['fingerprint', JSON.stringify(index.fingerprint)],
    ['documents', await arrayJson(index.documents, 200)],
    [
      'passages',
      JSON.stringify({
        doc: toBase64(index.passages.doc),
        paragraph: toBase64(index.passages.paragraph),
        start: toBase64(index.passages.start),
        end: toBase64(index.passages.end),
      }),
    ],
    ['documentFrequency', await arrayJson([...index.stats.documentFrequency])],
    ['spellings', await arrayJson([...index.stats.spellings])],
    ['search', `${JSON.stringify(searchRest).slice(0, -1)},"index":${await arrayJson(terms)}}`],
  ];
  const json = `{${fields.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
  await yieldToEventLoop();
  const content = `newsdesk-index sha256:${createHash('sha256').update(json).digest('hex')}\n${json}`;
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return Buffer.byteLength(content);
}

export type LoadedIndex = { index: NewsIndex } | { stale: string };

/** Loads a saved index if it is whole and matches `fingerprint`; otherwise says why it cannot be trusted. */
export async function loadSavedIndex(file: string, fingerprint: string): Promise<LoadedIndex> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { stale: code === 'ENOENT' ? 'no saved index yet' : `saved index cannot be read (${code})` };
  }
  const checksum = CHECKSUM_LINE.exec(text);
  if (!checksum) return { stale: 'saved index is not a Newsdesk index (no checksum line)' };
  const json = text.slice(checksum[0].length);
  if (createHash('sha256').update(json).digest('hex') !== checksum[1]) return { stale: 'saved index is corrupt or truncated (checksum mismatch)' };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { stale: 'saved index is corrupt (not valid JSON)' };
  }
  // Check the fingerprint before validating the rest: a stale file is common and needs no deep look.
  const header = z.object({ format: z.literal(FORMAT), version: z.number(), fingerprint: z.string() }).safeParse(raw);
  if (!header.success) return { stale: 'saved index is not a Newsdesk index' };
  if (header.data.version !== FORMAT_VERSION) return { stale: `saved index has format ${header.data.version}, expected ${FORMAT_VERSION}` };
  if (header.data.fingerprint !== fingerprint) return { stale: 'corpus or analyzer settings changed since the index was saved' };
  const parsed = savedIndexSchema.safeParse(raw);
  if (!parsed.success) return { stale: `saved index is malformed (${parsed.error.issues[0]?.path.join('.') ?? 'unknown field'})` };
  const saved = parsed.data;
  try {
    const passages = {
      doc: fromBase64(saved.passages.doc),
      paragraph: fromBase64(saved.passages.paragraph),
      start: fromBase64(saved.passages.start),
      end: fromBase64(saved.passages.end),
    };
    const count = passages.doc.length;
    if ([passages.paragraph, passages.start, passages.end].some((a) => a.length !== count)) throw new Error('passage table is inconsistent');
    for (let p = 0; p < count; p++) {
      const doc = saved.documents[passages.doc[p]!] as NewsDocument | undefined;
      const paragraph = doc?.paragraphs[passages.paragraph[p]!];
      if (paragraph === undefined || passages.end[p]! > paragraph.length || passages.start[p]! > passages.end[p]!) {
        throw new Error(`passage ${p} points outside its document`);
      }
    }
    const search = MiniSearch.loadJS<IndexedPassage>(saved.search as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions);
    if (search.documentCount !== count) throw new Error('search index and passage table disagree');
    return {
      index: new NewsIndex({
        fingerprint,
        documents: saved.documents as NewsDocument[],
        passages,
        search,
        stats: { documentFrequency: new Map(saved.documentFrequency), spellings: new Map(saved.spellings) },
      }),
    };
  } catch (error) {
    return { stale: `saved index is corrupt (${error instanceof Error ? error.message : String(error)})` };
  }
}

export interface OpenProgress {
  phase: 'reading' | 'indexing';
  /** Files read, or documents indexed, so far… */
  done: number;
  /** …out of this many. */
  total: number;
  /** While indexing: passages indexed so far. */
  passages?: number;
}

export interface BuiltIndex {
  index: NewsIndex;
  skipped: SkippedFile[];
}

/** Reads a corpus folder and indexes it, reporting progress in both phases. */
export async function buildFromFolder(
  dir: string,
  options: { onProgress?: (progress: OpenProgress) => void; onSkip?: (file: SkippedFile) => void; fingerprint?: string } = {},
): Promise<BuiltIndex> {
  const fingerprint = options.fingerprint ?? (await corpusFingerprint(dir));
  const corpus = await loadCorpus(dir, {
    onProgress: (p: LoadProgress) => options.onProgress?.({ phase: 'reading', done: p.filesRead, total: p.filesTotal }),
    ...(options.onSkip ? { onSkip: options.onSkip } : {}),
  });
  const index = await buildIndex(corpus, fingerprint, {
    onProgress: (p: BuildProgress) => options.onProgress?.({ phase: 'indexing', done: p.documentsDone, total: p.documentsTotal, passages: p.passagesIndexed }),
  });
  warmUp(index);
  return { index, skipped: corpus.skipped };
}

/**
 * The index for a corpus folder: the saved one when its fingerprint matches, otherwise a fresh build that is then
 * saved. A stale or corrupt file is never trusted; the log says why it was rebuilt.
 */
export async function openIndex(
  dir: string,
  indexFile: string,
  log: Logger,
  options: { onProgress?: (progress: OpenProgress) => void; save?: boolean } = {},
): Promise<BuiltIndex> {
  const started = performance.now();
  const fingerprint = await corpusFingerprint(dir);
  const loaded = await loadSavedIndex(indexFile, fingerprint);
  if ('index' in loaded) {
    warmUp(loaded.index);
    log.info({ indexFile, documents: loaded.index.documents.length, passages: loaded.index.passageCount, ms: Math.round(performance.now() - started) }, 'loaded saved index');
    return { index: loaded.index, skipped: [] };
  }
  log.info({ indexFile, reason: loaded.stale }, 'building index');
  const built = await buildFromFolder(dir, {
    fingerprint,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onSkip: (file) => log.warn({ file: file.path }, `skipped ${file.path}: ${file.reason}`),
  });
  if (options.save !== false) {
    try {
      await saveIndex(built.index, indexFile);
    } catch (error) {
      log.warn({ indexFile, err: error }, 'could not save the index; it will be rebuilt next time');
    }
  }
  log.info({ documents: built.index.documents.length, passages: built.index.passageCount, skipped: built.skipped.length, ms: Math.round(performance.now() - started) }, 'index ready');
  return built;
}
