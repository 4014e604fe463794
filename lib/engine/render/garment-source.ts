/**
 * A garment brought near the body's scale before it is warped: image, mask
 * and part labels resized together (area averaging, so fine prints do not
 * alias), with the function that moves landmarks to the new pixels.
 */
import type { GarmentAnalysis } from '../analysis';
import { FitroomError } from '../errors';
import { resizeGray, resizeRgba } from '../image';
import type { GarmentSource } from './garment-layers';

export type Pt = [number, number];

export interface ScaledSource {
  src: GarmentSource;
  /** Garment pixels → pixels of the scaled source. */
  scale(p: Pt): Pt;
  /** How many source pixels one garment pixel became (for lengths and widths). */
  factor: number;
}

/**
 * @example const { src, scale } = scaledSource(garment, 0.6); const neck = scale(garment.landmarks.neck_back);
 */
export function scaledSource(garment: GarmentAnalysis, s: number): ScaledSource {
  if (!garment.parts) throw new FitroomError('bad-argument', `Expected a garment analysis with part labels but the ${garment.category} has none.`);
  if (!(s > 0 && Number.isFinite(s))) throw new FitroomError('bad-argument', `Expected a positive garment scale but received ${s}.`);
  // Only the garment's box is resized: a garment photographed on a model fills a fraction of its photo.
  const box = garmentBox(garment);
  const image = crop(garment.image.data, garment.image.width, 4, box, Uint8ClampedArray);
  const mask = crop(garment.mask.data, garment.image.width, 1, box, Float32Array);
  const parts = crop(garment.parts, garment.image.width, 1, box, Uint8Array);
  const { w, h } = box;
  const gw = Math.max(8, Math.round(w * s)), gh = Math.max(8, Math.round(h * s));
  const sx = gw / w, sy = gh / h;
  return {
    src: {
      image: resizeRgba({ width: w, height: h, data: image }, gw, gh),
      mask: resizeGray({ width: w, height: h, data: mask }, gw, gh).data,
      parts: resizeLabels(parts, w, h, gw, gh),
    },
    scale: (p) => [(p[0] - box.x + 0.5) * sx - 0.5, (p[1] - box.y + 0.5) * sy - 0.5],
    factor: sx,
  };
}

type Box = { x: number; y: number; w: number; h: number };

/** The box around the garment's pixels, with a margin (the warps sample a little around the edges). */
function garmentBox(garment: GarmentAnalysis): Box {
  const { width: W, height: H } = garment.image;
  const m = garment.mask.data;
  let x0 = W, y0 = H, x1 = -1, y1 = -1;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (m[y * W + x] <= 0.01) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    y1 = y;
  }
  if (x1 < 0) return { x: 0, y: 0, w: W, h: H };
  const pad = Math.round(Math.max(W, H) * 0.02);
  x0 = Math.max(0, x0 - pad); y0 = Math.max(0, y0 - pad);
  x1 = Math.min(W - 1, x1 + pad); y1 = Math.min(H - 1, y1 + pad);
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

function crop<T extends Uint8ClampedArray | Float32Array | Uint8Array>(data: T, width: number, ch: number, box: Box, Kind: new (n: number) => T): T {
  const out = new Kind(box.w * box.h * ch);
  for (let y = 0; y < box.h; y++) {
    const from = ((box.y + y) * width + box.x) * ch;
    out.set(data.subarray(from, from + box.w * ch) as never, y * box.w * ch);
  }
  return out;
}

/**
 * Nearest-neighbour resize of a label map.
 * @example const small = resizeLabels(parts, 768, 1024, 384, 512);
 */
export function resizeLabels(labels: Uint8Array, w: number, h: number, nw: number, nh: number): Uint8Array {
  const out = new Uint8Array(nw * nh);
  for (let y = 0; y < nh; y++) {
    const sy = Math.min(h - 1, Math.floor(((y + 0.5) * h) / nh));
    for (let x = 0; x < nw; x++) out[y * nw + x] = labels[sy * w + Math.min(w - 1, Math.floor(((x + 0.5) * w) / nw))];
  }
  return out;
}
