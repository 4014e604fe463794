/**
 * A closed crew neck on a drawn tee (no photos needed): in a flat photo the inside back,
 * the collar's back band and the label fill the neck opening, so the outline's top edge
 * runs straight across it; worn and seen from the front the neck hides them, so they are
 * marked not to be drawn, down to where a crew neck's front lies.
 */
import { describe, expect, it } from 'vitest';
import { garmentShape, PART_BODY, PART_INSIDE } from '../../lib/engine/garment/garment-shape';
import { polygonMask } from '../../lib/engine/shapes';

const W = 768, H = 1024;
/** A short-sleeved tee whose top edge is flat between its collar corners at (300, 100) and (468, 100). */
const tee = polygonMask(W, H, [
  [300, 100], [468, 100], [568, 140], [660, 250], [600, 300], [548, 290],
  [540, 800], [228, 800], [220, 290], [168, 300], [108, 250], [200, 140],
]);

describe('a crew neck\'s opening', () => {
  const shape = garmentShape(tee);
  const part = (x: number, y: number) => shape!.parts![y * W + x];
  const neckWidth = 168;

  it('is read as a top with sleeves', () => {
    expect(shape?.category).toBe('upper');
    expect(shape?.sleeve).not.toBe('none');
  });

  it('hides the collar\'s back band and the label below it, at the opening\'s middle', () => {
    for (const share of [0.02, 0.1, 0.2]) expect(part(384, Math.round(100 + neckWidth * share))).toBe(PART_INSIDE);
  });

  it('keeps the front below the neckline, and the shoulders beside the opening', () => {
    expect(part(384, Math.round(100 + neckWidth * 0.45))).toBe(PART_BODY);
    expect(part(250, 160)).toBe(PART_BODY);
    expect(part(520, 160)).toBe(PART_BODY);
  });
});
