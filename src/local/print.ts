import type { Choice, Embed, MessageBody } from '../bot/api.ts';
import { graphemesOf } from '../render/text.ts';

/**
 * Messages as a person would see them in Discord, for a terminal: markdown rendered (escapes removed, bold and
 * code shown with ANSI styles on a colour terminal, kept as `**` otherwise), embeds as an indented block with a bar,
 * buttons numbered for `press`.
 */
export interface Style {
  bold: (text: string) => string;
  code: (text: string) => string;
  dim: (text: string) => string;
}

export const ANSI: Style = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  code: (t) => `\x1b[36m${t}\x1b[39m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

export const PLAIN: Style = { bold: (t) => `**${t}**`, code: (t) => t, dim: (t) => t };

/** Discord markdown to terminal text: `\*` shows as `*`, `**bold**` and `` `code` `` styled, other characters as they are. */
export function renderMarkdown(markdown: string, style: Style): string {
  const pieces = graphemesOf(markdown);
  let out = '';
  let bold: string | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    let text: string;
    if (piece === '\\' && i + 1 < pieces.length && /^[^\p{L}\p{N}\s]/u.test(pieces[i + 1]!)) text = pieces[++i]!;
    else if (piece === '*' && pieces[i + 1] === '*') {
      i++;
      if (bold === undefined) bold = '';
      else {
        out += style.bold(bold);
        bold = undefined;
      }
      continue;
    } else if (piece === '`' && pieces.indexOf('`', i + 1) !== -1) {
      const close = pieces.indexOf('`', i + 1);
      text = style.code(pieces.slice(i + 1, close).join(''));
      i = close;
    } else text = piece.replace(/\u200b/g, '');
    if (bold === undefined) out += text;
    else bold += text;
  }
  return bold === undefined ? out : `${out}**${bold}`;
}

function embedLines(embed: Embed, style: Style): string[] {
  const lines: string[] = [];
  if (embed.title) lines.push(style.bold(renderMarkdown(embed.title, style)) + (embed.url ? ` <${embed.url}>` : ''));
  if (embed.description) lines.push(...renderMarkdown(embed.description, style).split('\n'));
  for (const field of embed.fields ?? []) lines.push(`${style.bold(renderMarkdown(field.name, style))}: ${renderMarkdown(field.value, style)}`);
  if (embed.footer) lines.push(style.dim(embed.footer.text));
  return lines.map((line) => `  │ ${line}`);
}

/** The buttons of a message, numbered as `press N` counts them. */
export function buttonLabels(body: MessageBody): string[] {
  return (body.components ?? []).flatMap((row) => row.components.map((b) => ('url' in b ? `${b.label ?? 'Link'} ↗` : (b.label ?? '?'))));
}

export function formatMessage(body: MessageBody, how: { heading: string; ephemeral: boolean }, style: Style): string {
  const lines = [style.dim(`── ${how.heading}${how.ephemeral ? ' · only you can see this' : ''}`)];
  if (body.content) lines.push(...renderMarkdown(body.content, style).split('\n'));
  for (const embed of body.embeds ?? []) lines.push(...embedLines(embed, style));
  const labels = buttonLabels(body);
  if (labels.length > 0) lines.push(labels.map((label, i) => `[${i + 1} ${label}]`).join(' '));
  return `${lines.join('\n')}\n`;
}

export function formatChoices(choices: readonly Choice[], style: Style): string {
  if (choices.length === 0) return `${style.dim('── no suggestions')}\n`;
  return `${[style.dim('── suggestions'), ...choices.map((c) => `  ${c.name}  ${style.dim(`→ ${c.value}`)}`)].join('\n')}\n`;
}
