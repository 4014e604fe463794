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
}

/**
 * @example const { src, scale } = scaledSource(garment, 0.6); const neck = scale(garment.landmarks.neck_back);
 */
export function scaledSource(garment: GarmentAnalysis, s: number): ScaledSource {
  if (!garment.parts) throw new FitroomError('bad-argument', `Expected a garment analysis with part labels but the ${garment.category} has none.`);
  if (!(s > 0 && Number.isFinite(s))) throw new FitroomError('bad-argument', `Expected a positive garment scale but received ${s}.`);
  const { width: w, height: h } = garment.image;
  const gw = Math.max(8, Math.round(w * s)), gh = Math.max(8, Math.round(h * s));
  const sx = gw / w, sy = gh / h;
  return {
    src: {
      image: gw === w && gh === h ? garment.image : resizeRgba(garment.image, gw, gh),
      mask: gw === w && gh === h ? garment.mask.data : resizeGray(garment.mask, gw, gh).data,
      parts: gw === w && gh === h ? garment.parts : resizeLabels(garment.parts, w, h, gw, gh),
    },
    scale: (p) => [(p[0] + 0.5) * sx - 0.5, (p[1] + 0.5) * sy - 0.5],
  };
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
