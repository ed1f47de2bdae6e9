import { isBusy, type Environment } from './environment.ts';
import type { NewsdeskResult, StockResult } from './job.ts';
import type { Timings } from './latency.ts';
import type { QuestionKind } from './questions.ts';
import { summarize, type LatencySummary } from './stats.ts';

/** What the parent measured itself, in the process that built the indexes. */
export interface BuildMeasure {
  buildMs: number;
  indexBytes: number;
}

export interface ReportInput {
  corpus: string;
  copies: number;
  documents: number;
  passages: number;
  paragraphs: number;
  words: number;
  /** The kind of each timed question, in order. */
  kinds: QuestionKind[];
  newsdesk: BuildMeasure & NewsdeskResult;
  stock: BuildMeasure & StockResult;
  reloadIntervalMs: number;
  environment: Environment;
}

/** Latency and answers for one kind of question: where the time goes when p99 is off. */
interface KindFigures extends LatencySummary {
  found: number;
}

function byKind(kinds: readonly QuestionKind[], timings: Timings): Partial<Record<QuestionKind, KindFigures>> {
  const figures: Partial<Record<QuestionKind, KindFigures>> = {};
  for (const kind of new Set(kinds)) {
    const at = kinds.flatMap((k, i) => (k === kind && i < timings.ms.length ? [i] : []));
    figures[kind] = { ...summarize(at.map((i) => timings.ms[i]!)), found: at.filter((i) => timings.found[i]).length };
  }
  return figures;
}

const foundCount = (timings: Timings): number => timings.found.filter(Boolean).length;

/** The figures as `--json` prints them: the fields first, then what helps reading them. */
export function reportJson(input: ReportInput) {
  const { newsdesk, stock } = input;
  const latency = summarize(newsdesk.timings.ms);
  const stockLatency = summarize(stock.timings.ms);
  const figures = {
    passages: input.passages,
    words: input.words,
    buildMs: round(newsdesk.buildMs, 0),
    indexBytes: newsdesk.indexBytes,
    loadMs: round(newsdesk.loadMs, 0),
    rssMB: round(newsdesk.rssMB, 1),
    p50Ms: round(latency.p50Ms, 3),
    p95Ms: round(latency.p95Ms, 3),
    p99Ms: round(latency.p99Ms, 3),
    reloadP99Ms: round(newsdesk.reload.p99Ms, 3),
    stock: {
      buildMs: round(stock.buildMs, 0),
      loadMs: round(stock.loadMs, 0),
      p50Ms: round(stockLatency.p50Ms, 3),
      p99Ms: round(stockLatency.p99Ms, 3),
      rssMB: round(stock.rssMB, 1),
      p95Ms: round(stockLatency.p95Ms, 3),
      indexBytes: stock.indexBytes,
      documents: input.paragraphs,
      questions: stockLatency.count,
      withHits: foundCount(stock.timings),
      baseRssMB: round(stock.baseRssMB, 1),
    },
  };
  return {
    ...figures,
    corpus: input.corpus,
    copies: input.copies,
    documents: input.documents,
    questions: latency.count,
    answered: foundCount(newsdesk.timings),
    maxMs: round(latency.maxMs, 3),
    byKind: roundAll(byKind(input.kinds, newsdesk.timings)),
    baseRssMB: round(newsdesk.baseRssMB, 1),
    loadCompleteMs: round(newsdesk.completeMs, 0),
    reload: {
      reloads: newsdesk.reload.reloads,
      reloadMs: newsdesk.reload.reloadMs.map((ms) => round(ms, 0)),
      questions: newsdesk.reload.count,
      intervalMs: input.reloadIntervalMs,
      p50Ms: round(newsdesk.reload.p50Ms, 3),
      p95Ms: round(newsdesk.reload.p95Ms, 3),
      maxMs: round(newsdesk.reload.maxMs, 3),
      stallP99Ms: round(newsdesk.reload.stall.p99Ms, 3),
      stallMaxMs: round(newsdesk.reload.stall.maxMs, 3),
    },
    ratios: {
      buildMs: ratio(figures.buildMs, figures.stock.buildMs),
      indexBytes: ratio(figures.indexBytes, figures.stock.indexBytes),
      loadMs: ratio(figures.loadMs, figures.stock.loadMs),
      rssMB: ratio(figures.rssMB, figures.stock.rssMB),
      p50Ms: ratio(figures.p50Ms, figures.stock.p50Ms),
      p95Ms: ratio(figures.p95Ms, figures.stock.p95Ms),
      p99Ms: ratio(figures.p99Ms, figures.stock.p99Ms),
    },
    collectedBeforeMemory: newsdesk.collected && stock.collected,
    environment: input.environment,
  };
}

interface Row {
  label: string;
  newsdesk: string;
  stock: string;
  ratio: string;
}

/** The readable report: a Newsdesk | stock | ratio table and notes on how the figures were taken. */
export function reportTable(input: ReportInput): string {
  const { newsdesk, stock } = input;
  const latency = summarize(newsdesk.timings.ms);
  const stockLatency = summarize(stock.timings.ms);
  const reload = newsdesk.reload;
  const rows: Row[] = [
    row('index build', newsdesk.buildMs, stock.buildMs, duration),
    row('saved index', newsdesk.indexBytes / 1e6, stock.indexBytes / 1e6, megabytes),
    row('index load', newsdesk.loadMs, stock.loadMs, duration),
    row('… all in memory', newsdesk.completeMs, stock.completeMs, duration),
    row('resident memory', newsdesk.rssMB, stock.rssMB, megabytes),
    row('answer p50', latency.p50Ms, stockLatency.p50Ms, duration),
    row('answer p95', latency.p95Ms, stockLatency.p95Ms, duration),
    row('answer p99', latency.p99Ms, stockLatency.p99Ms, duration),
    { label: 'answer p99 in reload', newsdesk: duration(reload.p99Ms), stock: '—', ratio: '' },
  ];
  return [
    `Newsdesk benchmark: ${input.corpus} × ${input.copies}`,
    `${count(input.documents)} documents · ${count(input.passages)} passages · ${count(input.words)} words`,
    environmentLine(input.environment),
    '',
    formatTable(rows),
    '',
    `Newsdesk answered ${foundCount(newsdesk.timings)} of ${latency.count} questions; slowest ${duration(latency.maxMs)}. By kind:`,
    kindTable(byKind(input.kinds, newsdesk.timings)),
    '',
    `Stock MiniSearch: one document per paragraph (${count(input.paragraphs)}), the first ${stockLatency.count} of the same questions;` +
      ` ${foundCount(stock.timings)} found paragraphs.`,
    `During reload: ${reload.reloads} rebuild(s) of the whole archive (${reload.reloadMs.map((ms) => duration(ms)).join(', ')});` +
      ` ${count(reload.count)} questions, each due ${input.reloadIntervalMs} ms after the last answer and timed from then:` +
      ` p50 ${duration(reload.p50Ms)}, max ${duration(reload.maxMs)}; event-loop stalls p99 ${duration(reload.stall.p99Ms)},` +
      ` max ${duration(reload.stall.maxMs)}.`,
    `Load is until the index answers; Newsdesk reads the slices of its search tree when first needed, and a` +
      ` background pass reads the rest ("all in memory"), before memory and answers are measured.`,
    `Load and memory measured in fresh processes${newsdesk.collected ? ' after a full GC' : ''};` +
      ` a bare process is ${megabytes(newsdesk.baseRssMB)} of that. Ratios are Newsdesk / stock: below 1 is better.`,
  ].join('\n');
}

function environmentLine(environment: Environment): string {
  const line = `Node ${environment.node}, ${environment.cpus} cores, engine src ${environment.engineHash}, load average ${environment.loadAverage} at start`;
  return isBusy(environment) ? `${line} (machine not idle: figures may be noisy)` : line;
}

function row(label: string, newsdesk: number, stock: number, format: (value: number) => string): Row {
  const value = newsdesk / stock;
  return { label, newsdesk: format(newsdesk), stock: format(stock), ratio: `${value >= 10 ? value.toFixed(0) : value.toPrecision(2)}×` };
}

function formatTable(rows: Row[]): string {
  const all = [{ label: '', newsdesk: 'Newsdesk', stock: 'stock', ratio: 'ratio' }, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const [label, newsdesk, stock, ratio] = [width('label'), width('newsdesk'), width('stock'), width('ratio')];
  return all
    .map((r) => `${r.label.padEnd(label)}  ${r.newsdesk.padStart(newsdesk)}  ${r.stock.padStart(stock)}  ${r.ratio.padStart(ratio)}`.trimEnd())
    .join('\n');
}

function kindTable(kinds: Partial<Record<QuestionKind, KindFigures>>): string {
  return Object.entries(kinds)
    .map(
      ([kind, f]) =>
        `  ${kind.padEnd(9)} ${String(f.count).padStart(4)} asked, ${String(f.found).padStart(4)} answered;` +
        ` p50 ${duration(f.p50Ms).padStart(8)}, p99 ${duration(f.p99Ms).padStart(8)}, max ${duration(f.maxMs).padStart(8)}`,
    )
    .join('\n');
}

/** Milliseconds as people read them: "0.42 ms", "37.1 ms", "1.93 s". */
export function duration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function roundAll(kinds: Partial<Record<QuestionKind, KindFigures>>): Partial<Record<QuestionKind, KindFigures>> {
  return Object.fromEntries(
    Object.entries(kinds).map(([kind, f]) => [kind, { ...f, p50Ms: round(f.p50Ms, 3), p95Ms: round(f.p95Ms, 3), p99Ms: round(f.p99Ms, 3), maxMs: round(f.maxMs, 3) }]),
  );
}

const megabytes = (mb: number): string => `${mb.toFixed(mb >= 100 ? 0 : 1)} MB`;
const count = (n: number): string => n.toLocaleString('en-US');
const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const ratio = (a: number, b: number): number => Number((a / b).toPrecision(3));
