/**
 * The hand-over from the hips' spline warp to each leg's warp, on synthetic
 * layers: the trousers' outline narrows from the hips' to the legs' across the
 * band instead of stepping in at its end.
 */
import { describe, expect, it } from 'vitest';
import { createRgba } from '../../lib/engine/image';
import type { RgbaImage } from '../../lib/engine/image';
import { blendLegSeam, SEAM_BAND } from '../../lib/engine/render/leg-seam';

/** A layer with opaque grey in columns x0..x1 of rows y0..y1. */
function block(w: number, h: number, x0: number, x1: number, y0: number, y1: number): RgbaImage {
  const out = createRgba(w, h);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) out.data.set([90, 90, 90, 255], (y * w + x) * 4);
  return out;
}

/** The first opaque column of row y, or -1. */
function leftEdge(layer: RgbaImage, y: number): number {
  for (let x = 0; x < layer.width; x++) if (layer.data[(y * layer.width + x) * 4 + 3] > 127) return x;
  return -1;
}

describe('blendLegSeam', () => {
  it('draws the hips\' wider sides in to the legs\' across the band, without a step', () => {
    const w = 100, h = 120, thigh = 100, crotchY = 40;
    const hips = block(w, h, 20, 80, 0, h - 1); // the spline's trousers: wide all the way down
    const legs = block(w, h, 30, 70, crotchY, h - 1); // the legs' warps: narrower, from the crotch down
    blendLegSeam(hips, legs, { crotch: [50, crotchY], down: [0, 1], thigh });
    const [top, bottom] = SEAM_BAND.map((k) => crotchY + k * thigh);
    expect(leftEdge(hips, Math.floor(top) - 2)).toBe(20); // above the band: the hips' outline
    expect(leftEdge(hips, Math.ceil(bottom) + 2)).toBe(30); // below it: the legs'
    let step = 0;
    for (let y = Math.floor(top) - 2; y <= bottom + 2; y++) step = Math.max(step, Math.abs(leftEdge(hips, y + 1) - leftEdge(hips, y)));
    // (a hard cut at the band's end stepped in by the whole 10 px at once)
    expect(step).toBeLessThanOrEqual(2);
  });
});
