import { parseArgs } from 'node:util';

export const USAGE = 'usage: npm run bench -- --corpus DIR [--copies N] [--questions Q] [--json]';
export const HELP = `Usage: npm run bench -- --corpus DIR [--copies N] [--questions Q] [--json]

Builds Newsdesk's index over DIR repeated N times (default 1) and stock MiniSearch's beside it, then loads each
in a fresh process and reports build time, saved size, load time, resident memory and answer latency (p50, p95,
p99 over Q questions drawn from the corpus, default and minimum 500; p99 during a reload).

  --corpus DIR     folder of .txt/.md articles
  --copies N       repeat the corpus N times, with distinct document ids, to stand for a larger archive
  --questions Q    how many questions Newsdesk answers, timed (stock answers the first 100)
  --json           print one JSON object instead of the table
`;
/** The issue asks for at least this many timed questions: fewer would make p99 the answer to a handful of them. */
export const MIN_QUESTIONS = 500;

export interface BenchOptions {
  corpus: string;
  /** How many times the corpus is repeated to stand for a larger archive. */
  copies: number;
  /** How many questions Newsdesk answers, timed. */
  questions: number;
  json: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The benchmark's command line; anything wrong with it is a UsageError with a one-line message. */
export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        copies: { type: 'string' },
        questions: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(firstLine((error as Error).message));
  }
  if (values.help) return 'help';
  if (!values.corpus) throw new UsageError('--corpus DIR is required');
  return {
    corpus: values.corpus,
    copies: positiveInteger('--copies', values.copies ?? '1', 1),
    questions: positiveInteger('--questions', values.questions ?? String(MIN_QUESTIONS), MIN_QUESTIONS),
    json: values.json ?? false,
  };
}

function positiveInteger(flag: string, text: string, min: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, not "${text}"`);
  return value;
}

// parseArgs adds advice on a second line ("To specify a positional argument…") that does not apply here.
const firstLine = (message: string): string => message.split('\n')[0]!;
