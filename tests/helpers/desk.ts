import pino from 'pino';
import type { Choice, MessageBody } from '../../src/bot/api.ts';
import type { BotRequest, Invoker, Responder } from '../../src/bot/interaction.ts';
import { createNewsdesk, type Newsdesk, type NewsdeskOptions } from '../../src/bot/newsdesk.ts';
import type { OptionValue } from '../../src/bot/commands/define.ts';
import { LiveIndex, type LiveIndexOptions } from '../../src/search/liveIndex.ts';
import type { NewsIndex } from '../../src/search/newsIndex.ts';
import { assertChoicesFit, assertFitsDiscord } from './discordRules.ts';

/** Drives the handlers the way the adapters do, recording each Discord call and checking every body against Discord's rules. */

export const GUILD = '200000000000000001';
export const ALICE = '300000000000000001';
export const BOB = '300000000000000002';
export const MOD_ROLE = '400000000000000001';
const MANAGE_GUILD = 1n << 5n;
const MEMBER = (1n << 10n) | (1n << 11n);

export const member = (userId = ALICE, roleIds: string[] = []): Invoker => ({ userId, guildId: GUILD, permissions: MEMBER, roleIds, locale: 'en-US' });
export const moderator = (userId = ALICE): Invoker => ({ userId, guildId: GUILD, permissions: MEMBER | MANAGE_GUILD, roleIds: [], locale: 'en-US' });
export const inDm = (userId = ALICE): Invoker => ({ userId, guildId: null, permissions: null, roleIds: [], locale: 'en-US' });

export type Call =
  | { method: 'reply' | 'editReply' | 'update' | 'followUp'; body: MessageBody }
  | { method: 'defer'; ephemeral: boolean }
  | { method: 'deleteReply' }
  | { method: 'choices'; choices: Choice[] };

export class RecordingResponder implements Responder {
  readonly calls: Call[] = [];
  /** Bodies that broke Discord's rules; `makeDesk` fails the test when there are any. */
  readonly violations: Error[] = [];
  /** Set to make the next call of that method fail, as a Discord error would. */
  failOn: string | undefined;

  private record(call: Call): Promise<void> {
    if (this.failOn === call.method) {
      this.failOn = undefined;
      return Promise.reject(new Error(`Discord refused ${call.method}`));
    }
    try {
      if ('body' in call) assertFitsDiscord(call.body, call.method);
      if (call.method === 'choices') assertChoicesFit(call.choices);
    } catch (error) {
      this.violations.push(error as Error);
    }
    this.calls.push(call);
    return Promise.resolve();
  }
  reply = (body: MessageBody) => this.record({ method: 'reply', body });
  defer = ({ ephemeral }: { ephemeral: boolean }) => this.record({ method: 'defer', ephemeral });
  editReply = (body: MessageBody) => this.record({ method: 'editReply', body });
  update = (body: MessageBody) => this.record({ method: 'update', body });
  followUp = (body: MessageBody) => this.record({ method: 'followUp', body });
  deleteReply = () => this.record({ method: 'deleteReply' });
  choices = (choices: Choice[]) => this.record({ method: 'choices', choices });

  /** The message bodies sent or edited, in order. */
  get bodies(): MessageBody[] {
    return this.calls.flatMap((call) => ('body' in call ? [call.body] : []));
  }
  /** The last body: what the person sees in the end. */
  get last(): MessageBody {
    const bodies = this.bodies;
    if (bodies.length === 0) throw new Error(`no message was sent: ${JSON.stringify(this.calls)}`);
    return bodies[bodies.length - 1]!;
  }
  get methods(): string[] {
    return this.calls.map((call) => call.method);
  }
}

/** Everything a message shows as one string, to search in. */
export function textOf(body: MessageBody): string {
  return [body.content ?? '', ...(body.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])]
    .filter((part) => part !== '')
    .join('\n');
}

export function buttonsOf(body: MessageBody): Array<{ label: string; customId?: string; url?: string }> {
  return (body.components ?? []).flatMap((row) =>
    row.components.map((b) => ('custom_id' in b ? { label: b.label ?? '', customId: b.custom_id } : { label: b.label ?? '', url: b.url })),
  );
}

export function customIdOf(body: MessageBody, label: string): string {
  const found = buttonsOf(body).find((b) => b.label === label);
  if (!found?.customId) throw new Error(`no "${label}" button in ${JSON.stringify(buttonsOf(body))}`);
  return found.customId;
}

/** A JSON log line as pino wrote it. */
export interface LogLine {
  msg: string;
  level: number;
  outcome?: string;
  ref?: string;
  latencyMs?: number;
  err?: { message: string; stack: string };
  [field: string]: unknown;
}

export interface TestDesk {
  desk: Newsdesk;
  live: LiveIndex;
  /** The JSON log lines written so far. */
  logs: LogLine[];
  command(name: string, options?: Record<string, OptionValue>, invoker?: Invoker): Promise<RecordingResponder>;
  autocomplete(name: string, focused: string, options: Record<string, OptionValue>, invoker?: Invoker): Promise<RecordingResponder>;
  press(customId: string, invoker?: Invoker, ephemeral?: boolean): Promise<RecordingResponder>;
  send(request: BotRequest): Promise<RecordingResponder>;
}

export function makeDesk(index: NewsIndex, options: Partial<NewsdeskOptions> & { liveOptions?: Partial<LiveIndexOptions> } = {}): TestDesk {
  const logs: LogLine[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const live = options.live ?? new LiveIndex(index, { dir: 'seeds', log, ...options.liveOptions });
  const desk = createNewsdesk({ progressEveryMs: 0, ...options, live, log });
  const send = async (request: BotRequest) => {
    const responder = new RecordingResponder();
    await desk.handle(request, responder);
    if (responder.violations.length > 0) throw responder.violations[0];
    return responder;
  };
  return {
    desk,
    live,
    logs,
    send,
    command: (command, opts = {}, invoker = member()) => send({ kind: 'command', command, options: opts, invoker }),
    autocomplete: (command, focused, opts, invoker = member()) => send({ kind: 'autocomplete', command, focused, options: opts, invoker }),
    press: (customId, invoker = member(), ephemeral = false) => send({ kind: 'button', customId, ephemeral, invoker }),
  };
}
