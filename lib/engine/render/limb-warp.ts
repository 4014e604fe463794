/**
 * A garment piece moved from one limb to another, joint to joint: each
 * portrait pixel near the shopper's limb gets its place along the limb (which
 * segment, how far along) and across it (as a share of the limb's thickness),
 * and takes the garment pixel at the same place on the model's limb. Used for
 * sleeves and trouser legs of garments photographed on a model, whose limbs
 * bend where the shopper's do not.
 */
import type { RgbaImage } from '../image';
import type { Point } from '../shapes';
import type { GarmentSource } from './garment-layers';
import { partCoverage, put } from './garment-layers';

export interface LimbMap {
  /** The shopper's joints (e.g. shoulder, elbow, wrist) and half thickness at each. */
  body: Point[];
  bodyRadii: number[];
  /** The same joints on the model, in the garment source's pixels, and their half thickness. */
  model: Point[];
  modelRadii: number[];
  /** How far from the shopper's limb a garment may reach, in limb half thicknesses (sleeves are wider than arms). */
  reach: number;
}

/**
 * Draws the source pixels labelled `part` (a limb's piece, never the body's label 1)
 * along the shopper's limb into `out` (where nothing more opaque is drawn yet).
 * @example drawLimb(layer, source, { body: shopperArm, bodyRadii, model: modelArm, modelRadii, reach: 1.6 }, 2);
 */
export function drawLimb(out: RgbaImage, src: GarmentSource, map: LimbMap, part: number): void {
  const { width, height } = out;
  const { body, model } = map;
  const segs = body.length - 1;
  if (segs < 1 || model.length !== body.length) return;
  // Per segment: unit direction and normal on both limbs, normals turned the same way.
  const frames = [];
  for (let k = 0; k < segs; k++) {
    const bd: Point = [body[k + 1][0] - body[k][0], body[k + 1][1] - body[k][1]];
    const md: Point = [model[k + 1][0] - model[k][0], model[k + 1][1] - model[k][1]];
    const bl = Math.max(1e-6, Math.hypot(bd[0], bd[1])), ml = Math.max(1e-6, Math.hypot(md[0], md[1]));
    frames.push({ bd: [bd[0] / bl, bd[1] / bl] as Point, bl, md: [md[0] / ml, md[1] / ml] as Point, ml });
  }
  const maxR = Math.max(...map.bodyRadii) * map.reach;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of body) { x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]); }
  x0 = Math.max(0, Math.floor(x0 - maxR)); y0 = Math.max(0, Math.floor(y0 - maxR));
  x1 = Math.min(width - 1, Math.ceil(x1 + maxR)); y1 = Math.min(height - 1, Math.ceil(y1 + maxR));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      // the nearest segment, the place along it and the signed offset across it
      let best = Infinity, k = 0, t = 0, n = 0, past = 0;
      for (let s = 0; s < segs; s++) {
        const f = frames[s];
        const along = (x - body[s][0]) * f.bd[0] + (y - body[s][1]) * f.bd[1];
        const tc = Math.max(0, Math.min(f.bl, along));
        const px = body[s][0] + f.bd[0] * tc, py = body[s][1] + f.bd[1] * tc;
        const d = Math.hypot(x - px, y - py);
        if (d < best) {
          best = d; k = s; t = tc / f.bl;
          n = (x - px) * -f.bd[1] + (y - py) * f.bd[0];
          past = s === segs - 1 ? along - f.bl : s === 0 ? -along : 0;
        }
      }
      const rb = map.bodyRadii[k] + (map.bodyRadii[k + 1] - map.bodyRadii[k]) * t;
      // nothing past the limb's ends: the torso's warp owns its root, and past the wrist or ankle is hand or foot
      if (best > rb * map.reach || past > 1) continue;
      const rm = map.modelRadii[k] + (map.modelRadii[k + 1] - map.modelRadii[k]) * t;
      const f = frames[k];
      const across = (n / Math.max(rb, 1e-6)) * rm;
      const u = model[k][0] + f.md[0] * t * f.ml - f.md[1] * across;
      const v = model[k][1] + f.md[1] * t * f.ml + f.md[0] * across;
      put(out, y * width + x, src, u, v, partCoverage(src, part, u, v));
    }
  }
}
