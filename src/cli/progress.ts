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
  let phase: string | undefined;
  return {
    update: (p) => {
      if (p.phase !== phase) {
        if (phase !== undefined) bar.stop();
        phase = p.phase;
        bar.start(p.total, p.done, { phase: p.phase === 'reading' ? 'Reading files ' : 'Indexing      ' });
      } else bar.update(p.done);
    },
    stop: () => bar.stop(),
  };
}
