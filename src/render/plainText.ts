import type { Answer, AnswerResult, SourceRef } from '../search/types.ts';
import { oneLine, sanitize } from './text.ts';

/** A citation as a reader sees it: title, outlet and date when known, paragraph, id. */
export function citationLine(source: SourceRef, paragraph: number): string {
  const where = [source.outlet, source.date].filter(Boolean).join(', ');
  return sanitize(`${source.title}${where ? ` (${where})` : ''}, ¶${paragraph} · ${source.id}`);
}

export const NOT_IN_COVERAGE = "The coverage doesn't say.";

/**
 * The answer as the Discord reply reads, in plain text, for terminals and logs. Corpus text and the question are
 * sanitised: a control sequence in an article must not reach the reader's terminal.
 */
export function renderPlain(result: AnswerResult): string {
  const lines = [`Q: ${sanitize(result.question)}`];
  if (!result.answered) {
    lines.push(`${NOT_IN_COVERAGE} No passage in the articles answers this.`);
    if (result.nearest.length > 0) lines.push(`Closest sources: ${result.nearest.map((s) => `${sanitize(`${s.title} (${s.id})`)}`).join('; ')}`);
    else lines.push('See /sources for what the corpus holds.');
    return lines.join('\n');
  }
  result.results.forEach((answer: Answer, i) => {
    // On one line, as the Discord reply quotes it: a hard-wrapped article's line breaks are not the writer's words.
    lines.push(`${i + 1}. “${oneLine(answer.excerpt)}”`);
    lines.push(`   — ${citationLine(answer.source, answer.paragraph)}`);
    if (answer.alsoIn.length > 0) lines.push(`   Also in: ${sanitize(answer.alsoIn.map((s) => s.id).join(', '))}`);
  });
  return lines.join('\n');
}
