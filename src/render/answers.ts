import type { Button, Embed, MessageBody } from '../bot/api.ts';
import type { Answer, AnswerResult, SourceRef } from '../search/types.ts';
import { LIMITS } from '../bot/api.ts';
import { code, highlight, inline, truncateMarkdown } from './markdown.ts';
import { ACCENT, message } from './message.ts';
import { NOT_IN_COVERAGE } from './plainText.ts';
import { truncate } from './text.ts';

/** Titles are cut to this many characters inside a citation, so a headline-less article's long lead stays a citation. */
const CITED_TITLE_CHARS = 150;
const ALSO_IN_TITLE_CHARS = 60;
const ALSO_IN_SHOWN = 5;

/** A source as a citation names it, in markdown: **Title** (Outlet, date). */
export function citedSource(source: SourceRef, titleChars = CITED_TITLE_CHARS): string {
  const where = [source.outlet, source.date].filter((part): part is string => Boolean(part)).map(inline).join(', ');
  return `**${inline(truncate(source.title, titleChars)) || code(source.id)}**${where ? ` (${where})` : ''}`;
}

/** The citation under a quote: source, ¶ number, id — the same facts as the plain-text `citationLine`. */
export function citation(source: SourceRef, paragraph: number): string {
  return `— ${citedSource(source)}, ¶${paragraph} · ${code(source.id)}`;
}

function alsoIn(sources: readonly SourceRef[], shownAtMost = ALSO_IN_SHOWN): string {
  const shown = sources.slice(0, shownAtMost).map((s) => `${citedSource(s, ALSO_IN_TITLE_CHARS)} ${code(s.id)}`);
  const more = sources.length - shown.length;
  return `Also in: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** Room for the quote is never taken below this: a quote cut shorter than a sentence tells the reader nothing. */
const SHORTEST_QUOTE = 160;

/**
 * One answer: the verbatim excerpt quoted with the matched words in bold, its citation, and where else it ran.
 * Within `budget` characters (its share of Discord's 6,000 for all embeds), the "also in" list shortens first and
 * the quote after it; the citation is never cut, so every quote shown stays traceable.
 */
export function answerEmbed(answer: Answer, number: number, total: number, budget: number = LIMITS.embedDescription): Embed {
  const footer = total > 1 ? `Answer ${number} of ${total}` : undefined;
  const cite = citation(answer.source, answer.paragraph);
  const room = budget - (footer?.length ?? 0) - cite.length - 2;
  let also = '';
  for (let shown = ALSO_IN_SHOWN; answer.alsoIn.length > 0 && shown >= 0; shown--) {
    also = alsoIn(answer.alsoIn, shown);
    if (room - also.length - 1 >= SHORTEST_QUOTE) break;
  }
  const quote = truncateMarkdown(`> ${highlight(answer.excerpt, answer.terms)}`, Math.max(SHORTEST_QUOTE, room - (also ? also.length + 1 : 0)));
  const embed: Embed = { description: [quote, cite, ...(also ? [also] : [])].join('\n'), color: ACCENT };
  if (footer) embed.footer = { text: footer };
  return embed;
}

/** The question as asked, echoed above the answers (escaped: it is the user's text). */
export function questionLine(question: string, source?: SourceRef): string {
  return `**Q:** ${inline(question)}${source ? ` · only in ${code(source.id)}` : ''}`;
}

export interface AnswerPage {
  question: string;
  /** Set when the question was asked about one source only. */
  source?: SourceRef;
  /** Every answer kept for the question; the page shows `pageSize` of them from `page * pageSize`. */
  answers: readonly Answer[];
  page: number;
  pageSize: number;
}

export function pageCount(page: Pick<AnswerPage, 'answers' | 'pageSize'>): number {
  return Math.max(1, Math.ceil(page.answers.length / page.pageSize));
}

/** A page of answers, numbered across pages, with the buttons the handler offers (More, Back, Post to channel). */
export function answersMessage(page: AnswerPage, buttons: Button[], options: { ephemeral?: boolean } = {}): MessageBody {
  const first = page.page * page.pageSize;
  const shown = page.answers.slice(first, first + page.pageSize);
  return message({
    content: questionLine(page.question, page.source),
    embeds: shown.map((answer, i) => answerEmbed(answer, first + i + 1, page.answers.length, Math.floor(LIMITS.embedsTotal / shown.length))),
    buttons,
    ephemeral: options.ephemeral ?? false,
  });
}

/**
 * The honest reply when the coverage does not answer: it says so, and points to the closest sources or to /sources.
 * It never quotes a passage that does not answer.
 */
export function notAnsweredMessage(result: AnswerResult, options: { source?: SourceRef; ephemeral?: boolean } = {}): MessageBody {
  const lines = [`${NOT_IN_COVERAGE} No passage in the articles answers this question.`];
  if (result.nearest.length > 0) {
    lines.push('', 'Closest sources:', ...result.nearest.map((s) => `• ${citedSource(s)} · ${code(s.id)}`));
    lines.push('', 'Read one with `/source`, or see `/sources` for everything the corpus holds.');
  } else {
    lines.push('', 'See `/sources` for what the corpus holds.');
  }
  return message({
    content: questionLine(result.question, options.source),
    embeds: [{ description: lines.join('\n'), color: ACCENT }],
    ephemeral: options.ephemeral ?? false,
  });
}
