/**
 * Where a bottom's landmarks go on this body. The hips (waistband to crotch)
 * are placed by a thin-plate spline from body to garment; each trouser leg
 * follows its own leg, hip to knee to ankle, as a sleeve follows an arm, so
 * the two legs can never merge or split apart. A skirt is one spline from the
 * waist to its hem.
 *
 * Like tops, flat photos are not to the body's scale: the width is the body's
 * hips plus ease (or the garment's own where wider), the rise and the length
 * the garment's own proportions read against the body (ankle-length trousers
 * end at the ankles on any body, shorts at mid-thigh).
 *
 * Garment coordinates are in the garment image as it will be sampled; body
 * coordinates are portrait pixels.
 */
import type { GrayImage } from '../image';
import { sampleGray } from '../image';
import type { BodyGeometry } from '../portrait/body-geometry';
import type { Point } from '../shapes';
import type { Pair } from '../tps';
import type { Keypoints } from '../types';
import type { LowerKind, LowerLandmarks } from '../garment/lower-shape';
import type { FitOptions, SleeveFit } from './upper-fit';
import { FLAT_TO_FRONT } from './upper-fit';
import { torsoSpanAt } from './torso-width';
import { add, sub, len, lerp, mid, clamp } from '../vec';

export interface LowerFit {
  kind: LowerKind;
  /** body point → garment point, for the hips (trousers) or the whole skirt */
  hips: Pair[];
  /** The body region the spline may cover. */
  box: { x0: number; y0: number; x1: number; y1: number };
  /** Each trouser leg along its leg (null for skirts). */
  leftLeg: SleeveFit | null;
  rightLeg: SleeveFit | null;
  /** The waistband's top at the body's middle, and where the hem lands (photo y). */
  waistY: number;
  hemY: number;
}

// Tunable values. Unless a source is given they were set by eye (no measurement behind them is recorded).

/** Waist-to-hem length of flat ankle-length trousers, in hip widths (median of our 8 samples: 2.4 to 3.3). */
const FULL_LENGTH_RATIO = 2.45;
/** How far below the hip joints the crotch lies, as a share of the thigh (hip joint to knee). */
const CROTCH_DEPTH = 0.2;
/** How far below the hip joints a skirt's hip line (a fifth of the way down the skirt) lies, as a share of the thigh. */
const SKIRT_HIP_DEPTH = 0.05;
/** A trouser leg hangs round the leg: its flat width is wider than the leg seen from the front. */
const LEG_FRONT = 0.92;
/** The torso's length (shoulders' to hips' centre) is taken as at least this many shoulder spans: a torso seen short (bent, foreshortened) still leaves the waist room. */
const MIN_TORSO = 0.8;
/** The body's hip width lies within these multiples of the hip joints' distance and of the shoulder span (old wide clothes widen the person mask). */
const HIPS_TO_JOINTS_MIN = 1.55, HIPS_TO_JOINTS_MAX = 2.1;
const HIPS_TO_SHOULDERS_MIN = 0.9, HIPS_TO_SHOULDERS_MAX = 1.1;
/** Each hip's half width is at least this share of the garment's mean half width at the hips (a crotch read off the middle). */
const MIN_HIP_SIDE = 0.8;
/** The person's outline widens the hips to at most this many times the garment's own half width; it is looked for this far out. */
const OUTLINE_MAX = 1.25, OUTLINE_SEARCH = 1.3;
/** The waistband sits between these shares of the torso above the hip joints. */
const MIN_WAIST_HEIGHT = 0.02, MAX_WAIST_HEIGHT = 0.5;
/** The garment's length, as a share of the body's waist to ankle, stays within these (the upper a little past the ankles). */
const MIN_LENGTH = 0.15, MAX_LENGTH = 1.08;
/** A hem lands at least this share of the thigh below the hip line. */
const MIN_HEM_DROP = 0.12;
/** A trouser hem is at least this many times as wide as the leg where it ends. */
const HEM_ROUND_LEG = 1.08;
/** A leg's paths run on past the hem by this many of its larger half width (see trouserLeg). */
const RUN_ON = 1.4;
/** A skirt's hem reaches at least this many leg radii past each leg's middle. */
const SKIRT_ROUND_LEG = 1.1;
/** The spline's box reaches this many shoulder spans past its body points. */
const BOX_PAD = 0.12;

/** Length of a polyline. @example pathLength([[0, 0], [3, 4], [3, 10]]) // 11 */
export function pathLength(path: Point[]): number {
  let s = 0;
  for (let k = 0; k + 1 < path.length; k++) s += len(sub(path[k + 1], path[k]));
  return s;
}

/**
 * The point at arc length `d` along a polyline, continuing straight past its end.
 * @example pointAlong([[0, 0], [0, 10], [5, 10]], 12) // [2, 10]
 */
export function pointAlong(path: Point[], d: number): { point: Point; path: Point[] } {
  const out: Point[] = [path[0]];
  let left = Math.max(0, d);
  for (let k = 0; k + 1 < path.length; k++) {
    const seg = len(sub(path[k + 1], path[k]));
    const last = k + 2 === path.length;
    if (left <= seg || last) {
      const p = lerp(path[k], path[k + 1], seg > 0 ? left / seg : 0);
      out.push(p);
      return { point: p, path: out };
    }
    out.push(path[k + 1]);
    left -= seg;
  }
  return { point: path[0], path: [path[0], path[0]] };
}

/** How far from `from` the mask stays on (arms left out), walking along `dir` (sign `s`), up to `max`. */
function edgeDistance(mask: GrayImage, arms: GrayImage, from: Point, dir: Point, s: number, max: number): number {
  let t = 0;
  const on = (x: number, y: number) => sampleGray(mask, x, y) >= 0.5 && sampleGray(arms, x, y) < 0.5;
  while (t < max && on(from[0] + dir[0] * s * t, from[1] + dir[1] * s * t)) t += 1;
  return t;
}

/**
 * How many body pixels one garment pixel spans across the hips, seen from the front.
 * @example const h = hipScale(portrait.body, portrait.keypoints, mask, arms, landmarks, 0.06);
 */
export function hipScale(body: BodyGeometry, kp: Keypoints, person: GrayImage, arms: GrayImage, g: LowerLandmarks, ease: number): number {
  return (bodyHipWidth(body, kp, person, arms) * (1 + ease)) / Math.max(1, Math.abs(g.left_hip[0] - g.right_hip[0]));
}

/** The hips' width at the hip joints, from the person mask, within typical proportions of the joints' distance (old wide clothes widen the mask). */
function bodyHipWidth(body: BodyGeometry, kp: Keypoints, person: GrayImage, arms: GrayImage): number {
  const hipSpan = Math.max(1, Math.hypot(kp.left_hip.x - kp.right_hip.x, kp.left_hip.y - kp.right_hip.y));
  const t = torsoSpanAt(person, arms, body, body.hipCenter[1]);
  return clamp(t.right - t.left, Math.max(hipSpan * HIPS_TO_JOINTS_MIN, body.shoulderSpan * HIPS_TO_SHOULDERS_MIN), Math.max(hipSpan * HIPS_TO_JOINTS_MAX, body.shoulderSpan * HIPS_TO_SHOULDERS_MAX));
}

type Side = 'left' | 'right';

/** What every step of the fit reads: the body, the garment, which way the wearer faces and the garment's scale on them. */
interface LowerFrame {
  body: BodyGeometry;
  kp: Keypoints;
  person: GrayImage;
  arms: GrayImage;
  g: LowerLandmarks;
  opts: FitOptions;
  /** Towards the image's right when upright. */
  across: Point;
  /** The wearer's left is on the image's right when they face the camera. */
  facing: boolean;
  /** Body pixels per garment pixel across the hips (hipScale). */
  h: number;
  /** Hip joint to knee, the mean of both legs. */
  thigh: number;
  /** Where the garment's hip line goes: trousers part at the crotch, a little below the hip joints; a skirt's hip line sits near the joints. */
  hipLine: Point;
}

/** A pair of body points, wearer's left and right. */
interface SidePoints {
  left: Point;
  right: Point;
}

/**
 * @example const fit = fitLower(portrait.body, portrait.keypoints, mask, arms, 'trousers', landmarks, { ease: 0.06, lengthScale: 1 });
 */
export function fitLower(body: BodyGeometry, kp: Keypoints, person: GrayImage, arms: GrayImage, kind: LowerKind, g: LowerLandmarks, opts: FitOptions): LowerFit {
  const down: Point = [-body.up[0], -body.up[1]];
  const thigh = (len(sub(knee(kp, 'left'), joint(kp, 'left'))) + len(sub(knee(kp, 'right'), joint(kp, 'right')))) / 2;
  const f: LowerFrame = {
    body, kp, person, arms, g, opts, thigh,
    across: [-body.up[1], body.up[0]],
    facing: kp.left_hip.x >= kp.right_hip.x,
    h: hipScale(body, kp, person, arms, g, opts.ease),
    hipLine: add(body.hipCenter, down, thigh * (kind === 'trousers' ? CROTCH_DEPTH : SKIRT_HIP_DEPTH)),
  };
  const hips = hipPoints(f);
  const waist = waistPoints(f);
  const hemFromHips = hemDistance(f, waist.centre, hips);
  const { hipLine } = f;
  const pairs: Pair[] = [
    { from: waist.left, to: g.left_waist },
    { from: waist.right, to: g.right_waist },
    { from: waist.centre, to: waist.gCentre },
    { from: hips.left, to: g.left_hip },
    { from: hips.right, to: g.right_hip },
    { from: hipLine, to: g.crotch },
  ];

  let leftLeg: SleeveFit | null = null, rightLeg: SleeveFit | null = null;
  let hemY = hipLine[1];
  if (kind === 'trousers') {
    const left = trouserLeg(f, 'left', hips.left, hemFromHips), right = trouserLeg(f, 'right', hips.right, hemFromHips);
    leftLeg = left.fit;
    rightLeg = right.fit;
    hemY = Math.max(hemY, left.hemY, right.hemY);
  } else {
    const skirt = skirtHem(f, hips, hemFromHips);
    pairs.push(...skirt.pairs);
    hemY = skirt.hemY;
  }

  const xs = pairs.map((p) => p.from[0]), ys = pairs.map((p) => p.from[1]);
  const pad = body.shoulderSpan * BOX_PAD;
  return {
    kind,
    hips: pairs,
    box: { x0: Math.min(...xs) - pad, y0: Math.min(...ys) - pad, x1: Math.max(...xs) + pad, y1: Math.max(...ys) + pad },
    leftLeg,
    rightLeg,
    waistY: waist.centre[1],
    hemY,
  };
}

function joint(kp: Keypoints, side: Side): Point {
  return [kp[`${side}_hip`].x, kp[`${side}_hip`].y];
}

function knee(kp: Keypoints, side: Side): Point {
  return [kp[`${side}_knee`].x, kp[`${side}_knee`].y];
}

function ankle(kp: Keypoints, side: Side): Point {
  return [kp[`${side}_ankle`].x, kp[`${side}_ankle`].y];
}

/** +1 when the wearer's `side` is on the image's right. */
function imgSide(f: LowerFrame, side: Side): number {
  return (side === 'left') === f.facing ? 1 : -1;
}

/** The point on the line across the body through `base` as far to `side` as garment x `gx` is from the crotch, at least `minHalf` out. */
function onLine(f: LowerFrame, base: Point, gx: number, side: Side, minHalf = 0): Point {
  return add(base, f.across, imgSide(f, side) * Math.max(Math.abs(gx - f.g.crotch[0]) * f.h, minHalf));
}

/** A leg from `root` down through its knee to its ankle. */
function legPath(f: LowerFrame, side: Side, root: Point): Point[] {
  return [root, knee(f.kp, side), ankle(f.kp, side)];
}

/**
 * The hips' sides on the hip line: the garment's own at its scale, at least as wide as
 * the person's outline there (a slim old dress or trousers hug the hips), unless that is
 * far wider than the garment (a full skirt worn): then the rest is cleared.
 */
function hipPoints(f: LowerFrame): SidePoints {
  const { g, h, hipLine } = f;
  const bodyHipHalf = (Math.abs(g.left_hip[0] - g.right_hip[0]) * h) / 2;
  const outlineAt = (side: Side, own: number) => Math.min(own * OUTLINE_MAX, edgeDistance(f.person, f.arms, hipLine, f.across, imgSide(f, side), own * OUTLINE_SEARCH));
  const hipHalf = (side: Side) => {
    const own = Math.max(Math.abs((side === 'left' ? g.left_hip[0] : g.right_hip[0]) - g.crotch[0]) * h, bodyHipHalf * MIN_HIP_SIDE);
    return Math.max(own, outlineAt(side, own));
  };
  return { left: add(hipLine, f.across, imgSide(f, 'left') * hipHalf('left')), right: add(hipLine, f.across, imgSide(f, 'right') * hipHalf('right')) };
}

/**
 * Waist: the garment's own rise above the hip line (true length: flat widths are 1.3x the
 * front's), between the hip joints and halfway up the torso; as wide as the garment's
 * waistband, at least the body's width there. Also the waistband's middle in the garment.
 */
function waistPoints(f: LowerFrame): SidePoints & { centre: Point; gCentre: Point } {
  const { body, g } = f;
  const up = body.up;
  const torso = Math.max(len(sub(body.shoulderCenter, body.hipCenter)), body.shoulderSpan * MIN_TORSO);
  const gWaistY = (g.left_waist[1] + g.right_waist[1]) / 2;
  const rise = (g.crotch[1] - gWaistY) * f.h * FLAT_TO_FRONT;
  const waistC0 = add(f.hipLine, up, rise);
  const waistHeight = clamp((body.hipCenter[1] - waistC0[1]) / -up[1], torso * MIN_WAIST_HEIGHT, torso * MAX_WAIST_HEIGHT);
  const centre = add(body.hipCenter, up, waistHeight);
  const span = torsoSpanAt(f.person, f.arms, body, centre[1]);
  const halfBody = (span.right - span.left) / 2;
  return {
    centre,
    left: onLine(f, centre, g.left_waist[0], 'left', halfBody),
    right: onLine(f, centre, g.right_waist[0], 'right', halfBody),
    gCentre: [(g.left_waist[0] + g.right_waist[0]) / 2, gWaistY],
  };
}

/**
 * How far below the hip line the hem lands: the garment's waist-to-hem length against its
 * hips, read against the body's waist-to-ankle.
 */
function hemDistance(f: LowerFrame, waistC: Point, hips: SidePoints): number {
  const { g, hipLine } = f;
  const gWaistY = (g.left_waist[1] + g.right_waist[1]) / 2;
  const gHemY = Math.max(g.left_hem_inner[1], g.right_hem_inner[1], g.left_hem_outer[1], g.right_hem_outer[1]);
  const gHipW = Math.max(1, Math.abs(g.left_hip[0] - g.right_hip[0]));
  const riseBody = len(sub(waistC, hipLine));
  const toAnkle = riseBody + (pathLength(legPath(f, 'left', mid(hips.left, hipLine))) + pathLength(legPath(f, 'right', mid(hips.right, hipLine)))) / 2;
  const fraction = clamp(((gHemY - gWaistY) / gHipW / FULL_LENGTH_RATIO) * f.opts.lengthScale, MIN_LENGTH, MAX_LENGTH);
  return Math.max(f.thigh * MIN_HEM_DROP, fraction * toAnkle - riseBody);
}

/** A leg's half width (its radius) at `t` thighs down from the hips (0 the hip, 1 the knee, 2 the ankle). */
function legRadiusAt(radii: number[], t: number): number {
  return t <= 1 ? radii[0] + (radii[1] - radii[0]) * t : radii[1] + (radii[2] - radii[1]) * (t - 1);
}

/**
 * A trouser leg along its own leg, from between its hip point and the crotch down to the hem,
 * and where that hem lands (photo y).
 */
function trouserLeg(f: LowerFrame, side: Side, outer: Point, hemFromHips: number): { fit: SleeveFit; hemY: number } {
  const { g, h, hipLine } = f;
  const gHip = side === 'left' ? g.left_hip : g.right_hip;
  const root = mid(outer, hipLine);
  const { path } = pointAlong(legPath(f, side, root), hemFromHips);
  const gOuter = side === 'left' ? g.left_hem_outer : g.right_hem_outer, gInner = side === 'left' ? g.left_hem_inner : g.right_hem_inner;
  const gHemHalf = Math.max(1, len(sub(gOuter, gInner)) / 2);
  const halfRootG = len(sub(gHip, g.crotch)) / 2;
  // the hem's width on the body, never tighter than the leg where it ends
  const t = clamp(len(sub(path[path.length - 1], root)) / Math.max(1, f.thigh), 0, 2);
  const legHalf = legRadiusAt((side === 'left' ? f.body.leftLeg : f.body.rightLeg).radii, t);
  const hemY = path[path.length - 1][1];
  const halfRoot = len(sub(outer, hipLine)) / 2, halfEnd = Math.max(gHemHalf * h * LEG_FRONT, legHalf * HEM_ROUND_LEG);
  // The sampler takes every pixel past a path's end for its end: run both paths on past
  // the hem, alike, so those pixels land below the garment's hem, where it has none.
  const gRoot = mid(gHip, g.crotch), gEnd = mid(gOuter, gInner);
  const bodyLen = pathLength(path), gLen = len(sub(gEnd, gRoot));
  const extra = Math.max(halfRoot, halfEnd) * RUN_ON, k = 1 + extra / Math.max(1, bodyLen);
  const last = path[path.length - 1], dir = sub(last, path[path.length - 2]);
  path[path.length - 1] = add(last, dir, extra / Math.max(1e-6, len(dir)));
  return {
    hemY,
    fit: {
      bodyRoot: [outer, hipLine],
      bodyPath: path,
      garmentRoot: [gHip, g.crotch],
      garmentEnd: add(gRoot, sub(gEnd, gRoot), k * (gLen > 0 ? 1 : 0)),
      halfWidthRoot: halfRoot,
      halfWidthEnd: halfRoot + (halfEnd - halfRoot) * k,
      garmentHalfWidthEnd: Math.max(1, halfRootG + (gHemHalf - halfRootG) * k),
    },
  };
}

/**
 * A skirt hangs from the hips down the legs' middle; its hem as wide as the garment's, at
 * least round the legs. The hem's pairs, and mid-skirt ones that keep the spline from
 * bulging between hips and hem.
 */
function skirtHem(f: LowerFrame, hips: SidePoints, hemFromHips: number): { pairs: Pair[]; hemY: number } {
  const { g, kp, hipLine, thigh, across } = f;
  const centrePath: Point[] = [hipLine, mid(knee(kp, 'left'), knee(kp, 'right')), mid(ankle(kp, 'left'), ankle(kp, 'right'))];
  const hem = pointAlong(centrePath, hemFromHips).point;
  const gHemL = g.left_hem_outer, gHemR = g.right_hem_outer;
  const t = clamp(len(sub(hem, hipLine)) / Math.max(1, thigh), 0, 2);
  const legsAt = (side: Side) => {
    const p = pointAlong([joint(kp, side), knee(kp, side), ankle(kp, side)], len(sub(hem, hipLine)) + thigh * CROTCH_DEPTH).point;
    const rad = legRadiusAt((side === 'left' ? f.body.leftLeg : f.body.rightLeg).radii, t);
    return Math.abs((p[0] - hem[0]) * across[0] + (p[1] - hem[1]) * across[1]) + rad * SKIRT_ROUND_LEG;
  };
  const hemL = onLine(f, hem, gHemL[0], 'left', legsAt('left')), hemR = onLine(f, hem, gHemR[0], 'right', legsAt('right'));
  const gHemC: Point = [(gHemL[0] + gHemR[0]) / 2, (gHemL[1] + gHemR[1]) / 2];
  return {
    hemY: hem[1],
    pairs: [
      { from: hemL, to: gHemL }, { from: hemR, to: gHemR }, { from: hem, to: gHemC },
      { from: lerp(hips.left, hemL, 0.5), to: lerp(g.left_hip, gHemL, 0.5) }, { from: lerp(hips.right, hemR, 0.5), to: lerp(g.right_hip, gHemR, 0.5) },
    ],
  };
}
