/**
 * The handles that pull a top or a dress, as one sheet, onto the body: each
 * is a point of the flat garment and the place on the portrait it goes to.
 * The garment's body is pinned at the collar, shoulders, armpits, waist and
 * hem (the upper fit's points). Each sleeve is pinned by both its edges, at
 * its middle and at its end, to the two sides of the arm there: its upper
 * edge (the shoulder's side) to the arm's outer side, its lower edge (the
 * armpit's side) to the inner side, along the arm's bones (shoulder, elbow,
 * wrist). So a sleeve hangs around its arm as wide as it is worn, a bent arm
 * bends it, and a raised one lifts it. Between the handles the sheet deforms
 * as rigidly as it can (render/garment-sheet.ts).
 */
import type { Point } from '../shapes';
import type { BodyGeometry } from '../portrait/body-geometry';
import { PART_BODY, PART_LEFT_SLEEVE, PART_RIGHT_SLEEVE } from '../garment/garment-shape';
import type { UpperLandmarks } from '../garment/garment-shape';
import type { SheetSeams } from '../render/garment-sheet';
import type { SleeveFit, UpperFit } from './upper-fit';
import type { Pair } from '../tps';
import { pathLength, pointAlong } from './lower-fit';
import { add, len, lerp, mid, sub } from '../vec';

export interface SheetHandle {
  /** The point in the garment's source pixels. */
  at: Point;
  /** Where it goes on the portrait. */
  to: Point;
  /** The garment part it belongs to (PART_*): it is looked up in that part's triangles. */
  part: number;
}

/**
 * Where along a sleeve's axis (root 0, end 1) its edges are pinned to the arm. Not near its
 * root: the shoulder and armpit handles hold the seam there.
 */
const SLEEVE_STEPS = [0.5, 1];
/** Handles within this many source pixels of height pin one row of the body (its two sides). */
const ROW_MATCH = 3;
/** A row's two handles this far apart at least (source pixels) tell its width; nearer, a collar's corners. */
const MIN_ROW_WIDTH = 20;

/** 2x2 matrices, row-major: how each part's flat shape is scaled before rigidity is measured. */
export interface PartScales {
  /** The body's, at a row of the flat garment (a dress is scaled one way at the chest, another at the hem). */
  body: (y: number) => Mat2;
  leftSleeve: Mat2 | null;
  rightSleeve: Mat2 | null;
}

type Mat2 = [number, number, number, number];

/**
 * @param body the portrait's body: which side of an arm is its outer side.
 * @example const handles = sheetHandles(fitUpper(...), portrait.body); // [{ at, to, part }, ...]
 */
export function sheetHandles(fit: UpperFit, body: BodyGeometry): SheetHandle[] {
  const handles: SheetHandle[] = fit.torso.map((p) => ({ at: p.to, to: p.from, part: PART_BODY }));
  const sleeve = (s: SleeveFit | null, part: number) => {
    if (!s) return;
    const [gShoulder, gArmpit] = s.garmentRoot;
    const gRoot = mid(gShoulder, gArmpit);
    const gAxis = sub(s.garmentEnd, gRoot);
    const gLen = len(gAxis);
    if (gLen < 1) return;
    // the flat sleeve's normal, towards its upper (shoulder's) edge
    let gn: Point = [-gAxis[1] / gLen, gAxis[0] / gLen];
    if ((gShoulder[0] - gRoot[0]) * gn[0] + (gShoulder[1] - gRoot[1]) * gn[1] < 0) gn = [-gn[0], -gn[1]];
    const gHalfRoot = len(sub(gShoulder, gArmpit)) / 2;
    // on the body: from the seam's middle along the arm, the normal towards the arm's outer side
    const path: Point[] = [mid(s.bodyRoot[0], s.bodyRoot[1]), ...s.bodyPath.slice(1)];
    const total = pathLength(path);
    if (total < 1) return;
    for (const t of SLEEVE_STEPS) {
      const { point, path: walked } = pointAlong(path, total * t);
      const from = walked[walked.length - 2] ?? path[0];
      const dir = sub(point, from);
      const dl = Math.max(1e-6, len(dir));
      let bn: Point = [-dir[1] / dl, dir[0] / dl];
      if (outwardness(body, point, bn) < 0) bn = [-bn[0], -bn[1]];
      const gHalf = gHalfRoot + (s.garmentHalfWidthEnd - gHalfRoot) * t;
      const bHalf = s.halfWidthRoot + (s.halfWidthEnd - s.halfWidthRoot) * t;
      const gAt = lerp(gRoot, s.garmentEnd, t);
      handles.push(
        { at: add(gAt, gn, gHalf), to: add(point, bn, bHalf), part },
        { at: add(gAt, gn, -gHalf), to: add(point, bn, -bHalf), part },
      );
    }
  };
  sleeve(fit.leftSleeve, PART_LEFT_SLEEVE);
  sleeve(fit.rightSleeve, PART_RIGHT_SLEEVE);
  return handles;
}

/** How far a step along `n` from p takes it away from the torso's axis (positive: outwards). */
function outwardness(body: BodyGeometry, p: Point, n: Point): number {
  const [ax, ay] = body.shoulderCenter;
  const ux = body.hipCenter[0] - ax, uy = body.hipCenter[1] - ay;
  const l = Math.max(1e-6, Math.hypot(ux, uy));
  // the side of the axis p is on, and whether n points further to that side
  const side = ((p[0] - ax) * uy - (p[1] - ay) * ux) / l;
  const step = (n[0] * uy - n[1] * ux) / l;
  return Math.sign(side || 1) * step;
}

/**
 * How the flat garment's parts are scaled on the body, for the sheet's rest shape. The body:
 * across by the fit's front scale (a flat width is half a circumference, seen narrower from
 * the front), along by what its collar-to-hem handles ask. A sleeve: along its axis by what its
 * handles ask (its true length, cut at the wrist), across at the front scale, as wide at its
 * root as the body's armhole it is sewn to.
 * @param front body pixels per garment source pixel across the chest.
 * @example const scales = partScales(fit, 0.88);
 */
export function partScales(fit: UpperFit, front: number): PartScales {
  const neck = fit.torso[0], hems = fit.torso.filter((p) => p.to[1] > neck.to[1]);
  const lowest = hems.reduce((a, b) => (b.to[1] > a.to[1] ? b : a), neck);
  const gLen = lowest.to[1] - neck.to[1], bLen = len(sub(lowest.from, neck.from));
  const along = gLen > 1 ? bLen / gLen : front;
  const across = acrossScales(fit, front);
  const sleeve = (s: SleeveFit | null): Mat2 | null => {
    if (!s) return null;
    const axis = sub(s.garmentEnd, mid(s.garmentRoot[0], s.garmentRoot[1]));
    const l = len(axis);
    if (l < 1) return null;
    const u: Point = [axis[0] / l, axis[1] / l];
    // along its axis as long as its handles ask (seam's middle to the end's place along the arm:
    // a sleeve longer than the arm is cut at the wrist, and squeezed it would crumple), across
    // at the front scale
    const path: Point[] = [mid(s.bodyRoot[0], s.bodyRoot[1]), ...s.bodyPath.slice(1)];
    const a = pathLength(path) / l, c = front;
    // a·u uᵀ + c·n nᵀ, with n ⟂ u
    return [a * u[0] * u[0] + c * u[1] * u[1], (a - c) * u[0] * u[1], (a - c) * u[0] * u[1], a * u[1] * u[1] + c * u[0] * u[0]];
  };
  return { body: (y) => [across(y), 0, 0, along], leftSleeve: sleeve(fit.leftSleeve), rightSleeve: sleeve(fit.rightSleeve) };
}

/**
 * The body's scale across, row by row of the flat garment: at each row where the fit pins
 * both sides (collar, shoulders, armpits, waist, hem, a skirt's steps), the body's width over
 * the garment's there, linear between them. A dress made narrower at the knee than its flat
 * skirt would otherwise be squeezed between its side handles, and buckle into a zigzag.
 */
function acrossScales(fit: UpperFit, front: number): (y: number) => number {
  const rows = new Map<number, { l: Pair; r: Pair }>();
  for (const p of fit.torso) {
    const key = Math.round(p.to[1] / ROW_MATCH);
    const row = rows.get(key);
    if (!row) rows.set(key, { l: p, r: p });
    else {
      if (p.to[0] < row.l.to[0]) row.l = p;
      if (p.to[0] > row.r.to[0]) row.r = p;
    }
  }
  const samples: [number, number][] = [];
  for (const { l, r } of rows.values()) {
    const gw = r.to[0] - l.to[0];
    if (gw < MIN_ROW_WIDTH) continue;
    samples.push([(l.to[1] + r.to[1]) / 2, len(sub(r.from, l.from)) / gw]);
  }
  if (!samples.length) return () => front;
  samples.sort((a, b) => a[0] - b[0]);
  return (y) => {
    if (y <= samples[0][0]) return samples[0][1];
    for (let k = 1; k < samples.length; k++) {
      if (y <= samples[k][0]) {
        const [y0, s0] = samples[k - 1], [y1, s1] = samples[k];
        return s0 + ((s1 - s0) * (y - y0)) / Math.max(1e-6, y1 - y0);
      }
    }
    return samples[samples.length - 1][1];
  };
}

/**
 * Where each sleeve is sewn to the body (shoulder to armpit) and where the collar's back
 * meets it, in the garment's source pixels: the sheet joins its parts only there.
 * @example const seams = sheetSeams(landmarks, fit); // { left: [shoulder, armpit], right: ..., neck: [...] }
 */
export function sheetSeams(g: UpperLandmarks, fit: UpperFit): SheetSeams {
  return {
    left: fit.leftSleeve ? [g.left_shoulder, g.left_armpit] : null,
    right: fit.rightSleeve ? [g.right_shoulder, g.right_armpit] : null,
    neck: [g.left_neck, g.right_neck],
  };
}
