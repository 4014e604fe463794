/**
 * Where the body itself is under the clothes (no parser gives us this): a
 * torso with rounded shoulders from the neck to the hips, the neck, the arms
 * and the legs, inside the person mask. Where an old garment is taken away,
 * pixels in this zone become skin, the rest backdrop.
 */
import type { GrayImage } from '../image';
import { boxBlur, createGray } from '../image';
import { doubleGray } from '../half-size';
import type { BodyGeometry } from '../portrait/body-geometry';
import type { Point } from '../shapes';
import { drawCapsule, polygonMask } from '../shapes';
import { crispEdge } from '../crisp-edge';
import type { Keypoints } from '../types';
import { len, lerp, sub } from '../vec';

/**
 * The blur that rounds the zone's half-size drawing before its edge is made crisp, in shoulder
 * spans: it smooths the shapes' joins and the half-size pixels' steps out of the edge's course
 * (the edge itself is then 1.5 px wide, as a photographed body's outline is: crisp-edge.ts).
 */
const FEATHER = 0.004;
/**
 * Bare legs under clothes that measure as wide as the clothes: at most these shares of the
 * shoulder span at the hip, knee, calf and ankle (a thigh tapers to the knee, the calf swells).
 */
const LEG_CAPS = { hip: 0.22, knee: 0.115, calf: 0.125, ankle: 0.075 };
/**
 * A long sleeve's cuff covers the hand's base: the zone goes on from the wrist over this share
 * of the way to the fingertips (mid-palm; a cuff reaches no farther), so the skin painted under
 * a cleared cuff joins the hand.
 */
const HAND_BASE = 0.4;
/** The palm's breadth against the wrist's (ANSUR II: hand breadth about 8.4 cm, wrist breadth about 6.2 cm). */
const PALM_OF_WRIST = 1.35;
/**
 * How far above the measured shoulder tops the yoke reaches, in shoulder spans: the outline between
 * a top and the neck rises (the trapezius), and the yoke's straight side must not cut under it.
 */
const YOKE_ABOVE_TOPS = 0.05;

/**
 * The body zone at the person mask's size, crisply edged. Drawn at half the
 * resolution and enlarged: it is a smooth guess, and a quarter of the work.
 * @param armRadii each arm's bare half thicknesses (shoulder, elbow, wrist; portrait/bare-arms.ts), left arm first.
 * @example const zone = bodyZone(portrait.body, portrait.keypoints, portrait.personMask, [left, right]);
 */
export function bodyZone(body: BodyGeometry, kp: Keypoints, person: GrayImage, armRadii: number[][]): GrayImage {
  // the half-size map's dimensions, as halveGray makes them
  const w = Math.max(1, person.width >> 1), h = Math.max(1, person.height >> 1);
  const k = w / person.width;
  // body points in the (k times smaller) map's pixels
  const q = (p: Point): Point => [(p[0] + 0.5) * k - 0.5, (p[1] + 0.5) * k - 0.5];
  const span = body.shoulderSpan * k;
  const ls = q([kp.left_shoulder.x, kp.left_shoulder.y]), rs = q([kp.right_shoulder.x, kp.right_shoulder.y]);
  const [sl, sr] = ls[0] < rs[0] ? [ls, rs] : [rs, ls];
  const neckBase = q(body.neckBase);
  const zone = polygonMask(w, h, torsoOutline(body, kp).map(q));
  const yoke = polygonMask(w, h, shoulderYoke(body, armRadii).map(q));
  for (let i = 0; i < w * h; i++) zone.data[i] = Math.max(zone.data[i], yoke.data[i]);
  // the shoulders slope from the neck to their round tops; then the neck and the limbs
  for (const s of [sl, sr]) drawCapsule(zone, [neckBase, s], [span * 0.09, span * 0.11], 1);
  drawCapsule(zone, [q(body.chin), neckBase], [body.neckRadius * k, body.neckRadius * 1.1 * k], 1);
  for (const [limb, hand, radii] of [[body.leftArm, body.leftHand, armRadii[0]], [body.rightArm, body.rightHand, armRadii[1]]] as const) {
    drawCapsule(zone, limb.points.map(q), radii.map((x) => x * k), 1);
    const [wrist, tips] = hand.points;
    const palm: Point = [wrist[0] + (tips[0] - wrist[0]) * HAND_BASE, wrist[1] + (tips[1] - wrist[1]) * HAND_BASE];
    drawCapsule(zone, [q(wrist), q(palm)], [radii[2] * k, radii[2] * PALM_OF_WRIST * k], 1);
  }
  for (const leg of [body.leftLeg, body.rightLeg]) {
    const [hip, knee, ankle] = leg.points.map(q);
    const calf: Point = [knee[0] + (ankle[0] - knee[0]) * 0.3, knee[1] + (ankle[1] - knee[1]) * 0.3];
    const r = (i: number, cap: number) => Math.min(leg.radii[i] * k, span * cap);
    drawCapsule(zone, [hip, knee, calf, ankle], [r(0, LEG_CAPS.hip), r(1, LEG_CAPS.knee), Math.min(leg.radii[1] * k, span * LEG_CAPS.calf), r(2, LEG_CAPS.ankle)], 1);
  }
  // crisp edges, its own and the person's outline it is cut to: a ramp some ten pixels wide
  // (the enlarged drawing's, the person mask's) painted skin half backdrop there, a haze
  const out = crispEdge(doubleGray(boxBlur(zone, Math.max(1, Math.round(span * FEATHER))), person.width, person.height));
  const outline = crispEdge(person);
  for (let i = 0; i < out.data.length; i++) out.data[i] *= outline.data[i];
  return out;
}

/**
 * The shoulders' yoke, from the shoulder joints' line up to the outline and in to the neck at
 * the chin's height: clothes lie on the shoulders, so there the person's outline is the body's,
 * and an old top taken away above a new one's shoulder seam uncovers shoulder, not backdrop.
 * Outwards it ends at the bare shoulder's round (the joint plus the arm's bare half thickness
 * there): the person's outline past it along the shoulder line is the old sleeve's, not the body's.
 * (The zone is cut to the person mask afterwards; above the outline the yoke is nothing.)
 * @param armRadii each arm's bare half thicknesses (shoulder first), left arm first.
 * @example const yoke = polygonMask(w, h, shoulderYoke(portrait.body, [left, right]));
 */
export function shoulderYoke(body: BodyGeometry, armRadii: number[][]): Point[] {
  const span = body.shoulderSpan, up = body.up;
  const across: Point = [-up[1], up[0]];
  const raise = (p: Point): Point => [p[0] + up[0] * span * YOKE_ABOVE_TOPS, p[1] + up[1] * span * YOKE_ABOVE_TOPS];
  const [topL, topR] = [...body.shoulderTops].sort((a, b) => a[0] - b[0]).map(raise);
  const [edgeL, edgeR] = body.shoulderEdges.map((e) => bareShoulderEdge(body, armRadii, e));
  const r = body.neckRadius;
  const [neckL, neckR] = ([[body.chin[0] - across[0] * r, body.chin[1] - across[1] * r], [body.chin[0] + across[0] * r, body.chin[1] + across[1] * r]] as Point[]).sort((a, b) => a[0] - b[0]);
  return [edgeL, topL, neckL, neckR, topR, edgeR];
}

/** A shoulder's edge brought in to no farther from its joint than the bare arm's half thickness at the shoulder. */
function bareShoulderEdge(body: BodyGeometry, armRadii: number[][], edge: Point): Point {
  const joints = [body.leftArm.points[0], body.rightArm.points[0]];
  const k = len(sub(edge, joints[0])) <= len(sub(edge, joints[1])) ? 0 : 1;
  const d = len(sub(edge, joints[k])), r = armRadii[k][0];
  return d <= r ? edge : lerp(joints[k], edge, r / d);
}

/**
 * A typical torso's outline from the neck to below the hips (the chest about as wide as the
 * shoulder joints, the hips about 1.8 hip-joint spans), in the photo's pixels.
 * @example const outline = torsoOutline(portrait.body, portrait.keypoints); // polygon points
 */
export function torsoOutline(body: BodyGeometry, kp: Keypoints): Point[] {
  const span = body.shoulderSpan, up = body.up;
  const across: Point = [-up[1], up[0]];
  const at = (p: Point, a: number, u: number): Point => [p[0] + across[0] * a + up[0] * u, p[1] + across[1] * a + up[1] * u];
  const ls: Point = [kp.left_shoulder.x, kp.left_shoulder.y], rs: Point = [kp.right_shoulder.x, kp.right_shoulder.y];
  const [sl, sr] = ls[0] < rs[0] ? [ls, rs] : [rs, ls];
  const lh: Point = [kp.left_hip.x, kp.left_hip.y], rh: Point = [kp.right_hip.x, kp.right_hip.y];
  const [hl, hr] = lh[0] < rh[0] ? [lh, rh] : [rh, lh];
  const hipSpan = Math.hypot(lh[0] - rh[0], lh[1] - rh[1]);
  const torso = Math.hypot(body.shoulderCenter[0] - body.hipCenter[0], body.shoulderCenter[1] - body.hipCenter[1]);
  return [
    at(body.neckBase, 0, span * 0.02), at(sr, -span * 0.02, -span * 0.06),
    at(sr, -span * 0.02, -torso * 0.35), at(hr, hipSpan * 0.45, torso * 0.2), at(hr, hipSpan * 0.4, -torso * 0.1),
    at(hl, -hipSpan * 0.4, -torso * 0.1), at(hl, -hipSpan * 0.45, torso * 0.2), at(sl, span * 0.02, -torso * 0.35),
    at(sl, span * 0.02, -span * 0.06),
  ];
}

/**
 * The arms from a little below the shoulder down to the wrist: what stays in
 * front of the garment's body when the arms hang beside or cross it.
 * @example const front = armsInFront(portrait.body, 768, 1024);
 */
export function armsInFront(body: BodyGeometry, width: number, height: number): GrayImage {
  const out = createGray(width, height);
  for (const arm of [body.leftArm, body.rightArm]) {
    const [s, e, wr] = arm.points;
    const t = 0.35;
    const start: Point = [s[0] + (e[0] - s[0]) * t, s[1] + (e[1] - s[1]) * t];
    const r0 = arm.radii[0] + (arm.radii[1] - arm.radii[0]) * t;
    drawCapsule(out, [start, e, wr], [r0, arm.radii[1], arm.radii[2]]);
  }
  return out;
}
