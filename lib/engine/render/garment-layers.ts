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
  const segLen: number[] = [];
  let total = 0;
  for (let k = 0; k + 1 < path.length; k++) {
    const l = Math.hypot(path[k + 1][0] - path[k][0], path[k + 1][1] - path[k][1]);
    segLen.push(l);
    total += l;
  }
  if (total < 1) return;
  // Garment frame: root middle, axis to the sleeve's end, normal towards the shoulder end.
  const [gs, ga] = fit.garmentRoot;
  const gRoot: Point = [(gs[0] + ga[0]) / 2, (gs[1] + ga[1]) / 2];
  const gLen = Math.hypot(fit.garmentEnd[0] - gRoot[0], fit.garmentEnd[1] - gRoot[1]);
  if (gLen < 1) return;
  const gAxis: Point = [(fit.garmentEnd[0] - gRoot[0]) / gLen, (fit.garmentEnd[1] - gRoot[1]) / gLen];
  let gNorm: Point = [-gAxis[1], gAxis[0]];
  if ((gs[0] - gRoot[0]) * gNorm[0] + (gs[1] - gRoot[1]) * gNorm[1] < 0) gNorm = [-gNorm[0], -gNorm[1]];
  const gHalfRoot = Math.hypot(gs[0] - ga[0], gs[1] - ga[1]) / 2;
  // slant of the root line against the axis: along-axis shift per unit of offset
  const gSlant = ((gs[0] - gRoot[0]) * gAxis[0] + (gs[1] - gRoot[1]) * gAxis[1]) / Math.max(gHalfRoot, 1e-6);

  const [bs, ba] = fit.bodyRoot;
  const bRoot = path[0];
  const bAxis0: Point = [(path[1][0] - bRoot[0]) / segLen[0], (path[1][1] - bRoot[1]) / segLen[0]];
  let bNorm0: Point = [-bAxis0[1], bAxis0[0]];
  const normSign = (bs[0] - bRoot[0]) * bNorm0[0] + (bs[1] - bRoot[1]) * bNorm0[1] < 0 ? -1 : 1;
  bNorm0 = [bNorm0[0] * normSign, bNorm0[1] * normSign];
  const bHalfRoot = fit.halfWidthRoot;
  const bSlant = ((bs[0] - bRoot[0]) * bAxis0[0] + (bs[1] - bRoot[1]) * bAxis0[1]) / Math.max(bHalfRoot, 1e-6);
  void ba;

  const maxHalf = Math.max(fit.halfWidthRoot, fit.halfWidthEnd) * 1.3;
  let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
  for (const p of [...path, bs, ba]) { bx0 = Math.min(bx0, p[0]); by0 = Math.min(by0, p[1]); bx1 = Math.max(bx1, p[0]); by1 = Math.max(by1, p[1]); }
  bx0 = Math.max(0, Math.floor(bx0 - maxHalf)); by0 = Math.max(0, Math.floor(by0 - maxHalf));
  bx1 = Math.min(width - 1, Math.ceil(bx1 + maxHalf)); by1 = Math.min(height - 1, Math.ceil(by1 + maxHalf));

  const gHalfEnd = Math.max(1, fit.garmentHalfWidthEnd);
  for (let y = by0; y <= by1; y++) {
    for (let x = bx0; x <= bx1; x++) {
      // nearest point on the path: arc length t and signed offset n
      let best = Infinity, t = 0, n = 0, acc = 0;
      for (let k = 0; k + 1 < path.length; k++) {
        const a = path[k], b = path[k + 1];
        const dx = (b[0] - a[0]) / segLen[k], dy = (b[1] - a[1]) / segLen[k];
        let s = (x - a[0]) * dx + (y - a[1]) * dy;
        const sClamped = Math.max(k === 0 ? -maxHalf : 0, Math.min(segLen[k], s));
        const px = a[0] + dx * sClamped, py = a[1] + dy * sClamped;
        const d = Math.hypot(x - px, y - py);
        if (d < best) {
          best = d;
          s = sClamped;
          t = acc + s;
          // offset sign: consistent with the first segment's normal orientation
          n = ((x - px) * -dy + (y - py) * dx) * normSign;
        }
        acc += segLen[k];
      }
      if (best > maxHalf) continue;
      const f = Math.min(1, Math.max(0, t / total));
      const bHalf = bHalfRoot + (fit.halfWidthEnd - bHalfRoot) * f;
      // outside the sleeve's tube around the arm: nothing of this sleeve lands here
      if (Math.abs(n) > bHalf * 1.04) continue;
      const gHalf = gHalfRoot + (gHalfEnd - gHalfRoot) * f;
      // distance past the root line (which is slanted by bSlant per unit offset)
      const along = t - bSlant * (n / Math.max(bHalfRoot, 1e-6)) * bHalfRoot * (1 - f);
      if (along < -2 || t > total + 1) continue;
      // The sleeve cap is round: on the shoulder's side the sleeve narrows towards its
      // root instead of ending in a square corner beside the shoulder.
      const cap = bHalfRoot * 0.9;
      if (roundCap && n > 0 && along < cap && n > bHalf * (0.35 + 0.65 * Math.sqrt(Math.max(0, along) / cap))) continue;
      const gn = (n / bHalf) * gHalf;
      const gt = (Math.max(along, 0) / total) * gLen + gSlant * (gn / Math.max(gHalfRoot, 1e-6)) * gHalfRoot * (1 - f);
      const u = gRoot[0] + gAxis[0] * gt + gNorm[0] * gn;
      const v = gRoot[1] + gAxis[1] * gt + gNorm[1] * gn;
      put(out, y * width + x, src, u, v, partCoverage(src, part, u, v));
    }
  }
}
