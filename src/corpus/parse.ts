import { parse as parseYaml } from 'yaml';
import furnitureData from './data/furniture.json' with { type: 'json' };
import { splitSentences } from './sentences.ts';
import type { NewsDocument } from './types.ts';

/**
 * Bump whenever what an article file is read into can change (its paragraphs, title, date, outlet): saved indexes
 * carry it and are rebuilt when it differs, as they are for a change of the analyzer.
 */
export const ARTICLE_READER_VERSION = 1;

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
 * Both layouts occur: one paragraph per line, and paragraphs separated by blank lines. In the second layout a
 * paragraph may be hard-wrapped over several lines; its lines are joined only when the block reads as wrapped
 * prose, so a block of one-line paragraphs (or a headline over its first paragraph) is never glued together.
 * Paragraph text stays verbatim, line breaks included.
 */
function splitParagraphs(body: string, markdown: boolean): string[] {
  const blankLineLayout = /\n[ \t]*\n/.test(body.trim());
  const paragraphs: string[] = [];
  for (const block of body.split(/\n[ \t]*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => (markdown ? stripMarkdown(line) : line.trim()))
      .filter((line) => !isFurniture(line));
    if (lines.length === 0) continue;
    if (blankLineLayout && isHardWrapped(lines)) paragraphs.push(lines.join('\n'));
    else paragraphs.push(...lines);
  }
  return paragraphs;
}

/** Wrapped prose: every line but the last breaks mid-sentence, at a similar width. */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  let widest = 0;
  let narrowest = Infinity;
  for (const line of body) [widest, narrowest] = [Math.max(widest, line.length), Math.min(narrowest, line.length)];
  const even = widest - narrowest <= 30 && narrowest >= 40;
  const continues = body.every((line, i) => {
    const next = lines[i + 1]!;
    return !/[.!?:;"”’')\]]$/u.test(line) || /^[\p{Ll}\p{N}]/u.test(next);
  });
  return even && continues && body.every((line) => line.length <= 120);
}

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
