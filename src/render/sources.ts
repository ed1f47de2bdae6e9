import type { Button, Embed, MessageBody } from '../bot/api.ts';
import type { NewsDocument } from '../corpus/types.ts';
import type { SourceRef } from '../search/types.ts';
import { citedSource } from './answers.ts';
import { webUrl } from './fit.ts';
import { code, escapeMarkdown, inline } from './markdown.ts';
import { ACCENT, message } from './message.ts';
import { oneLine, truncate } from './text.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface SourceListing {
  source: SourceRef;
  passages: number;
}

export interface SourcesPage {
  /** The documents on this page, numbered from `first + 1`. */
  listings: readonly SourceListing[];
  first: number;
  page: number;
  pageCount: number;
  documents: number;
  passages: number;
}

/** One page of the corpus's documents: title, outlet and date, number of passages, id. */
export function sourcesMessage(page: SourcesPage, buttons: Button[]): MessageBody {
  const lines = page.listings.map(
    ({ source, passages }, i) => `**${page.first + i + 1}.** ${citedSource(source, 120)} · ${plural(passages, 'passage')} · ${code(source.id)}`,
  );
  const embed: Embed = {
    title: 'Sources',
    description: lines.length > 0 ? lines.join('\n') : 'The corpus is empty: no article has been loaded.',
    color: ACCENT,
    footer: { text: `Page ${page.page} of ${page.pageCount} · ${plural(page.documents, 'article')}, ${plural(page.passages, 'passage')}` },
  };
  return message({ embeds: [embed], buttons });
}

/** Raw characters of a paragraph shown by /source; escaped it stays well inside a description. */
const PARAGRAPH_CHARS = 1800;

export interface SourceView {
  document: NewsDocument;
  /** 1-based paragraph to show. */
  paragraph: number;
  passages: number;
}

/** One document's details and one of its paragraphs, quoted, to read a citation in context. */
export function sourceMessage(view: SourceView, buttons: Button[]): MessageBody {
  const { document: doc, paragraph } = view;
  const text = oneLine(doc.paragraphs[paragraph - 1] ?? '');
  const shown = truncate(text, PARAGRAPH_CHARS);
  const lines = [`¶${paragraph} of ${doc.paragraphs.length}${paragraph === 1 ? ' (lead)' : ''}`, `> ${escapeMarkdown(shown)}`];
  if (shown !== text) lines.push(`(paragraph shortened here: ${plural(text.length, 'character')} in all)`);
  const fields = [
    { name: 'Outlet', value: doc.outlet ? inline(doc.outlet) : 'not stated', inline: true },
    { name: 'Date', value: doc.date ? inline(doc.date) : 'not stated', inline: true },
    { name: 'Paragraphs', value: String(doc.paragraphs.length), inline: true },
    { name: 'Passages', value: String(view.passages), inline: true },
    { name: 'Id', value: code(doc.id), inline: false },
  ];
  const embed: Embed = { title: inline(truncate(doc.title, 250)) || 'Untitled', description: lines.join('\n'), color: ACCENT, fields };
  const url = doc.url ? webUrl(doc.url) : undefined;
  if (url) embed.url = url;
  return message({ embeds: [embed], buttons });
}
