import assert from 'node:assert/strict';

/**
 * Discord's rules for what the bot sends, written out independently of src/ (so a mistake in the bot's own limits
 * cannot hide here), and a strict check that corpus text cannot format a message or mention anyone.
 * Lengths are counted in UTF-16 units, the safe count.
 */
export const DISCORD = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  customId: 100,
  label: 80,
  url: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
};

/** What the checks read of an embed and a button, loosely typed: the point is to check bodies of any shape. */
interface LooseEmbed {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: Array<{ name: string; value: string }>;
}
interface LooseButton {
  type: number;
  style?: number;
  label?: string;
  custom_id?: string;
  url?: string;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function assertText(value: unknown, max: number, what: string, options: { nonEmpty?: boolean } = {}): void {
  assert.equal(typeof value, 'string', `${what} must be a string`);
  const text = value as string;
  assert.ok(text.length <= max, `${what} is ${text.length} long, more than ${max}`);
  if (options.nonEmpty) assert.ok(text.length > 0, `${what} is empty`);
  assert.ok(!LONE_SURROGATE.test(text), `${what} holds a broken surrogate pair`);
}

/** A message body (reply, edit, follow-up) that Discord would accept, with mentions off. */
export function assertFitsDiscord(body: unknown, what = 'message'): void {
  assert.ok(body && typeof body === 'object', `${what} is not an object`);
  const message = body as Record<string, unknown>;
  assert.deepEqual(message.allowed_mentions, { parse: [] }, `${what} must have allowed_mentions { parse: [] }`);
  const allowed = new Set(['content', 'embeds', 'components', 'flags', 'allowed_mentions']);
  for (const key of Object.keys(message)) assert.ok(allowed.has(key), `${what} has an unexpected field ${key}`);
  if (message.content !== undefined) assertText(message.content, DISCORD.content, `${what}.content`);
  if (message.flags !== undefined) assert.ok(message.flags === 0 || message.flags === 64, `${what}.flags is ${String(message.flags)}`);
  const embeds = (message.embeds ?? []) as LooseEmbed[];
  assert.ok(Array.isArray(embeds) && embeds.length <= DISCORD.embeds, `${what} has more than ${DISCORD.embeds} embeds`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = `${what}.embeds[${i}]`;
    if (embed.title !== undefined) assertText(embed.title, DISCORD.title, `${at}.title`, { nonEmpty: true });
    if (embed.description !== undefined) assertText(embed.description, DISCORD.description, `${at}.description`, { nonEmpty: true });
    if (embed.footer !== undefined) assertText(embed.footer.text, DISCORD.footer, `${at}.footer.text`, { nonEmpty: true });
    if (embed.author !== undefined) assertText(embed.author.name, DISCORD.author, `${at}.author.name`, { nonEmpty: true });
    if (embed.url !== undefined) assert.match(embed.url, /^https?:\/\/\S+$/, `${at}.url is not a web address`);
    const fields = embed.fields ?? [];
    assert.ok(fields.length <= DISCORD.fields, `${at} has more than ${DISCORD.fields} fields`);
    fields.forEach((field, j) => {
      assertText(field.name, DISCORD.fieldName, `${at}.fields[${j}].name`, { nonEmpty: true });
      assertText(field.value, DISCORD.fieldValue, `${at}.fields[${j}].value`, { nonEmpty: true });
    });
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0) +
      fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  });
  assert.ok(total <= DISCORD.embedsTotal, `${what}'s embeds hold ${total} characters, more than ${DISCORD.embedsTotal}`);
  const rows = (message.components ?? []) as Array<{ type: number; components: LooseButton[] }>;
  assert.ok(rows.length <= DISCORD.rows, `${what} has more than ${DISCORD.rows} rows of buttons`);
  const ids = new Set<string>();
  for (const row of rows) {
    assert.equal(row.type, 1, `${what}: a top-level component is not an action row`);
    assert.ok(row.components.length >= 1 && row.components.length <= DISCORD.buttonsPerRow, `${what}: a row holds ${row.components.length} buttons`);
    for (const button of row.components) {
      assert.equal(button.type, 2, `${what}: a component is not a button`);
      assertText(button.label, DISCORD.label, `${what}: button label`, { nonEmpty: true });
      if (button.style === 5) {
        assertText(button.url, DISCORD.url, `${what}: link button url`, { nonEmpty: true });
        assert.equal(button.custom_id, undefined);
      } else {
        assertText(button.custom_id, DISCORD.customId, `${what}: custom_id`, { nonEmpty: true });
        assert.ok(!ids.has(button.custom_id!), `${what}: custom_id ${button.custom_id} appears twice`);
        ids.add(button.custom_id!);
      }
    }
  }
  const hasContent = typeof message.content === 'string' && message.content.length > 0;
  assert.ok(hasContent || embeds.length > 0 || 'content' in message, `${what} is empty`);
}

/** Autocomplete choices Discord would accept. */
export function assertChoicesFit(choices: ReadonlyArray<{ name: string; value: string }>): void {
  assert.ok(choices.length <= DISCORD.choices, `${choices.length} choices, more than ${DISCORD.choices}`);
  for (const choice of choices) {
    assertText(choice.name, DISCORD.choiceName, 'choice name', { nonEmpty: true });
    assertText(choice.value, DISCORD.choiceValue, 'choice value', { nonEmpty: true });
  }
}

/**
 * Markdown in which every formatting mark is the bot's own: `**bold**` in pairs, `` `code` `` spans on one line,
 * `> ` at the start of a quote line. Anything else that Discord would read as markup (a single `*`, `_`, `~`, `|`,
 * `[`, `<`, a line opening with `#`, `-`, `>` or `1.`) must be backslash-escaped, and `@everyone`/`@here` broken.
 */
export function assertOnlyOwnMarkup(markdown: string, what = 'text'): void {
  let bold = 0;
  for (let i = 0; i < markdown.length; ) {
    const c = markdown[i]!;
    if (c === '\\') {
      assert.ok(i + 1 < markdown.length, `${what} ends with a lone backslash`);
      i += markdown.codePointAt(i + 1)! > 0xffff ? 3 : 2;
      continue;
    }
    if (markdown.startsWith('**', i)) {
      bold++;
      i += 2;
      continue;
    }
    if (c === '`') {
      const close = markdown.indexOf('`', i + 1);
      assert.ok(close > i, `${what} has an unclosed code span at ${i}: ${markdown.slice(i, i + 40)}`);
      assert.ok(!markdown.slice(i, close).includes('\n'), `${what} has a code span across lines`);
      i = close + 1;
      continue;
    }
    assert.ok(!'*_~|[]<'.includes(c), `${what} has an unescaped "${c}" at ${i}: …${markdown.slice(Math.max(0, i - 20), i + 20)}…`);
    i++;
  }
  assert.equal(bold % 2, 0, `${what} has an unpaired ** marker`);
  for (const line of markdown.split('\n')) {
    const rest = line.startsWith('> ') ? line.slice(2) : line;
    assert.ok(!/^\s*(#|>|-|\+|\d+[.)])/.test(rest), `${what} has a line Discord would format: ${line.slice(0, 60)}`);
  }
  assert.ok(!/@(everyone|here)/i.test(markdown), `${what} can mention everyone: ${markdown.slice(0, 80)}`);
}

/** Every piece of markdown a message shows (content, embed titles, descriptions, field names and values). */
export function markdownOf(body: { content?: string; embeds?: LooseEmbed[] }): string[] {
  const parts: string[] = [];
  if (body.content) parts.push(body.content);
  for (const embed of body.embeds ?? []) {
    if (embed.title) parts.push(embed.title);
    if (embed.description) parts.push(embed.description);
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts;
}
