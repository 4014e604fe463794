/**
 * Coarse colour histograms (8 levels per channel, 512 bins): enough to tell a
 * garment's colours from skin or from another garment's, cheap to fill and read.
 */

/** Levels per channel. */
export const BINS = 8;

/**
 * The bin of pixel i of RGBA data.
 * @example const b = colourBin(photo.data, y * photo.width + x);
 */
export function colourBin(d: Uint8ClampedArray, i: number): number {
  return ((d[i * 4] >> 5) * BINS + (d[i * 4 + 1] >> 5)) * BINS + (d[i * 4 + 2] >> 5);
}

/** Pixel counts per colour bin, and their total. */
export interface ColourHistogram {
  counts: Float32Array;
  total: number;
}

/**
 * The colours of the pixels `where` picks, among rows `fromY` to `toY` (all rows by default).
 * @example const h = colourHistogram(photo, (i) => mask.data[i] > 0.9);
 */
export function colourHistogram(image: { width: number; height: number; data: Uint8ClampedArray }, where: (i: number) => boolean, fromY = 0, toY = image.height - 1): ColourHistogram {
  const counts = new Float32Array(BINS ** 3);
  let total = 0;
  const end = (Math.min(image.height - 1, Math.floor(toY)) + 1) * image.width;
  for (let i = Math.max(0, Math.ceil(fromY)) * image.width; i < end; i++) {
    if (!where(i)) continue;
    counts[colourBin(image.data, i)]++;
    total++;
  }
  return { counts, total };
}

/**
 * Whether pixel i's colour is (almost) absent from the histogram: under `share` of its pixels.
 * @example if (rareIn(h, photo.data, i, 0.002)) mask.data[i] = 0;
 */
export function rareIn(h: ColourHistogram, d: Uint8ClampedArray, i: number, share: number): boolean {
  return h.counts[colourBin(d, i)] < h.total * share;
}
