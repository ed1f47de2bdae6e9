import { askCommand } from './ask.ts';
import type { CommandDefinition } from './define.ts';
import { helpCommand } from './help.ts';
import { reloadCommand } from './reload.ts';
import { sourceCommand } from './source.ts';
import { sourcesCommand } from './sources.ts';

/** Every slash command, in the order /help lists them and deploy-commands registers them. */
export const commandDefinitions: readonly CommandDefinition[] = [askCommand, sourcesCommand, sourceCommand, reloadCommand, helpCommand];

export { askCommand, helpCommand, reloadCommand, sourceCommand, sourcesCommand };
