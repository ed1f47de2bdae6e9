import { cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { buildFromFolder } from '../../src/search/store.ts';
import type { NewsIndex } from '../../src/search/newsIndex.ts';

const made: string[] = [];
// Registered when a test file imports this module, so it runs once that file's tests are all done.
after(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A corpus folder of its own in the temp directory, removed when the test file ends. */
export async function tempCorpus(files: Record<string, string | Uint8Array> = {}, options: { withSeeds?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'newsdesk-test-'));
  made.push(dir);
  if (options.withSeeds) await cp('seeds', dir, { recursive: true, dereference: true });
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

let seeds: Promise<NewsIndex> | undefined;

/** The index of seeds/, built once per test file. */
export function seedsIndex(): Promise<NewsIndex> {
  seeds ??= buildFromFolder('seeds').then((built) => {
    if (built.skipped.length > 0) throw new Error(`seeds did not load: ${JSON.stringify(built.skipped)}`);
    return built.index;
  });
  return seeds;
}
