import { createInterface } from 'node:readline';
import { createNewsdesk } from '../bot/newsdesk.ts';
import { progressReporter } from '../cli/progress.ts';
import { indexPathFor, type Settings } from '../config.ts';
import type { Logger } from '../log.ts';
import { LiveIndex } from '../search/liveIndex.ts';
import { openIndex } from '../search/store.ts';
import { ANSI, PLAIN } from './print.ts';
import { LocalSession, type Role } from './session.ts';

export interface LocalClientOptions {
  settings: Settings;
  log: Logger;
  /** A corpus folder other than CORPUS_DIR; it then gets its own saved index (INDEX_PATH is for CORPUS_DIR). */
  corpusDir?: string;
  role: Role;
  json: boolean;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * The local mock client: the bot's own handlers over the same corpus, driven by lines typed as in Discord. On a
 * terminal it prompts; piped, it reads line by line. It returns at end of input (or `quit`).
 */
export async function runLocalClient(options: LocalClientOptions): Promise<void> {
  const { settings, log } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const corpusDir = options.corpusDir ?? settings.CORPUS_DIR;
  const indexFile = indexPathFor(corpusDir, options.corpusDir ? undefined : settings.INDEX_PATH);
  const progress = progressReporter();
  const { index } = await openIndex(corpusDir, indexFile, log, { onProgress: progress.update });
  progress.stop();

  const live = new LiveIndex(index, { dir: corpusDir, indexFile, log });
  const desk = createNewsdesk({
    live,
    log,
    moderatorRoleIds: settings.MODERATOR_ROLE_IDS,
    askRateLimit: { limit: settings.ASK_RATE_LIMIT, windowSeconds: settings.ASK_RATE_WINDOW_SECONDS },
  });
  const interactive = Boolean(input.isTTY) && !options.json;
  const session = new LocalSession({
    desk,
    role: options.role,
    json: options.json,
    style: output.isTTY && !options.json ? ANSI : PLAIN,
    write: (text) => output.write(text),
    warn: (text) => process.stderr.write(`${text}\n`),
  });

  if (interactive) {
    output.write(
      `Newsdesk local client, as a ${options.role}: ${index.documents.length} articles, ${index.passageCount} passages from ${corpusDir}.\n` +
        'Type commands as in Discord — /ask question: how many rations are left · /sources · /source id: … · /help —\n' +
        'press a button of the last reply with "press More" or "press 1", and quit with "quit" or Ctrl-D.\n',
    );
  }
  const lines = createInterface({ input, ...(interactive ? { output, prompt: 'newsdesk> ' } : {}), terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    // Ctrl-C on the prompt ends the session like Ctrl-D (readline would otherwise only pause).
    lines.on('SIGINT', () => lines.close());
    lines.prompt();
  }
  for await (const line of lines) {
    if (!(await session.line(line))) break;
    if (interactive) lines.prompt();
  }
  lines.close();
}
