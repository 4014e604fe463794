/**
 * Bottoms' shapes on drawn masks (no photos needed), the 2x resizes of the
 * per-portrait maps, and walking along a limb's path.
 */
import { describe, expect, it } from 'vitest';
import { createGray, createRgba } from '../../lib/engine/image';
import { drawSleeve } from '../../lib/engine/render/garment-layers';
import type { SleeveFit } from '../../lib/engine/fit/upper-fit';
import { polygonMask } from '../../lib/engine/shapes';
import { lowerShape, PART_HIPS, PART_LEFT_LEG, PART_RIGHT_LEG } from '../../lib/engine/garment/lower-shape';
import { doubleGray, halveGray } from '../../lib/engine/half-size';
import { pointAlong } from '../../lib/engine/fit/lower-fit';

describe('lowerShape on drawn masks', () => {
  it('reads trousers: waistband on top, the crotch where the legs part, each leg apart', () => {
    // waistband 200..400 at y 100, legs parting at y 300, hems at y 900
    const mask = polygonMask(600, 1000, [[200, 100], [400, 100], [420, 900], [320, 900], [300, 300], [280, 900], [180, 900]]);
    const s = lowerShape(mask)!;
    expect(s.kind).toBe('trousers');
    expect(s.landmarks.crotch[1]).toBeGreaterThan(280);
    expect(s.landmarks.crotch[1]).toBeLessThan(330);
    expect(Math.abs(s.landmarks.crotch[0] - 300)).toBeLessThan(6);
    // wearer's left on the image's right
    expect(s.landmarks.left_hem_outer[0]).toBeGreaterThan(400);
    expect(s.landmarks.right_hem_outer[0]).toBeLessThan(200);
    expect(s.parts[150 * 600 + 300]).toBe(PART_HIPS);
    expect(s.parts[800 * 600 + 380]).toBe(PART_LEFT_LEG);
    expect(s.parts[800 * 600 + 220]).toBe(PART_RIGHT_LEG);
  });

  it('reads a skirt: one piece from the waistband to a wider hem', () => {
    const mask = polygonMask(600, 1000, [[220, 100], [380, 100], [460, 700], [140, 700]]);
    const s = lowerShape(mask)!;
    expect(s.kind).toBe('skirt');
    expect(s.landmarks.left_hem_outer[0] - s.landmarks.right_hem_outer[0]).toBeGreaterThan(280);
    expect(s.parts[650 * 600 + 300]).toBe(PART_HIPS);
  });

  it('finds nothing in an empty mask', () => {
    expect(lowerShape(createGray(50, 50))).toBeNull();
  });
});

describe('half-resolution maps', () => {
  it('halves by 2x2 means and doubles back smoothly', () => {
    const g = createGray(4, 4);
    g.data.set([0, 1, 2, 3, 1, 2, 3, 4, 4, 4, 0, 0, 4, 4, 0, 0]);
    const h = halveGray(g);
    expect(Array.from(h.data)).toEqual([1, 3, 4, 0]);
    const d = doubleGray(h, 4, 4);
    expect([d.width, d.height]).toEqual([4, 4]);
    // corners keep their block's value, the middle blends
    expect(d.data[0]).toBeCloseTo(1);
    expect(d.data[15]).toBeCloseTo(0);
    expect(d.data[5]).toBeGreaterThan(1);
    expect(d.data[5]).toBeLessThan(4);
  });
});

describe('pointAlong', () => {
  it('walks a polyline and past its end', () => {
    expect(pointAlong([[0, 0], [0, 10], [5, 10]], 12).point).toEqual([2, 10]);
    expect(pointAlong([[0, 0], [0, 10]], 15).point).toEqual([0, 15]);
  });
});

describe('a limb piece drawn along its limb', () => {
  // A plain red piece, its root across the top, hanging straight down.
  const src = { image: { width: 100, height: 100, data: new Uint8ClampedArray(100 * 100 * 4).fill(255) }, mask: new Float32Array(100 * 100).fill(1), parts: new Uint8Array(100 * 100).fill(2) };
  const fit: SleeveFit = {
    bodyRoot: [[40, 20], [60, 20]], bodyPath: [[50, 20], [50, 80]],
    garmentRoot: [[40, 10], [60, 10]], garmentEnd: [50, 90],
    halfWidthRoot: 10, halfWidthEnd: 10, garmentHalfWidthEnd: 10,
  };
  const alphaNearRoot = (roundCap: boolean) => {
    const out = createRgba(100, 100);
    drawSleeve(out, src, fit, 2, { roundCap });
    // just below the root, near its outer (shoulder / hip) end
    return out.data[(22 * 100 + 42) * 4 + 3];
  };

  it('rounds a sleeve\'s cap off over the shoulder, but meets the hips square as a trouser leg', () => {
    expect(alphaNearRoot(true)).toBe(0);
    expect(alphaNearRoot(false)).toBeGreaterThan(200);
  });
});
