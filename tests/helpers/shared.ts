import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The project's shared material (sample questions, the Brown Corpus), which lives beside the checkout as
 * `../shared`, in CI as on a developer's machine.
 */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function sharedPath(relative: string): string {
  const file = `${SHARED_DIR}${relative}`;
  if (!existsSync(file)) throw new Error(`${file} is missing: these tests need ../shared beside the checkout`);
  return file;
}
