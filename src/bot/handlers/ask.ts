import { answersMessage, notAnsweredMessage, pageCount } from '../../render/answers.ts';
import { button } from '../../render/message.ts';
import { oneLine } from '../../render/text.ts';
import { answer, DEFAULT_TOP } from '../../search/answer.ts';
import { sourceRefOf } from '../../search/newsIndex.ts';
import type { Answer, SourceRef } from '../../search/types.ts';
import type { Button } from '../api.ts';
import { askCommand } from '../commands/ask.ts';
import type { BotResponse } from '../interaction.ts';
import { documentChoices, findDocument } from './documents.ts';
import { commandHandler, refuse, type ButtonHandler } from './handler.ts';

/** Mentions of members, roles and channels, custom emoji, timestamps and command mentions, as Discord writes them. */
const DISCORD_MARKUP = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[tTdDfFR])?|\/[\w -]+:\d+)>/g;

export function withoutDiscordMarkup(text: string): string {
  return text.replace(DISCORD_MARKUP, ' ').replace(/\s+/g, ' ').trim();
}

/** Answers computed per question, for the "More" button: a few pages' worth, all from one index. */
const KEPT_ANSWERS = 15;

/** What a question's buttons need later; kept in the bounded, expiring answer store under a short id. */
export interface KeptAnswers {
  /** Only this user may press the buttons. */
  owner: string;
  question: string;
  source?: SourceRef;
  answers: Answer[];
  pageSize: number;
  ephemeral: boolean;
  /** Set once "Post to channel" was used, so a second press does not post twice. */
  posted: boolean;
}

/**
 * /ask: checks the question, the source and the asker's rate limit, then defers (the answer is quick, but a busy
 * moment or a large archive must never cost the 3-second deadline) and answers from the live index.
 */
export const ask = commandHandler({
  definition: askCommand,
  run(args, request, ctx): BotResponse {
    const question = oneLine(args.question);
    // What is searched leaves out Discord's markup: "<@123456>" is a member, not the number 123456.
    const searched = withoutDiscordMarkup(question);
    // Spaces, control characters, invisible marks and bare mentions pass Discord's length check but ask nothing.
    if (!/[\p{L}\p{N}]/u.test(searched)) return refuse(ctx, 'empty-question', 'Please ask a question in words: this one had none.');
    let source: SourceRef | undefined;
    if (args.source !== undefined) {
      const doc = findDocument(ctx.live.current, args.source);
      if (!doc) return refuse(ctx, 'unknown-source', 'I have no article with that id. Pick one from the suggestions, or see `/sources` for the list.');
      source = sourceRefOf(doc);
    }
    const rate = ctx.askLimiter.take(request.invoker.userId);
    if (!rate.allowed) {
      const wait = Math.max(1, Math.ceil(rate.retryAfterMs / 1000));
      return refuse(
        ctx,
        'rate-limited',
        `You have asked ${ctx.askLimiter.limit} questions in the last ${Math.round(ctx.askLimiter.windowMs / 1000)} seconds, which is as many as I take. Please try again in ${wait} second${wait === 1 ? '' : 's'}.`,
      );
    }
    const ephemeral = args.private ?? false;
    const pageSize = args.top ?? DEFAULT_TOP;
    return {
      kind: 'defer',
      ephemeral,
      work: async () => {
        const result = { ...answer(ctx.live.current, searched, { top: KEPT_ANSWERS, ...(source ? { documentIds: [source.id] } : {}) }), question };
        ctx.note({ answered: result.answered, answers: result.results.length });
        if (!result.answered) return notAnsweredMessage(result, source ? { source } : {});
        const kept: KeptAnswers = { owner: request.invoker.userId, question, answers: result.results, pageSize, ephemeral, posted: false };
        if (source) kept.source = source;
        const id = ctx.answers.put(kept);
        return answersMessage({ ...kept, page: 0 }, answerButtons(id, kept, 0));
      },
    };
  },
  complete: (request, ctx) => documentChoices(ctx.live.current, String(request.options[request.focused] ?? '')),
});

/** Back and More page through the kept answers; a private answer can also be posted to the channel. */
export function answerButtons(id: string, kept: KeptAnswers, page: number): Button[] {
  const buttons: Button[] = [];
  if (page > 0) buttons.push(button('Back', `ask:page:${id}:${page - 1}`));
  if (page + 1 < pageCount(kept)) buttons.push(button('More', `ask:page:${id}:${page + 1}`, { primary: true }));
  if (kept.ephemeral) buttons.push(button('Post to channel', `ask:post:${id}:${page}`));
  return buttons;
}

/** `ask:page:<id>:<page>` and `ask:post:<id>:<page>`: the page to show or post is in the custom_id, so a double press is harmless. */
export const askButtons: ButtonHandler = {
  prefix: 'ask',
  press([action, id = '', pageText = '0'], request, ctx) {
    const kept = ctx.answers.get(id);
    if (!kept) return refuse(ctx, 'expired', 'These answers have expired (answers are kept for up to 15 minutes). Ask again with `/ask`.');
    if (kept.owner !== request.invoker.userId) {
      return refuse(ctx, 'not-owner', 'Only the person who asked can use these buttons. Ask your own question with `/ask`.');
    }
    const page = Math.min(Math.max(0, Number.parseInt(pageText, 10) || 0), pageCount(kept) - 1);
    if (action === 'page') return { kind: 'update', message: answersMessage({ ...kept, page }, answerButtons(id, kept, page)) };
    if (action === 'post' && kept.ephemeral) {
      if (kept.posted) return refuse(ctx, 'already-posted', 'These answers are already posted in the channel.');
      kept.posted = true;
      ctx.note({ posted: true });
      return { kind: 'reply', message: answersMessage({ ...kept, page }, []) };
    }
    return refuse(ctx, 'unknown-button', 'This button no longer does anything. Ask again with `/ask`.');
  },
};
