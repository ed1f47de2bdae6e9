import { parse as parseYaml } from 'yaml';
import { agencyOf, isFurniture, signOffOf, splitParagraphs } from './layout.ts';
import { splitSentences } from './sentences.ts';
import type { NewsDocument } from './types.ts';

/**
 * Bump whenever what an article file is read into can change (its paragraphs, here or in layout.ts; its title, date,
 * outlet): saved indexes carry it and are rebuilt when it differs, as they are for a change of the analyzer.
 */
export const ARTICLE_READER_VERSION = 20;

export type ParsedDocument = Omit<NewsDocument, 'id' | 'contentHash'>;

// "date 2016-10-06 France is to…", "Published: 6 October 2016", "Date: Oct. 6, 2016" at the top of a file.
const DATE_LINE = /^\s*(?:date|published|posted|updated)\s*:?\s+(\d{4}-\d{2}-\d{2}|[^\n]{6,40}?\d{4})(?:[T ]\d{1,2}:\d{2}\S*)?\s*(?=\s|$)/iu;
// "… told a news briefing. – (Reuters)" at the end of the text.
const TRAILING_OUTLET = /\s*[-–—]+\s*\(([\p{Lu}][\p{L}\p{N} .&'-]{0,40})\)\s*$/u;
// "&#3;": the end-of-text mark of an SGML news feed, left under the sign-off when the feed was made plain text; "sk/vm":
// the initials of the desk that handled a wire story, under its sign-off ("--IANS").
const END_MARKS = /(?:\s*&#\d+;|\n[ \t]*[a-z]{2,3}(?:\/[a-z]{2,3})+[ \t]*)+\s*$/u;
/** How far from the end of the text a sign-off and the marks under it can start. */
const SIGN_OFF_REACH = 200;
/** How far from the end of the text a trailing credit can start. */
const TRAILING_OUTLET_REACH = 80;

// "March", "Sept.", "Mar": a month as datelines and date lines write it.
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)`;
// "Monday", "Thurs.", "Mon": the weekday a date may open with.
const WEEKDAY = String.raw`(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?`;
// "3", "3rd": the day of the month.
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
// "10:32 GMT", "10:32 a.m. ET", "10:32:00 +0000": the time a date may close with.
const TIME = String.raw`\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|\(?[a-z]{1,5}\)?))?`;
// "2014-03-03", "Monday, March 3, 2014", "3rd Mar. 2014 10:32 GMT", "2014-03-03T10:32:00Z", a wire feed's "3-MAR-2014
// 10:32:00.79": a date with its year, captured without weekday or time.
const DATE = String.raw`(?:${WEEKDAY},?\s+)?(?<date>\d{4}-\d{2}-\d{2}|${MONTH}\s+${DAY},?\s+\d{4}|${DAY}\s+${MONTH},?\s+\d{4}|\d{1,2}-${MONTH}-\d{4}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\.\d{1,2}\.\d{4})(?:(?:T|,?\s+(?:at\s+)?|\s*[-–—|]\s*)${TIME})?`;
// "Mon, 03 Mar 2014 10:32:00 +0000": the value of a header block's date.
const DATE_VALUE = new RegExp(String.raw`^${DATE}$`, 'iu');

// "Reuters", "Agence France-Presse", "Voice of America": an outlet's name, capitalised words and the small ones between.
const OUTLET = String.raw`[\p{Lu}][\p{L}\p{N}.&'-]*(?: (?:of|the|and|for|de|du|la|el|al|[\p{Lu}\p{N}&][\p{L}\p{N}.&'-]*)){0,5}`;
// "ALEPPO, Syria (Reuters) - …", "WASHINGTON, March 3, 2014 (AP) — …", "Dallas, Tex., May 1 -- (AP) -- …" (the older
// wire form), "(CNN) -- …": a dateline opening the reporting, and its outlet; the dateline stays part of the
// paragraph. Its date is one we can state only when it has a year.
const DATELINE_PLACE = String.raw`(?:[\p{Lu}][\p{Lu}\p{L} .,'-]{1,60}?(?:,\s*(?<date>${MONTH}\s+${DAY}(?:,\s*(?<year>\d{4}))?))?\s*(?:[-–—]+\s*)?)?`;
// The older AP wire writes an underscore for the dash ("NORFOLK, Va. (AP) _ Workers…").
const DATELINE_OUTLET = new RegExp(String.raw`^${DATELINE_PLACE}\((?<outlet>${OUTLET})\)\s*[-–—_]`, 'u');
// "New Delhi, May 28 (PTI) The monsoon…", "(IANS): The…": Indian wires close the dateline with no dash, which is
// read only for an agency's name (a lawmaker's "(Democrat) Voted…" is none).
const DATELINE_AGENCY = new RegExp(String.raw`^${DATELINE_PLACE}\((?<outlet>[\p{Lu}][\p{L} .-]{1,40})\):?\s+(?=[\p{Lu}"“‘'])`, 'u');
const MAX_TITLE_LENGTH = 140;
const LEAD_LENGTH = 90;

/** Reads one article: front matter, headline, date, outlet and the paragraphs of reporting. */
export function parseDocument(text: string, options: { markdown: boolean }): ParsedDocument {
  const front = splitFrontMatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), options.markdown);
  const header = splitHeaderBlock(front.body);
  // Front matter wins over a header block, as both win over what the text says.
  const meta: FrontMatter = { ...header.meta, ...front.meta };
  let body = header.body;

  let date: string | undefined;
  const dateLine = DATE_LINE.exec(body);
  if (dateLine) {
    date = toIsoDate(dateLine[1]!);
    if (date) body = body.slice(dateLine[0].length);
  }

  const signedOff = withoutSignOff(body);
  body = signedOff.body;
  const reporting = withoutBylinesAndDateLines(splitParagraphs(body, options.markdown));
  date ??= reporting.date ?? furnitureDate(body);
  let paragraphs = reporting.paragraphs;
  let outlet: string | undefined;
  const last = paragraphs.at(-1);
  // Only the end of the text can hold the credit: searching all of it is quadratic on a long run of spaces.
  const tailStart = last === undefined ? 0 : Math.max(0, last.length - TRAILING_OUTLET_REACH);
  const trailing = last === undefined ? null : TRAILING_OUTLET.exec(last.slice(tailStart));
  if (last !== undefined && trailing) {
    outlet = trailing[1]!.trim();
    const rest = last.slice(0, tailStart + trailing.index).trimEnd();
    paragraphs = rest === '' ? paragraphs.slice(0, -1) : [...paragraphs.slice(0, -1), rest];
  }
  outlet ??= signedOff.agency;

  let title: string | undefined;
  const first = paragraphs[0];
  if (first !== undefined && paragraphs.length > 1 && looksLikeHeadline(first)) {
    title = first.replace(/^#+\s*/, '').trim();
    paragraphs = paragraphs.slice(1);
    // A page's title names its site after the headline ("… | Reuters", "… - BBC News"), and the page may repeat
    // the headline on its own under it.
    const site = siteOfTitle(title);
    if (site) {
      title = site.headline;
      outlet ??= site.outlet;
      if (paragraphs.length > 1 && paragraphs[0]!.trim() === title) paragraphs = paragraphs.slice(1);
    }
  }
  // The dateline opens the reporting, under the headline; a headline that opens with one names the outlet too.
  const dateline = readDateline(first) ?? readDateline(paragraphs[0]);
  outlet ??= dateline?.outlet;
  // When the article ran (a date line) wins over when the story was filed (the dateline).
  date ??= dateline?.date;

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

// "Updated", "UPDATE 2", "Exclusive": labels an editor puts in parentheses where a dateline's outlet would be.
const STORY_LABEL = /^(?:updated?|corrected|correction|clarification|exclusive|analysis|opinion|breaking|live|video|photos?|provisional|final|unofficial|draft)\b/iu;

// "D-Mass.", "R-Texas": a lawmaker's party and state, in the parentheses a dateline's outlet would take.
const PARTY_LABEL = /^\p{Lu}-\p{Lu}/u;

/**
 * The text without the agency's sign-off on its last line ("Reuter", "(AP)", "--IANS", over a feed's end marks or a
 * desk's initials), and the agency. Read before paragraphs are: an agency's name alone is also a picture credit's
 * furniture, and in a short article a line near the top, which could be a byline.
 */
function withoutSignOff(body: string): { body: string; agency?: string } {
  // Only the end of the text is searched for end marks: searching all of it is slow on long runs of white space.
  const endStart = Math.max(0, body.length - SIGN_OFF_REACH);
  const ending = body.slice(0, endStart) + body.slice(endStart).replace(END_MARKS, '').trimEnd();
  const lastLineStart = ending.lastIndexOf('\n');
  if (lastLineStart < 0) return { body };
  // Set off by its indent, a blank line or the end of a sentence above it (its full stop, and the quotation mark or
  // bracket that may close it): "…by state news agency" or "…carried by:" over "Xinhua" is one sentence, where
  // " Reuter" under a table of figures is the sign-off.
  const lastLine = ending.slice(lastLineStart + 1);
  const above = ending.slice(0, lastLineStart);
  const setOff = /^[ \t]/u.test(lastLine) || /(?:\n[ \t]*|[.!?]["”’')\]]*[ \t]*)$/u.test(above);
  const agency = setOff ? signOffOf(lastLine) : undefined;
  return agency === undefined ? { body } : { body: above, agency };
}

/** The outlet a dateline names, its date when it gives the year, and how long it is. */
function readDateline(paragraph: string | undefined): { outlet: string; date?: string; length: number } | undefined {
  const text = paragraph ?? '';
  const agency = DATELINE_AGENCY.exec(text);
  const match = DATELINE_OUTLET.exec(text) ?? (agency && agencyOf(agency.groups!.outlet!) !== undefined ? agency : null);
  const groups = match?.groups;
  const outlet = groups?.outlet?.trim();
  // "(D)" is a party, not an outlet: an outlet's name has two letters at least ("AP").
  if (!match || outlet === undefined || outlet.length < 2 || STORY_LABEL.test(outlet) || PARTY_LABEL.test(outlet) || outlet.endsWith('.')) return undefined;
  const date = groups?.year === undefined || groups.date === undefined ? undefined : toIsoDate(groups.date);
  return date === undefined ? { outlet, length: match[0].length } : { outlet, date, length: match[0].length };
}

interface FrontMatter {
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
}

function splitFrontMatter(text: string, markdown: boolean): { meta: FrontMatter; body: string } {
  // YAML between "---" lines (Jekyll, most static sites) or TOML between "+++" lines (Hugo).
  const match = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { meta: {}, body: text };
  const block = match[2]!;
  // YAML that does not parse, because a title holds a colon of its own ("title: Harbour fire: two injured"), is read
  // a line at a time; in a plain-text file, which may open on a rule of dashes over its own text, only when every
  // line of it names a key ("Source: council minutes" under a paragraph is text).
  const lineByLine = markdown || block.split('\n').every((line) => line.trim() === '' || HEADER_LINE.test(line.trim()));
  const fields = match[1] === '+++' ? lineFields(block, '=') : (yamlFields(block) ?? (lineByLine ? lineFields(block, ':') : {}));
  const read: Partial<Record<HeaderField, string>> = {};
  for (const [key, raw] of Object.entries(fields)) {
    const field = HEADER_FIELDS[key];
    const value = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' ? raw.trim() : '';
    // Front matter says outright that its title is one, however long; a value that does not read as its key says
    // (a relative url, "date: last Tuesday") is left out.
    const accepted = field === undefined || value === '' ? undefined : field === 'title' ? value : readHeaderValue(field, value);
    if (field !== undefined && accepted !== undefined) read[field] ??= accepted;
  }
  // A block that gives none of them is text between two rules.
  if (Object.keys(read).length === 0) return { meta: {}, body: text };
  return { meta: metaOf(read), body: text.slice(match[0].length) };
}

/** Front matter read as YAML, keys in lower case, or undefined when it is not a YAML mapping. */
function yamlFields(block: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = parseYaml(block);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key.toLowerCase(), value]));
}

/**
 * Front matter read a line at a time, "key: value" or "key = value", keys in lower case and quotes taken off: TOML's
 * simple keys, and YAML that does not parse because a title holds a colon of its own ("title: Harbour fire: two
 * injured").
 */
function lineFields(block: string, separator: ':' | '='): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const line of block.split('\n')) {
    const at = line.indexOf(separator);
    if (at <= 0) continue;
    const key = line.slice(0, at).trim().toLowerCase();
    if (!/^[a-z_]+$/u.test(key) || key in fields) continue;
    fields[key] = line.slice(at + 1).trim().replace(/^(["'])(.*)\1$/u, '$2');
  }
  return fields;
}

/** The fields a citation takes from front matter or a header block. */
function metaOf(fields: Partial<Record<HeaderField, string>>): FrontMatter {
  const meta: FrontMatter = {};
  // The first publication is the date a citation gives; an update's date only stands in for it.
  const date = fields.date ?? fields.updated;
  if (fields.title) meta.title = fields.title;
  if (date) meta.date = date;
  if (fields.outlet) meta.outlet = fields.outlet;
  if (fields.url) meta.url = fields.url;
  return meta;
}

type HeaderField = keyof FrontMatter | 'updated' | 'author';
/** The keys a header block may hold, and the field each gives; any other key ends the block. */
const HEADER_FIELDS: Record<string, HeaderField> = {
  title: 'title',
  headline: 'title',
  date: 'date',
  published: 'date',
  posted: 'date',
  pubdate: 'date',
  publishdate: 'date',
  published_at: 'date',
  updated: 'updated',
  source: 'outlet',
  outlet: 'outlet',
  publisher: 'outlet',
  publication: 'outlet',
  site: 'outlet',
  url: 'url',
  link: 'url',
  author: 'author',
  byline: 'author',
  by: 'author',
};
// "Title: Storm closes port", "SOURCE: BBC News", "Published : 3 March 2014": a line of a plain-text header block.
// Lines are trimmed before the match, so the value runs to the end with no lazy search for trailing space.
const HEADER_LINE = new RegExp(String.raw`^(${Object.keys(HEADER_FIELDS).join('|')})\s*:\s*(\S.*)$`, 'iu');
/** A header line is short; a longer one is text, and is not searched for a key. */
const MAX_HEADER_LINE = 300;
/** An outlet or author longer than this, or ending like a sentence, is reporting that happens to open with "Source:". */
const MAX_NAME_LENGTH = 80;

/**
 * The `Key: value` lines that open many plain-text saves of an article, read like front matter and cut from the body.
 * The block ends at the first line that is not one: an unknown key ("Note: the port…") or a value that does not read
 * as what its key says (a date that is no date, a "Source:" that is a sentence), so reporting is never eaten.
 */
function splitHeaderBlock(text: string): { meta: FrontMatter; body: string } {
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  const fields: Partial<Record<HeaderField, string>> = {};
  let end = start;
  for (; end < lines.length; end++) {
    const line = lines[end]!.trim();
    const match = line.length <= MAX_HEADER_LINE ? HEADER_LINE.exec(line) : null;
    const field = match ? HEADER_FIELDS[match[1]!.toLowerCase()] : undefined;
    const value = match && field ? readHeaderValue(field, match[2]!) : undefined;
    if (field === undefined || value === undefined) break;
    fields[field] ??= value;
  }
  if (end === start) return { meta: {}, body: text };
  return { meta: metaOf(fields), body: lines.slice(end).join('\n') };
}

/** A header value as its field holds it (a date as ISO), or undefined when it does not read as one. */
function readHeaderValue(field: HeaderField, value: string): string | undefined {
  switch (field) {
    case 'title':
      return value.length <= MAX_TITLE_LENGTH ? value : undefined;
    case 'date':
    case 'updated': {
      const stated = DATE_VALUE.exec(value)?.groups?.date;
      return stated === undefined ? undefined : toIsoDate(stated);
    }
    case 'url':
      // "https://example.com/story", "www.example.com/story"
      return /^(?:https?:\/\/|www\.)\S+$/iu.test(value) ? value : undefined;
    case 'outlet':
    case 'author':
      return value.length <= MAX_NAME_LENGTH && !/[.!?]$/u.test(value) ? value : undefined;
  }
}

/** Lines this near the top of the body may be a byline or a date line, above the dateline. */
const TOP_LINES = 4;
/** Paragraphs this near the end may be a date line ("Published 4 March 2014"), below the reporting. */
const END_PARAGRAPHS = 2;
/** A byline is short: "By Jane Holt and Tom Reed, Staff Writers". */
const MAX_BYLINE_LENGTH = 80;
/** Words a byline holds besides its capitalised names: "By Jane Holt of The Courier", "by staff writers". */
const BYLINE_WORDS = new Set(['and', '&', 'of', 'the', 'for', 'in', 'on', 'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'correspondents', 'editor']);

/**
 * The paragraphs without the lines that say who wrote the article and when, not what happened (a byline or a date
 * line near the top, a date line at the end), and the date the first date line states. They sit where the headline
 * and the dateline are looked for. A date line whose date cannot be read stays, as text.
 */
function withoutBylinesAndDateLines(paragraphs: string[]): { paragraphs: string[]; date?: string } {
  const dateLines = paragraphs.map(readDateLine);
  // Bare dates that differ head the sections of a timeline ("March 5, 2014" over that day's events), not the
  // article: then only a line that says what its date is ("Published 4 March 2014") dates it.
  const bareDates = new Set(dateLines.flatMap((line) => (line && !line.labelled ? [line.date] : [])));
  let date: string | undefined;
  // Every date line goes, even under a date found already; the first one read gives the date.
  const isDateLine = (i: number) => {
    const line = dateLines[i];
    if (!line || (!line.labelled && bareDates.size > 1)) return false;
    date ??= line.date;
    return true;
  };
  const dropped = new Set<number>();
  let lines = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    lines += paragraphs[i]!.split('\n').length;
    if (lines > TOP_LINES) break;
    if (isDateLine(i)) dropped.add(i);
    else if (isByline(paragraphs[i]!)) {
      dropped.add(i);
      // "By Jane Holt on 4 March 2020" says when too.
      const dated = FIRST_DATE.exec(paragraphs[i]!)?.groups?.date;
      date ??= dated === undefined ? undefined : toIsoDate(dated);
    }
  }
  for (let i = Math.max(0, paragraphs.length - END_PARAGRAPHS); i < paragraphs.length; i++) {
    if (!dropped.has(i) && isDateLine(i)) dropped.add(i);
  }
  return { paragraphs: paragraphs.filter((_, i) => !dropped.has(i)), date };
}

/**
 * The date of a date line near the top that page furniture took out before the date lines were read ("Updated 10:32
 * AM ET, Thu October 6, 2016" goes as a time stamp).
 */
function furnitureDate(body: string): string | undefined {
  const top = body.split('\n').filter((line) => line.trim() !== '').slice(0, TOP_LINES);
  for (const line of top) {
    const date = isFurniture(line) ? readDateLine(line.trim())?.date : undefined;
    if (date) return date;
  }
  return undefined;
}

/**
 * A line that states when the article ran and nothing else, as ISO, and whether it says so ("Published 4 March 2014")
 * or is bare. Sites write it many ways ("First published on Thu 6 Oct 2016 10.32 BST", "October 6, 2016 / 10:32 AM /
 * Updated 2 hours ago", "6 October 2016 • 3 min read", "Updated 8 October 2016, first published 6 October 2016"):
 * one or more dates with their times, and only the words such a line uses around them. Of several dates, the one it
 * says the article was first published on, or else the first.
 */
function readDateLine(line: string): { date: string; labelled: boolean } | undefined {
  // Every date a line can state has its year: most lines have none, and the date patterns are slow to fail.
  if (line.length > MAX_DATE_LINE || line.includes('\n') || !/\d{4}/u.test(line)) return undefined;
  const dates = [...line.matchAll(DATE_IN_LINE)].flatMap((m) => {
    const date = toIsoDate(m.groups!.date!);
    return date === undefined ? [] : [{ date, at: m.index }];
  });
  if (dates.length === 0) return undefined;
  const rest = line.replace(DATE_IN_LINE, ' ').replace(TIME_IN_LINE, ' ');
  if (!rest.split(DATE_LINE_SEPARATORS).every((word) => word === '' || DATE_LINE_WORD.test(word))) return undefined;
  const published = /\b(?:first\s+)?(?:published|posted)\b/iu.exec(line);
  const chosen = (published && dates.find((d) => d.at > published.index)) ?? dates[0]!;
  return { date: chosen.date, labelled: DATE_LABEL.test(line) };
}

/** A date line is short: "Last Updated: 06th October, 2016 10:32 IST | First published: …". */
const MAX_DATE_LINE = 120;
const DATE_IN_LINE = new RegExp(DATE, 'giu');
const FIRST_DATE = new RegExp(DATE, 'iu');
const TIME_IN_LINE = new RegExp(TIME, 'giu');
const DATE_LINE_SEPARATORS = /[\s,;|•·/@:()–—-]+/u;
/** The words a date line holds besides its dates and times. */
const DATE_LINE_WORD = new RegExp(
  String.raw`^(?:${WEEKDAY}|published|first|last|updated?|modified|posted|on|at|and|date|dated|time|min|mins|minutes?|read|ago|hours?|days?|gmt|bst|ist|cet|cest|utc|et|est|edt|ct|cst|cdt|pt|pst|pdt|aest|aedt|am|pm|a\.m\.?|p\.m\.?|\d{1,2})$`,
  'iu',
);
/** Words by which a date line says what its date is. */
const DATE_LABEL = /\b(?:published|posted|updated|modified|date|dated)\b/iu;

/**
 * "By Jane Holt", "BY JANE HOLT, Staff Writer", "By Jane Holt and Tom Reed": capitalised names and the words between
 * them, short and with no full stop, so a sentence that opens with "By" ("By noon the port had closed.") is no byline.
 */
function isByline(line: string): boolean {
  // "Written by …", "By Jane Holt | Staff Writer", "By Jane Holt @janeholt", "Posted by Jane Holt on March 4, 2020":
  // the writer's handle and the date are no part of the names.
  const named = /^(?:(?:written|posted|reported|words|story|text)\s+)?by\s+(.+)$/iu.exec(line)?.[1]?.replace(DATE_IN_LINE, ' ').replace(/@\w+/gu, ' ');
  const words = named?.split(/[\s,|•·–—-]+/u).filter(Boolean);
  if (words === undefined || line.length > MAX_BYLINE_LENGTH || /[.!?]$/u.test(line)) return false;
  // "By Popular Demand", "BY THE NUMBERS", "By Tuesday Evening" are headlines: no word after "By" is anyone's name.
  // "By May Bulman" and "By The Associated Press" have one.
  const namesNoOne = (part: string[]) => part.every((word) => NOT_A_NAME.has(word.toLowerCase()) || BYLINE_WORDS.has(word.toLowerCase()));
  if (namesNoOne(words)) return false;
  // "By Jane Holt in Berlin" names someone before the place; "By Tuesday in Kirkwall" does not.
  const place = words.findIndex((word) => /^(?:in|on)$/iu.test(word));
  if (place >= 0 && namesNoOne(words.slice(0, place))) return false;
  return words.some((word) => /^\p{Lu}/u.test(word)) && words.every((word) => /^\p{Lu}/u.test(word) || BYLINE_WORDS.has(word));
}

/** Words that open a headline or a phrase after "By", never a writer's name. */
const NOT_A_NAME = new Set(
  'the a an this that these those all any every each some no our their his her its my your popular public order law way design default far now then contrast comparison chance accident hand force land sea air rail road night day noon midnight dawn dusk nightfall morning evening afternoon today tonight tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december spring summer autumn fall winter year years numbers demand request invitation appointment'.split(' '),
);

/** A headline is a short first line that does not end like a sentence. */
function looksLikeHeadline(line: string): boolean {
  if (line.startsWith('#')) return true;
  if (line.length > MAX_TITLE_LENGTH || line.includes('\n')) return false;
  return !/[.!?]["”’)]?$/u.test(line.trim()) || line.trim().endsWith('...');
}

/**
 * The headline and the site of a web page's title: "Ferry firm fined | Reuters", "Ferry firm fined | The Courier",
 * "Ferry firm fined - BBC News". A dash also joins a headline's own parts ("Storms - what we know"), so after one
 * only a news agency's name or a name ending in "News" is a site.
 */
function siteOfTitle(title: string): { headline: string; outlet: string } | undefined {
  const match = /^(?<headline>.*\S)\s+(?<separator>[|–—-])\s+(?<site>\p{Lu}[\p{L}\p{N}.&'’]*(?:\s+(?:of|the|and|\p{Lu}[\p{L}\p{N}.&'’]*)){0,4})$/u.exec(title);
  if (!match?.groups) return undefined;
  const { headline, separator, site } = match.groups as { headline: string; separator: string; site: string };
  const agency = agencyOf(site);
  // After a bar, a paper's name too ("| The Kelby Courier", "| The Atlantic"); a section's ("| Local") is none, nor
  // is what follows a section's name ("Opinion | The Fed Is Wrong Again", "Brexit talks | The Week Ahead").
  const section = !/\s/u.test(headline.trim());
  const paper = separator === '|' && !section && (NEWSPAPER_WORD.test(site) || /^The \p{Lu}[\p{L}’']+$/u.test(site));
  if (section || (agency === undefined && !/\bNews$/u.test(site) && !paper)) return undefined;
  return { headline, outlet: agency ?? site };
}

const NEWSPAPER_WORD =
  /\b(?:Times|Post|Herald|Journal|Tribune|Telegraph|Guardian|Courier|Express|Mail|Gazette|Chronicle|Observer|Independent|Standard|Star|Sun|Mirror|Record|Press|Review|Examiner|Inquirer|Globe|Echo|Advertiser|Argus|Bulletin|Dispatch|Ledger|Leader|Mercury|Monitor|Register|Reporter|Sentinel|Statesman|Hindu)$/u;

/** A title for an article without a headline: its first sentence, cut at a word near LEAD_LENGTH. */
function leadOf(paragraph: string): string {
  const first = splitSentences(paragraph)[0];
  // "WASHINGTON (AP) — The port closed…" leads with the port, not with where and by whom it was filed.
  const collapsed = (first ? paragraph.slice(first.start, first.end) : paragraph).replace(/\s+/g, ' ');
  const dateline = readDateline(collapsed);
  const sentence = (dateline ? collapsed.slice(dateline.length) : collapsed).replace(/^[-–—\s]+/u, '').trim();
  if (sentence.length <= LEAD_LENGTH) return sentence || 'Untitled';
  const cut = sentence.slice(0, LEAD_LENGTH + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : LEAD_LENGTH).replace(/[\s,;:–—-]+$/u, '')}…`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2016-10-06", "6 October 2016", "Oct. 6th, 2016" to ISO; anything else is not a date we can vouch for. */
export function toIsoDate(text: string): string | undefined {
  const trimmed = text.trim();
  const parts = (match: RegExpExecArray | null) => match?.slice(1, 4).map(Number) as [number, number, number] | undefined;
  const yearFirst = parts(/^(\d{4})-(\d{2})-(\d{2})/.exec(trimmed) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(trimmed));
  if (yearFirst) return isoOf(yearFirst[0], yearFirst[1], yearFirst[2]);
  // "14/06/2021" and "06/14/2021" say which number is the day; "06/10/2016" is June in one country and October in
  // another, and is left undated.
  const slashed = parts(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed));
  if (slashed) {
    const [first, second, y] = slashed;
    return first > 12 && second <= 12 ? isoOf(y, second, first) : second > 12 && first <= 12 ? isoOf(y, first, second) : undefined;
  }
  // "06.10.2016": the day first, as everywhere dots separate a date's numbers.
  const dotted = parts(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed));
  if (dotted) return isoOf(dotted[2], dotted[1], dotted[0]);
  // "3rd March": the day without its ordinal ending.
  const words = text.toLowerCase().replace(/\b(\d{1,2})-([a-z]{3,9}\.?)-(\d{4})\b/g, '$1 $2 $3').replace(/[.,]/g, ' ').replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/g, '$1').split(/\s+/).filter(Boolean);
  const month = words.findIndex((w) => MONTHS.includes(w.slice(0, 3)) && /^[a-z]+$/.test(w));
  const numbers = words.filter((w) => /^\d+$/.test(w)).map(Number);
  const year = numbers.find((n) => n > 31);
  const day = numbers.find((n) => n <= 31);
  if (month < 0 || year === undefined || day === undefined) return undefined;
  return isoOf(year, MONTHS.indexOf(words[month]!.slice(0, 3)) + 1, day);
}

/** A date as ISO, when the month has that day ("Sept. 31" is a typo, not a date to state) in a year news could be from. */
function isoOf(year: number, month: number, day: number): string | undefined {
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate() && year >= 1800 && year <= 2200;
  const pad = (n: number) => String(n).padStart(2, '0');
  return valid ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}
