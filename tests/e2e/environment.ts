/** Every setting src/config.ts reads (see .env.example); keep the two in step. */
const SETTING_NAMES = [
  'DISCORD_TOKEN',
  'DISCORD_CLIENT_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_BASE',
  'CORPUS_DIR',
  'INDEX_PATH',
  'MODERATOR_ROLE_IDS',
  'ASK_RATE_LIMIT',
  'ASK_RATE_WINDOW_SECONDS',
  'LOG_LEVEL',
];

/**
 * The environment for a Newsdesk child process: this one's, without any Newsdesk setting it inherited (so a
 * developer's shell cannot steer a test), plus exactly `settings`.
 */
export function environmentWith(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SETTING_NAMES) delete env[name];
  return Object.assign(env, settings);
}
