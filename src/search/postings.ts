import type MiniSearch from 'minisearch';
import { postingsView, type IndexedPassage, type PostingsView } from './miniSearchState.ts';

/** MiniSearch's own BM25+ parameters, so that scores are the ones its search would give. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const NO_PASSAGE = 0xffffffff;
/** Terms whose postings are kept at hand; a question looks up a few dozen, the whole vocabulary is far larger. */
const RESOLVED_LIMIT = 50_000;

export interface ScoredPassage {
  passage: number;
  score: number;
}

/**
 * BM25 over passages, read straight from MiniSearch's postings. The sum is plain BM25+, without the factor MiniSearch
 * applies for the number of terms found: the candidate ranking weighs the share of the question a passage holds
 * itself, by each term's weight rather than by count. MiniSearch's own search builds an object per
 * matching passage and merges them through Maps, about two microseconds a posting: reading a few thousand postings
 * took most of an answer's time. Here scores add up in one typed array and only the best few become objects.
 */
export class PassagePostings {
  private readonly view: PostingsView;
  /** Per MiniSearch short id: the passage id, or NO_PASSAGE for an id no longer in the index. */
  private readonly passageOf: Uint32Array;
  /** Per passage id: MiniSearch's short id. */
  private readonly shortOf: Uint32Array;
  /** Per short id: BM25's length normalisation, k·(1 − b + b·length / average length). */
  private readonly lengthNorm: Float64Array;
  /** Scratch space of `search`, all zero between calls (answering is synchronous). */
  private readonly scores: Float64Array;
  private readonly touched: Uint32Array;

  /** Each term's postings as found in MiniSearch's radix tree (null: none), which the index never changes once built. */
  private readonly resolved = new Map<string, ReadonlyMap<number, number> | null>();

  constructor(search: MiniSearch<IndexedPassage>, passageCount: number) {
    this.view = postingsView(search);
    const shortIds = [...this.view.passageIds.keys()];
    const size = shortIds.reduce((max, id) => Math.max(max, id + 1), 0);
    this.passageOf = new Uint32Array(size).fill(NO_PASSAGE);
    this.shortOf = new Uint32Array(passageCount).fill(NO_PASSAGE);
    this.lengthNorm = new Float64Array(size);
    const average = this.view.averageFieldLength || 1;
    for (const [short, passage] of this.view.passageIds) {
      this.passageOf[short] = passage;
      this.shortOf[passage] = short;
      const length = this.view.fieldLengths.get(short)?.[0] ?? 0;
      this.lengthNorm[short] = BM25.k * (1 - BM25.b + (BM25.b * length) / average);
    }
    this.scores = new Float64Array(size);
    this.touched = new Uint32Array(size);
  }

  /** In how many passages `term` occurs. */
  frequency(term: string): number {
    return this.postingsOf(term)?.size ?? 0;
  }

  private postingsOf(term: string): ReadonlyMap<number, number> | undefined {
    // One lookup: every index term is looked up here many times a question.
    let postings = this.resolved.get(term);
    if (postings === undefined) {
      postings = this.view.postings(term) ?? null;
      if (this.resolved.size >= RESOLVED_LIMIT) this.resolved.clear();
      this.resolved.set(term, postings);
    }
    return postings ?? undefined;
  }

  has(term: string, passage: number): boolean {
    const short = this.shortOf[passage];
    return short !== undefined && short !== NO_PASSAGE && (this.postingsOf(term)?.has(short) ?? false);
  }

  /**
   * Which passages hold `term`, its postings looked up once, when first asked: a question's synonyms are many, and
   * most are never asked about once a passage is found to hold the reader's own word.
   */
  holderTest(term: string): (passage: number) => boolean {
    let postings: ReadonlyMap<number, number> | null | undefined;
    const { shortOf } = this;
    return (passage) => {
      if (postings === undefined) postings = this.postingsOf(term) ?? null;
      if (postings === null) return false;
      const short = shortOf[passage];
      return short !== undefined && short !== NO_PASSAGE && postings.has(short);
    };
  }

  /** The passages holding `term`, in index order. */
  *passagesWith(term: string): Generator<number> {
    for (const short of this.postingsOf(term)?.keys() ?? []) {
      const passage = this.passageOf[short]!;
      if (passage !== NO_PASSAGE) yield passage;
    }
  }

  /**
   * The `limit` passages with the highest BM25 score for the terms (OR), each term's score multiplied by its boost,
   * best first (ties by passage order). `accept` leaves passages out (a filter to some documents).
   */
  search(boosts: ReadonlyMap<string, number>, limit: number, accept?: (passage: number) => boolean): ScoredPassage[] {
    const { scores, touched, lengthNorm, passageOf } = this;
    const documentCount = this.view.documentCount;
    let count = 0;
    for (const [term, boost] of boosts) {
      const postings = this.postingsOf(term);
      if (!postings || postings.size === 0) continue;
      const idf = Math.log(1 + (documentCount - postings.size + 0.5) / (postings.size + 0.5));
      // Keys and values side by side: iterating entries makes an array per posting, the loop's largest cost.
      const frequencies = postings.values();
      for (const short of postings.keys()) {
        const frequency = frequencies.next().value!;
        if (passageOf[short] === NO_PASSAGE) continue;
        // Every term scores above zero (BM25+'s d), so a zero marks a passage not seen yet.
        if (scores[short] === 0) touched[count++] = short;
        scores[short]! += boost * idf * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + lengthNorm[short]!));
      }
    }
    const best = new TopK(limit);
    for (let i = 0; i < count; i++) {
      const short = touched[i]!;
      const passage = passageOf[short]!;
      if (!accept || accept(passage)) best.offer(passage, scores[short]!);
      scores[short] = 0;
    }
    return best.sorted();
  }
}

/** The k best-scored passages seen, in a min-heap: most offers are turned away by one comparison. */
class TopK {
  private readonly heap: ScoredPassage[] = [];
  constructor(private readonly k: number) {}

  offer(passage: number, score: number): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push({ passage, score });
      this.siftUp(heap.length - 1);
    } else if (this.k > 0) {
      // Most offers lose to the worst kept: compare before making an object of them.
      const least = heap[0]!;
      if (least.score > score || (least.score === score && least.passage < passage)) return;
      heap[0] = { passage, score };
      this.siftDown(0);
    }
  }

  sorted(): ScoredPassage[] {
    return [...this.heap].sort((a, b) => (worse(a, b) ? 1 : -1));
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    for (;;) {
      const [left, right] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (left < heap.length && worse(heap[left]!, heap[least]!)) least = left;
      if (right < heap.length && worse(heap[right]!, heap[least]!)) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  }
}

/** Lower score, or on a tie the later passage: the order in which results are given, reversed. */
function worse(a: ScoredPassage, b: ScoredPassage): boolean {
  return a.score < b.score || (a.score === b.score && a.passage > b.passage);
}
