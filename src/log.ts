import pino from 'pino';

/** Interaction and webhook tokens travel in Discord URLs (`/interactions/<id>/<token>/callback`). */
const TOKEN_IN_PATH = /\/(interactions|webhooks)\/(\d+)\/[\w.-]{20,}/g;

/** Copies a logged value with every token in a Discord URL replaced, however deep it sits (errors carry `url`). */
function scrubTokens(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_IN_PATH, '/$1/$2/[redacted]');
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubTokens(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubTokens(item, depth + 1)]));
}

/**
 * Structured logs go to stderr so that stdout stays the program's output (the CLI's JSON lines, the local
 * client's replies). The bot token is redacted wherever a logged object might carry it, and interaction tokens
 * are scrubbed from the URLs that discord.js errors carry.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination: pino.DestinationStream = pino.destination(2)): pino.Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization', 'err.requestBody', '*.requestBody'],
        censor: '[redacted]',
      },
      serializers: { err: (error: Error) => scrubTokens(pino.stdSerializers.err(error)) },
    },
    destination,
  );
}

export type Logger = pino.Logger;
