import sbd from 'sbd';

/** A sentence as offsets into the text it came from, so that quotes stay verbatim. */
export interface Span {
  start: number;
  end: number;
}

/** Bump whenever the spans can change: saved indexes keep them and carry this in their fingerprint. */
export const SENTENCE_SPLITTER_VERSION = 5;

const SBD_OPTIONS = { newline_boundaries: false, html_boundaries: false, sanitize: false, preserve_whitespace: false };

/**
 * Sentence boundaries from `sbd`, which knows "U.S.", "Mr." and initials, mapped back onto the original text.
 * sbd may change white space, so the mapping walks both texts on their non-space characters; if sbd ever
 * returns text that is not in the original, the rest of the text stays one sentence rather than being lost.
 */
export function splitSentences(paragraph: string): Span[] {
  // A hard-wrapped paragraph breaks its lines anywhere: sbd reads it as one line, each break a space in its place,
  // so the offsets it gives hold for the text as written.
  const text = paragraph.replace(/[\r\n\t]/g, ' ');
  const spans: Span[] = [];
  let cursor = 0;
  for (const sentence of sbd.sentences(text, SBD_OPTIONS)) {
    // Nearly always sbd returns the sentence as written: find it directly, and walk only when it changed spaces.
    const written = sentence.trim();
    const at = written === '' ? -1 : text.indexOf(written, cursor);
    if (at >= 0 && text.slice(cursor, at).trim() === '') {
      spans.push({ start: at, end: at + written.length });
      cursor = at + written.length;
      continue;
    }
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
  return splitAfterAbbreviations(text, rejoinAbbreviations(text, spans));
}

// "the U.N." or "Gen." before a name or a proper noun ("U.S. Senate", "U.N. General Assembly") ends no sentence.
const ENDS_WITH_ABBREVIATION = /(?:^|[\s(“"])(?:(?:\p{L}\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Gov|Sen|Rep|St|Lt|Col|Capt|Sgt|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|Rev|Prof|Ft|Mt)\.)$/u;
const SENTENCE_OPENERS = new Set(
  'The A An He She It They We I You This That These Those But And Or So Yet In On At As When While If After Before There Here His Her Their Its Our My Your Meanwhile However Still Then Now Later Earlier Also Some Many Most One Two Three No Not Officials Police'.split(' '),
);

// News opens no sentence in lower case: a full stop before one ends an abbreviation ("1,488 lbs. per person").
const OPENS_LOWER_CASE = /^["“‘'(]?\p{Ll}/u;
// Nor with a figure after an abbreviation that stands before one ("approx. 400 people", "vs. 7", "Op. 32").
const ENDS_BEFORE_FIGURE = /(?:^|[\s(“"])(?:[Aa]pprox|ca|est|vs|[Nn]os?|[Vv]ols?|[Pp]p|[Ff]igs?|[Oo]p)\.$/u;
// A span that is itself more than one sentence (sbd missed the end in "approx. 500. It was late.") is not joined.
const HOLDS_SENTENCE_END = /[.!?]["”’')]*\s+\S/u;
const OPENS_WITH_FIGURE = /^["“‘'(]?\p{N}/u;

/**
 * sbd reads a month's or a firm's abbreviation as never ending a sentence, so "Prices rose in Jan. The rise…" and
 * "…at Smith Bros. The firm said" were one sentence each. Before a word that opens sentences, they end one ("Jan.
 * 5", "Acme Inc. in Boston" still do not). A date's day after the month ("arrived Aug. 2. The talks…") is no
 * abbreviation either.
 */
const ABBREVIATION_BEFORE_WORD = /\b((?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.(?:\s+\d{1,2}\.)?|(?:Inc|Co|Corp|Ltd|Bros|Plc|etc)\.)(\s+)["“‘']?(\p{Lu}\p{Ll}*)/gu;

/** Openers that also go on a name after "Co." or "Inc." ("Cook Co. Police Department", "Acme Inc. Officials"). */
const NAME_WORD_AFTER_ABBREVIATION = new Set(['Police', 'Officials']);

function splitAfterAbbreviations(text: string, spans: Span[]): Span[] {
  return spans.flatMap((span) => {
    const pieces: Span[] = [];
    let start = span.start;
    for (const match of text.slice(span.start, span.end).matchAll(ABBREVIATION_BEFORE_WORD)) {
      if (!SENTENCE_OPENERS.has(match[3]!) || NAME_WORD_AFTER_ABBREVIATION.has(match[3]!)) continue;
      const end = span.start + match.index + match[1]!.length;
      pieces.push({ start, end });
      start = end + match[2]!.length;
    }
    pieces.push({ start, end: span.end });
    return pieces;
  });
}

function rejoinAbbreviations(text: string, spans: Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const previous = joined.at(-1);
    const sentence = text.slice(span.start, span.end);
    const firstWord = /^["“‘']?(\p{Lu}[\p{L}'’-]*)/u.exec(sentence)?.[1];
    const continues =
      previous !== undefined &&
      ((text[previous.end - 1] === '.' && OPENS_LOWER_CASE.test(sentence)) ||
        (OPENS_WITH_FIGURE.test(sentence) && !HOLDS_SENTENCE_END.test(sentence) && ENDS_BEFORE_FIGURE.test(text.slice(previous.start, previous.end))) ||
        (firstWord !== undefined && !SENTENCE_OPENERS.has(firstWord) && ENDS_WITH_ABBREVIATION.test(text.slice(previous.start, previous.end))));
    if (previous && continues) {
      previous.end = span.end;
    } else {
      joined.push({ ...span });
    }
  }
  return joined;
}
