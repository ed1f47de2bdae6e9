import cliProgress from 'cli-progress';
import type { OpenProgress } from '../search/store.ts';

/**
 * A progress bar on stderr for long builds when a person is watching (a TTY); silent otherwise, so piped output
 * and CI logs stay clean.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { update: (p: OpenProgress) => void; stop: () => void } {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total}', stream, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: OpenProgress['phase'] | undefined;
  return {
    update: (p) => {
      if (p.phase === phase) {
        if (p.phase !== 'saving') bar.update(p.done);
        return;
      }
      if (phase !== undefined) bar.stop();
      phase = p.phase;
      // Saving has no count to show a bar for; a line says why the wait goes on.
      if (p.phase === 'saving') stream.write('Saving the index…\n');
      else bar.start(p.total, p.done, { phase: labelOf(p.phase) });
    },
    stop: () => bar.stop(),
  };
}

function labelOf(phase: Exclude<OpenProgress['phase'], 'saving'>): string {
  switch (phase) {
    case 'reading':
      return 'Reading files ';
    case 'indexing':
      return 'Indexing      ';
    case 'building':
      return 'Search index  ';
    default:
      return phase satisfies never;
  }
}
