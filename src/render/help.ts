import type { MessageBody } from '../bot/api.ts';
import type { CommandDefinition } from '../bot/commands/define.ts';
import { inline } from './markdown.ts';
import { ACCENT, message } from './message.ts';

export interface CorpusSummary {
  documents: number;
  passages: number;
  /** Outlets named by the articles, most frequent first. */
  outlets: string[];
  firstDate?: string;
  lastDate?: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** A command as a person types it: `/ask question [top] [source] [private]`. */
export function usage(command: CommandDefinition): string {
  const options = (command.options ?? []).map((o) => (o.required ? o.name : `[${o.name}]`));
  return `\`/${[command.name, ...options].join(' ')}\``;
}

/** What the bot does, its commands (from their definitions, so /help never goes stale) and what the corpus holds. */
export function helpMessage(commands: readonly CommandDefinition[], corpus: CorpusSummary): MessageBody {
  // Outlets and dates are only those the articles state: the corpus may hold more from unnamed sources.
  const outlets = corpus.outlets.slice(0, 8).map(inline).join(', ') + (corpus.outlets.length > 8 ? ' and others' : '');
  const dates = corpus.firstDate && corpus.lastDate ? (corpus.firstDate === corpus.lastDate ? corpus.firstDate : `${corpus.firstDate} to ${corpus.lastDate}`) : '';
  const holds = [`${count(corpus.documents)} articles, ${count(corpus.passages)} passages`, outlets && `outlets named: ${outlets}`, dates && `dates given: ${dates}`]
    .filter(Boolean)
    .join('; ');
  const description = [
    'Newsdesk answers questions about the news coverage it holds. Every answer is a passage quoted **word for word** from an article, with its citation (title, outlet, date, paragraph ¶ and id) — or, when the articles do not say, an honest "the coverage doesn\'t say".',
    '',
    '**Commands**',
    ...commands.map((c) => `${usage(c)} — ${c.description}`),
    '',
    '**The corpus**',
    `${holds}.`,
  ].join('\n');
  return message({ embeds: [{ title: 'Newsdesk', description, color: ACCENT }], ephemeral: true });
}
