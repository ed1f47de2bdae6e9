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
  // A list item ("- Cars: 41 pounds") is short, but it is content, not a subhead.
  if (/^[-*+•]\s/u.test(text.trim())) return false;
  const words = text.trim().split(/\s+/).length;
  return words < 5 && !/[.!?]["”’)]?$/u.test(text.trim());
}

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
