import { parseArgs } from 'node:util';
import { renderPlain } from '../render/plainText.ts';
import { answer } from '../search/answer.ts';
import type { AnswerResult } from '../search/types.ts';
import { fail, openForCli, stdinLines, UsageError } from './open.ts';

const USAGE = 'Usage: npm run --silent ask -- [--corpus DIR] [--top N] [--json] [QUESTION ...]';

/** The JSON line of the CLI contract: plain-text excerpts, ids for `alsoIn`. */
export function toJsonLine(result: AnswerResult): string {
  return JSON.stringify({
    question: result.question,
    answered: result.answered,
    results: result.results.map((r) => ({
      excerpt: r.excerpt,
      source: r.source,
      paragraph: r.paragraph,
      score: r.score,
      alsoIn: r.alsoIn.map((s) => s.id),
    })),
  });
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        corpus: { type: 'string' },
        top: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\nQuestions as arguments, or one per line on stdin.\n`);
    return;
  }
  const top = args.values.top === undefined ? 3 : Number(args.values.top);
  if (!Number.isInteger(top) || top < 1 || top > 25) throw new UsageError(`--top must be a whole number from 1 to 25. ${USAGE}`);

  const { index } = await openForCli(args.values.corpus);
  // Each argument is one question: `ask "who is…" "when did…"`.
  const questions = args.positionals.length > 0 ? args.positionals.filter((q) => q.trim() !== '') : stdinLines();
  // A reader piping into `head` closes stdout early: that ends the run, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  for await (const question of questions) {
    const result = answer(index, question, { top });
    process.stdout.write(args.values.json ? `${toJsonLine(result)}\n` : `${renderPlain(result)}\n\n`);
  }
}

main().catch(fail);
