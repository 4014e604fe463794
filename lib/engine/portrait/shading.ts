/**
 * The light and folds on the clothes the person wears, as a multiplier around 1,
 * so a new garment is lit like the photo: broad light (a brighter side, a darker
 * side) and folds (creases, shadows under the chest).
 *
 * Only plain, clearly-clothed pixels speak: skin is left out (it is lit
 * differently and would make the garment glow), prints and stripes are left
 * out (their pattern is not light), and very dark clothes say little. What is
 * learned there is spread smoothly over the body, so the map has no edges of its own.
 * Depends only on the portrait: computed once with its analysis.
 */
import type { GrayImage, RgbaImage } from '../image';
import { createGray, gaussianBlur, luminance, resizeGray, resizeRgba } from '../image';
import { smoothstep } from '../smoothstep';
import { clamp } from '../vec';

/** How far (log of the luminance ratio) from the fabric's own tone a plain pixel stops counting as light on it. */
const INK_OFF_TONE: [number, number] = [0.4, 0.7];
/**
 * The finest fold the map keeps, as a blur's sigma in shoulder spans: a fold's shadow is
 * about a centimetre across or more (a shoulder span is some 40 cm), and finer changes of
 * tone are the worn fabric's own texture (heather, knit, an acid wash), not light on it.
 */
const FOLD_SCALE = 0.02;
/** Strongest darkening and brightening the map applies. */
const MIN_SHADE = 0.8, MAX_SHADE = 1.12;

/**
 * @example const shade = clothesShading(photo, regions.upperClothes, regions.skin, person, body.shoulderSpan);
 */
export function clothesShading(image: RgbaImage, clothes: GrayImage, skin: GrayImage, person: GrayImage, span: number): GrayImage {
  // Light and folds are smooth at half resolution; computing there costs a quarter.
  const { width: fw, height: fh } = image;
  const hw = Math.max(1, fw >> 1), hh = Math.max(1, fh >> 1);
  const half = shadingAt(resizeRgba(image, hw, hh), resizeGray(clothes, hw, hh), resizeGray(skin, hw, hh), resizeGray(person, hw, hh), span / 2);
  const full = resizeGray(half, fw, fh);
  for (let i = 0; i < full.data.length; i++) if (person.data[i] <= 0) full.data[i] = 1;
  return full;
}

function shadingAt(image: RgbaImage, clothes: GrayImage, skin: GrayImage, person: GrayImage, span: number): GrayImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const lum = luminance(image);
  // Local busyness of the fabric: prints and stripes are busy, plain fabric is not.
  const sq = createGray(w, h);
  for (let i = 0; i < n; i++) sq.data[i] = lum.data[i] * lum.data[i];
  const m1 = gaussianBlur(lum, 1.5), m2 = gaussianBlur(sq, 1.5);
  const region = createGray(w, h);
  for (let i = 0; i < n; i++) {
    const std = Math.sqrt(Math.max(0, m2.data[i] - m1.data[i] * m1.data[i]));
    region.data[i] = clothes.data[i] > 0.7 && skin.data[i] < 0.3 ? 1 - smoothstep(0.025, 0.07, std) : 0;
  }
  // A print's big solid shapes (a tee's black lettering) are plain inside, but their tone is
  // ink, not light: only pixels near the fabric's own tone (the plain pixels' median) speak.
  const tones: number[] = [];
  for (let i = 0; i < n; i += 3) if (region.data[i] > 0.5) tones.push(lum.data[i]);
  if (tones.length >= 100) {
    tones.sort((a, b) => a - b);
    const fabric = Math.max(1e-3, tones[tones.length >> 1]);
    for (let i = 0; i < n; i++) {
      if (region.data[i] <= 0) continue;
      const off = Math.abs(Math.log(Math.max(1e-3, lum.data[i]) / fabric));
      region.data[i] *= 1 - smoothstep(INK_OFF_TONE[0], INK_OFF_TONE[1], off);
    }
  }
  const fine = normalizedBlur(lum, region, Math.max(0.8, span * FOLD_SCALE));
  const broad = normalizedBlur(lum, region, Math.max(4, span * 0.12));
  const values: number[] = [];
  for (let i = 0; i < n; i += 5) if (region.data[i] > 0.5) values.push(broad.value[i]);
  values.sort((a, b) => a - b);
  if (values.length < 100) return createGray(w, h, 1);
  const median = values[values.length >> 1];
  // Dark clothes carry little light information: trust them less.
  const trustBroad = smoothstep(0.06, 0.2, median);
  const out = createGray(w, h, 1);
  for (let i = 0; i < n; i++) {
    if (person.data[i] <= 0) continue;
    const b = broad.value[i];
    if (b <= 0) continue;
    const light = 1 + trustBroad * broad.known[i] * (clamp(b / median, 0.85, 1.12) - 1);
    const lit = smoothstep(0.12, 0.3, b);
    const folds = 1 + region.data[i] * lit * (clamp(fine.value[i] / b, 0.8, 1.15) - 1);
    out.data[i] = 1 + person.data[i] * (light * folds - 1);
  }
  const soft = gaussianBlur(out, 0.6);
  for (let i = 0; i < n; i++) soft.data[i] = clamp(soft.data[i], MIN_SHADE, MAX_SHADE);
  return soft;
}

/** Mean of `v` over the pixels weighted by `w`, per pixel, with how much weight backs it (0..1). */
function normalizedBlur(v: GrayImage, w: GrayImage, sigma: number): { value: Float32Array; known: Float32Array } {
  const prod = createGray(v.width, v.height);
  for (let i = 0; i < prod.data.length; i++) prod.data[i] = v.data[i] * w.data[i];
  const num = gaussianBlur(prod, sigma), den = gaussianBlur(w, sigma);
  const value = new Float32Array(prod.data.length), known = new Float32Array(prod.data.length);
  for (let i = 0; i < value.length; i++) {
    value[i] = den.data[i] > 1e-3 ? num.data[i] / den.data[i] : 0;
    known[i] = Math.min(1, den.data[i] * 4);
  }
  return { value, known };
}
