import { describe, expect, it } from 'vitest';
import { oldGarmentLeft } from '../../lib/review/old-garment-left';
import { cloneRgba, gray, paintGray, paintRgba, rgba } from './synthetic';

const RED: [number, number, number] = [180, 30, 40];

/** A 40 x 60 shopper (x 5..34) in a red top from y 10 down; chin at y 9, waist at y 40, hips at y 50. */
function shopper() {
  const image = paintRgba(rgba(40, 60, [200, 210, 220]), { x0: 5, y0: 10, x1: 34, y1: 59 }, RED);
  const personMask = paintGray(gray(40, 60), { x0: 5, y0: 0, x1: 34, y1: 59 }, 1);
  const regions = { skin: gray(40, 60), hands: gray(40, 60), hair: gray(40, 60), face: gray(40, 60), waistY: 40 as number | null };
  return { image, personMask, regions, body: { chin: [20, 9] as [number, number], hipCenter: [20, 50] as [number, number] } };
}

describe('oldGarmentLeft', () => {
  it('counts the old top showing between the new garment\'s hem and the waist', () => {
    const p = shopper();
    const result = paintRgba(cloneRgba(p.image), { x0: 5, y0: 10, x1: 34, y1: 30 }, [40, 160, 60]); // a short green top
    const coverage = paintGray(gray(40, 60), { x0: 5, y0: 10, x1: 34, y1: 30 }, 1);
    expect(oldGarmentLeft(p, [RED], result, coverage)).toBe(9 * 30); // rows 31..39; below the waist is the bottom's
  });

  it('leaves out skin, hands, changed pixels, other colours and what the new garment covers', () => {
    const p = shopper();
    const result = paintRgba(cloneRgba(p.image), { x0: 5, y0: 10, x1: 34, y1: 30 }, [40, 160, 60]);
    const coverage = paintGray(gray(40, 60), { x0: 5, y0: 10, x1: 34, y1: 30 }, 1);
    paintGray(p.regions.skin, { x0: 5, y0: 31, x1: 34, y1: 32 }, 0.6); // -60
    paintGray(p.regions.hands, { x0: 5, y0: 33, x1: 14, y1: 33 }, 0.3); // -10
    paintRgba(result, { x0: 5, y0: 34, x1: 9, y1: 34 }, [186, 30, 40]); // 6 off: still unchanged
    paintRgba(result, { x0: 10, y0: 34, x1: 14, y1: 34 }, [190, 30, 40]); // 10 off: changed, -5
    paintRgba(p.image, { x0: 20, y0: 35, x1: 24, y1: 35 }, [180, 90, 40]); // a print's orange, 60 away: -5
    paintRgba(result, { x0: 20, y0: 35, x1: 24, y1: 35 }, [180, 90, 40]);
    paintGray(coverage, { x0: 5, y0: 36, x1: 34, y1: 36 }, 0.5); // half covered counts as covered: -30
    expect(oldGarmentLeft(p, [RED], result, coverage)).toBe(270 - 60 - 10 - 5 - 5 - 30);
  });

  it('reaches down to the hips when the portrait shows no waist line, and counts nothing without old colours', () => {
    const p = shopper();
    p.regions.waistY = null;
    const result = cloneRgba(p.image);
    expect(oldGarmentLeft(p, [RED], result, gray(40, 60))).toBe(40 * 30); // rows 10..49
    expect(oldGarmentLeft(p, [], result, gray(40, 60))).toBe(0);
  });
});
