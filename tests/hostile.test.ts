import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { MessageBody } from '../src/bot/api.ts';
import type { NewsIndex } from '../src/search/newsIndex.ts';
import { buildFromFolder } from '../src/search/store.ts';
import { tempCorpus } from './helpers/corpus.ts';
import { buttonsOf, makeDesk, moderator, type RecordingResponder, type TestDesk } from './helpers/desk.ts';
import { assertOnlyOwnMarkup, markdownOf } from './helpers/discordRules.ts';

/**
 * A corpus written to break the bot: mentions, markdown of every kind, direction overrides, invisible characters,
 * emoji, piles of combining marks, 10,000-character paragraphs, odd file names. Whatever it asks, nothing the bot
 * sends may ping anyone, carry formatting the bot did not write, or exceed a Discord limit.
 */
const USER = '<@123456789012345678>';
const ZALGO = `h${'\u0336\u0321\u0322\u031b'.repeat(12)}arbour`;
const LONG_WORDS = Array.from({ length: 700 }, (_, i) => `harbour storm report ${i} **bold** <@${i}> @here`).join(' ');
const LONG_BLOB = `harbour ${'x'.repeat(10_000)}`;

const HOSTILE_TXT = [
  `@everyone **BREAKING** ${USER} ||leak|| [click](http://evil.example)`,
  `Officials said @everyone should evacuate the harbour; ${USER} and <@&987654321098765432> were told in <#111111111111111111> at <t:1700000000:R>.`,
  '# The harbour is closed',
  '> The mayor said the **harbour** ||will reopen|| on Friday, see [the notice](http://evil.example/notice) and `code` here.',
  '- The ferry ~~was~~ is cancelled, 1. said the captain of the harbour',
  '```js harbour code fence ```',
  'The harbour master \\ said the *storm* damaged __docks__ and \\*escaped\\* items \\',
  `RTL \u202etext reversed harbour\u202c and zero\u200bwidth har\u200dbour, emoji 👩‍👩‍👧‍👦 🇺🇦 harbour 👍🏽, ${ZALGO} and Z${'\u0301'.repeat(60)}`,
  LONG_WORDS,
  LONG_BLOB,
].join('\n\n');

const FRONT_MATTER_MD = `---
title: "@here **Harbour** <@&42> ||closed|| [x](http://evil.example) \u202eesrever"
outlet: "<@123> Gazette ~~ __"
date: 2024-01-02
url: "https://example.com/harbour?a=<@1>&b=**"
---
The harbour authority said @everyone must leave the harbour by noon, ${USER} confirmed.

Another paragraph about the harbour and the storm, with a | pipe and a \` backtick.
`;

let index: NewsIndex;
let desk: TestDesk;
const sent: MessageBody[] = [];

before(async () => {
  const dir = await tempCorpus({
    'hostile.txt': HOSTILE_TXT,
    'front.md': FRONT_MATTER_MD,
    'odd name_with *stars* and `tick` <@1>.txt': 'Harbour news\n\nThe harbour reopened, @here, said <@99>.',
    [`${'very-long-name-'.repeat(12)}.txt`]: `Long named harbour article\n\n${LONG_WORDS}`,
    'lead-only.txt': `${'The harbour storm '.repeat(700)}\n\nSecond harbour paragraph.`,
  });
  const built = await buildFromFolder(dir);
  assert.deepEqual(built.skipped, []);
  index = built.index;
  desk = makeDesk(index, { askRateLimit: { limit: 1000, windowSeconds: 30 }, liveOptions: { dir } });
});

/** Checks every message a response sent, and keeps them for the summary checks. */
function check(r: RecordingResponder): RecordingResponder {
  for (const body of r.bodies) {
    sent.push(body);
    for (const part of markdownOf(body)) assertOnlyOwnMarkup(part, JSON.stringify(part.slice(0, 200)));
    for (const button of buttonsOf(body)) assert.ok(!/[\u202a-\u202e\u2066-\u2069\n]/.test(button.label), button.label);
  }
  return r;
}

/** Presses every button with a custom_id on a message, and on the messages that brings, to the end. */
async function pressAll(body: MessageBody, seen = new Set<string>()): Promise<void> {
  for (const button of buttonsOf(body)) {
    if (!button.customId || seen.has(button.customId)) continue;
    seen.add(button.customId);
    const r = check(await desk.press(button.customId, undefined, (body.flags ?? 0) === 64));
    for (const next of r.bodies) await pressAll(next, seen);
  }
}

describe('a hostile corpus', () => {
  it('answers questions about it without pings, foreign formatting or over-long payloads', async () => {
    const questions = [
      'what did officials say about the harbour',
      'who was told to evacuate the harbour',
      'when will the harbour reopen',
      'what did the harbour master say about the storm',
      'harbour storm report',
      `@everyone ${USER} what **is** ||the|| [harbour](http://x) # status \u202e of the storm`,
      '```', // nothing to find
    ];
    let answered = 0;
    for (const question of questions) {
      for (const options of [{ top: 5 }, { top: 1, private: true }] as Array<Record<string, number | boolean>>) {
        const r = check(await desk.command('ask', { question, ...options }));
        if (buttonsOf(r.last).length > 0 || (r.last.embeds ?? []).some((e) => e.description?.startsWith('> '))) answered++;
        await pressAll(r.last);
      }
    }
    assert.ok(answered >= 6, `most questions found the hostile passages (${answered})`);
    const all = sent.map((b) => JSON.stringify(b)).join('\n');
    assert.ok(all.includes('\\\\<@123456789012345678>'), 'the corpus mention is shown, escaped');
    assert.ok(all.includes('@\\u200beveryone') || all.includes('@\u200beveryone'), '@everyone is shown, broken');
  });

  it('lists, shows and suggests its documents within the limits', async () => {
    check(await desk.command('sources'));
    for (const doc of index.documents) {
      for (let paragraph = 1; paragraph <= doc.paragraphs.length; paragraph++) {
        check(await desk.command('source', { id: doc.id, paragraph }));
      }
    }
    const long = await desk.command('source', { id: 'hostile.txt', paragraph: index.document('hostile.txt')!.paragraphs.length });
    assert.match(long.last.embeds![0]!.description!, /paragraph shortened here: 10,008 characters in all/);
    const front = check(await desk.command('source', { id: 'front.md' }));
    assert.equal(front.last.embeds![0]!.url, 'https://example.com/harbour?a=%3C@1%3E&b=**', 'the link is normalised');
    assert.deepEqual(buttonsOf(front.last).at(-1), { label: 'Read the article', url: 'https://example.com/harbour?a=%3C@1%3E&b=**' });
    for (const typed of ['', 'harbour', 'very', 'odd', '<@1>', '**', '\u202e', 'x'.repeat(200)]) {
      const r = await desk.autocomplete('source', 'id', { id: typed });
      const choices = (r.calls[0] as { choices: Array<{ name: string; value: string }> }).choices;
      for (const choice of choices) {
        // eslint-disable-next-line no-control-regex -- no control character may reach a choice name
        assert.ok(!/[\u202a-\u202e\u2066-\u2069\n\u0000-\u001f]/.test(choice.name), JSON.stringify(choice.name));
        // Every suggestion opens its document, long ids included.
        assert.ok(index.documents.some((d) => d.id === choice.value) || choice.value.startsWith('#'));
        const opened = check(await desk.command('source', { id: choice.value }));
        assert.equal(opened.last.flags, undefined, `suggestion ${choice.value} opens`);
      }
    }
  });

  it('keeps help and reload reports safe', async () => {
    check(await desk.command('help'));
    const reload = check(await desk.command('reload', {}, moderator()));
    assert.match(reload.last.embeds![0]!.title!, /^Reloaded$/, reload.last.embeds![0]!.description);
    const broken = await tempCorpus({ 'ok.txt': 'Fine\n\nA fine harbour.', '<@123> **x** ||y||.txt': new Uint8Array([0, 1, 2]) });
    const failing = makeDesk(index, { liveOptions: { dir: broken } });
    const report = check(await failing.command('reload', {}, moderator()));
    assert.match(report.last.embeds![0]!.description!, /`<@123> \*\*x\*\* \|\|y\|\|\.txt` is binary, not text/);
  });

  it('never produced a message that could notify anyone', () => {
    assert.ok(sent.length > 50, `${sent.length} messages checked`);
    for (const body of sent) assert.deepEqual(body.allowed_mentions, { parse: [] });
  });
});
