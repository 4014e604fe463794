/**
 * Where an arm may be drawn in front of the new garment's body: only below the
 * new sleeve's hem along that arm. Above the hem the arm is inside its sleeve,
 * so whatever of the arm the sleeve's drawn outline leaves beside it is under
 * the garment, not bare skin in front of it (a skin-coloured hole between a
 * short sleeve and the body otherwise). Sleeveless garments leave the whole arm.
 */
import type { GrayImage, RgbaImage } from '../image';
import { createGray } from '../image';
import type { Limb } from '../portrait/body-geometry';
import type { Point } from '../shapes';
import { segmentDistance } from '../shapes';
import { smoothstep } from '../smoothstep';

/** Sleeve pixels this far from an arm's line, in its half thicknesses, and nearer it than the other arm's, are that arm's sleeve. */
const OWN_SLEEVE_REACH = 1.5;
/** The hem is this high a share of the arm's sleeve pixels along the arm (a stray pixel past it does not count). */
const HEM_QUANTILE = 0.98;
/** The arm shows in front over this length past the hem, in the arm's half thicknesses at the elbow (a hem is not cut square to the arm). */
const HEM_RAMP = 0.5;
/** A sleeve pixel is one the layer covers at least this much. */
const DRAWN = 0.5;

/**
 * 0 where each arm is inside its new sleeve, rising to 1 past the sleeve's hem.
 * @example const free = armsBelowSleeves([body.leftArm, body.rightArm], layers.sleeves);
 */
export function armsBelowSleeves(arms: Limb[], sleeves: RgbaImage): GrayImage {
  const { width: w, height: h } = sleeves;
  const out = createGray(w, h, 1);
  for (const arm of arms) {
    const reach = Math.max(...arm.radii) * OWN_SLEEVE_REACH;
    const box = armBox(arm.points, reach, w, h);
    const alongs: number[] = [];
    for (let y = box.y0; y <= box.y1; y++) for (let x = box.x0; x <= box.x1; x++) {
      if (sleeves.data[(y * w + x) * 4 + 3] < DRAWN * 255) continue;
      const p = nearestOnArm(arm, x, y);
      // (a pixel of the other arm's sleeve is that arm's, even where this forearm crosses near it)
      if (p.d <= reach && arms.every((other) => other === arm || nearestOnArm(other, x, y).d >= p.d)) alongs.push(p.along);
    }
    if (alongs.length === 0) continue;
    alongs.sort((a, b) => a - b);
    const hem = alongs[Math.min(alongs.length - 1, Math.floor(alongs.length * HEM_QUANTILE))];
    const ramp = Math.max(1, arm.radii[1] * HEM_RAMP);
    for (let y = box.y0; y <= box.y1; y++) for (let x = box.x0; x <= box.x1; x++) {
      const p = nearestOnArm(arm, x, y);
      if (p.d > reach) continue;
      const i = y * w + x;
      out.data[i] = Math.min(out.data[i], smoothstep(hem, hem + ramp, p.along));
    }
  }
  return out;
}

/** The nearest point on the arm's line (shoulder, elbow, wrist): its distance and its length along the arm from the shoulder. */
function nearestOnArm(arm: Limb, x: number, y: number): { d: number; along: number } {
  let best = { d: Infinity, along: 0 }, start = 0;
  for (let s = 0; s + 1 < arm.points.length; s++) {
    const a = arm.points[s], b = arm.points[s + 1];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const { d, t } = segmentDistance(x, y, a, b);
    if (d < best.d) best = { d, along: start + t * len };
    start += len;
  }
  return best;
}

function armBox(points: Point[], reach: number, w: number, h: number): { x0: number; x1: number; y0: number; y1: number } {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  return {
    x0: Math.max(0, Math.floor(Math.min(...xs) - reach)), x1: Math.min(w - 1, Math.ceil(Math.max(...xs) + reach)),
    y0: Math.max(0, Math.floor(Math.min(...ys) - reach)), y1: Math.min(h - 1, Math.ceil(Math.max(...ys) + reach)),
  };
}
