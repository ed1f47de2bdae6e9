import { stemmer } from 'stemmer';
import aliasData from './data/aliases.json' with { type: 'json' };
import fillerData from './data/query-fillers.json' with { type: 'json' };
import abbreviationData from './data/abbreviations.json' with { type: 'json' };
import irregularData from './data/irregular-forms.json' with { type: 'json' };
import stopwordData from './data/stopwords.json' with { type: 'json' };
import spellingVariantData from './data/spelling-variants.json' with { type: 'json' };

/**
 * The one analyzer behind both the index and the questions, so that a word is always turned into the same term.
 * Bump ANALYZER_VERSION whenever its output can change: saved indexes carry it and are rebuilt when it differs.
 */
export const ANALYZER_VERSION = 12;

/** One indexed term and where its words stand in the analysed text (for highlighting). */
export interface Token {
  term: string;
  /** The word as folded for lookups (lower case, no diacritics), before stemming: feeds the spelling corrector. */
  surface: string;
  start: number;
  end: number;
  /**
   * This thread's number for the reading of the one word the token comes from (see `WordReading.id`), or NO_READING
   * for an alias phrase or a number: tokens with one number have one term and surface, so a build numbers each
   * reading's term once instead of looking every token's term up.
   */
  reading: number;
}

export const NO_READING = -1;

/** A word of the text before stop words, aliases and stemming. */
interface Word {
  /** As written, but for the dots of an acronym, a number's thousands separators and a possessive's "'s". */
  raw: string;
  /** A number, looked up as written ("²" is not "2"). */
  number?: true;
  start: number;
  end: number;
}

// Dotted acronyms (U.S., U.N.), numbers with separators (20,000), then words with inner apostrophes and hyphens.
const WORD_PATTERN = /(?:\p{L}\.){2,}(?!\p{L})|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’‘][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’‘][\p{L}]+)*)*/gu;
const POSSESSIVE = /['’‘]s$|(?<=s)['’‘]$/iu;
const APOSTROPHES = /['’‘]/gu;
const COMBINING_MARKS = /\p{M}/gu;

const PLAIN_ASCII = /^[\w'-]*$/;

/** Lower case, diacritics off, apostrophes out: "Türkiye’s" and "turkiyes" fold alike. */
export function fold(text: string): string {
  // Plain ASCII words, nearly all of them, need no Unicode normalisation.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(/'/g, '');
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(APOSTROPHES, '');
}

const PLAIN_WORD = /^[A-Za-z]+$/;
const ACRONYM = /^(?:\p{L}\.){2,}$/u;
const NUMBER = /^\p{N}[\p{N}.,]*$/u;
const THOUSANDS_SEPARATOR = /,(?=\p{N}{3}(?!\p{N}))/gu;
/** The one-word names of the alias table ("spanish", "soviet"): what may follow a combining form. */
const countryWords = new Set(aliasData.same.flatMap((group) => group.terms).filter((term) => /^\p{L}+$/u.test(term)));
/** Abbreviations that count only in capitals ("US"): a country after a combining form ("Sino-US"). */
const caseSensitiveWords = new Set(aliasData.same.flatMap((group) => ('caseSensitive' in group ? (group.caseSensitive ?? []) : [])).map((term) => term.replace(/\./g, '')));
/** Capitalised words after a combining form that name no country: "Indo-Pacific", "Anglo-Saxon", "Indo-European". */
const NOT_COUNTRIES = new Set(['pacific', 'atlantic', 'european', 'saxon', 'saxons', 'catholic', 'catholics', 'norman', 'normans']);

/**
 * Whether the abbreviation at `start`–`end` (its full stop included) stands where a state does: after a place and a
 * comma ("Salem, Ore."), or before a comma, a bracket, a hyphen or a lower-case word ("a Calif. company") — not
 * where a sentence ends on a name ("…said Naoto Kan. The").
 */
function standsForState(text: string, start: number, end: number): boolean {
  if (/,\s*$/u.test(text.slice(Math.max(0, start - 3), start))) return true;
  return /^(?:[,)(-]|\s+\p{Ll})/u.test(text.slice(end, end + 3));
}

/** Abbreviations that count only with their full stop, as written: "Calif.", "S.C.". */
const dottedAbbreviations = new Set(aliasData.same.flatMap((group) => ('dotted' in group ? group.dotted : [])));
/** "franco" → "france": the country a combining form before a hyphen stands for. */
const combiningForms = new Map(Object.entries(aliasData.combiningForms).filter(([form]) => !form.startsWith('_')));

/** Splits text into words, with offsets into the original text. Hyphenated words become their parts. */
function splitWords(text: string): Word[] {
  const words: Word[] = [];
  WORD_PATTERN.lastIndex = 0;
  for (let match = WORD_PATTERN.exec(text); match !== null; match = WORD_PATTERN.exec(text)) {
    const start = match.index;
    const token = match[0];
    // Most words are plain letters: skip the rarer shapes' checks for them.
    if (PLAIN_WORD.test(token)) {
      // "Ore." is Oregon, "Ore" is ore: such an abbreviation is looked up with its full stop, where a place's state
      // stands ("Salem, Ore.", "a Calif. company"), not where a sentence ends ("…said Naoto Kan. The").
      const dotted = text[start + token.length] === '.' && dottedAbbreviations.has(`${token}.`) && standsForState(text, start, start + token.length + 1);
      words.push({ raw: dotted ? `${token}.` : token, start, end: start + token.length });
      continue;
    }
    if (token.includes('.') && ACRONYM.test(token)) {
      // "U.S." stands for "US": keep the letters, keep the case for the case-sensitive aliases; an abbreviation that
      // counts only with its full stops ("S.C.") keeps them.
      words.push({ raw: dottedAbbreviations.has(token) && standsForState(text, start, start + token.length) ? token : token.replace(/\./g, ''), start, end: start + token.length });
      continue;
    }
    if (NUMBER.test(token)) {
      // "20,000" and "20000" are one number.
      words.push({ raw: token.replace(THOUSANDS_SEPARATOR, ''), number: true, start, end: start + token.length });
      continue;
    }
    let offset = 0;
    const parts = token.split('-');
    parts.forEach((part, k) => {
      const partStart = start + offset;
      offset += part.length + 1;
      const bare = part.replace(POSSESSIVE, '');
      if (bare === '') return;
      // "Franco-Spanish" is French and Spanish: before a hyphen and another country's word ("Sino-US", "Anglo-Irish"), a
      // combining form is its country ("Indo-Pacific" and "Franco-era" are no such pair).
      const next = k < parts.length - 1 ? fold(parts[k + 1]!.replace(POSSESSIVE, '')) : undefined;
      const following = parts[k + 1];
      const pairs = next !== undefined && (countryWords.has(next) || combiningForms.has(next) || caseSensitiveWords.has(following!) || (/^\p{Lu}/u.test(following!) && !NOT_COUNTRIES.has(next)));
      const country = pairs ? combiningForms.get(fold(bare)) : undefined;
      words.push({ raw: country ?? bare, start: partStart, end: partStart + part.length });
    });
  }
  return words;
}

interface AliasTables {
  /** Folded word sequences ("united states", "u n") to their canonical term. */
  phrases: Map<string, string>;
  /** For each word that opens a multi-word alias, the most words such an alias has: most words open none. */
  phraseStarts: Map<string, number>;
  /** Acronyms that only count as written ("US" but not "us"). */
  caseSensitive: Map<string, string>;
}

function buildAliasTables(): AliasTables {
  const phrases = new Map<string, string>();
  const phraseStarts = new Map<string, number>();
  const caseSensitive = new Map<string, string>();
  for (const group of aliasData.same) {
    for (const term of group.terms) {
      const words = splitWords(term).map((w) => fold(w.raw));
      if (words.length === 0) continue;
      phrases.set(words.join(' '), group.canonical);
      if (words.length > 1) phraseStarts.set(words[0]!, Math.max(phraseStarts.get(words[0]!) ?? 0, words.length));
    }
    for (const term of group.caseSensitive ?? []) caseSensitive.set(term.replace(/\./g, ''), group.canonical);
    for (const term of group.dotted ?? []) caseSensitive.set(term, group.canonical);
  }
  return { phrases, phraseStarts, caseSensitive };
}

const aliases = buildAliasTables();
const stopwords = new Set(stopwordData.words);
const fillers = new Set(fillerData.words);
/** Filler phrases by their first word, as word lists: "so far" drops as a whole, "far" alone stays. */
const fillerPhrases = new Map<string, string[][]>();
for (const phrase of fillerData.phrases) {
  const words = phrase.split(' ');
  fillerPhrases.set(words[0]!, [...(fillerPhrases.get(words[0]!) ?? []), words]);
}

/**
 * How many words a filler phrase opening at `at` has (0 when none opens there). A distance or a comparison goes on
 * after it ("so far from the village", "so far behind") and "up" comes before it ("up to date"): then it means
 * what it says.
 */
function fillerPhraseAt(readings: WordReading[], at: number): number {
  for (const words of fillerPhrases.get(readings[at]!.folded) ?? []) {
    if (!words.every((word, k) => readings[at + k]?.folded === word)) continue;
    const next = readings[at + words.length]?.folded;
    if ((next !== undefined && MEANT_AFTER.has(next)) || readings[at - 1]?.folded === 'up') return 0;
    return words.length;
  }
  return 0;
}

const MEANT_AFTER = new Set(['from', 'away', 'behind', 'ahead', 'off', 'as', 'that', 'beyond', 'than', 'out', 'into', 'apart']);
// Apostrophes are folded out before the lookup: "gov't" is looked up as "govt".
const baseForms = new Map([...Object.entries(irregularData.forms), ...Object.entries(abbreviationData.forms).map(([short, word]) => [fold(short), word] as const)]);
// British spellings meet American ones ("characterised", "colour"): a reader writes one, the reporter the other. Only
// index terms are joined; dictionaries are looked up as the reader wrote (WordNet has "colour").
const spellingVariants = new Map(Object.entries(spellingVariantData.forms));

/** Whether `word`, as written, is an abbreviation that only counts in capitals ("US", "NJ", "WHO"). */
export function isCaseSensitiveAlias(word: string): boolean {
  return aliases.caseSensitive.has(word);
}

/** The base form of an irregular inflection or a chat abbreviation ("came" → "come", "ppl" → "people"), if it is one. */
export function baseFormOf(word: string): string | undefined {
  return baseForms.get(fold(word));
}

export interface AnalyzeOptions {
  /** Questions also drop conversational filler ("hey", "tell me"); the index keeps every content word. */
  question?: boolean;
}

/**
 * The index term of one word of plain lower-case letters, as `analyze` would give it alone (undefined for a stop
 * word), without splitting text: question terms are widened by dozens of dictionary words each.
 */
export function termOfWord(word: string): string | undefined {
  if (!/^[a-z]+$/.test(word)) {
    const tokens = analyze(word);
    return tokens.length === 1 ? tokens[0]!.term : undefined;
  }
  const reading = readingOf(word);
  return reading.alias ?? reading.term;
}

/** Turns text into index terms: aliases joined, stop words dropped, the rest folded and stemmed. */
export function analyze(text: string, options: AnalyzeOptions = {}): Token[] {
  const words = splitWords(text);
  const readings = words.map((word) => (word.number ? readWord(word.raw, word.raw) : readingOf(word.raw)));
  const tokens: Token[] = [];
  for (let i = 0; i < words.length; ) {
    const filler = options.question ? fillerPhraseAt(readings, i) : 0;
    if (filler > 0) {
      i += filler;
      continue;
    }
    const phrase = matchAliasPhrase(readings, i);
    if (phrase) {
      const last = words[i + phrase.length - 1]!;
      tokens.push({ term: phrase.term, surface: phrase.key, start: words[i]!.start, end: last.end, reading: phrase.length === 1 ? readings[i]!.id : NO_READING });
      i += phrase.length;
      continue;
    }
    const word = words[i]!;
    const reading = readings[i]!;
    i += 1;
    if (reading.term === undefined || (options.question && reading.filler)) continue;
    tokens.push({ term: reading.term, surface: reading.folded, start: word.start, end: word.end, reading: reading.id });
  }
  return tokens;
}

/** What analysis makes of one word on its own, worked out once per spelling: a corpus repeats a few tens of thousands of words millions of times. */
interface WordReading {
  /**
   * Numbered from 0 as readings are cached, never reused: a spelling keeps its number while it stays cached, and is
   * numbered anew if the cache is cleared. A number's reading is never cached (its term is itself): NO_READING.
   */
  id: number;
  folded: string;
  /** The index term, or none for a stop word or a stray letter. */
  term: string | undefined;
  /** A question drops it as conversational filler ("hey", "tell"). */
  filler: boolean;
  /** The most words of a multi-word alias it opens (1 when it opens none)… */
  phraseLength: number;
  /** …and the alias it is on its own ("russian" → russia). */
  alias: string | undefined;
}

const readingCache = new Map<string, WordReading>();
const READING_CACHE_LIMIT = 500_000;

function readingOf(raw: string): WordReading {
  let reading = readingCache.get(raw);
  if (reading === undefined) {
    reading = readWord(raw);
    reading.id = readingsCached++;
    if (readingCache.size >= READING_CACHE_LIMIT) readingCache.clear();
    readingCache.set(raw, reading);
  }
  return reading;
}

let readingsCached = 0;

/** The number the next reading cached will get: a build numbers only readings made after it starts (see `AnalysisState`). */
export function nextReadingNumber(): number {
  return readingsCached;
}

function readWord(raw: string, folded = fold(raw)): WordReading {
  // Only `readingOf` numbers a reading, as it caches it.
  const id = NO_READING;
  const acronym = aliases.caseSensitive.get(raw);
  // A lowercase "us" is the pronoun, never the country: such words only count through the case-sensitive table.
  if (acronym) return { id, folded, term: acronym, filler: false, phraseLength: 1, alias: undefined };
  const dropped = stopwords.has(folded) || (folded.length < 2 && !/\p{N}/u.test(folded));
  return {
    id,
    folded,
    term: dropped ? undefined : stemTerm(baseForms.get(folded) ?? spellingVariants.get(folded) ?? folded),
    filler: fillers.has(folded),
    phraseLength: aliases.phraseStarts.get(folded) ?? 1,
    alias: aliases.phrases.get(folded),
  };
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

/** Stems are cached: the same word comes in many spellings ("Said", "said", "SAID"). */
export function stemTerm(folded: string): string {
  let stem = stemCache.get(folded);
  if (stem === undefined) {
    stem = /\p{N}/u.test(folded) ? folded : stemmer(folded);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(folded, stem);
  }
  return stem;
}

function matchAliasPhrase(readings: WordReading[], at: number): { term: string; length: number; key: string } | undefined {
  const first = readings[at]!;
  // Longest first, so "united states of america" wins over "united states".
  const longest = Math.min(first.phraseLength, readings.length - at);
  for (let length = longest; length >= 2; length--) {
    let key = first.folded;
    for (let k = 1; k < length; k++) key += ` ${readings[at + k]!.folded}`;
    const term = aliases.phrases.get(key);
    if (term) return { term, length, key };
  }
  return first.alias ? { term: first.alias, length: 1, key: first.folded } : undefined;
}

/** Query-side widening: each term to the related terms it should also find, with their weight. */
export const relatedTerms: ReadonlyMap<string, ReadonlyArray<{ term: string; weight: number }>> = (() => {
  const related = new Map<string, Array<{ term: string; weight: number }>>();
  for (const group of aliasData.related) {
    // A multi-word entry that is no alias of its own ("white house") would widen each of its words, and one whose
    // other words are stop words ("stepped down") its one word ("step"): only an entry read as one term counts. A
    // hyphenated one still counts as its one word ("sit-down" as "sit", which so meets "talks"): a reader's
    // "sit-down" is read the same way, and taking it out lost a seeds answer.
    const single = group.terms
      .map((t) => analyze(t))
      .filter((tokens, i) => tokens.length === 1 && (!group.terms[i]!.includes(' ') || tokens[0]!.end - tokens[0]!.start === group.terms[i]!.length));
    const terms = [...new Set(single.map((tokens) => tokens[0]!.term))];
    for (const term of terms) {
      const list = related.get(term) ?? [];
      for (const other of terms) {
        if (other === term || list.some((r) => r.term === other)) continue;
        list.push({ term: other, weight: group.weight });
      }
      related.set(term, list);
    }
  }
  return related;
})();
