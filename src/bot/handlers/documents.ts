import { createHash } from 'node:crypto';
import type { NewsDocument } from '../../corpus/types.ts';
import { fold } from '../../search/analyzer.ts';
import type { NewsIndex } from '../../search/newsIndex.ts';
import { oneLine, truncate } from '../../render/text.ts';
import { LIMITS, type Choice } from '../api.ts';

/**
 * Finding documents from what people type or click: ids, short keys for ids too long for Discord (autocomplete
 * values and custom_ids hold at most 100 characters), and autocomplete suggestions.
 */

/** A short, stable stand-in for a document id: `#` and 12 hex digits of its sha256. */
export function documentKey(id: string): string {
  return `#${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
}

const keysByIndex = new WeakMap<NewsIndex, Map<string, number>>();

/** The document an id or a key names, or undefined. Exact ids win over keys. */
export function findDocument(index: NewsIndex, idOrKey: string): NewsDocument | undefined {
  const wanted = idOrKey.trim();
  const exact = index.document(wanted);
  if (exact || !wanted.startsWith('#')) return exact;
  let keys = keysByIndex.get(index);
  if (!keys) {
    keys = new Map(index.documents.map((doc, i) => [documentKey(doc.id), i]));
    keysByIndex.set(index, keys);
  }
  const i = keys.get(wanted);
  return i === undefined ? undefined : index.documents[i];
}

/** What an autocomplete choice sends back for a document: its id, or its key when the id is too long. */
export function choiceValue(id: string): string {
  return id.length <= LIMITS.choiceValue ? id : documentKey(id);
}

const passageCounts = new WeakMap<NewsIndex, Uint32Array>();

/** Number of passages of each document, by document position. */
export function passagesPerDocument(index: NewsIndex): Uint32Array {
  let counts = passageCounts.get(index);
  if (!counts) {
    counts = new Uint32Array(index.documents.length);
    for (const doc of index.passages.doc) counts[doc]!++;
    passageCounts.set(index, counts);
  }
  return counts;
}

/** A choice's name: title, outlet and date, id — plain text (Discord shows names unformatted), 100 characters at most. */
function choiceName(doc: NewsDocument): string {
  const suffix = ` · ${[doc.outlet, doc.date].filter(Boolean).map((s) => oneLine(s!)).join(', ')}${doc.outlet || doc.date ? ' · ' : ''}${oneLine(doc.id)}`;
  const title = oneLine(doc.title);
  if (suffix.length > 60) return truncate(title || oneLine(doc.id), LIMITS.choiceName);
  return truncate(title, LIMITS.choiceName - suffix.length) + suffix;
}

const foldedByIndex = new WeakMap<NewsIndex, Array<{ id: string; title: string }>>();

/** Ids and titles folded for matching, once per index: autocomplete runs on every keystroke. */
function foldedDocuments(index: NewsIndex): Array<{ id: string; title: string }> {
  let folded = foldedByIndex.get(index);
  if (!folded) {
    folded = index.documents.map((doc) => ({ id: fold(doc.id), title: fold(oneLine(doc.title)) }));
    foldedByIndex.set(index, folded);
  }
  return folded;
}

/**
 * Up to 25 documents matching what was typed (in the id or the title, any case or accent): ids that start with it
 * first, then titles with a word that starts with it, then any match. Nothing typed: the first 25 by id.
 */
export function documentChoices(index: NewsIndex, typed: string): Choice[] {
  const query = fold(oneLine(typed));
  const wordStart = new RegExp(`(^|[^\\p{L}\\p{N}])${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
  const ranked: Array<{ position: number; rank: number }> = [];
  foldedDocuments(index).forEach(({ id, title }, position) => {
    const rank = query === '' || id.startsWith(query) ? 0 : wordStart.test(title) ? 1 : id.includes(query) || title.includes(query) ? 2 : -1;
    if (rank >= 0) ranked.push({ position, rank });
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .slice(0, LIMITS.choices)
    .map(({ position }) => {
      const doc = index.documents[position]!;
      return { name: choiceName(doc) || choiceValue(doc.id), value: choiceValue(doc.id) };
    });
}
