/**
 * A garment's outline as sharp as the product photo's lens drew it. The cut-out's
 * coverage falls from cloth to backdrop over some 6 px on the sample set's product
 * photos (median 5.6 px at 768 px wide, 2.3 to 10.7), where the photo's own edge is a
 * pixel or two: the soft band is backdrop-coloured cloth, and on the shopper it reads
 * as a haze of the product photo's white round the garment. Near the outline the
 * coverage's ramp is steepened about its middle to LENS_EDGE pixels; inside, sheer
 * cloth keeps its coverage.
 */
import type { GrayImage } from '../image';
import { createGray } from '../image';
import { dilate } from './garment-mask';

/**
 * How wide a garment's outline is drawn, in pixels of the mask given: a sharp photo's edge.
 * The sheet gives the garment already brought near the portrait's scale (render/garment-source.ts),
 * so this is about 2 portrait pixels.
 */
export const LENS_EDGE = 2;
/** Coverage below this is backdrop; above 1 - this, cloth; between, the outline's ramp. */
const SOFT = 0.05;
/** The widest outline ramp looked for, px: twice the widest measured on the sample set's product photos. */
const MAX_RAMP = 20;

/**
 * The coverage's ramp width, in pixels: soft pixels within MAX_RAMP of the backdrop
 * per outline pixel (sheer cloth further in is not outline).
 * @example outlineRamp(garment.mask.data, 768, 1024); // 5.6 on a typical product photo
 */
export function outlineRamp(mask: Float32Array, w: number, h: number): number {
  const near = nearBackdrop(mask, w, h, MAX_RAMP);
  let soft = 0, edge = 0;
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x, a = mask[i];
    if (a > SOFT && a < 1 - SOFT && near.data[i] >= 0.5) soft++;
    if (a >= 0.5 && (mask[i - 1] < 0.5 || mask[i + 1] < 0.5 || mask[i - w] < 0.5 || mask[i + w] < 0.5)) edge++;
  }
  return edge > 0 ? soft / edge : 0;
}

/**
 * A copy of `mask` whose outline ramps over about LENS_EDGE pixels: within the
 * measured ramp's width of the backdrop, coverage a becomes 0.5 + (a - 0.5) · gain.
 * Masks already as sharp are returned unchanged (as a copy).
 * @example const crisp = sharpenOutline(garment.mask.data, 768, 1024);
 */
export function sharpenOutline(mask: Float32Array, w: number, h: number): Float32Array {
  const out = Float32Array.from(mask);
  const ramp = outlineRamp(mask, w, h);
  const gain = ramp / LENS_EDGE;
  if (gain <= 1) return out;
  const near = nearBackdrop(mask, w, h, Math.ceil(ramp));
  for (let i = 0; i < w * h; i++) {
    if (near.data[i] < 0.5) continue;
    out[i] = Math.min(1, Math.max(0, 0.5 + (mask[i] - 0.5) * gain));
  }
  return out;
}

/** Pixels within r of the backdrop (coverage at most SOFT). */
function nearBackdrop(mask: Float32Array, w: number, h: number, r: number): GrayImage {
  const outside = createGray(w, h);
  for (let i = 0; i < w * h; i++) outside.data[i] = mask[i] <= SOFT ? 1 : 0;
  return dilate(outside, r);
}
