import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Newsdesk reads from the environment (or `.env`), validated once at start.
 * `.env.example` documents each one with its default; keep the two in step.
 */
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const positiveInt = (fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n > 0, 'must be greater than 0')
    .optional()
    .transform((n) => n ?? fallback);

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

const settingsSchema = z.object({
  DISCORD_TOKEN: optionalText.refine(
    (token) => token === undefined || /^[\w.-]{20,}$/.test(token),
    // The message must never echo the token itself.
    'does not look like a bot token',
  ),
  DISCORD_CLIENT_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_GUILD_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_API_BASE: optionalText.pipe(z.url().optional()).transform((u) => u ?? 'https://discord.com/api'),
  CORPUS_DIR: optionalText.transform((dir) => dir ?? 'seeds'),
  INDEX_PATH: optionalText,
  MODERATOR_ROLE_IDS: optionalText.transform((ids, ctx) => {
    if (ids === undefined) return [];
    const list = ids.split(',').map((id) => id.trim()).filter(Boolean);
    for (const id of list) {
      if (!snowflake.safeParse(id).success) {
        ctx.addIssue({ code: 'custom', message: `"${id}" is not a Discord role id (17–20 digits)` });
      }
    }
    return list;
  }),
  ASK_RATE_LIMIT: positiveInt(5),
  ASK_RATE_WINDOW_SECONDS: positiveInt(30),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional()
    .transform((level) => level ?? 'info'),
});

export type Settings = z.output<typeof settingsSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment; throws ConfigError with one line naming the first bad setting. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue?.path[0] === undefined ? 'configuration' : String(issue.path[0]);
  throw new ConfigError(`Invalid setting ${name}: ${issue?.message ?? 'invalid value'}`);
}

/**
 * Where the saved index of a corpus lives. Without INDEX_PATH each corpus folder gets its own file,
 * so asking about another corpus never overwrites the bot's index.
 */
export function indexPathFor(corpusDir: string, configured: string | undefined): string {
  if (configured) return path.resolve(configured);
  const absolute = path.resolve(corpusDir);
  const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 10);
  return path.resolve('.newsdesk', `${path.basename(absolute)}-${tag}.index.json`);
}
