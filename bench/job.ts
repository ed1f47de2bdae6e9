import type { ReloadLatency, Timings } from './latency.ts';

/**
 * What the parent asks a measuring child process to do, passed as a JSON file: memory and load time are only
 * honest in a process that never held the index being built.
 */
export type ChildJob = NewsdeskJob | StockJob;

interface CommonJob {
  /** The saved index to load. */
  indexFile: string;
  warmup: string[];
  questions: string[];
}

export interface NewsdeskJob extends CommonJob {
  engine: 'newsdesk';
  /** How to rebuild the same archive for the reload measurement, and what to ask meanwhile. */
  reload: { corpusDir: string; copies: number; intervalMs: number; minQuestions: number; questions: string[] };
}

export interface StockJob extends CommonJob {
  engine: 'stock';
}

export interface LoadMeasure {
  /** Until the index answers questions. */
  loadMs: number;
  /** Until all of it is in memory: later than `loadMs` for an index whose parts are read on first use. */
  completeMs: number;
  /** Resident memory after the load and a full garbage collection. */
  rssMB: number;
  /** Resident memory of the same child before it loaded anything: the runtime's own share of `rssMB`. */
  baseRssMB: number;
  /** Whether a full garbage collection ran before memory was read (needs `--expose-gc`). */
  collected: boolean;
}

export interface NewsdeskResult extends LoadMeasure {
  engine: 'newsdesk';
  /** Per question, in order; `found` is whether it was answered rather than told the coverage does not say. */
  timings: Timings;
  reload: ReloadLatency;
}

export interface StockResult extends LoadMeasure {
  engine: 'stock';
  /** Per question, in order; `found` is whether the search returned any paragraph. */
  timings: Timings;
}

export type ChildResult = NewsdeskResult | StockResult;
