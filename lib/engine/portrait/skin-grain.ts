/**
 * The photo's own skin detail for painted skin. A smooth membrane fill reads as
 * plastic next to real skin, which carries the camera's noise, the JPEG's blocks
 * and fine hairs at the photo's own pixel scale. Skin detail (luminance minus its
 * local mean, relative to that mean) is copied in blocks from the shopper's own
 * sure skin (the face's cheeks and forehead, the body's where the face shows too
 * little) and laid over the painted area, the blocks
 * overlapping with smooth windows so no seam shows. Same photo, same pixel scale:
 * the detail's size and strength match by construction (measured over 13 of the
 * sample portraits, its standard deviation runs from 0.009 to 0.038 of the skin's
 * brightness, where a fixed grain is wrong for most).
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray } from '../image';
import { erode } from '../garment/garment-mask';

/** The detail's scale: luminance against its mean over this radius, in pixels (the camera's and the JPEG's scale, not the body's). */
const DETAIL_RADIUS = 2;
/** Side of the copied blocks, in pixels: several detail radii, small enough to fit on a wrist. */
const BLOCK = 16;
/** Source blocks are looked for on a grid of this step, in pixels. */
const SOURCE_STEP = 4;
/** Fewest source blocks in a tier before the next tier's are taken too: fewer, and the same blocks would repeat across the paint (a face at 768x1024 gives tens). */
const MIN_SOURCES = 4;
/** A block's strongest detail against its RMS, at most: noise's peak over a block's 256 pixels is about 3 RMS. */
const PEAK_OF_RMS = 4;
/** Detail beyond this share of the brightness is an edge (a mole, a vein, a shadow's border), not grain: clipped. */
const MAX_DETAIL = 0.08;

/**
 * Relative luminance detail per pixel (0 where there is nothing to paint or no skin to copy
 * from): multiply painted skin by (1 + detail).
 * @param tiers where the photo shows skin for sure, most trusted first (a cheek before a hand,
 *   which may be a skin-coloured pocket it rests in): a tier's blocks are used, and the next
 *   tier's too while there are fewer than MIN_SOURCES.
 * @param where only pixels here get detail (where skin may be painted).
 * @example const detail = skinGrain(photo, [faceSkin, bodySkin], clearTop); fill.data[p] *= 1 + detail[i];
 */
export function skinGrain(image: RgbaImage, tiers: GrayImage[], where: GrayImage): Float32Array {
  const { width: w, height: h } = image;
  const out = new Float32Array(w * h);
  const box = paintBox(where);
  if (!box) return out;
  const detail = relativeDetail(image);
  const sources: { x: number; y: number }[] = [];
  for (const sure of tiers) {
    if (sources.length >= MIN_SOURCES) break;
    sources.push(...sourceBlocks(sure, w, h).filter((b) => isGrain(detail, w, b)));
  }
  if (sources.length === 0) return out;
  // Blocks every BLOCK/2 pixels, each windowed by sin² across and down: overlapping windows sum to
  // one; dividing by the root of their squares' sum keeps the detail's strength where blocks blend.
  const half = BLOCK / 2;
  const sumW2 = new Float32Array(w * h);
  const win = new Float32Array(BLOCK);
  for (let k = 0; k < BLOCK; k++) win[k] = Math.sin((Math.PI * (k + 0.5)) / BLOCK) ** 2;
  for (let by = box.y0 - half; by <= box.y1; by += half) {
    for (let bx = box.x0 - half; bx <= box.x1; bx += half) {
      const s = sources[hash(bx * 7919 + by * 104729) % sources.length];
      for (let dy = 0; dy < BLOCK; dy++) {
        const y = by + dy;
        if (y < 0 || y >= h) continue;
        for (let dx = 0; dx < BLOCK; dx++) {
          const x = bx + dx;
          if (x < 0 || x >= w) continue;
          const i = y * w + x;
          if (where.data[i] <= 0) continue;
          const wt = win[dx] * win[dy];
          out[i] += wt * detail[(s.y + dy) * w + s.x + dx];
          sumW2[i] += wt * wt;
        }
      }
    }
  }
  for (let i = 0; i < w * h; i++) out[i] = sumW2[i] > 0 ? out[i] / Math.sqrt(sumW2[i]) : 0;
  return out;
}

/**
 * Whether a block's detail is grain alone: its strongest pixel within PEAK_OF_RMS of its RMS.
 * A hair strand, an eyelash or a mole in it stands out further, and repeated over painted skin
 * reads as scratches.
 */
function isGrain(detail: Float32Array, w: number, b: { x: number; y: number }): boolean {
  let sum2 = 0, peak = 0;
  for (let dy = 0; dy < BLOCK; dy++) for (let dx = 0; dx < BLOCK; dx++) {
    const d = Math.abs(detail[(b.y + dy) * w + b.x + dx]);
    sum2 += d * d;
    if (d > peak) peak = d;
  }
  return peak <= PEAK_OF_RMS * Math.sqrt(sum2 / (BLOCK * BLOCK));
}

/** Luminance minus its local mean, over the mean, clipped. */
function relativeDetail(image: RgbaImage): Float32Array {
  const { width: w, height: h, data } = image;
  const luma = createGray(w, h);
  for (let i = 0; i < w * h; i++) luma.data[i] = 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
  const mean = boxBlur(luma, DETAIL_RADIUS);
  const out = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const d = (luma.data[i] - mean.data[i]) / Math.max(mean.data[i], 20);
    out[i] = Math.max(-MAX_DETAIL, Math.min(MAX_DETAIL, d));
  }
  return out;
}

/** Top-left corners of BLOCK-sized squares all of sure skin, so far in that their local means saw only skin. */
function sourceBlocks(sure: GrayImage, w: number, h: number): { x: number; y: number }[] {
  const solid = createGray(w, h);
  for (let i = 0; i < w * h; i++) solid.data[i] = sure.data[i] >= 0.5 ? 1 : 0;
  const inner = erode(solid, DETAIL_RADIUS + 1);
  // summed-area table of the inner skin
  const sat = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += inner.data[y * w + x];
      sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
    }
  }
  const blocks: { x: number; y: number }[] = [];
  for (let y = 0; y + BLOCK <= h; y += SOURCE_STEP) {
    for (let x = 0; x + BLOCK <= w; x += SOURCE_STEP) {
      const sum = sat[(y + BLOCK) * (w + 1) + x + BLOCK] - sat[y * (w + 1) + x + BLOCK] - sat[(y + BLOCK) * (w + 1) + x] + sat[y * (w + 1) + x];
      if (sum >= BLOCK * BLOCK - 0.5) blocks.push({ x, y });
    }
  }
  return blocks;
}

/** The box round the pixels to paint; null when there are none. */
function paintBox(where: GrayImage): { x0: number; y0: number; x1: number; y1: number } | null {
  const { width: w, height: h } = where;
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (where.data[y * w + x] <= 0) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/** A deterministic non-negative integer hash (results repeat exactly). */
function hash(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
