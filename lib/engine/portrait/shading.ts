/**
 * The light and folds on the clothes the person wears, as a multiplier around 1,
 * so a new garment can be lit like the photo: broad light (brighter side,
 * darker side) and folds (creases, shadows under the chest). Patterned or very
 * dark old clothes say little about light, so there the map stays near 1.
 * Depends only on the portrait: computed once with its analysis.
 */
import type { GrayImage, RgbaImage } from '../image';
import { createGray, gaussianBlur, luminance } from '../image';

/**
 * @example const shade = clothesShading(photo, regions.clothes, body.shoulderSpan);
 */
export function clothesShading(image: RgbaImage, region: GrayImage, span: number): GrayImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const lum = luminance(image);
  const fine = gaussianBlur(lum, 1.5);
  // Local mean of luminance over the clothes only (normalised convolution), so the backdrop does not leak in.
  const sigma = Math.max(4, span * 0.12);
  const weighted = createGray(w, h);
  for (let i = 0; i < n; i++) weighted.data[i] = lum.data[i] * region.data[i];
  const num = gaussianBlur(weighted, sigma), den = gaussianBlur(region, sigma);
  // Local contrast of colour: prints and stripes are busy, plain fabric is not.
  const sq = createGray(w, h);
  for (let i = 0; i < n; i++) sq.data[i] = lum.data[i] * lum.data[i];
  const m1 = gaussianBlur(lum, 3), m2 = gaussianBlur(sq, 3);
  const values: number[] = [];
  const base = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    base[i] = den.data[i] > 1e-3 ? num.data[i] / den.data[i] : 0;
    if (region.data[i] > 0.9 && (i & 7) === 0) values.push(base[i]);
  }
  values.sort((a, b) => a - b);
  const median = values.length ? values[values.length >> 1] : 0.5;
  const out = createGray(w, h, 1);
  for (let i = 0; i < n; i++) {
    const r = region.data[i];
    if (r <= 0 || base[i] <= 1e-3) continue;
    const std = Math.sqrt(Math.max(0, m2.data[i] - m1.data[i] * m1.data[i]));
    const plain = 1 - smooth(0.03, 0.1, std);
    const lit = smooth(0.05, 0.2, base[i]);
    const detail = Math.min(1.3, Math.max(0.65, fine.data[i] / base[i]));
    const broad = Math.min(1.15, Math.max(0.75, base[i] / Math.max(median, 1e-3)));
    const folds = 1 + plain * lit * (detail - 1);
    const light = 1 + lit * (Math.sqrt(broad) - 1);
    out.data[i] = 1 + r * (folds * light - 1);
  }
  return out;
}

function smooth(a: number, b: number, v: number): number {
  const t = Math.min(1, Math.max(0, (v - a) / (b - a)));
  return t * t * (3 - 2 * t);
}
