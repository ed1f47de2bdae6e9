import { helpMessage, type CorpusSummary } from '../../render/help.ts';
import type { NewsIndex } from '../../search/newsIndex.ts';
import { commandDefinitions } from '../commands/index.ts';
import { helpCommand } from '../commands/help.ts';
import { commandHandler } from './handler.ts';

/** Counts, outlets (most frequent first) and date range of the corpus. */
export function corpusSummary(index: NewsIndex): CorpusSummary {
  const outlets = new Map<string, number>();
  const dates: string[] = [];
  for (const doc of index.documents) {
    if (doc.outlet) outlets.set(doc.outlet, (outlets.get(doc.outlet) ?? 0) + 1);
    if (doc.date) dates.push(doc.date);
  }
  dates.sort();
  const summary: CorpusSummary = {
    documents: index.documents.length,
    passages: index.passageCount,
    outlets: [...outlets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name),
  };
  if (dates.length > 0) [summary.firstDate, summary.lastDate] = [dates[0]!, dates[dates.length - 1]!];
  return summary;
}

/** /help: what the bot does, its commands, what the corpus holds. */
export const help = commandHandler({
  definition: helpCommand,
  run: (_args, _request, ctx) => ({ kind: 'reply', message: helpMessage(commandDefinitions, corpusSummary(ctx.live.current)) }),
});
