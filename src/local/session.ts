import { Permission, type Choice, type MessageBody } from '../bot/api.ts';
import { commandDefinitions } from '../bot/commands/index.ts';
import type { BotRequest, Invoker, Responder } from '../bot/interaction.ts';
import type { Newsdesk } from '../bot/newsdesk.ts';
import { isEphemeral } from '../render/message.ts';
import { buttonLabels, formatChoices, formatMessage, type Style } from './print.ts';
import { parseLine } from './parse.ts';

export type Role = 'member' | 'moderator';

/** Ids of the local stand-ins for a Discord user and server. */
export const LOCAL_USER_ID = '100000000000000001';
export const LOCAL_GUILD_ID = '100000000000000002';

/** View Channel, Send Messages, Read Message History, Use Application Commands: what a plain member has. */
const MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n);

export function localInvoker(role: Role): Invoker {
  return {
    userId: LOCAL_USER_ID,
    guildId: LOCAL_GUILD_ID,
    permissions: role === 'moderator' ? MEMBER_PERMISSIONS | Permission.ManageGuild : MEMBER_PERMISSIONS,
    roleIds: [],
    locale: 'en-US',
  };
}

export interface SessionOptions {
  desk: Newsdesk;
  role: Role;
  /** One JSON line per message sent or edited (the API body) instead of the readable view. */
  json: boolean;
  style: Style;
  write: (text: string) => void;
  /** Where notes for the person go (unknown commands, buttons that are not there); never mixed into JSON output. */
  warn: (text: string) => void;
}

/**
 * The local client's state between lines: who is typing, and the buttons of the last reply, so `press More` can
 * press them. Each line is handled to the end (deferred work included) before the next.
 */
export class LocalSession {
  private buttons: { customIds: Array<string | undefined>; labels: string[]; ephemeral: boolean } | undefined;
  private readonly invoker: Invoker;

  constructor(private readonly options: SessionOptions) {
    this.invoker = localInvoker(options.role);
  }

  /** Handles one typed line; false when the line asks to quit. */
  async line(text: string): Promise<boolean> {
    const input = parseLine(text, commandDefinitions);
    switch (input.kind) {
      case 'nothing':
        return true;
      case 'quit':
        return false;
      case 'error':
        this.options.warn(input.message);
        return true;
      case 'command':
        await this.send({ kind: 'command', command: input.command, options: input.options, invoker: this.invoker }, false);
        return true;
      case 'complete':
        await this.send({ kind: 'autocomplete', command: input.command, focused: input.focused, options: input.options, invoker: this.invoker }, false);
        return true;
      case 'press': {
        const shown = this.buttons;
        if (!shown || shown.labels.length === 0) {
          this.options.warn('The last reply has no buttons.');
          return true;
        }
        const number = /^\d+$/.test(input.button) ? Number(input.button) - 1 : shown.labels.findIndex((l) => l.toLowerCase() === input.button.toLowerCase());
        const customId = shown.customIds[number];
        if (number < 0 || number >= shown.labels.length) {
          this.options.warn(`The last buttons were: ${shown.labels.map((l, i) => `[${i + 1} ${l}]`).join(' ')}.`);
          return true;
        }
        if (customId === undefined) {
          this.options.warn(`[${shown.labels[number]}] is a link button: in Discord it opens the article in a browser.`);
          return true;
        }
        await this.send({ kind: 'button', customId, ephemeral: shown.ephemeral, invoker: this.invoker }, shown.ephemeral);
        return true;
      }
    }
  }

  private async send(request: BotRequest, onEphemeral: boolean): Promise<void> {
    await this.options.desk.handle(request, this.responder(onEphemeral));
  }

  /** Prints what the bot would send to Discord, in place of sending it. */
  private responder(buttonOnEphemeral: boolean): Responder {
    let originalEphemeral = false;
    const show = (body: MessageBody, heading: string, ephemeral: boolean) => {
      if (this.options.json) this.options.write(`${JSON.stringify(body)}\n`);
      else this.options.write(formatMessage(body, { heading, ephemeral }, this.options.style));
      // A message that sets its buttons (even to none) replaces the ones to press; a note without any leaves them.
      if (body.components !== undefined) {
        this.buttons = {
          customIds: (body.components ?? []).flatMap((row) => row.components.map((b) => ('custom_id' in b ? b.custom_id : undefined))),
          labels: buttonLabels(body),
          ephemeral,
        };
      }
    };
    return {
      reply: async (body) => {
        originalEphemeral = isEphemeral(body);
        show(body, 'Newsdesk', originalEphemeral);
      },
      defer: async ({ ephemeral }) => {
        originalEphemeral = ephemeral;
        if (!this.options.json) this.options.write(formatMessage({ allowed_mentions: { parse: [] }, content: 'Newsdesk is thinking…' }, { heading: 'Newsdesk', ephemeral }, this.options.style));
      },
      editReply: async (body) => show(body, 'Newsdesk (edited)', originalEphemeral),
      update: async (body) => show(body, 'Newsdesk (updated)', buttonOnEphemeral),
      followUp: async (body) => show(body, 'Newsdesk', isEphemeral(body)),
      deleteReply: async () => {
        if (!this.options.json) this.options.write(`${this.options.style.dim('── (reply deleted)')}\n`);
      },
      choices: async (choices: Choice[]) => {
        if (this.options.json) this.options.write(`${JSON.stringify({ choices })}\n`);
        else this.options.write(formatChoices(choices, this.options.style));
      },
    };
  }
}
