/**
 * Acronyms and the names they stand for. News spells a name out once ("the Federal Aviation Agency") and uses its
 * initials after ("FAA inspectors"); a reader may ask with either. Neither is in a table: a run of capitalised words
 * is what its initials abbreviate.
 */

/** Small words a spelled-out name skips in its initials: the "of" of "Bureau of Mines", the "and" of "Parks and Recreation". */
const SKIPPED = '(?:of|and|for|the|on|in|to|at|&)';
const CAPITALISED = "\\p{Lu}[\\p{L}'’.-]*";

/** One of the small words initials skip, on its own. */
const SKIPPED_WORD = new RegExp(`^${SKIPPED}$`, 'u');

/** A run of two or more capitalised words, with the small words the initials skip between them. */
const NAME_RUN = new RegExp(`${CAPITALISED}(?:\\s+(?:${SKIPPED}\\s+)*${CAPITALISED})+`, 'gu');

/**
 * An acronym as written: three to six capitals and nothing else ("FAA", not "Faa"). Two letters are too few to tell
 * an acronym from a person's initials ("Dean Acheson" for "DA").
 */
const WRITTEN_ACRONYM = /^\p{Lu}{3,6}$/u;

export function isWrittenAcronym(word: string): boolean {
  return WRITTEN_ACRONYM.test(word);
}

/** Where text may spell `acronym` out: its letters opening consecutive capitalised words, small words skipped. */
export function spelledOutPattern(acronym: string): RegExp {
  const words = [...acronym].map((letter) => `${letter}[\\p{L}'’.-]*`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join(`\\s+(?:${SKIPPED}\\s+)*`)}(?![\\p{L}\\p{N}])`, 'u');
}

/** Small words of one spelled-out name that its initials may keep, one way or the other ("COAHR" keeps "on"). */
const MAX_KEPT_SMALL_WORDS = 3;

/** A small word inside a name, however a reader capitalises it ("Committee On Appeal"). */
const SMALL_INSIDE = new RegExp(`^${SKIPPED}$`, 'iu');

/**
 * The capitalised names of a question and the acronyms they would abbreviate, with where each name stands. The
 * question's opening word is capitalised for opening it ("Did Federal…"), not for being part of a name. Initials
 * usually skip the small words, but some keep them ("Committee on Appeal for Human Rights" is "COAHR"): each
 * small word inside a name of few of them is tried both ways.
 */
export function namesWithInitials(question: string): Array<{ acronym: string; start: number; end: number }> {
  const found: Array<{ acronym: string; start: number; end: number }> = [];
  for (const run of question.matchAll(NAME_RUN)) {
    const words = [...run[0].matchAll(new RegExp(`${CAPITALISED}|(?<=\\s)${SKIPPED}(?=\\s)`, 'gu'))].map((word, i) => ({
      letter: word[0][0]!.toUpperCase(),
      small: i > 0 && SMALL_INSIDE.test(word[0]),
      start: run.index + word.index,
    }));
    const opening = /^\s*$|[.!?]\s*$/u.test(question.slice(0, run.index));
    const second = words.findIndex((word, i) => i > 0 && !word.small);
    const named = !opening ? words : second < 0 ? [] : words.slice(second);
    if (named.length === 0) continue;
    const small = named.flatMap((word, i) => (word.small ? [i] : []));
    const acronyms = new Set<string>();
    // Every small word skipped is how most initials go ("RSPCA"); with many small words, the only way tried.
    const keptWays = small.length > MAX_KEPT_SMALL_WORDS ? 1 : 1 << small.length;
    for (let kept = 0; kept < keptWays; kept++) {
      acronyms.add(named.filter((word, i) => !word.small || (kept >> small.indexOf(i)) & 1).map((word) => word.letter).join(''));
    }
    for (const acronym of acronyms) if (isWrittenAcronym(acronym)) found.push({ acronym, start: named[0]!.start, end: run.index + run[0].length });
  }
  return found;
}

/** Longest and shortest runs of words a question typed in lower case is read for initials over. */
const MIN_RUN = 3;
const MAX_RUN = 6;

/**
 * For a question typed all in lower case ("who heads the california democratic council"), where no capital marks a
 * name: every run of three to six words, small words skipped, and the acronym it would make. Most make none the
 * archive uses; the caller keeps those it does.
 */
export function wordRunsWithInitials(question: string): Array<{ acronym: string; start: number; end: number }> {
  if (/\p{Lu}/u.test(question)) return [];
  const words = [...question.matchAll(/\p{L}[\p{L}'’-]*/gu)]
    .filter((word) => !SKIPPED_WORD.test(word[0]))
    .map((word) => ({ letter: word[0][0]!.toUpperCase(), start: word.index, end: word.index + word[0].length }));
  const found: Array<{ acronym: string; start: number; end: number }> = [];
  for (let first = 0; first < words.length; first++) {
    for (let length = MIN_RUN; length <= MAX_RUN && first + length <= words.length; length++) {
      const run = words.slice(first, first + length);
      found.push({ acronym: run.map((word) => word.letter).join(''), start: run[0]!.start, end: run.at(-1)!.end });
    }
  }
  return found;
}
