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
  // Three rows reused across calls: the corrector compares a word against thousands of spellings per question.
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, rows[before + j - 2]! + 1);
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return rows[previous + b.length]!;
}

let rows = new Int32Array(96);

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
  const likelihood = new Map(found.map((term) => [term, likely(term)]));
  return found.sort((a, b) => likelihood.get(b)! - likelihood.get(a)!).slice(0, 2);
}
