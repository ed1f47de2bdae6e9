import 'dotenv/config';
import { indexPathFor, readSettings, ConfigError, type Settings } from '../config.ts';
import { CorpusError } from '../corpus/load.ts';
import { createLogger, type Logger } from '../log.ts';
import { openIndex, type BuiltIndex } from '../search/store.ts';

/** Settings, logger and index for a command-line tool; a bad setting or corpus ends it with one clear line. */
export async function openForCli(corpusOption: string | undefined, logLevel = 'warn'): Promise<{ settings: Settings; log: Logger } & BuiltIndex> {
  let settings: Settings;
  try {
    settings = readSettings();
  } catch (error) {
    fail(error);
  }
  const log = createLogger(process.env.LOG_LEVEL ?? logLevel);
  const corpusDir = corpusOption ?? settings.CORPUS_DIR;
  try {
    const built = await openIndex(corpusDir, indexPathFor(corpusDir, corpusOption ? undefined : settings.INDEX_PATH), log);
    return { settings, log, ...built };
  } catch (error) {
    fail(error);
  }
}

/** Ends a command-line tool: known errors as one line, anything else with its stack. Exit code 1. */
export function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof CorpusError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Reads stdin line by line, skipping blank lines, as an async iterator. */
export async function* stdinLines(): AsyncGenerator<string> {
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield line.trim();
}
