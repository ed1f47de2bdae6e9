import type { SkippedFile } from '../corpus/types.ts';
import type { Logger } from '../log.ts';
import { expandSearch } from './miniSearchState.ts';
import type { NewsIndex } from './newsIndex.ts';
import { buildFromFolder, saveIndex, type BuiltIndex, type OpenProgress } from './store.ts';

/** What a reload changed, by document id. "Changed" means the file's bytes differ (its contentHash). */
export interface ReloadChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export type ReloadOutcome =
  | ({ status: 'reloaded'; documents: number; passages: number; ms: number; saved: boolean } & ReloadChanges)
  /** Nothing was swapped: `failures` names the files that did not load, or `error` says why the folder could not be read. */
  | { status: 'failed'; failures: SkippedFile[]; error?: string; ms: number }
  /** Another reload is running; this one did nothing. */
  | { status: 'busy'; startedAt: number };

export interface LiveIndexOptions {
  /** The corpus folder a reload re-reads. */
  dir: string;
  /** Where a successfully reloaded index is saved, so the next start loads it. No saving when absent. */
  indexFile?: string;
  log?: Logger;
  /** How the corpus is read and indexed; `buildFromFolder` unless a test needs to slow it down or break it. */
  build?: (dir: string, options: { onProgress?: (progress: OpenProgress) => void }) => Promise<BuiltIndex>;
  now?: () => number;
}

/**
 * The index the bot answers from, and its reloading. A reload builds a whole new index beside the current one
 * (the build yields to the event loop, so questions asked meanwhile are answered from the old index) and swaps it
 * in with one assignment, only when every file loaded. A failed reload leaves the old index serving.
 */
export class LiveIndex {
  private index: NewsIndex;
  private running: { startedAt: number } | undefined;
  private readonly options: LiveIndexOptions;
  private readonly now: () => number;

  constructor(index: NewsIndex, options: LiveIndexOptions) {
    this.index = index;
    this.options = options;
    this.now = options.now ?? Date.now;
    this.readWhole(index);
  }

  /**
   * Reads the rest of a loaded index into memory (its search tree is read in slices on first use, see `LazyMap`),
   * ten milliseconds at a time, so that later questions do not pay for it; nothing to do for a built index. It stops
   * when a reload swaps another index in, and its timers do not keep the process alive. A slice that cannot be read
   * means a saved file damaged behind its checksum: the index is rebuilt from the folder, which saves it again.
   */
  private readWhole(index: NewsIndex): void {
    const { log } = this.options;
    const started = this.now();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 0).unref());
    expandSearch(index.search, pause, () => this.index === index).then(
      () => log?.debug({ ms: this.now() - started }, 'index read whole'),
      (error: unknown) => {
        log?.error({ err: error, indexFile: this.options.indexFile }, 'the saved index is damaged; rebuilding it from the corpus folder');
        if (this.index !== index) return;
        void this.reload().then((outcome) => {
          if (outcome.status !== 'reloaded') log?.error({ outcome }, 'rebuilding a damaged index failed; questions may fail until a /reload succeeds');
        });
      },
    );
  }

  /** The index to answer from now. Read it once per question: a reload may swap it between two questions. */
  get current(): NewsIndex {
    return this.index;
  }

  /** When the running reload started (ms since the epoch), or undefined when none runs. */
  get reloadStartedAt(): number | undefined {
    return this.running?.startedAt;
  }

  async reload(onProgress?: (progress: OpenProgress) => void): Promise<ReloadOutcome> {
    if (this.running) return { status: 'busy', startedAt: this.running.startedAt };
    const startedAt = this.now();
    this.running = { startedAt };
    const { dir, log } = this.options;
    const build = this.options.build ?? buildFromFolder;
    try {
      let built: BuiltIndex;
      try {
        built = await build(dir, onProgress ? { onProgress } : {});
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log?.warn({ dir, err: error }, `reload failed: ${message}`);
        return { status: 'failed', failures: [], error: message, ms: this.now() - startedAt };
      }
      if (built.index.documents.length === 0) {
        // An empty or wrongly mounted folder would leave readers with nothing: keep what serves now.
        const error = 'the corpus folder holds no articles';
        log?.warn({ dir }, `reload failed: ${error}; the old index keeps serving`);
        return { status: 'failed', failures: [], error, ms: this.now() - startedAt };
      }
      if (built.skipped.length > 0) {
        log?.warn({ dir, failures: built.skipped }, `reload failed: ${built.skipped.length} file(s) did not load; the old index keeps serving`);
        return { status: 'failed', failures: built.skipped, ms: this.now() - startedAt };
      }
      const changes = compareDocuments(this.index, built.index);
      this.index = built.index;
      const saved = await this.save(built.index, onProgress);
      const outcome = {
        status: 'reloaded' as const,
        ...changes,
        documents: built.index.documents.length,
        passages: built.index.passageCount,
        ms: this.now() - startedAt,
        saved,
      };
      log?.info({ dir, added: changes.added.length, removed: changes.removed.length, changed: changes.changed.length, documents: outcome.documents, passages: outcome.passages, ms: outcome.ms }, 'reloaded the index');
      return outcome;
    } finally {
      this.running = undefined;
    }
  }

  private async save(index: NewsIndex, onProgress?: (progress: OpenProgress) => void): Promise<boolean> {
    const file = this.options.indexFile;
    if (!file) return false;
    // A large index takes seconds to write: the moderator's reply should not stay at the end of the build meanwhile.
    onProgress?.({ phase: 'saving' });
    try {
      await saveIndex(index, file);
      return true;
    } catch (error) {
      // The new index serves anyway; only the next start pays for a rebuild.
      this.options.log?.warn({ indexFile: file, err: error }, 'could not save the reloaded index');
      return false;
    }
  }
}

/** Documents added, removed and changed from one index to the next, each list sorted by id. */
export function compareDocuments(before: NewsIndex, after: NewsIndex): ReloadChanges {
  const old = new Map(before.documents.map((doc) => [doc.id, doc.contentHash]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const doc of after.documents) {
    const hash = old.get(doc.id);
    if (hash === undefined) added.push(doc.id);
    else if (hash !== doc.contentHash) changed.push(doc.id);
  }
  const current = new Set(after.documents.map((doc) => doc.id));
  const removed = before.documents.map((doc) => doc.id).filter((id) => !current.has(id));
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}
