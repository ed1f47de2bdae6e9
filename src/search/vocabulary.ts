import type { NewsIndex } from './newsIndex.ts';

/**
 * Lookup structures over an index's vocabulary for the rare questions that need them (a misspelt or absent word),
 * built on first use and kept with the index: scanning the whole vocabulary per question would cost more than the
 * rest of answering it.
 */
interface Vocabulary {
  /** Every term, sorted, for the terms that start with a given one. */
  sorted: string[];
  /** Spellings by first letter and length ("c9" → coalition, …). */
  spellings: Map<string, SpellingBucket>;
}

/**
 * One bucket's spellings, their terms and the letters each holds (see `letterMask`), side by side: a misspelling is
 * checked against every mask of its buckets, and only the few spellings close enough are read.
 */
interface SpellingBucket {
  written: string[];
  terms: string[];
  masks: Int32Array;
}

const built = new WeakMap<NewsIndex, Vocabulary>();

function vocabularyOf(index: NewsIndex): Vocabulary {
  let vocabulary = built.get(index);
  if (!vocabulary) {
    const grouped = new Map<string, Array<[string, string]>>();
    for (const entry of index.stats.spellings) {
      const key = `${entry[0][0]}${entry[0].length}`;
      const bucket = grouped.get(key) ?? [];
      bucket.push(entry);
      grouped.set(key, bucket);
    }
    const spellings = new Map<string, SpellingBucket>();
    for (const [key, entries] of grouped) {
      spellings.set(key, {
        written: entries.map(([spelling]) => spelling),
        terms: entries.map(([, term]) => term),
        masks: Int32Array.from(entries, ([spelling]) => letterMask(spelling)),
      });
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
    const bucket = spellings.get(`${word[0]}${length}`);
    if (!bucket) continue;
    const { masks } = bucket;
    for (let i = 0; i < masks.length; i++) {
      // One edit changes at most two of the letters a word holds (a substitution: one out, one in).
      if (bitCount(mask ^ masks[i]!) <= 2 * edits) found.push([bucket.written[i]!, bucket.terms[i]!]);
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

/**
 * The set bits of a 32-bit integer, counted in parallel within the word (pairs, then nibbles, then bytes summed by one
 * multiplication) rather than one bit per loop: the sift calls it once per spelling of a bucket, thousands of times.
 */
function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
