import { describe, expect, it } from 'vitest';
import { backdropColour, backdropInBody, backdropOf } from '../../lib/review/backdrop-in-body';
import { cloneRgba, gray, paintGray, paintRgba, rgba } from './synthetic';

/** A 100 x 100 product photo: a navy tee on an off-white backdrop, touching the bottom edge. */
function productPhoto() {
  const photo = paintRgba(rgba(100, 100, [245, 243, 240]), { x0: 20, y0: 10, x1: 79, y1: 99 }, [30, 40, 90]);
  const mask = paintGray(gray(100, 100), { x0: 20, y0: 10, x1: 79, y1: 99 }, 1);
  return { photo, mask };
}

describe('backdropColour', () => {
  it('is the border band\'s median, not swayed by a garment touching one edge', () => {
    expect(backdropColour(productPhoto().photo)).toEqual([245, 243, 240]);
  });
});

describe('backdropOf', () => {
  it('tells a garment of its own colour from one coloured like the backdrop', () => {
    const { photo, mask } = productPhoto();
    expect(backdropOf(photo, mask).garmentLikeBackdrop).toBe(false);
    // a white print on the chest: 2 % of the interior is backdrop-coloured
    const interior = 58 * 88; // opaque pixels whose 8 neighbours are opaque too
    const side = Math.ceil(Math.sqrt(0.02 * interior));
    paintRgba(photo, { x0: 40, y0: 30, x1: 40 + side - 1, y1: 30 + side - 1 }, [250, 250, 250]);
    expect(backdropOf(photo, mask).garmentLikeBackdrop).toBe(true);
  });

  it('does not count the mask\'s soft edge as the garment\'s interior', () => {
    const { photo, mask } = productPhoto();
    paintGray(mask, { x0: 10, y0: 10, x1: 19, y1: 99 }, 0.98); // a wide soft fringe over the backdrop
    expect(backdropOf(photo, mask).garmentLikeBackdrop).toBe(false);
  });
});

describe('backdropInBody', () => {
  /** A 60 x 80 portrait: a person (x 10..49) in a grey top on a blue wall. */
  function portrait() {
    const image = paintRgba(rgba(60, 80, [60, 90, 160]), { x0: 10, y0: 0, x1: 49, y1: 79 }, [120, 120, 120]);
    const personMask = paintGray(gray(60, 80), { x0: 10, y0: 0, x1: 49, y1: 79 }, 1);
    return { image, personMask };
  }
  const backdrop = { colour: [245, 243, 240] as [number, number, number], garmentLikeBackdrop: false };

  it('counts backdrop-coloured pixels the try-on pasted inside the body', () => {
    const p = portrait();
    const result = paintRgba(cloneRgba(p.image), { x0: 20, y0: 20, x1: 29, y1: 29 }, [240, 240, 236]); // 100 px, 7.1 from the backdrop
    expect(backdropInBody(p.image, p.personMask, result, backdrop)).toBe(100);
  });

  it('leaves out the outline\'s 2 px, the scene outside, unchanged pixels and other colours', () => {
    const p = portrait();
    const result = cloneRgba(p.image);
    paintRgba(result, { x0: 10, y0: 40, x1: 11, y1: 49 }, [245, 243, 240]); // on the outline
    paintRgba(result, { x0: 0, y0: 40, x1: 9, y1: 49 }, [245, 243, 240]); // outside the person
    paintRgba(result, { x0: 20, y0: 40, x1: 29, y1: 49 }, [215, 215, 215]); // a pale grey, 48 away
    expect(backdropInBody(p.image, p.personMask, result, backdrop)).toBe(0);
    // a shopper already in white: the same white, unchanged, is theirs, not pasted backdrop
    paintRgba(p.image, { x0: 30, y0: 10, x1: 39, y1: 19 }, [245, 243, 240]);
    paintRgba(result, { x0: 30, y0: 10, x1: 39, y1: 19 }, [245, 243, 240]);
    expect(backdropInBody(p.image, p.personMask, result, backdrop)).toBe(0);
    paintRgba(result, { x0: 12, y0: 60, x1: 12, y1: 69 }, [245, 243, 240]); // just inside the eroded outline
    expect(backdropInBody(p.image, p.personMask, result, backdrop)).toBe(10);
  });

  it('is null when the garment itself is backdrop-coloured', () => {
    const p = portrait();
    const result = paintRgba(cloneRgba(p.image), { x0: 20, y0: 20, x1: 29, y1: 29 }, [245, 243, 240]);
    expect(backdropInBody(p.image, p.personMask, result, { ...backdrop, garmentLikeBackdrop: true })).toBeNull();
  });
});
