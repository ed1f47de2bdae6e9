import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { z } from 'zod';
import { digestOf, listArticleFiles, loadCorpus, readArticleBytes, type LoadProgress } from '../corpus/load.ts';
import type { NewsDocument, SkippedFile } from '../corpus/types.ts';
import type { Logger } from '../log.ts';
import { ANALYZER_VERSION } from './analyzer.ts';
import { SENTENCE_SPLITTER_VERSION } from '../corpus/sentences.ts';
import { ARTICLE_READER_VERSION } from '../corpus/parse.ts';
import { PASSAGE_RULES_VERSION } from './passages.ts';
import aliasData from './data/aliases.json' with { type: 'json' };
import fillerData from './data/query-fillers.json' with { type: 'json' };
import irregularData from './data/irregular-forms.json' with { type: 'json' };
import abbreviationData from './data/abbreviations.json' with { type: 'json' };
import stopwordData from './data/stopwords.json' with { type: 'json' };
import spellingVariantData from './data/spelling-variants.json' with { type: 'json' };
import furnitureData from '../corpus/data/furniture.json' with { type: 'json' };
import { warmUp } from './answer.ts';
import { expandSearch, exportState, importState, treeFromSlices, treeSlices, type SearchBuildProgress } from './miniSearchState.ts';
import { buildIndex, NewsIndex, type BuildProgress, type SentenceTable, type TokenTable } from './newsIndex.ts';

const FORMAT = 'newsdesk-index';
const FORMAT_VERSION = 8;

/** Everything besides the corpus that changes what an index holds: article reader, passage, analyzer and sentence splitter code, their data tables. */
const SETTINGS_HASH = createHash('sha256')
  .update(JSON.stringify([FORMAT_VERSION, ARTICLE_READER_VERSION, PASSAGE_RULES_VERSION, ANALYZER_VERSION, SENTENCE_SPLITTER_VERSION, aliasData, stopwordData, fillerData, irregularData, abbreviationData, spellingVariantData, furnitureData]))
  .digest('hex');

/**
 * Fingerprint of a corpus folder as it is on disk now, and of the analyzer settings: every article file's path
 * and bytes. A saved index with another fingerprint is stale. Reading bytes (not mtimes) keeps it right across
 * git checkouts and copies, and costs far less than parsing and indexing.
 */
export async function corpusFingerprint(dir: string): Promise<string> {
  const root = path.resolve(dir);
  const digests = new Map<string, string>();
  for (const id of await listArticleFiles(root)) digests.set(id, digestOf((await readArticleBytes(root, id)).bytes));
  return fingerprintOf(digests);
}

/**
 * The fingerprint of article files by their digests. An index built from a folder is stamped with the digests
 * of the bytes it read, so a file edited while the corpus was being read cannot leave it under a wrong stamp.
 */
export function fingerprintOf(fileDigests: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(SETTINGS_HASH);
  for (const id of [...fileDigests.keys()].sort()) hash.update(`${id}\0${fileDigests.get(id)}\n`);
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

/** The first value of a saved index: everything but the documents and MiniSearch's tree, and how many values hold those. */
const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  fingerprint: z.string(),
  passages: z.object({
    doc: z.instanceof(Uint32Array),
    paragraph: z.instanceof(Uint32Array),
    start: z.instanceof(Uint32Array),
    end: z.instanceof(Uint32Array),
  }),
  sentences: z.object({ first: z.instanceof(Uint32Array), bounds: z.instanceof(Uint32Array) }),
  tokens: z.object({
    first: z.instanceof(Uint32Array),
    term: z.union([z.instanceof(Uint16Array), z.instanceof(Uint32Array)]),
    bounds: z.union([z.instanceof(Uint16Array), z.instanceof(Uint32Array)]),
    vocabulary: z.array(z.string()),
  }),
  documentFrequency: z.map(z.string(), z.number()),
  spellings: z.map(z.string(), z.string()),
  // MiniSearch's part is checked by importState.
  search: z.record(z.string(), z.unknown()),
  documentParts: z.number().int().nonnegative(),
  treeSlices: z.number().int().nonnegative(),
});

const documentPartSchema = z.array(documentSchema);

/**
 * A slice of MiniSearch's tree as saved: where it goes, and the subtree in Node's serialisation, read only when a
 * question first needs it (see `LazyMap`). The file's checksum covers these bytes as all others.
 */
const treeSliceSchema = z.tuple([
  z.array(z.union([z.string(), z.number()])).min(1),
  // What Node's serialiser writes for a Map: its header (0xff, a version), then the Map's tag (";"). Bytes that
  // are not are refused now rather than when a question first reads them.
  z.instanceof(Uint8Array).refine((bytes) => bytes.length >= 3 && bytes[0] === 0xff && bytes[2] === 0x3b, 'not a serialised Map'),
]);

/** Characters of article text per saved part, and Map entries per tree slice: each serialises in a few ms. */
const PART_CHARS = 1_000_000;
const SLICE_ENTRIES = 20_000;
/** Bytes hashed between two yields to the event loop. */
const HASH_SLICE = 4 * 1024 * 1024;

/**
 * The first line of a saved index: format, version, the corpus fingerprint (so a stale file is known without
 * reading further) and a sha256 of the payload after it (so a damaged file is never trusted).
 */
const HEADER = /^newsdesk-index v(\d+) (\S+) sha256:([0-9a-f]{64})\n/;

/** What `readValue` returns for bytes that are no serialised value: distinct from every value a file can hold. */
const CORRUPT = Symbol('corrupt');

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes the index atomically: a temporary file in the same folder, then a rename over the old one. The payload is
 * Node's structured serialisation (which reads back far faster than JSON, see miniSearchState.ts) written as a
 * series of values — a manifest, the documents in parts, MiniSearch's tree in parts — with a yield to the event
 * loop after each: saving a large archive after a reload never holds up the questions answered meanwhile.
 */
export async function saveIndex(index: NewsIndex, file: string, options: { sliceEntries?: number } = {}): Promise<number> {
  // A loaded index's tree holds slices not read yet, which the serialiser would write as empty Maps.
  await expandSearch(index.search);
  const { tree, ...state } = exportState(index.search);
  const documentParts = partsOf(index.documents, (doc) => doc.paragraphs.reduce((sum, text) => sum + text.length, 0), PART_CHARS);
  const slices = treeSlices(tree, options.sliceEntries ?? SLICE_ENTRIES);
  const serializer = new v8.DefaultSerializer();
  serializer.writeHeader();
  const manifest = {
    format: FORMAT,
    version: FORMAT_VERSION,
    fingerprint: index.fingerprint,
    passages: index.passages,
    sentences: index.sentences,
    tokens: index.tokens,
    documentFrequency: index.stats.documentFrequency,
    spellings: index.stats.spellings,
    search: state,
    documentParts: documentParts.length,
    treeSlices: slices.length,
  };
  for (const value of [manifest, ...documentParts]) {
    serializer.writeValue(value);
    await yieldToEventLoop();
  }
  for (const { path: place, subtree } of slices) {
    serializer.writeValue([place, v8.serialize(subtree)]);
    await yieldToEventLoop();
  }
  const payload = serializer.releaseBuffer();
  const hash = createHash('sha256');
  for (let at = 0; at < payload.length; at += HASH_SLICE) {
    hash.update(payload.subarray(at, at + HASH_SLICE));
    await yieldToEventLoop();
  }
  const header = `newsdesk-index v${FORMAT_VERSION} ${index.fingerprint} sha256:${hash.digest('hex')}\n`;
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.write(header);
      await handle.write(payload);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return Buffer.byteLength(header) + payload.length;
}

/** Consecutive runs of `items` whose sizes add up to about `limit` each. */
function partsOf<T>(items: readonly T[], size: (item: T) => number, limit: number): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    current.push(item);
    total += size(item);
    if (total >= limit) {
      parts.push(current);
      current = [];
      total = 0;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

export type LoadedIndex = { index: NewsIndex } | { stale: string };

/** Loads a saved index if it is whole and matches `fingerprint`; otherwise says why it cannot be trusted. */
export async function loadSavedIndex(file: string, fingerprint: string): Promise<LoadedIndex> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { stale: code === 'ENOENT' ? 'no saved index yet' : `saved index cannot be read (${code})` };
  }
  const header = HEADER.exec(bytes.subarray(0, 512).toString('latin1'));
  if (!header) return { stale: 'saved index is not a Newsdesk index (no header line)' };
  if (Number(header[1]) !== FORMAT_VERSION) return { stale: `saved index has format ${header[1]}, expected ${FORMAT_VERSION}` };
  if (header[2] !== fingerprint) return { stale: 'corpus or analyzer settings changed since the index was saved' };
  const payload = bytes.subarray(header[0].length);
  if (createHash('sha256').update(payload).digest('hex') !== header[3]) return { stale: 'saved index is corrupt or truncated (checksum mismatch)' };
  const deserializer = new v8.DefaultDeserializer(payload);
  const readValue = (): unknown => {
    try {
      return deserializer.readValue();
    } catch {
      return CORRUPT;
    }
  };
  try {
    deserializer.readHeader();
  } catch {
    return { stale: 'saved index is corrupt (cannot be deserialised)' };
  }
  const raw = readValue();
  if (raw === CORRUPT) return { stale: 'saved index is corrupt (cannot be deserialised)' };
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return { stale: `saved index is malformed (${parsed.error.issues[0]?.path.join('.') || 'top level'})` };
  const saved = parsed.data;
  if (saved.fingerprint !== fingerprint) return { stale: 'saved index header and contents disagree' };
  const documents: NewsDocument[] = [];
  for (let part = 0; part < saved.documentParts; part++) {
    const value = readValue();
    if (value === CORRUPT) return { stale: 'saved index is corrupt (cannot be deserialised)' };
    const documentPart = documentPartSchema.safeParse(value);
    if (!documentPart.success) return { stale: `saved index is malformed (documents: ${documentPart.error.issues[0]?.path.join('.') || 'not a list'})` };
    documents.push(...(documentPart.data as NewsDocument[]));
  }
  const slices: Array<{ path: Array<string | number>; make: () => Map<unknown, unknown> }> = [];
  for (let slice = 0; slice < saved.treeSlices; slice++) {
    const value = treeSliceSchema.safeParse(readValue());
    if (!value.success) return { stale: 'saved index is corrupt (search tree cannot be read)' };
    const [place, bytes] = value.data;
    // A copy: the bytes read are a view into the whole file, which would stay in memory until the last slice is made.
    slices.push({ path: place, make: subtreeMaker(new Uint8Array(bytes)) });
  }
  const tree = treeFromSlices(slices);
  if (typeof tree === 'string') return { stale: `saved index cannot be used (${tree})` };
  const search = importState({ ...saved.search, tree });
  if (typeof search === 'string') return { stale: `saved index cannot be used (${search})` };
  const passages = { doc: own(saved.passages.doc), paragraph: own(saved.passages.paragraph), start: own(saved.passages.start), end: own(saved.passages.end) };
  const count = passages.doc.length;
  if ([passages.paragraph, passages.start, passages.end].some((a) => a.length !== count)) return { stale: 'saved index is corrupt (passage table is inconsistent)' };
  const sentences = { first: own(saved.sentences.first), bounds: own(saved.sentences.bounds) };
  const tokens = { ...saved.tokens, first: own(saved.tokens.first), term: own(saved.tokens.term), bounds: own(saved.tokens.bounds) };
  if (sentences.first.length !== count + 1 || sentences.first[0] !== 0 || sentences.bounds.length !== 2 * sentences.first[count]!) {
    return { stale: 'saved index is corrupt (sentence table is inconsistent)' };
  }
  for (let p = 0; p < count; p++) {
    const paragraph = documents[passages.doc[p]!]?.paragraphs[passages.paragraph[p]!];
    if (paragraph === undefined || passages.end[p]! > paragraph.length || passages.start[p]! > passages.end[p]!) {
      return { stale: `saved index is corrupt (passage ${p} points outside its document)` };
    }
    // Runs must rise within the table: a hostile count would otherwise hold the event loop for billions of steps.
    if (sentences.first[p + 1]! < sentences.first[p]! || sentences.first[p + 1]! > sentences.first[count]!) {
      return { stale: 'saved index is corrupt (sentence table is inconsistent)' };
    }
    const length = passages.end[p]! - passages.start[p]!;
    for (let i = sentences.first[p]!; i < sentences.first[p + 1]!; i++) {
      if (sentences.bounds[2 * i]! > sentences.bounds[2 * i + 1]! || sentences.bounds[2 * i + 1]! > length) {
        return { stale: `saved index is corrupt (a sentence of passage ${p} points outside it)` };
      }
    }
  }
  const tokensProblem = checkTokens(tokens, sentences);
  if (tokensProblem) return { stale: `saved index is corrupt (${tokensProblem})` };
  if (search.documentCount !== count) return { stale: 'saved index is corrupt (search index and passage table disagree)' };
  return {
    index: new NewsIndex({
      fingerprint,
      documents,
      passages,
      sentences,
      tokens,
      search,
      stats: { documentFrequency: saved.documentFrequency, spellings: saved.spellings },
    }),
  };
}

/**
 * What makes a slice's subtree from its bytes, made out here so that it holds nothing else (a closure inside
 * `loadSavedIndex` would keep the file's bytes). The file's checksum was verified before the slice was kept, so
 * bytes that are no Map mean a file damaged behind its checksum or a fault in this program: it throws, and
 * `LiveIndex` rebuilds the index.
 */
function subtreeMaker(bytes: Uint8Array): () => Map<unknown, unknown> {
  return () => {
    const subtree: unknown = v8.deserialize(bytes);
    if (!(subtree instanceof Map)) throw new Error('a saved search tree slice is not a Map');
    return subtree;
  };
}

/**
 * A typed array of its own. Node deserialises an aligned typed array as a view into the bytes read, which would
 * keep the whole file in memory for as long as the index lives.
 */
function own<T extends Uint16Array | Uint32Array>(array: T): T {
  return array.byteLength === array.buffer.byteLength ? array : (array.slice() as T);
}

/** What is wrong with a saved token table, if anything: every token within its sentence, every term known. */
function checkTokens(tokens: TokenTable, sentences: SentenceTable): string | undefined {
  const sentenceCount = sentences.first[sentences.first.length - 1]!;
  const { first, term, bounds, vocabulary } = tokens;
  if (first.length !== sentenceCount + 1 || first[0] !== 0 || first[sentenceCount] !== term.length || bounds.length !== 2 * term.length) {
    return 'token table is inconsistent';
  }
  for (let k = 0; k < term.length; k++) if (term[k]! >= vocabulary.length) return 'a token has no term';
  for (let i = 0; i < sentenceCount; i++) {
    if (first[i + 1]! < first[i]! || first[i + 1]! > term.length) return 'token table is inconsistent';
    const length = sentences.bounds[2 * i + 1]! - sentences.bounds[2 * i]!;
    for (let k = first[i]!; k < first[i + 1]!; k++) {
      if (bounds[2 * k]! > bounds[2 * k + 1]! || bounds[2 * k + 1]! > length) return `a token of sentence ${i} points outside it`;
    }
  }
  return undefined;
}

/**
 * How far opening or rebuilding an index got, phase by phase in this order: `done` of `total` files read, documents
 * analysed (with the passages found so far) and steps of building the search structure (see `SearchBuildProgress`),
 * then saving, whose length is not known beforehand.
 */
export type OpenProgress =
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'indexing'; done: number; total: number; passages: number }
  | { phase: 'building'; done: number; total: number }
  | { phase: 'saving' };

export interface BuiltIndex {
  index: NewsIndex;
  skipped: SkippedFile[];
}

/** Reads a corpus folder (once: its fingerprint comes from the same bytes) and indexes it, reporting progress until the index is built. */
export async function buildFromFolder(
  dir: string,
  options: { onProgress?: (progress: OpenProgress) => void; onSkip?: (file: SkippedFile) => void } = {},
): Promise<BuiltIndex> {
  const corpus = await loadCorpus(dir, {
    onProgress: (p: LoadProgress) => options.onProgress?.({ phase: 'reading', done: p.filesRead, total: p.filesTotal }),
    ...(options.onSkip ? { onSkip: options.onSkip } : {}),
  });
  const index = await buildIndex(corpus, fingerprintOf(corpus.fileDigests), {
    onProgress: (p: BuildProgress) => options.onProgress?.({ phase: 'indexing', done: p.documentsDone, total: p.documentsTotal, passages: p.passagesIndexed }),
    onSearchProgress: (p: SearchBuildProgress) => options.onProgress?.({ phase: 'building', done: p.stepsDone, total: p.stepsTotal }),
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
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onSkip: (file) => log.warn({ file: file.path }, `skipped ${file.path}: ${file.reason}`),
  });
  if (options.save !== false) {
    options.onProgress?.({ phase: 'saving' });
    try {
      await saveIndex(built.index, indexFile);
    } catch (error) {
      log.warn({ indexFile, err: error }, 'could not save the index; it will be rebuilt next time');
    }
  }
  log.info({ documents: built.index.documents.length, passages: built.index.passageCount, skipped: built.skipped.length, ms: Math.round(performance.now() - started) }, 'index ready');
  return built;
}
