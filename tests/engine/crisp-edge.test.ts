import { describe, expect, it } from 'vitest';
import { crispEdge } from '../../lib/engine/crisp-edge';
import { createGray } from '../../lib/engine/image';

/** A disc of radius `r` whose edge is a linear ramp `ramp` pixels wide, as an enlarged segmentation mask is. */
function softDisc(size: number, r: number, ramp: number) {
  const g = createGray(size, size);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const d = Math.hypot(x - c, y - c);
    g.data[y * size + x] = Math.min(1, Math.max(0, 0.5 + (r - d) / ramp));
  }
  return g;
}

describe('crispEdge', () => {
  it('keeps a soft mask\'s 0.5 contour where it is and narrows its ten-pixel ramp to about a pixel and a half', () => {
    const soft = softDisc(101, 30, 10);
    const crisp = crispEdge(soft);
    const c = 50;
    // along a radius: where it crosses 0.5, and over how many pixels it goes from 0.05 to 0.95
    const row = Array.from({ length: 101 }, (_, x) => crisp.data[c * 101 + x]);
    const inside = row.filter((v, x) => x >= c && v >= 0.5).length;
    // (the soft disc reaches 0.5 at 30 px from the centre: the crisp one too, to a pixel)
    expect(Math.abs(inside - 30.5)).toBeLessThanOrEqual(1);
    const partial = row.filter((v, x) => x >= c && v > 0.05 && v < 0.95).length;
    // (the soft ramp has 9 such pixels; a photographed outline mixes over 1 to 2)
    expect(partial).toBeLessThanOrEqual(2);
    expect(soft.data.filter((v, i) => i >= c * 101 + c && i < c * 101 + 101 && v > 0.05 && v < 0.95).length).toBeGreaterThan(8);
  });

  it('leaves a mask that is already hard as it is, and one that is all of one value whole', () => {
    const hard = createGray(20, 20);
    for (let i = 0; i < 200; i++) hard.data[i] = 1;
    expect(Array.from(crispEdge(hard).data)).toEqual(Array.from(hard.data));
    const none = createGray(8, 8);
    expect(crispEdge(none).data.every((v) => v === 0)).toBe(true);
    const all = createGray(8, 8, 1);
    expect(crispEdge(all).data.every((v) => v === 1)).toBe(true);
  });
});
