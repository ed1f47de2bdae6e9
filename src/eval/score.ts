import { z } from 'zod';
import { MAX_EXCERPT_CHARS } from '../search/excerpt.ts';
import type { AnswerResult } from '../search/types.ts';

/** One line of a question file (format of shared/eval/seeds-dev.jsonl). */
export const evalQuestionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  answers: z.array(z.string().min(1)).optional(),
  answerable: z.boolean().optional(),
  kind: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export function isAnswerable(q: EvalQuestion): boolean {
  return q.answerable !== false && (q.answers?.length ?? 0) > 0;
}

/** Compared ignoring case, curly vs straight quotes, markdown and runs of white space. */
export function normalizeForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[*_`~|>\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Rank (1-based) of the first excerpt holding an accepted answer, or undefined. Over-long excerpts never count. */
export function hitRank(q: EvalQuestion, result: AnswerResult): number | undefined {
  const wanted = (q.answers ?? []).map(normalizeForMatch);
  const i = result.results.findIndex(
    (r) => r.excerpt.length <= MAX_EXCERPT_CHARS && wanted.some((w) => normalizeForMatch(r.excerpt).includes(w)),
  );
  return i < 0 ? undefined : i + 1;
}

export interface EvalReport {
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Share of unanswerable questions answered "not in the coverage". */
  abstained: number;
  /** Share of answerable questions wrongly refused. */
  wronglyRefused: number;
  misses: Array<{ id: string; question: string; kind?: string; why: 'refused' | 'wrong excerpt' | 'answered unanswerable'; got?: string }>;
}

export function scoreRun(runs: ReadonlyArray<{ question: EvalQuestion; result: AnswerResult }>): EvalReport {
  const answerable = runs.filter((r) => isAnswerable(r.question));
  const unanswerable = runs.filter((r) => !isAnswerable(r.question));
  const ranks = answerable.map((r) => hitRank(r.question, r.result));
  const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
  const misses: EvalReport['misses'] = [];
  for (const [i, run] of answerable.entries()) {
    if (ranks[i] === 1) continue;
    const base = { id: run.question.id, question: run.question.question, ...(run.question.kind ? { kind: run.question.kind } : {}) };
    if (!run.result.answered) misses.push({ ...base, why: 'refused' });
    else misses.push({ ...base, why: 'wrong excerpt', got: run.result.results[0]?.excerpt ?? '' });
  }
  for (const run of unanswerable) {
    if (!run.result.answered) continue;
    misses.push({ id: run.question.id, question: run.question.question, why: 'answered unanswerable', got: run.result.results[0]?.excerpt ?? '' });
  }
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: share(ranks.filter((r) => r === 1).length, answerable.length),
    hitAt3: share(ranks.filter((r) => r !== undefined && r <= 3).length, answerable.length),
    mrr: share(ranks.reduce<number>((sum, r) => sum + (r === undefined ? 0 : 1 / r), 0), answerable.length),
    abstained: share(unanswerable.filter((r) => !r.result.answered).length, unanswerable.length),
    wronglyRefused: share(answerable.filter((r) => !r.result.answered).length, answerable.length),
    misses,
  };
}
