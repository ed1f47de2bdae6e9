import type { Span } from '../corpus/sentences.ts';

export const MAX_EXCERPT_CHARS = 400;
const ELLIPSIS = '…';
/** What a cut keeps after the last matched word, where it can: about a clause. */
const MIN_AFTER_MATCHES = 80;

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
 * Cuts text longer than the limit down to the stretch with the most highlighted weight, with a clause after it where
 * it fits, at word boundaries, marking each cut with "…". `weights` are matched words as ranges of `text` with how
 * much each counts.
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
  // The answer often follows the words the question shares with it in the same sentence ("…finest restaurants, La
  // Bonne Auberge, which is situated on the seacoast twenty miles west of the Nice airport"), or opens it (the
  // subject of "Who announced…"): the window keeps its place unless the matches leave less than a clause after them,
  // and then moves only that far, keeping the lead before the first match.
  const inside = weights.filter((w) => w.start >= bestStart && w.end <= bestStart + room);
  if (inside.length > 0) {
    const first = Math.min(...inside.map((w) => w.start));
    const last = Math.max(...inside.map((w) => w.end));
    const shortBy = MIN_AFTER_MATCHES - (bestStart + room - last);
    const moved = Math.min(bestStart + Math.max(0, shortBy), Math.max(bestStart, first - lead), text.length - room);
    if (moved > bestStart && weightWithin(weights, moved, room) >= bestWeight) bestStart = moved;
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
