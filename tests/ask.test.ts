import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { answer } from '../src/search/answer.ts';
import type { NewsIndex } from '../src/search/newsIndex.ts';
import { seedsIndex } from './helpers/corpus.ts';
import { BOB, buttonsOf, customIdOf, makeDesk, member, textOf } from './helpers/desk.ts';
import { assertOnlyOwnMarkup, markdownOf } from './helpers/discordRules.ts';

let index: NewsIndex;
before(async () => {
  index = await seedsIndex();
});

const EPHEMERAL = 64;

describe('/ask', () => {
  it('defers, then answers with the verbatim excerpt quoted, the matched words in bold, and the citation', async () => {
    const { command } = makeDesk(index);
    const r = await command('ask', { question: 'how many rations are left' });
    assert.deepEqual(r.methods, ['defer', 'editReply']);
    assert.deepEqual(r.calls[0], { method: 'defer', ephemeral: false });
    const body = r.last;
    assert.equal(body.content, '**Q:** how many rations are left');
    const description = body.embeds![0]!.description!;
    assert.match(description, /^> .*We were informed today that there are now 4000 food \*\*rations left\*\*\. That would be enough/m);
    assert.match(description, /^— \*\*Talks between senior US and Russian officials.*\*\*, ¶9 · `000_025659df9b5cb3f3\.txt`$/m);
    assert.equal(body.flags, undefined, 'an edit carries no flags');
    for (const part of markdownOf(body)) assertOnlyOwnMarkup(part);
  });

  it('names the outlet and date in the citation when the article states them', async () => {
    const { command } = makeDesk(index);
    const r = await command('ask', { question: 'what did the Syrian army command say', source: '001_9af66bd40fa38a69.txt', top: 1 });
    assert.match(r.last.embeds![0]!.description!, /\n— \*\*France is to launch .*\*\* \(Reuters, 2016-10-06\), ¶\d+ · `001_9af66bd40fa38a69\.txt`$/);
  });

  it('shows `top` answers at once and pages to further answers with More and Back, for the asker only', async () => {
    const { command, press } = makeDesk(index);
    const r = await command('ask', { question: 'who bombed Aleppo', top: 2 });
    const first = r.last;
    assert.equal(first.embeds!.length, 2);
    assert.deepEqual(buttonsOf(first).map((b) => b.label), ['More']);

    const total = answer(index, 'who bombed Aleppo', { top: 15 }).results.length;
    assert.ok(total >= 3, `enough answers to page through (${total})`);
    assert.equal(first.embeds![0]!.footer!.text, `Answer 1 of ${total}`);

    const more = await press(customIdOf(first, 'More'));
    assert.deepEqual(more.methods, ['update']);
    const second = more.last;
    assert.equal(second.embeds![0]!.footer!.text, `Answer 3 of ${total}`);
    assert.deepEqual(buttonsOf(second).map((b) => b.label), total > 4 ? ['Back', 'More'] : ['Back']);
    assert.notEqual(second.embeds![0]!.description, first.embeds![0]!.description);

    const back = await press(customIdOf(second, 'Back'));
    assert.deepEqual(back.last.embeds, first.embeds);

    const stranger = await press(customIdOf(first, 'More'), member(BOB));
    assert.deepEqual(stranger.methods, ['reply']);
    assert.equal(stranger.last.flags, EPHEMERAL);
    assert.match(stranger.last.content!, /Only the person who asked/);
  });

  it('keeps the question out of the custom_id: only a short id and a page number', async () => {
    const { command } = makeDesk(index);
    const r = await command('ask', { question: 'who bombed Aleppo', top: 1 });
    const id = customIdOf(r.last, 'More');
    assert.match(id, /^ask:page:[\w-]{8}:1$/);
  });

  it('answers privately when asked to, with a Post to channel button that posts once, publicly', async () => {
    const { command, press } = makeDesk(index);
    const r = await command('ask', { question: 'how many rations are left', private: true });
    assert.deepEqual(r.calls[0], { method: 'defer', ephemeral: true });
    const post = customIdOf(r.last, 'Post to channel');

    const posted = await press(post, member(), true);
    assert.deepEqual(posted.methods, ['reply']);
    assert.equal(posted.last.flags, undefined, 'the posted answer is public');
    assert.deepEqual(posted.last.components, []);
    assert.match(textOf(posted.last), /4000 food/);

    const again = await press(post, member(), true);
    assert.equal(again.last.flags, EPHEMERAL);
    assert.match(again.last.content!, /already posted/);
  });

  it('says honestly when the coverage does not answer, pointing to the nearest sources, with no quote', async () => {
    const { command } = makeDesk(index);
    const r = await command('ask', { question: 'What is the capital of Australia?' });
    const text = textOf(r.last);
    assert.match(text, /The coverage doesn't say/);
    assert.match(text, /`\/sources`/);
    assert.ok(!r.last.embeds!.some((e) => /^> /m.test(e.description ?? '')), 'no quoted passage');
    assert.deepEqual(buttonsOf(r.last), []);
  });

  it('restricts the answers to one source when given one', async () => {
    const { command } = makeDesk(index);
    const r = await command('ask', { question: 'what did the Syrian army say', source: '001_9af66bd40fa38a69.txt', top: 5 });
    const citations = r.last.embeds!.map((e) => /`([^`]+)`$/m.exec(e.description!)?.[1]);
    assert.ok(citations.length > 0);
    assert.ok(citations.every((id) => id === '001_9af66bd40fa38a69.txt'), String(citations));
    assert.match(r.last.content!, /only in `001_9af66bd40fa38a69\.txt`/);
  });

  it('refuses privately, without deferring, an unknown source, an empty question and an over-long one', async () => {
    const { command } = makeDesk(index);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ question: 'who bombed Aleppo', source: 'no-such-file.txt' }, /no article with that id/],
      [{ question: '   ' }, /`question` is required/],
      [{ question: '\u0000\u200e ?!' }, /ask a question in words/],
      [{ question: '<@123456789012345678> <#876543210987654321> <:wave:112233445566778899>' }, /ask a question in words/],
      [{}, /`question` is required/],
      [{ question: 'x'.repeat(301) }, /`question` must be 1–300 characters long \(it has 301\)/],
    ];
    for (const [options, message] of cases) {
      const r = await command('ask', options);
      assert.deepEqual(r.methods, ['reply'], JSON.stringify(options));
      assert.equal(r.last.flags, EPHEMERAL);
      assert.match(r.last.content!, message);
    }
  });

  it('searches the question without Discord markup, and quotes it as asked', async () => {
    const { command } = makeDesk(index);
    const plain = await command('ask', { question: 'how many food rations are left' });
    const marked = await command('ask', { question: '<@123456789012345678> how many food rations are left <:thinking:112233445566778899>' });
    assert.deepEqual(marked.last.embeds, plain.last.embeds);
    assert.match(marked.last.content!, /how many food rations are left/);
  });

  it('accepts a question of exactly 300 characters', async () => {
    const { command } = makeDesk(index);
    const r = await command('ask', { question: `how many rations are left ${'x'.repeat(274)}` });
    assert.deepEqual(r.methods, ['defer', 'editReply']);
  });

  it('rate-limits each user, politely and privately, saying when to try again', async () => {
    let now = 1_000_000;
    const { command } = makeDesk(index, { askRateLimit: { limit: 2, windowSeconds: 30 }, now: () => now });
    for (let i = 0; i < 2; i++) assert.deepEqual((await command('ask', { question: 'who bombed Aleppo' })).methods, ['defer', 'editReply']);
    now += 10_000;
    const refused = await command('ask', { question: 'who bombed Aleppo' });
    assert.deepEqual(refused.methods, ['reply']);
    assert.equal(refused.last.flags, EPHEMERAL);
    assert.match(refused.last.content!, /asked 2 questions in the last 30 seconds.*try again in 20 seconds/);
    // Someone else is not held back; refused questions and invalid ones do not count.
    assert.deepEqual((await command('ask', { question: 'who bombed Aleppo' }, member(BOB))).methods, ['defer', 'editReply']);
    now += 20_000;
    assert.deepEqual((await command('ask', { question: 'who bombed Aleppo' })).methods, ['defer', 'editReply']);
  });

  it('tells a user whose answers expired to ask again', async () => {
    let now = 0;
    const { command, press } = makeDesk(index, { now: () => now });
    const r = await command('ask', { question: 'who bombed Aleppo', top: 1 });
    now += 16 * 60_000;
    const late = await press(customIdOf(r.last, 'More'));
    assert.equal(late.last.flags, EPHEMERAL);
    assert.match(late.last.content!, /expired/);
  });

  it('suggests sources as the option is typed, within Discord’s rules', async () => {
    const { autocomplete } = makeDesk(index);
    const all = await autocomplete('ask', 'source', { question: 'x', source: '' });
    assert.equal(all.calls[0]!.method, 'choices');
    const choices = (all.calls[0] as { choices: Array<{ name: string; value: string }> }).choices;
    assert.equal(choices.length, 5);
    const cluster = await autocomplete('ask', 'source', { source: 'cluster' });
    const found = (cluster.calls[0] as { choices: Array<{ name: string; value: string }> }).choices;
    assert.deepEqual(found.map((c) => c.value), ['002_04a37cd5f8b22a37.txt']);
    assert.match(found[0]!.name, /^Cluster Bombs Leave Aleppo In Flames And Truce In Tatters · 002_04a37cd5f8b22a37\.txt$/);
    const byId = await autocomplete('ask', 'source', { source: '003' });
    assert.equal((byId.calls[0] as { choices: Array<{ value: string }> }).choices[0]!.value, '003_60a62e6749ea2996.txt');
  });

  it('writes one log line per interaction: command, guild, user, latency, answered', async () => {
    const { command, logs } = makeDesk(index);
    await command('ask', { question: 'how many rations are left' });
    await command('ask', { question: 'What is the capital of Australia?' });
    const lines = logs.filter((l) => l.msg === 'interaction');
    assert.equal(lines.length, 2);
    assert.equal(logs.length, 2, 'nothing else was logged');
    assert.deepEqual(
      lines.map(({ interaction, command: name, guild, user, answered, outcome }) => ({ interaction, name, guild, user, answered, outcome })),
      [
        { interaction: 'command', name: 'ask', guild: member().guildId, user: member().userId, answered: true, outcome: 'ok' },
        { interaction: 'command', name: 'ask', guild: member().guildId, user: member().userId, answered: false, outcome: 'ok' },
      ],
    );
    assert.ok(lines.every((l) => typeof l.latencyMs === 'number' && l.latencyMs >= 0));
  });
});
