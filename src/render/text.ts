/**
 * Plain-text helpers for anything the corpus or a user wrote that the bot shows again. They work on grapheme
 * clusters, so an emoji, a flag or a letter with its accents is never cut in half.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Control characters other than newline and tab (C0, DEL, C1): invisible and sometimes rejected. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): one unclosed override in a
 * corpus line would reverse everything after it, the citation included. The plain marks (LRM, RLM) are harmless
 * and stay.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Stacks of combining marks ("Z̴̡̢a̷l̸g̵o̶") spill over neighbouring lines; no real script needs more than four. */
const MARK_PILE = /(\p{M}{4})\p{M}+/gu;

/** Text made safe to display: no control characters, no direction overrides, no broken surrogates, no mark piles. */
export function sanitize(text: string): string {
  return text
    .replace(LONE_SURROGATES, '\ufffd')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(MARK_PILE, '$1');
}

/** Sanitized, on one line: every run of whitespace (newlines included) becomes one space. */
export function oneLine(text: string): string {
  return sanitize(text).replace(/\s+/g, ' ').trim();
}

/**
 * At most `max` UTF-16 code units (the unit Discord's limits are safely counted in), cut between grapheme
 * clusters, with `ellipsis` at the end when anything was cut.
 */
export function truncate(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const room = max - ellipsis.length;
  if (room <= 0) return ellipsis.slice(0, Math.max(0, max));
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}${ellipsis}`;
}

/** The grapheme clusters of a text, in order. */
export function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}
