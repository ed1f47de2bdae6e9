import type { Choice, MessageBody } from './api.ts';
import type { OptionValue } from './commands/define.ts';

/**
 * What the handlers see of an interaction and what they answer, with nothing of discord.js in it: the Discord
 * adapter (src/bot/discord/) and the local client (src/local/) both build these requests and carry out these
 * responses, so the two run the very same handlers.
 */

/** Who acted, and where. */
export interface Invoker {
  userId: string;
  /** The server the interaction came from; null in a DM with the bot. */
  guildId: string | null;
  /** The member's permissions in the channel, as Discord computed them; null in a DM. */
  permissions: bigint | null;
  /** The member's role ids; empty in a DM. */
  roleIds: readonly string[];
  /** The user's client language, e.g. `en-GB`. */
  locale?: string;
}

/** A slash command: its name and option values as Discord sent them (validated later against the definition). */
export interface CommandRequest {
  kind: 'command';
  command: string;
  options: Readonly<Record<string, OptionValue>>;
  invoker: Invoker;
}

/** Someone is typing an option with autocomplete: `focused` names it, `options` holds what was typed so far. */
export interface AutocompleteRequest {
  kind: 'autocomplete';
  command: string;
  focused: string;
  options: Readonly<Record<string, OptionValue>>;
  invoker: Invoker;
}

/** A button pressed on one of the bot's messages. */
export interface ButtonRequest {
  kind: 'button';
  customId: string;
  /** Whether the message holding the button is ephemeral (seen only by the person it answered). */
  ephemeral: boolean;
  invoker: Invoker;
}

export type BotRequest = CommandRequest | AutocompleteRequest | ButtonRequest;

/** Reports progress of deferred work: each call may edit the deferred reply (the handler decides how often). */
export type Progress = (message: MessageBody) => void;

/**
 * How to answer, as data:
 * - `reply`: a new message answering the interaction (interaction callback type 4);
 * - `update`: replace the message whose button was pressed (type 7);
 * - `defer`: acknowledge at once (type 5, "is thinking…"), then edit the reply with progress and with the message
 *   `work` resolves to. Used whenever the work could approach Discord's 3-second limit;
 * - `choices`: autocomplete suggestions (type 8).
 */
export type BotResponse =
  | { kind: 'reply'; message: MessageBody }
  | { kind: 'update'; message: MessageBody }
  | { kind: 'defer'; ephemeral: boolean; work: (progress: Progress) => Promise<MessageBody> }
  | { kind: 'choices'; choices: Choice[] };

/**
 * What an adapter does for the dispatcher: one method per Discord API call. Each returns when Discord accepted
 * the call; a rejection is logged by the dispatcher, never thrown at the handlers.
 */
export interface Responder {
  reply(message: MessageBody): Promise<void>;
  defer(options: { ephemeral: boolean }): Promise<void>;
  /** Edits the original (deferred or replied) response. */
  editReply(message: MessageBody): Promise<void>;
  update(message: MessageBody): Promise<void>;
  followUp(message: MessageBody): Promise<void>;
  deleteReply(): Promise<void>;
  choices(choices: Choice[]): Promise<void>;
}
