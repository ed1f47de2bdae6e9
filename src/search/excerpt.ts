import type { Span } from '../corpus/sentences.ts';

export const MAX_EXCERPT_CHARS = 400;
const ELLIPSIS = '…';

/**
 * Grows the chosen sentences into the excerpt: the whole passage when it fits, otherwise neighbouring sentences
 * (the more relevant side first) while the excerpt stays within the limit. Context around the answering sentence
 * is what lets a reader trust a quote.
 */
export function widenToFit(sentences: readonly Span[], first: number, last: number, relevance: readonly number[]): Span {
  const total = sentences.at(-1)!.end - sentences[0]!.start;
  if (total <= MAX_EXCERPT_CHARS) return { start: sentences[0]!.start, end: sentences.at(-1)!.end };
  let [a, b] = [first, last];
  for (;;) {
    const length = (from: number, to: number) => sentences[to]!.end - sentences[from]!.start;
    const canNext = b + 1 < sentences.length && length(a, b + 1) <= MAX_EXCERPT_CHARS;
    const canPrevious = a > 0 && length(a - 1, b) <= MAX_EXCERPT_CHARS;
    if (canNext && (!canPrevious || relevance[b + 1]! >= relevance[a - 1]!)) b++;
    else if (canPrevious) a--;
    else break;
  }
  return { start: sentences[a]!.start, end: sentences[b]!.end };
}

/**
 * Cuts text longer than the limit down to the stretch with the most highlighted weight, centred on it, at word
 * boundaries, marking each cut with "…". `weights` are matched words as ranges of `text` with how much each counts.
 */
export function trimToLimit(
  text: string,
  weights: ReadonlyArray<{ start: number; end: number; weight: number }>,
  limit = MAX_EXCERPT_CHARS,
): { text: string; start: number; end: number } {
  if (text.length <= limit) return { text, start: 0, end: text.length };
  const room = limit - 2 * ELLIPSIS.length;
  // Slide a window of `room` characters; the best one starts at a match (or at 0).
  let bestStart = 0;
  let bestWeight = -1;
  const lead = Math.min(40, Math.floor(room / 4));
  for (const candidate of [0, ...weights.map((w) => Math.max(0, w.start - lead))]) {
    const start = Math.min(candidate, text.length - room);
    const weight = weightWithin(weights, start, room);
    if (weight > bestWeight) [bestStart, bestWeight] = [start, weight];
  }
  // The answer stands beside the words the question shares with it, after them as often as before: the window is
  // centred on the matches it holds rather than pushed to the sentence's start ("…finest restaurants, La Bonne
  // Auberge, which is situated on the seacoast twenty miles west of the Nice airport").
  const inside = weights.filter((w) => w.start >= bestStart && w.end <= bestStart + room);
  if (inside.length > 0) {
    const first = Math.min(...inside.map((w) => w.start));
    const last = Math.max(...inside.map((w) => w.end));
    const centred = Math.max(0, Math.min(Math.round((first + last - room) / 2), text.length - room));
    if (weightWithin(weights, centred, room) >= bestWeight) bestStart = centred;
  }
  let start = bestStart;
  let end = Math.min(text.length, start + room);
  // Never cut inside a word: move the cuts inward to white space.
  if (start > 0) {
    const space = text.slice(start, end).search(/\s/);
    start = space < 0 ? start : start + space + 1;
  }
  if (end < text.length) {
    const space = text.slice(start, end).search(/\s\S*$/);
    end = space <= 0 ? end : start + space;
  }
  const body = text.slice(start, end).trim();
  const space = text.slice(start, end).length - text.slice(start, end).trimStart().length;
  const trimmed = `${start > 0 ? ELLIPSIS : ''}${body}${end < text.length ? ELLIPSIS : ''}`;
  return { text: trimmed, start: start + space, end: start + space + body.length };
}

function weightWithin(weights: ReadonlyArray<{ start: number; end: number; weight: number }>, start: number, room: number): number {
  return weights.filter((w) => w.start >= start && w.end <= start + room).reduce((sum, w) => sum + w.weight, 0);
}
