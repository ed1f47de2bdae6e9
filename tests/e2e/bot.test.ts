/**
 * End to end: Newsdesk as `npm start` runs it with a token — settings from the environment, the saved index opened
 * (built when stale), then `startBot` — with DISCORD_API_BASE pointing at the local fake of Discord
 * (tests/support/fakeDiscord.ts). The real discord.js client logs in over the fake's gateway, receives interactions
 * and answers them over its REST API; the tests read what arrived there: routes, callback types, bodies, flags.
 *
 * One bot and one fake serve the whole file (logging in and building the index once keeps it fast); each test uses
 * users of its own, and the one that breaks the corpus folder repairs it. The last test runs `src/main.ts` itself as
 * a child process against a fake of its own, and checks that it stops and exits by itself on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
  type APIEmbed,
  type APIInteraction,
  type APIMessage,
  type APIUser,
} from 'discord.js';
import pino from 'pino';
import { startBot, type RunningBot } from '../../src/bot/discord/bot.ts';
import { indexPathFor, readSettings } from '../../src/config.ts';
import { LiveIndex } from '../../src/search/liveIndex.ts';
import { openIndex } from '../../src/search/store.ts';
import { assertChoicesFit, assertFitsDiscord, assertOnlyOwnMarkup, markdownOf } from '../helpers/discordRules.ts';
import {
  FAKE_BOT_TOKEN,
  MEMBER_PERMISSIONS,
  ROUTES,
  makeUser,
  startFakeDiscord,
  type FakeDiscord,
  type InteractionResponses,
  type RecordedRequest,
} from '../support/fakeDiscord.ts';
import { environmentWith } from './environment.ts';

const WAIT_MS = 5_000;
const RATIONS_QUESTION = 'how many rations are left';
const RATIONS_DOC = '000_025659df9b5cb3f3.txt';
/** Short articles added to the seeds so the corpus holds more documents than one autocomplete answer may list. */
const NOTICES = 30;
const ARTICLES = 5 + NOTICES;
const MODERATOR_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;

// ---------------------------------------------------------------------------------------------
// The bot's log, kept in memory
// ---------------------------------------------------------------------------------------------

/** One JSON line as pino writes it. */
interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * The bot's log lines, with a way to wait for one. The dispatcher writes exactly one line per interaction once its
 * last Discord call has returned, so that line tells a test the bot is done with an interaction: nothing sleeps.
 */
class LogBook {
  readonly lines: LogLine[] = [];
  private readonly waiters = new Set<{ from: number; predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();

  /** pino's destination: one JSON line per call. */
  write(text: string): void {
    const line = JSON.parse(text) as LogLine;
    this.lines.push(line);
    for (const waiter of this.waiters) {
      if (this.lines.length - 1 >= waiter.from && waiter.predicate(line)) {
        this.waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  }

  /** The first line from position `from` on (already written or still to come) that matches. */
  waitFor(predicate: (line: LogLine) => boolean, from = 0, timeoutMs = WAIT_MS): Promise<LogLine> {
    const found = this.lines.slice(from).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no such log line within ${timeoutMs} ms; the log so far:\n${this.lines.map((l) => JSON.stringify(l)).join('\n')}`));
      }, timeoutMs);
      const waiter = {
        from,
        predicate,
        resolve: (line: LogLine) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      this.waiters.add(waiter);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Starting Newsdesk the way `npm start` does
// ---------------------------------------------------------------------------------------------

/** A temp folder with a copy of the seeds plus the notices in `corpus/`, and room for the saved index beside it. */
async function makeCorpus(): Promise<{ root: string; corpusDir: string; indexFile: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'newsdesk-e2e-'));
  const corpusDir = path.join(root, 'corpus');
  await cp('seeds', corpusDir, { recursive: true, dereference: true });
  for (let i = 1; i <= NOTICES; i++) {
    const n = String(i).padStart(2, '0');
    await writeFile(
      path.join(corpusDir, `notice-${n}.txt`),
      `Parish notice ${n}: the choir rehearses on Thursday\n\nThe village choir of Little Wittering rehearses hymn number ${n} on Thursday evening in the chapel vestry.\n`,
    );
  }
  return { root, corpusDir, indexFile: path.join(root, 'index.json') };
}

interface Newsdesk {
  fake: FakeDiscord;
  bot: RunningBot;
  log: LogBook;
  corpusDir: string;
}

/**
 * The steps of src/main.ts with DISCORD_TOKEN set, in its order, from an environment of our own: readSettings,
 * openIndex at indexPathFor, a LiveIndex over the corpus folder, startBot. Only the logger differs: it writes to
 * memory instead of stderr.
 */
async function startNewsdesk(fake: FakeDiscord, corpus: { corpusDir: string; indexFile: string }): Promise<Newsdesk> {
  const settings = readSettings({
    DISCORD_TOKEN: FAKE_BOT_TOKEN,
    DISCORD_API_BASE: `${fake.url}/api`,
    CORPUS_DIR: corpus.corpusDir,
    INDEX_PATH: corpus.indexFile,
  });
  const log = new LogBook();
  const logger = pino({ level: settings.LOG_LEVEL }, log);
  const indexFile = indexPathFor(settings.CORPUS_DIR, settings.INDEX_PATH);
  const { index } = await openIndex(settings.CORPUS_DIR, indexFile, logger);
  const live = new LiveIndex(index, { dir: settings.CORPUS_DIR, indexFile, log: logger });
  const bot = await startBot({ settings, log: logger, live });
  try {
    // login() can return before the guild has arrived; the bot says it is connected once discord.js is ready.
    await log.waitFor((line) => line.msg === 'connected to Discord');
  } catch (error) {
    await bot.stop();
    throw error;
  }
  return { fake, bot, log, corpusDir: corpus.corpusDir };
}

// ---------------------------------------------------------------------------------------------
// Reading what the bot sent
// ---------------------------------------------------------------------------------------------

/** A message body as it left discord.js. */
interface SentMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  flags?: number;
  allowed_mentions?: { parse?: string[] };
  tts?: boolean;
  enforce_nonce?: boolean;
}

interface CallbackBody {
  type: InteractionResponseType;
  data?: SentMessage & { choices?: Array<{ name: string; value: string }> };
}

/** What one interaction led to. */
interface Exchange {
  /** Every request the bot made for it (callback, edits, follow-ups), in order, faulted ones included. */
  requests: RecordedRequest[];
  /** The callbacks Discord accepted (not faulted, not dropped). */
  callbacks: CallbackBody[];
  edits: RecordedRequest[];
  followUps: RecordedRequest[];
  /** What the fake holds now: the original response as last edited, follow-ups. */
  responses: InteractionResponses;
  /** The dispatcher's one log line for it. */
  logLine: LogLine;
}

const accepted = (r: RecordedRequest) => typeof r.status === 'number' && r.status < 300;

/** Dispatches an interaction and resolves once the bot has finished with it (its log line is written). */
async function interact(desk: Newsdesk, payload: APIInteraction): Promise<Exchange> {
  const userId = payload.member?.user.id ?? payload.user?.id;
  const from = desk.log.lines.length;
  desk.fake.dispatchInteraction(payload);
  const logLine = await desk.log.waitFor((line) => (line.msg === 'interaction' || line.msg === 'interaction failed') && line.user === userId, from);
  const requests = desk.fake.requests.filter((r) => r.params.token === payload.token);
  return {
    requests,
    callbacks: requests.filter((r) => r.route === ROUTES.callback && accepted(r)).map((r) => r.body as CallbackBody),
    edits: requests.filter((r) => r.route === ROUTES.editMessage),
    followUps: requests.filter((r) => r.route === ROUTES.followUp),
    responses: desk.fake.responsesTo(payload),
    logLine,
  };
}

/** Every message body the bot sent for an interaction: reply and update callbacks, edits, follow-ups. */
function messageBodies(exchange: Exchange): SentMessage[] {
  const bodies: SentMessage[] = [];
  for (const r of exchange.requests) {
    if (r.route === ROUTES.callback) {
      const body = r.body as CallbackBody;
      if (body.type === InteractionResponseType.ChannelMessageWithSource || body.type === InteractionResponseType.UpdateMessage) bodies.push(body.data ?? {});
    } else if (r.route === ROUTES.editMessage || r.route === ROUTES.followUp) {
      bodies.push(r.body as SentMessage);
    }
  }
  return bodies;
}

/**
 * Mentions are off in every message body, and each would pass Discord's checks (lengths, components, markup). discord.js
 * adds `tts: false` and `enforce_nonce: false` to every body; the rest is the bot's.
 */
function assertMessagesFit(exchange: Exchange): void {
  const bodies = messageBodies(exchange);
  assert.ok(bodies.length > 0, 'the bot sent no message');
  bodies.forEach((body, i) => {
    assert.deepEqual(body.allowed_mentions?.parse, [], `message ${i}: allowed_mentions.parse must be empty`);
    const { tts: _tts, enforce_nonce: _nonce, ...own } = body;
    assertFitsDiscord(own, `message ${i}`);
    for (const part of markdownOf(own)) assertOnlyOwnMarkup(part, `message ${i}`);
  });
}

/** The buttons of a message as Discord stores it: label and custom_id. */
function buttonsOf(message: APIMessage | SentMessage): Array<{ label?: string; custom_id?: string }> {
  const rows = (message.components ?? []) as Array<{ components?: Array<{ label?: string; custom_id?: string }> }>;
  return rows.flatMap((row) => row.components ?? []);
}

function customIdOf(message: APIMessage | SentMessage, label: string): string {
  const found = buttonsOf(message).find((b) => b.label === label);
  assert.ok(found?.custom_id, `no "${label}" button among ${JSON.stringify(buttonsOf(message))}`);
  return found.custom_id;
}

const isEphemeral = (flags: number | undefined) => ((flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/** The one answer a deferred or replied interaction shows in the end, after checking that nothing was sent twice. */
function finalAnswer(exchange: Exchange): APIMessage {
  assert.equal(exchange.callbacks.length, 1, 'acknowledged exactly once');
  const type = exchange.callbacks[0]!.type;
  assert.ok(
    type === InteractionResponseType.DeferredChannelMessageWithSource || type === InteractionResponseType.ChannelMessageWithSource,
    `acknowledged by deferring or replying, not with callback type ${type}`,
  );
  const deferred = type === InteractionResponseType.DeferredChannelMessageWithSource;
  assert.equal(exchange.edits.filter(accepted).length, deferred ? 1 : 0, deferred ? 'one final edit of the deferred reply' : 'a reply needs no edit');
  assert.equal(exchange.followUps.length, 0, 'no follow-up');
  const original = exchange.responses.original;
  assert.ok(original, 'the answer is in place');
  assert.equal((original.flags ?? 0) & MessageFlags.Loading, 0, 'no longer "thinking…"');
  return original;
}

/** The rations answer: the verbatim excerpt, quoted, and its citation with the document id and ¶9. */
function assertRationsAnswer(message: APIMessage): void {
  assert.equal(message.content, `**Q:** ${RATIONS_QUESTION}`);
  const description = message.embeds[0]?.description ?? '';
  assert.match(description, /^> .*We were informed today that there are now 4000 food \*\*rations left\*\*\. That would be enough for 20,000 people/m);
  assert.match(description, new RegExp(`^— \\*\\*.+\\*\\*, ¶9 · \`${RATIONS_DOC.replace('.', '\\.')}\`$`, 'm'));
}

const ask = (desk: Newsdesk, user: APIUser, options: Record<string, string | number | boolean>) =>
  desk.fake.chatInputInteraction({ name: 'ask', user, options });

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe('Newsdesk against a fake Discord', () => {
  let desk: Newsdesk;
  let corpusRoot: string | undefined;
  let fake: FakeDiscord | undefined;
  let bot: RunningBot | undefined;

  before(async () => {
    const corpus = await makeCorpus();
    corpusRoot = corpus.root;
    fake = await startFakeDiscord();
    desk = await startNewsdesk(fake, corpus);
    bot = desk.bot;
  });

  after(async () => {
    // Order matters: a live client keeps reconnecting to a closed fake, and the process would never exit.
    await bot?.stop();
    await fake?.close();
    if (corpusRoot) await rm(corpusRoot, { recursive: true, force: true });
  });

  it('logs in with a dummy token through the configured API and becomes ready', () => {
    const { client } = desk.bot;
    assert.equal(client.isReady(), true);
    assert.equal(client.user?.id, desk.fake.world.botUser.id);
    assert.equal(client.guilds.cache.get(desk.fake.world.guildId)?.available, true);
    assert.equal(desk.fake.connectedClients, 1);

    const gateway = desk.fake.requests.find((r) => r.route === ROUTES.gatewayBot);
    assert.ok(gateway, 'the gateway address was asked from DISCORD_API_BASE');
    assert.equal(gateway.path, '/api/v10/gateway/bot');
    assert.equal(gateway.headers.authorization, `Bot ${FAKE_BOT_TOKEN}`);
    const identify = desk.fake.gatewayFrames.find((f) => f.op === GatewayOpcodes.Identify)?.d as { token: string; intents: number };
    assert.equal(identify.token, FAKE_BOT_TOKEN);
    assert.equal(identify.intents, GatewayIntentBits.Guilds, 'only the Guilds intent');

    const index = desk.log.lines.findIndex((l) => /index ready|loaded saved index/.test(l.msg));
    const connected = desk.log.lines.findIndex((l) => l.msg === 'connected to Discord');
    assert.ok(index !== -1 && index < connected, 'the index was opened before the bot connected');
    assert.equal(desk.log.lines[connected]!.guilds, 1);
    assert.deepEqual(desk.log.lines.filter((l) => l.level >= 40), [], 'no warning or error while starting');
  });

  it('/ask: acknowledges, answers with the excerpt and citation, mentions off, nothing sent twice', async () => {
    const exchange = await interact(desk, ask(desk, makeUser(), { question: RATIONS_QUESTION }));

    const answer = finalAnswer(exchange);
    assertRationsAnswer(answer);
    assert.equal(isEphemeral(answer.flags), false, 'a public answer');
    assert.ok(exchange.requests.every(accepted), 'every request was accepted');
    assert.deepEqual(
      exchange.requests.map((r) => r.route),
      exchange.edits.length > 0 ? [ROUTES.callback, ROUTES.editMessage] : [ROUTES.callback],
      'the acknowledgement comes first; nothing else is sent',
    );
    assertMessagesFit(exchange);
    assert.equal(exchange.logLine.outcome, 'ok');
  });

  it('embed-only replies (/help, /sources, /source) also turn mentions off', async () => {
    for (const [name, options] of [['help', {}], ['sources', {}], ['source', { id: '000_025659df9b5cb3f3.txt', paragraph: 9 }]] as const) {
      const exchange = await interact(desk, desk.fake.chatInputInteraction({ name, user: makeUser(), options }));
      assertMessagesFit(exchange);
    }
  });

  it('autocomplete of `source` offers at most 25 choices, matching what was typed', async () => {
    const user = makeUser();
    const complete = (value: string) =>
      interact(desk, desk.fake.autocompleteInteraction({ name: 'ask', user, focused: { name: 'source', value }, options: { question: 'who bombed Aleppo' } }));

    const everything = await complete('');
    assert.equal(everything.callbacks.length, 1);
    assert.equal(everything.callbacks[0]!.type, InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = everything.callbacks[0]!.data?.choices ?? [];
    assert.equal(choices.length, 25, `${ARTICLES} articles, cut to Discord's 25`);
    assertChoicesFit(choices);

    const typed = await complete('000_0256');
    assert.deepEqual(
      typed.callbacks[0]!.data?.choices?.map((c) => c.value),
      [RATIONS_DOC],
    );
    assert.equal(typed.requests.length, 1, 'one callback and nothing else');
  });

  it('"More" pages to the next answers for the asker, and refuses anyone else privately', async () => {
    const asker = makeUser();
    const asked = await interact(desk, ask(desk, asker, { question: 'who bombed Aleppo', top: 1 }));
    const first = finalAnswer(asked);
    assert.equal(first.embeds.length, 1, 'top: 1');
    const total = Number(/^Answer 1 of (\d+)$/.exec(first.embeds[0]?.footer?.text ?? '')?.[1]);
    assert.ok(total >= 3, `enough answers to page through (${total})`);
    const more = customIdOf(first, 'More');

    const paged = await interact(desk, desk.fake.buttonInteraction({ customId: more, user: asker, message: first }));
    assert.equal(paged.callbacks.length, 1);
    assert.equal(paged.callbacks[0]!.type, InteractionResponseType.UpdateMessage, 'the answer message itself turns the page');
    const second = paged.callbacks[0]!.data!;
    assert.equal(second.embeds?.[0]?.footer?.text, `Answer 2 of ${total}`);
    assert.notEqual(second.embeds?.[0]?.description, first.embeds[0]?.description);
    assert.deepEqual(buttonsOf(second).map((b) => b.label), ['Back', 'More']);
    assert.equal(paged.responses.original?.embeds[0]?.footer?.text, `Answer 2 of ${total}`);
    assertMessagesFit(paged);

    const stranger = await interact(desk, desk.fake.buttonInteraction({ customId: more, user: makeUser(), message: first }));
    assert.equal(stranger.callbacks.length, 1);
    assert.equal(stranger.callbacks[0]!.type, InteractionResponseType.ChannelMessageWithSource, 'a reply of its own, not an update');
    const refusal = stranger.callbacks[0]!.data!;
    assert.equal(refusal.flags, MessageFlags.Ephemeral, 'refused privately');
    assert.match(refusal.content ?? '', /only the person who asked/i);
    assert.equal(refusal.embeds, undefined, 'no answers shown to the stranger');
    assertMessagesFit(stranger);
    assert.equal(stranger.logLine.outcome, 'refused');
  });

  it('/reload: refused privately without Manage Server; reported privately with it', async () => {
    const member = await interact(desk, desk.fake.chatInputInteraction({ name: 'reload', user: makeUser(), permissions: MEMBER_PERMISSIONS }));
    assert.equal(member.callbacks.length, 1);
    assert.equal(member.callbacks[0]!.type, InteractionResponseType.ChannelMessageWithSource);
    assert.equal(member.callbacks[0]!.data?.flags, MessageFlags.Ephemeral, 'refused privately');
    assert.match(member.callbacks[0]!.data?.content ?? '', /Only moderators can reload/);
    assert.deepEqual(member.edits, [], 'nothing was reloaded');
    assertMessagesFit(member);

    const moderator = await interact(desk, desk.fake.chatInputInteraction({ name: 'reload', user: makeUser(), permissions: MODERATOR_PERMISSIONS }));
    assert.equal(moderator.callbacks.length, 1);
    assert.equal(moderator.callbacks[0]!.type, InteractionResponseType.DeferredChannelMessageWithSource);
    assert.equal(moderator.callbacks[0]!.data?.flags, MessageFlags.Ephemeral, 'the report is private');
    const report = moderator.responses.original;
    assert.ok(report);
    assert.equal(report.embeds[0]?.title, 'Reloaded');
    assert.match(report.embeds[0]?.description ?? '', new RegExp(`^Now answering from ${ARTICLES} articles, [\\d,]+ passages`));
    assert.match(report.embeds[0]?.description ?? '', /No article was added, removed or changed\./);
    assert.equal(isEphemeral(report.flags), true);
    // A slow reload may show progress first; the report is the last edit, and nothing follows it.
    const edits = moderator.edits.map((r) => r.body as SentMessage);
    assert.ok(edits.slice(0, -1).every((e) => /^Reloading the corpus…/.test(e.content ?? '')), `only progress edits before the report: ${JSON.stringify(edits)}`);
    assert.equal(moderator.followUps.length, 0);
    assertMessagesFit(moderator);
  });

  it('/reload of a folder holding a broken file names it, and the old index keeps answering', async () => {
    const broken = path.join(desk.corpusDir, 'zz-latin1.txt');
    // "Café" in Latin-1: not UTF-8.
    await writeFile(broken, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    try {
      const reload = await interact(desk, desk.fake.chatInputInteraction({ name: 'reload', user: makeUser(), permissions: MODERATOR_PERMISSIONS }));
      assert.equal(reload.callbacks.length, 1);
      const report = reload.responses.original;
      assert.ok(report);
      assert.equal(report.embeds[0]?.title, 'Reload failed');
      const description = report.embeds[0]?.description ?? '';
      assert.match(description, new RegExp(`The old index \\(${ARTICLES} articles, [\\d,]+ passages\\) is still answering`));
      assert.match(description, /1 file did not load:\n• `zz-latin1\.txt` is not valid UTF-8 text/);
      assert.equal(isEphemeral(report.flags), true);
      assertMessagesFit(reload);
    } finally {
      await rm(broken, { force: true });
    }

    const again = await interact(desk, ask(desk, makeUser(), { question: RATIONS_QUESTION }));
    assertRationsAnswer(finalAnswer(again));
  });

  it('survives a 429 and a 500 on the callback: the answer still arrives and the bot stays up', async () => {
    const payload = ask(desk, makeUser(), { question: RATIONS_QUESTION });
    const isCallback = (r: RecordedRequest) => r.route === ROUTES.callback && r.params.token === payload.token;
    // Rules fire once each, in order: attempt 1 → 429 with Retry-After, attempt 2 → 500, attempt 3 → accepted.
    desk.fake.injectFault((r) => isCallback(r) && { status: 429, retryAfter: 0.05 });
    desk.fake.injectFault((r) => isCallback(r) && { status: 500 });

    const exchange = await interact(desk, payload);
    assert.deepEqual(
      exchange.requests.filter(isCallback).map((r) => r.status),
      [429, 500, 204],
    );
    assertRationsAnswer(finalAnswer(exchange));
    assertMessagesFit(exchange);
    assert.equal(exchange.logLine.outcome, 'ok');

    assert.equal(desk.bot.client.isReady(), true);
    assert.equal(desk.fake.connectedClients, 1);
    const next = await interact(desk, ask(desk, makeUser(), { question: RATIONS_QUESTION }));
    assertRationsAnswer(finalAnswer(next));
  });

  it('survives a dropped connection on the callback: the asker is told privately, and the bot stays up', async () => {
    const payload = ask(desk, makeUser(), { question: RATIONS_QUESTION });
    const isCallback = (r: RecordedRequest) => r.route === ROUTES.callback && r.params.token === payload.token;
    desk.fake.injectFault((r) => isCallback(r) && { drop: true });

    const exchange = await interact(desk, payload);
    // discord.js does not retry a dropped connection: the defer fails, and the error is reported in a reply.
    assert.deepEqual(
      exchange.requests.filter(isCallback).map((r) => r.status),
      ['dropped', 204],
    );
    assert.equal(exchange.logLine.outcome, 'error');
    const notice = exchange.callbacks[0]!;
    assert.equal(notice.type, InteractionResponseType.ChannelMessageWithSource);
    assert.equal(notice.data?.flags, MessageFlags.Ephemeral);
    assert.ok(notice.data?.content?.includes(String(exchange.logLine.ref)), 'the notice gives the reference in the log');
    assertMessagesFit(exchange);

    assert.equal(desk.fake.connectedClients, 1);
    const next = await interact(desk, ask(desk, makeUser(), { question: RATIONS_QUESTION }));
    assertRationsAnswer(finalAnswer(next));
  });
});

describe('npm start with a token', () => {
  it('logs in to the configured API, answers, and exits by itself on SIGTERM', { timeout: 30_000 }, async () => {
    const corpus = await makeCorpus();
    const fake = await startFakeDiscord();
    const env = environmentWith({
      DISCORD_TOKEN: FAKE_BOT_TOKEN,
      DISCORD_API_BASE: `${fake.url}/api`,
      CORPUS_DIR: corpus.corpusDir,
      INDEX_PATH: corpus.indexFile,
      LOG_LEVEL: 'info',
    });
    // Killed (SIGKILL) only when it does not stop by itself; the exit assertion tells the two apart.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 25_000, killSignal: 'SIGKILL' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const log = new LogBook();
    let stderr = '';
    let pending = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('{')) log.write(line);
    });
    try {
      // Starting takes a second or two (tsx, discord.js, building the index); dying first fails at once, with the output.
      await new Promise<void>((resolve, reject) => {
        const onClose = (code: number | null, signal: NodeJS.Signals | null) => reject(new Error(`exited before connecting (code ${code}, signal ${signal}):\n${stderr}`));
        child.once('close', onClose);
        log.waitFor((line) => line.msg === 'connected to Discord', 0, 20_000).then(() => {
          child.off('close', onClose);
          resolve();
        }, reject);
      });

      const from = log.lines.length;
      const payload = fake.dispatchInteraction(fake.chatInputInteraction({ name: 'ask', user: makeUser(), options: { question: RATIONS_QUESTION } }));
      const handled = await log.waitFor((line) => line.msg === 'interaction' || line.msg === 'interaction failed', from);
      assert.equal(handled.outcome, 'ok');
      const answer = fake.responsesTo(payload).original;
      assert.ok(answer, 'answered');
      assertRationsAnswer(answer);

      child.kill('SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null }, `stopped by itself with exit code 0\n${stderr}`);
      assert.ok(log.lines.some((l) => l.msg === 'disconnected from Discord'), stderr);
      assert.ok(!stderr.includes(FAKE_BOT_TOKEN), 'the token is never logged');
    } finally {
      // A failed assertion must not leave the bot reconnecting to a closed fake: it goes first.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      await fake.close();
      await rm(corpus.root, { recursive: true, force: true });
    }
  });
});
