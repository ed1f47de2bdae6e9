import { randomBytes } from 'node:crypto';
import type { Logger } from '../log.ts';
import { fitMessage } from '../render/fit.ts';
import { code } from '../render/markdown.ts';
import { notice } from '../render/message.ts';
import { oneLine, truncate } from '../render/text.ts';
import type { LiveIndex } from '../search/liveIndex.ts';
import { LIMITS, type Choice, type MessageBody } from './api.ts';
import { ExpiringStore } from './expiringStore.ts';
import { ask, askButtons, type KeptAnswers } from './handlers/ask.ts';
import type { ButtonHandler, Command, DeskContext } from './handlers/handler.ts';
import { help } from './handlers/help.ts';
import { reload } from './handlers/reload.ts';
import { source, sourceButtons } from './handlers/source.ts';
import { sources, sourcesButtons } from './handlers/sources.ts';
import type { BotRequest, BotResponse, Responder } from './interaction.ts';
import { SlidingWindowLimiter } from './rateLimit.ts';

const COMMANDS: readonly Command[] = [ask, sources, source, reload, help];
const BUTTONS: readonly ButtonHandler[] = [askButtons, sourcesButtons, sourceButtons];

export interface NewsdeskOptions {
  live: LiveIndex;
  log: Logger;
  /** Members with one of these roles may /reload without Manage Server. */
  moderatorRoleIds?: readonly string[];
  /** Questions a user may ask per window (default 5 per 30 s). */
  askRateLimit?: { limit: number; windowSeconds: number };
  /** Least time between two progress edits of /reload, in ms. Default 3000: often enough to see it move. */
  progressEveryMs?: number;
  now?: () => number;
}

export interface Newsdesk {
  /**
   * Handles one interaction to the end: runs its handler, answers through `responder`, and writes one log line.
   * Never throws: a failing handler gets the user a short private error with a reference id, and the log the stack.
   */
  handle(request: BotRequest, responder: Responder): Promise<void>;
}

/** The bot, without Discord: what both the discord.js adapter and the local client drive. */
export function createNewsdesk(options: NewsdeskOptions): Newsdesk {
  const now = options.now ?? Date.now;
  const rate = options.askRateLimit ?? { limit: 5, windowSeconds: 30 };
  const shared = {
    live: options.live,
    answers: new ExpiringStore<KeptAnswers>({ now }),
    askLimiter: new SlidingWindowLimiter(rate.limit, rate.windowSeconds * 1000, now),
    moderatorRoleIds: new Set(options.moderatorRoleIds ?? []),
    progressEveryMs: options.progressEveryMs ?? 3000,
    now,
    log: options.log,
  };
  const commands = new Map(COMMANDS.map((c) => [c.definition.name, c]));
  const buttons = new Map(BUTTONS.map((b) => [b.prefix, b]));

  function route(request: BotRequest, ctx: DeskContext): BotResponse | Promise<BotResponse> {
    switch (request.kind) {
      case 'command': {
        const command = commands.get(request.command);
        if (!command) return { kind: 'reply', message: notice(`I don't know the command ${code(`/${request.command}`)}. Try \`/help\`.`) };
        return command.run(request, ctx);
      }
      case 'autocomplete':
        return { kind: 'choices', choices: commands.get(request.command)?.complete?.(request, ctx) ?? [] };
      case 'button': {
        const [prefix = '', ...parts] = request.customId.split(':');
        const handler = buttons.get(prefix);
        if (!handler) return { kind: 'reply', message: notice('This button no longer does anything.') };
        return handler.press(parts, request, ctx);
      }
    }
  }

  async function handle(request: BotRequest, responder: Responder): Promise<void> {
    const started = performance.now();
    const fields: Record<string, unknown> = {};
    const ctx: DeskContext = { ...shared, note: (more) => Object.assign(fields, more) };
    const line = {
      interaction: request.kind,
      command: request.kind === 'button' ? request.customId.split(':')[0] : request.command,
      guild: request.invoker.guildId ?? 'dm',
      user: request.invoker.userId,
    };
    // How far the answer got, so an error is reported the one way Discord still allows.
    let stage: 'none' | 'replied' | 'deferred-public' | 'deferred-private' = 'none';
    let failure: { ref: string; err: unknown } | undefined;
    try {
      const response = await route(request, ctx);
      switch (response.kind) {
        case 'reply':
          await responder.reply(fitMessage(response.message));
          stage = 'replied';
          break;
        case 'update':
          await responder.update(asEdit(response.message));
          stage = 'replied';
          break;
        case 'choices':
          await responder.choices(fitChoices(response.choices));
          stage = 'replied';
          break;
        case 'defer': {
          await responder.defer({ ephemeral: response.ephemeral });
          stage = response.ephemeral ? 'deferred-private' : 'deferred-public';
          const edits = serialEdits(responder, shared.log);
          const final = await response.work(edits.progress);
          await edits.finish(final);
          break;
        }
      }
    } catch (err) {
      failure = { ref: randomBytes(4).toString('hex'), err };
      await reportFailure(request, responder, stage, failure.ref).catch((reportError: unknown) => {
        fields.reportError = reportError instanceof Error ? reportError.message : String(reportError);
      });
    } finally {
      const latencyMs = Math.round(performance.now() - started);
      if (failure) shared.log.error({ ...line, latencyMs, ...fields, outcome: 'error', ref: failure.ref, err: failure.err }, 'interaction failed');
      else shared.log.info({ ...line, latencyMs, ...fields, outcome: fields.refused ? 'refused' : 'ok' }, 'interaction');
    }
  }

  return { handle };
}

/**
 * An edit replaces the whole message: content, embeds and buttons are always sent (empty when absent) so nothing
 * of the previous version lingers, and flags are left out (a message's privacy is fixed when it is first sent).
 */
export function asEdit(body: MessageBody): MessageBody {
  const fitted = fitMessage(body);
  return { content: fitted.content ?? '', embeds: fitted.embeds ?? [], components: fitted.components ?? [], allowed_mentions: { parse: [] } };
}

/** Autocomplete answers within Discord's rules: at most 25, names 1–100 characters, values at most 100. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  return choices
    .filter((choice) => choice.value.length > 0 && choice.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((choice) => ({ ...choice, name: truncate(oneLine(choice.name), LIMITS.choiceName) || choice.value.slice(0, LIMITS.choiceName) }));
}

/** Progress edits go out one at a time and never after the final edit; a failed progress edit is only logged. */
function serialEdits(responder: Responder, log: Logger) {
  let chain = Promise.resolve();
  let finished = false;
  return {
    progress: (body: MessageBody) => {
      if (finished) return;
      chain = chain.then(() => responder.editReply(asEdit(body))).catch((err: unknown) => log.warn({ err }, 'a progress edit failed'));
    },
    finish: async (body: MessageBody) => {
      finished = true;
      await chain;
      await responder.editReply(asEdit(body));
    },
  };
}

function errorNotice(ref: string): MessageBody {
  return notice(`Sorry, something went wrong on my side (reference \`${ref}\`). Please try again; if it keeps happening, give a moderator the reference.`);
}

/** Tells the user privately, in whatever way the interaction still allows. */
async function reportFailure(request: BotRequest, responder: Responder, stage: string, ref: string): Promise<void> {
  if (request.kind === 'autocomplete') {
    if (stage === 'none') await responder.choices([]);
    return;
  }
  switch (stage) {
    case 'none':
      return responder.reply(errorNotice(ref));
    case 'deferred-private':
      return responder.editReply(asEdit(errorNotice(ref)));
    case 'deferred-public':
      // The "thinking…" message is public: remove it and say it privately instead.
      await responder.deleteReply().catch(() => undefined);
      return responder.followUp(errorNotice(ref));
    default:
      return responder.followUp(errorNotice(ref));
  }
}
