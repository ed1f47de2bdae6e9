import { parseArgs } from 'node:util';
import 'dotenv/config';
import { indexPathFor, readSettings } from '../config.ts';
import { createLogger } from '../log.ts';
import { buildFromFolder, saveIndex } from '../search/store.ts';
import { fail, UsageError } from './open.ts';
import { progressReporter } from './progress.ts';

/** `npm run index`: builds the corpus index and saves it where `npm start` and `ask` will load it. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { corpus: { type: 'string' }, out: { type: 'string' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: npm run index -- [--corpus DIR] [--out FILE]`);
  }
  const settings = readSettings();
  const log = createLogger(settings.LOG_LEVEL);
  const corpusDir = args.values.corpus ?? settings.CORPUS_DIR;
  const file = args.values.out ?? indexPathFor(corpusDir, args.values.corpus ? undefined : settings.INDEX_PATH);
  const progress = progressReporter();
  const started = performance.now();
  const { index, skipped } = await buildFromFolder(corpusDir, {
    onProgress: progress.update,
    onSkip: (skip) => log.warn({ file: skip.path }, `skipped ${skip.path}: ${skip.reason}`),
  });
  progress.update({ phase: 'saving' });
  const bytes = await saveIndex(index, file);
  progress.stop();
  process.stderr.write(
    `Indexed ${index.documents.length} documents, ${index.passageCount} passages` +
      `${skipped.length ? `, skipped ${skipped.length} file(s)` : ''} in ${Math.round(performance.now() - started)} ms.\n` +
      `Saved ${(bytes / 1e6).toFixed(1)} MB to ${file}\n`,
  );
}

main().catch(fail);
