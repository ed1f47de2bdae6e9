import { randomBytes } from 'node:crypto';

export interface ExpiringStoreOptions {
  /** Most entries kept; the oldest goes first when full. Default 1000. */
  capacity?: number;
  /** How long an entry lives after it was stored, in ms. Default 15 minutes, as long as an interaction token. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * A small in-memory store with a bound and an expiry, keyed by short random ids that fit in a button's custom_id.
 * It holds what a button needs to act later (the answers of a question, who asked), so the custom_id carries an
 * 8-character id and never the question itself. A restart forgets everything; the buttons then say so.
 */
export class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ExpiringStoreOptions = {}) {
    this.capacity = options.capacity ?? 1000;
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  put(value: T): string {
    this.sweep();
    while (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    let id: string;
    do id = randomBytes(6).toString('base64url');
    while (this.entries.has(id));
    this.entries.set(id, { value, expires: this.now() + this.ttlMs });
    return id;
  }

  get(id: string): T | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops expired entries; they sit at the front, as entries are kept in the order they were stored. */
  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(id);
    }
  }
}
