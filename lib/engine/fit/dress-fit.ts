/**
 * Where a dress's landmarks go on this body. The bodice is fitted as a top
 * cropped at the dress's waist (collar, shoulders, armpits, sleeves along the
 * arms: the upper fit, reused as it is); the skirt hangs from the body's waist
 * past the hips and down the legs' middle, as wide as the garment's own
 * outline (never tighter than the hips and legs it covers), to a hem whose
 * length is the garment's own proportions read against the body: a mini ends
 * on the thighs, a maxi at the ankles, on any body.
 */
import type { GrayImage } from '../image';
import type { BodyGeometry } from '../portrait/body-geometry';
import type { Point } from '../shapes';
import type { Pair } from '../tps';
import type { Keypoints } from '../types';
import type { SleeveShape, UpperLandmarks } from '../garment/garment-shape';
import type { DressLandmarks } from '../garment/dress-shape';
import { SKIRT_STEPS } from '../garment/dress-shape';
import type { FitOptions, UpperFit } from './upper-fit';
import { fitUpper } from './upper-fit';
import { pathLength, pointAlong } from './lower-fit';
import { torsoSpanAt } from './torso-width';
import { sub, len, mid, clamp } from '../vec';

/** Waist-to-hem length of a flat ankle-length dress, in chest widths and in bodice lengths (neck to waist), read off our samples. */
const MAXI_RATIO = 3.3, MAXI_SKIRT_TO_BODICE = 2.8;

export interface DressFit extends UpperFit {
  /** Where the dress's waist lands (photo y). */
  waistY: number;
}

/**
 * @example const fit = fitDress(portrait.body, portrait.keypoints, mask, arms, landmarks, sleeves, { ease: 0.06, lengthScale: 1 });
 */
export function fitDress(body: BodyGeometry, kp: Keypoints, person: GrayImage, arms: GrayImage, g: DressLandmarks, sleeves: { left: SleeveShape; right: SleeveShape }, opts: FitOptions): DressFit {
  // The bodice: a top whose hem is the dress's waist.
  const bodice: UpperLandmarks = { ...g, left_hem: g.left_waist, right_hem: g.right_waist };
  const top = fitUpper(body, kp, person, arms, bodice, sleeves, { ease: opts.ease, lengthScale: 1 });
  const pairs: Pair[] = [...top.torso];
  const waistPair = (p: Point) => pairs.find((q) => q.to === p)!;
  const waistL = waistPair(g.left_waist).from, waistR = waistPair(g.right_waist).from;
  const waistC = mid(waistL, waistR);

  const lh: Point = [kp.left_hip.x, kp.left_hip.y], rh: Point = [kp.right_hip.x, kp.right_hip.y];
  const facing = lh[0] >= rh[0];
  const imgSide = (side: 'left' | 'right') => ((side === 'left') === facing ? 1 : -1);
  const up = body.up;
  const across: Point = [-up[1], up[0]];
  const knee = (side: 'left' | 'right'): Point => [kp[`${side}_knee`].x, kp[`${side}_knee`].y];
  const ankle = (side: 'left' | 'right'): Point => [kp[`${side}_ankle`].x, kp[`${side}_ankle`].y];
  // The skirt's middle runs from the waist through the hips to between the ankles.
  const centre: Point[] = [waistC, body.hipCenter, mid(knee('left'), knee('right')), mid(ankle('left'), ankle('right'))];
  if (centre[1][1] <= waistC[1]) centre.splice(1, 1);
  const toAnkle = pathLength(centre);
  const gChest = Math.max(1, Math.abs(g.left_armpit[0] - g.right_armpit[0]));
  const gWaistY = (g.left_waist[1] + g.right_waist[1]) / 2, gHemY = (g.left_hem[1] + g.right_hem[1]) / 2;
  // Two yardsticks, each fooled by some dresses (sleeves widen the chest, a high waist shortens the
  // bodice): their mean.
  const skirt = gHemY - gWaistY, bodiceLen = Math.max(1, gWaistY - g.neck_back[1]);
  const fraction = clamp(((skirt / gChest / MAXI_RATIO + skirt / bodiceLen / MAXI_SKIRT_TO_BODICE) / 2) * opts.lengthScale, 0.12, 1.04);
  const skirtLen = fraction * toAnkle;
  const h = len(sub(waistL, waistR)) / Math.max(1, Math.abs(g.left_waist[0] - g.right_waist[0]));

  // How far the body reaches across at a point of the skirt's middle: hips (from the mask,
  // arms left out) and legs (their axes plus thickness), so the skirt covers what it hangs over.
  const legReach = (c: Point, side: 'left' | 'right'): number => {
    const leg = side === 'left' ? body.leftLeg : body.rightLeg;
    let best = 0;
    for (let s = 0; s + 1 < leg.points.length; s++) {
      const a = leg.points[s], b = leg.points[s + 1];
      if ((c[1] - a[1]) * (c[1] - b[1]) > 0) continue; // this segment is not at c's height
      const t = Math.abs(b[1] - a[1]) < 1 ? 0 : (c[1] - a[1]) / (b[1] - a[1]);
      const x = a[0] + (b[0] - a[0]) * t;
      const r = leg.radii[s] + (leg.radii[s + 1] - leg.radii[s]) * t;
      best = Math.max(best, Math.abs(x - c[0]) + r * 1.05);
    }
    return best;
  };
  const hipsReach = (c: Point): number => {
    if (c[1] > body.hipCenter[1] + body.shoulderSpan * 0.3) return 0;
    const t = torsoSpanAt(person, arms, body, c[1]);
    return ((t.right - t.left) / 2) * (1 + opts.ease);
  };
  const sideAt = (c: Point, gx: number, side: 'left' | 'right'): Point => {
    const gHalf = Math.abs(gx - (g.left_waist[0] + g.right_waist[0]) / 2) * h;
    const half = Math.max(gHalf, legReach(c, side), hipsReach(c));
    return [c[0] + across[0] * imgSide(side) * half, c[1] + across[1] * imgSide(side) * half];
  };
  const gCentreX = (g.left_waist[0] + g.right_waist[0]) / 2;
  const steps: [number, Point, Point][] = SKIRT_STEPS.map((t, k) => [t, g[`left_skirt_${(k + 1) as 1 | 2 | 3}`], g[`right_skirt_${(k + 1) as 1 | 2 | 3}`]]);
  steps.push([1, g.left_hem, g.right_hem]);
  let hemY = waistC[1];
  for (const [t, gl, gr] of steps) {
    const c = pointAlong(centre, skirtLen * t).point;
    pairs.push({ from: sideAt(c, gl[0], 'left'), to: gl }, { from: sideAt(c, gr[0], 'right'), to: gr }, { from: c, to: [gCentreX, gl[1]] });
    hemY = Math.max(hemY, c[1]);
  }

  const xs = pairs.map((p) => p.from[0]), ys = pairs.map((p) => p.from[1]);
  const pad = body.shoulderSpan * 0.15;
  return {
    ...top,
    torso: pairs,
    box: { x0: Math.min(...xs) - pad, y0: Math.min(...ys) - pad, x1: Math.max(...xs) + pad, y1: Math.max(...ys) + pad },
    hemY,
    waistY: waistC[1],
  };
}
