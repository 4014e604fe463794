/**
 * The body's shape from pose keypoints and the person mask: limb axes with
 * their thickness, the torso outline, the neck, the face box. All in photo pixels.
 */
import type { GrayImage } from '../image';
import { sampleGray } from '../image';
import type { Point } from '../shapes';
import type { Box, Keypoint, Keypoints } from '../types';

/** Where a shoulder's top is read, from its joint (0) to its outer edge (1): over the deltoid, clear of the neck. */
export const SHOULDER_TOP_AT = 0.6;
/** How far above the joint a shoulder's top can be, in shoulder spans (farther: hair over it, or a raised arm). */
const SHOULDER_TOP_REACH = 0.3;
/** A shoulder's top over its joint where the outline cannot tell, in shoulder spans (the joint lies about a deltoid's radius down). */
const TYPICAL_SHOULDER_TOP = 0.12;
/** The notch between the collarbones, below the line joining the shoulders' tops, in shoulder spans. */
const NOTCH_BELOW_TOPS = 0.04;
/** A limb's half thickness at a joint outside the photo, as a share of its cap (measured joints mostly come near it). */
const UNSEEN_JOINT = 0.85;

export interface Limb {
  /** Joints along the limb, e.g. shoulder, elbow, wrist. */
  points: Point[];
  /** Half thickness at each joint. */
  radii: number[];
}

export interface BodyGeometry {
  /** The person's left and right arm (shoulder, elbow, wrist), and hands (wrist to fingertips). */
  leftArm: Limb;
  rightArm: Limb;
  leftHand: Limb;
  rightHand: Limb;
  leftLeg: Limb;
  rightLeg: Limb;
  /** Shoulder joints distance, the body's yardstick. */
  shoulderSpan: number;
  /** Outer edges of the shoulders at the shoulder joints' height (image left first). */
  shoulderEdges: [Point, Point];
  /** The tops of the person's left and right shoulder, on the outline above the shoulder's outer part. */
  shoulderTops: [Point, Point];
  /** Base of the neck (between the collarbones) and the chin. */
  neckBase: Point;
  chin: Point;
  neckRadius: number;
  /** Unit vector from the hips' centre towards the shoulders' centre. */
  up: Point;
  hipCenter: Point;
  shoulderCenter: Point;
  faceBox: Box | null;
}

const pt = (k: Keypoint): Point => [k.x, k.y];
const mid = (a: Point, b: Point): Point => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * Half the width of the mask across direction `dir` at point p: walks both ways
 * until the mask drops below 0.5, up to `max` each way.
 */
export function halfWidthAcross(mask: GrayImage, p: Point, dir: Point, max: number): number {
  const len = Math.hypot(dir[0], dir[1]) || 1;
  const nx = -dir[1] / len, ny = dir[0] / len;
  return (stepsToOutline(mask, p, [nx, ny], max) + stepsToOutline(mask, p, [-nx, -ny], max)) / 2;
}

/**
 * @example const body = bodyGeometry(keypoints, personMask);
 */
export function bodyGeometry(kp: Keypoints, person: GrayImage): BodyGeometry {
  const ls = pt(kp.left_shoulder), rs = pt(kp.right_shoulder);
  const lh = pt(kp.left_hip), rh = pt(kp.right_hip);
  const shoulderCenter = mid(ls, rs), hipCenter = mid(lh, rh);
  const span = Math.max(dist(ls, rs), 1);
  const torsoLen = Math.max(dist(shoulderCenter, hipCenter), span * 0.5);
  const up: Point = [(shoulderCenter[0] - hipCenter[0]) / torsoLen, (shoulderCenter[1] - hipCenter[1]) / torsoLen];

  // Limb thickness measured on the mask, capped by typical proportions of the shoulder span
  // (a limb resting against the body would otherwise measure as wide as the torso).
  const limb = (joints: Point[], caps: number[]): Limb => {
    const radii = joints.map((j, i) => {
      // a joint the frame cuts off (a thigh-up portrait's knees) is as thick as a typical one
      if (j[0] < 0 || j[1] < 0 || j[0] > person.width - 1 || j[1] > person.height - 1) return caps[i] * UNSEEN_JOINT;
      const a = joints[Math.max(0, i - 1)], b = joints[Math.min(joints.length - 1, i + 1)];
      const measured = halfWidthAcross(person, j, [b[0] - a[0], b[1] - a[1]], caps[i] * 1.5);
      return Math.min(Math.max(measured, caps[i] * 0.5), caps[i]);
    });
    return { points: joints, radii };
  };
  const armCaps = [0.16 * span, 0.11 * span, 0.085 * span];
  const outward = (p: Point) => {
    // unit normal of the torso's axis through p, pointing away from it
    const ax = (p[0] - shoulderCenter[0]) * up[1] - (p[1] - shoulderCenter[1]) * up[0];
    return (ax >= 0 ? [up[1], -up[0]] : [-up[1], up[0]]) as Point;
  };
  const leftArm = centreUpperArm(limb([ls, pt(kp.left_elbow), pt(kp.left_wrist)], armCaps), person, outward);
  const rightArm = centreUpperArm(limb([rs, pt(kp.right_elbow), pt(kp.right_wrist)], armCaps), person, outward);
  const hand = (wrist: Keypoint, index: Keypoint, pinky: Keypoint, thumb: Keypoint): Limb => {
    const tip = mid(pt(index), pt(pinky));
    const w = pt(wrist);
    // fingertips lie about twice as far from the wrist as the index/pinky knuckle points
    const end: Point = [w[0] + (tip[0] - w[0]) * 1.9, w[1] + (tip[1] - w[1]) * 1.9];
    const r = Math.max(dist(pt(index), pt(pinky)) * 0.75, dist(w, pt(thumb)) * 0.6, span * 0.06);
    return { points: [w, end], radii: [r * 0.8, r] };
  };
  const leftHand = hand(kp.left_wrist, kp.left_index, kp.left_pinky, kp.left_thumb);
  const rightHand = hand(kp.right_wrist, kp.right_index, kp.right_pinky, kp.right_thumb);
  const legCaps = [0.3 * span, 0.17 * span, 0.12 * span];
  const leftLeg = limb([lh, pt(kp.left_knee), pt(kp.left_ankle)], legCaps);
  const rightLeg = limb([rh, pt(kp.right_knee), pt(kp.right_ankle)], legCaps);

  // Shoulder edges: walk outward from each shoulder joint along the shoulder line to the mask's edge.
  const across: Point = [(ls[0] - rs[0]) / span, (ls[1] - rs[1]) / span];
  const edgeFrom = (p: Point, s: number): Point => {
    const t = Math.max(stepsToOutline(person, p, [s * across[0], s * across[1]], span * 0.35), span * 0.08);
    return [p[0] + s * across[0] * t, p[1] + s * across[1] * t];
  };
  const le = edgeFrom(ls, 1), re = edgeFrom(rs, -1);
  const shoulderEdges: [Point, Point] = le[0] < re[0] ? [le, re] : [re, le];

  const face = faceBoxFromKeypoints(kp, person.width, person.height);
  const mouth = mid(pt(kp.mouth_left), pt(kp.mouth_right));
  const eyes = mid(pt(kp.left_eye), pt(kp.right_eye));
  const eyeMouth = Math.max(dist(eyes, mouth), span * 0.08);
  const chin: Point = [mouth[0] + (mouth[0] - eyes[0]) * 0.6, mouth[1] + (eyeMouth) * 0.6];
  // The shoulders' tops: up from each shoulder's outer part to the outline. The notch between
  // the collarbones sits a little below the line joining them (where the outline says nothing,
  // a hair's fall over the shoulders, a typical height over the joints).
  const topOf = (joint: Point, edge: Point): Point => {
    const p = [joint[0] + (edge[0] - joint[0]) * SHOULDER_TOP_AT, joint[1] + (edge[1] - joint[1]) * SHOULDER_TOP_AT] as Point;
    const max = span * SHOULDER_TOP_REACH;
    const t = stepsToOutline(person, p, up, max);
    const d = t >= max ? span * TYPICAL_SHOULDER_TOP : t;
    return [p[0] + up[0] * d, p[1] + up[1] * d];
  };
  const shoulderTops: [Point, Point] = [topOf(ls, le), topOf(rs, re)];
  const topLift = ((shoulderTops[0][0] - ls[0]) * up[0] + (shoulderTops[0][1] - ls[1]) * up[1] + (shoulderTops[1][0] - rs[0]) * up[0] + (shoulderTops[1][1] - rs[1]) * up[1]) / 2;
  const notch = topLift - span * NOTCH_BELOW_TOPS;
  const neckBase: Point = [shoulderCenter[0] + up[0] * notch, shoulderCenter[1] + up[1] * notch];
  const neckRadius = Math.min(halfWidthAcross(person, mid(neckBase, chin), [chin[0] - neckBase[0], chin[1] - neckBase[1]], span * 0.3), span * 0.2);

  return { leftArm, rightArm, leftHand, rightHand, leftLeg, rightLeg, shoulderSpan: span, shoulderEdges, shoulderTops, neckBase, chin, neckRadius: Math.max(neckRadius, span * 0.1), up, hipCenter, shoulderCenter, faceBox: face };
}

/**
 * Whole pixel steps from `from` along the unit direction `dir` while the mask is at least half
 * set: the distance to its outline that way, `max` (or the first step past it) when none is met.
 * @example const t = stepsToOutline(personMask, shoulderTop, body.up, span * 0.1); // 7
 */
export function stepsToOutline(mask: GrayImage, from: Point, dir: Point, max: number): number {
  let t = 0;
  while (t < max && sampleGray(mask, from[0] + dir[0] * t, from[1] + dir[1] * t) >= 0.5) t += 1;
  return t;
}

/**
 * The most the upper arm's line is moved onto the arm's silhouette, in its half thicknesses:
 * a joint keypoint lies inside the limb, so never farther than that from the limb's middle.
 */
const MAX_ARM_SHIFT = 1;

/**
 * The pose puts the shoulder joint at the humeral head, well inside the shoulder's outline,
 * and an upper arm hanging against the torso has only its outer edge to show where it is: the
 * upper arm's line is moved outwards (shoulder and elbow alike) until, halfway down, it lies its
 * half thickness in from that edge. Sleeves and painted skin follow the arm as the photo shows it.
 */
function centreUpperArm(arm: Limb, person: GrayImage, outward: (p: Point) => Point): Limb {
  const [s, e, w] = arm.points;
  const m = mid(s, e);
  const n = outward(m);
  const r = (arm.radii[0] + arm.radii[1]) / 2;
  const max = r * 3;
  const t = stepsToOutline(person, m, n, max);
  if (t >= max) return arm; // the arm lies over the body (crossed): its edge says nothing
  const shift = Math.max(0, Math.min(r * MAX_ARM_SHIFT, t - r));
  const move = (p: Point): Point => [p[0] + n[0] * shift, p[1] + n[1] * shift];
  return { points: [move(s), move(e), w], radii: arm.radii };
}

/**
 * Distance from the torso's axis (the line through the shoulders' and hips' centres):
 * of two points across a limb, the farther one is on its outer side.
 * @example const outer = fromTorsoAxis(body); outer(x, y) > outer(bone[0], bone[1]); // (x, y) is outside the arm
 */
export function fromTorsoAxis(body: BodyGeometry): (x: number, y: number) => number {
  const [ax, ay] = body.shoulderCenter;
  const length = Math.max(1e-6, Math.hypot(body.hipCenter[0] - ax, body.hipCenter[1] - ay));
  const ux = (body.hipCenter[0] - ax) / length, uy = (body.hipCenter[1] - ay) / length;
  return (x, y) => Math.abs((x - ax) * uy - (y - ay) * ux);
}

/**
 * The face box from the face keypoints (eyes, mouth, ears), clipped to the
 * photo; null when the face is outside it.
 * Proportions: eye-to-mouth distance is about 0.36 of the face's height,
 * the eyes sit at 0.42 of it from the top, and the face is about 2.3 eye distances wide.
 */
export function faceBoxFromKeypoints(kp: Keypoints, width: number, height: number): Box | null {
  const eyes = mid(pt(kp.left_eye), pt(kp.right_eye));
  const mouth = mid(pt(kp.mouth_left), pt(kp.mouth_right));
  const e = Math.max(dist(eyes, mouth), 1);
  const faceH = e / 0.36;
  const eyeDist = dist(pt(kp.left_eye), pt(kp.right_eye));
  const earDist = dist(pt(kp.left_ear), pt(kp.right_ear));
  const faceW = Math.max(earDist * 1.1, eyeDist * 2.3, faceH * 0.6);
  const cx = (eyes[0] + mouth[0]) / 2;
  const top = eyes[1] - 0.42 * faceH;
  let x0 = cx - faceW / 2, y0 = top, x1 = cx + faceW / 2, y1 = top + faceH;
  x0 = Math.max(0, x0); y0 = Math.max(0, y0); x1 = Math.min(width, x1); y1 = Math.min(height, y1);
  if (x1 - x0 < faceW * 0.3 || y1 - y0 < faceH * 0.3) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
