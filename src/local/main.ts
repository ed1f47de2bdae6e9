import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { fail, UsageError } from '../cli/open.ts';
import { readSettings } from '../config.ts';
import { createLogger } from '../log.ts';
import { runLocalClient } from './client.ts';

const USAGE = 'Usage: npm run local -- [--corpus DIR] [--as member|moderator] [--json]';

/** `npm run local`: try the bot without Discord. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        corpus: { type: 'string' },
        as: { type: 'string', default: 'member' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\nReads commands as typed in Discord (/ask question: …, press More), one per line.\n`);
    return;
  }
  const role = args.values.as;
  if (role !== 'member' && role !== 'moderator') throw new UsageError(`--as must be member or moderator\n${USAGE}`);
  dotenv.config({ quiet: true });
  const settings = readSettings();
  // The terminal is the conversation: only warnings unless LOG_LEVEL asks for more.
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  await runLocalClient({ settings, log, role, json: args.values.json, ...(args.values.corpus ? { corpusDir: args.values.corpus } : {}) });
}

main().catch(fail);
