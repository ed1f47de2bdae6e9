import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { LIMITS, OptionType } from '../src/bot/api.ts';
import { readArguments, type OptionDefinition } from '../src/bot/commands/define.ts';
import { askCommand, commandDefinitions, reloadCommand } from '../src/bot/commands/index.ts';
import { documentKey } from '../src/bot/handlers/documents.ts';
import { LiveIndex } from '../src/search/liveIndex.ts';
import type { NewsIndex } from '../src/search/newsIndex.ts';
import { buildFromFolder } from '../src/search/store.ts';
import { seedsIndex, tempCorpus } from './helpers/corpus.ts';
import { BOB, buttonsOf, customIdOf, inDm, makeDesk, member, textOf } from './helpers/desk.ts';
import { assertOnlyOwnMarkup, markdownOf } from './helpers/discordRules.ts';

let index: NewsIndex;
before(async () => {
  index = await seedsIndex();
});

const EPHEMERAL = 64;

describe('command definitions', () => {
  it('are valid slash commands: lowercase names, descriptions of 1–100 characters, required options first', () => {
    assert.deepEqual(commandDefinitions.map((c) => c.name), ['ask', 'sources', 'source', 'reload', 'help']);
    for (const command of commandDefinitions) {
      assert.match(command.name, /^[-_\p{Ll}\p{N}]{1,32}$/u);
      assert.ok(command.description.length >= 1 && command.description.length <= 100, command.name);
      const options = command.options ?? [];
      assert.ok(options.length <= 25);
      const firstOptional = options.findIndex((o) => !o.required);
      assert.ok(firstOptional === -1 || options.slice(firstOptional).every((o) => !o.required), `${command.name}: required options come first`);
      for (const option of options) {
        assert.match(option.name, /^[-_\p{Ll}\p{N}]{1,32}$/u);
        assert.ok(option.description.length >= 1 && option.description.length <= 100, `${command.name}.${option.name}`);
      }
    }
  });

  it('/ask takes a question of 1–300 characters, top 1–5, an autocompleted source and a private flag', () => {
    const byName: Record<string, OptionDefinition> = Object.fromEntries(askCommand.options.map((o) => [o.name, o]));
    assert.deepEqual(byName.question, { type: OptionType.String, name: 'question', description: byName.question!.description, required: true, min_length: 1, max_length: 300 });
    assert.equal(byName.top!.min_value, 1);
    assert.equal(byName.top!.max_value, 5);
    assert.equal(byName.source!.autocomplete, true);
    assert.equal(byName.private!.type, OptionType.Boolean);
  });

  it('/reload needs Manage Server by default and is not offered in DMs', () => {
    assert.equal(reloadCommand.default_member_permissions, '32');
    assert.equal(reloadCommand.dm_permission, false);
    assert.deepEqual(reloadCommand.contexts, [0]);
    for (const command of commandDefinitions.filter((c) => c.name !== 'reload')) assert.equal(command.default_member_permissions, undefined);
  });

  it('readArguments checks options as Discord does, and trims text', () => {
    assert.deepEqual(readArguments(askCommand, { question: '  hi  ', top: 2 }), { ok: true, args: { question: 'hi', top: 2 } });
    assert.deepEqual(readArguments(askCommand, { question: 'hi', top: 9 }), { ok: false, problem: '`top` must be from 1 to 5.' });
    assert.deepEqual(readArguments(askCommand, { question: 'hi', top: 'two' }), { ok: false, problem: '`top` must be a whole number.' });
    assert.deepEqual(readArguments(askCommand, { question: 'hi', private: 'yes' }), { ok: false, problem: '`private` must be true or false.' });
    assert.deepEqual(readArguments(askCommand, { question: 3 }), { ok: false, problem: '`question` must be text.' });
    assert.equal(readArguments(askCommand, { question: '👩‍👩‍👧‍👦'.repeat(40) }).ok, true, 'length counts characters, not UTF-16 units');
  });
});

describe('/sources', () => {
  it('lists the documents with title, outlet, date, passages and id', async () => {
    const { command } = makeDesk(index);
    const r = await command('sources');
    assert.deepEqual(r.methods, ['reply']);
    const embed = r.last.embeds![0]!;
    const lines = embed.description!.split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[1]!, /^\*\*2\.\*\* \*\*France is to launch .*\*\* \(Reuters, 2016-10-06\) · 13 passages · `001_9af66bd40fa38a69\.txt`$/);
    const total = lines.reduce((sum, line) => sum + Number(/· (\d+) passages ·/.exec(line)![1]), 0);
    assert.equal(total, index.passageCount);
    assert.equal(embed.footer!.text, `Page 1 of 1 · 5 articles, ${index.passageCount} passages`);
    assert.deepEqual(buttonsOf(r.last), []);
  });

  it('pages with Previous and Next, for the person who asked only', async () => {
    const files = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`${String(i).padStart(2, '0')}.txt`, `Headline number ${i}\n\nThe council met on day ${i} and voted.`]));
    const dir = await tempCorpus(files);
    const { index: big } = await buildFromFolder(dir);
    const { command, press } = makeDesk(big);
    const first = await command('sources');
    assert.equal(first.last.embeds![0]!.description!.split('\n').length, 10);
    assert.deepEqual(buttonsOf(first.last).map((b) => b.label), ['Next']);

    const second = await press(customIdOf(first.last, 'Next'));
    assert.deepEqual(second.methods, ['update']);
    assert.match(second.last.embeds![0]!.description!, /^\*\*11\.\*\* \*\*Headline number 10\*\*/);
    assert.deepEqual(buttonsOf(second.last).map((b) => b.label), ['Previous', 'Next']);

    const last = await command('sources', { page: 99 });
    assert.match(last.last.embeds![0]!.footer!.text, /^Page 3 of 3 · 23 articles/);

    const stranger = await press(customIdOf(first.last, 'Next'), member(BOB));
    assert.equal(stranger.last.flags, EPHEMERAL);
    assert.match(stranger.last.content!, /Only the person who asked for this list/);
  });

  it('refuses a page below 1', async () => {
    const { command } = makeDesk(index);
    const r = await command('sources', { page: 0 });
    assert.equal(r.last.flags, EPHEMERAL);
    assert.match(r.last.content!, /`page` must be from 1/);
  });
});

describe('/source', () => {
  it('shows the document details and the asked paragraph, to read a citation in context', async () => {
    const { command } = makeDesk(index);
    const r = await command('source', { id: '001_9af66bd40fa38a69.txt', paragraph: 3 });
    assert.deepEqual(r.methods, ['reply']);
    const embed = r.last.embeds![0]!;
    assert.match(embed.title!, /^France is to launch a new push/);
    assert.match(embed.description!, /^¶3 of 13\n> The Syrian army command said civilians in rebel-held eastern Aleppo were being used as human shields/);
    const fields = Object.fromEntries(embed.fields!.map((f) => [f.name, f.value]));
    assert.deepEqual(fields, { Outlet: 'Reuters', Date: '2016-10-06', Paragraphs: '13', Passages: '13', Id: '`001_9af66bd40fa38a69.txt`' });
    assert.deepEqual(buttonsOf(r.last).map((b) => b.label), ['¶2', '¶4']);
    for (const part of markdownOf(r.last)) assertOnlyOwnMarkup(part);
  });

  it('shows the lead when no paragraph is asked, and steps through paragraphs with its buttons', async () => {
    const { command, press } = makeDesk(index);
    const r = await command('source', { id: '002_04a37cd5f8b22a37.txt' });
    assert.match(r.last.embeds![0]!.description!, /^¶1 of 22 \(lead\)\n> Secretary of State John Kerry/);
    assert.deepEqual(buttonsOf(r.last).map((b) => b.label), ['¶2']);
    const next = await press(customIdOf(r.last, '¶2'));
    assert.deepEqual(next.methods, ['update']);
    assert.match(next.last.embeds![0]!.description!, /^¶2 of 22\n/);
    const stranger = await press(customIdOf(r.last, '¶2'), member(BOB));
    assert.equal(stranger.last.flags, EPHEMERAL);
  });

  it('refuses an unknown id and a paragraph the article does not have', async () => {
    const { command } = makeDesk(index);
    const unknown = await command('source', { id: '<@123> nope.txt' });
    assert.equal(unknown.last.flags, EPHEMERAL);
    assert.match(unknown.last.content!, /I have no article with the id “\\<@123> nope\.txt”/);
    assertOnlyOwnMarkup(unknown.last.content!);
    const beyond = await command('source', { id: '001_9af66bd40fa38a69.txt', paragraph: 14 });
    assert.equal(beyond.last.flags, EPHEMERAL);
    assert.match(beyond.last.content!, /That article has 13 paragraphs: ask for ¶1–¶13/);
  });

  it('accepts the short key autocomplete uses for ids longer than Discord allows', async () => {
    const { command } = makeDesk(index);
    const r = await command('source', { id: documentKey('004_10a781a0ece468b5.txt') });
    assert.match(r.last.embeds![0]!.title!, /^Syria launches new air strikes on Aleppo$/);
  });

  it('suggests ids as they are typed', async () => {
    const { autocomplete } = makeDesk(index);
    const r = await autocomplete('source', 'id', { id: 'aleppo' });
    const choices = (r.calls[0] as { choices: Array<{ name: string; value: string }> }).choices;
    assert.ok(choices.length >= 2 && choices.length <= LIMITS.choices);
    assert.ok(choices.every((c) => /aleppo/i.test(c.name)));
  });
});

describe('/help', () => {
  it('privately explains the bot, lists every command and says what the corpus holds', async () => {
    const { command } = makeDesk(index);
    const r = await command('help', {}, inDm());
    assert.deepEqual(r.methods, ['reply']);
    assert.equal(r.last.flags, EPHEMERAL);
    const text = textOf(r.last);
    for (const usage of ['`/ask question [top] [source] [private]`', '`/sources [page]`', '`/source id [paragraph]`', '`/reload`', '`/help`']) assert.ok(text.includes(usage), usage);
    assert.match(text, new RegExp(`5 articles, ${index.passageCount} passages; outlets named: Reuters; dates given: 2016-10-06\\.`));
  });
});

describe('the dispatcher', () => {
  it('refuses unknown commands and buttons politely', async () => {
    const { command, press } = makeDesk(index);
    const unknown = await command('frobnicate');
    assert.equal(unknown.last.flags, EPHEMERAL);
    assert.match(unknown.last.content!, /I don't know the command `\/frobnicate`/);
    const button = await press('gone:1:2');
    assert.equal(button.last.flags, EPHEMERAL);
  });

  it('turns a handler that throws into a short private error with a reference, and logs the stack', async () => {
    const broken = new LiveIndex(index, { dir: 'seeds' });
    Object.defineProperty(broken, 'current', {
      get() {
        throw new Error('disk on fire');
      },
    });
    const { command, logs } = makeDesk(index, { live: broken });

    const help = await command('help');
    assert.deepEqual(help.methods, ['reply']);
    assert.equal(help.last.flags, EPHEMERAL);
    const ref = /reference `([0-9a-f]{8})`/.exec(help.last.content!)?.[1];
    assert.ok(ref, help.last.content);
    const line = logs.find((l) => l.ref === ref)!;
    assert.equal(line.level, 50);
    assert.equal(line.outcome, 'error');
    assert.match(line.err!.stack, /disk on fire/);

    // After a public "thinking…", the error is said privately: the public placeholder goes away.
    const ask = await command('ask', { question: 'who bombed Aleppo' });
    assert.deepEqual(ask.methods, ['defer', 'deleteReply', 'followUp']);
    assert.equal(ask.last.flags, EPHEMERAL);
    // After a private "thinking…", the reply itself becomes the error.
    const privately = await command('ask', { question: 'who bombed Aleppo', private: true });
    assert.deepEqual(privately.methods, ['defer', 'editReply']);
    assert.match(privately.last.content!, /something went wrong/);

    const suggestions = await makeDesk(index, { live: broken }).autocomplete('source', 'id', { id: 'x' });
    assert.deepEqual(suggestions.calls, [{ method: 'choices', choices: [] }]);
  });

  it('survives Discord refusing a reply: it logs and carries on', async () => {
    const { desk, logs } = makeDesk(index);
    const { RecordingResponder } = await import('./helpers/desk.ts');
    const responder = new RecordingResponder();
    responder.failOn = 'editReply';
    await desk.handle({ kind: 'command', command: 'ask', options: { question: 'who bombed Aleppo' }, invoker: member() }, responder);
    assert.deepEqual(responder.methods, ['defer', 'deleteReply', 'followUp']);
    assert.equal(logs.at(-1)!.outcome, 'error');
    assert.match(logs.at(-1)!.err!.message, /Discord refused editReply/);
  });
});
