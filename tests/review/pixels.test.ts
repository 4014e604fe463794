import { describe, expect, it } from 'vitest';
import { colourDistanceAt, erodeMask, maxChannelDiffAt } from '../../lib/review/pixels';
import { gray, paintGray, paintRgba, rgba } from './synthetic';

describe('erodeMask', () => {
  it('shrinks a block by the radius on every side', () => {
    const m = paintGray(gray(12, 12), { x0: 2, y0: 3, x1: 8, y1: 9 }, 1); // 7 x 7
    const e = erodeMask(m, 2);
    const inside = [...e.keys()].filter((i) => e[i]);
    expect(inside.length).toBe(9); // 3 x 3 left
    expect(e[6 * 12 + 5]).toBe(1); // the centre
    expect(e[5 * 12 + 4]).toBe(1);
    expect(e[4 * 12 + 4]).toBe(0); // 1 px from the top edge
  });

  it('takes pixels past the picture edge as outside, and half-strength pixels as inside', () => {
    const e = erodeMask(gray(5, 5, 0.5), 1);
    expect([...e]).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect([...erodeMask(gray(5, 5, 0.49), 0)].every((v) => v === 0)).toBe(true);
  });
});

describe('colour comparisons', () => {
  it('measures RGB distance and the largest channel difference', () => {
    const a = rgba(2, 1, [10, 20, 30]);
    const b = paintRgba(rgba(2, 1, [10, 20, 30]), { x0: 1, y0: 0, x1: 1, y1: 0 }, [13, 24, 18]);
    expect(colourDistanceAt(b, 1, [10, 20, 30])).toBeCloseTo(13, 6); // 3, 4, 12
    expect(maxChannelDiffAt(a, b, 0)).toBe(0);
    expect(maxChannelDiffAt(a, b, 1)).toBe(12);
  });
});
