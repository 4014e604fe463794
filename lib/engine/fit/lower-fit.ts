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

/** Waist-to-hem length of flat ankle-length trousers, in hip widths (median of our 8 samples: 2.4 to 3.3). */
const FULL_LENGTH_RATIO = 2.45;
/** How far below the hip joints the crotch lies, as a share of the thigh (hip joint to knee). */
const CROTCH_DEPTH = 0.2;
/** A trouser leg hangs round the leg: its flat width is wider than the leg seen from the front. */
const LEG_FRONT = 0.92;

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
  return clamp(t.right - t.left, Math.max(hipSpan * 1.55, body.shoulderSpan * 0.9), Math.max(hipSpan * 2.1, body.shoulderSpan * 1.1));
}

/**
 * @example const fit = fitLower(portrait.body, portrait.keypoints, mask, arms, 'trousers', landmarks, { ease: 0.06, lengthScale: 1 });
 */
export function fitLower(body: BodyGeometry, kp: Keypoints, person: GrayImage, arms: GrayImage, kind: LowerKind, g: LowerLandmarks, opts: FitOptions): LowerFit {
  const up = body.up, down: Point = [-up[0], -up[1]];
  const across: Point = [-up[1], up[0]]; // towards the image's right when upright
  const lh: Point = [kp.left_hip.x, kp.left_hip.y], rh: Point = [kp.right_hip.x, kp.right_hip.y];
  const facing = lh[0] >= rh[0];
  const imgSide = (side: 'left' | 'right') => ((side === 'left') === facing ? 1 : -1);
  const torso = Math.max(len(sub(body.shoulderCenter, body.hipCenter)), body.shoulderSpan * 0.8);
  const knee = (side: 'left' | 'right'): Point => [kp[`${side}_knee`].x, kp[`${side}_knee`].y];
  const ankle = (side: 'left' | 'right'): Point => [kp[`${side}_ankle`].x, kp[`${side}_ankle`].y];
  const thigh = (len(sub(knee('left'), lh)) + len(sub(knee('right'), rh))) / 2;

  const h = hipScale(body, kp, person, arms, g, opts.ease);
  const gCrotch = g.crotch;
  const gWaistY = (g.left_waist[1] + g.right_waist[1]) / 2;
  const gHemY = Math.max(g.left_hem_inner[1], g.right_hem_inner[1], g.left_hem_outer[1], g.right_hem_outer[1]);
  const gHipW = Math.max(1, Math.abs(g.left_hip[0] - g.right_hip[0]));

  // Hip line: trousers part at the crotch, a little below the hip joints; a skirt's hip line (a fifth of the way down) sits at the joints.
  const hipLine = add(body.hipCenter, down, thigh * (kind === 'trousers' ? CROTCH_DEPTH : 0.05));
  const onLine = (base: Point, gx: number, side: 'left' | 'right', minHalf = 0): Point => add(base, across, imgSide(side) * Math.max(Math.abs(gx - gCrotch[0]) * h, minHalf));
  const bodyHipHalf = (Math.abs(g.left_hip[0] - g.right_hip[0]) * h) / 2;
  // At least as wide as the person's outline there (a slim old dress or trousers hug the hips),
  // unless that is far wider than the garment (a full skirt worn): then the rest is cleared.
  const outlineAt = (side: 'left' | 'right', own: number) => Math.min(own * 1.25, edgeDistance(person, arms, hipLine, across, imgSide(side), own * 1.3));
  const hipHalf = (side: 'left' | 'right') => {
    const own = Math.max(Math.abs((side === 'left' ? g.left_hip[0] : g.right_hip[0]) - gCrotch[0]) * h, bodyHipHalf * 0.8);
    return Math.max(own, outlineAt(side, own));
  };
  const hipL = add(hipLine, across, imgSide('left') * hipHalf('left')), hipR = add(hipLine, across, imgSide('right') * hipHalf('right'));

  // Waist: the garment's own rise above the hip line (true length: flat widths are 1.3x the front's),
  // between the hip joints and halfway up the torso.
  const rise = (gCrotch[1] - gWaistY) * h * FLAT_TO_FRONT;
  const waistC0 = add(hipLine, up, rise);
  const waistHeight = clamp((body.hipCenter[1] - waistC0[1]) / -up[1], torso * 0.02, torso * 0.5);
  const waistC = add(body.hipCenter, up, waistHeight);
  const span = torsoSpanAt(person, arms, body, waistC[1]);
  const waistHalfBody = (span.right - span.left) / 2;
  const waistL = onLine(waistC, g.left_waist[0], 'left', waistHalfBody), waistR = onLine(waistC, g.right_waist[0], 'right', waistHalfBody);
  const gWaistC: Point = [(g.left_waist[0] + g.right_waist[0]) / 2, gWaistY];

  // Length: the garment's waist-to-hem length against its hips, read against the body's waist-to-ankle.
  const legPath = (side: 'left' | 'right', root: Point): Point[] => [root, knee(side), ankle(side)];
  const riseBody = len(sub(waistC, hipLine));
  const toAnkle = riseBody + (pathLength(legPath('left', mid(hipL, hipLine))) + pathLength(legPath('right', mid(hipR, hipLine)))) / 2;
  const fraction = clamp(((gHemY - gWaistY) / gHipW / FULL_LENGTH_RATIO) * opts.lengthScale, 0.15, 1.08);
  const hemFromHips = Math.max(thigh * 0.12, fraction * toAnkle - riseBody);

  const pairs: Pair[] = [
    { from: waistL, to: g.left_waist },
    { from: waistR, to: g.right_waist },
    { from: waistC, to: gWaistC },
    { from: hipL, to: g.left_hip },
    { from: hipR, to: g.right_hip },
    { from: hipLine, to: gCrotch },
  ];

  let leftLeg: SleeveFit | null = null, rightLeg: SleeveFit | null = null;
  let hemY = hipLine[1];
  if (kind === 'trousers') {
    const legFit = (side: 'left' | 'right'): SleeveFit => {
      const outer = side === 'left' ? hipL : hipR;
      const root = mid(outer, hipLine);
      const { path } = pointAlong(legPath(side, root), hemFromHips);
      const gOuter = side === 'left' ? g.left_hem_outer : g.right_hem_outer, gInner = side === 'left' ? g.left_hem_inner : g.right_hem_inner;
      const gHemHalf = Math.max(1, len(sub(gOuter, gInner)) / 2);
      const halfRootG = len(sub(side === 'left' ? g.left_hip : g.right_hip, gCrotch)) / 2;
      const legRadii = (side === 'left' ? body.leftLeg : body.rightLeg).radii;
      // the hem's width on the body, never tighter than the leg where it ends
      const t = clamp(len(sub(path[path.length - 1], root)) / Math.max(1, thigh), 0, 2);
      const legHalf = t <= 1 ? legRadii[0] + (legRadii[1] - legRadii[0]) * t : legRadii[1] + (legRadii[2] - legRadii[1]) * (t - 1);
      hemY = Math.max(hemY, path[path.length - 1][1]);
      const halfRoot = len(sub(outer, hipLine)) / 2, halfEnd = Math.max(gHemHalf * h * LEG_FRONT, legHalf * 1.08);
      // The sampler takes every pixel past a path's end for its end: run both paths on past
      // the hem, alike, so those pixels land below the garment's hem, where it has none.
      const gRoot = mid(side === 'left' ? g.left_hip : g.right_hip, gCrotch), gEnd = mid(gOuter, gInner);
      const bodyLen = pathLength(path), gLen = len(sub(gEnd, gRoot));
      const extra = Math.max(halfRoot, halfEnd) * 1.4, k = 1 + extra / Math.max(1, bodyLen);
      const last = path[path.length - 1], dir = sub(last, path[path.length - 2]);
      path[path.length - 1] = add(last, dir, extra / Math.max(1e-6, len(dir)));
      return {
        bodyRoot: [outer, hipLine],
        bodyPath: path,
        garmentRoot: [side === 'left' ? g.left_hip : g.right_hip, gCrotch],
        garmentEnd: add(gRoot, sub(gEnd, gRoot), k * (gLen > 0 ? 1 : 0)),
        halfWidthRoot: halfRoot,
        halfWidthEnd: halfRoot + (halfEnd - halfRoot) * k,
        garmentHalfWidthEnd: Math.max(1, halfRootG + (gHemHalf - halfRootG) * k),
      };
    };
    leftLeg = legFit('left');
    rightLeg = legFit('right');
  } else {
    // A skirt hangs from the hips down the legs' middle; its hem as wide as the garment's, at least round the legs.
    const centrePath: Point[] = [hipLine, mid(knee('left'), knee('right')), mid(ankle('left'), ankle('right'))];
    const hem = pointAlong(centrePath, hemFromHips).point;
    hemY = hem[1];
    const gHemL = g.left_hem_outer, gHemR = g.right_hem_outer;
    const t = clamp(len(sub(hem, hipLine)) / Math.max(1, thigh), 0, 2);
    const legsAt = (side: 'left' | 'right') => {
      const p = pointAlong([side === 'left' ? lh : rh, knee(side), ankle(side)], len(sub(hem, hipLine)) + thigh * CROTCH_DEPTH).point;
      const r = (side === 'left' ? body.leftLeg : body.rightLeg).radii;
      const rad = t <= 1 ? r[0] + (r[1] - r[0]) * t : r[1] + (r[2] - r[1]) * (t - 1);
      return Math.abs((p[0] - hem[0]) * across[0] + (p[1] - hem[1]) * across[1]) + rad * 1.1;
    };
    const hemL = onLine(hem, gHemL[0], 'left', legsAt('left')), hemR = onLine(hem, gHemR[0], 'right', legsAt('right'));
    const gHemC: Point = [(gHemL[0] + gHemR[0]) / 2, (gHemL[1] + gHemR[1]) / 2];
    pairs.push({ from: hemL, to: gHemL }, { from: hemR, to: gHemR }, { from: hem, to: gHemC });
    // mid-skirt points keep the spline from bulging between hips and hem
    pairs.push({ from: lerp(hipL, hemL, 0.5), to: lerp(g.left_hip, gHemL, 0.5) }, { from: lerp(hipR, hemR, 0.5), to: lerp(g.right_hip, gHemR, 0.5) });
  }

  const xs = pairs.map((p) => p.from[0]), ys = pairs.map((p) => p.from[1]);
  const pad = body.shoulderSpan * 0.12;
  return {
    kind,
    hips: pairs,
    box: { x0: Math.min(...xs) - pad, y0: Math.min(...ys) - pad, x1: Math.max(...xs) + pad, y1: Math.max(...ys) + pad },
    leftLeg,
    rightLeg,
    waistY: waistC[1],
    hemY,
  };
}
