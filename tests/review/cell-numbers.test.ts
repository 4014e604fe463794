import { describe, expect, it } from 'vitest';
import { cellNumbers } from '../../lib/review/cell-numbers';
import { cloneRgba, gray, paintGray, paintRgba, rgba } from './synthetic';

const RED: [number, number, number] = [180, 30, 40];

/** A 40 x 60 shopper in a red top (rows 10..39), and a try-on that drew a green top over rows 10..30 only. */
function scene() {
  const image = paintRgba(rgba(40, 60, [200, 210, 220]), { x0: 5, y0: 10, x1: 34, y1: 59 }, RED);
  const portrait = {
    image,
    personMask: paintGray(gray(40, 60), { x0: 5, y0: 0, x1: 34, y1: 59 }, 1),
    regions: { skin: gray(40, 60), hands: gray(40, 60), hair: gray(40, 60), face: gray(40, 60), waistY: 40 },
    body: { chin: [20, 9] as [number, number], hipCenter: [20, 50] as [number, number] },
  };
  const drawn = paintGray(gray(40, 60), { x0: 5, y0: 10, x1: 34, y1: 30 }, 1);
  const result = { image: paintRgba(cloneRgba(image), { x0: 5, y0: 10, x1: 34, y1: 30 }, [40, 160, 60]), layers: { drawn, coverage: drawn, cleared: paintGray(gray(40, 60), { x0: 5, y0: 10, x1: 34, y1: 33 }, 1) } };
  const backdrop = { colour: [40, 160, 60] as [number, number, number], garmentLikeBackdrop: false }; // the top is the backdrop's green
  return { portrait, oldColours: [RED], backdrop, result };
}

describe('cellNumbers', () => {
  it('measures a top: one piece, its backdrop-coloured pixels, the old top below its hem, the uncovered cleared rows', () => {
    expect(cellNumbers({ ...scene(), category: 'upper' })).toEqual({ pieces: 1, backdropInBody: 21 * 26, oldGarmentLeft: 9 * 30, clearedFilled: 3 * 30 });
  });

  it('does not count the old top for a bottom, which does not replace it', () => {
    expect(cellNumbers({ ...scene(), category: 'lower' }).oldGarmentLeft).toBeNull();
  });
});
