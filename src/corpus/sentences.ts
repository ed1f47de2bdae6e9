import sbd from 'sbd';

/** A sentence as offsets into the text it came from, so that quotes stay verbatim. */
export interface Span {
  start: number;
  end: number;
}

const SBD_OPTIONS = { newline_boundaries: true, html_boundaries: false, sanitize: false, preserve_whitespace: false };

/**
 * Sentence boundaries from `sbd`, which knows "U.S.", "Mr." and initials, mapped back onto the original text.
 * sbd may change white space, so the mapping walks both texts on their non-space characters; if sbd ever
 * returns text that is not in the original, the rest of the text stays one sentence rather than being lost.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  for (const sentence of sbd.sentences(text, SBD_OPTIONS)) {
    const wanted = sentence.replace(/\s+/g, '');
    if (wanted === '') continue;
    while (cursor < text.length && /\s/.test(text[cursor]!)) cursor++;
    const start = cursor;
    let matched = 0;
    while (cursor < text.length && matched < wanted.length) {
      const char = text[cursor]!;
      if (/\s/.test(char)) {
        cursor++;
        continue;
      }
      if (char !== wanted[matched]) break;
      matched++;
      cursor++;
    }
    if (matched < wanted.length) {
      cursor = start;
      break;
    }
    spans.push({ start, end: cursor });
  }
  const rest = text.slice(cursor);
  if (rest.trim() !== '') {
    const lead = rest.length - rest.trimStart().length;
    spans.push({ start: cursor + lead, end: cursor + rest.trimEnd().length });
  }
  return spans;
}
