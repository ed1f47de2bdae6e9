import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIButtonComponentWithCustomId,
  APIButtonComponentWithURL,
  APIEmbed,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ButtonStyle as DiscordButtonStyle,
  ComponentType as DiscordComponentType,
  InteractionContextType,
} from 'discord.js';

/**
 * The few pieces of Discord's HTTP API the bot speaks, as plain data. Types come from discord-api-types (through
 * discord.js's type exports) so a wrong field fails the typecheck; the handful of numbers are spelled out here so
 * that the handlers and the local client never load discord.js itself.
 */

export type Button = APIButtonComponentWithCustomId | APIButtonComponentWithURL;
export type ButtonRow = APIActionRowComponent<Button>;
export type Embed = APIEmbed;

/**
 * A message as it goes to Discord's API: the body of an interaction reply (`data` of a callback), of an edit of
 * the original reply, or of a follow-up. Every message the bot sends has `allowed_mentions: { parse: [] }`.
 */
export interface MessageBody {
  content?: string;
  embeds?: Embed[];
  components?: ButtonRow[];
  /** `MessageFlags.Ephemeral` (64) for a private reply; only meaningful when a message is first sent. */
  flags?: number;
  allowed_mentions: { parse: [] };
}

export type Choice = APIApplicationCommandOptionChoice<string>;

export const MessageFlags = { Ephemeral: 64 } as const;
export const ComponentType = { ActionRow: 1, Button: 2 } as const satisfies Record<string, DiscordComponentType>;
export const ButtonStyle = { Primary: 1, Secondary: 2, Success: 3, Link: 5 } as const satisfies Record<string, DiscordButtonStyle>;
export const OptionType = { String: 3, Integer: 4, Boolean: 5 } as const satisfies Record<string, ApplicationCommandOptionType>;
export const ContextType = { Guild: 0, BotDM: 1 } as const satisfies Record<string, InteractionContextType>;
export const IntegrationType = { GuildInstall: 0 } as const satisfies Record<string, ApplicationIntegrationType>;

/** Permission bits (see discord.js `PermissionFlagsBits`). Administrator implies every other. */
export const Permission = { Administrator: 1n << 3n, ManageGuild: 1n << 5n } as const;

/** Discord's limits on what a message, an embed, a component or an autocomplete answer may hold. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** All titles, descriptions, field names and values, footers and author names of a message together. */
  embedsTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  buttonUrl: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
