/**
 * Notches in the edge of a garment cut out of a model photo, closed: where a
 * print's pale patches meet a pale backdrop, the person mask leaves them out,
 * and a bottom's side comes out serrated (a notch every few rows where the
 * print is light). Fabric runs on down a garment's side, so a short gap
 * between garment pixels in the same column is garment too.
 */
import type { GrayImage } from '../image';
import type { BodyGeometry } from '../portrait/body-geometry';

/** The tallest gap in a column that is closed, in shoulder spans (a print's patch, not a gap between legs or a hand). */
const NOTCH_HEIGHT = 0.1;
/** A pixel this sure is garment; softer ones between sure ones are a notch's half-seen border. */
const SOLID = 0.9;

/**
 * Fills (to 1) every run of non-garment pixels in a column that has garment
 * right above and right below it and is at most NOTCH_HEIGHT
 * shoulder spans tall: a vertical closing of the mask. The photo's own colour
 * stays: those pixels show the garment, only the mask missed them.
 * @example closeNotches(bottom, model.body); // a print's pale patches at the trousers' sides come back
 */
export function closeNotches(worn: GrayImage, body: BodyGeometry): void {
  const tallest = Math.max(2, Math.round(body.shoulderSpan * NOTCH_HEIGHT));
  // first the gaps between garment pixels, then the soft pixels left between sure ones
  // (a pale patch's half-seen border)
  fillColumnGaps(worn, 0.5, tallest);
  fillColumnGaps(worn, SOLID, tallest);
}

/** Sets to 1 every run of pixels below `on` with pixels at least `on` right above and below it, at most `tallest` rows. */
function fillColumnGaps(mask: GrayImage, on: number, tallest: number): void {
  const { width: w, height: h, data } = mask;
  for (let x = 0; x < w; x++) {
    let lastOn = -1;
    for (let y = 0; y < h; y++) {
      if (data[y * w + x] < on) continue;
      const gap = y - lastOn - 1;
      if (lastOn >= 0 && gap > 0 && gap <= tallest) for (let k = lastOn + 1; k < y; k++) data[k * w + x] = 1;
      lastOn = y;
    }
  }
}
