/**
 * Membrane interpolation fills unknown pixels with the smoothest values that meet the
 * known ones: between two known edges it is close to the straight line a stretched film
 * makes, known pixels keep their values, and a hole is filled from all around it.
 */
import { describe, expect, it } from 'vitest';
import { membraneFill } from '../../lib/engine/membrane';
import { createGray } from '../../lib/engine/image';

describe('membraneFill', () => {
  it('spans two known edges with a near-straight ramp, keeping the known values', () => {
    const w = 64, h = 16;
    const known = createGray(w, h), values = new Float32Array(w * h);
    for (let y = 0; y < h; y++) {
      known.data[y * w] = 1; values[y * w] = 0;
      known.data[y * w + w - 1] = 1; values[y * w + w - 1] = 100;
    }
    const out = membraneFill(values, 1, known);
    for (let y = 0; y < h; y++) {
      expect(out[y * w]).toBe(0);
      expect(out[y * w + w - 1]).toBe(100);
      // monotone from edge to edge; nearer the straight line (the exact film) than a step
      // from 0 to 100 would be anywhere (a quarter of the range); half way by symmetry
      for (let x = 1; x < w; x++) {
        expect(out[y * w + x]).toBeGreaterThanOrEqual(out[y * w + x - 1] - 1e-3);
        expect(Math.abs(out[y * w + x] - (100 * x) / (w - 1))).toBeLessThan(25);
      }
      expect(Math.abs((out[y * w + w / 2 - 1] + out[y * w + w / 2]) / 2 - 50)).toBeLessThan(2);
    }
  });

  it('fills a hole in a colour image from all around it, each channel on its own', () => {
    const w = 40, h = 40;
    const known = createGray(w, h), values = new Float32Array(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const inHole = Math.hypot(x - 20, y - 20) < 10;
      known.data[i] = inHole ? 0 : 1;
      // a colour that is the same all round the hole: the film over it is flat
      values[i * 3] = inHole ? 0 : 200;
      values[i * 3 + 1] = inHole ? 0 : 150;
      values[i * 3 + 2] = inHole ? 0 : 120;
    }
    const out = membraneFill(values, 3, known);
    const c = (20 * w + 20) * 3;
    expect(out[c]).toBeCloseTo(200, 0);
    expect(out[c + 1]).toBeCloseTo(150, 0);
    expect(out[c + 2]).toBeCloseTo(120, 0);
  });

  it('names the size it expected when the values do not match the mask', () => {
    expect(() => membraneFill(new Float32Array(5), 3, createGray(2, 2))).toThrow(/Expected 12 values \(2x2x3\) but received 5/);
  });
});
