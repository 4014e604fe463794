/**
 * Pixel comparisons the review numbers share: how far two colours are apart,
 * whether a try-on changed a pixel, and a binary mask shrunk by a few pixels.
 * Plain typed arrays only, so the numbers run anywhere (Node scripts, tests).
 */
import type { GrayImage, RgbaImage } from '../engine/index';

export type Rgb = [number, number, number];

/** A result pixel whose channels all stay this close to the portrait's counts as unchanged (JPEG noise and rounding stay below it). */
export const UNCHANGED_MAX_DIFF = 6;

/**
 * Euclidean distance in RGB between pixel `i` (pixel index, not byte index) of `img` and `colour`.
 * @example colourDistanceAt(result, y * result.width + x, [255, 255, 255]); // 0 for a white pixel
 */
export function colourDistanceAt(img: RgbaImage, i: number, colour: Rgb): number {
  const d = img.data;
  const r = d[i * 4] - colour[0], g = d[i * 4 + 1] - colour[1], b = d[i * 4 + 2] - colour[2];
  return Math.sqrt(r * r + g * g + b * b);
}

/**
 * The largest of the three channel differences between pixel `i` of two images of one size.
 * @example maxChannelDiffAt(result, portrait, i) > UNCHANGED_MAX_DIFF; // the try-on changed pixel i
 */
export function maxChannelDiffAt(a: RgbaImage, b: RgbaImage, i: number): number {
  const p = i * 4;
  return Math.max(Math.abs(a.data[p] - b.data[p]), Math.abs(a.data[p + 1] - b.data[p + 1]), Math.abs(a.data[p + 2] - b.data[p + 2]));
}

/**
 * `mask >= 0.5`, then kept only where every pixel within `radius` (a square: Chebyshev distance)
 * is in it too, so the outline's mixed pixels drop out. 1 = inside, 0 = outside; pixels past the
 * image's edge count as outside.
 * @example const core = erodeMask(portrait.personMask, 2);
 */
export function erodeMask(mask: GrayImage, radius: number): Uint8Array {
  const { width: w, height: h } = mask;
  const inside = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) inside[i] = mask.data[i] >= 0.5 ? 1 : 0;
  // separable: a square's minimum is the row minimum of the column minimum
  const rows = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 1;
      for (let k = -radius; k <= radius && v; k++) {
        const xx = x + k;
        v = xx >= 0 && xx < w ? inside[y * w + xx] : 0;
      }
      rows[y * w + x] = v;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 1;
      for (let k = -radius; k <= radius && v; k++) {
        const yy = y + k;
        v = yy >= 0 && yy < h ? rows[yy * w + x] : 0;
      }
      out[y * w + x] = v;
    }
  }
  return out;
}

/** Throws when two rasters that must line up pixel for pixel differ in size; `what` names them. */
export function assertSameSize(a: { width: number; height: number }, b: { width: number; height: number }, what: string): void {
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(`Expected ${what} of one size but received ${a.width}x${a.height} and ${b.width}x${b.height}.`);
  }
}
