/**
 * Sharpens a coarse soft mask against the photo's own edges: in the band where
 * the mask is unsure, each pixel's colour is explained as a mix of the nearby
 * foreground colour and the nearby background colour, and the mix is its alpha.
 * Cheap: colour averages are box filters at half resolution, and only the
 * unsure band's pixels are solved.
 */
import type { GrayImage, RgbaImage } from './image';
import { boxBlur, createGray } from './image';

export interface RefineOptions {
  /** Half width of the unsure band around the coarse edge, in pixels. */
  band: number;
  /** Radius over which local foreground/background colours are averaged. */
  colorRadius: number;
}

/**
 * Refines `coarse` (same size as `image`) and returns a new soft mask.
 * @example const mask = refineMask(photo, coarseMask, { band: 10, colorRadius: 12 });
 */
export function refineMask(image: RgbaImage, coarse: GrayImage, options: RefineOptions): GrayImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const c = coarse.data;
  // Unsure: where the coarse mask is not near 0 or 1, widened by `band` pixels.
  const unsure = createGray(w, h);
  for (let i = 0; i < n; i++) unsure.data[i] = c[i] > 0.02 && c[i] < 0.98 ? 1 : 0;
  const near = boxBlur(unsure, options.band);
  const out = createGray(w, h);
  // Each pixel is sure foreground (1), sure background (0) or in the band (2).
  const side = new Uint8Array(n);
  let bandSize = 0;
  for (let i = 0; i < n; i++) {
    if (near.data[i] > 0) { side[i] = 2; bandSize++; continue; }
    if (c[i] >= 0.5) { side[i] = 1; out.data[i] = 1; }
  }
  if (bandSize === 0) return out;
  const band = new Int32Array(bandSize);
  for (let i = 0, j = 0; i < n; i++) if (side[i] === 2) band[j++] = i;
  const planes = halfPlanes(image, side);
  const fg = localMeanColor(planes.fg, options.colorRadius, band, w, h);
  const bg = localMeanColor(planes.bg, options.colorRadius, band, w, h);
  const d = image.data;
  for (let j = 0; j < band.length; j++) {
    const i = band[j];
    // How much to trust the colour explanation: both local colours must be known
    // (enough sure pixels nearby) and far enough apart (over ~12 levels) to tell apart.
    const known = fg.weight[j] * bg.weight[j];
    let dot = 0, len = 0;
    for (let k = 0; k < 3; k++) {
      const f = fg.color[j * 3 + k], b = bg.color[j * 3 + k];
      dot += (d[i * 4 + k] - b) * (f - b);
      len += (f - b) * (f - b);
    }
    const trust = known * Math.min(1, Math.max(0, (Math.sqrt(len) - 12) / 24));
    const a = len > 0 ? Math.min(1, Math.max(0, dot / len)) : c[i];
    out.data[i] = trust * a + (1 - trust) * c[i];
  }
  return out;
}

interface BandColors {
  /** RGB per band pixel. */
  color: Float32Array;
  /** How well-founded each estimate is, in [0, 1]. */
  weight: Float32Array;
}

/**
 * Mean colour of one side's sure pixels at each band pixel: from a window of
 * `radius` where it holds enough of them, else from one three times wider.
 */
function localMeanColor(halves: GrayImage[], radius: number, band: Int32Array, w: number, h: number): BandColors {
  const near = meanColorAt(halves, radius, band, w, h);
  const far = meanColorAt(halves, radius * 3, band, w, h);
  const color = new Float32Array(band.length * 3);
  const known = new Float32Array(band.length);
  for (let j = 0; j < band.length; j++) {
    const t = Math.min(1, near.weight[j] * 10);
    for (let k = 0; k < 3; k++) color[j * 3 + k] = t * near.color[j * 3 + k] + (1 - t) * far.color[j * 3 + k];
    known[j] = Math.max(t, Math.min(1, far.weight[j] * 30));
  }
  return { color, weight: known };
}

/**
 * For each side (sure foreground, sure background): its share and its colour
 * channels weighted by it, at half resolution (local means are smooth), each
 * half pixel the mean of its 2x2 block. One pass over the image for both sides.
 */
function halfPlanes(image: RgbaImage, side: Uint8Array): { fg: GrayImage[]; bg: GrayImage[] } {
  const { width: w, height: h } = image;
  const hw = Math.max(1, w >> 1), hh = Math.max(1, h >> 1);
  const fg = [0, 1, 2, 3].map(() => createGray(hw, hh)), bg = [0, 1, 2, 3].map(() => createGray(hw, hh));
  const d = image.data;
  for (let y = 0; y < hh; y++) {
    for (let x = 0; x < hw; x++) {
      const o = y * hw + x;
      for (let dy = 0; dy < 2; dy++) {
        const row = Math.min(h - 1, 2 * y + dy) * w;
        for (let dx = 0; dx < 2; dx++) {
          const i = row + Math.min(w - 1, 2 * x + dx);
          const s = side[i];
          if (s === 2) continue;
          const planes = s === 1 ? fg : bg;
          planes[0].data[o] += 0.25;
          planes[1].data[o] += d[i * 4] * 0.25;
          planes[2].data[o] += d[i * 4 + 1] * 0.25;
          planes[3].data[o] += d[i * 4 + 2] * 0.25;
        }
      }
    }
  }
  return { fg, bg };
}

function meanColorAt(planes: GrayImage[], radius: number, band: Int32Array, w: number, h: number): BandColors {
  const r = Math.max(1, Math.round(radius / 2));
  const [wsum, ...chans] = planes.map((p) => boxBlur(p, r));
  const hw = wsum.width, hh = wsum.height;
  const sx = hw / w, sy = hh / h;
  const color = new Float32Array(band.length * 3);
  const known = new Float32Array(band.length);
  for (let j = 0; j < band.length; j++) {
    const i = band[j];
    const x = i % w, y = (i - x) / w;
    // bilinear lookup on the half-resolution planes
    const u = Math.min(hw - 1, Math.max(0, (x + 0.5) * sx - 0.5)), v = Math.min(hh - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const x0 = Math.floor(u), y0 = Math.floor(v), x1 = Math.min(hw - 1, x0 + 1), y1 = Math.min(hh - 1, y0 + 1);
    const fx = u - x0, fy = v - y0;
    const a = (1 - fx) * (1 - fy), b = fx * (1 - fy), c = (1 - fx) * fy, d = fx * fy;
    const p00 = y0 * hw + x0, p10 = y0 * hw + x1, p01 = y1 * hw + x0, p11 = y1 * hw + x1;
    const ws = a * wsum.data[p00] + b * wsum.data[p10] + c * wsum.data[p01] + d * wsum.data[p11];
    known[j] = ws;
    if (ws > 1e-6) {
      for (let k = 0; k < 3; k++) {
        const ch = chans[k].data;
        color[j * 3 + k] = (a * ch[p00] + b * ch[p10] + c * ch[p01] + d * ch[p11]) / ws;
      }
    }
  }
  return { color, weight: known };
}
