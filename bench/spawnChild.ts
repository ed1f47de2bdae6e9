import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from './archive.ts';
import type { ChildJob, NewsdeskJob, NewsdeskResult, StockJob, StockResult } from './job.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
/** Children still running, so that an interrupted benchmark can end them rather than leave them measuring. */
const running = new Set<ChildProcess>();

export function stopChildren(): void {
  for (const child of running) child.kill();
}

export function measureInChild(job: NewsdeskJob, jobFile: string): Promise<NewsdeskResult>;
export function measureInChild(job: StockJob, jobFile: string): Promise<StockResult>;
/**
 * Runs one measuring job in a fresh Node process, with this process's flags (tsx's loader among them) and
 * `--expose-gc`, so that memory is read after a full collection. The child's errors go straight to stderr.
 */
export async function measureInChild(job: ChildJob, jobFile: string): Promise<NewsdeskResult | StockResult> {
  await writeFile(jobFile, JSON.stringify(job));
  await settle();
  const stdout = await runNode([...process.execArgv, '--expose-gc', CHILD, jobFile]);
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(lastLine) as NewsdeskResult | StockResult;
  } catch {
    throw new BenchError(`The ${job.engine} measuring process printed no result (${path.basename(jobFile)})`);
  }
}

/**
 * Collects this process's garbage before a child measures. The index this process just built and saved is
 * garbage by then, and collecting a gigabyte of it ran on the same two cores as the child's load: the ×10 load
 * measured 1.9–2.1 s in the benchmark and 1.25 s for the same file loaded alone.
 */
async function settle(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  gc?.();
  // Sweeping can finish on helper threads after the collection returns.
  await sleep(250);
}

function runNode(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    running.add(child);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new BenchError(`The measuring process failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
