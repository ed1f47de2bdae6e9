import { splitSentences, type Span } from '../corpus/sentences.ts';

/** Bump whenever the passages a document is cut into can change: saved indexes carry it and are rebuilt when it differs. */
export const PASSAGE_RULES_VERSION = 2;

/** Passages longer than this are cut into windows of whole sentences, so one long paragraph is not one blurry hit. */
const MAX_PASSAGE_CHARS = 600;
/** Target size of a window cut from a long paragraph; windows overlap by one sentence so no answer straddles a cut. */
const WINDOW_CHARS = 450;

/** Where a passage stands: paragraph index (0-based) and character range within that paragraph. */
export interface PassageSpan {
  paragraph: number;
  start: number;
  end: number;
  /** Its sentences, relative to the passage's start. */
  sentences: Span[];
}

/**
 * The searchable units of one document: each paragraph of reporting, or sentence windows of a long one.
 * Subheads ("Draft resolution") and other short lines that are no sentence are not passages: they can be read
 * with /source but are never quoted as an answer.
 */
export function passagesOf(paragraphs: readonly string[]): PassageSpan[] {
  const passages: PassageSpan[] = [];
  paragraphs.forEach((text, paragraph) => {
    if (isHeading(text)) return;
    // Sentences are found once per paragraph: they cut long paragraphs into windows, and answering reads them.
    const sentences = splitSentences(text);
    if (text.length <= MAX_PASSAGE_CHARS) {
      passages.push({ paragraph, start: 0, end: text.length, sentences });
      return;
    }
    for (const window of sentenceWindows(sentences)) {
      const within = sentences.filter((s) => s.start >= window.start && s.end <= window.end);
      passages.push({ paragraph, ...window, sentences: within.map((s) => ({ start: s.start - window.start, end: s.end - window.start })) });
    }
  });
  return passages;
}

function isHeading(text: string): boolean {
  const line = text.trim();
  // A list item ("- Cars: 41 pounds") is short, but it is content, not a subhead.
  if (/^[-*+•]\s/u.test(line)) return false;
  return wordsUpTo(line, 5) < 5 && !/[.!?]["”’)]?$/u.test(line);
}

/** How many words `line` has, counted no further than `limit`: most paragraphs are long. */
function wordsUpTo(line: string, limit: number): number {
  let words = 0;
  for (const _word of line.matchAll(/\S+/gu)) if (++words >= limit) break;
  return words;
}

/**
 * A subhead rather than reporting: a line of a few words without a full stop ("Key figures", "Reply:"), which is no
 * passage, or the short question an explainer's section answers ("How much will it cost?", a reader's letter in an
 * advice column), which is searched, so that the paragraph under it is found, but never quoted. A longer line
 * without a stop may be a key point, a fact-box line or a score ("Tarvik Rovers 3 Porthallow Town 2"): reporting.
 */
export function isSubhead(text: string): boolean {
  const line = text.trim();
  if (isHeading(line)) return true;
  if (line.length > MAX_SUBHEAD_CHARS || !line.endsWith('?') || !/^\p{Lu}/u.test(line)) return false;
  if (wordsUpTo(line, SUBHEAD_WORDS) >= SUBHEAD_WORDS) return false;
  // One sentence, in no one's mouth: no quotation marks (apostrophes inside words aside).
  return !/[.!?]\s/u.test(line.slice(0, -1)) && !/["“”‘]|(?<!\p{L})['’]|['’](?!\p{L})/u.test(line);
}

/** From this many words or characters a question is reporting, not a subhead. */
const SUBHEAD_WORDS = 12;
export const MAX_SUBHEAD_CHARS = 120;

function sentenceWindows(sentences: Span[]): Span[] {
  const windows: Span[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    while (last + 1 < sentences.length && sentences[last + 1]!.end - sentences[first]!.start <= WINDOW_CHARS) last++;
    windows.push({ start: sentences[first]!.start, end: sentences[last]!.end });
    if (last + 1 >= sentences.length) break;
    first = last > first ? last : last + 1;
  }
  return windows;
}
