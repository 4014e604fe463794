/**
 * Trousers worn by a model are moved in two ways: the hips by the body's
 * thin-plate spline, each leg along its own limb. Where one hands over to the
 * other, below the crotch, the two maps disagree by a few pixels and a hard
 * switch shows as a tear across the trousers. Across a band there, the legs
 * are a cross-fade of both maps instead.
 */
import { FitroomError } from '../errors';
import type { RgbaImage } from '../image';
import type { Point } from '../shapes';

/** The cross-fade band along the body's axis, in thigh lengths from the crotch: from above it to below it. */
export const SEAM_BAND: [number, number] = [-0.1, 0.45];

export interface SeamLine {
  /** The shopper's crotch, in portrait pixels. */
  crotch: Point;
  /** Unit vector pointing down the body. */
  down: Point;
  /** Hip to knee length, in portrait pixels. */
  thigh: number;
}

/**
 * Merges `legs` (the limb warps) into `hips` (the spline warp of the whole bottom):
 * above the band the spline's pixels, below it the legs', in between a mix;
 * where only one layer has the garment, that layer's, the spline's outer sides
 * drawn in to the legs' across the band.
 * @example blendLegSeam(hipsLayer, legsLayer, { crotch: [384, 560], down: [0, 1], thigh: 200 });
 */
export function blendLegSeam(hips: RgbaImage, legs: RgbaImage, seam: SeamLine): void {
  if (hips.width !== legs.width || hips.height !== legs.height) {
    throw new FitroomError('bad-argument', `Expected layers of one size but received ${hips.width}x${hips.height} and ${legs.width}x${legs.height}.`);
  }
  const { width: w, height: h } = hips;
  const a = hips.data, b = legs.data;
  const [c0, c1] = SEAM_BAND.map((k) => k * seam.thigh);
  const across = (data: Uint8ClampedArray, y: number): [number, number] | null => {
    let l = -1, r = -1;
    for (let x = 0, i = y * w * 4 + 3; x < w; x++, i += 4) if (data[i] > 127) { if (l < 0) l = x; r = x; }
    return l < 0 ? null : [l, r];
  };
  for (let y = 0; y < h; y++) {
    // where the spline's trousers are wider than the legs', their outer sides narrow to the
    // legs' across the band (a hard cut at its end would leave a step)
    // (read once a row needs them: most rows lie wholly above or below the band)
    let hipsRow: [number, number] | null | undefined, legsRow: [number, number] | null | undefined;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const along = (x - seam.crotch[0]) * seam.down[0] + (y - seam.crotch[1]) * seam.down[1];
      const t = Math.min(1, Math.max(0, (along - c0) / Math.max(1e-6, c1 - c0)));
      const s = t * t * (3 - 2 * t);
      const ah = a[i + 3] / 255, al = b[i + 3] / 255;
      if (al <= 0) {
        // no leg here: the spline's pixel stays, except below the band, where the legs alone
        // decide, and beyond the outline narrowing to the legs' within it
        if (s >= 1) a[i + 3] = 0;
        else if (s > 0) {
          if (hipsRow === undefined) { hipsRow = across(a, y); legsRow = across(b, y); }
          if (hipsRow && legsRow && (x < legsRow[0] - (1 - s) * (legsRow[0] - hipsRow[0]) || x > legsRow[1] + (1 - s) * (hipsRow[1] - legsRow[1]))) a[i + 3] = 0;
        }
        continue;
      }
      if (s <= 0) continue;
      if (s >= 1 || ah <= 0) {
        for (let k = 0; k < 4; k++) a[i + k] = b[i + k];
        continue;
      }
      const wh = (1 - s) * ah, wl = s * al;
      for (let k = 0; k < 3; k++) a[i + k] = (a[i + k] * wh + b[i + k] * wl) / (wh + wl);
      a[i + 3] = 255 * ((1 - s) * ah + s * al);
    }
  }
}
