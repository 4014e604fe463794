/**
 * The size a picture is scaled to before analysis: pure arithmetic, shared by
 * the browser decoder and the tests.
 */

/** Portraits are analysed at most this many pixels on their long side. */
export const PORTRAIT_MAX_LONG_SIDE = 2048;

/**
 * The size that fits `width`x`height` within `maxLongSide` on its long side, keeping the
 * aspect ratio; pictures already small enough keep their size (never upscaled).
 * @throws RangeError naming the bad value when a size is not a positive finite number.
 * @example fitLongSide(3000, 4000, 2048) // { width: 1536, height: 2048 }
 */
export function fitLongSide(width: number, height: number, maxLongSide: number): { width: number; height: number } {
  for (const [name, v] of [['width', width], ['height', height], ['maxLongSide', maxLongSide]] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`Expected a positive number for ${name} but received ${v}.`);
  }
  const long = Math.max(width, height);
  if (long <= maxLongSide) return { width, height };
  const scale = maxLongSide / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
