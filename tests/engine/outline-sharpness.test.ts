/**
 * A garment's cut-out outline steepened to a lens's edge, on a synthetic garment:
 * a disc whose coverage ramps over 8 px, with a sheer patch inside.
 */
import { describe, expect, it } from 'vitest';
import { LENS_EDGE, outlineRamp, sharpenOutline } from '../../lib/engine/garment/outline-sharpness';

const W = 200, H = 200;

/** A disc of radius 60 whose coverage falls linearly from 1 to 0 over `ramp` px at its edge, and a 0.5-covered patch at its centre. */
function disc(ramp: number): Float32Array {
  const m = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const d = Math.hypot(x - 100, y - 100);
    m[y * W + x] = Math.min(1, Math.max(0, (60 + ramp / 2 - d) / ramp));
    if (Math.abs(x - 100) < 10 && Math.abs(y - 100) < 10) m[y * W + x] = 0.5;
  }
  return m;
}

describe('sharpenOutline', () => {
  it('measures a ramp about as wide as it is drawn', () => {
    expect(outlineRamp(disc(8), W, H)).toBeGreaterThan(6.5);
    expect(outlineRamp(disc(8), W, H)).toBeLessThan(9.5);
  });

  it('steepens a soft outline to about the lens edge, keeping its middle in place', () => {
    const soft = disc(8), crisp = sharpenOutline(soft, W, H);
    expect(outlineRamp(crisp, W, H)).toBeLessThan(LENS_EDGE * 1.5);
    // the half-covered ring stays where it was: row 100, column 160 is the outline's middle
    for (let x = 150; x < 175; x++) expect(Math.sign(crisp[100 * W + x] - 0.5)).toBe(Math.sign(soft[100 * W + x] - 0.5));
  });

  it('leaves sheer cloth inside the garment, away from its outline, as it is', () => {
    const crisp = sharpenOutline(disc(8), W, H);
    expect(crisp[100 * W + 100]).toBe(0.5);
    expect(crisp[95 * W + 105]).toBe(0.5);
  });

  it('leaves an outline already as sharp as the lens alone', () => {
    const sharp = disc(1.5);
    expect(Array.from(sharpenOutline(sharp, W, H))).toEqual(Array.from(sharp));
  });
});
