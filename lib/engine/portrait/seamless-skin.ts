/**
 * Painted skin meets the photo's own skin without a seam. The paint is the skin's
 * tone spread from the sure skin around it, then lit as a rounded body (darker at the
 * body's and the arms' edges, never darker than a floor under shadowed skin); where
 * it meets the photo's skin (the neck above a lowered neckline, an arm below an old
 * hem) that light differs from the photo's, and the edge of the cleared area, which
 * follows the old garment's outline, shows as a seam. The difference between photo
 * and paint on the sure skin is spread into the painted places (a membrane, as for
 * the tone) and added: in full at the real skin's edge, fading to none a reach away,
 * so the paint's own light holds inside.
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray } from '../image';
import { membraneFill } from '../membrane';

/** The photo's light is read smoothed over this radius, in pixels of the maps given (half the photo's): a few times the JPEG's and the camera's grain. */
const LIGHT_RADIUS = 2;

/**
 * Shifts `paint` towards `photo` near the sure skin (`known` = 1), in place. All three at one size.
 * @param reach how far from the real skin the shift fades to nothing, in pixels.
 * @example meetRealSkin(paintHalf, photoHalf, knownHalf, 6);
 */
export function meetRealSkin(paint: RgbaImage, photo: RgbaImage, known: GrayImage, reach: number): void {
  const { width: w, height: h } = known;
  const n = w * h;
  // the photo's light, not its grain: spread along the edge, its noise would draw streaks across the paint
  const smooth = [0, 1, 2].map((c) => {
    const ch = createGray(w, h);
    for (let i = 0; i < n; i++) ch.data[i] = photo.data[i * 4 + c];
    return boxBlur(ch, LIGHT_RADIUS);
  });
  const diff = new Float32Array(n * 3);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (known.data[i] < 1) continue;
    any = true;
    for (let c = 0; c < 3; c++) diff[i * 3 + c] = smooth[c].data[i] - paint.data[i * 4 + c];
  }
  if (!any) return;
  const spread = membraneFill(diff, 3, known);
  // the share of sure skin within the reach: a half at a straight edge of it, none a reach away
  const near = boxBlur(known, Math.max(1, Math.round(reach)));
  for (let i = 0; i < n; i++) {
    const k = Math.min(1, near.data[i] * 2);
    if (k <= 0) continue;
    for (let c = 0; c < 3; c++) paint.data[i * 4 + c] += spread[i * 3 + c] * k;
  }
}
