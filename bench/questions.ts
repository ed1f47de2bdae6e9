import type { NewsDocument } from '../src/corpus/types.ts';
import { mulberry32, type Random } from './prng.ts';

/**
 * Benchmark questions drawn from the corpus itself, the way readers ask: a phrase from a random passage, as is or
 * reworded, shortened, misspelt or padded with a stray word, and some about things the corpus never mentions.
 * The generator uses its own simple word and sentence rules, not the engine's analyzer, so that changing the
 * engine never changes the questions it is measured on.
 */
export type QuestionKind = 'phrase' | 'question' | 'dropped' | 'typo' | 'extra' | 'absent';

export interface BenchQuestion {
  text: string;
  kind: QuestionKind;
}

export const QUESTION_SEED = 0x6e657773;
/** Warm-up questions come from another seed, so that no measured question was asked before. */
export const WARMUP_SEED = 0x7761726d;
/** The questions asked during reloads, from a third seed for the same reason. */
export const RELOAD_SEED = 0x72656c6f;

/** Share of questions about things absent from the corpus: the engine must say so as fast as it answers. */
const ABSENT_SHARE = 0.1;
const PRESENT_KINDS: readonly QuestionKind[] = ['phrase', 'question', 'dropped', 'typo', 'extra'];
const QUESTION_FORMS: ReadonlyArray<(core: string) => string> = [
  (core) => `what about ${core}?`,
  (core) => `who said ${core}?`,
  (core) => `when did ${core}?`,
  (core) => `how many ${core}?`,
];
const CORE_WORDS = { min: 4, max: 9 };
/** A paragraph with fewer words is a headline or a caption, not a passage a reader quotes from. */
const MIN_PARAGRAPH_WORDS = 8;
const MIN_TYPO_WORD = 6;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SENTENCE = /[^.!?]+[.!?]*/gu;
const LETTERS_ONLY = /^\p{L}+$/u;

/** `count` questions, always the same ones for the same documents and seed. */
export function generateQuestions(documents: readonly NewsDocument[], count: number, seed = QUESTION_SEED): BenchQuestion[] {
  const paragraphs = documents.flatMap((doc) => doc.paragraphs).filter((text) => wordsOf(text).length >= MIN_PARAGRAPH_WORDS);
  if (paragraphs.length === 0) throw new Error('the corpus has no paragraph long enough to draw questions from');
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const kind: QuestionKind = random.next() < ABSENT_SHARE ? 'absent' : random.pick(PRESENT_KINDS);
    return { kind, text: questionOfKind(kind, random, paragraphs) };
  });
}

function questionOfKind(kind: QuestionKind, random: Random, paragraphs: readonly string[]): string {
  switch (kind) {
    case 'phrase':
      return pickCore(random, paragraphs).join(' ');
    case 'question':
      return random.pick(QUESTION_FORMS)(pickCore(random, paragraphs).join(' '));
    case 'dropped':
      return dropWords(random, pickCore(random, paragraphs)).join(' ');
    case 'typo':
      return misspellOne(random, pickCore(random, paragraphs, hasTypoCandidate)).join(' ');
    case 'extra':
      return addUnrelatedWord(random, pickCore(random, paragraphs), paragraphs).join(' ');
    case 'absent':
      return absentQuestion(random);
  }
}

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** 4–9 consecutive words of a random sentence of a random passage, optionally one with some property. */
function pickCore(random: Random, paragraphs: readonly string[], accept: (words: string[]) => boolean = () => true): string[] {
  for (;;) {
    const sentences = (random.pick(paragraphs).match(SENTENCE) ?? []).map(wordsOf).filter((words) => words.length >= CORE_WORDS.min);
    if (sentences.length === 0) continue;
    const words = random.pick(sentences);
    const length = random.int(CORE_WORDS.min, Math.min(CORE_WORDS.max, words.length));
    const start = random.int(0, words.length - length);
    const core = words.slice(start, start + length);
    if (accept(core)) return core;
  }
}

/** One or two words left out, as a reader half-remembering a phrase; at least three stay. */
function dropWords(random: Random, core: string[]): string[] {
  const kept = [...core];
  const drops = random.int(1, Math.min(2, kept.length - 3));
  for (let i = 0; i < drops; i++) kept.splice(random.int(0, kept.length - 1), 1);
  return kept;
}

/** Inner positions i where swapping letters i and i+1 changes the word (not the first or last letter). */
const swappablePositions = (word: string): number[] =>
  Array.from({ length: Math.max(0, word.length - 3) }, (_, k) => k + 1).filter((i) => word[i] !== word[i + 1]);
const isTypoCandidate = (word: string): boolean =>
  word.length >= MIN_TYPO_WORD && LETTERS_ONLY.test(word) && swappablePositions(word).length > 0;
const hasTypoCandidate = (words: string[]): boolean => words.some(isTypoCandidate);

/** Two neighbouring inner letters of one long word swapped ("government" typed as "govenrment"). */
function misspellOne(random: Random, core: string[]): string[] {
  const candidates = core.map((word, i) => [word, i] as const).filter(([word]) => isTypoCandidate(word));
  const [word, at] = random.pick(candidates);
  const i = random.pick(swappablePositions(word));
  const misspelt = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return core.map((w, k) => (k === at ? misspelt : w));
}

/** A word from some other passage put in at a random place: the noise of a loosely worded question. */
function addUnrelatedWord(random: Random, core: string[], paragraphs: readonly string[]): string[] {
  let word: string | undefined;
  while (word === undefined) {
    const longWords = wordsOf(random.pick(paragraphs)).filter((w) => w.length >= 5 && LETTERS_ONLY.test(w));
    if (longWords.length > 0) word = random.pick(longWords).toLowerCase();
  }
  const padded = [...core];
  padded.splice(random.int(0, padded.length), 0, word);
  return padded;
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

/** Two to four made-up words ("zorvak blemitu"), half of them asked as a question. */
function absentQuestion(random: Random): string {
  const words = Array.from({ length: random.int(2, 4) }, () => madeUpWord(random));
  const core = words.join(' ');
  return random.next() < 0.5 ? core : random.pick(QUESTION_FORMS)(core);
}

function madeUpWord(random: Random): string {
  let word = '';
  for (let syllables = random.int(2, 4); syllables > 0; syllables--) {
    word += random.pick([...CONSONANTS]) + random.pick([...VOWELS]);
  }
  return word + random.pick([...CONSONANTS]);
}
