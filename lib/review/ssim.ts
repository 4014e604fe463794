/**
 * Structural similarity (Wang, Bovik, Sheikh & Simoncelli 2004) of two pictures
 * over a box: how close a try-on comes to a photo of the person really wearing
 * the garment.
 */
import type { Box, RgbaImage } from '../engine/index';
import { assertSameSize } from './pixels';

/** The paper's Gaussian window: σ = 1.5 px, cut at 5 px (11 × 11), normalised to sum 1. */
export const SSIM_SIGMA = 1.5;
export const SSIM_RADIUS = 5;
/** The paper's stabilisers for 8-bit luminance: C1 = (0.01·255)², C2 = (0.03·255)². */
export const SSIM_C1 = (0.01 * 255) ** 2;
export const SSIM_C2 = (0.03 * 255) ** 2;

const WINDOW = (() => {
  const w = Array.from({ length: 2 * SSIM_RADIUS + 1 }, (_, i) => Math.exp(-((i - SSIM_RADIUS) ** 2) / (2 * SSIM_SIGMA ** 2)));
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / s);
})();

/** Luminance Y = 0.299R + 0.587G + 0.114B (0..255) of the box's pixels, row-major. */
function lumaIn(img: RgbaImage, x0: number, y0: number, bw: number, bh: number): Float64Array {
  const out = new Float64Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const p = ((y0 + y) * img.width + x0 + x) * 4;
      out[y * bw + x] = 0.299 * img.data[p] + 0.587 * img.data[p + 1] + 0.114 * img.data[p + 2];
    }
  }
  return out;
}

/** The Gaussian-weighted local mean of `v` (bw × bh) at every position where the window fits ('valid'). */
function filterValid(v: Float64Array, bw: number, bh: number): Float64Array {
  const r = SSIM_RADIUS, ow = bw - 2 * r, oh = bh - 2 * r;
  const rows = new Float64Array(ow * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < ow; x++) {
      let s = 0;
      for (let k = 0; k <= 2 * r; k++) s += WINDOW[k] * v[y * bw + x + k];
      rows[y * ow + x] = s;
    }
  }
  const out = new Float64Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let s = 0;
      for (let k = 0; k <= 2 * r; k++) s += WINDOW[k] * rows[(y + k) * ow + x];
      out[y * ow + x] = s;
    }
  }
  return out;
}

/**
 * The mean of the SSIM map of two pictures of one size over `box` (default: the whole picture; clipped
 * to the picture), on luminance, with the window placed wherever it fits inside the box. 1 for identical
 * pictures. Throws when the clipped box is smaller than the 11 × 11 window.
 * @example ssim(portrait.image, result.image, { x: 200, y: 300, width: 400, height: 500 }); // 0.93
 */
export function ssim(a: RgbaImage, b: RgbaImage, box: Box = { x: 0, y: 0, width: a.width, height: a.height }): number {
  assertSameSize(a, b, 'the two pictures SSIM compares');
  const x0 = Math.max(0, Math.round(box.x)), y0 = Math.max(0, Math.round(box.y));
  const x1 = Math.min(a.width, Math.round(box.x + box.width)), y1 = Math.min(a.height, Math.round(box.y + box.height));
  const bw = x1 - x0, bh = y1 - y0, side = 2 * SSIM_RADIUS + 1;
  if (bw < side || bh < side) {
    throw new RangeError(`Expected a box of at least ${side}x${side} px inside the ${a.width}x${a.height} picture but received ${JSON.stringify(box)}.`);
  }
  const ya = lumaIn(a, x0, y0, bw, bh), yb = lumaIn(b, x0, y0, bw, bh);
  const product = (p: Float64Array, q: Float64Array) => p.map((v, i) => v * q[i]);
  const muA = filterValid(ya, bw, bh), muB = filterValid(yb, bw, bh);
  const aa = filterValid(product(ya, ya), bw, bh), bb = filterValid(product(yb, yb), bw, bh), ab = filterValid(product(ya, yb), bw, bh);
  let sum = 0;
  for (let i = 0; i < muA.length; i++) {
    const ma = muA[i], mb = muB[i];
    const va = aa[i] - ma * ma, vb = bb[i] - mb * mb, cov = ab[i] - ma * mb;
    sum += ((2 * ma * mb + SSIM_C1) * (2 * cov + SSIM_C2)) / ((ma * ma + mb * mb + SSIM_C1) * (va + vb + SSIM_C2));
  }
  return sum / muA.length;
}
