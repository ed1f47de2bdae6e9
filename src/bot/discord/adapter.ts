import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
} from 'discord.js';
import type { MessageBody } from '../api.ts';
import type { OptionValue } from '../commands/define.ts';
import type { BotRequest, Invoker, Responder } from '../interaction.ts';

/**
 * The thin layer between discord.js and the handlers: an interaction becomes a plain request, and the handlers'
 * answers become discord.js calls. Nothing here decides anything.
 */

type Handled = ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction;

/** The request for an interaction the bot handles, or undefined for any other kind. */
export function toRequest(interaction: Interaction): { request: BotRequest; interaction: Handled } | undefined {
  const invoker = invokerOf(interaction);
  if (interaction.isChatInputCommand()) {
    return { interaction, request: { kind: 'command', command: interaction.commandName, options: optionValues(interaction.options.data), invoker } };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return {
      interaction,
      request: { kind: 'autocomplete', command: interaction.commandName, focused: focused.name, options: optionValues(interaction.options.data), invoker },
    };
  }
  if (interaction.isButton()) {
    return { interaction, request: { kind: 'button', customId: interaction.customId, ephemeral: interaction.message.flags.has(MessageFlags.Ephemeral), invoker } };
  }
  return undefined;
}

function invokerOf(interaction: Interaction): Invoker {
  const member = interaction.member;
  let roleIds: readonly string[] = [];
  if (member) roleIds = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return {
    userId: interaction.user.id,
    guildId: interaction.guildId,
    permissions: interaction.inGuild() ? (interaction.memberPermissions?.bitfield ?? 0n) : null,
    roleIds,
    locale: interaction.locale,
  };
}

function optionValues(data: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of data) {
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') values[option.name] = option.value;
  }
  return values;
}

/** The options a new message and an edit have in common. */
type MessageOptions = Pick<InteractionReplyOptions & InteractionEditReplyOptions, 'content' | 'allowedMentions' | 'embeds' | 'components'>;

/**
 * The handlers' message body as discord.js options, for an edit (editReply, update) as for a new message. discord.js
 * leaves `allowed_mentions` out of a body without `content`, so an embed-only message carries an empty content: every
 * message says `parse: []`.
 */
function editOptions(body: MessageBody): MessageOptions {
  const options: MessageOptions = { content: body.content ?? '', allowedMentions: { parse: [] } };
  if (body.embeds !== undefined) options.embeds = body.embeds;
  if (body.components !== undefined) options.components = body.components;
  return options;
}

/** A new message (reply, follow-up) also carries its flags (ephemeral or not); an edit cannot change them. */
function replyOptions(body: MessageBody): InteractionReplyOptions {
  return body.flags === undefined ? editOptions(body) : { ...editOptions(body), flags: body.flags };
}

/** Carries out the handlers' answers on a discord.js interaction. */
export function responderFor(interaction: Handled): Responder {
  const unsupported = (what: string) => async () => {
    throw new Error(`${what} is not possible on a ${interaction.type} interaction`);
  };
  if (interaction.isAutocomplete()) {
    return {
      reply: unsupported('reply'),
      defer: unsupported('defer'),
      editReply: unsupported('editReply'),
      update: unsupported('update'),
      followUp: unsupported('followUp'),
      deleteReply: unsupported('deleteReply'),
      choices: async (choices) => void (await interaction.respond(choices)),
    };
  }
  return {
    reply: async (body) => void (await interaction.reply(replyOptions(body))),
    defer: async ({ ephemeral }) => void (await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})),
    editReply: async (body) => void (await interaction.editReply(editOptions(body))),
    update: interaction.isButton() ? async (body) => void (await interaction.update(editOptions(body))) : unsupported('update'),
    followUp: async (body) => void (await interaction.followUp(replyOptions(body))),
    deleteReply: async () => void (await interaction.deleteReply()),
    choices: unsupported('choices'),
  };
}
