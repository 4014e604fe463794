import { describe, expect, it } from 'vitest';
import { kmeans } from '../../lib/review/kmeans';

/** `n` samples around `c`, spread ±3 per channel in a fixed pattern. */
function around(c: [number, number, number], n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(c[0] + ((i % 7) - 3), c[1] + ((i % 5) - 2), c[2] + ((i % 3) - 1));
  return out;
}

describe('kmeans', () => {
  it('finds the colours of a two-colour stripe, largest first', () => {
    const samples = [...around([200, 30, 30], 300), ...around([20, 20, 120], 100)];
    const two = kmeans(samples, 2);
    expect(two.map((c) => c.count)).toEqual([300, 100]);
    expect(two[0].centre.map(Math.round)).toEqual([200, 30, 30]);
    expect(two[1].centre.map(Math.round)).toEqual([20, 20, 120]);
    // with room for four, the spare clusters split the colours' noise, never mix the colours
    const four = kmeans(samples, 4);
    expect(four).toHaveLength(4);
    const red = four.filter((c) => c.centre[0] > 150);
    expect(red.reduce((s, c) => s + c.count, 0)).toBe(300);
    for (const c of four) expect(Math.min(Math.hypot(c.centre[0] - 200, c.centre[1] - 30, c.centre[2] - 30), Math.hypot(c.centre[0] - 20, c.centre[1] - 20, c.centre[2] - 120))).toBeLessThan(5);
  });

  it('gives the same clusters for the same samples', () => {
    const samples = [...around([90, 140, 60], 50), ...around([250, 250, 250], 70), ...around([10, 10, 10], 30)];
    expect(kmeans(samples, 4)).toEqual(kmeans(samples, 4));
  });

  it('returns fewer clusters than k when the samples hold fewer colours, none for no samples', () => {
    expect(kmeans([5, 5, 5, 5, 5, 5, 9, 9, 9], 4)).toEqual([{ centre: [5, 5, 5], count: 2 }, { centre: [9, 9, 9], count: 1 }]);
    expect(kmeans([], 4)).toEqual([]);
  });

  it('refuses a bad k or a sample list that is not RGB triples', () => {
    expect(() => kmeans([1, 2, 3], 0)).toThrow(/k a positive integer but received 0/);
    expect(() => kmeans([1, 2], 2)).toThrow(/RGB triples but received 2/);
  });
});
