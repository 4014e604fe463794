import { describe, expect, it } from 'vitest';
import { clearedFilled } from '../../lib/review/cleared-filled';
import { gray, paintGray } from './synthetic';

describe('clearedFilled', () => {
  it('counts cleared pixels the new garment does not cover', () => {
    const cleared = paintGray(gray(10, 10), { x0: 0, y0: 0, x1: 9, y1: 4 }, 1); // 50 px cleared
    const coverage = paintGray(gray(10, 10), { x0: 0, y0: 0, x1: 9, y1: 2 }, 1); // 30 of them covered
    expect(clearedFilled({ cleared, coverage })).toBe(20);
    paintGray(coverage, { x0: 0, y0: 3, x1: 4, y1: 3 }, 0.5); // half coverage counts as covered
    paintGray(cleared, { x0: 0, y0: 8, x1: 9, y1: 8 }, 0.4); // faintly cleared does not count
    expect(clearedFilled({ cleared, coverage })).toBe(15);
  });

  it('refuses layers of different sizes', () => {
    expect(() => clearedFilled({ cleared: gray(4, 4), coverage: gray(4, 5) })).toThrow(/4x4 and 4x5/);
  });
});
