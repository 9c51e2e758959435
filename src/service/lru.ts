// A least-recently-used map: a Map keeps insertion order, so re-inserting on use keeps the
// oldest first. Twenty lines did not justify a dependency.

export class Lru<K, V> {
  private readonly items = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`an LRU needs a capacity of at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.items.size;
  }

  /** The value for `key`, made by `make` when absent; the oldest goes when over capacity. */
  getOrMake(key: K, make: () => V): V {
    const found = this.items.get(key);
    if (found !== undefined || this.items.has(key)) {
      this.items.delete(key);
      this.items.set(key, found as V);
      return found as V;
    }
    const made = make();
    this.items.set(key, made);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value as K);
    return made;
  }

  get(key: K): V | undefined {
    return this.items.get(key);
  }

  values(): IterableIterator<V> {
    return this.items.values();
  }
}
