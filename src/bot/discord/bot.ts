import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Settings } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { LiveIndex } from '../../search/liveIndex.ts';
import { createNewsdesk } from '../newsdesk.ts';
import { responderFor, toRequest } from './adapter.ts';

/**
 * A discord.js client for Newsdesk: only the Guilds intent (slash commands need no privileged intent), mentions
 * off by default, and Discord's API at DISCORD_API_BASE (Discord itself unless configured otherwise, e.g. a local fake).
 */
export function createDiscordClient(settings: Pick<Settings, 'DISCORD_API_BASE'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: settings.DISCORD_API_BASE },
    allowedMentions: { parse: [] },
  });
}

export interface RunningBot {
  client: Client;
  /** Logs out and closes the gateway connection; after it the process has nothing left to wait for. */
  stop(): Promise<void>;
}

/** Connects to Discord and serves interactions with the handlers, answering from `live`. */
export async function startBot(options: { settings: Settings; log: Logger; live: LiveIndex }): Promise<RunningBot> {
  const { settings, log, live } = options;
  if (!settings.DISCORD_TOKEN) throw new Error('startBot needs DISCORD_TOKEN');
  const desk = createNewsdesk({
    live,
    log,
    moderatorRoleIds: settings.MODERATOR_ROLE_IDS,
    askRateLimit: { limit: settings.ASK_RATE_LIMIT, windowSeconds: settings.ASK_RATE_WINDOW_SECONDS },
  });
  const client = createDiscordClient(settings);
  // Handlers are in place before login: an interaction can arrive as soon as the gateway is ready.
  client.on(Events.InteractionCreate, (interaction) => {
    const handled = toRequest(interaction);
    if (handled) void desk.handle(handled.request, responderFor(handled.interaction));
  });
  client.once(Events.ClientReady, (ready) => log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord'));
  client.on(Events.Error, (err) => log.error({ err }, 'discord.js error'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'rate limited by Discord'));
  try {
    await client.login(settings.DISCORD_TOKEN);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return { client, stop: () => client.destroy() };
}
