import cliProgress from 'cli-progress';

/** Progress on stderr for a person watching: a bar per long phase and a line per step; nothing when not a TTY. */
export interface BenchProgress {
  /** Starts or advances the bar of `phase`. */
  update(phase: string, done: number, total: number): void;
  /** Ends any bar and prints a line saying what is being done now. */
  note(text: string): void;
  stop(): void;
}

const LABEL_WIDTH = 18;

export function benchProgress(stream: NodeJS.WriteStream = process.stderr): BenchProgress {
  if (!stream.isTTY) return { update: () => {}, note: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {percentage}% {value}/{total}', stream, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let current: string | undefined;
  const stop = () => {
    if (current !== undefined) bar.stop();
    current = undefined;
  };
  return {
    update: (phase, done, total) => {
      if (phase !== current) {
        stop();
        current = phase;
        bar.start(total, done, { phase: phase.padEnd(LABEL_WIDTH) });
      } else bar.update(done);
    },
    note: (text) => {
      stop();
      stream.write(`${text}\n`);
    },
    stop,
  };
}
