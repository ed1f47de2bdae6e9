import { ContextType, IntegrationType, OptionType } from '../api.ts';
import { defineCommand } from './define.ts';

export const MAX_QUESTION_CHARS = 300;
export const MAX_TOP = 5;

export const askCommand = defineCommand({
  name: 'ask',
  description: 'Ask about the news coverage: answers are quoted word for word from the articles, with citations.',
  options: [
    { type: OptionType.String, name: 'question', description: 'What you want to know', required: true, min_length: 1, max_length: MAX_QUESTION_CHARS },
    { type: OptionType.Integer, name: 'top', description: `How many answers to show at once (1–${MAX_TOP}, default 3)`, min_value: 1, max_value: MAX_TOP },
    { type: OptionType.String, name: 'source', description: 'Only look in this article', autocomplete: true },
    { type: OptionType.Boolean, name: 'private', description: 'Only you see the answer (default: false)' },
  ],
  contexts: [ContextType.Guild, ContextType.BotDM],
  integration_types: [IntegrationType.GuildInstall],
});
