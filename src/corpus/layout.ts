/**
 * How an article file's text falls into paragraphs, whatever its layout: one paragraph per line, paragraphs between
 * blank lines (hard-wrapped or not), or wire copy with indented paragraphs; Markdown marks stripped, page furniture
 * left out. Paragraph text stays verbatim, line breaks included.
 */
import furnitureData from './data/furniture.json' with { type: 'json' };

const furnitureLines = new Set(furnitureData.lines);
// Each list is one alternation: a line is read once against all its patterns, not once for each.
const alternation = (patterns: readonly string[]) => patterns.map((p) => `(?:${p})`).join('|');
const furniturePattern = new RegExp(`^(?:${alternation(furnitureData.patterns)})$`, 'iu');
const furniturePatternAsWritten = new RegExp(`^(?:${alternation(furnitureData.patternsAsWritten)})$`, 'u');
// Searched for at the end of the line only: a credit ends a caption whatever comes before it.
const furnitureEnding = new RegExp(`(?:${alternation(furnitureData.endings)})$`, 'u');
/** Each way wire copy writes a news agency's name (folded), with the agency's usual name: "reuter" → Reuters. */
const agencyByName = new Map(Object.entries(furnitureData.signOffs).flatMap(([agency, forms]) => forms.map((form) => [form.toLowerCase(), agency] as const)));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const agencyName = Object.values(furnitureData.signOffs).flat().map(escapeRegExp).join('|');
// "Reuter", "(AP)", "-- AFP" alone on a line: the agency's sign-off under wire copy.
const signOff = new RegExp(`^(?:[-–—]+\\s*)?\\(?(${agencyName})\\)?$`, 'iu');
/**
 * An agency's name alone (a picture credit) or its byline ("Associated Press Writer"), as written or in capitals: "Ani"
 * or "Pa" alone is someone's name…
 */
const agencyLine = new RegExp(
  `^(?:${agencyName}|${agencyName.toUpperCase()})(?:(?: Staff)? (?:Writer|Correspondent|Reporter)s?|(?: STAFF)? (?:WRITER|CORRESPONDENT|REPORTER)S?)?$`,
  'u',
);
/** …and, as written, its name over the codes of the desk that handled the story ("PTI ABC XYZ KRS"). */
const agencyDeskCodes = new RegExp(`^(?:${agencyName})(?: [A-Z]{2,4}){1,4}$`, 'u');

/** The usual name of the news agency `name` is a way of writing ("Reuter" → Reuters), or undefined for none. */
export function agencyOf(name: string): string | undefined {
  return agencyByName.get(name.trim().toLowerCase());
}

/** The agency whose sign-off `line` is ("Reuter", "(AP)", "--IANS"), or undefined. */
export function signOffOf(line: string): string | undefined {
  const name = signOff.exec(line.trim())?.[1];
  return name === undefined ? undefined : agencyOf(name);
}

/** Sharing buttons, ad slots and picture credits: lines that are page furniture, never reporting. */
export function isFurniture(line: string): boolean {
  const trimmed = line.trim();
  // Furniture is a short line; a long one is reporting, and is not searched (a pattern's ".*" would read it all).
  if (trimmed.length > MAX_FURNITURE_LINE) return false;
  let end = trimmed.length;
  while (end > 0 && TRAILING_MARKS.has(trimmed[end - 1]!)) end--;
  const written = trimmed.slice(0, end);
  const bare = written.toLowerCase();
  if (bare === '') return true;
  return (
    furnitureLines.has(bare) ||
    isListLabel(bare) ||
    agencyLine.test(written) ||
    agencyDeskCodes.test(written) ||
    furniturePattern.test(bare) ||
    furniturePatternAsWritten.test(written) ||
    furnitureEnding.test(trimmed)
  );
}

const MAX_FURNITURE_LINE = 300;
/** Trailing punctuation a furniture line is compared without ("Share:", "Advertisement –"), white space included. */
const TRAILING_MARKS = new Set([...'.:!|•·–—-', ' ', '\t', '\u00a0']);

/**
 * The paragraphs of an article's body. In the blank-line layout a paragraph may be hard-wrapped over several lines;
 * its lines are joined only when the file or the block reads as wrapped prose, so a block of one-line paragraphs (or
 * a headline over its first paragraph) is never glued together.
 * Paragraph text stays verbatim, line breaks included.
 */
export function splitParagraphs(body: string, markdown: boolean): string[] {
  const blankLineLayout = /\n[ \t]*\n/.test(body.trim());
  // Layout is read on the lines as written (a Markdown link is long in the file, short once stripped); the text
  // kept is stripped of its markup.
  const shown = (line: string) => (markdown ? stripMarkdown(line) : line);
  const clean = (lines: string[]) => withoutFurniture(lines.map((line) => line.trim()), shown);
  const joined = (lines: string[]) => {
    const text = lines
      .map(shown)
      .filter((line) => line !== '')
      .join('\n');
    return markdown && lines.length > 1 ? stripInlineMarkdown(text) : text;
  };
  if (!blankLineLayout && isIndentedLayout(body)) {
    return paragraphsByIndent(body.split('\n'))
      .map((lines) => joined(clean(lines)))
      .filter((paragraph) => !isFurniture(paragraph));
  }
  // Wire copy under a headline and a time stamp, each between blank lines, keeps its indented paragraphs.
  const blocks = body
    .split(/\n[ \t]*\n/)
    .map((block) => (isIndentedLayout(block) ? { indented: paragraphsByIndent(block.split('\n')), lines: [] } : { lines: clean(block.split('\n')) }))
    .filter(({ lines, indented }) => indented !== undefined || lines.length > 0);
  const width = blankLineLayout ? wrapWidth(blocks.filter((block) => !block.indented).map((block) => block.lines)) : undefined;
  const paragraphs: string[] = [];
  for (const { lines, indented } of blocks) {
    if (indented) paragraphs.push(...indented.map((paragraph) => joined(clean(paragraph))).filter((paragraph) => paragraph !== ''));
    else if (width !== undefined) paragraphs.push(...unwrap(lines, width).map(joined));
    else if (blankLineLayout && isHardWrapped(lines)) paragraphs.push(joined(lines));
    else paragraphs.push(...lines.map(shown));
  }
  return withoutLinkLists(paragraphs).filter((paragraph) => !isFurniture(paragraph));
}

/**
 * Paragraphs without the lists of links a page puts under a label ("Read more", "Topics", "More on this story"): the
 * headlines under it, lines that end no sentence, are other articles' ("Libraries closing at fastest rate in a
 * decade"), never this one's reporting. The list ends at a line that ends a sentence.
 */
function withoutLinkLists(paragraphs: string[]): string[] {
  const kept: string[] = [];
  let inList = false;
  // Above the reporting, a label heads the page's own navigation ("Top stories"), and what follows it is this
  // article's headline, byline and date.
  let reporting = false;
  for (const paragraph of paragraphs) {
    if (isListLabel(paragraph)) {
      inList = reporting;
      continue;
    }
    inList &&= paragraph.length <= MAX_LINK_LINE && !paragraph.includes('\n') && !ENDS_SENTENCE.test(paragraph.trim());
    if (inList) continue;
    kept.push(paragraph);
    reporting ||= ENDS_SENTENCE.test(paragraph.trim());
  }
  return kept;
}

const LIST_LABELS = new Set(furnitureData.listLabels);
/** A list's label is short: "Explore more on these topics". */
const MAX_LIST_LABEL = 40;
function isListLabel(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length > MAX_LIST_LABEL) return false;
  return LIST_LABELS.has(trimmed.toLowerCase().replace(/[:.\s]+$/u, ''));
}
/** A link's headline is short. */
const MAX_LINK_LINE = 150;

/**
 * Lines without the furniture among them ("Share", "Advertisement"), but for a line that carries on a wrapped
 * sentence: "home." after "…a fire which damaged their county" is the sentence's last word, not a link.
 */
function withoutFurniture(lines: string[], shown: (line: string) => string): string[] {
  const kept: string[] = [];
  for (const line of lines) {
    const previous = kept.at(-1);
    const visible = shown(line);
    // A list's label stays for `withoutLinkLists`, which takes the list under it too.
    if (line === '' || (!isListLabel(visible) && isFurniture(visible) && (previous === undefined || ENDS_SENTENCE.test(previous)))) continue;
    kept.push(line);
  }
  return kept;
}

/** A line break that falls mid-sentence: the line ends without a full stop, or the next opens in lower case. */
const continues = (line: string, next: string) => !ENDS_SENTENCE.test(line) || /^[\p{Ll}\p{N}]/u.test(next);

/** Line breaks a file needs before its own layout decides: with fewer, each block decides for itself. */
const MIN_WRAPPED_BREAKS = 3;
/** Narrower than this, lines are not wrapped prose but a list or subheads. */
const MIN_WRAP_WIDTH = 40;
/** Share of the lines wrapping ended that must come near the width: wrapped prose fills its lines. */
const FULL_LINES = 0.7;

/**
 * The width a whole file was hard-wrapped at, or undefined when it was not: most of its line breaks fall
 * mid-sentence, and the lines wrapping ended are of a similar width, that of most of them (one long line, a URL or
 * a table row, is no measure). Decided over the file, not block by block, because a short paragraph of two lines
 * may break where a sentence ends ("…Sen." over "George Parkhouse…").
 */
function wrapWidth(blocks: string[][]): number | undefined {
  let continued = 0;
  const ended: number[] = [];
  for (const lines of blocks) {
    for (let i = 0; i + 1 < lines.length; i++) {
      // Headings and list items end their lines by hand.
      if (isHeading(lines[i]!) || isHeading(lines[i + 1]!) || isItemStart(lines[i + 1]!, lines[i]!, false)) continue;
      ended.push(lines[i]!.length);
      if (continues(lines[i]!, lines[i + 1]!)) continued++;
    }
  }
  if (ended.length < MIN_WRAPPED_BREAKS || continued < WRAPPED_SHARE * ended.length) return undefined;
  const sorted = [...ended].sort((a, b) => a - b);
  const width = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  const full = ended.filter((length) => length >= SHORT_LINE * width).length;
  return width >= MIN_WRAP_WIDTH && width <= MAX_WRAPPED_LINE && full >= FULL_LINES * ended.length ? width : undefined;
}

/**
 * The paragraphs of a block of hard-wrapped text, as lists of its lines: a line ends its paragraph where the next
 * word would have fitted on it and it is short or ends a sentence (a headline over the first paragraph), and at
 * headings and list items; every other break is wrapping.
 */
function unwrap(lines: string[], width: number): string[][] {
  const paragraphs: string[][] = [[lines[0]!]];
  let inItem = isItemStart(lines[0]!, undefined, false);
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    const nextWord = line.split(/\s/, 1)[0]!.length;
    const fitted = previous.length + 1 + nextWord <= width && !previous.endsWith('-');
    const startsItem = isItemStart(line, previous, inItem);
    const byHand = (fitted && (previous.length < SHORT_LINE * width || ENDS_SENTENCE.test(previous))) || isHeading(previous) || isHeading(line) || startsItem;
    if (byHand) paragraphs.push([line]);
    else paragraphs.at(-1)!.push(line);
    if (byHand) inItem = startsItem;
  }
  return paragraphs;
}

/** A Markdown heading: "## Background". */
const isHeading = (line: string) => /^#{1,6}\s/u.test(line);

/**
 * Whether `line` opens a bulleted or numbered item ("- Cars: 41 pounds", "2. Food waste…"): after a line that ends a
 * sentence, introduces a list ("Key facts:") or is an item itself. A dash that wrapping happens to put first on a line
 * ("…crane rails" over "- a job the authority said…") carries on the sentence above it.
 */
function isItemStart(line: string, previous: string | undefined, previousInItem: boolean): boolean {
  // A numbered item opens on its number and a capital ("2. Food waste is…"), at a list's start, under its
  // introduction ("Here is what changes:") or another item: a wrapped date's day ("…of record March" over "15.") and
  // a number after an abbreviation ("…was seeded No." over "1. The draw…") carry on the sentence.
  if (/^\d{1,2}[.)]\s+\p{Lu}/u.test(line)) return previous === undefined || previousInItem || previous.endsWith(':');
  if (!/^[-*+•]\s/u.test(line)) return false;
  return previous === undefined || previousInItem || ENDS_SENTENCE.test(previous);
}

/** A line this much shorter than the wrapping width was ended by hand. */
const SHORT_LINE = 0.7;
const MAX_WRAPPED_LINE = 120;

const INDENTED = /^[ \t]+\S/;
// A closing quotation mark or bracket ends a sentence only after its full stop: "…despite “grim”" carries on.
const ENDS_SENTENCE = /(?:[.!?:;]|[.!?]["”’')\]]+)$/u;

/**
 * A third layout, of wire copy and books: no blank lines, a paragraph marked by indenting its first line and wrapped
 * over the lines after it. Read so only when the unindented lines carry on the line before them (it breaks
 * mid-sentence, or they open in lower case): a few indented lines in one-paragraph-per-line text are quotations.
 */
function isIndentedLayout(body: string): boolean {
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  const indented = lines.filter((line) => INDENTED.test(line)).length;
  let carried = 0;
  let unindented = 0;
  for (let i = 1; i < lines.length; i++) {
    if (INDENTED.test(lines[i]!)) continue;
    unindented++;
    if (!ENDS_SENTENCE.test(lines[i - 1]!.trimEnd()) || /^[\p{Ll}\p{N}]/u.test(lines[i]!)) carried++;
  }
  return indented >= 2 && unindented >= 1 && carried >= 0.8 * unindented;
}

/** Lines grouped into paragraphs, each opening at an indented line; unindented lines before the first stand alone (a headline). */
function paragraphsByIndent(lines: string[]): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (INDENTED.test(line) || current === undefined) {
      current = [line];
      paragraphs.push(current);
      // A line before the first indented one is a headline or a dateline of its own.
      if (!INDENTED.test(line)) current = undefined;
    } else current.push(line);
  }
  return paragraphs;
}

/**
 * Wrapped prose: the lines but the last are of a similar width and mostly break mid-sentence. Some break where a
 * sentence ends, as wrapping falls; one-line paragraphs all do.
 */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  let widest = 0;
  let narrowest = Infinity;
  for (const line of body) [widest, narrowest] = [Math.max(widest, line.length), Math.min(narrowest, line.length)];
  const even = widest - narrowest <= 30 && narrowest >= 40;
  const continued = body.filter((line, i) => continues(line, lines[i + 1]!)).length;
  // Wrapping fills a line before it starts the next: a last line far longer than those above it is a paragraph of
  // its own under a headline ("Council approves cycle lanes" over the first paragraph).
  const fitsWidth = lines.at(-1)!.length <= widest + LONGEST_WORD;
  return even && fitsWidth && continued >= WRAPPED_SHARE * body.length && body.every((line) => line.length <= MAX_WRAPPED_LINE);
}

/** How much longer than the lines above it a wrapped paragraph's last line may run: a word that would not fit on them. */
const LONGEST_WORD = 20;

/** Share of a wrapped block's line breaks that fall mid-sentence: most do, when wrapping decides where. */
const WRAPPED_SHARE = 0.6;

function stripMarkdown(line: string): string {
  return stripInlineMarkdown(
    line
      .trim()
      .replace(/^#{1,6}\s+/, '')
      .replace(/^>\s?/, ''),
  );
}

/** Links, images, emphasis and code marks, which a wrapped paragraph may carry over a line break. */
function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/gs, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}
