import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let englishWords: Set<string> | undefined;

/**
 * Whether a folded word is an English dictionary word. A question word the corpus lacks but the dictionary
 * knows ("trucks", "election") is absent, not misspelt: correcting it to a corpus word ("truce") would make an
 * unanswerable question look answered. Loaded on first use (about 275,000 words).
 */
export function isEnglishWord(word: string): boolean {
  englishWords ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return englishWords.has(word);
}

/** How many edits a misspelling of a word this long may carry. Short words have too many neighbours to guess. */
export function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * Edit distance with adjacent transpositions ("coalitoin" is one edit from "coalition"), giving up as soon as it
 * must exceed `limit`: most vocabulary words are rejected after a row or two.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The corpus words a misspelt word most likely meant: the fewest edits away, and among those the terms `likely`
 * ranks highest (at most two). Returns nothing when no corpus word is close enough.
 */
export function correctSpelling(word: string, spellings: Iterable<readonly [string, string]>, likely: (term: string) => number): string[] {
  const limit = allowedEdits(word.length);
  if (limit === 0) return [];
  let best = limit + 1;
  let found: string[] = [];
  for (const [spelling, term] of spellings) {
    if (Math.abs(spelling.length - word.length) > limit || (limit < 2 && spelling[0] !== word[0])) continue;
    const distance = boundedEditDistance(word, spelling, Math.min(limit, best));
    if (distance > limit) continue;
    if (distance < best) {
      best = distance;
      found = [term];
    } else if (distance === best && !found.includes(term)) {
      found.push(term);
    }
  }
  return found.sort((a, b) => likely(b) - likely(a)).slice(0, 2);
}
