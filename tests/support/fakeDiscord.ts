/**
 * A small fake of Discord's HTTP API and gateway, bound to 127.0.0.1 on an ephemeral port, so the
 * real discord.js client can log in and handle interactions in tests without touching the network.
 *
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: fake.restOptions });
 *   await client.login(FAKE_TOKEN);
 *   ...
 *   await client.destroy(); // FIRST: a live client reconnects forever once the fake is gone
 *   await fake.close();
 *
 * Wiring facts (checked against node_modules, discord.js 14.28.1 / @discordjs/rest 2.6.3 / @discordjs/ws 1.2.3):
 * - REST URLs are `${rest.api}/v${rest.version}${route}`, so `api: `${fake.url}/api`` yields /api/v10/...
 * - The gateway URL comes only from GET /gateway/bot (`url`), and reconnects use READY's `resume_gateway_url`.
 * - Under Node the gateway client is the `ws` package and REST goes through undici.request.
 * - Gateway compression is only requested when zlib-sync is installed (it is not), so frames are plain JSON text.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  DefaultRestOptions,
  GatewayDispatchEvents,
  GatewayOpcodes,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommandAutocompleteInteraction,
  type ApplicationFlags,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIEmbed,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageTopLevelComponent,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  type RESTOptions,
} from 'discord.js';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

// ---------------------------------------------------------------------------------------------
// Ids and the fixed "world" the fake serves
// ---------------------------------------------------------------------------------------------

// Bit-flag enums have no 0 member, but 0 ("no flags") is what Discord sends.
const NO_FLAGS = 0;

const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** A fresh, time-based snowflake (19 digits for current dates), unique within this process. */
export function snowflake(atMs: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(atMs) - DISCORD_EPOCH) << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

// Deterministic ids for the world so failures are easy to read across runs.
const WORLD_EPOCH_MS = Date.UTC(2024, 0, 1);
function fixedSnowflake(n: number): string {
  return (((BigInt(WORLD_EPOCH_MS) - DISCORD_EPOCH) << 22n) + BigInt(n)).toString();
}

/** Tokens only need to be unique and URL-safe; the REST client puts them in paths verbatim. */
function interactionToken(): string {
  return `fake-interaction-${randomBytes(24).toString('base64url')}`;
}

/** A token of the shape discord.js accepts; the fake never checks it. */
export const FAKE_BOT_TOKEN = `${'x'.repeat(24)}.${'y'.repeat(6)}.${'z'.repeat(27)}`;

export interface FakeWorld {
  /** The application id; also the bot user's id, as for every modern Discord bot. */
  applicationId: string;
  botUser: APIUser;
  guildId: string;
  guildName: string;
  /** Owner of the guild (a human, not the bot). */
  owner: APIUser;
  /** The guild's one text channel, where guild interactions happen by default. */
  channelId: string;
  channelName: string;
  /** The DM channel used by DM interactions. */
  dmChannelId: string;
  /** Default invoking user of fixture interactions. */
  user: APIUser;
}

export function makeUser(overrides: Partial<APIUser> = {}): APIUser {
  const id = overrides.id ?? snowflake();
  return {
    id,
    username: `user${id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    ...overrides,
  };
}

export function makeWorld(overrides: Partial<FakeWorld> = {}): FakeWorld {
  const applicationId = overrides.applicationId ?? overrides.botUser?.id ?? fixedSnowflake(1);
  return {
    applicationId,
    botUser: { id: applicationId, username: 'Newsdesk', discriminator: '0', global_name: null, avatar: null, bot: true },
    guildId: fixedSnowflake(2),
    guildName: 'Fake Newsroom',
    owner: makeUser({ id: fixedSnowflake(3), username: 'owner', global_name: 'Guild Owner' }),
    channelId: fixedSnowflake(4),
    channelName: 'news',
    dmChannelId: fixedSnowflake(5),
    user: makeUser({ id: fixedSnowflake(6), username: 'reader', global_name: 'A Reader' }),
    ...overrides,
  };
}

export const DEFAULT_WORLD: FakeWorld = makeWorld();

/** Permissions of an ordinary member; tests raise them (e.g. ManageGuild) where a command needs it. */
export const MEMBER_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands;

/** What the bot may do in the channel (interaction `app_permissions`). */
export const APP_PERMISSIONS: bigint = MEMBER_PERMISSIONS | PermissionFlagsBits.SendMessagesInThreads;

// ---------------------------------------------------------------------------------------------
// Interaction fixtures
// ---------------------------------------------------------------------------------------------

export type OptionInput =
  | string
  | number
  | boolean
  /** Explicit type, e.g. a Number option with an integral value, or a User option (value = user id). */
  | { type: ApplicationCommandOptionType; value: string | number | boolean };

export interface InteractionFixtureOptions {
  /** Invoking user; merged onto the world's default user. */
  user?: Partial<APIUser>;
  /** Guild interaction (default) or a DM with the bot. */
  dm?: boolean;
  /** The member's permissions in the channel (guild only). Default: MEMBER_PERMISSIONS. */
  permissions?: bigint | string;
  /** The member's role ids (guild only). */
  roles?: string[];
  appPermissions?: bigint | string;
  channelId?: string;
  locale?: Locale;
  guildLocale?: Locale;
  id?: string;
  token?: string;
}

export interface ChatInputFixtureOptions extends InteractionFixtureOptions {
  name: string;
  commandId?: string;
  /** Option values by name (strings, integers → Integer, non-integers → Number, booleans), or raw API options. */
  options?: Record<string, OptionInput> | APIApplicationCommandInteractionDataOption[];
  subcommand?: string;
  subcommandGroup?: string;
}

export interface AutocompleteFixtureOptions extends Omit<ChatInputFixtureOptions, 'options'> {
  /** The option being typed in: it is sent with `focused: true` (as a string option unless `type` says otherwise). */
  focused: { name: string; value: string | number; type?: ApplicationCommandOptionType };
  /** Other options already filled in. */
  options?: Record<string, OptionInput>;
}

export interface ButtonFixtureOptions extends InteractionFixtureOptions {
  customId: string;
  /**
   * The message carrying the button, merged onto a default bot message with one button row whose
   * `interaction_metadata` names the invoking user as the one who ran the original command
   * (pass `interaction_metadata: undefined` to drop it).
   */
  message?: Partial<APIMessage>;
}

function permissionString(value: bigint | string | undefined, fallback: bigint): string {
  return (value ?? fallback).toString();
}

function toDataOption(name: string, input: OptionInput): APIApplicationCommandInteractionDataOption {
  const { type, value } =
    typeof input === 'object'
      ? input
      : typeof input === 'string'
        ? { type: ApplicationCommandOptionType.String, value: input }
        : typeof input === 'boolean'
          ? { type: ApplicationCommandOptionType.Boolean, value: input }
          : {
              type: Number.isInteger(input) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number,
              value: input,
            };
  // The API option union is keyed on `type`; the fixture trusts the caller to pair type and value.
  return { name, type, value } as APIApplicationCommandInteractionDataOption;
}

type DataOption = APIApplicationCommandInteractionDataOption;
// Same shapes, but the API types autocomplete options separately (they may carry `focused`).
type AutocompleteDataOption = APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>;

function buildOptions(
  input: Record<string, OptionInput> | DataOption[] | undefined,
  subcommand: string | undefined,
  subcommandGroup: string | undefined,
): DataOption[] {
  let options = Array.isArray(input)
    ? input
    : Object.entries(input ?? {}).map(([name, value]) => toDataOption(name, value));
  if (subcommand) {
    options = [{ type: ApplicationCommandOptionType.Subcommand, name: subcommand, options } as DataOption];
  }
  if (subcommandGroup) {
    options = [{ type: ApplicationCommandOptionType.SubcommandGroup, name: subcommandGroup, options } as DataOption];
  }
  return options;
}

/** A member of the world's guild, there since the world began. */
function guildMember(user: APIUser, roles: string[]): APIGuildMember & { user: APIUser } {
  return {
    user,
    roles,
    joined_at: new Date(WORLD_EPOCH_MS).toISOString(),
    deaf: false,
    mute: false,
    flags: NO_FLAGS as GuildMemberFlags,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The fields every interaction shares; guild and DM variants differ as they do on Discord. */
function interactionBase(world: FakeWorld, opts: InteractionFixtureOptions) {
  const user = { ...world.user, ...opts.user };
  const common = {
    id: opts.id ?? snowflake(),
    application_id: world.applicationId,
    token: opts.token ?? interactionToken(),
    version: 1 as const,
    app_permissions: permissionString(opts.appPermissions, APP_PERMISSIONS),
    locale: opts.locale ?? Locale.EnglishUS,
    // discord.js reads both unconditionally (BaseInteraction constructor): missing ones throw in the gateway handler.
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (opts.dm) {
    const channelId = opts.channelId ?? world.dmChannelId;
    return {
      ...common,
      user,
      channel_id: channelId,
      channel: { id: channelId, type: ChannelType.DM as const, recipients: [user], last_message_id: null, flags: 0 },
      context: InteractionContextType.BotDM,
      // "0" is what Discord sends for a guild-installed app used in its bot DM.
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' as const },
    };
  }
  const channelId = opts.channelId ?? world.channelId;
  const member: APIInteractionGuildMember = {
    ...guildMember(user, opts.roles ?? []),
    permissions: permissionString(opts.permissions, MEMBER_PERMISSIONS),
  };
  return {
    ...common,
    guild_id: world.guildId,
    guild: { id: world.guildId, locale: opts.guildLocale ?? Locale.EnglishUS, features: [] },
    guild_locale: opts.guildLocale ?? Locale.EnglishUS,
    member,
    channel_id: channelId,
    // discord.js takes the channel id from `channel.id`, not `channel_id`.
    channel: { id: channelId, type: ChannelType.GuildText as const, guild_id: world.guildId, name: world.channelName },
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: world.guildId },
  };
}

export function chatInputInteraction(
  opts: ChatInputFixtureOptions,
  world: FakeWorld = DEFAULT_WORLD,
): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionBase(world, opts),
    type: InteractionType.ApplicationCommand,
    data: {
      id: opts.commandId ?? snowflake(),
      type: ApplicationCommandType.ChatInput,
      name: opts.name,
      options: buildOptions(opts.options, opts.subcommand, opts.subcommandGroup),
    },
  };
}

export function autocompleteInteraction(
  opts: AutocompleteFixtureOptions,
  world: FakeWorld = DEFAULT_WORLD,
): APIApplicationCommandAutocompleteInteraction {
  const focused = {
    name: opts.focused.name,
    type: opts.focused.type ?? ApplicationCommandOptionType.String,
    value: opts.focused.value,
    focused: true,
  } as DataOption;
  const others = Object.entries(opts.options ?? {}).map(([name, value]) => toDataOption(name, value));
  return {
    ...interactionBase(world, opts),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: opts.commandId ?? snowflake(),
      type: ApplicationCommandType.ChatInput,
      name: opts.name,
      options: buildOptions([...others, focused], opts.subcommand, opts.subcommandGroup) as AutocompleteDataOption[],
    },
  };
}

/**
 * An empty message the bot sent in answer to an interaction, as Discord returns it: no content,
 * embeds or components yet, and `interaction_metadata` naming the interaction it answers.
 */
function botMessage(
  world: FakeWorld,
  fields: {
    channelId: string;
    type: MessageType;
    /** Who ran which interaction; the API types a metadata variant per interaction type, the fake builds one shape. */
    interaction: { id: string; type: InteractionType; user: APIUser; authorizing_integration_owners: unknown };
  },
): APIMessage {
  return {
    id: snowflake(),
    channel_id: fields.channelId,
    author: world.botUser,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: fields.type,
    flags: NO_FLAGS as MessageFlags,
    webhook_id: world.applicationId,
    application_id: world.applicationId,
    interaction_metadata: fields.interaction as APIMessage['interaction_metadata'],
  };
}

export function buttonInteraction(
  opts: ButtonFixtureOptions,
  world: FakeWorld = DEFAULT_WORLD,
): APIMessageComponentButtonInteraction {
  const base = interactionBase(world, opts);
  const presser = 'member' in base ? base.member.user : base.user;
  const message: APIMessage = {
    ...botMessage(world, {
      channelId: base.channel_id,
      type: MessageType.ChatInputCommand,
      interaction: {
        id: snowflake(),
        type: InteractionType.ApplicationCommand,
        user: presser,
        authorizing_integration_owners: base.authorizing_integration_owners,
      },
    }),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: opts.customId, label: 'Button' },
        ],
      },
    ],
    ...opts.message,
  };
  return {
    ...base,
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: opts.customId, component_type: ComponentType.Button },
  };
}

// ---------------------------------------------------------------------------------------------
// Recorded requests and faults
// ---------------------------------------------------------------------------------------------

export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  /** 1-based arrival order. */
  seq: number;
  method: string;
  /** Decoded path without the query, e.g. `/api/v10/webhooks/1/tok/messages/@original` (sent as `%40original`). */
  path: string;
  /** The raw request target, query included. */
  url: string;
  /** Matched route template such as `POST /interactions/:interactionId/:token/callback`, or null (→ 404). */
  route: string | null;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the `payload_json` part of a multipart body; null when there is none. */
  body: unknown;
  files: RecordedFile[];
  /** The HTTP status answered, or 'dropped' when a fault destroyed the socket. */
  status: number | 'dropped';
  fault: Fault | null;
}

export type Fault =
  /** Rate limit: Retry-After plus the x-ratelimit-* headers @discordjs/rest reads, so it waits instead of spinning. */
  | { status: 429; retryAfter: number; global?: boolean }
  /** Server error: @discordjs/rest retries these immediately, up to `rest.retries` (3) times. */
  | { status: 500 | 502 | 503 | 504 }
  /** A Discord API error (rejects with DiscordAPIError), e.g. 404/10062 Unknown interaction. */
  | { status: 400 | 401 | 403 | 404; code: number; message?: string }
  /** Destroy the socket without answering. */
  | { drop: true };

export type FaultRule = (request: RecordedRequest) => Fault | null | undefined | false;

export interface FaultOptions {
  /** How many requests this rule may fault before it retires itself. Default 1; Infinity for "always". */
  times?: number;
}

/** Route templates of the routes the fake serves, for predicates: `r.route === ROUTES.callback`. */
export const ROUTES = {
  gatewayBot: 'GET /gateway/bot',
  callback: 'POST /interactions/:interactionId/:token/callback',
  getMessage: 'GET /webhooks/:applicationId/:token/messages/:messageId',
  editMessage: 'PATCH /webhooks/:applicationId/:token/messages/:messageId',
  deleteMessage: 'DELETE /webhooks/:applicationId/:token/messages/:messageId',
  followUp: 'POST /webhooks/:applicationId/:token',
  putGlobalCommands: 'PUT /applications/:applicationId/commands',
  putGuildCommands: 'PUT /applications/:applicationId/guilds/:guildId/commands',
} as const;

/** Predicate: the interaction callback (initial response) for this interaction. */
export function isCallbackFor(interaction: { token: string }): (r: RecordedRequest) => boolean {
  return (r) => r.route === ROUTES.callback && r.params.token === interaction.token && r.status !== 'dropped';
}

/** Predicate: an edit of the original response (`editReply()`) for this interaction. */
export function isOriginalEditFor(interaction: { token: string }): (r: RecordedRequest) => boolean {
  return (r) => r.route === ROUTES.editMessage && r.params.token === interaction.token && r.params.messageId === '@original';
}

/** Predicate: a follow-up message (`followUp()`) for this interaction. */
export function isFollowUpFor(interaction: { token: string }): (r: RecordedRequest) => boolean {
  return (r) => r.route === ROUTES.followUp && r.params.token === interaction.token;
}

// ---------------------------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------------------------

export interface FakeDiscordOptions {
  world?: Partial<FakeWorld>;
  /** HELLO's heartbeat_interval. The client's first beat comes after a random fraction of it. Default 41 250. */
  heartbeatIntervalMs?: number;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
}

/** What the fake knows about the responses to one interaction. */
export interface InteractionResponses {
  /** Callback type of the initial response (4 reply, 5 defer, 6 deferUpdate, 7 update, 8 autocomplete…), or null. */
  callbackType: InteractionResponseType | null;
  /** The callback's `data` (e.g. autocomplete choices), or null. */
  callbackData: unknown;
  /** Current state of the original response message, after edits; null if none (yet) or deleted. */
  original: APIMessage | null;
  followUps: APIMessage[];
}

export interface FakeDiscord {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** ws://127.0.0.1:PORT */
  readonly gatewayUrl: string;
  readonly world: FakeWorld;
  /**
   * Pass as `new Client({ rest: fake.restOptions })`: points api/cdn/media proxy at the fake and refuses
   * (throws) any request discord.js would make to another origin.
   */
  readonly restOptions: Partial<RESTOptions>;
  /** Every HTTP request so far, in arrival order (faulted and 404 ones included). */
  readonly requests: readonly RecordedRequest[];
  /** Every frame the clients sent on the gateway (identify, heartbeats, resume…). */
  readonly gatewayFrames: readonly GatewayFrame[];
  /** Number of gateway connections that have identified or resumed and receive dispatches. */
  readonly connectedClients: number;

  /** Resolves with the first request (already recorded or future) matching the predicate. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Registers a fault rule; returns a function that removes it. */
  injectFault(rule: FaultRule, options?: FaultOptions): () => void;

  /** Sends a dispatch (op 0) to every connected client; returns how many got it. Throws if none is connected. */
  dispatch(event: string, data: unknown): number;
  /** Dispatches INTERACTION_CREATE and starts tracking its responses; returns the payload for chaining. */
  dispatchInteraction<T extends APIInteraction>(interaction: T): T;
  /** Responses recorded for an interaction dispatched through this fake. */
  responsesTo(interaction: { token: string }): InteractionResponses;
  /** Closes every gateway connection with the given code (4000 → discord.js resumes; 1000 → re-identifies). */
  disconnectGateway(code?: number): void;

  chatInputInteraction(opts: ChatInputFixtureOptions): APIChatInputApplicationCommandInteraction;
  autocompleteInteraction(opts: AutocompleteFixtureOptions): APIApplicationCommandAutocompleteInteraction;
  buttonInteraction(opts: ButtonFixtureOptions): APIMessageComponentButtonInteraction;

  /** Stops everything. Destroy the discord.js client first, or its shard keeps reconnecting. */
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function apiError(status: number, code: number, message: string): Reply {
  return { status, body: { message, code } };
}

const API_PREFIX = '/api/v10';

interface InteractionState {
  payload: APIInteraction;
  responses: InteractionResponses;
}

interface Session {
  id: string;
  seq: number;
}

interface Connection {
  socket: WebSocket;
  session: Session | null;
}

interface Waiter {
  predicate: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = makeWorld(options.world);
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;

  const requests: RecordedRequest[] = [];
  const gatewayFrames: GatewayFrame[] = [];
  const waiters = new Set<Waiter>();
  const faultRules: Array<{ rule: FaultRule; remaining: number }> = [];
  const interactions = new Map<string, InteractionState>();
  const sessions = new Map<string, Session>();
  const connections = new Set<Connection>();
  const commandIds = new Map<string, string>();
  const registeredCommands = new Map<string, unknown[]>();
  let closed = false;
  let nextSeq = 1;

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      // A bug in the fake must be loud, not a hung request.
      console.error('fakeDiscord: request handler failed', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'fakeDiscord internal error', code: 0 }));
    });
  });
  // perMessageDeflate off: discord.js does not negotiate it and plain frames are easier to debug.
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', onGatewayConnection);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  const guardedMakeRequest: RESTOptions['makeRequest'] = async (target, init) => {
    // Belt and braces: nothing discord.js does in a test may reach the real Discord.
    if (!target.startsWith(`${url}/`)) throw new Error(`fakeDiscord: refused a request to ${target}`);
    return DefaultRestOptions.makeRequest(target, init);
  };
  const restOptions: Partial<RESTOptions> = {
    api: `${url}/api`,
    cdn: `${url}/cdn`,
    mediaProxy: `${url}/media`,
    makeRequest: guardedMakeRequest,
  };

  // ------------------------------------------------------------------ HTTP

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);

    const target = new URL(req.url ?? '/', url);
    const path = target.pathname
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
    const method = (req.method ?? 'GET').toUpperCase();
    const { body, files } = await parseBody(raw, req.headers['content-type']);
    const matched = path.startsWith(`${API_PREFIX}/`) ? matchRoute(method, path.slice(API_PREFIX.length)) : null;

    const recorded: RecordedRequest = {
      seq: nextSeq++, // taken on arrival: bodies are parsed asynchronously
      method,
      path,
      url: req.url ?? '/',
      route: matched?.route ?? null,
      params: matched?.params ?? {},
      query: target.searchParams,
      headers: req.headers,
      body,
      files,
      status: 404,
      fault: null,
    };

    const fault = takeFault(recorded);
    recorded.fault = fault;
    if (fault && 'drop' in fault) {
      recorded.status = 'dropped';
      record(recorded);
      req.socket.destroy();
      return;
    }

    const reply: Reply = fault
      ? faultReply(fault, recorded.route ?? recorded.path)
      : matched
        ? matched.handler(recorded)
        : apiError(404, 0, '404: Not Found');
    recorded.status = reply.status;
    record(recorded);

    const headers: Record<string, string> = { ...reply.headers };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    // @discordjs/rest only parses JSON when content-type says so (parseResponse), e.g. for /gateway/bot.
    headers['content-type'] = 'application/json';
    res.writeHead(reply.status, headers);
    res.end(JSON.stringify(reply.body));
  }

  async function parseBody(
    raw: Buffer,
    contentType: string | undefined,
  ): Promise<{ body: unknown; files: RecordedFile[] }> {
    if (raw.length === 0) return { body: null, files: [] };
    if (contentType?.startsWith('multipart/form-data')) {
      // discord.js sends files as multipart with the JSON in a `payload_json` part; the web Response parses it.
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      let body: unknown = null;
      const files: RecordedFile[] = [];
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
        } else {
          const data = Buffer.from(await value.arrayBuffer());
          files.push({ field, filename: value.name, contentType: value.type, data });
        }
      }
      return { body, files };
    }
    const text = raw.toString('utf8');
    try {
      return { body: JSON.parse(text), files: [] };
    } catch {
      return { body: text, files: [] };
    }
  }

  function takeFault(request: RecordedRequest): Fault | null {
    for (const entry of faultRules) {
      const fault = entry.rule(request);
      if (!fault) continue;
      entry.remaining -= 1;
      if (entry.remaining <= 0) faultRules.splice(faultRules.indexOf(entry), 1);
      return fault;
    }
    return null;
  }

  function faultReply(fault: Exclude<Fault, { drop: true }>, bucket: string): Reply {
    if (fault.status === 429) {
      // SequentialHandler: Remaining 0 + Reset-After make the bucket "locally limited", so it sleeps until the
      // reset; BurstHandler (interaction callbacks) sleeps Retry-After. Without Retry-After both retry at once.
      const seconds = String(fault.retryAfter);
      const headers: Record<string, string> = {
        'retry-after': seconds,
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + fault.retryAfter),
        'x-ratelimit-reset-after': seconds,
        // A per-route bucket, so one route's 429 does not throttle another route's handler.
        'x-ratelimit-bucket': `fake:${bucket}`,
        'x-ratelimit-scope': fault.global ? 'global' : 'user',
      };
      if (fault.global) headers['x-ratelimit-global'] = 'true';
      return {
        status: 429,
        headers,
        body: { message: 'You are being rate limited.', retry_after: fault.retryAfter, global: fault.global ?? false },
      };
    }
    if ('code' in fault) return apiError(fault.status, fault.code, fault.message ?? `${fault.status}: fault injected`);
    return apiError(fault.status, 0, `${fault.status}: Internal Server Error`);
  }

  function record(request: RecordedRequest): void {
    requests.push(request);
    for (const waiter of waiters) {
      let matches: boolean;
      try {
        matches = waiter.predicate(request);
      } catch (error) {
        settle(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matches) {
        settle(waiter);
        waiter.resolve(request);
      }
    }
  }

  function settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    waiters.delete(waiter);
  }

  // ------------------------------------------------------------------ routes

  type Handler = (request: RecordedRequest) => Reply;
  const routeTable: Array<{ method: string; template: string; segments: string[]; handler: Handler }> = [];
  function route(spec: string, handler: Handler): void {
    const [method = '', template = ''] = spec.split(' ');
    routeTable.push({ method, template, segments: template.split('/'), handler });
  }

  function matchRoute(method: string, apiPath: string) {
    const segments = apiPath.split('/');
    for (const entry of routeTable) {
      if (entry.method !== method || entry.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = entry.segments.every((expected, i) => {
        const actual = segments[i] ?? '';
        if (expected.startsWith(':')) {
          params[expected.slice(1)] = actual;
          return actual.length > 0;
        }
        return expected === actual;
      });
      if (ok) return { route: `${entry.method} ${entry.template}`, params, handler: entry.handler };
    }
    return null;
  }

  route('GET /gateway/bot', () => ({
    status: 200,
    body: {
      url: gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    },
  }));
  route('GET /gateway', () => ({ status: 200, body: { url: gatewayUrl } }));
  route('GET /users/@me', () => ({ status: 200, body: world.botUser }));
  route('GET /applications/@me', () => ({
    status: 200,
    body: {
      id: world.applicationId,
      name: world.botUser.username,
      icon: null,
      description: '',
      summary: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      owner: world.owner,
      bot: world.botUser,
    },
  }));

  route(ROUTES.callback, (r) => {
    const state = interactions.get(r.params.token ?? '');
    if (!state || state.payload.id !== r.params.interactionId) return apiError(404, 10062, 'Unknown interaction');
    if (state.responses.callbackType !== null) return apiError(400, 40060, 'Interaction has already been acknowledged.');
    const body = isObject(r.body) ? r.body : {};
    const type = body.type as InteractionResponseType;
    const data = isObject(body.data) ? body.data : {};
    state.responses.callbackType = type;
    state.responses.callbackData = body.data ?? null;

    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        state.responses.original = applyMessageFields(newMessage(state), data, r.files);
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = (typeof data.flags === 'number' ? data.flags : 0) | MessageFlags.Loading;
        state.responses.original = { ...newMessage(state), flags };
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        state.responses.original =
          'message' in state.payload && state.payload.message ? { ...state.payload.message } : null;
        break;
      case InteractionResponseType.UpdateMessage:
        if ('message' in state.payload && state.payload.message) {
          state.responses.original = applyMessageFields({ ...state.payload.message }, data, r.files, true);
        }
        break;
      default:
        break;
    }
    if (r.query.get('with_response') !== 'true') return { status: 204 };
    const message = state.responses.original;
    return {
      status: 200,
      body: {
        interaction: {
          id: state.payload.id,
          type: state.payload.type,
          response_message_id: message?.id,
          response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral: Boolean((message?.flags ?? 0) & MessageFlags.Ephemeral),
        },
        resource: message ? { type, message } : { type },
      },
    };
  });

  function webhookState(r: RecordedRequest): InteractionState | Reply {
    const state = interactions.get(r.params.token ?? '');
    if (!state || r.params.applicationId !== world.applicationId) return apiError(404, 10015, 'Unknown Webhook');
    return state;
  }

  /** The original (`@original`) or a follow-up message of an interaction, or a 404 reply. */
  function findMessage(
    state: InteractionState,
    messageId: string,
  ): { message: APIMessage; set: (m: APIMessage | null) => void } | Reply {
    const { responses } = state;
    if (messageId === '@original' || messageId === responses.original?.id) {
      if (!responses.original) return apiError(404, 10008, 'Unknown Message');
      return { message: responses.original, set: (m) => (responses.original = m) };
    }
    const index = responses.followUps.findIndex((m) => m.id === messageId);
    const message = responses.followUps[index];
    if (!message) return apiError(404, 10008, 'Unknown Message');
    return {
      message,
      set: (m) => {
        if (m) responses.followUps[index] = m;
        else responses.followUps.splice(index, 1);
      },
    };
  }

  route(ROUTES.getMessage, (r) => {
    const state = webhookState(r);
    if ('status' in state) return state;
    const found = findMessage(state, r.params.messageId ?? '');
    return 'status' in found ? found : { status: 200, body: found.message };
  });
  route(ROUTES.editMessage, (r) => {
    const state = webhookState(r);
    if ('status' in state) return state;
    const found = findMessage(state, r.params.messageId ?? '');
    if ('status' in found) return found;
    const edited = applyMessageFields({ ...found.message }, isObject(r.body) ? r.body : {}, r.files, true);
    // An edit resolves a deferred "thinking…" response.
    edited.flags = (edited.flags ?? 0) & ~MessageFlags.Loading;
    found.set(edited);
    return { status: 200, body: edited };
  });
  route(ROUTES.deleteMessage, (r) => {
    const state = webhookState(r);
    if ('status' in state) return state;
    const found = findMessage(state, r.params.messageId ?? '');
    if ('status' in found) return found;
    found.set(null);
    return { status: 204 };
  });
  route(ROUTES.followUp, (r) => {
    const state = webhookState(r);
    if ('status' in state) return state;
    if (state.responses.callbackType === null) return apiError(404, 10015, 'Unknown Webhook');
    const message = applyMessageFields(newMessage(state), isObject(r.body) ? r.body : {}, r.files);
    if (message.interaction_metadata && state.responses.original) {
      message.interaction_metadata = {
        ...message.interaction_metadata,
        original_response_message_id: state.responses.original.id,
      };
    }
    state.responses.followUps.push(message);
    return { status: 200, body: message };
  });

  function registerCommands(r: RecordedRequest, guildId: string | null): Reply {
    if (r.params.applicationId !== world.applicationId) return apiError(403, 50001, 'Missing Access');
    if (!Array.isArray(r.body)) return apiError(400, 50035, 'Invalid Form Body');
    const echoed = r.body.filter(isObject).map((command) => {
      const name = String(command.name);
      // Overwriting keeps the id of a command with the same name, as Discord does.
      const key = `${guildId ?? 'global'}:${name}`;
      const id = commandIds.get(key) ?? snowflake();
      commandIds.set(key, id);
      return {
        type: ApplicationCommandType.ChatInput,
        description: '',
        options: [],
        default_member_permissions: null,
        nsfw: false,
        ...command,
        id,
        application_id: world.applicationId,
        version: snowflake(),
        ...(guildId ? { guild_id: guildId } : {}),
      };
    });
    registeredCommands.set(guildId ?? 'global', echoed);
    return { status: 200, body: echoed };
  }
  route(ROUTES.putGlobalCommands, (r) => registerCommands(r, null));
  route(ROUTES.putGuildCommands, (r) => registerCommands(r, r.params.guildId ?? null));
  route('GET /applications/:applicationId/commands', () => ({ status: 200, body: registeredCommands.get('global') ?? [] }));
  route('GET /applications/:applicationId/guilds/:guildId/commands', (r) => ({
    status: 200,
    body: registeredCommands.get(r.params.guildId ?? '') ?? [],
  }));

  function newMessage(state: InteractionState): APIMessage {
    const { payload } = state;
    return botMessage(world, {
      channelId: payload.channel?.id ?? payload.channel_id ?? world.channelId,
      type: payload.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
      interaction: {
        id: payload.id,
        type: payload.type,
        user: payload.member?.user ?? payload.user ?? world.user,
        authorizing_integration_owners: payload.authorizing_integration_owners,
      },
    });
  }

  /**
   * Copies the message fields of a create/edit body onto a message (allowed_mentions etc. are not stored).
   * discord.js lists uploads as `attachments: [{id: '0'}]` and sends the bytes as multipart part `files[0]`.
   */
  function applyMessageFields(message: APIMessage, body: JsonObject, files: RecordedFile[], isEdit = false): APIMessage {
    if (typeof body.content === 'string') message.content = body.content;
    if (Array.isArray(body.embeds)) message.embeds = body.embeds as APIEmbed[];
    if (Array.isArray(body.components)) message.components = body.components as APIMessageTopLevelComponent[];
    if (typeof body.flags === 'number') message.flags = body.flags;
    if (Array.isArray(body.attachments)) {
      const previous = message.attachments;
      message.attachments = body.attachments.filter(isObject).flatMap((entry) => {
        const id = String(entry.id);
        const upload = files.find((f) => f.field === `files[${id}]`);
        if (!upload) return previous.filter((a) => a.id === id); // keeping an existing attachment
        const attachmentId = snowflake();
        const path = `attachments/${message.channel_id}/${attachmentId}/${upload.filename}`;
        return [
          {
            id: attachmentId,
            filename: upload.filename,
            size: upload.data.length,
            content_type: upload.contentType,
            url: `${url}/cdn/${path}`,
            proxy_url: `${url}/media/${path}`,
          },
        ];
      });
    }
    if (isEdit) message.edited_timestamp = new Date().toISOString();
    return message;
  }

  // ------------------------------------------------------------------ gateway

  function sendFrame(
    socket: WebSocket,
    op: GatewayOpcodes,
    d: unknown,
    s: number | null = null,
    t: string | null = null,
  ): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ op, d, s, t }));
  }

  function sendDispatch(connection: Connection, event: string, data: unknown): void {
    const session = connection.session;
    if (!session) throw new Error('fakeDiscord: dispatch on a connection without a session');
    session.seq += 1;
    sendFrame(connection.socket, GatewayOpcodes.Dispatch, data, session.seq, event);
  }

  function onGatewayConnection(socket: WebSocket): void {
    const connection: Connection = { socket, session: null };
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
    // A client vanishing mid-test shows up as ECONNRESET here; the close handler does the cleanup.
    socket.on('error', () => undefined);
    socket.on('message', (data: RawData, isBinary: boolean) => onGatewayMessage(connection, data, isBinary));
    sendFrame(socket, GatewayOpcodes.Hello, { heartbeat_interval: heartbeatIntervalMs });
  }

  function onGatewayMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    if (isBinary) return; // JSON encoding without compression: clients only send text frames.
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      connection.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    if (!isObject(frame) || typeof frame.op !== 'number') return;
    gatewayFrames.push({ op: frame.op, d: frame.d });
    const d = isObject(frame.d) ? frame.d : {};

    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        sendFrame(connection.socket, GatewayOpcodes.HeartbeatAck, null);
        break;
      case GatewayOpcodes.Identify: {
        const session: Session = { id: randomBytes(16).toString('hex'), seq: 0 };
        sessions.set(session.id, session);
        connection.session = session;
        const shard: [number, number] =
          Array.isArray(d.shard) && d.shard.length === 2 ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
        const ready: GatewayReadyDispatchData = {
          v: 10,
          user: world.botUser,
          guilds: [{ id: world.guildId, unavailable: true }],
          session_id: session.id,
          resume_gateway_url: gatewayUrl,
          shard,
          // discord.js builds client.application from this; without it ClientApplication throws.
          application: { id: world.applicationId, flags: NO_FLAGS as ApplicationFlags, flags_new: '0' },
        };
        sendDispatch(connection, GatewayDispatchEvents.Ready, ready);
        // The client only becomes ready once every guild listed as unavailable in READY has arrived.
        sendDispatch(connection, GatewayDispatchEvents.GuildCreate, guildCreate());
        break;
      }
      case GatewayOpcodes.Resume: {
        const session = typeof d.session_id === 'string' ? sessions.get(d.session_id) : undefined;
        if (!session) {
          sendFrame(connection.socket, GatewayOpcodes.InvalidSession, false);
          break;
        }
        connection.session = session;
        // Nothing is replayed: RESUMED carries the current sequence.
        sendFrame(connection.socket, GatewayOpcodes.Dispatch, {}, session.seq, GatewayDispatchEvents.Resumed);
        break;
      }
      default:
        break; // presence updates, member requests…: recorded, otherwise ignored.
    }
  }

  function guildCreate(): GatewayGuildCreateDispatchData {
    const now = new Date(WORLD_EPOCH_MS).toISOString();
    const everyone: APIRole = {
      id: world.guildId, // @everyone's id is the guild id
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      position: 0,
      permissions: MEMBER_PERMISSIONS.toString(),
      managed: false,
      mentionable: false,
      flags: NO_FLAGS as RoleFlags,
    };
    const botRoleId = fixedSnowflake(7);
    const botRole: APIRole = {
      ...everyone,
      id: botRoleId,
      name: world.botUser.username,
      position: 1,
      permissions: APP_PERMISSIONS.toString(),
      managed: true,
      tags: { bot_id: world.botUser.id },
    };
    const channel: APIGuildTextChannel<ChannelType.GuildText> = {
      id: world.channelId,
      type: ChannelType.GuildText,
      guild_id: world.guildId,
      name: world.channelName,
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      last_pin_timestamp: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 1440,
      default_thread_rate_limit_per_user: 0,
      flags: NO_FLAGS as ChannelFlags,
    };
    return {
      id: world.guildId,
      name: world.guildName,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: world.owner.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: [everyone, botRole],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
      rules_channel_id: null,
      vanity_url_code: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      nsfw_level: GuildNSFWLevel.Default,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      max_members: 500_000,
      joined_at: now,
      large: false,
      unavailable: false,
      member_count: 3,
      voice_states: [],
      members: [guildMember(world.botUser, [botRoleId]), guildMember(world.owner, []), guildMember(world.user, [])],
      channels: [channel],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  function readyConnections(): Connection[] {
    return [...connections].filter((c) => c.session !== null && c.socket.readyState === c.socket.OPEN);
  }

  // ------------------------------------------------------------------ public API

  const fake: FakeDiscord = {
    url,
    gatewayUrl,
    world,
    restOptions,
    requests,
    gatewayFrames,
    get connectedClients() {
      return readyConnections().length;
    },

    waitForRequest(predicate, timeoutMs = 5_000) {
      const existing = requests.find(predicate);
      if (existing) return Promise.resolve(existing);
      if (closed) return Promise.reject(new Error('fakeDiscord: closed'));
      return new Promise<RecordedRequest>((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            const seen = requests.map((r) => `  ${r.method} ${r.path} → ${r.status}`).join('\n') || '  (none)';
            reject(new Error(`fakeDiscord: no matching request within ${timeoutMs} ms; requests so far:\n${seen}`));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },

    injectFault(rule, faultOptions = {}) {
      const entry = { rule, remaining: faultOptions.times ?? 1 };
      faultRules.push(entry);
      return () => {
        const index = faultRules.indexOf(entry);
        if (index !== -1) faultRules.splice(index, 1);
      };
    },

    dispatch(event, data) {
      const targets = readyConnections();
      if (targets.length === 0) throw new Error(`fakeDiscord: no connected client to receive ${event}`);
      for (const connection of targets) sendDispatch(connection, event, data);
      return targets.length;
    },

    dispatchInteraction(interaction) {
      interactions.set(interaction.token, {
        payload: interaction,
        responses: { callbackType: null, callbackData: null, original: null, followUps: [] },
      });
      fake.dispatch(GatewayDispatchEvents.InteractionCreate, interaction);
      return interaction;
    },

    responsesTo(interaction) {
      const state = interactions.get(interaction.token);
      if (!state) throw new Error('fakeDiscord: that interaction was not dispatched through this fake');
      return state.responses;
    },

    disconnectGateway(code = 4000) {
      for (const connection of connections) connection.socket.close(code, 'fakeDiscord: disconnect requested');
    },

    chatInputInteraction: (opts) => chatInputInteraction(opts, world),
    autocompleteInteraction: (opts) => autocompleteInteraction(opts, world),
    buttonInteraction: (opts) => buttonInteraction(opts, world),

    async close() {
      if (closed) return;
      closed = true;
      for (const waiter of waiters) {
        settle(waiter);
        waiter.reject(new Error('fakeDiscord: closed while waiting for a request'));
      }
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets from undici would otherwise hold server.close() open.
      server.closeAllConnections();
      await serverClosed;
    },
  };
  return fake;
}
