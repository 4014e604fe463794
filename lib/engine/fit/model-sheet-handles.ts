/**
 * The handles that move a top or a dress photographed on a model onto the
 * shopper, as one sheet: the model's body points go to the shopper's (neck,
 * shoulders, the torso's sides, hips, and down the legs for a dress), and
 * each sleeve's middle along the model's arm to the same places along the
 * shopper's arm, joint to joint (its sides once, high on the upper arm:
 * pinned all along, a bent elbow's fold would tear it). The garment keeps the model's scale
 * (the source is already brought to the shopper's), so its rest shape is its own.
 */
import type { Point } from '../shapes';
import type { BodyGeometry, Limb } from '../portrait/body-geometry';
import { MODEL_PART } from '../garment/on-model';
import type { SheetHandle } from './sheet-handles';
import type { BodyTransfer } from './body-transfer';
import type { SheetSeams } from '../render/garment-sheet';
import { pathLength, pointAlong } from './lower-fit';
import { add, len, sub } from '../vec';

/** Where along the arm (shoulder 0, wrist 1) a sleeve's sides are pinned, from below the armhole to the cuff: close enough that a sleeve follows a bent arm like a tube, not a bent plank. */
const ARM_STEPS = [0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 1];
/** Where the sleeve's sides are pinned too, to set its width on the shopper's arm: mid upper arm. */
const ARM_SIDES_AT = 0.2;

/**
 * @param shopper, model the two bodies (the model's in the garment source's pixels).
 * @example const handles = modelSheetHandles(bodyTransfer(shopper, model, false), shopper.body, model.body);
 */
export function modelSheetHandles(transfer: BodyTransfer, shopper: BodyGeometry, model: BodyGeometry): SheetHandle[] {
  const handles: SheetHandle[] = transfer.torso.map((p) => ({ at: p.to, to: p.from, part: MODEL_PART.torso }));
  const arm = (s: Limb, m: Limb, part: number) => {
    const sTotal = pathLength(s.points), mTotal = pathLength(m.points);
    if (sTotal < 1 || mTotal < 1) return;
    for (const t of ARM_STEPS) {
      const sp = along(s, sTotal * t, shopper), mp = along(m, mTotal * t, model);
      handles.push({ at: mp.point, to: sp.point, part });
      // the sides only away from the joints: across a bent elbow the inner side folds, the outer stretches
      if (t === ARM_SIDES_AT) {
        handles.push({ at: add(mp.point, mp.normal, mp.radius), to: add(sp.point, sp.normal, sp.radius), part });
        handles.push({ at: add(mp.point, mp.normal, -mp.radius), to: add(sp.point, sp.normal, -sp.radius), part });
      }
    }
  };
  arm(shopper.leftArm, model.leftArm, MODEL_PART.leftArm);
  arm(shopper.rightArm, model.rightArm, MODEL_PART.rightArm);
  return handles;
}

/** A point along a limb, its half thickness there, and the normal towards the limb's outer side. */
function along(limb: Limb, d: number, body: BodyGeometry): { point: Point; normal: Point; radius: number } {
  const { point, path } = pointAlong(limb.points, d);
  const k = Math.max(0, path.length - 2);
  const from = path[k], dir = sub(point, from);
  const l = Math.max(1e-6, len(dir));
  let normal: Point = [-dir[1] / l, dir[0] / l];
  // the outer side: away from the torso's axis
  const [ax, ay] = body.shoulderCenter;
  const ux = body.hipCenter[0] - ax, uy = body.hipCenter[1] - ay;
  const side = (point[0] - ax) * uy - (point[1] - ay) * ux, step = normal[0] * uy - normal[1] * ux;
  if (Math.sign(side || 1) * step < 0) normal = [-normal[0], -normal[1]];
  const seg = Math.min(k, limb.radii.length - 2);
  const a = limb.points[seg], b = limb.points[seg + 1];
  const t = Math.min(1, len(sub(point, a)) / Math.max(1e-6, len(sub(b, a))));
  return { point, normal, radius: limb.radii[seg] + (limb.radii[seg + 1] - limb.radii[seg]) * t };
}

/**
 * Where a model's sleeves meet the garment's body: across each arm at the shoulder joint,
 * as wide as the sleeve reaches round the arm; the neck's seam is not needed (no collar's back).
 * @example const seams = modelSheetSeams(model.body, 2.1);
 */
export function modelSheetSeams(model: BodyGeometry, reach: number): SheetSeams {
  const seam = (arm: Limb): [Point, Point] => {
    const [s, e] = arm.points;
    const d = sub(e, s), l = Math.max(1e-6, len(d));
    const n: Point = [-d[1] / l, d[0] / l], r = arm.radii[0] * reach;
    return [add(s, n, r), add(s, n, -r)];
  };
  return { left: seam(model.leftArm), right: seam(model.rightArm), neck: [model.neckBase, model.neckBase] };
}
