import MiniSearch from 'minisearch';
import type { NewsDocument } from '../src/corpus/types.ts';

/**
 * Stock MiniSearch as the issue measured it, the baseline Newsdesk is compared with: default options, one
 * document per paragraph with its text in one field, the whole question as the query, default search options.
 */
export interface StockParagraph {
  id: number;
  text: string;
}

export const stockOptions = { fields: ['text'] };

export interface StockBuildProgress {
  paragraphsIndexed: number;
  paragraphsTotal: number;
}

/** Paragraphs added between two progress reports; reporting needs the event loop, which `addAll` holds. */
const PROGRESS_CHUNK = 5_000;

export async function buildStockIndex(
  documents: readonly NewsDocument[],
  onProgress?: (progress: StockBuildProgress) => void,
): Promise<MiniSearch<StockParagraph>> {
  const paragraphs = documents.flatMap((doc) => doc.paragraphs).map((text, id): StockParagraph => ({ id, text }));
  const search = new MiniSearch<StockParagraph>(stockOptions);
  for (let from = 0; from < paragraphs.length; from += PROGRESS_CHUNK) {
    search.addAll(paragraphs.slice(from, from + PROGRESS_CHUNK));
    onProgress?.({ paragraphsIndexed: Math.min(from + PROGRESS_CHUNK, paragraphs.length), paragraphsTotal: paragraphs.length });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return search;
}

export function loadStockIndex(json: string): MiniSearch<StockParagraph> {
  return MiniSearch.loadJSON<StockParagraph>(json, stockOptions);
}

/** What a stock search does for one question: the whole question as the query, default search options. */
export function stockSearch(search: MiniSearch<StockParagraph>, question: string): number {
  return search.search(question).length;
}
