/**
 * Smoke test of tests/support/fakeDiscord.ts: a bare discord.js Client logs in against the fake and
 * exercises the interaction round trips the bot relies on, including REST retries on injected faults.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test, type TestContext } from 'node:test';
import {
  ApplicationCommandOptionType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
  type Interaction,
} from 'discord.js';
import {
  FAKE_BOT_TOKEN,
  ROUTES,
  isCallbackFor,
  isFollowUpFor,
  isOriginalEditFor,
  startFakeDiscord,
  type FakeDiscord,
  type FakeDiscordOptions,
} from '../support/fakeDiscord.ts';

const TIMEOUT_MS = 5_000;

async function startBot(t: TestContext, options?: FakeDiscordOptions): Promise<{ fake: FakeDiscord; client: Client }> {
  const fake = await startFakeDiscord(options);
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: fake.restOptions });
  t.after(async () => {
    // Order matters: a live client would keep reconnecting to a closed fake.
    await client.destroy();
    await fake.close();
  });
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  await client.login(FAKE_BOT_TOKEN);
  await ready;
  return { fake, client };
}

async function nextInteraction(client: Client): Promise<Interaction> {
  const [interaction] = (await once(client, Events.InteractionCreate, { signal: AbortSignal.timeout(TIMEOUT_MS) })) as [
    Interaction,
  ];
  return interaction;
}

test('logs in, becomes ready with the guild cached, and gets heartbeats acknowledged', async (t) => {
  const { fake, client } = await startBot(t, { heartbeatIntervalMs: 100 });

  assert.equal(client.user?.id, fake.world.botUser.id);
  assert.equal(client.application?.id, fake.world.applicationId);
  const guild = client.guilds.cache.get(fake.world.guildId);
  assert.ok(guild?.available);
  assert.equal(guild.name, fake.world.guildName);
  assert.equal(guild.channels.cache.get(fake.world.channelId)?.isTextBased(), true);
  assert.ok(guild.members.cache.has(fake.world.user.id));
  assert.ok(guild.roles.everyone);

  const gatewayBot = await fake.waitForRequest((r) => r.route === ROUTES.gatewayBot);
  assert.equal(gatewayBot.path, '/api/v10/gateway/bot');
  assert.equal(gatewayBot.headers.authorization, `Bot ${FAKE_BOT_TOKEN}`);
  const identify = fake.gatewayFrames.find((f) => f.op === GatewayOpcodes.Identify);
  assert.deepEqual((identify?.d as { intents: number }).intents, GatewayIntentBits.Guilds);

  // The first beat comes after a random fraction of the 100 ms interval; the ACK shows up as a debug line.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no heartbeat ACK')), TIMEOUT_MS);
    const onDebug = (message: string): void => {
      if (!message.includes('Heartbeat acknowledged')) return;
      clearTimeout(timer);
      client.off(Events.Debug, onDebug);
      resolve();
    };
    client.on(Events.Debug, onDebug);
  });
});

test('reply() arrives as a type 4 callback with the message body', async (t) => {
  const { fake, client } = await startBot(t);
  const received = nextInteraction(client);
  const payload = fake.dispatchInteraction(
    fake.chatInputInteraction({
      name: 'ask',
      options: { question: 'who won?', limit: 3 },
      permissions: PermissionFlagsBits.ManageGuild,
    }),
  );
  const interaction = await received;
  assert.ok(interaction.isChatInputCommand());
  assert.equal(interaction.commandName, 'ask');
  assert.equal(interaction.options.getString('question'), 'who won?');
  assert.equal(interaction.options.getInteger('limit'), 3);
  assert.equal(interaction.guildId, fake.world.guildId);
  assert.equal(interaction.channelId, fake.world.channelId);
  assert.equal(interaction.user.id, fake.world.user.id);
  assert.equal(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild), true);
  assert.equal(interaction.memberPermissions?.has(PermissionFlagsBits.Administrator), false);

  await interaction.reply({ content: 'hi', allowedMentions: { parse: [] } });

  const callback = await fake.waitForRequest(isCallbackFor(payload));
  assert.equal(callback.path, `/api/v10/interactions/${payload.id}/${payload.token}/callback`);
  assert.equal(callback.query.get('with_response'), 'false');
  assert.equal(callback.status, 204);
  // MessagePayload always adds tts and enforce_nonce (discord.js/src/structures/MessagePayload.js).
  assert.deepEqual(callback.body, {
    type: 4,
    data: { content: 'hi', tts: false, enforce_nonce: false, allowed_mentions: { parse: [] } },
  });
  assert.equal(fake.responsesTo(payload).original?.content, 'hi');
});

test('reply({ withResponse: true }) gets the created message back', async (t) => {
  const { fake, client } = await startBot(t);
  const received = nextInteraction(client);
  const payload = fake.dispatchInteraction(fake.chatInputInteraction({ name: 'ask' }));
  const interaction = await received;
  assert.ok(interaction.isChatInputCommand());

  const response = await interaction.reply({ content: 'hello', withResponse: true });
  assert.equal(response.resource?.message?.content, 'hello');
  assert.equal(response.resource?.message?.id, fake.responsesTo(payload).original?.id);
  assert.equal(response.interaction.id, payload.id);
});

test('deferReply() then editReply() arrive as a type 5 callback then PATCH @original', async (t) => {
  const { fake, client } = await startBot(t);
  const received = nextInteraction(client);
  const payload = fake.dispatchInteraction(fake.chatInputInteraction({ name: 'ask' }));
  const interaction = await received;
  assert.ok(interaction.isChatInputCommand());

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const message = await interaction.editReply({ content: 'answer', allowedMentions: { parse: [] } });
  assert.equal(message.content, 'answer');
  assert.equal(message.channelId, fake.world.channelId);

  const callback = await fake.waitForRequest(isCallbackFor(payload));
  assert.deepEqual(callback.body, { type: 5, data: { flags: MessageFlags.Ephemeral } });
  const edit = await fake.waitForRequest(isOriginalEditFor(payload));
  assert.equal(edit.method, 'PATCH');
  assert.match(edit.url, /\/messages\/%40original/);
  assert.deepEqual(edit.body, { content: 'answer', tts: false, enforce_nonce: false, allowed_mentions: { parse: [] } });
  assert.ok(callback.seq < edit.seq);

  const state = fake.responsesTo(payload);
  assert.equal(state.callbackType, InteractionResponseType.DeferredChannelMessageWithSource);
  assert.equal(state.original?.content, 'answer');
  assert.equal((state.original?.flags ?? 0) & MessageFlags.Loading, 0);

  const fetched = await interaction.fetchReply();
  assert.equal(fetched.content, 'answer');
  const followUp = await interaction.followUp({ content: 'more', allowedMentions: { parse: [] } });
  assert.equal(followUp.content, 'more');
  await fake.waitForRequest(isFollowUpFor(payload));
  assert.deepEqual(
    fake.responsesTo(payload).followUps.map((m) => m.content),
    ['more'],
  );
});

test('the REST client survives a 429 and a 500 on the callback, and a 429 on the edit', async (t) => {
  const { fake, client } = await startBot(t);
  const received = nextInteraction(client);
  const payload = fake.dispatchInteraction(fake.chatInputInteraction({ name: 'ask' }));
  const interaction = await received;
  assert.ok(interaction.isChatInputCommand());

  // Rules are consulted in order and each fires once: attempt 1 → 429, attempt 2 → 500, attempt 3 → handled.
  fake.injectFault((r) => r.route === ROUTES.callback && { status: 429, retryAfter: 0.05 });
  fake.injectFault((r) => r.route === ROUTES.callback && { status: 500 });
  const started = Date.now();
  await interaction.deferReply();
  assert.ok(Date.now() - started >= 50, 'waited out Retry-After');
  const callbacks = fake.requests.filter(isCallbackFor(payload));
  assert.deepEqual(
    callbacks.map((r) => r.status),
    [429, 500, 204],
  );
  assert.deepEqual(callbacks[0]?.fault, { status: 429, retryAfter: 0.05 });

  // Webhook edits go through the sequential (bucketed) handler: it must wait, not spin.
  fake.injectFault((r) => r.route === ROUTES.editMessage && { status: 429, retryAfter: 0.1 });
  const editStarted = Date.now();
  await interaction.editReply('done');
  assert.ok(Date.now() - editStarted >= 100, 'waited out the bucket reset');
  assert.deepEqual(
    fake.requests.filter((r) => r.route === ROUTES.editMessage).map((r) => r.status),
    [429, 200],
  );
});

test('four 500s in a row exhaust the default 3 retries', async (t) => {
  const { fake, client } = await startBot(t);
  const received = nextInteraction(client);
  fake.dispatchInteraction(fake.chatInputInteraction({ name: 'ask' }));
  const interaction = await received;
  assert.ok(interaction.isChatInputCommand());

  fake.injectFault((r) => r.route === ROUTES.callback && { status: 500 }, { times: Infinity });
  await assert.rejects(interaction.reply('x'), (error: Error) => error.name === 'HTTPError');
  assert.equal(fake.requests.filter((r) => r.route === ROUTES.callback).length, 4);
});

test('a dropped connection is not retried: the call rejects', async (t) => {
  const { fake, client } = await startBot(t);
  const received = nextInteraction(client);
  const payload = fake.dispatchInteraction(fake.chatInputInteraction({ name: 'ask' }));
  const interaction = await received;
  assert.ok(interaction.isChatInputCommand());

  fake.injectFault((r) => r.route === ROUTES.callback && { drop: true });
  await assert.rejects(interaction.reply('x'));
  assert.deepEqual(
    fake.requests.filter((r) => r.route === ROUTES.callback).map((r) => r.status),
    ['dropped'],
  );
  assert.equal(fake.responsesTo(payload).callbackType, null);
});

test('autocomplete respond() gives a type 8 callback', async (t) => {
  const { fake, client } = await startBot(t);
  const received = nextInteraction(client);
  const payload = fake.dispatchInteraction(
    fake.autocompleteInteraction({ name: 'ask', focused: { name: 'outlet', value: 'gua' }, options: { limit: 2 } }),
  );
  const interaction = await received;
  assert.ok(interaction.isAutocomplete());
  assert.deepEqual(interaction.options.getFocused(true), {
    name: 'outlet',
    type: ApplicationCommandOptionType.String,
    value: 'gua',
    focused: true,
  });
  assert.equal(interaction.options.getInteger('limit'), 2);

  await interaction.respond([{ name: 'The Guardian', value: 'guardian' }]);
  const callback = await fake.waitForRequest(isCallbackFor(payload));
  assert.deepEqual(callback.body, {
    type: 8,
    data: { choices: [{ name: 'The Guardian', value: 'guardian' }] },
  });
});

test('button interactions carry the message and its interaction metadata; update() is type 7', async (t) => {
  const { fake, client } = await startBot(t);
  const received = nextInteraction(client);
  const payload = fake.dispatchInteraction(
    fake.buttonInteraction({ customId: 'more:42', message: { content: 'first page' } }),
  );
  const interaction = await received;
  assert.ok(interaction.isButton());
  assert.equal(interaction.customId, 'more:42');
  assert.equal(interaction.message.content, 'first page');
  assert.equal(interaction.message.author.id, fake.world.botUser.id);
  assert.equal(interaction.message.interactionMetadata?.user.id, interaction.user.id);

  await interaction.update({ content: 'second page', components: [] });
  const callback = await fake.waitForRequest(isCallbackFor(payload));
  assert.deepEqual(callback.body, {
    type: 7,
    data: { content: 'second page', tts: false, enforce_nonce: false, components: [] },
  });
  assert.equal(fake.responsesTo(payload).original?.content, 'second page');
});

test('DM interactions have a user and no guild; files arrive as multipart with payload_json', async (t) => {
  const { fake, client } = await startBot(t);
  const received = nextInteraction(client);
  const payload = fake.dispatchInteraction(
    fake.chatInputInteraction({ name: 'ask', dm: true, user: { username: 'dmuser' } }),
  );
  const interaction = await received;
  assert.ok(interaction.isChatInputCommand());
  assert.equal(interaction.guildId, null);
  assert.equal(interaction.member, null);
  assert.equal(interaction.user.username, 'dmuser');
  assert.equal(interaction.channelId, fake.world.dmChannelId);
  assert.equal(interaction.type, InteractionType.ApplicationCommand);

  await interaction.reply({
    content: 'sources attached',
    files: [{ attachment: Buffer.from('a,b\n1,2\n'), name: 'sources.csv' }],
  });
  const callback = await fake.waitForRequest(isCallbackFor(payload));
  assert.match(String(callback.headers['content-type']), /^multipart\/form-data/);
  assert.deepEqual(callback.body, {
    type: 4,
    data: { content: 'sources attached', tts: false, enforce_nonce: false, attachments: [{ id: '0' }] },
  });
  assert.equal(callback.files.length, 1);
  assert.equal(callback.files[0]?.field, 'files[0]');
  assert.equal(callback.files[0]?.filename, 'sources.csv');
  assert.equal(callback.files[0]?.data.toString(), 'a,b\n1,2\n');
  assert.equal(fake.responsesTo(payload).original?.attachments[0]?.filename, 'sources.csv');
});

test('command registration is echoed with ids; unknown routes are 404 and recorded', async (t) => {
  const { fake, client } = await startBot(t);
  const commands = await client.application!.commands.set([{ name: 'ask', description: 'Ask the newsdesk' }]);
  assert.equal(commands.size, 1);
  const [command] = commands.values();
  assert.equal(command?.name, 'ask');
  assert.match(command?.id ?? '', /^\d{17,19}$/);
  const guildCommands = await client.application!.commands.set([{ name: 'ask', description: 'x' }], fake.world.guildId);
  assert.equal(guildCommands.first()?.guildId, fake.world.guildId);
  assert.ok(fake.requests.some((r) => r.route === ROUTES.putGuildCommands));

  await assert.rejects(
    client.rest.get('/channels/123456789012345678/messages'),
    (error: unknown) => error instanceof DiscordAPIError && error.status === 404,
  );
  const unknown = fake.requests.at(-1);
  assert.equal(unknown?.route, null);
  assert.equal(unknown?.status, 404);
});

test('after a gateway disconnect the client resumes and still receives interactions', async (t) => {
  const { fake, client } = await startBot(t);
  const resumed = once(client, Events.ShardResume, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  fake.disconnectGateway(4000);
  await resumed;
  assert.ok(fake.gatewayFrames.some((f) => f.op === GatewayOpcodes.Resume));

  const received = nextInteraction(client);
  fake.dispatchInteraction(fake.chatInputInteraction({ name: 'ask' }));
  const interaction = await received;
  assert.ok(interaction.isChatInputCommand());
});
