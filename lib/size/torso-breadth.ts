/**
 * How wide the torso is, in photo pixels, at a given row, with the arms and hands
 * left out. Arms hanging down touch the torso, so the person mask alone would
 * measure arms and body together; the engine's arm capsules are drawn generously
 * (for rendering) and would cut into the body. Instead, each arm is taken to be
 * symmetric about its pose axis: its outer edge (against the backdrop, which the
 * mask sees well) mirrored across the axis gives its inner edge, where the torso
 * ends. The axis comes from the elbow and wrist points, which jitter by a few
 * pixels between runs, so that edge is averaged with a second one that does not
 * use the axis's position: the outer edge less the arm's thickness (the body
 * geometry's limb radii, measured and bounded by typical proportions).
 */
import type { PortraitAnalysis } from '../engine/analysis';
import type { Limb } from '../engine/portrait/body-geometry';
import { segmentDistance } from '../engine/shapes';

export interface TorsoRow {
  y: number;
  /** Torso edges at this row (image left first) and their distance, in pixels. */
  left: number;
  right: number;
  width: number;
}

const MASK_ON = 0.5;

/** x and radius of a limb at height y (on the segment that spans y), or null when none spans it. */
function limbAt(limb: Limb, y: number): { x: number; radius: number } | null {
  const { points, radii } = limb;
  for (let i = 0; i + 1 < points.length; i++) {
    const [x0, y0] = points[i], [x1, y1] = points[i + 1];
    if ((y - y0) * (y - y1) > 0 || Math.abs(y1 - y0) < 1e-6) continue;
    const t = (y - y0) / (y1 - y0);
    return { x: x0 + (x1 - x0) * t, radius: radii[i] + (radii[i + 1] - radii[i]) * t };
  }
  return null;
}

/**
 * The torso's run at row `y`: from the body's centre line outwards until the
 * person mask ends, a hand begins, or the mirrored inner edge of an arm is reached.
 * Null when the centre itself is not on the person (between the legs, off the frame).
 *
 * @example
 * const row = torsoRowAt(analysis, 480); // → { y: 480, left: 301, right: 472, width: 171 }
 */
export function torsoRowAt(analysis: PortraitAnalysis, y: number): TorsoRow | null {
  const { personMask: mask, body, regions } = analysis;
  const { width: w, height: h, data } = mask;
  const row = Math.round(y);
  if (row < 0 || row >= h) return null;
  const [sx, sy] = body.shoulderCenter, [hx, hy] = body.hipCenter;
  const cx = Math.round(Math.abs(hy - sy) < 1 ? sx : sx + ((hx - sx) * (row - sy)) / (hy - sy));
  // hands as the pose outlines them (a palm's width round its line, where skin): a hand
  // beside the hips ends the torso's run, fingers over the hips' outline do not
  const hand = (x: number) => [body.leftHand, body.rightHand].some((hd) => {
    const { d, t } = segmentDistance(x, row, hd.points[0], hd.points[1]);
    return d <= hd.radii[0] + (hd.radii[1] - hd.radii[0]) * t && regions.skin.data[row * w + x] >= MASK_ON;
  });
  const on = (x: number) => x >= 0 && x < w && data[row * w + x] >= MASK_ON && !hand(x);
  if (!on(cx)) return null;
  const limit = body.shoulderSpan * 1.5;

  // Where each arm's inner edge is on this row, as a bound for the torso's run.
  const bounds = { lo: -Infinity, hi: Infinity };
  // (the pose's own arm axes: the body geometry's are moved onto the arms' outer outline for drawing)
  const kp = analysis.keypoints;
  const poseArm = (limb: Limb, side: 'left' | 'right'): Limb => ({
    points: [[kp[`${side}_shoulder`].x, kp[`${side}_shoulder`].y], [kp[`${side}_elbow`].x, kp[`${side}_elbow`].y], [kp[`${side}_wrist`].x, kp[`${side}_wrist`].y]],
    radii: limb.radii,
  });
  for (const arm of [poseArm(body.leftArm, 'left'), poseArm(body.rightArm, 'right')]) {
    const at = limbAt(arm, row);
    if (!at) continue;
    const ax = at.x;
    // Off the mask at the axis itself: the arm is away from the body, the mask's gap bounds the torso.
    if (!on(Math.round(ax))) continue;
    const outward = ax < cx ? -1 : 1;
    let r = 0;
    while (r < limit && on(Math.round(ax + outward * (r + 1)))) r++;
    const mirrored = ax - outward * r;
    const byThickness = ax + outward * (r - 2 * at.radius);
    const inner = (mirrored + byThickness) / 2;
    if (outward < 0) bounds.lo = Math.max(bounds.lo, inner);
    else bounds.hi = Math.min(bounds.hi, inner);
  }
  let l = cx, r = cx;
  while (l - 1 >= 0 && cx - l < limit && l - 1 > bounds.lo && on(l - 1)) l--;
  while (r + 1 < w && r - cx < limit && r + 1 < bounds.hi && on(r + 1)) r++;
  return { y: row, left: l, right: r, width: r - l + 1 };
}

/**
 * Torso rows between two heights, every `step` pixels (rows off the person are left out).
 *
 * @example
 * torsoRows(analysis, 400, 600, 2).map((r) => r.width)
 */
export function torsoRows(analysis: PortraitAnalysis, fromY: number, toY: number, step = 1): TorsoRow[] {
  if (!(step > 0)) throw new RangeError(`Expected step > 0 pixels but received ${step}`);
  const rows: TorsoRow[] = [];
  for (let y = Math.min(fromY, toY); y <= Math.max(fromY, toY); y += step) {
    const r = torsoRowAt(analysis, y);
    if (r) rows.push(r);
  }
  return rows;
}
