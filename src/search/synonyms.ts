import derivationData from './data/derivations.json' with { type: 'json' };
import { antonymsOf, entriesOf, PARTS_OF_SPEECH, sensesOf, synsetWords, type PartOfSpeech } from './wordnet.ts';

/**
 * Synonyms from WordNet: the other words of a word's most common senses, so that a reader's "haggling" can find
 * the reporter's "negotiations".
 */
/** Only a word's commonest senses: rarer ones mostly bring noise ("capital" as an upper-case letter). */
const SENSES = 2;
const CACHE_LIMIT = 20_000;
const cache = new Map<string, string[]>();

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
  const verbs = lookups(verb.toLowerCase()).filter(([, allowed]) => allowed.includes('verb')).map(([lemma]) => lemma);
  // "come up with" before "come up": the longer phrase is the one meant.
  const phrases = next === undefined ? [[particle]] : [[particle, next], [particle]];
  for (const words of phrases) {
    for (const lemma of verbs) {
      const synonyms = phraseSynonymsOf([lemma, ...words].join('_'), 'verb', SENSES);
      if (synonyms) return synonyms;
    }
  }
  return [];
}

/**
 * The synonyms of the noun compound `word` makes with the word before it ("prison term" → sentence), or none
 * when WordNet lists no such compound.
 */
export function compoundSynonymsOf(previous: string, word: string): string[] {
  const heads = lookups(word.toLowerCase()).filter(([, allowed]) => allowed.includes('noun')).map(([lemma]) => lemma);
  for (const head of heads) {
    // The first sense only: "prime minister" is also WordNet's "chancellor", who is someone else in most news.
    const synonyms = phraseSynonymsOf(`${previous.toLowerCase()}_${head}`, 'noun', 1);
    if (synonyms) return synonyms.filter((w) => !w.includes(' '));
  }
  return [];
}

/** The other words of a WordNet phrase's (words joined by "_") commonest senses, or undefined when WordNet lacks it. */
function phraseSynonymsOf(phrase: string, pos: PartOfSpeech, senses: number): string[] | undefined {
  const offsets = sensesOf(phrase, pos);
  if (offsets.length === 0) return undefined;
  const found = new Set<string>();
  for (const offset of offsets.slice(0, senses)) for (const synonym of synsetWords(pos, offset)) found.add(synonym);
  found.delete(phrase.replace(/_/g, ' '));
  return [...found];
}

const NEGATING_PREFIX = /^(un|in|im|il|ir|non-?|dis)$/;

/** "unintentional" negates "intentional", "nonviolent" "violent". */
function negates(word: string, other: string): boolean {
  return word.length > other.length && word.endsWith(other) && NEGATING_PREFIX.test(word.slice(0, -other.length));
}

/**
 * The words that share one of the commonest senses of `word` (folded), clipped forms included ("sub" →
 * "submarine"). Antonyms WordNet files beside a word ("unintentional" by "intentional") are left out.
 */
export function synonymsOf(word: string): string[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const found = new Set<string>();
  const forms = lookups(word);
  for (const { pos, offset } of commonestSenses(forms)) for (const synonym of synsetWords(pos, offset)) found.add(synonym);
  // A word that holds another is not its inflection here but a clipping ("sub" for "submarine", "vet" for
  // "veteran") or its negation, which WordNet may list beside it ("unintentional" by "intentional").
  const synonyms = [...found].filter((s) => !forms.some(([lemma]) => s === lemma || negates(s, lemma) || negates(lemma, s)));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, synonyms);
  return synonyms;
}

/**
 * The words WordNet gives as opposites of `word`'s (folded) commonest senses ("admitted" → deny). A yes-or-no
 * question is answered by either: "Did the army admit it?" by "The army denies it".
 */
export function oppositesOf(word: string): string[] {
  const found = new Set<string>();
  for (const { lemma, pos, offset } of commonestSenses(lookups(word))) {
    const wordNumber = synsetWords(pos, offset).indexOf(lemma.replace(/_/g, ' ')) + 1;
    if (wordNumber > 0) for (const opposite of antonymsOf(pos, offset, wordNumber)) found.add(opposite);
  }
  return [...found];
}

/** The commonest senses (SENSES of each part of speech) of the lemmas a word may be, where WordNet may list them. */
function* commonestSenses(forms: Array<[string, readonly PartOfSpeech[]]>): Generator<{ lemma: string; pos: PartOfSpeech; offset: number }> {
  for (const [lemma, allowed] of forms) {
    for (const [pos, offsets] of entriesOf(lemma)) {
      if (!allowed.includes(pos)) continue;
      for (const offset of offsets.slice(0, SENSES)) yield { lemma, pos, offset };
    }
  }
}

/** WordNet's derivationally related words of `word` (folded, any inflection): "invaded" → invasion, invasive. */
export function derivedWordsOf(word: string): string[] {
  const found = new Set<string>();
  for (const [lemma] of lookups(word)) for (const derived of derivations.get(lemma) ?? []) found.add(derived);
  return [...found];
}

/** Read from a table made from WordNet by scripts/derivations.ts: reading WordNet's files on each question is slow. */
const derivations = new Map(Object.entries(derivationData.words).map(([lemma, words]) => [lemma, words.split(' ')]));
