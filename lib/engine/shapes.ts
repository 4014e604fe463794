/**
 * Soft masks of simple shapes (capsules around limbs, polygons for the torso),
 * drawn with an anti-aliased edge so they can be combined with photo masks.
 */
import type { GrayImage } from './image';
import { createGray } from './image';

export type Point = [number, number];

/** Distance from p to the segment a-b, and the position t in [0, 1] of the nearest point on it. */
export function segmentDistance(px: number, py: number, a: Point, b: Point): { d: number; t: number } {
  const vx = b[0] - a[0], vy = b[1] - a[1];
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((px - a[0]) * vx + (py - a[1]) * vy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const dx = px - (a[0] + t * vx), dy = py - (a[1] + t * vy);
  return { d: Math.sqrt(dx * dx + dy * dy), t };
}

/**
 * Draws (max-combines) a capsule around a polyline into `into`; the radius may
 * change linearly along each segment.
 * @example drawCapsule(mask, [[100, 50], [120, 150]], [30, 22]);
 */
export function drawCapsule(into: GrayImage, points: Point[], radii: number[], feather = 1.5): void {
  const { width: w, height: h, data } = into;
  for (let s = 0; s + 1 < points.length; s++) {
    const a = points[s], b = points[s + 1];
    const ra = radii[s], rb = radii[s + 1];
    const r = Math.max(ra, rb) + feather;
    const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - r)), x1 = Math.min(w - 1, Math.ceil(Math.max(a[0], b[0]) + r));
    const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - r)), y1 = Math.min(h - 1, Math.ceil(Math.max(a[1], b[1]) + r));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const { d, t } = segmentDistance(x, y, a, b);
        const rad = ra + (rb - ra) * t;
        const v = Math.min(1, Math.max(0, (rad - d) / feather + 0.5));
        const i = y * w + x;
        if (v > data[i]) data[i] = v;
      }
    }
  }
}

/**
 * Fills a polygon (even-odd rule) into a new mask, with 4x vertical supersampling on edges.
 * @example const torso = polygonMask(768, 1024, [[300, 200], [460, 200], [450, 520], [310, 520]]);
 */
export function polygonMask(width: number, height: number, poly: Point[]): GrayImage {
  const out = createGray(width, height);
  const SUB = 4;
  const cover = new Float32Array(width + 1);
  let minY = Infinity, maxY = -Infinity;
  for (const p of poly) { minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]); }
  const y0 = Math.max(0, Math.floor(minY)), y1 = Math.min(height - 1, Math.ceil(maxY));
  for (let y = y0; y <= y1; y++) {
    cover.fill(0);
    for (let s = 0; s < SUB; s++) {
      const sy = y - 0.5 + (s + 0.5) / SUB;
      const xs: number[] = [];
      for (let i = 0; i < poly.length; i++) {
        const a = poly[i], b = poly[(i + 1) % poly.length];
        if ((a[1] <= sy && b[1] > sy) || (b[1] <= sy && a[1] > sy)) xs.push(a[0] + ((sy - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
      }
      xs.sort((p, q) => p - q);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const xa = Math.max(-0.5, xs[k]), xb = Math.min(width - 0.5, xs[k + 1]);
        if (xb <= xa) continue;
        // coverage of pixel columns [x-0.5, x+0.5]
        const ia = Math.round(xa), ib = Math.round(xb);
        for (let x = ia; x <= ib && x < width; x++) {
          const l = Math.max(xa, x - 0.5), r = Math.min(xb, x + 0.5);
          if (r > l) cover[x] += (r - l) / SUB;
        }
      }
    }
    const row = y * width;
    for (let x = 0; x < width; x++) out.data[row + x] = Math.min(1, cover[x]);
  }
  return out;
}
