/**
 * The garment drawn onto the portrait's pixel grid, as layers with coverage:
 * its body through a thin-plate spline, each sleeve along its arm.
 * Sampling is inverse: for each portrait pixel, where in the garment it comes from.
 */
import type { GrayImage, RgbaImage } from '../image';
import { createRgba, sampleRgba } from '../image';
import type { Point } from '../shapes';
import { fitTps } from '../tps';
import { PART_INSIDE } from '../garment/garment-shape';
import type { SleeveFit, UpperFit } from '../fit/upper-fit';

export interface GarmentSource {
  image: RgbaImage;
  /** Coverage 0..1 per garment pixel. */
  mask: Float32Array;
  /** Part label per garment pixel (see PART_*). */
  parts: Uint8Array;
}

/**
 * Coverage of garment pixels belonging to `part`, bilinear, at a real position.
 * @example const a = partCoverage(source, 2, 10.5, 40.25); // 0..1
 */
export function partCoverage(src: GarmentSource, part: number, u: number, v: number): number {
  const { width: w, height: h } = src.image;
  if (u < -0.5 || v < -0.5 || u > w - 0.5 || v > h - 0.5) return 0;
  const x0 = Math.max(0, Math.min(w - 1, Math.floor(u))), y0 = Math.max(0, Math.min(h - 1, Math.floor(v)));
  const x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
  const fx = Math.min(1, Math.max(0, u - x0)), fy = Math.min(1, Math.max(0, v - y0));
  const at = (x: number, y: number) => {
    const i = y * w + x;
    // a body pixel next to a sleeve keeps its coverage so the seam does not open
    return src.parts[i] === part || (part === 1 && src.parts[i] !== 0 && src.parts[i] !== PART_INSIDE) ? src.mask[i] : 0;
  };
  return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

/**
 * Writes the garment's colour at (u, v) into pixel i of `out` with coverage `a`,
 * unless a more opaque layer already drew there.
 * @example put(layer, y * layer.width + x, source, u, v, partCoverage(source, 2, u, v));
 */
export function put(out: RgbaImage, i: number, src: GarmentSource, u: number, v: number, a: number): void {
  if (a <= 0.002) return;
  if (a * 255 <= out.data[i * 4 + 3]) return; // a more opaque layer already drew here
  out.data[i * 4] = sampleRgba(src.image, u, v, 0);
  out.data[i * 4 + 1] = sampleRgba(src.image, u, v, 1);
  out.data[i * 4 + 2] = sampleRgba(src.image, u, v, 2);
  out.data[i * 4 + 3] = a * 255;
}

/**
 * The garment's body (part 1), warped by the fit's thin-plate spline.
 * The spline is evaluated on a 4-pixel grid and interpolated: it is smooth at that scale.
 * @example const torso = drawTorso(source, fit, 768, 1024);
 */
export function drawTorso(src: GarmentSource, fit: UpperFit, width: number, height: number): RgbaImage {
  const out = createRgba(width, height);
  const x0 = Math.max(0, Math.floor(fit.box.x0)), y0 = Math.max(0, Math.floor(fit.box.y0));
  const x1 = Math.min(width - 1, Math.ceil(fit.box.x1)), y1 = Math.min(height - 1, Math.ceil(fit.box.y1));
  if (x1 < x0 || y1 < y0) return out;
  const G = 4;
  const gw = Math.ceil((x1 - x0) / G) + 2, gh = Math.ceil((y1 - y0) / G) + 2;
  const gu = new Float32Array(gw * gh), gv = new Float32Array(gw * gh);
  // A spline through badly placed points can fold the garment over itself (the same
  // garment pixels drawn twice, pieces flung far out). Where it folds over the garment,
  // smooth it more until it does not.
  for (const lambda of [1, 1e3, 1e4, 1e5, 1e6]) {
    const tps = fitTps(fit.torso, lambda);
    for (let j = 0; j < gh; j++) for (let i = 0; i < gw; i++) {
      const [u, v] = tps.map(x0 + i * G, y0 + j * G);
      gu[j * gw + i] = u;
      gv[j * gw + i] = v;
    }
    if (!foldsOverGarment(gu, gv, gw, gh, src)) break;
  }
  for (let y = y0; y <= y1; y++) {
    const fj = (y - y0) / G, j = Math.floor(fj), ty = fj - j;
    for (let x = x0; x <= x1; x++) {
      const fi = (x - x0) / G, i = Math.floor(fi), tx = fi - i;
      const k = j * gw + i;
      const u = (gu[k] * (1 - tx) + gu[k + 1] * tx) * (1 - ty) + (gu[k + gw] * (1 - tx) + gu[k + gw + 1] * tx) * ty;
      const v = (gv[k] * (1 - tx) + gv[k + 1] * tx) * (1 - ty) + (gv[k + gw] * (1 - tx) + gv[k + gw + 1] * tx) * ty;
      put(out, y * width + x, src, u, v, partCoverageBodyOnly(src, u, v));
    }
  }
  return out;
}

/** True when a grid cell whose corners land on the garment maps with a reversed orientation. */
function foldsOverGarment(gu: Float32Array, gv: Float32Array, gw: number, gh: number, src: GarmentSource): boolean {
  const { width: w, height: h } = src.image;
  for (let j = 0; j + 1 < gh; j++) {
    for (let i = 0; i + 1 < gw; i++) {
      const k = j * gw + i;
      const u = gu[k], v = gv[k];
      if (u < 0 || v < 0 || u >= w || v >= h || src.parts[Math.floor(v) * w + Math.floor(u)] === 0) continue;
      const det = (gu[k + 1] - u) * (gv[k + gw] - v) - (gu[k + gw] - u) * (gv[k + 1] - v);
      if (det <= 0) return true;
    }
  }
  return false;
}

function partCoverageBodyOnly(src: GarmentSource, u: number, v: number): number {
  const { width: w, height: h } = src.image;
  if (u < -0.5 || v < -0.5 || u > w - 0.5 || v > h - 0.5) return 0;
  const x = Math.max(0, Math.min(w - 1, Math.round(u))), y = Math.max(0, Math.min(h - 1, Math.round(v)));
  if (src.parts[y * w + x] !== 1) return 0;
  return partCoverage(src, 1, u, v);
}

/**
 * One sleeve along its arm. Each portrait pixel near the arm's path gets
 * coordinates (distance from the sleeve's root line, offset across the arm),
 * which are mapped to the same coordinates in the flat sleeve.
 * @param options.roundCap a sleeve's cap rounds off over the shoulder (default); a trouser
 *        leg's root meets the hips square, or its outer thigh is notched.
 * @example drawSleeve(layer, source, fit.leftSleeve, 2);
 */
export function drawSleeve(out: RgbaImage, src: GarmentSource, fit: SleeveFit, part: number, options: { roundCap?: boolean } = {}): void {
  const roundCap = options.roundCap ?? true;
  const { width, height } = out;
  const path = fit.bodyPath;
  if (path.length < 2) return;
  const segLen = segmentLengths(path);
  const total = segLen.reduce((a, l) => a + l, 0);
  if (total < 1) return;
  const g = garmentFrame(fit);
  if (g === null) return;
  const b = bodyFrame(fit, segLen[0]);
  const maxHalf = Math.max(fit.halfWidthRoot, fit.halfWidthEnd) * 1.3;
  const box = pixelBox([...path, ...fit.bodyRoot], maxHalf, width, height);
  const gHalfEnd = Math.max(1, fit.garmentHalfWidthEnd);
  const near = new Float64Array(3);
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      nearestOnPath(path, segLen, maxHalf, b.normSign, x, y, near);
      const best = near[0], t = near[1], n = near[2];
      if (best > maxHalf) continue;
      const f = Math.min(1, Math.max(0, t / total));
      const bHalf = b.halfRoot + (fit.halfWidthEnd - b.halfRoot) * f;
      // outside the sleeve's tube around the arm: nothing of this sleeve lands here
      if (Math.abs(n) > bHalf * 1.04) continue;
      const gHalf = g.halfRoot + (gHalfEnd - g.halfRoot) * f;
      // distance past the root line (which is slanted by b.slant per unit offset)
      const along = t - b.slant * (n / Math.max(b.halfRoot, 1e-6)) * b.halfRoot * (1 - f);
      if (along < -2 || t > total + 1) continue;
      if (roundCap && outsideCap(n, along, bHalf, b.halfRoot)) continue;
      const gn = (n / bHalf) * gHalf;
      const gt = (Math.max(along, 0) / total) * g.len + g.slant * (gn / Math.max(g.halfRoot, 1e-6)) * g.halfRoot * (1 - f);
      const u = g.root[0] + g.axis[0] * gt + g.norm[0] * gn;
      const v = g.root[1] + g.axis[1] * gt + g.norm[1] * gn;
      put(out, y * width + x, src, u, v, partCoverage(src, part, u, v));
    }
  }
}

/** Length of each segment of a polyline. */
function segmentLengths(path: Point[]): number[] {
  const segLen: number[] = [];
  for (let k = 0; k + 1 < path.length; k++) segLen.push(Math.hypot(path[k + 1][0] - path[k][0], path[k + 1][1] - path[k][1]));
  return segLen;
}

/** The flat sleeve's frame: root middle, unit axis to the sleeve's end, unit normal towards the shoulder end. */
interface GarmentFrame {
  root: Point;
  axis: Point;
  norm: Point;
  /** Root to end, in garment pixels. */
  len: number;
  /** Half the root line's length. */
  halfRoot: number;
  /** Slant of the root line against the axis: along-axis shift per unit of offset. */
  slant: number;
}

/** The sleeve's frame in the garment; null when its end is under a pixel from its root. */
function garmentFrame(fit: SleeveFit): GarmentFrame | null {
  const [gs, ga] = fit.garmentRoot;
  const root: Point = [(gs[0] + ga[0]) / 2, (gs[1] + ga[1]) / 2];
  const len = Math.hypot(fit.garmentEnd[0] - root[0], fit.garmentEnd[1] - root[1]);
  if (len < 1) return null;
  const axis: Point = [(fit.garmentEnd[0] - root[0]) / len, (fit.garmentEnd[1] - root[1]) / len];
  let norm: Point = [-axis[1], axis[0]];
  if ((gs[0] - root[0]) * norm[0] + (gs[1] - root[1]) * norm[1] < 0) norm = [-norm[0], -norm[1]];
  const halfRoot = Math.hypot(gs[0] - ga[0], gs[1] - ga[1]) / 2;
  const slant = ((gs[0] - root[0]) * axis[0] + (gs[1] - root[1]) * axis[1]) / Math.max(halfRoot, 1e-6);
  return { root, axis, norm, len, halfRoot, slant };
}

/** The sleeve's frame on the body, at its path's first segment (length `firstLen`). */
function bodyFrame(fit: SleeveFit, firstLen: number): { normSign: number; halfRoot: number; slant: number } {
  const bs = fit.bodyRoot[0];
  const path = fit.bodyPath;
  const root = path[0];
  const axis: Point = [(path[1][0] - root[0]) / firstLen, (path[1][1] - root[1]) / firstLen];
  const norm: Point = [-axis[1], axis[0]];
  // the offset's sign: positive towards the shoulder end of the root
  const normSign = (bs[0] - root[0]) * norm[0] + (bs[1] - root[1]) * norm[1] < 0 ? -1 : 1;
  const halfRoot = fit.halfWidthRoot;
  const slant = ((bs[0] - root[0]) * axis[0] + (bs[1] - root[1]) * axis[1]) / Math.max(halfRoot, 1e-6);
  return { normSign, halfRoot, slant };
}

/** The portrait pixels within `margin` of the points' bounds, clipped to the image. */
function pixelBox(points: Point[], margin: number, width: number, height: number): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of points) { x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]); }
  return {
    x0: Math.max(0, Math.floor(x0 - margin)), y0: Math.max(0, Math.floor(y0 - margin)),
    x1: Math.min(width - 1, Math.ceil(x1 + margin)), y1: Math.min(height - 1, Math.ceil(y1 + margin)),
  };
}

/**
 * The nearest point of the path to (x, y), into `out`: its distance, its arc length t and the
 * signed offset n. The first segment reaches `maxHalf` back past the root, so pixels just above
 * the root line still find the sleeve's top.
 */
function nearestOnPath(path: Point[], segLen: number[], maxHalf: number, normSign: number, x: number, y: number, out: Float64Array): void {
  let best = Infinity, t = 0, n = 0, acc = 0;
  for (let k = 0; k + 1 < path.length; k++) {
    const a = path[k], b = path[k + 1];
    const dx = (b[0] - a[0]) / segLen[k], dy = (b[1] - a[1]) / segLen[k];
    const s = Math.max(k === 0 ? -maxHalf : 0, Math.min(segLen[k], (x - a[0]) * dx + (y - a[1]) * dy));
    const px = a[0] + dx * s, py = a[1] + dy * s;
    const d = Math.hypot(x - px, y - py);
    if (d < best) {
      best = d;
      t = acc + s;
      // offset sign: consistent with the first segment's normal orientation
      n = ((x - px) * -dy + (y - py) * dx) * normSign;
    }
    acc += segLen[k];
  }
  out[0] = best;
  out[1] = t;
  out[2] = n;
}

/**
 * The sleeve cap is round: on the shoulder's side (n > 0) the sleeve narrows towards its
 * root instead of ending in a square corner beside the shoulder. True for a pixel cut off.
 */
function outsideCap(n: number, along: number, bHalf: number, bHalfRoot: number): boolean {
  const cap = bHalfRoot * 0.9;
  return n > 0 && along < cap && n > bHalf * (0.35 + 0.65 * Math.sqrt(Math.max(0, along) / cap));
}
