import type { NewsIndex } from './newsIndex.ts';

/**
 * Lookup structures over an index's vocabulary for the rare questions that need them (a misspelt or absent word),
 * built on first use and kept with the index: scanning the whole vocabulary per question would cost more than the
 * rest of answering it.
 */
interface Vocabulary {
  /** Every term, sorted, for the terms that start with a given one. */
  sorted: string[];
  /** Spellings by first letter and length ("c9" → coalition, …), with the letters each holds (see `letterMask`). */
  spellings: Map<string, Array<[string, string, number]>>;
}

const built = new WeakMap<NewsIndex, Vocabulary>();

function vocabularyOf(index: NewsIndex): Vocabulary {
  let vocabulary = built.get(index);
  if (!vocabulary) {
    const spellings = new Map<string, Array<[string, string, number]>>();
    for (const [spelling, term] of index.stats.spellings) {
      const key = `${spelling[0]}${spelling.length}`;
      const bucket = spellings.get(key) ?? [];
      bucket.push([spelling, term, letterMask(spelling)]);
      spellings.set(key, bucket);
    }
    vocabulary = { sorted: [...index.stats.documentFrequency.keys()].sort(), spellings };
    built.set(index, vocabulary);
  }
  return vocabulary;
}

/** Terms of the index that start with `prefix` and are at most `extra` characters longer. */
export function termsStartingWith(index: NewsIndex, prefix: string, extra: number): string[] {
  const { sorted } = vocabularyOf(index);
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
    if (sorted[i]!.length - prefix.length <= extra) found.push(sorted[i]!);
  }
  return found;
}

/**
 * The corpus spellings a misspelling of `word` could be: same first letter (typos there are rare, and requiring it
 * cuts the search twentyfold), length within `edits`.
 */
export function spellingCandidates(index: NewsIndex, word: string, edits: number): Array<[string, string]> {
  const { spellings } = vocabularyOf(index);
  const mask = letterMask(word);
  const found: Array<[string, string]> = [];
  for (let length = word.length - edits; length <= word.length + edits; length++) {
    for (const [spelling, term, letters] of spellings.get(`${word[0]}${length}`) ?? []) {
      // One edit changes at most two of the letters a word holds (a substitution: one out, one in).
      if (bitCount(mask ^ letters) <= 2 * edits) found.push([spelling, term]);
    }
  }
  return found;
}

/** Which of the letters a–z (and, as one bit, anything else) a word holds, one bit each. */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i) - 97;
    mask |= code >= 0 && code < 26 ? 1 << code : 1 << 26;
  }
  return mask;
}

function bitCount(n: number): number {
  let count = 0;
  for (let rest = n; rest !== 0; rest &= rest - 1) count++;
  return count;
}
