import { button } from '../../render/message.ts';
import { sourcesMessage } from '../../render/sources.ts';
import type { NewsIndex } from '../../search/newsIndex.ts';
import type { MessageBody } from '../api.ts';
import { sourcesCommand } from '../commands/sources.ts';
import { passagesPerDocument } from './documents.ts';
import { commandHandler, refuse, type ButtonHandler } from './handler.ts';

const PER_PAGE = 10;

/** Page `page` (1-based, clamped to the pages there are) of the corpus's documents, with Previous and Next for `owner`. */
export function sourcesPage(index: NewsIndex, page: number, owner: string): MessageBody {
  const counts = passagesPerDocument(index);
  const pages = Math.max(1, Math.ceil(index.documents.length / PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const first = (current - 1) * PER_PAGE;
  const listings = index.documents.slice(first, first + PER_PAGE).map((doc, i) => ({ source: index.sourceRef(first + i), passages: counts[first + i]! }));
  const buttons = [];
  if (current > 1) buttons.push(button('Previous', `sources:${current - 1}:${owner}`));
  if (current < pages) buttons.push(button('Next', `sources:${current + 1}:${owner}`, { primary: true }));
  return sourcesMessage({ listings, first, page: current, pageCount: pages, documents: index.documents.length, passages: index.passageCount }, buttons);
}

/** /sources: the documents, ten a page. */
export const sources = commandHandler({
  definition: sourcesCommand,
  run: (args, request, ctx) => ({ kind: 'reply', message: sourcesPage(ctx.live.current, args.page ?? 1, request.invoker.userId) }),
});

/** `sources:<page>:<owner>`: turns the page, for the person who asked for the list. */
export const sourcesButtons: ButtonHandler = {
  prefix: 'sources',
  press([pageText = '1', owner], request, ctx) {
    if (owner !== request.invoker.userId) return refuse(ctx, 'not-owner', 'Only the person who asked for this list can turn its pages. Use `/sources` for your own.');
    return { kind: 'update', message: sourcesPage(ctx.live.current, Number.parseInt(pageText, 10) || 1, request.invoker.userId) };
  },
};
