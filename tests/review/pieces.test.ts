import { describe, expect, it } from 'vitest';
import { pieces } from '../../lib/review/pieces';
import { gray, paintGray } from './synthetic';

describe('pieces', () => {
  it('counts a garment drawn whole as one piece and a torn-off sleeve as a second', () => {
    const drawn = paintGray(gray(60, 60), { x0: 10, y0: 10, x1: 40, y1: 50 }, 1);
    expect(pieces(drawn)).toBe(1);
    paintGray(drawn, { x0: 45, y0: 10, x1: 55, y1: 30 }, 0.8); // the sleeve, apart from the body
    expect(pieces(drawn)).toBe(2);
    paintGray(drawn, { x0: 41, y0: 20, x1: 44, y1: 20 }, 0.6); // a one-pixel bridge joins them
    expect(pieces(drawn)).toBe(1);
  });

  it('joins parts that touch only at a corner (8-connectivity)', () => {
    const drawn = paintGray(gray(20, 20), { x0: 0, y0: 0, x1: 9, y1: 9 }, 1);
    paintGray(drawn, { x0: 10, y0: 10, x1: 19, y1: 19 }, 1);
    expect(pieces(drawn)).toBe(1);
  });

  it('does not count specks of at most 0.5 % of the drawn area, nor pixels under half opacity', () => {
    const drawn = paintGray(gray(100, 100), { x0: 0, y0: 0, x1: 49, y1: 99 }, 1); // 5000 px
    paintGray(drawn, { x0: 70, y0: 70, x1: 74, y1: 74 }, 1); // 25 px: 0.497 % of 5025
    expect(pieces(drawn)).toBe(1);
    paintGray(drawn, { x0: 80, y0: 0, x1: 99, y1: 99 }, 0.49); // a faint fringe
    expect(pieces(drawn)).toBe(1);
    paintGray(drawn, { x0: 70, y0: 70, x1: 75, y1: 75 }, 1); // 36 px: 0.71 %
    expect(pieces(drawn)).toBe(2);
  });

  it('is 0 when nothing was drawn', () => {
    expect(pieces(gray(10, 10, 0.2))).toBe(0);
  });
});
