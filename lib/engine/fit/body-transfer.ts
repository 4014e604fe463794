/**
 * Body to body: where each point of the shopper's body is on the model who
 * wears the garment. The torso (and a dress's skirt, a bottom's hips) maps by
 * a thin-plate spline through matching body points: neck, shoulders, the
 * torso's sides, hips, crotch, knees and ankles. Each limb maps joint to joint
 * (shoulder, elbow, wrist; hip, knee, ankle), with its thickness, so a sleeve
 * follows the shopper's arm however the model held theirs.
 */
import type { BodyGeometry } from '../portrait/body-geometry';
import type { Point } from '../shapes';
import type { Pair } from '../tps';
import type { Keypoints } from '../types';
import type { LimbMap } from '../render/limb-warp';
import { lerp } from '../vec';
import { SLEEVE_OUTER_REACH } from '../garment/on-model';

/** One body as the transfer sees it: its keypoints and limb geometry, in its own image's pixels. */
export interface TransferBody {
  keypoints: Keypoints;
  body: BodyGeometry;
}

export interface BodyTransfer {
  /** shopper point → model point, for the torso's spline */
  torso: Pair[];
  /** The shopper's region the spline may cover. */
  box: { x0: number; y0: number; x1: number; y1: number };
  leftArm: LimbMap;
  rightArm: LimbMap;
  leftLeg: LimbMap;
  rightLeg: LimbMap;
}

const pt = (k: { x: number; y: number }): Point => [k.x, k.y];

/** Matching points on a body, built only from its joints and proportions so both bodies get the same list. */
function bodyPoints(b: TransferBody, withLegs: boolean): Point[] {
  const { keypoints: kp, body } = b;
  const ls = pt(kp.left_shoulder), rs = pt(kp.right_shoulder), lh = pt(kp.left_hip), rh = pt(kp.right_hip);
  const up = body.up, span = body.shoulderSpan;
  const lift = (p: Point, k: number): Point => [p[0] + up[0] * span * k, p[1] + up[1] * span * k];
  // the torso's sides: out from the joints, a little beyond them (where clothes hang)
  const out = (p: Point, from: Point, k: number): Point => [p[0] + (p[0] - from[0]) * k, p[1] + (p[1] - from[1]) * k];
  const points: Point[] = [
    body.neckBase, lift(body.neckBase, 0.15), ls, rs, out(ls, rs, 0.2), out(rs, ls, 0.2),
    lh, rh, out(lh, rh, 0.5), out(rh, lh, 0.5), body.hipCenter, body.shoulderCenter,
  ];
  for (const t of [0.35, 0.7]) {
    const l = lerp(ls, lh, t), r = lerp(rs, rh, t);
    points.push(l, r, out(l, r, 0.3), out(r, l, 0.3), lerp(l, r, 0.5));
  }
  if (withLegs) {
    const lk = pt(kp.left_knee), rk = pt(kp.right_knee), la = pt(kp.left_ankle), ra = pt(kp.right_ankle);
    const thigh = Math.hypot(lk[0] - lh[0], lk[1] - lh[1]);
    const crotch: Point = [body.hipCenter[0] - up[0] * thigh * 0.2, body.hipCenter[1] - up[1] * thigh * 0.2];
    points.push(crotch, lk, rk, la, ra, lerp(lk, rk, 0.5), lerp(la, ra, 0.5), out(lk, rk, 0.4), out(rk, lk, 0.4), out(la, ra, 0.5), out(ra, la, 0.5));
  }
  return points;
}

/**
 * @param withLegs bottoms and dresses: the spline reaches down to the ankles.
 * @example const t = bodyTransfer(shopper, model, true);
 */
export function bodyTransfer(shopper: TransferBody, model: TransferBody, withLegs: boolean): BodyTransfer {
  const from = bodyPoints(shopper, withLegs), to = bodyPoints(model, withLegs);
  const torso = from.map((p, i) => ({ from: p, to: to[i] }));
  const span = shopper.body.shoulderSpan;
  const xs = from.map((p) => p[0]), ys = from.map((p) => p[1]);
  const pad = span * 0.6;
  const limb = (a: BodyGeometry['leftArm'], b: BodyGeometry['leftArm'], reach: number): LimbMap => ({ body: a.points, bodyRadii: a.radii, model: b.points, modelRadii: b.radii, reach });
  const s = shopper.body, m = model.body;
  return {
    torso,
    box: { x0: Math.min(...xs) - pad, y0: Math.min(...ys) - pad, x1: Math.max(...xs) + pad, y1: Math.max(...ys) + pad },
    // sleeves and trouser legs are wider than the limbs measured under them
    leftArm: limb(s.leftArm, m.leftArm, SLEEVE_OUTER_REACH + 0.1),
    rightArm: limb(s.rightArm, m.rightArm, SLEEVE_OUTER_REACH + 0.1),
    leftLeg: limb(s.leftLeg, m.leftLeg, 2.2),
    rightLeg: limb(s.rightLeg, m.rightLeg, 2.2),
  };
}

/**
 * The same body in a resized image (`scale` maps old pixels to new ones; lengths scale by `k`).
 * @example const small = scaleTransferBody(model, source.scale, 0.5);
 */
export function scaleTransferBody(b: TransferBody, scale: (p: Point) => Point, k: number): TransferBody {
  const keypoints = Object.fromEntries(Object.entries(b.keypoints).map(([name, p]) => {
    const [x, y] = scale([p.x, p.y]);
    return [name, { x, y, score: p.score }];
  })) as Keypoints;
  const limb = (l: BodyGeometry['leftArm']) => ({ points: l.points.map(scale), radii: l.radii.map((r) => r * k) });
  const g = b.body;
  return {
    keypoints,
    body: {
      ...g,
      leftArm: limb(g.leftArm), rightArm: limb(g.rightArm), leftHand: limb(g.leftHand), rightHand: limb(g.rightHand),
      leftLeg: limb(g.leftLeg), rightLeg: limb(g.rightLeg),
      shoulderSpan: g.shoulderSpan * k,
      shoulderEdges: [scale(g.shoulderEdges[0]), scale(g.shoulderEdges[1])],
      shoulderTops: [scale(g.shoulderTops[0]), scale(g.shoulderTops[1])],
      neckBase: scale(g.neckBase), chin: scale(g.chin), neckRadius: g.neckRadius * k,
      hipCenter: scale(g.hipCenter), shoulderCenter: scale(g.shoulderCenter),
      faceBox: null,
    },
  };
}
