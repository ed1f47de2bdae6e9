import { summarize, type LatencySummary } from './stats.ts';

/** Each timed question's latency and whether it found something (an answer, or for stock any hit). */
export interface Timings {
  ms: number[];
  found: boolean[];
}

/**
 * Times each call of `ask` on its own, after asking the warm-up questions untimed: the first calls pay for JIT
 * compilation and lazily built tables, which a bot that has been running a while no longer pays.
 */
export function timeEachQuestion(questions: readonly string[], warmup: readonly string[], ask: (question: string) => boolean): Timings {
  for (const question of warmup) ask(question);
  const timings: Timings = { ms: [], found: [] };
  for (const question of questions) {
    const started = performance.now();
    timings.found.push(ask(question));
    timings.ms.push(performance.now() - started);
  }
  return timings;
}

export interface ReloadLatencyOptions {
  /** The next question is due this many milliseconds after the previous one was answered. */
  intervalMs: number;
  /** Reloads are repeated until at least this many questions fell due while one ran. */
  minQuestions: number;
}

export interface ReloadLatency extends LatencySummary {
  reloads: number;
  /** Wall time of each reload, questions answered meanwhile included. */
  reloadMs: number[];
  /** How late the timers fired: the event-loop stalls alone, without the answers' own time. */
  stall: LatencySummary;
}

/**
 * Answer latency while the index is reloaded. A question falls due `intervalMs` after the previous answer, on a
 * timer, and is timed from when it fell due to when its answer was ready: if the reload holds the event loop for
 * 300 ms, the question due meanwhile waits, and that wait is what a user feels. Questions are chained rather than
 * on a fixed clock so that slow answers cannot pile up a queue that would measure throughput instead of stalls.
 * Only questions that fell due while a reload ran count; reloads are repeated until enough did.
 */
export async function latencyDuringReload(
  questions: readonly string[],
  ask: (question: string) => void,
  reload: () => Promise<void>,
  options: ReloadLatencyOptions,
): Promise<ReloadLatency> {
  const latencies: number[] = [];
  const stalls: number[] = [];
  const reloadMs: number[] = [];
  // An object, not a `let`: the asking loop reads it across awaits, after the last reload sets it.
  const reloadsEnded = { at: Number.POSITIVE_INFINITY };

  const askOnTimer = async (): Promise<void> => {
    for (let i = 0; ; i++) {
      const due = performance.now() + options.intervalMs;
      await sleepUntil(due);
      if (due > reloadsEnded.at) return;
      stalls.push(performance.now() - due);
      ask(questions[i % questions.length]!);
      latencies.push(performance.now() - due);
    }
  };

  const asking = askOnTimer();
  while (reloadMs.length === 0 || latencies.length < options.minQuestions) {
    const started = performance.now();
    await reload();
    reloadMs.push(performance.now() - started);
  }
  reloadsEnded.at = performance.now();
  await asking;
  return { ...summarize(latencies), reloads: reloadMs.length, reloadMs, stall: summarize(stalls) };
}

function sleepUntil(time: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, time - performance.now())));
}
