import { readFile } from 'node:fs/promises';
import { UsageError } from '../cli/open.ts';
import { evalQuestionSchema, type EvalQuestion } from './score.ts';

/** Reads a question file (JSON lines); a bad line is named by file and line number. */
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

