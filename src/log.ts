import pino from 'pino';

/**
 * Structured logs go to stderr so that stdout stays the program's output (the CLI's JSON lines, the local
 * client's replies). The token is redacted wherever a logged object might carry it.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): pino.Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}

export type Logger = pino.Logger;
