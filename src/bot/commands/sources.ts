import { ContextType, IntegrationType, OptionType } from '../api.ts';
import { defineCommand } from './define.ts';

export const sourcesCommand = defineCommand({
  name: 'sources',
  description: 'List the articles the bot answers from: title, date, outlet, number of passages.',
  options: [{ type: OptionType.Integer, name: 'page', description: 'Which page of the list (default 1)', min_value: 1 }],
  contexts: [ContextType.Guild, ContextType.BotDM],
  integration_types: [IntegrationType.GuildInstall],
});
