import { ContextType, IntegrationType } from '../api.ts';
import { defineCommand } from './define.ts';

export const helpCommand = defineCommand({
  name: 'help',
  description: 'What Newsdesk does, its commands, and what the corpus holds.',
  contexts: [ContextType.Guild, ContextType.BotDM],
  integration_types: [IntegrationType.GuildInstall],
});
