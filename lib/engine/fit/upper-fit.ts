/**
 * Where a top's landmarks go on this body. Produces control point pairs for
 * the body of the garment (a thin-plate spline from body to garment pixels)
 * and, per sleeve, the path along the arm it should follow.
 *
 * Flat product photos are not to the body's scale and often not even to their
 * own (photos get resized to 3:4), so the fit is driven by the body: the
 * collar at the neck, the shoulder seams just outside the shoulder joints, the
 * armpits where the arms meet the torso, the width the body's plus ease, and
 * the length the garment's length-to-width ratio read against the torso.
 *
 * Garment coordinates are in the garment image as it will be sampled;
 * body coordinates are portrait pixels.
 */
import type { GrayImage } from '../image';
import type { BodyGeometry } from '../portrait/body-geometry';
import type { Point } from '../shapes';
import type { Pair } from '../tps';
import type { Keypoints } from '../types';
import type { SleeveShape, UpperLandmarks } from '../garment/garment-shape';
import { torsoSpanAt } from './torso-width';
import { SHOULDER_TOP_AT } from '../portrait/body-geometry';
import { add, sub, len, lerp, mid } from '../vec';

export interface SleeveFit {
  /** On the body: the sleeve's root (shoulder end, armpit end) and its path along the arm. */
  bodyRoot: [Point, Point];
  bodyPath: Point[];
  /** In the garment: the root (shoulder end, armpit end) and the sleeve's end. */
  garmentRoot: [Point, Point];
  garmentEnd: Point;
  /** Half widths on the body at the root and at the end. */
  halfWidthRoot: number;
  halfWidthEnd: number;
  /** Half width of the flat sleeve's end, in garment pixels. */
  garmentHalfWidthEnd: number;
}

export interface UpperFit {
  /** body point → garment point */
  torso: Pair[];
  /** The body region the garment's body may cover (a generous box). */
  box: { x0: number; y0: number; x1: number; y1: number };
  leftSleeve: SleeveFit | null;
  rightSleeve: SleeveFit | null;
  /** Where the hem lands (portrait y at the body's centre). */
  hemY: number;
}

export interface FitOptions {
  /** Extra width over the body, as a fraction of its width. */
  ease: number;
  /** Scales the garment's length against the torso. */
  lengthScale: number;
}

/**
 * A flat garment's width is half its circumference; seen from the front, a
 * torso of that circumference looks about this much narrower.
 */
export const FLAT_TO_FRONT = 1.3;
/**
 * Where a sleeve's seam meets the shoulder, from the shoulder joint (0) to the shoulder's outer
 * edge (1): on its top, where it starts to round down over the deltoid (the sleeve's own
 * edge handles carry it round to the arm's outer side).
 */
const SLEEVE_SEAM_OUT = 0.5;
/**
 * A sleeve's opening seen from the front against its flat width: a flat tube is half its
 * circumference wide, a round one seen from the front is 2/π of that.
 */
const TUBE_FRONT = 2 / Math.PI;
/** A sleeve is at least this much wider than the arm it hangs on (a close fit's ease). */
const SLEEVE_OVER_ARM = 1.1;
/** Length-to-chest-width ratio of a flat top that ends at the hip joints (fitted by eye on our sample tops). */
const HIP_LENGTH_RATIO = 1.8;
/**
 * A top's length against the hips' is its own length-to-width ratio against HIP_LENGTH_RATIO,
 * square-rooted: stores stretch photos to 3:4, which makes a tee's ratio run from 1.5 to 2.35
 * among the samples though tees end near the hips; bounded from a crop top's (ending at the
 * lower ribs) to a tunic's (the upper thighs). Collar to hips is 1.
 */
const MIN_TOP_LENGTH = 0.55, MAX_TOP_LENGTH = 1.3;

/** Height of the armpits: a third of the shoulder span below the shoulder joints. */
function armpitY(body: BodyGeometry): number {
  return body.shoulderCenter[1] - body.up[1] * body.shoulderSpan * 0.33;
}

/**
 * How many body pixels one garment pixel spans across the chest, seen from the front.
 * @example const h = frontScale(portrait.body, mask, arms, landmarks, 0.06); // 0.55
 */
export function frontScale(body: BodyGeometry, person: GrayImage, arms: GrayImage, g: UpperLandmarks, ease: number): number {
  const chest = torsoSpanAt(person, arms, body, armpitY(body));
  const gChest = Math.max(Math.abs(g.left_armpit[0] - g.right_armpit[0]), 1);
  return ((chest.right - chest.left) * (1 + ease)) / gChest;
}

/**
 * @example const fit = fitUpper(portrait.body, portrait.keypoints, mask, arms, landmarks, sleeves, { ease: 0.06, lengthScale: 1 });
 */
export function fitUpper(body: BodyGeometry, kp: Keypoints, person: GrayImage, arms: GrayImage, g: UpperLandmarks, sleeves: { left: SleeveShape; right: SleeveShape }, opts: FitOptions): UpperFit {
  const span = body.shoulderSpan;
  const up = body.up;
  const down: Point = [-up[0], -up[1]];
  const sleeved = sleeves.left.length > 0 || sleeves.right.length > 0;
  const jointL: Point = [kp.left_shoulder.x, kp.left_shoulder.y], jointR: Point = [kp.right_shoulder.x, kp.right_shoulder.y];
  // the wearer's left is on the image's right when they face the camera
  const facing = jointL[0] >= jointR[0];
  const imgSide = (side: 'left' | 'right') => ((side === 'left') === facing ? 1 : -1);

  const h = frontScale(body, person, arms, g, opts.ease);
  const gCenterX = (g.left_neck[0] + g.right_neck[0]) / 2;

  // A sleeveless top's straps rest on the shoulders: its strap points keep their distance
  // from its middle (at the garment's scale) and sit on the line across the shoulders' tops;
  // placed level with the collar's back instead, they stood above the shoulders.
  const [topA, topB] = body.shoulderTops;
  const onShoulders = (gp: Point): Point => {
    const x = body.neckBase[0] + (gp[0] - gCenterX) * h * (facing ? 1 : -1);
    const dx = topB[0] - topA[0];
    return [x, Math.abs(dx) < 1 ? (topA[1] + topB[1]) / 2 : topA[1] + ((x - topA[0]) * (topB[1] - topA[1])) / dx];
  };

  // Collar: the back of the collar a little above the notch between the collarbones.
  const neckBack = add(body.neckBase, up, span * 0.1);
  // a flat collar is a ring laid flat: round the neck its width is 2/π of its circumference's half
  const neckHalf = Math.max(body.neckRadius * 1.15, (Math.abs(g.left_neck[0] - g.right_neck[0]) * h * FLAT_TO_FRONT * TUBE_FRONT) / 2);
  const neckAt = (side: 'left' | 'right'): Point => {
    const gn = side === 'left' ? g.left_neck : g.right_neck;
    // a sleeveless top's neckline is its straps' inner edge: placed with the straps (below),
    // not as a collar's ring round the neck, whose width would pull a strap's top aside
    if (!sleeved) return onShoulders(gn);
    return [neckBack[0] + imgSide(side) * neckHalf, neckBack[1] + (gn[1] - g.neck_back[1]) * h];
  };

  // Shoulders: seams just outside the joints and on top; a sleeveless top's straps keep their place.
  const [edgeImgLeft, edgeImgRight] = body.shoulderEdges;
  const shoulderAt = (side: 'left' | 'right'): Point => {
    if (!sleeved) return onShoulders(side === 'left' ? g.left_shoulder : g.right_shoulder);
    // on the shoulder's top, out towards its edge
    const joint = side === 'left' ? jointL : jointR;
    const edge = imgSide(side) > 0 ? edgeImgRight : edgeImgLeft;
    const top = side === 'left' ? body.shoulderTops[0] : body.shoulderTops[1];
    return add(top, sub(edge, joint), SLEEVE_SEAM_OUT - SHOULDER_TOP_AT);
  };
  const sL = shoulderAt('left'), sR = shoulderAt('right');

  // Sides: the body's width plus ease, or the garment's own where it is wider.
  const sideAt = (y: number, gHalf: number, side: 'left' | 'right'): Point => {
    const t = torsoSpanAt(person, arms, body, y);
    const half = Math.max(((t.right - t.left) / 2) * (1 + opts.ease), gHalf * h);
    return [t.center + imgSide(side) * half, y];
  };
  const yArm = armpitY(body);
  const armpitL = sideAt(yArm, Math.abs(g.left_armpit[0] - gCenterX), 'left');
  const armpitR = sideAt(yArm, Math.abs(g.right_armpit[0] - gCenterX), 'right');

  // Length: the garment's length-to-chest ratio against the torso (collar to hips).
  const gChest = Math.max(Math.abs(g.left_armpit[0] - g.right_armpit[0]), 1);
  const gLen = (g.left_hem[1] + g.right_hem[1]) / 2 - g.neck_back[1];
  const toHips = Math.max(len(sub(body.hipCenter, neckBack)), span * 0.8);
  const ratio = Math.min(MAX_TOP_LENGTH, Math.max(MIN_TOP_LENGTH, Math.sqrt(gLen / gChest / HIP_LENGTH_RATIO)));
  const hemY = neckBack[1] + toHips * ratio * opts.lengthScale * -up[1];
  const gHemL = g.left_hem, gHemR = g.right_hem;
  const hemL = sideAt(hemY, Math.abs(gHemL[0] - gCenterX), 'left');
  const hemR = sideAt(hemY, Math.abs(gHemR[0] - gCenterX), 'right');
  const waistY = (yArm + hemY) / 2;
  const gWaistL = lerp(g.left_armpit, gHemL, 0.5), gWaistR = lerp(g.right_armpit, gHemR, 0.5);
  const waistL = sideAt(waistY, Math.abs(gWaistL[0] - gCenterX), 'left');
  const waistR = sideAt(waistY, Math.abs(gWaistR[0] - gCenterX), 'right');

  const gChestC: Point = [gCenterX, (g.left_armpit[1] + g.right_armpit[1]) / 2];
  const gHemC = mid(gHemL, gHemR);
  const torso: Pair[] = [
    { from: neckBack, to: g.neck_back },
    { from: neckAt('left'), to: g.left_neck },
    { from: neckAt('right'), to: g.right_neck },
    { from: sL, to: g.left_shoulder },
    { from: sR, to: g.right_shoulder },
    { from: armpitL, to: g.left_armpit },
    { from: armpitR, to: g.right_armpit },
    { from: waistL, to: gWaistL },
    { from: waistR, to: gWaistR },
    { from: hemL, to: gHemL },
    { from: hemR, to: gHemR },
    { from: mid(hemL, hemR), to: gHemC },
    { from: mid(armpitL, armpitR), to: gChestC },
  ];

  const sleeveFit = (side: 'left' | 'right'): SleeveFit | null => {
    const shape = sleeves[side];
    if (shape.length <= 0) return null;
    const bShoulder = side === 'left' ? sL : sR, bArmpit = side === 'left' ? armpitL : armpitR;
    const elbow: Point = side === 'left' ? [kp.left_elbow.x, kp.left_elbow.y] : [kp.right_elbow.x, kp.right_elbow.y];
    const wrist: Point = side === 'left' ? [kp.left_wrist.x, kp.left_wrist.y] : [kp.right_wrist.x, kp.right_wrist.y];
    // The sleeve hangs around the arm: its tube is centred on the arm's axis (the root's
    // middle projected onto shoulder joint → elbow), and its opening is no wider than a
    // loose sleeve's, whatever the flat photo's shoulder-to-armpit span.
    const joint = side === 'left' ? jointL : jointR;
    const armDir = sub(elbow, joint);
    const armLen = Math.max(len(armDir), 1);
    const rm = mid(bShoulder, bArmpit);
    // ...starting on top of the shoulder, so the rounded sleeve cap covers the deltoid.
    const along = Math.max(-span * 0.08, ((rm[0] - joint[0]) * armDir[0] + (rm[1] - joint[1]) * armDir[1]) / armLen - span * 0.1);
    const root: Point = add(joint, armDir, along / armLen);
    // Sleeves hang, so their flat length is their true length (front scale × flat-to-front).
    let left = shape.length * h * FLAT_TO_FRONT;
    const path: Point[] = [root];
    let from = root;
    for (const to of [elbow, wrist]) {
      const d = len(sub(to, from));
      if (d >= left) { path.push(lerp(from, to, left / Math.max(d, 1e-6))); left = 0; break; }
      path.push(to);
      left -= d;
      from = to;
    }
    // A sleeve longer than the arm ends a little past the wrist.
    if (left > 0 && path.length >= 2) {
      const dir = sub(path[path.length - 1], path[path.length - 2]);
      path[path.length - 1] = add(path[path.length - 1], dir, Math.min(left, span * 0.06) / Math.max(len(dir), 1e-6));
    }
    const armRadius = (side === 'left' ? body.leftArm : body.rightArm).radii;
    const endT = Math.min(1, len(sub(path[path.length - 1], root)) / Math.max(len(sub(elbow, root)), 1));
    const armAtEnd = endT <= 1 ? armRadius[0] + (armRadius[1] - armRadius[0]) * endT : armRadius[1];
    return {
      bodyRoot: [bShoulder, bArmpit],
      bodyPath: path,
      garmentRoot: [side === 'left' ? g.left_shoulder : g.right_shoulder, side === 'left' ? g.left_armpit : g.right_armpit],
      garmentEnd: side === 'left' ? g.left_sleeve_end : g.right_sleeve_end,
      halfWidthRoot: Math.min(Math.max(len(sub(bShoulder, bArmpit)) / 2, armRadius[0] * 1.1), armRadius[0] * 1.5),
      halfWidthEnd: Math.max(shape.endHalfWidth * h * FLAT_TO_FRONT * TUBE_FRONT, armAtEnd * SLEEVE_OVER_ARM),
      garmentHalfWidthEnd: shape.endHalfWidth,
    };
  };

  const xs = torso.map((p) => p.from[0]), ys = torso.map((p) => p.from[1]);
  const pad = span * 0.15;
  void down;
  return {
    torso,
    box: { x0: Math.min(...xs) - pad, y0: Math.min(...ys) - pad, x1: Math.max(...xs) + pad, y1: Math.max(...ys) + pad },
    leftSleeve: sleeveFit('left'),
    rightSleeve: sleeveFit('right'),
    hemY,
  };
}
