import { button, linkButton } from '../../render/message.ts';
import { webUrl } from '../../render/fit.ts';
import { inline } from '../../render/markdown.ts';
import { sourceMessage } from '../../render/sources.ts';
import type { NewsDocument } from '../../corpus/types.ts';
import type { NewsIndex } from '../../search/newsIndex.ts';
import type { Button, MessageBody } from '../api.ts';
import { sourceCommand } from '../commands/source.ts';
import { documentChoices, documentKey, findDocument, passagesPerDocument } from './documents.ts';
import { commandHandler, refuse, type ButtonHandler } from './handler.ts';

/** One document at one paragraph, with buttons to the paragraphs around it (for `owner`) and a link to the article. */
function sourceView(index: NewsIndex, doc: NewsDocument, paragraph: number, owner: string): MessageBody {
  const position = index.documentIndex(doc.id)!;
  const key = documentKey(doc.id);
  const buttons: Button[] = [];
  if (paragraph > 1) buttons.push(button(`¶${paragraph - 1}`, `source:${key}:${paragraph - 1}:${owner}`));
  if (paragraph < doc.paragraphs.length) buttons.push(button(`¶${paragraph + 1}`, `source:${key}:${paragraph + 1}:${owner}`));
  const url = doc.url ? webUrl(doc.url) : undefined;
  if (url) buttons.push(linkButton('Read the article', url));
  return sourceMessage({ document: doc, paragraph, passages: passagesPerDocument(index)[position]! }, buttons);
}

/** /source: a document's details and the asked paragraph (or its lead). */
export const source = commandHandler({
  definition: sourceCommand,
  run(args, request, ctx) {
    const index = ctx.live.current;
    const doc = findDocument(index, args.id);
    if (!doc) return refuse(ctx, 'unknown-source', `I have no article with the id ${inline(`“${args.id}”`)}. Pick one from the suggestions, or see \`/sources\` for the list.`);
    const paragraph = args.paragraph ?? 1;
    if (paragraph > doc.paragraphs.length) {
      const count = doc.paragraphs.length;
      return refuse(ctx, 'unknown-paragraph', `That article has ${count} paragraph${count === 1 ? '' : 's'}: ask for ¶1${count > 1 ? `–¶${count}` : ''}.`);
    }
    return { kind: 'reply', message: sourceView(index, doc, paragraph, request.invoker.userId) };
  },
  complete: (request, ctx) => documentChoices(ctx.live.current, String(request.options[request.focused] ?? '')),
});

/** `source:<key>:<paragraph>:<owner>`: steps through the paragraphs, for the person who opened the source. */
export const sourceButtons: ButtonHandler = {
  prefix: 'source',
  press([key = '', paragraphText = '1', owner], request, ctx) {
    if (owner !== request.invoker.userId) return refuse(ctx, 'not-owner', 'Only the person who opened this article can page through it. Use `/source` for your own.');
    const index = ctx.live.current;
    const doc = findDocument(index, key);
    if (!doc) return refuse(ctx, 'unknown-source', 'That article is no longer in the corpus. See `/sources` for what it holds now.');
    const paragraph = Math.min(Math.max(1, Number.parseInt(paragraphText, 10) || 1), doc.paragraphs.length);
    return { kind: 'update', message: sourceView(index, doc, paragraph, request.invoker.userId) };
  },
};
