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
import { SHOULDER_TOP_AT, stepsToOutline } from '../portrait/body-geometry';
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
/**
 * How far above the straight line from the collar's corner to the shoulder point the outline
 * is looked for, in shoulder spans: the trapezius rises over that line by a few hundredths of a
 * span (the yoke allows 0.05 above the shoulder tops: render/body-zone.ts); an outline not found
 * within twice that is hair falling over the shoulder, and the line is left as it is.
 */
const SHOULDER_LINE_REACH = 0.1;

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

type Side = 'left' | 'right';

/** What every step of the fit reads: the body, the garment, which way the wearer faces and the garment's scale on them. */
interface FitFrame {
  body: BodyGeometry;
  person: GrayImage;
  arms: GrayImage;
  g: UpperLandmarks;
  opts: FitOptions;
  /** The shoulder joints, wearer's left and right. */
  jointL: Point;
  jointR: Point;
  /** The wearer's left is on the image's right when they face the camera. */
  facing: boolean;
  /** Body pixels per garment pixel across the chest (frontScale). */
  h: number;
  /** The garment's middle: halfway between its collar corners. */
  gCenterX: number;
  /** Whether the top has sleeves: a sleeveless top hangs from its straps. */
  sleeved: boolean;
}

/** A pair of body points, wearer's left and right. */
interface SidePoints {
  left: Point;
  right: Point;
}

/**
 * @example const fit = fitUpper(portrait.body, portrait.keypoints, mask, arms, landmarks, sleeves, { ease: 0.06, lengthScale: 1 });
 */
export function fitUpper(body: BodyGeometry, kp: Keypoints, person: GrayImage, arms: GrayImage, g: UpperLandmarks, sleeves: { left: SleeveShape; right: SleeveShape }, opts: FitOptions): UpperFit {
  const jointL: Point = [kp.left_shoulder.x, kp.left_shoulder.y], jointR: Point = [kp.right_shoulder.x, kp.right_shoulder.y];
  const f: FitFrame = {
    body, person, arms, g, opts, jointL, jointR,
    facing: jointL[0] >= jointR[0],
    h: frontScale(body, person, arms, g, opts.ease),
    gCenterX: (g.left_neck[0] + g.right_neck[0]) / 2,
    sleeved: sleeves.left.length > 0 || sleeves.right.length > 0,
  };
  const neck = collarPoints(f);
  const shoulders = shoulderPoints(f);
  const shoulderLine = f.sleeved ? shoulderLinePairs(f, neck, shoulders) : [];
  const armpits = armpitPoints(f);
  const hem = hemPoints(f, neck.back);
  const waist = waistPoints(f, armpits.y, hem.y);

  const gChestC: Point = [f.gCenterX, (g.left_armpit[1] + g.right_armpit[1]) / 2];
  const torso: Pair[] = [
    { from: neck.back, to: g.neck_back },
    { from: neck.left, to: g.left_neck },
    { from: neck.right, to: g.right_neck },
    { from: shoulders.left, to: g.left_shoulder },
    { from: shoulders.right, to: g.right_shoulder },
    ...shoulderLine,
    { from: armpits.left, to: g.left_armpit },
    { from: armpits.right, to: g.right_armpit },
    { from: waist.left, to: waist.gLeft },
    { from: waist.right, to: waist.gRight },
    { from: hem.left, to: g.left_hem },
    { from: hem.right, to: g.right_hem },
    { from: mid(hem.left, hem.right), to: mid(g.left_hem, g.right_hem) },
    { from: mid(armpits.left, armpits.right), to: gChestC },
  ];
  return {
    torso,
    box: paddedBox(torso, body.shoulderSpan * 0.15),
    leftSleeve: sleeveFit(f, kp, 'left', sleeves.left, shoulders.left, armpits.left),
    rightSleeve: sleeveFit(f, kp, 'right', sleeves.right, shoulders.right, armpits.right),
    hemY: hem.y,
  };
}

/** +1 when the wearer's `side` is on the image's right. */
function imgSide(f: FitFrame, side: Side): number {
  return (side === 'left') === f.facing ? 1 : -1;
}

/**
 * A sleeveless top's straps rest on the shoulders: its strap points keep their distance
 * from its middle (at the garment's scale) and sit on the line across the shoulders' tops;
 * placed level with the collar's back instead, they stood above the shoulders.
 */
function onShoulders(f: FitFrame, gp: Point): Point {
  const { body } = f;
  const [topA, topB] = body.shoulderTops;
  const x = body.neckBase[0] + (gp[0] - f.gCenterX) * f.h * (f.facing ? 1 : -1);
  const dx = topB[0] - topA[0];
  return [x, Math.abs(dx) < 1 ? (topA[1] + topB[1]) / 2 : topA[1] + ((x - topA[0]) * (topB[1] - topA[1])) / dx];
}

/** Collar: the back of the collar a little above the notch between the collarbones, and its corners round the neck. */
function collarPoints(f: FitFrame): SidePoints & { back: Point } {
  const { body, g, h } = f;
  const back = add(body.neckBase, body.up, body.shoulderSpan * 0.1);
  // a flat collar is a ring laid flat: round the neck its width is 2/π of its circumference's half
  const neckHalf = Math.max(body.neckRadius * 1.15, (Math.abs(g.left_neck[0] - g.right_neck[0]) * h * FLAT_TO_FRONT * TUBE_FRONT) / 2);
  const neckAt = (side: Side): Point => {
    const gn = side === 'left' ? g.left_neck : g.right_neck;
    // a sleeveless top's neckline is its straps' inner edge: placed with the straps,
    // not as a collar's ring round the neck, whose width would pull a strap's top aside
    if (!f.sleeved) return onShoulders(f, gn);
    return [back[0] + imgSide(f, side) * neckHalf, back[1] + (gn[1] - g.neck_back[1]) * h];
  };
  return { back, left: neckAt('left'), right: neckAt('right') };
}

/** Shoulders: seams just outside the joints and on top; a sleeveless top's straps keep their place. */
function shoulderPoints(f: FitFrame): SidePoints {
  const { body, g } = f;
  const [edgeImgLeft, edgeImgRight] = body.shoulderEdges;
  const shoulderAt = (side: Side): Point => {
    if (!f.sleeved) return onShoulders(f, side === 'left' ? g.left_shoulder : g.right_shoulder);
    // on the shoulder's top, out towards its edge
    const joint = side === 'left' ? f.jointL : f.jointR;
    const edge = imgSide(f, side) > 0 ? edgeImgRight : edgeImgLeft;
    const top = side === 'left' ? body.shoulderTops[0] : body.shoulderTops[1];
    return add(top, sub(edge, joint), SLEEVE_SEAM_OUT - SHOULDER_TOP_AT);
  };
  return { left: shoulderAt('left'), right: shoulderAt('right') };
}

/** A side of the garment's body at portrait row y: the body's width plus ease, or the garment's own (half width `gHalf`) where it is wider. */
function sideAt(f: FitFrame, y: number, gHalf: number, side: Side): Point {
  const t = torsoSpanAt(f.person, f.arms, f.body, y);
  const half = Math.max(((t.right - t.left) / 2) * (1 + f.opts.ease), gHalf * f.h);
  return [t.center + imgSide(f, side) * half, y];
}

/**
 * A sleeved top lies on the shoulders: the middle of its shoulder line (between the collar's
 * corner and the sleeve's seam) goes onto the person's outline above the middle of the body's
 * line between them. Pinned only at its ends, the garment's straight shoulder passed under the
 * rising outline, and a shelf of the old top, cleared to skin, showed above it.
 */
function shoulderLinePairs(f: FitFrame, neck: SidePoints, shoulders: SidePoints): Pair[] {
  const { body, person, g } = f;
  const reach = body.shoulderSpan * SHOULDER_LINE_REACH;
  const pairs: Pair[] = [];
  for (const side of ['left', 'right'] as const) {
    const from = mid(neck[side], shoulders[side]);
    const t = stepsToOutline(person, from, body.up, reach);
    if (t >= reach) continue;
    const to = side === 'left' ? mid(g.left_neck, g.left_shoulder) : mid(g.right_neck, g.right_shoulder);
    pairs.push({ from: add(from, body.up, t), to });
  }
  return pairs;
}

/** The armpits: at the sides, at armpitY. */
function armpitPoints(f: FitFrame): SidePoints & { y: number } {
  const { g, gCenterX } = f;
  const y = armpitY(f.body);
  return { y, left: sideAt(f, y, Math.abs(g.left_armpit[0] - gCenterX), 'left'), right: sideAt(f, y, Math.abs(g.right_armpit[0] - gCenterX), 'right') };
}

/** Length: the garment's length-to-chest ratio against the torso (collar to hips) puts the hem's row; its corners are at the sides. */
function hemPoints(f: FitFrame, neckBack: Point): SidePoints & { y: number } {
  const { body, g, gCenterX, opts } = f;
  const gChest = Math.max(Math.abs(g.left_armpit[0] - g.right_armpit[0]), 1);
  const gLen = (g.left_hem[1] + g.right_hem[1]) / 2 - g.neck_back[1];
  const toHips = Math.max(len(sub(body.hipCenter, neckBack)), body.shoulderSpan * 0.8);
  const ratio = Math.min(MAX_TOP_LENGTH, Math.max(MIN_TOP_LENGTH, Math.sqrt(gLen / gChest / HIP_LENGTH_RATIO)));
  const y = neckBack[1] + toHips * ratio * opts.lengthScale * -body.up[1];
  return { y, left: sideAt(f, y, Math.abs(g.left_hem[0] - gCenterX), 'left'), right: sideAt(f, y, Math.abs(g.right_hem[0] - gCenterX), 'right') };
}

/** The waist: halfway from armpits to hem, on the body and in the garment. */
function waistPoints(f: FitFrame, yArm: number, hemY: number): SidePoints & { gLeft: Point; gRight: Point } {
  const { g, gCenterX } = f;
  const y = (yArm + hemY) / 2;
  const gLeft = lerp(g.left_armpit, g.left_hem, 0.5), gRight = lerp(g.right_armpit, g.right_hem, 0.5);
  return { gLeft, gRight, left: sideAt(f, y, Math.abs(gLeft[0] - gCenterX), 'left'), right: sideAt(f, y, Math.abs(gRight[0] - gCenterX), 'right') };
}

/** The box around the body points, `pad` wider each way. */
function paddedBox(torso: Pair[], pad: number): UpperFit['box'] {
  const xs = torso.map((p) => p.from[0]), ys = torso.map((p) => p.from[1]);
  return { x0: Math.min(...xs) - pad, y0: Math.min(...ys) - pad, x1: Math.max(...xs) + pad, y1: Math.max(...ys) + pad };
}

/**
 * One sleeve on the arm, from its root between the body's shoulder and armpit points;
 * null when the garment has no sleeve on that side.
 */
function sleeveFit(f: FitFrame, kp: Keypoints, side: Side, shape: SleeveShape, bShoulder: Point, bArmpit: Point): SleeveFit | null {
  if (shape.length <= 0) return null;
  const { body, g, h } = f;
  const span = body.shoulderSpan;
  const elbow: Point = side === 'left' ? [kp.left_elbow.x, kp.left_elbow.y] : [kp.right_elbow.x, kp.right_elbow.y];
  const wrist: Point = side === 'left' ? [kp.left_wrist.x, kp.left_wrist.y] : [kp.right_wrist.x, kp.right_wrist.y];
  // The sleeve hangs around the arm: its tube is centred on the arm's axis (the root's
  // middle projected onto shoulder joint → elbow), and its opening is no wider than a
  // loose sleeve's, whatever the flat photo's shoulder-to-armpit span.
  const joint = side === 'left' ? f.jointL : f.jointR;
  const armDir = sub(elbow, joint);
  const armLen = Math.max(len(armDir), 1);
  const rm = mid(bShoulder, bArmpit);
  // ...starting on top of the shoulder, so the rounded sleeve cap covers the deltoid.
  const along = Math.max(-span * 0.08, ((rm[0] - joint[0]) * armDir[0] + (rm[1] - joint[1]) * armDir[1]) / armLen - span * 0.1);
  const root: Point = add(joint, armDir, along / armLen);
  // Sleeves hang, so their flat length is their true length (front scale × flat-to-front).
  const path = armPath(root, [elbow, wrist], shape.length * h * FLAT_TO_FRONT, span);
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
}

/** The sleeve's path down the arm: `length` along root → elbow → wrist, ending where it runs out. */
function armPath(root: Point, joints: Point[], length: number, span: number): Point[] {
  let left = length;
  const path: Point[] = [root];
  let from = root;
  for (const to of joints) {
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
  return path;
}
