import dotenv from 'dotenv';
import { REST, Routes } from 'discord.js';
import { fail, UsageError } from '../cli/open.ts';
import { readSettings } from '../config.ts';
import { usage } from '../render/help.ts';
import { Permission } from './api.ts';
import { commandDefinitions } from './commands/index.ts';

/**
 * `npm run deploy-commands`: registers the slash commands (their definitions, as data) with Discord — in the
 * server DISCORD_GUILD_ID when set (instant, for development), otherwise globally — and prints what it registered.
 * Starting the bot never registers anything; run this once, and again whenever a definition changes.
 */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const settings = readSettings();
  const token = settings.DISCORD_TOKEN;
  const applicationId = settings.DISCORD_CLIENT_ID;
  if (!token || !applicationId) {
    throw new UsageError(
      `deploy-commands needs ${[!token && 'DISCORD_TOKEN', !applicationId && 'DISCORD_CLIENT_ID'].filter(Boolean).join(' and ')}: set it in .env or the environment (see .env.example).`,
    );
  }
  const guildId = settings.DISCORD_GUILD_ID;
  const rest = new REST({ api: settings.DISCORD_API_BASE }).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  let registered: Array<{ name: string; id?: string }>;
  try {
    registered = (await rest.put(route, { body: commandDefinitions })) as Array<{ name: string; id?: string }>;
  } catch (error) {
    throw new UsageError(`Discord refused the commands: ${error instanceof Error ? error.message : String(error)}`);
  }
  const where = guildId ? `in server ${guildId} (available at once)` : 'globally (every server the bot is in; may take a few minutes to appear)';
  const lines = commandDefinitions.map((definition) => {
    const id = registered.find((r) => r.name === definition.name)?.id;
    const notes = [definition.default_member_permissions !== undefined &&
        (definition.default_member_permissions === String(Permission.ManageGuild) ? 'Manage Server by default' : `permissions ${definition.default_member_permissions} by default`), definition.dm_permission === false && 'not in DMs'].filter(Boolean);
    return `  ${usage(definition).replace(/`/g, '')}${notes.length ? ` (${notes.join('; ')})` : ''}${id ? `  id ${id}` : ''}`;
  });
  process.stdout.write(`Registered ${registered.length} commands ${where}:\n${lines.join('\n')}\n`);
}

main().catch(fail);
