import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import type { Embed, MessageBody } from '../src/bot/api.ts';
import { asEdit, fitChoices } from '../src/bot/newsdesk.ts';
import { fitMessage } from '../src/render/fit.ts';
import { answersMessage } from '../src/render/answers.ts';
import { highlight } from '../src/render/markdown.ts';
import { button, linkButton, message } from '../src/render/message.ts';
import { assertChoicesFit, assertFitsDiscord, assertOnlyOwnMarkup, markdownOf } from './helpers/discordRules.ts';

const huge = (n: number) => highlight('rations *left* <@1> 👩‍👩‍👧‍👦 '.repeat(n), ['rations']);

describe('fitMessage', () => {
  it('trims every text to its limit, markdown-safely', () => {
    const embed: Embed = {
      title: huge(40),
      description: huge(400),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: huge(20) + i, value: huge(100) })),
      footer: { text: 'f'.repeat(3000) },
      author: { name: 'a'.repeat(300) },
    };
    const fitted = fitMessage({ content: huge(200), embeds: [embed], allowed_mentions: { parse: [] } });
    assertFitsDiscord(fitted);
    for (const part of markdownOf(fitted)) assertOnlyOwnMarkup(part);
  });

  it('keeps all embeds within 6000 characters together, shortening the longest descriptions first', () => {
    const embeds = Array.from({ length: 12 }, () => ({ description: huge(100), footer: { text: 'Answer' } }));
    const fitted = fitMessage({ embeds, allowed_mentions: { parse: [] } });
    assertFitsDiscord(fitted);
    assert.equal(fitted.embeds!.length, 10);
    for (const part of markdownOf(fitted)) assertOnlyOwnMarkup(part);
  });

  it('drops fields, then embeds, when shortening descriptions is not enough', () => {
    const embeds = Array.from({ length: 10 }, () => ({ title: 't'.repeat(256), fields: Array.from({ length: 25 }, () => ({ name: 'n'.repeat(256), value: 'v'.repeat(1024) })) }));
    const fitted = fitMessage({ embeds, allowed_mentions: { parse: [] } });
    assertFitsDiscord(fitted);
    assert.ok(fitted.embeds!.length >= 1);
  });

  it('forces mentions off, even when a body claims otherwise', () => {
    const sneaky = { content: 'hi', allowed_mentions: { parse: ['everyone'] } } as unknown as MessageBody;
    assert.deepEqual(fitMessage(sneaky).allowed_mentions, { parse: [] });
  });

  it('never sends an empty message', () => {
    assert.equal(fitMessage({ content: '', allowed_mentions: { parse: [] } }).content, '…');
  });

  it('shortens button labels, drops buttons whose custom_id or link Discord would refuse, and keeps five rows of five', () => {
    const buttons = [
      button('L'.repeat(200), 'ok:1'),
      button('too long id', `x:${'9'.repeat(120)}`),
      linkButton('bad link', 'javascript:alert(1)'),
      linkButton('long link', `https://example.com/${'a'.repeat(600)}`),
      linkButton('good link', 'https://example.com/a'),
      ...Array.from({ length: 30 }, (_, i) => button(`b${i}`, `b:${i}`)),
    ];
    const fitted = message({ content: 'x', buttons });
    assertFitsDiscord(fitted);
    const labels = fitted.components!.flatMap((row) => row.components.map((b) => b.label));
    assert.ok(labels.includes('good link'));
    assert.ok(!labels.includes('bad link') && !labels.includes('long link') && !labels.includes('too long id'));
    assert.equal(fitted.components!.length, 5);
  });
});

describe('asEdit', () => {
  it('sends content, embeds and buttons even when empty, so an edit leaves nothing of the old message, and no flags', () => {
    const edit = asEdit(message({ embeds: [{ description: 'x' }], ephemeral: true }));
    assert.deepEqual(edit, { content: '', embeds: [{ description: 'x' }], components: [], allowed_mentions: { parse: [] } });
    assertFitsDiscord(edit);
  });
});

describe('fitChoices', () => {
  it('keeps at most 25 choices with names of at most 100 characters and values Discord accepts', () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `${'n\u202e'.repeat(80)}\n${i}`, value: `v${i}` }));
    choices.push({ name: 'long value', value: 'v'.repeat(101) }, { name: '', value: 'empty-name' });
    const fitted = fitChoices(choices);
    assertChoicesFit(fitted);
    assert.equal(fitted.length, 25);
    assert.ok(!fitted.some((c) => c.value.length > 100));
    assert.ok(fitted.every((c) => !c.name.includes('\u202e') && !c.name.includes('\n')));
  });
});

test('five long answers with long "also in" lists keep every citation within 6,000 characters', () => {
  const source = (i: number) => ({
    id: `wire/${'x'.repeat(80)}-${i}.txt`,
    title: `A long headline with **markup** and [a link](http://example.com) number ${i} `.repeat(4),
    outlet: 'Reuters',
    date: '2016-10-06',
  });
  const answers = Array.from({ length: 5 }, (_, i) => ({
    excerpt: '*Quote* with `code`, ||spoilers|| and **bold** text '.repeat(8).slice(0, 398),
    terms: ['Quote', 'code'],
    source: source(i),
    paragraph: 3,
    score: 1,
    alsoIn: Array.from({ length: 9 }, (_, k) => source(10 + k)),
  }));
  const body = fitMessage(answersMessage({ question: 'what happened?', answers, page: 0, pageSize: 5 }, []));
  const embeds = body.embeds ?? [];
  assert.equal(embeds.length, 5);
  embeds.forEach((embed, i) => assert.ok(embed.description?.includes(`¶3 · \`wire/${'x'.repeat(80)}-${i}.txt\``), `answer ${i + 1} lost its citation`));
  const total = embeds.reduce((sum, e) => sum + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0), 0);
  assert.ok(total <= 6000, String(total));
});
