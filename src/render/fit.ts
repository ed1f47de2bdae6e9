import { LIMITS, type Button, type ButtonRow, type Embed, type MessageBody } from '../bot/api.ts';
import { truncateMarkdown } from './markdown.ts';
import { truncate } from './text.ts';

/**
 * The last step before anything is sent: a message trimmed to every one of Discord's limits, so that no corpus,
 * however long or strange, can make Discord reject a reply. Text is shortened (markdown-safely), never refused;
 * only when shortening is not enough are trailing fields and embeds dropped. Mentions are always off.
 */
export function fitMessage(message: MessageBody): MessageBody {
  const fitted: MessageBody = { allowed_mentions: { parse: [] } };
  if (message.content !== undefined) fitted.content = truncateMarkdown(message.content, LIMITS.content);
  if (message.embeds !== undefined) fitted.embeds = fitEmbeds(message.embeds);
  if (message.components !== undefined) fitted.components = fitComponents(message.components);
  if (message.flags !== undefined) fitted.flags = message.flags;
  if (!fitted.content && (fitted.embeds ?? []).length === 0) fitted.content = '…';
  return fitted;
}

/** The characters Discord counts toward the 6000 of all embeds in a message. */
export function embedLength(embed: Embed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Below this, a description is not worth shortening further: dropping a field or an embed is better. */
const SHORTEST_USEFUL = 200;

function fitEmbeds(embeds: readonly Embed[]): Embed[] {
  const fitted = embeds.slice(0, LIMITS.embeds).map(fitEmbed);
  let over = fitted.reduce((sum, embed) => sum + embedLength(embed), 0) - LIMITS.embedsTotal;
  while (over > 0 && fitted.length > 0) {
    const longest = fitted.reduce((best, embed) => ((embed.description?.length ?? 0) > (best.description?.length ?? 0) ? embed : best));
    const length = longest.description?.length ?? 0;
    if (length > SHORTEST_USEFUL) {
      longest.description = truncateMarkdown(longest.description!, Math.max(SHORTEST_USEFUL, length - over));
    } else {
      const withFields = fitted.findLast((embed) => (embed.fields ?? []).length > 0);
      if (withFields) withFields.fields = withFields.fields!.slice(0, -1);
      else fitted.pop();
    }
    over = fitted.reduce((sum, embed) => sum + embedLength(embed), 0) - LIMITS.embedsTotal;
  }
  return fitted;
}

function fitEmbed(embed: Embed): Embed {
  const fitted: Embed = { ...embed };
  if (embed.title !== undefined) fitted.title = truncateMarkdown(embed.title, LIMITS.embedTitle);
  if (embed.description !== undefined) fitted.description = truncateMarkdown(embed.description, LIMITS.embedDescription);
  if (embed.fields !== undefined) {
    fitted.fields = embed.fields.slice(0, LIMITS.embedFields).map((field) => ({
      ...field,
      name: truncateMarkdown(field.name, LIMITS.fieldName) || '…',
      value: truncateMarkdown(field.value, LIMITS.fieldValue) || '…',
    }));
  }
  if (embed.footer !== undefined) fitted.footer = { ...embed.footer, text: truncate(embed.footer.text, LIMITS.footer) };
  if (embed.author !== undefined) fitted.author = { ...embed.author, name: truncate(embed.author.name, LIMITS.author) };
  if (embed.url !== undefined) {
    const url = webUrl(embed.url);
    if (url) fitted.url = url;
    else delete fitted.url;
  }
  return fitted;
}

function fitComponents(rows: readonly ButtonRow[]): ButtonRow[] {
  return rows
    .map((row) => ({
      ...row,
      components: row.components
        .flatMap((button): Button[] => {
          if ('custom_id' in button) return button.custom_id.length <= LIMITS.customId ? [button] : [];
          const url = webUrl(button.url);
          return url ? [{ ...button, url }] : [];
        })
        .slice(0, LIMITS.buttonsPerRow)
        .map(fitButton),
    }))
    .filter((row) => row.components.length > 0)
    .slice(0, LIMITS.actionRows);
}

function fitButton<B extends Button>(button: B): B {
  return button.label === undefined ? button : { ...button, label: truncate(button.label, LIMITS.buttonLabel) || '…' };
}

/**
 * An absolute http(s) address as Discord accepts it in an embed or a link button: normalised (so `<`, spaces and
 * the like are percent-encoded) and at most 512 characters. Undefined for anything else (`javascript:`, relative).
 */
export function webUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.href.length <= LIMITS.buttonUrl ? url.href : undefined;
  } catch {
    return undefined;
  }
}
