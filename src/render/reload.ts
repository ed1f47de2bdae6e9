import type { MessageBody } from '../bot/api.ts';
import type { ReloadOutcome } from '../search/liveIndex.ts';
import type { OpenProgress } from '../search/store.ts';
import { code, inline } from './markdown.ts';
import { ACCENT, message } from './message.ts';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
const LISTED = 10;

/** Ids in code spans, the first few, then how many more. */
function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED).map(code).join(', ');
  return ids.length > LISTED ? `${shown} and ${ids.length - LISTED} more` : shown;
}

/** The deferred reply while a reload runs: how far it got. */
export function reloadProgressMessage(progress: OpenProgress): MessageBody {
  return message({ content: `Reloading the corpus… ${stepOf(progress)}. Questions are still answered from the current index meanwhile.` });
}

function stepOf(progress: OpenProgress): string {
  switch (progress.phase) {
    case 'reading':
      return `read ${count(progress.done)} of ${plural(progress.total, 'file')}`;
    case 'indexing':
      return `indexed ${count(progress.done)} of ${plural(progress.total, 'article')} (${plural(progress.passages, 'passage')})`;
    case 'building':
      return `building the search index (${percent(progress.done, progress.total)})`;
    case 'saving':
      return 'saving the new index to disk';
    default:
      return progress satisfies never;
  }
}

/** Rounded down, so that 100% shows only once the search index is built. */
function percent(done: number, total: number): string {
  return `${total === 0 ? 100 : Math.floor((100 * done) / total)}%`;
}

/** The final report of a reload: what changed, or which files failed while the old index keeps serving. */
export function reloadReportMessage(outcome: ReloadOutcome, serving: { documents: readonly unknown[]; passageCount: number }): MessageBody {
  if (outcome.status === 'busy') {
    return message({ content: 'A reload is already running; its report will appear where it was started.' });
  }
  const seconds = `${(outcome.ms / 1000).toFixed(1)} s`;
  if (outcome.status === 'failed') {
    const lines = [`The old index (${plural(serving.documents.length, 'article')}, ${plural(serving.passageCount, 'passage')}) is still answering; nothing was swapped.`];
    if (outcome.error) lines.push('', inline(outcome.error));
    if (outcome.failures.length > 0) {
      lines.push('', `${plural(outcome.failures.length, 'file')} did not load:`);
      lines.push(...outcome.failures.slice(0, 20).map((f) => `• ${code(f.path)} ${inline(f.reason)}`));
      if (outcome.failures.length > 20) lines.push(`• and ${outcome.failures.length - 20} more (see the log)`);
      lines.push('', 'Fix or remove them, then run `/reload` again.');
    }
    return message({ embeds: [{ title: 'Reload failed', description: lines.join('\n'), color: 0xc53030 }] });
  }
  const unchanged = outcome.added.length + outcome.removed.length + outcome.changed.length === 0;
  const lines = [
    `Now answering from ${plural(outcome.documents, 'article')}, ${plural(outcome.passages, 'passage')} (loaded in ${seconds}).`,
    '',
    unchanged ? 'No article was added, removed or changed.' : `Added ${outcome.added.length}, removed ${outcome.removed.length}, changed ${outcome.changed.length}.`,
  ];
  if (outcome.added.length > 0) lines.push(`Added: ${idList(outcome.added)}`);
  if (outcome.removed.length > 0) lines.push(`Removed: ${idList(outcome.removed)}`);
  if (outcome.changed.length > 0) lines.push(`Changed: ${idList(outcome.changed)}`);
  if (!outcome.saved) lines.push('', 'The new index was not saved to disk; the next start will rebuild it.');
  return message({ embeds: [{ title: 'Reloaded', description: lines.join('\n'), color: ACCENT }] });
}
