import { ContextType, IntegrationType, OptionType } from '../api.ts';
import { defineCommand } from './define.ts';

export const sourceCommand = defineCommand({
  name: 'source',
  description: "Show one article's details and a paragraph of it, to read a citation in context.",
  options: [
    { type: OptionType.String, name: 'id', description: 'The article (its id, as cited)', required: true, autocomplete: true },
    { type: OptionType.Integer, name: 'paragraph', description: 'The paragraph number (¶) to show (default: the lead)', min_value: 1 },
  ],
  contexts: [ContextType.Guild, ContextType.BotDM],
  integration_types: [IntegrationType.GuildInstall],
});
