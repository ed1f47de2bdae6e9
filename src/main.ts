import dotenv from 'dotenv';
import { fail } from './cli/open.ts';
import { indexPathFor, readSettings } from './config.ts';
import { runLocalClient } from './local/client.ts';
import { createLogger } from './log.ts';
import { LiveIndex } from './search/liveIndex.ts';
import { openIndex } from './search/store.ts';

/**
 * `npm start`. With DISCORD_TOKEN: load the saved index (rebuilt when stale), log in and serve until SIGINT or
 * SIGTERM. Without it: the local client on the same corpus, so a fresh checkout always does something useful.
 * A bad setting stops it with one line naming the setting, exit code 1.
 */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const settings = readSettings();
  if (!settings.DISCORD_TOKEN) {
    process.stderr.write(
      'No DISCORD_TOKEN set, so this is the local client on the same corpus. To connect to Discord, set DISCORD_TOKEN and DISCORD_CLIENT_ID (see .env.example), run `npm run deploy-commands` once, then `npm start`.\n',
    );
    await runLocalClient({ settings, log: createLogger(process.env.LOG_LEVEL ?? 'warn'), role: 'member', json: false });
    return;
  }
  const log = createLogger(settings.LOG_LEVEL);
  const indexFile = indexPathFor(settings.CORPUS_DIR, settings.INDEX_PATH);
  const { index } = await openIndex(settings.CORPUS_DIR, indexFile, log);
  const live = new LiveIndex(index, { dir: settings.CORPUS_DIR, indexFile, log });
  // discord.js is loaded only when the bot connects: the local client does without it.
  const { startBot } = await import('./bot/discord/bot.ts');
  const bot = await startBot({ settings, log, live });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    bot.stop().then(
      () => log.info('disconnected from Discord'),
      (err: unknown) => {
        log.error({ err }, 'error while disconnecting');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(fail);
