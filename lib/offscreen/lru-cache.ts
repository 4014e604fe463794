/**
 * A tiny least-recently-used cache. The offscreen document keeps the latest garment
 * analyses in one, so switching sizes on the same garment costs only a re-render.
 */
export class LruCache<K, V> {
  readonly #capacity: number;
  readonly #map = new Map<K, V>();

  /**
   * @param capacity how many entries to keep, a positive integer.
   * @example const cache = new LruCache<string, GarmentAnalysis>(4);
   */
  constructor(capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new RangeError(`Expected a positive integer for capacity but received ${capacity}.`);
    this.#capacity = capacity;
  }

  /**
   * The value for `key`, which becomes the most recently used; undefined when absent.
   * @example cache.get('https://cdn.example/shirt.jpg|auto')
   */
  get(key: K): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }

  /**
   * True when `key` is cached (does not change the order).
   * @example if (!cache.has(key)) bytes = await fetchImageBytes(url);
   */
  has(key: K): boolean {
    return this.#map.has(key);
  }

  /**
   * Stores `value`, evicting the least recently used entry when full.
   * @example cache.set(key, analysis);
   */
  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.#capacity) this.#map.delete(this.#map.keys().next().value as K);
  }

  get size(): number {
    return this.#map.size;
  }
}
