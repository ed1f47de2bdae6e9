import { ButtonStyle, ComponentType, MessageFlags, type Button, type Embed, type MessageBody } from '../bot/api.ts';
import { fitMessage } from './fit.ts';

/** Newsdesk's colour on embeds. */
export const ACCENT = 0x2b6cb0;

export interface MessageParts {
  content?: string;
  embeds?: Embed[];
  /** Buttons, laid out five to a row. */
  buttons?: Button[];
  /** Only the person who used the command sees it. */
  ephemeral?: boolean;
}

/** A message body as Discord's API takes it, trimmed to Discord's limits, mentions off. */
export function message(parts: MessageParts): MessageBody {
  const body: MessageBody = { allowed_mentions: { parse: [] } };
  if (parts.content !== undefined) body.content = parts.content;
  if (parts.embeds !== undefined) body.embeds = parts.embeds;
  if (parts.buttons !== undefined) {
    body.components = [];
    for (let i = 0; i < parts.buttons.length; i += 5) {
      body.components.push({ type: ComponentType.ActionRow, components: parts.buttons.slice(i, i + 5) });
    }
  }
  if (parts.ephemeral) body.flags = MessageFlags.Ephemeral;
  return fitMessage(body);
}

/** A short private note: a refusal, an explanation. Plain content, already markdown. */
export function notice(markdown: string, options: { ephemeral?: boolean } = { ephemeral: true }): MessageBody {
  return message({ content: markdown, ephemeral: options.ephemeral ?? true });
}

export function button(label: string, customId: string, options: { primary?: boolean; disabled?: boolean } = {}): Button {
  const built: Button = {
    type: ComponentType.Button,
    style: options.primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
    label,
    custom_id: customId,
  };
  if (options.disabled) built.disabled = true;
  return built;
}

export function linkButton(label: string, url: string): Button {
  return { type: ComponentType.Button, style: ButtonStyle.Link, label, url };
}

/** True when a message was sent privately (ephemeral). */
export function isEphemeral(body: MessageBody): boolean {
  return ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}
