/**
 * A soft mask turned into a shape with a crisp, anti-aliased edge along its 0.5 contour.
 * The person mask comes from a low-resolution model and is enlarged: its edge is a ramp
 * some ten pixels wide. Skin painted through such a ramp is half backdrop over that width,
 * a haze no photo of a body shows; a photographed outline is a pixel or two of mixed colour.
 */
import type { GrayImage } from './image';
import { createGray } from './image';

/**
 * How wide the crisp edge's ramp is, in pixels: a sharp photo's outline mixes its two sides
 * over one to two pixels (the lens' and the demosaicing's blur).
 */
const EDGE_PIXELS = 1.5;

/** Gradients below this (per pixel) are a plateau, not an edge: the pixel goes by its side of 0.5. */
const FLAT = 1e-3;

/**
 * Each pixel's signed distance to the mask's 0.5 contour, to first order ((m - 0.5) / |∇m|),
 * mapped to coverage over `EDGE_PIXELS`: the contour stays where it was, its ramp narrows.
 * @example const solid = crispEdge(personMask); // 0/1 inside and out, 1.5 px ramps at the outline
 */
export function crispEdge(mask: GrayImage): GrayImage {
  const { width: w, height: h, data } = mask;
  const out = createGray(w, h);
  for (let y = 0; y < h; y++) {
    const up = (y > 0 ? y - 1 : y) * w, down = (y < h - 1 ? y + 1 : y) * w;
    const dy = y > 0 && y < h - 1 ? 0.5 : 1;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const m = data[i];
      const gx = (data[y * w + (x < w - 1 ? x + 1 : x)] - data[y * w + (x > 0 ? x - 1 : x)]) * (x > 0 && x < w - 1 ? 0.5 : 1);
      const gy = (data[down + x] - data[up + x]) * dy;
      const g = Math.max(FLAT, Math.hypot(gx, gy));
      const v = 0.5 + (m - 0.5) / g / EDGE_PIXELS;
      out.data[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
  return out;
}
