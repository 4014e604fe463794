import { describe, expect, it } from 'vitest';
import { LruCache } from '../../lib/offscreen/lru-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.has('b')).toBe(false);
    expect(c.has('a')).toBe(true);
    expect(c.size).toBe(2);
  });
  it('names a bad capacity', () => {
    expect(() => new LruCache(0)).toThrow('Expected a positive integer for capacity but received 0.');
  });
});
