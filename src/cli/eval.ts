import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { scoreRun, evalQuestionSchema, type EvalQuestion, type EvalReport } from '../eval/score.ts';
import { answer } from '../search/answer.ts';
import { fail, openForCli, UsageError } from './open.ts';

const USAGE = 'Usage: npm run eval -- QA.jsonl [--corpus DIR] [--json]';

export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Cannot read question file ${file}`);
  });
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new UsageError(`${file}:${number}: not valid JSON`);
      }
      const parsed = evalQuestionSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(`${file}:${number}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

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
