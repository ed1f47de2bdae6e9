import { parse as parseYaml } from 'yaml';
import furnitureData from './data/furniture.json' with { type: 'json' };
import { splitSentences } from './sentences.ts';
import type { NewsDocument } from './types.ts';

/**
 * Bump whenever what an article file is read into can change (its paragraphs, title, date, outlet): saved indexes
 * carry it and are rebuilt when it differs, as they are for a change of the analyzer.
 */
export const ARTICLE_READER_VERSION = 2;

export type ParsedDocument = Omit<NewsDocument, 'id' | 'contentHash'>;

const furnitureLines = new Set(furnitureData.lines);
const furniturePatterns = furnitureData.patterns.map((p) => new RegExp(`^(?:${p})$`, 'iu'));

/** Sharing buttons, ad slots and picture credits: lines that are page furniture, never reporting. */
export function isFurniture(line: string): boolean {
  const bare = line.trim().replace(/[\s.:!|•·–—-]+$/u, '').toLowerCase();
  if (bare === '') return true;
  return furnitureLines.has(bare) || furniturePatterns.some((pattern) => pattern.test(bare));
}

// "date 2016-10-06 France is to…", "Published: 6 October 2016", "Date: Oct. 6, 2016" at the top of a file.
const DATE_LINE = /^\s*(?:date|published|posted|updated)\s*:?\s+(\d{4}-\d{2}-\d{2}|[^\n]{6,40}?\d{4})(?:[T ]\d{1,2}:\d{2}\S*)?\s*(?=\s|$)/iu;
// "… told a news briefing. – (Reuters)" at the end of the text.
const TRAILING_OUTLET = /\s*[-–—]+\s*\(([\p{Lu}][\p{L}\p{N} .&'-]{0,40})\)\s*$/u;
// "ALEPPO, Syria (Reuters) - …" dateline at the start of the text; the dateline stays part of the paragraph.
const DATELINE_OUTLET = /^[\p{Lu}][\p{Lu}\p{L} .,'-]{1,60}\(([\p{Lu}][\p{L}\p{N} .&'-]{0,40})\)\s*[-–—]/u;
const MAX_TITLE_LENGTH = 140;
const LEAD_LENGTH = 90;

/** Reads one article: front matter, headline, date, outlet and the paragraphs of reporting. */
export function parseDocument(text: string, options: { markdown: boolean }): ParsedDocument {
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const meta: FrontMatter = {};
  if (options.markdown) {
    const front = splitFrontMatter(body);
    body = front.body;
    Object.assign(meta, front.meta);
  }

  let date: string | undefined;
  const dateLine = DATE_LINE.exec(body);
  if (dateLine) {
    date = toIsoDate(dateLine[1]!);
    if (date) body = body.slice(dateLine[0].length);
  }

  let paragraphs = splitParagraphs(body, options.markdown);
  let outlet: string | undefined;
  const last = paragraphs.at(-1);
  const trailing = last === undefined ? null : TRAILING_OUTLET.exec(last);
  if (last !== undefined && trailing) {
    outlet = trailing[1]!.trim();
    const rest = last.slice(0, trailing.index).trimEnd();
    paragraphs = rest === '' ? paragraphs.slice(0, -1) : [...paragraphs.slice(0, -1), rest];
  }
  outlet ??= DATELINE_OUTLET.exec(paragraphs[0] ?? '')?.[1]?.trim();

  let title: string | undefined;
  const first = paragraphs[0];
  if (first !== undefined && paragraphs.length > 1 && looksLikeHeadline(first)) {
    title = first.replace(/^#+\s*/, '').trim();
    paragraphs = paragraphs.slice(1);
  }

  const document: ParsedDocument = {
    title: meta.title ?? title ?? leadOf(paragraphs[0] ?? ''),
    paragraphs,
  };
  const finalDate = meta.date ?? date;
  const finalOutlet = meta.outlet ?? outlet;
  if (finalDate) document.date = finalDate;
  if (finalOutlet) document.outlet = finalOutlet;
  if (meta.url) document.url = meta.url;
  return document;
}

interface FrontMatter {
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
}

function splitFrontMatter(text: string): { meta: FrontMatter; body: string } {
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { meta: {}, body: text };
  const body = text.slice(match[0].length);
  let fields: unknown;
  try {
    fields = parseYaml(match[1]!);
  } catch {
    return { meta: {}, body };
  }
  if (typeof fields !== 'object' || fields === null) return { meta: {}, body };
  const record = fields as Record<string, unknown>;
  const text_ = (key: string): string | undefined => {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return undefined;
  };
  const meta: FrontMatter = {};
  const title = text_('title');
  const date = text_('date');
  const outlet = text_('outlet') ?? text_('source') ?? text_('publisher');
  const url = text_('url') ?? text_('link');
  if (title) meta.title = title;
  // A date that does not read as one is left out rather than shown as if it were.
  const isoDate = date === undefined ? undefined : toIsoDate(date);
  if (isoDate) meta.date = isoDate;
  if (outlet) meta.outlet = outlet;
  if (url) meta.url = url;
  return { meta, body };
}

/**
 * Both layouts occur: one paragraph per line, and paragraphs separated by blank lines (and a third, indented; see below). In the second layout a
 * paragraph may be hard-wrapped over several lines; its lines are joined only when the block reads as wrapped
 * prose, so a block of one-line paragraphs (or a headline over its first paragraph) is never glued together.
 * Paragraph text stays verbatim, line breaks included.
 */
function splitParagraphs(body: string, markdown: boolean): string[] {
  const blankLineLayout = /\n[ \t]*\n/.test(body.trim());
  const clean = (lines: string[]) => withoutFurniture(lines.map((line) => (markdown ? stripMarkdown(line) : line.trim())));
  if (!blankLineLayout && isIndentedLayout(body)) {
    return paragraphsByIndent(body.split('\n'))
      .map((lines) => clean(lines).join('\n'))
      .filter((paragraph) => !isFurniture(paragraph));
  }
  const blocks = body
    .split(/\n[ \t]*\n/)
    .map((block) => clean(block.split('\n')))
    .filter((lines) => lines.length > 0);
  const width = blankLineLayout ? wrapWidth(blocks) : undefined;
  const paragraphs: string[] = [];
  for (const lines of blocks) {
    if (width !== undefined) paragraphs.push(...unwrap(lines, width));
    else if (blankLineLayout && isHardWrapped(lines)) paragraphs.push(lines.join('\n'));
    else paragraphs.push(...lines);
  }
  return paragraphs.filter((paragraph) => !isFurniture(paragraph));
}

/**
 * Lines without the furniture among them ("Share", "Advertisement"), but for a line that carries on a wrapped
 * sentence: "home." after "…a fire which damaged their county" is the sentence's last word, not a link.
 */
function withoutFurniture(lines: string[]): string[] {
  const kept: string[] = [];
  for (const line of lines) {
    const previous = kept.at(-1);
    if (line === '' || (isFurniture(line) && (previous === undefined || ENDS_SENTENCE.test(previous)))) continue;
    kept.push(line);
  }
  return kept;
}

/** A line break that falls mid-sentence: the line ends without a full stop, or the next opens in lower case. */
const continues = (line: string, next: string) => !ENDS_SENTENCE.test(line) || /^[\p{Ll}\p{N}]/u.test(next);

/** Line breaks a file needs before its own layout decides: with fewer, each block decides for itself. */
const MIN_WRAPPED_BREAKS = 3;

/**
 * The width a whole file was hard-wrapped at, or undefined when it was not: most of its line breaks fall
 * mid-sentence, and no line is longer than wrapping allows. Decided over the file, not block by block, because a
 * short paragraph of two lines may break where a sentence ends ("…Sen." over "George Parkhouse…").
 */
function wrapWidth(blocks: string[][]): number | undefined {
  let breaks = 0;
  let continued = 0;
  let width = 0;
  for (const lines of blocks) {
    for (let i = 0; i + 1 < lines.length; i++) {
      breaks++;
      width = Math.max(width, lines[i]!.length);
      if (continues(lines[i]!, lines[i + 1]!)) continued++;
    }
  }
  return breaks >= MIN_WRAPPED_BREAKS && continued >= WRAPPED_SHARE * breaks && width <= MAX_WRAPPED_LINE ? width : undefined;
}

/**
 * The paragraphs of a block of hard-wrapped text: a line ends its paragraph where the next word would have fitted
 * on it, and it is short or ends a sentence (a headline over the first paragraph); every other break is wrapping.
 */
function unwrap(lines: string[], width: number): string[] {
  const paragraphs: string[][] = [[lines[0]!]];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const nextWord = lines[i]!.split(/\s/, 1)[0]!.length;
    const fitted = previous.length + 1 + nextWord <= width && !previous.endsWith('-');
    if (fitted && (previous.length < SHORT_LINE * width || ENDS_SENTENCE.test(previous))) paragraphs.push([lines[i]!]);
    else paragraphs.at(-1)!.push(lines[i]!);
  }
  return paragraphs.map((paragraph) => paragraph.join('\n'));
}

/** A line this much shorter than the wrapping width was ended by hand. */
const SHORT_LINE = 0.7;
const MAX_WRAPPED_LINE = 120;

const INDENTED = /^[ \t]+\S/;
const ENDS_SENTENCE = /[.!?:;"”’')\]]$/u;

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
  return even && continued >= WRAPPED_SHARE * body.length && body.every((line) => line.length <= MAX_WRAPPED_LINE);
}

/** Share of a wrapped block's line breaks that fall mid-sentence: most do, when wrapping decides where. */
const WRAPPED_SHARE = 0.6;

function stripMarkdown(line: string): string {
  return line
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s?/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

/** A headline is a short first line that does not end like a sentence. */
function looksLikeHeadline(line: string): boolean {
  if (line.startsWith('#')) return true;
  if (line.length > MAX_TITLE_LENGTH || line.includes('\n')) return false;
  return !/[.!?]["”’)]?$/u.test(line.trim()) || line.trim().endsWith('...');
}

/** A title for an article without a headline: its first sentence, cut at a word near LEAD_LENGTH. */
function leadOf(paragraph: string): string {
  const first = splitSentences(paragraph)[0];
  const sentence = (first ? paragraph.slice(first.start, first.end) : paragraph).replace(/\s+/g, ' ').trim();
  if (sentence.length <= LEAD_LENGTH) return sentence || 'Untitled';
  const cut = sentence.slice(0, LEAD_LENGTH + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : LEAD_LENGTH).replace(/[\s,;:–—-]+$/u, '')}…`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2016-10-06", "6 October 2016", "Oct. 6, 2016" to ISO; anything else is not a date we can vouch for. */
export function toIsoDate(text: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const valid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1800 && y <= 2200;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
  }
  const words = text.toLowerCase().replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean);
  const month = words.findIndex((w) => MONTHS.includes(w.slice(0, 3)) && /^[a-z]+$/.test(w));
  const numbers = words.filter((w) => /^\d+$/.test(w)).map(Number);
  const year = numbers.find((n) => n > 31);
  const day = numbers.find((n) => n <= 31);
  if (month < 0 || year === undefined || day === undefined) return undefined;
  const m = MONTHS.indexOf(words[month]!.slice(0, 3)) + 1;
  return valid(year, m, day) ? `${year}-${pad(m)}-${pad(day)}` : undefined;
}
