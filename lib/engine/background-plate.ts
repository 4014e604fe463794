/**
 * A smooth estimate of the background behind a subject (a "clean plate"),
 * extrapolated from the pixels known to be background. Studio photos have
 * smooth backdrops, so a pixel that matches the plate closely is background
 * even where a coarse mask claimed it (gaps between arm and body).
 */
import type { GrayImage, RgbaImage } from './image';
import { boxBlur, createGray, resizeGray, resizeRgba } from './image';

/** Short side of the reduced grid the plate is learned on, at least (a quarter of the 384 px half-size copy of a 768 px product photo). */
const MIN_REDUCED_SIDE = 96;

export interface BackgroundPlate {
  width: number;
  height: number;
  /** Plate colour per pixel, RGB floats (length width * height * 3). */
  color: Float32Array;
  /** Mean colour distance between the plate and the known background pixels: small for a plain backdrop. */
  noise: number;
}

/**
 * Estimates the plate from `isBackground` (1 = known background) over the whole image.
 * Works at a quarter of the resolution: the plate is smooth by assumption.
 * `radius` is in quarter-resolution pixels (4 photo pixels each).
 * @example const plate = estimatePlate(photo, sureBackground);
 */
export function estimatePlate(image: RgbaImage, isBackground: GrayImage, radius = 24): BackgroundPlate {
  const { width: w, height: h } = image;
  // Works at a quarter of the resolution, less on small photos: a thin band of known pixels
  // (a small photo's border) must still fill whole cells of the reduced grid.
  const f = Math.max(1, Math.min(4, Math.floor(Math.min(w, h) / MIN_REDUCED_SIDE)));
  const qw = Math.max(1, Math.round(w / f)), qh = Math.max(1, Math.round(h / f));
  const small = resizeRgba(image, qw, qh);
  const weight = resizeGray(isBackground, qw, qh);
  for (let i = 0; i < weight.data.length; i++) weight.data[i] = weight.data[i] > 0.99 ? 1 : 0;
  // Normalised convolution at growing radii: near pixels first, far ones where no near one exists.
  const chans: GrayImage[] = [];
  const wsums: GrayImage[] = [];
  const radii = [radius / 4, radius, radius * 4].map((r) => Math.max(1, Math.round((r * 4) / f)));
  for (const r of radii) {
    wsums.push(boxBlur(weight, r));
    for (let k = 0; k < 3; k++) {
      const c = createGray(qw, qh);
      for (let i = 0; i < c.data.length; i++) c.data[i] = small.data[i * 4 + k] * weight.data[i];
      chans.push(boxBlur(c, r));
    }
  }
  const q = new Float32Array(qw * qh * 3);
  for (let i = 0; i < qw * qh; i++) {
    let left = 1;
    for (let s = 0; s < radii.length && left > 1e-3; s++) {
      const ws = wsums[s].data[i];
      if (ws < 1e-6) continue;
      const take = s === radii.length - 1 ? left : left * Math.min(1, ws * 8);
      for (let k = 0; k < 3; k++) q[i * 3 + k] += take * (chans[s * 3 + k].data[i] / ws);
      left -= take;
    }
  }
  // Back to full size, channel by channel (separable resize with precomputed weights).
  const color = new Float32Array(w * h * 3);
  const plane = createGray(qw, qh);
  for (let k = 0; k < 3; k++) {
    for (let i = 0; i < qw * qh; i++) plane.data[i] = q[i * 3 + k];
    const full = resizeGray(plane, w, h).data;
    for (let i = 0; i < w * h; i++) color[i * 3 + k] = full[i];
  }
  let sum = 0, count = 0;
  for (let i = 0; i < w * h; i += 3) {
    if (isBackground.data[i] < 0.99) continue;
    sum += colorDistance(image, color, i);
    count++;
  }
  return { width: w, height: h, color, noise: count > 0 ? sum / count : Infinity };
}

/** Euclidean RGB distance between pixel i of the image and of the plate. */
export function colorDistance(image: RgbaImage, plate: Float32Array, i: number): number {
  const dr = image.data[i * 4] - plate[i * 3], dg = image.data[i * 4 + 1] - plate[i * 3 + 1], db = image.data[i * 4 + 2] - plate[i * 3 + 2];
  return Math.sqrt(dr * dr + dg * dg + db * db);
}
