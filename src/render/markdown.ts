import { graphemesOf, oneLine } from './text.ts';

/**
 * Discord markdown for text the bot did not write (corpus text, a user's question): escaped so it shows exactly as
 * written and can neither format the message nor mention anyone. The only markup in a message is the bot's own:
 * `**bold**`, `` `code` `` and `> ` quotes.
 */

/** Characters that format text wherever they stand: escapes, bold/italic, underline, strike, code, spoiler, masked links, mentions. */
const INLINE_MARKUP = /[\\*_~`|[\]<]/g;
/** Markers that format a whole line when they open it: headings, block quotes, lists, subtext (`-#`). */
const LINE_MARKER = /^([ \t]*)([#>+-])/gm;
const NUMBERED_LIST = /^([ \t]*\d+)([.)])/gm;
/** `@everyone` and `@here` are mentions without any bracket: a zero-width space after the `@` breaks them. */
const MASS_MENTION = /@(everyone|here)/gi;

/**
 * Escapes Discord markdown: every markup character gets a backslash (Discord shows a backslashed punctuation mark
 * as the mark itself), `<` included so `<@123>`, `<#1>`, `<t:1>` stay text; `@everyone` and `@here` are broken
 * with a zero-width space.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_MARKUP, '\\$&')
    .replace(LINE_MARKER, '$1\\$2')
    .replace(NUMBERED_LIST, '$1\\$2')
    .replace(MASS_MENTION, '@\u200b$1');
}

/** Text from outside, sanitized, on one line and escaped: safe anywhere in a message. */
export function inline(text: string): string {
  return escapeMarkdown(oneLine(text));
}

/** An identifier in a code span, which shows it literally; escaped text when it holds a backtick. */
export function code(text: string): string {
  const clean = oneLine(text);
  return clean === '' || clean.includes('`') ? escapeMarkdown(clean) : `\`${clean}\``;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A verbatim excerpt, sanitized onto one line and escaped, with every occurrence of `terms` (whole words, any case)
 * in bold. Matches that overlap, touch or stand a space apart share one bold run, so the markers always pair up.
 */
export function highlight(text: string, terms: readonly string[]): string {
  const clean = oneLine(text);
  const ranges: Array<[number, number]> = [];
  for (const term of new Set(terms.map(oneLine))) {
    if (term === '') continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of clean.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    // Matches that overlap, touch or stand one space apart ("food rations") share a bold run.
    if (last && (range[0] <= last[1] || /^\s+$/.test(clean.slice(last[1], range[0])))) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of merged) {
    out += `${escapeMarkdown(clean.slice(at, start))}**${escapeMarkdown(clean.slice(start, end))}**`;
    at = end;
  }
  return out + escapeMarkdown(clean.slice(at));
}

/**
 * Markdown cut to at most `max` characters without breaking it: never between a backslash and what it escapes,
 * never inside a code span, never between grapheme clusters, and a bold run left open is closed after the `…`.
 */
export function truncateMarkdown(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown;
  let out = '';
  let bold = false;
  for (const unit of markdownUnits(markdown)) {
    const boldAfter: boolean = unit === '**' ? !bold : bold;
    if (out.length + unit.length + 1 + (boldAfter ? 2 : 0) > max) break;
    out += unit;
    bold = boldAfter;
  }
  const result = `${out.trimEnd()}…${bold ? '**' : ''}`;
  return result.length <= max ? result : '…'.slice(0, max);
}

/** The pieces markdown may be cut between: escape pairs, bold markers, whole code spans, grapheme clusters. */
function markdownUnits(markdown: string): string[] {
  const pieces = graphemesOf(markdown);
  const units: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece === '\\' && i + 1 < pieces.length) {
      units.push(piece + pieces[++i]!);
    } else if (piece === '*' && pieces[i + 1] === '*') {
      units.push('**');
      i++;
    } else if (piece === '`') {
      const close = pieces.indexOf('`', i + 1);
      if (close === -1) units.push(piece);
      else {
        units.push(pieces.slice(i, close + 1).join(''));
        i = close;
      }
    } else units.push(piece);
  }
  return units;
}
