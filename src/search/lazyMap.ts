/**
 * A Map whose entries are made on first use: a part of a saved index kept as bytes until a question reads it.
 * Deserialising a large archive's postings (millions of Map entries) is most of loading it; this way an index
 * answers as soon as its file is read and checked, and each part costs its few milliseconds when first needed
 * (or when `expand` is called, by a background pass that fills the rest in).
 *
 * Once made, the entries are put in the parent's place (`parent.set(key, entries)`), so lookups afterwards meet a
 * plain Map; this object only forwards to it for whoever still holds it. Everything a Map does goes through the
 * made entries. One thing cannot: Node's structured serialiser (`v8.serialize`) reads a Map's own storage, which
 * is empty here, so a tree must be expanded before it is serialised again (see `expandSearch`).
 */
export class LazyMap<K, V> extends Map<K, V> {
  #make: (() => Map<K, V>) | undefined;
  #entries: Map<K, V> | undefined;
  #parent: Map<unknown, unknown> | undefined;
  #key: unknown;

  constructor(make: () => Map<K, V>, parent?: Map<unknown, unknown>, key?: unknown) {
    super();
    this.#make = make;
    this.#parent = parent;
    this.#key = key;
  }

  /** Whether the entries are still to be made. */
  get pending(): boolean {
    return this.#entries === undefined;
  }

  /** The entries, made now if they were not yet, as the plain Map that took this one's place in its parent. */
  expand(): Map<K, V> {
    if (this.#entries) return this.#entries;
    const entries = this.#make!();
    this.#entries = entries;
    this.#make = undefined;
    // Only if the parent still holds this object: a tree changed since must not be overwritten.
    if (this.#parent?.get(this.#key) === this) this.#parent.set(this.#key, entries);
    this.#parent = undefined;
    return entries;
  }

  override get size(): number {
    return this.expand().size;
  }
  override get(key: K): V | undefined {
    return this.expand().get(key);
  }
  override has(key: K): boolean {
    return this.expand().has(key);
  }
  override set(key: K, value: V): this {
    this.expand().set(key, value);
    return this;
  }
  override delete(key: K): boolean {
    return this.expand().delete(key);
  }
  override clear(): void {
    this.expand().clear();
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.expand().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  override keys(): MapIterator<K> {
    return this.expand().keys();
  }
  override values(): MapIterator<V> {
    return this.expand().values();
  }
  override entries(): MapIterator<[K, V]> {
    return this.expand().entries();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.expand()[Symbol.iterator]();
  }
}
