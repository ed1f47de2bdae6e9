import type { Logger } from '../../log.ts';
import { notice } from '../../render/message.ts';
import type { LiveIndex } from '../../search/liveIndex.ts';
import type { Choice } from '../api.ts';
import { readArguments, type ArgumentsOf, type CommandDefinition } from '../commands/define.ts';
import type { ExpiringStore } from '../expiringStore.ts';
import type { AutocompleteRequest, BotResponse, ButtonRequest, CommandRequest } from '../interaction.ts';
import type { SlidingWindowLimiter } from '../rateLimit.ts';
import type { KeptAnswers } from './ask.ts';

/** What every handler may use: the live index, the bot's small stores and settings, and its interaction's log line. */
export interface DeskContext {
  live: LiveIndex;
  /** The answers behind "More" and "Post to channel" buttons. */
  answers: ExpiringStore<KeptAnswers>;
  askLimiter: SlidingWindowLimiter;
  moderatorRoleIds: ReadonlySet<string>;
  /** Least time between two progress edits of a deferred reply, in ms. */
  progressEveryMs: number;
  now: () => number;
  log: Logger;
  /** Adds fields to this interaction's one log line (`answered`, `refused`…). */
  note: (fields: Record<string, unknown>) => void;
}

/** A slash command's handler, non-generic so the dispatcher can hold them all in one table. */
export interface Command {
  definition: CommandDefinition;
  run(request: CommandRequest, ctx: DeskContext): BotResponse | Promise<BotResponse>;
  complete?(request: AutocompleteRequest, ctx: DeskContext): Choice[];
}

/** The buttons whose custom_id starts with `prefix:`; `parts` are the rest of the custom_id, split on `:`. */
export interface ButtonHandler {
  prefix: string;
  press(parts: string[], request: ButtonRequest, ctx: DeskContext): BotResponse;
}

/**
 * A command handler typed by its definition: `run` receives arguments already checked against the definition
 * (required, types, lengths, ranges); a request that fails the check is refused privately with the reason.
 */
export function commandHandler<const C extends CommandDefinition>(handler: {
  definition: C;
  run(args: ArgumentsOf<C>, request: CommandRequest, ctx: DeskContext): BotResponse | Promise<BotResponse>;
  complete?(request: AutocompleteRequest, ctx: DeskContext): Choice[];
}): Command {
  const command: Command = {
    definition: handler.definition,
    run: (request, ctx) => {
      const read = readArguments(handler.definition, request.options);
      if (!read.ok) return refuse(ctx, 'invalid-options', read.problem);
      return handler.run(read.args, request, ctx);
    },
  };
  if (handler.complete) command.complete = handler.complete;
  return command;
}

/** A private reply explaining why the bot will not do what was asked; the reason goes to the log line. */
export function refuse(ctx: DeskContext, reason: string, markdown: string): BotResponse {
  ctx.note({ refused: reason });
  return { kind: 'reply', message: notice(markdown) };
}
