import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { LazyMap } from './lazyMap.ts';

/**
 * MiniSearch sees passages as their distinct pre-analysed terms joined by spaces (the analyzer runs once per
 * passage): the options below, and what `searchFromPassages` builds as adding such passages would.
 */
export interface IndexedPassage {
  id: number;
  terms: string;
}

export const miniSearchOptions = {
  idField: 'id',
  fields: ['terms'],
  storeFields: [] as string[],
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term,
};

/**
 * MiniSearch's own state, for saving an index in a form that loads fast. MiniSearch's JSON (`toJSON`/`loadJS`)
 * turns every posting into an object key and back into a Map entry: at ten million words that alone takes several
 * seconds. Its state is Maps and numbers, which Node's structured serialiser (`v8.serialize`) writes and reads
 * natively. The state is MiniSearch's internal layout, so a saved index is tied to the exact minisearch version
 * (pinned in package.json) and is rebuilt, never misread, under any other.
 */
export const MINISEARCH_VERSION: string = installedVersion();

/** The installed minisearch's version, from its package.json (which the package does not export). */
function installedVersion(): string {
  const entry = createRequire(import.meta.url).resolve('minisearch');
  const manifest: unknown = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', '..', 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

export interface MiniSearchState {
  version: string;
  tree: Map<string, unknown>;
  documentIds: Map<number, number>;
  fieldIds: Record<string, number>;
  fieldLength: Map<number, number[]>;
  averageFieldLength: number[];
  nextId: number;
  documentCount: number;
  dirtCount: number;
}

/** The fields of a MiniSearch instance this module reads and writes (TypeScript-private, plain at run time). */
interface Internals {
  _index: { _tree: Map<string, unknown>; get(term: string): Map<number, Map<number, number>> | undefined };
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _documentCount: number;
  _dirtCount: number;
  _storedFields: Map<number, unknown>;
}

const internals = (search: MiniSearch<IndexedPassage>) => search as unknown as Internals;

export function exportState(search: MiniSearch<IndexedPassage>): MiniSearchState {
  const s = internals(search);
  return {
    version: MINISEARCH_VERSION,
    tree: s._index._tree,
    documentIds: s._documentIds,
    fieldIds: s._fieldIds,
    fieldLength: s._fieldLength,
    averageFieldLength: s._avgFieldLength,
    nextId: s._nextId,
    documentCount: s._documentCount,
    dirtCount: s._dirtCount,
  };
}

/** A MiniSearch over saved state, or a reason the state cannot be used (another version, a wrong shape). */
export function importState(state: unknown): MiniSearch<IndexedPassage> | string {
  if (typeof state !== 'object' || state === null) return 'search state missing';
  const s = state as Partial<MiniSearchState>;
  if (s.version !== MINISEARCH_VERSION) return `search state from minisearch ${String(s.version)}, this is ${MINISEARCH_VERSION}`;
  const shaped =
    s.tree instanceof Map &&
    s.documentIds instanceof Map &&
    s.fieldLength instanceof Map &&
    Array.isArray(s.averageFieldLength) &&
    typeof s.fieldIds === 'object' &&
    s.fieldIds !== null &&
    [s.nextId, s.documentCount, s.dirtCount].every((n) => Number.isInteger(n));
  if (!shaped) return 'search state is malformed';
  return fromState(new SearchableMap(s.tree as Map<string, never>), s as MiniSearchState);
}

function fromState(index: SearchableMap<unknown>, state: Omit<MiniSearchState, 'tree' | 'version'>): MiniSearch<IndexedPassage> {
  const search = new MiniSearch<IndexedPassage>(miniSearchOptions);
  const target = internals(search);
  target._index = index as unknown as Internals['_index'];
  target._documentIds = state.documentIds;
  // A loop, not a spread of entries: at archive size that made two arrays a passage, only to be collected.
  const idToShortId = new Map<number, number>();
  for (const [shortId, id] of state.documentIds) idToShortId.set(id, shortId);
  target._idToShortId = idToShortId;
  target._fieldIds = state.fieldIds;
  target._fieldLength = state.fieldLength;
  target._avgFieldLength = state.averageFieldLength;
  target._nextId = state.nextId;
  target._documentCount = state.documentCount;
  target._dirtCount = state.dirtCount;
  return search;
}

/**
 * How far `searchFromPassages` got. A step is a passage gathered, then a term put in the tree: a rough measure of
 * the work (a term's postings cost more than a passage), but one that only grows and ends at `stepsTotal`.
 */
export interface SearchBuildProgress {
  stepsDone: number;
  stepsTotal: number;
}

/** Passages gathered, and terms and postings added to the tree, between two yields to the event loop. */
const PASSAGES_PER_SLICE = 20_000;
const TREE_WORK_PER_SLICE = 50_000;

/**
 * The MiniSearch that adding the passages in order would make (`add` with `miniSearchOptions`), built straight
 * into its state: passage p's distinct terms are `termsOf(p)`, numbers into `vocabulary`, whose order is the order
 * terms were first seen. `add` walks the radix tree and grows a Map for every term of every passage, most of a
 * large archive's build; here each term enters the tree once with its postings complete. It yields to the event
 * loop (`pause`) between slices, so that answers keep flowing during a rebuild, and reports its progress there.
 */
export async function searchFromPassages(
  vocabulary: readonly string[],
  passageCount: number,
  termsOf: (passage: number) => ArrayLike<number>,
  pause: () => Promise<unknown>,
  onProgress?: (progress: SearchBuildProgress) => void,
): Promise<MiniSearch<IndexedPassage>> {
  const stepsTotal = passageCount + vocabulary.length;
  onProgress?.({ stepsDone: 0, stepsTotal });
  const postings: number[][] = vocabulary.map(() => []);
  const documentIds = new Map<number, number>();
  const fieldLength = new Map<number, number[]>();
  // The running average exactly as `add` updates it, for the same floating-point result.
  let averageLength = 0;
  for (let passage = 0; passage < passageCount; passage++) {
    if (passage % PASSAGES_PER_SLICE === PASSAGES_PER_SLICE - 1) {
      onProgress?.({ stepsDone: passage, stepsTotal });
      await pause();
    }
    const terms = termsOf(passage);
    for (let k = 0; k < terms.length; k++) postings[terms[k]!]!.push(passage);
    documentIds.set(passage, passage);
    // `add` counts the empty string that splitting a passage with no terms gives.
    const length = Math.max(1, terms.length);
    fieldLength.set(passage, [length]);
    averageLength = (averageLength * passage + length) / (passage + 1);
  }
  const fieldId = 0;
  const tree = new SearchableMap<Map<number, Map<number, number>>>();
  let sliced = 0;
  for (let id = 0; id < vocabulary.length; id++) {
    const passages = postings[id]!;
    const frequencies = new Map<number, number>();
    for (const passage of passages) frequencies.set(passage, 1);
    tree.set(vocabulary[id]!, new Map([[fieldId, frequencies]]));
    postings[id] = [];
    // A term costs a tree insertion and two Maps whatever its postings.
    sliced += 1 + passages.length;
    if (sliced >= TREE_WORK_PER_SLICE) {
      sliced = 0;
      onProgress?.({ stepsDone: passageCount + id + 1, stepsTotal });
      await pause();
    }
  }
  onProgress?.({ stepsDone: stepsTotal, stepsTotal });
  return fromState(tree, {
    documentIds,
    fieldIds: { [miniSearchOptions.fields[0]!]: fieldId },
    fieldLength,
    averageFieldLength: passageCount === 0 ? [] : [averageLength],
    nextId: passageCount,
    documentCount: passageCount,
    dirtCount: 0,
  });
}

/** What BM25 scoring reads of a MiniSearch index, without going through its search (see `postings.ts`). */
export interface PostingsView {
  /** The passages holding `term`, by MiniSearch's short id, with the term's frequency in each. */
  postings(term: string): ReadonlyMap<number, number> | undefined;
  /** Short id to passage id, for every passage the index holds. */
  passageIds: ReadonlyMap<number, number>;
  /** Short id to the length of the passage's one field, in terms. */
  fieldLengths: ReadonlyMap<number, readonly number[]>;
  averageFieldLength: number;
  documentCount: number;
}

export function postingsView(search: MiniSearch<IndexedPassage>): PostingsView {
  const s = internals(search);
  const fieldId = s._fieldIds[miniSearchOptions.fields[0]!]!;
  return {
    postings: (term) => s._index.get(term)?.get(fieldId),
    passageIds: s._documentIds,
    fieldLengths: s._fieldLength,
    averageFieldLength: s._avgFieldLength[fieldId] ?? 0,
    documentCount: s._documentCount,
  };
}

/** A part of MiniSearch's radix tree: the subtree under `path` (edges from the root, then keys below them). */
export interface TreeSlice {
  path: Array<string | number>;
  subtree: Map<unknown, unknown>;
}

/**
 * MiniSearch's radix tree cut into subtrees of about `limit` Map entries at most (postings included), in the
 * tree's order, so that each is saved, and loaded when first read, in a few milliseconds. A subtree above the limit
 * is cut into its children; a Map whose values are no Maps (a term's postings) is not cut further, however large.
 * The root is always cut, so that the tree a saved index loads into has a plain Map at its root.
 */
export function treeSlices(tree: Map<string, unknown>, limit: number): TreeSlice[] {
  const slices: TreeSlice[] = [];
  const cut = (node: Map<unknown, unknown>, path: Array<string | number>) => {
    for (const [key, child] of node) {
      const childPath = [...path, key as string | number];
      // MiniSearch's tree is Maps all the way down: inner nodes, and a term's postings by field.
      if (!(child instanceof Map)) throw new Error(`search tree holds a value that is no Map under ${JSON.stringify(childPath)}`);
      if (holdsMaps(child) && weight(child) > limit) cut(child, childPath);
      else slices.push({ path: childPath, subtree: child });
    }
  };
  cut(tree, []);
  return slices;
}

/** Whether a Map's values are Maps (an inner node of the tree), judged by its first: a term's postings hold numbers. */
function holdsMaps(node: Map<unknown, unknown>): boolean {
  for (const value of node.values()) return value instanceof Map;
  return false;
}

/** How many Map entries a subtree holds, its own and those of the Maps below it. */
function weight(node: Map<unknown, unknown>): number {
  if (!holdsMaps(node)) return node.size;
  let total = node.size;
  for (const child of node.values()) if (child instanceof Map) total += weight(child);
  return total;
}

/**
 * The radix tree from its slices, each subtree made on first use by `make` (see `LazyMap`), in the order given.
 * Returns a reason instead when the slices cannot be a tree: a path that is empty or runs through another slice.
 */
export function treeFromSlices(slices: ReadonlyArray<{ path: ReadonlyArray<string | number>; make: () => Map<unknown, unknown> }>): Map<string, unknown> | string {
  const tree = new Map<string, unknown>();
  const pending: Array<LazyMap<unknown, unknown>> = [];
  for (const { path, make } of slices) {
    if (path.length === 0) return 'search tree is malformed (a part has no place)';
    let node: Map<unknown, unknown> = tree;
    for (const key of path.slice(0, -1)) {
      let child = node.get(key);
      if (child === undefined) node.set(key, (child = new Map()));
      if (!(child instanceof Map) || child instanceof LazyMap) return 'search tree is malformed (a part lies inside another)';
      node = child;
    }
    const last = path.at(-1)!;
    if (node.has(last)) return 'search tree is malformed (two parts in one place)';
    const lazy = new LazyMap(make, node, last);
    node.set(last, lazy);
    pending.push(lazy);
  }
  pendingSlices.set(tree, pending);
  return tree;
}

/** By tree: the slices a loaded index has not made yet. */
const pendingSlices = new WeakMap<Map<string, unknown>, Array<LazyMap<unknown, unknown>>>();

/**
 * Makes every slice of a loaded index's tree not made yet, a few at a time with `pause` between (by default, the
 * next turn of the event loop), so that answers keep flowing meanwhile, and stops early when `goOn` says so.
 * Afterwards the tree is plain Maps throughout, as a built one is. Nothing to do for an index that was built.
 */
export async function expandSearch(
  search: MiniSearch<IndexedPassage>,
  pause: () => Promise<unknown> = () => new Promise((resolve) => setImmediate(resolve)),
  goOn: () => boolean = () => true,
): Promise<void> {
  const tree = internals(search)._index._tree;
  const pending = pendingSlices.get(tree);
  if (!pending) return;
  let since = performance.now();
  for (const slice of pending) {
    slice.expand();
    if (performance.now() - since >= EXPAND_SLICE_MS) {
      await pause();
      // An index no longer served (a reload swapped another in) is not worth reading whole.
      if (!goOn()) return;
      since = performance.now();
    }
  }
  pendingSlices.delete(tree);
}

/** How long making slices may hold the event loop before yielding. */
const EXPAND_SLICE_MS = 10;
