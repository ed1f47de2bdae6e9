import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_DIR = fileURLToPath(new URL('../src/', import.meta.url));

/** Where and on what the figures were taken: they mean little without it. */
export interface Environment {
  node: string;
  cpus: number;
  /** One-minute load average when the run started: above the core count, other work skewed the figures. */
  loadAverage: number;
  /** Hash of the engine's sources (src/): ties the figures to the code measured, committed or not. */
  engineHash: string;
}

export async function describeEnvironment(): Promise<Environment> {
  return {
    node: process.version,
    cpus: os.availableParallelism(),
    loadAverage: Number(os.loadavg()[0]!.toFixed(2)),
    engineHash: await hashSources(SOURCE_DIR),
  };
}

async function hashSources(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${path.relative(dir, file)}\0`).update(await readFile(file));
  return hash.digest('hex').slice(0, 12);
}

/** A machine already busy when the run started: the figures are worth less, and the report says so. */
export const isBusy = (environment: Environment): boolean => environment.loadAverage > environment.cpus / 2;
