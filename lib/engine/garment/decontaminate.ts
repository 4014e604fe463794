/**
 * Edge pixels of a cut-out garment are part backdrop (a white studio wall makes
 * a white fringe). Before the garment is warped onto a portrait, each edge
 * pixel takes the colour of the garment just inside it, so the soft edge
 * blends garment into portrait with no halo.
 */
import type { GrayImage, RgbaImage } from '../image';
import { cloneRgba } from '../image';

/** Window radii tried in turn: the near colour where there is one, a wider average for thin parts. */
const RADII = [2, 6];
/** Where no window holds sure garment (a strap), the radius the strap's most opaque core pixel is looked for in. */
const CORE_RADIUS = 2;
/** Share of a window that must be surely garment for its mean colour to count. */
const MIN_INSIDE = 0.02;

/**
 * Only the edge pixels are visited (a few percent of a product photo), each
 * averaging the surely-garment pixels in a small window around it.
 * @example const clean = decontaminateEdges(productPhoto, garmentMask);
 */
export function decontaminateEdges(image: RgbaImage, mask: GrayImage): RgbaImage {
  const { width: w, height: h } = image;
  const out = cloneRgba(image);
  const m = mask.data, d = image.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (m[i] <= 0.01 || m[i] > 0.98) continue;
      let done = false;
      for (const r of RADII) {
        let n = 0, cr = 0, cg = 0, cb = 0;
        // the window clamped at the photo's border, as a box filter with replicated edges
        for (let dy = -r; dy <= r; dy++) {
          const row = Math.min(h - 1, Math.max(0, y + dy)) * w;
          for (let dx = -r; dx <= r; dx++) {
            const j = row + Math.min(w - 1, Math.max(0, x + dx));
            if (m[j] <= 0.98) continue;
            n++;
            cr += d[j * 4]; cg += d[j * 4 + 1]; cb += d[j * 4 + 2];
          }
        }
        if (n < MIN_INSIDE * (2 * r + 1) * (2 * r + 1)) continue;
        out.data[i * 4] = cr / n;
        out.data[i * 4 + 1] = cg / n;
        out.data[i * 4 + 2] = cb / n;
        done = true;
        break;
      }
      // a thin part (a strap) has no sure pixels near: the most opaque pixel beside it is its core
      if (!done) {
        let best = i;
        for (let dy = -CORE_RADIUS; dy <= CORE_RADIUS; dy++) for (let dx = -CORE_RADIUS; dx <= CORE_RADIUS; dx++) {
          const xx = x + dx, yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          if (m[yy * w + xx] > m[best]) best = yy * w + xx;
        }
        for (let c = 0; c < 3; c++) out.data[i * 4 + c] = d[best * 4 + c];
      }
    }
  }
  return out;
}
