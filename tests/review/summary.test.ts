import { describe, expect, it } from 'vitest';
import { median } from '../../lib/review/median';
import type { ReviewCell } from '../../lib/review/summary';
import { summarise } from '../../lib/review/summary';

function cell(over: Partial<ReviewCell>): ReviewCell {
  return { portrait: 'persons/a.jpg', garment: 'garments/b.jpg', category: 'upper', file: null, refused: null, ms: 500, pieces: 1, backdropInBody: 0, oldGarmentLeft: 0, clearedFilled: 0, ...over };
}

describe('median', () => {
  it('is the middle value, the mean of the two middle ones for an even count, null for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe('summarise', () => {
  it('sums the cells\' numbers over the set and counts refused and unmeasurable cells', () => {
    const cells = [
      cell({ pieces: 1, backdropInBody: 10, oldGarmentLeft: 100, clearedFilled: 5, ms: 400 }),
      cell({ pieces: 3, backdropInBody: 30, oldGarmentLeft: 50, clearedFilled: 7, ms: 600 }),
      cell({ pieces: 0, backdropInBody: null, oldGarmentLeft: null, clearedFilled: 0, ms: 900, category: 'lower' }),
      cell({ pieces: 2, backdropInBody: 0, oldGarmentLeft: 1, clearedFilled: 1, ms: 450 }),
      cell({ pieces: null, backdropInBody: null, oldGarmentLeft: null, clearedFilled: null, ms: null, refused: 'No person found.' }),
    ];
    const pairs = [cell({ ssim: 0.75 }), cell({ ssim: 0.25 }), cell({ ssim: null, refused: 'No garment found.' })];
    expect(summarise(cells, pairs)).toEqual({
      cells: 5,
      refused: 1,
      onePiece: 1,
      severalPieces: 2,
      noPieces: 1,
      extraPieces: 3,
      backdropInBody: 40,
      backdropInBodyMedian: 10,
      backdropInBodyNull: 1, // the refused cell is not among them
      oldGarmentLeft: 151,
      clearedFilled: 13,
      medianMs: 525,
      pairs: [
        { person: 'persons/a.jpg', garment: 'garments/b.jpg', ssim: 0.75, refused: null },
        { person: 'persons/a.jpg', garment: 'garments/b.jpg', ssim: 0.25, refused: null },
        { person: 'persons/a.jpg', garment: 'garments/b.jpg', ssim: null, refused: 'No garment found.' },
      ],
      medianSsim: 0.5,
    });
  });

  it('has no medians for an empty set', () => {
    const s = summarise([]);
    expect([s.cells, s.backdropInBodyMedian, s.medianMs, s.medianSsim]).toEqual([0, null, null, null]);
  });

  it('sums to null, not 0, what no cell could measure (the old top under bottoms)', () => {
    const s = summarise([cell({ category: 'lower', oldGarmentLeft: null }), cell({ category: 'lower', oldGarmentLeft: null, backdropInBody: 4 })]);
    expect(s.oldGarmentLeft).toBeNull();
    expect(s.backdropInBody).toBe(4);
  });
});
