import { parseArgs } from 'node:util';
import { readQuestions } from '../eval/questions.ts';
import { scoreRun, type EvalReport } from '../eval/score.ts';
import { answer } from '../search/answer.ts';
import { fail, openForCli, UsageError } from './open.ts';

const USAGE = 'Usage: npm run eval -- QA.jsonl [--corpus DIR] [--json]';

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatReport(report: EvalReport): string {
  const lines = ['Misses:'];
  for (const miss of report.misses) {
    lines.push(`  ${miss.id} [${miss.kind ?? '?'}] ${miss.why}: ${miss.question}`);
    if (miss.got) lines.push(`      got: ${miss.got.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  if (report.misses.length === 0) lines.push('  none');
  lines.push(
    `Answerable ${report.answerable}: hit@1 ${percent(report.hitAt1)}, hit@3 ${percent(report.hitAt3)}, MRR ${report.mrr.toFixed(3)}, wrongly refused ${percent(report.wronglyRefused)}`,
    `Unanswerable ${report.unanswerable}: abstained ${percent(report.abstained)}`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { corpus: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const file = args.positionals[0];
  if (!file) throw new UsageError(USAGE);
  const questions = await readQuestions(file);
  const { index } = await openForCli(args.values.corpus);
  const runs = questions.map((question) => ({ question, result: answer(index, question.question, { top: 3 }) }));
  const report = scoreRun(runs);
  process.stdout.write(args.values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
}

main().catch(fail);
