/**
 * A garment photographed on a model: find the model (pose, person mask, face,
 * skin, hair and clothes, as for a portrait), tell the product from the other
 * clothes they wear (the top, the bottom, or a dress: from the page's hint,
 * otherwise whichever the photo shows most of), and cut it out with the
 * model's body, so a try-on can move it body to body.
 *
 * Where the model's hands or hair lie over the garment, the garment is filled
 * in from its surroundings, so it does not arrive with holes (on-model-holes.ts).
 */
import type { GarmentAnalysis, ModelBody } from '../analysis';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray } from '../image';
import type { PoseModels } from '../perception/pose';
import { detectOnWorkingCopy, estimatePose } from '../perception/pose';
import { runLandmarks } from '../perception/pose-landmarks';
import { personMask } from '../perception/person-mask';
import { bodyGeometry, fromTorsoAxis } from '../portrait/body-geometry';
import type { BodyGeometry } from '../portrait/body-geometry';
import { portraitRegions } from '../portrait/regions';
import type { PortraitRegions } from '../portrait/regions';
import { learnSkin, skinToned } from '../portrait/skin';
import type { ClothesSplit } from '../portrait/clothes-split';
import { splitClothes, topAndBottom, torsoMiddleColours, wornClothes } from '../portrait/clothes-split';
import type { Point } from '../shapes';
import { drawCapsule, segmentDistance } from '../shapes';
import type { BodyPointName, GarmentCategory, Keypoints, SleeveLength } from '../types';
import { BODY_POINT_NAMES } from '../types';
import type { LowerKind } from './lower-shape';
import { rareIn } from '../colour-bins';
import { lerp } from '../vec';
import type { HiddenBand } from './on-model-holes';
import { fillHoles } from './on-model-holes';

/** Part labels of an on-model garment: which body part carries each pixel. */
export const MODEL_PART = { torso: 1, leftArm: 2, rightArm: 3, leftLeg: 4, rightLeg: 5 } as const;

/** The model found in a photo, with everything needed to cut out what they wear. */
export interface FoundModel {
  keypoints: Keypoints;
  person: GrayImage;
  body: BodyGeometry;
  regions: PortraitRegions;
}

/** Share of skin-toned pixels below which a photo without a face is taken for a flat garment without asking the pose model. */
const MIN_SKIN_SHARE = 0.03;
/** The quick whole-frame look for a headless model: these joints seen, the pose model this sure of a body. */
const QUICK_JOINTS: BodyPointName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_elbow', 'right_elbow'];
const QUICK_MIN_VISIBILITY = 0.7, QUICK_MIN_FLAG = 0.5;
/** How far below the hip joints a top tucked in on the model goes on, untucked, in torso lengths. */
const TOP_BELOW_HIPS = 0.12;
/** Where a waistband sits at the highest (a high rise), above the hip joints, in torso lengths. */
const WAISTBAND_ABOVE_HIPS = 0.55;
/**
 * How far from the model's arm a sleeve's pixel may be, in the arm's half thicknesses: towards the torso
 * (beyond, it is the top's side) and away from it (a loose or sheer sleeve's outer edge). The sleeve warp
 * (bodyTransfer's arm reach) must reach as far.
 */
export const SLEEVE_INNER_REACH = 1.2, SLEEVE_OUTER_REACH = 2.1;
/** How far out from a bare arm's line what reads as garment is the arm's fringe (skin and backdrop mixed), in arm half thicknesses. */
const ARM_FRINGE = 1.8;
/** A high collar reaches this many neck half widths from the neck's middle. */
const NECK_COLUMN = 1.1;
/** Share of the neck's width a collar's row covers (hair hanging beside the neck covers less). */
const COLLAR_ACROSS = 0.8;
/** A row is the shoulders' once the person is this much wider than the head and its hair at the chin. */
const SHOULDERS_WIDER = 1.15;
/** Half the width, in shoulder spans, below which a stroke beside a bottom is not the bottom's. */
const THIN_STROKE = 0.035;
/** A colour this rare in a garment's middle is not the garment's (an arm's skin beside it). */
const RARE_IN_GARMENT = 0.002;

/**
 * The model wearing the garment, or null for a flat product photo. Costs one
 * detector run on a flat photo; the full pose only when someone is there, and
 * a person counts only if big, with shoulders and hips in the frame.
 * @example const model = await findModel(models, productPhoto); // null for a flat lay
 */
export async function findModel(models: PoseModels, image: RgbaImage): Promise<FoundModel | null> {
  // The detector finds people by their faces; stores often crop the model's head off. Then the
  // pose on the whole frame decides, asked only when the photo shows skin, and believed only
  // when sure of the body's joints (flat garments can look like a torso to it, never so surely).
  // (The detector's look is handed on to the pose: it is its first step.)
  const seen = await detectOnWorkingCopy(models, image);
  const headless = seen.people.length === 0;
  if (headless && skinShare(seen.working) < MIN_SKIN_SHARE) return null;
  if (headless && !(await looksLikeABody(models, image))) return null;
  const pose = await estimatePose(models, image, seen);
  if (!pose || pose.poseFlag < (headless ? 0.7 : 0.8)) return null;
  const kp = pose.keypoints;
  const { width: w, height: h } = image;
  const inFrame = (p: { x: number; y: number; score: number }) => p.score > (headless ? 0.93 : 0.5) && p.x >= 0 && p.y >= 0 && p.x < w && p.y < h;
  const joints = headless ? [kp.left_shoulder, kp.right_shoulder, kp.left_hip, kp.right_hip, kp.left_elbow, kp.right_elbow] : [kp.left_shoulder, kp.right_shoulder, kp.left_hip, kp.right_hip];
  if (!joints.every(inFrame)) return null;
  const person = personMask(image, pose);
  let area = 0;
  for (let i = 0; i < person.data.length; i++) area += person.data[i];
  // a person on a print, a face on a label: small, or without a body around the pose
  if (area < w * h * (headless ? 0.18 : 0.08)) return null;
  const body = bodyGeometry(kp, person);
  const regions = portraitRegions(image, person, body, learnSkin(image, kp, person));
  return { keypoints: kp, person, body, regions };
}

/**
 * One landmark run on the whole frame (a third of a full pose): a body it is fairly
 * sure of, shoulders, hips and elbows seen. Most flat garments fail it (38 of our 42
 * samples; the rest are turned down by the full pose's stricter test), headless models pass.
 */
async function looksLikeABody(models: PoseModels, image: RgbaImage): Promise<boolean> {
  const whole = { cx: (image.width - 1) / 2, cy: (image.height - 1) / 2, size: Math.max(image.width, image.height), rotation: 0 };
  const { points, poseFlag } = await runLandmarks(models.landmarks, image, whole);
  const seen = QUICK_JOINTS.every((name) => points[BODY_POINT_NAMES.indexOf(name)].visibility > QUICK_MIN_VISIBILITY);
  return poseFlag >= QUICK_MIN_FLAG && seen;
}

/** Share of skin-toned pixels (a broad chroma range covering most skin tones), on a sparse grid. */
function skinShare(image: RgbaImage): number {
  const d = image.data;
  let skin = 0, n = 0;
  for (let i = 0; i < image.width * image.height; i += 7) {
    n++;
    if (skinToned(d[i * 4], d[i * 4 + 1], d[i * 4 + 2])) skin++;
  }
  return skin / Math.max(1, n);
}

/**
 * @param hint the page's word for the product, if any: which of the model's garments it is.
 * @example const garment = analyseOnModel(photo, model, 'lower');
 */
export function analyseOnModel(image: RgbaImage, model: FoundModel, hint: GarmentCategory | undefined, timingsMs: Record<string, number>, version: number): GarmentAnalysis {
  const t0 = performance.now();
  const { keypoints: kp, person, body, regions } = model;
  const { width: w, height: h } = image;
  const split = splitClothes(image, person, regions, body, kp);
  const torso = Math.hypot(body.shoulderCenter[0] - body.hipCenter[0], body.shoulderCenter[1] - body.hipCenter[1]);
  const line = split.waistY ?? body.hipCenter[1] - torso * 0.3;
  const { top, bottom } = topAndBottom(person, regions, split, line, body);
  const clothesTop = createGray(w, h);
  for (let i = 0; i < w * h; i++) clothesTop.data[i] = top.data[i] * regions.clothes.data[i];
  const category = hint ?? chooseCategory(split, clothesTop, bottom);
  const worn = category === 'upper' ? clothesTop : category === 'lower' ? bottom : wornClothes(person, regions, split, body);
  // the waist line's rows are the top's hem as often as the waistband: a bottom starts clearly below it
  if (category === 'lower') worn.data.fill(0, 0, Math.max(0, Math.round(line + body.shoulderSpan * 0.04)) * w);
  // A bottom's waistband hides under the model's top: continue it up there, to be hidden again under the shopper's.
  // A long top hides it down to the hips: it goes up at least as far as a waistband sits on a body.
  const hiddenFrom = Math.min(line - torso * 0.15, body.hipCenter[1] - torso * WAISTBAND_ABOVE_HIPS);
  // A top tucked into the model's bottom (or ending on its waistband) would leave a bare band
  // on a shopper whose bottom sits lower: it goes on down to the hips, as if worn untucked.
  const hidden: HiddenBand | null = category === 'lower'
    ? { mask: personBetween(person, regions, hiddenFrom, line + body.shoulderSpan * 0.05), garmentIs: 'below' }
    : category === 'upper' && endsOnBottom(worn, bottom, body)
      ? { mask: personBetween(person, regions, line - body.shoulderSpan * 0.05, body.hipCenter[1] + torso * TOP_BELOW_HIPS), garmentIs: 'above' }
      : null;
  const lowerKind: LowerKind | undefined = category === 'lower' ? legsApart(worn, kp) : undefined;
  if (category === 'dress' || lowerKind === 'skirt') cutBelowHem(worn, kp, body);
  if (category !== 'lower') {
    dropBareArms(image, worn, body, split.sleeveEnds);
    dropHairBesideNeck(worn, person, body);
  } else dropThinStrokes(worn, body);
  const { image: filled, mask } = fillHoles(image, worn, person, regions, body, hidden);
  const parts = labelParts(mask, body, category, lowerKind === 'trousers', split.sleeveEnds);
  let r = 0, g = 0, b = 0, n = 0;
  for (let i = 0; i < w * h; i++) {
    if (mask.data[i] < 0.9) continue;
    r += filled.data[i * 4]; g += filled.data[i * 4 + 1]; b += filled.data[i * 4 + 2]; n++;
  }
  const landmarks: Record<string, [number, number]> = {};
  for (const [name, p] of Object.entries(kp)) landmarks[name] = [p.x, p.y];
  const sleeveEnd = Math.max(...split.sleeveEnds);
  const sleeve: SleeveLength = category === 'lower' || sleeveEnd < 0.1 ? 'none' : sleeveEnd < 0.6 ? 'short' : 'long';
  const modelBody: ModelBody = { keypoints: kp, body };
  timingsMs.onModel = performance.now() - t0;
  return {
    version, category, sleeve, image: filled, mask, landmarks, sleeves: null, parts,
    meanColor: n ? [r / n, g / n, b / n] : [0, 0, 0], timingsMs, lowerKind, model: modelBody,
  };
}

/**
 * A bare arm the skin model missed (dark or shiny skin, strong light) is taken
 * for clothes and would be carried over as garment: on a side without a sleeve,
 * the arm's outer half and the backdrop's fringe beyond it (nothing of a sleeveless
 * garment is there), and pixels around the arm in colours the garment's middle
 * (the chest to the waist, between the shoulders) does not have, are left out.
 */
function dropBareArms(image: RgbaImage, worn: GrayImage, body: BodyGeometry, sleeveEnds: [number, number]): void {
  if (sleeveEnds[0] >= 0.1 && sleeveEnds[1] >= 0.1) return;
  const { width: w, height: h } = image;
  const core = torsoMiddleColours(image, worn.data, body, 0.85);
  if (core.total === 0) return;
  const near = createGray(w, h), outside = createGray(w, h);
  [body.leftArm, body.rightArm].forEach((arm, k) => {
    if (sleeveEnds[k] >= 0.1) return;
    // from a little past the shoulder joint: the armhole's edge belongs to the garment
    const [s, e, wrist] = arm.points;
    const start = lerp(s, e, 0.3);
    drawCapsule(near, [start, e, wrist], arm.radii.map((r) => r * ARM_FRINGE));
    // the outer side down to the forearm's middle (lower, a skirt may flare out beside the hands);
    // the inner side may be the garment's own side, against the arm
    markOutsideArm(outside, body, [start, e, lerp(e, wrist, 0.5)], [arm.radii[0], arm.radii[1], (arm.radii[1] + arm.radii[2]) / 2]);
  });
  for (let i = 0; i < w * h; i++) {
    if (worn.data[i] > 0 && (outside.data[i] > 0 || (near.data[i] > 0.5 && rareIn(core, image.data, i, RARE_IN_GARMENT)))) worn.data[i] = 0;
  }
}

/**
 * Marks (1) the pixels within ARM_FRINGE radii of an arm's line (`path`, with its half
 * thickness at each point) on its outer side, away from the torso, and a fifth of the
 * radius inside the line (the arm's middle, whatever its colour).
 */
function markOutsideArm(out: GrayImage, body: BodyGeometry, path: Point[], radii: number[]): void {
  const { width: w, height: h } = out;
  const fromAxis = fromTorsoAxis(body);
  const reach = Math.max(...radii) * ARM_FRINGE;
  const x0 = Math.max(0, Math.floor(Math.min(...path.map((p) => p[0])) - reach)), x1 = Math.min(w - 1, Math.ceil(Math.max(...path.map((p) => p[0])) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(...path.map((p) => p[1])) - reach)), y1 = Math.min(h - 1, Math.ceil(Math.max(...path.map((p) => p[1])) + reach));
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    for (let g = 0; g + 1 < path.length; g++) {
      const { d, t } = segmentDistance(x, y, path[g], path[g + 1]);
      const r = radii[g] + (radii[g + 1] - radii[g]) * t;
      if (d >= r * ARM_FRINGE) continue;
      const a = path[g], b = path[g + 1];
      if (fromAxis(x, y) > fromAxis(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) - r * 0.2) out.data[y * w + x] = 1;
    }
  }
}

/**
 * Long hair the garment's colour (dark hair over a dark dress) is read as the garment
 * below the chin, and would come along as a block beside the shopper's neck. Beside the
 * neck (a high collar round it aside), nothing is the garment above the highest a
 * shoulder's top sits (over the joints by 1.6 of the arm's half thickness, beside the
 * neck by 0.3 of a shoulder span), nor in the rows below the chin where the person is
 * no wider than the head with its hair (the shoulders begin where it grows wider).
 */
function dropHairBesideNeck(worn: GrayImage, person: GrayImage, body: BodyGeometry): void {
  const { width: w, height: h } = worn;
  const widthAt = (y: number) => {
    let l = -1, r = -1;
    for (let x = 0, i = y * w; x < w; x++, i++) if (person.data[i] > 0.5) { if (l < 0) l = x; r = x; }
    return l < 0 ? 0 : r - l + 1;
  };
  const chinY = Math.max(0, Math.round(body.chin[1]));
  const endY = Math.min(h, Math.round(body.neckBase[1] + body.shoulderSpan * 0.2));
  if (chinY >= endY) return;
  const head = widthAt(Math.min(h - 1, chinY));
  const [cx, cy] = body.chin, [nx, ny] = body.neckBase;
  // (the neck's measured width takes in hair that hangs beside it: a collar is no wider than a typical neck)
  const collar = Math.min(body.neckRadius, body.shoulderSpan * 0.14) * NECK_COLUMN;
  const neckX = (y: number) => cx + (nx - cx) * Math.min(1, Math.max(0, (y - cy) / Math.max(1, ny - cy)));
  const neckSide = ny - body.shoulderSpan * 0.3;
  // the highest a shoulder's top sits in column x: from beside the neck out to the joint, level beyond it
  const shoulderTop = (x: number) => {
    const arm = (x < nx) === (body.leftArm.points[0][0] < nx) ? body.leftArm : body.rightArm;
    const [jx, jy] = arm.points[0], top = jy - arm.radii[0] * 1.6;
    const t = Math.min(1, Math.max(0, (x - nx) / (jx - nx || 1)));
    return neckSide + (top - neckSide) * t;
  };
  // A collar goes round the neck, across its whole width, up from the neckline without a break;
  // strands of hair cover the neck in part
  const collarRow = new Uint8Array(endY - chinY);
  for (let y = endY - 1; y >= chinY; y--) {
    let across = 0, n = 0;
    for (let x = Math.max(0, Math.round(neckX(y) - collar)); x <= Math.min(w - 1, neckX(y) + collar); x++, n++) across += worn.data[y * w + x] > 0.5 ? 1 : 0;
    collarRow[y - chinY] = n > 0 && across / n > COLLAR_ACROSS && (y >= ny || collarRow[y - chinY + 1] === 1) ? 1 : 0;
  }
  let shoulders = head === 0;
  for (let y = chinY; y < endY; y++) {
    if (!shoulders && widthAt(y) > head * SHOULDERS_WIDER) shoulders = true;
    const x0 = neckX(y);
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const drop = Math.abs(x - x0) <= collar ? y < neckSide && !collarRow[y - chinY] : !shoulders || y < shoulderTop(x);
      if (drop) worn.data[i] = 0;
    }
  }
}

/**
 * A bottom has no part thinner than a few percent of the shoulders: strokes that
 * narrow beside it are an arm's shadowed edge or the rim of a held bag, taken for
 * clothes. An opening (shrink, then grow back) of the mask leaves them out.
 */
function dropThinStrokes(worn: GrayImage, body: BodyGeometry): void {
  const r = Math.max(2, Math.round(body.shoulderSpan * THIN_STROKE));
  const solid = createGray(worn.width, worn.height);
  for (let i = 0; i < worn.data.length; i++) solid.data[i] = worn.data[i] > 0.5 ? 1 : 0;
  const shrunk = boxBlur(solid, r);
  for (let i = 0; i < shrunk.data.length; i++) shrunk.data[i] = shrunk.data[i] > 0.999 ? 1 : 0;
  const grown = boxBlur(shrunk, r);
  for (let i = 0; i < worn.data.length; i++) if (grown.data[i] < 0.001) worn.data[i] = 0;
}

/** Without a hint: a one-piece is a dress; otherwise the garment the photo shows more of. */
function chooseCategory(split: ClothesSplit, top: GrayImage, bottom: GrayImage): GarmentCategory {
  if (split.waistY === null) return 'dress';
  let t = 0, b = 0;
  for (let i = 0; i < top.data.length; i++) { t += top.data[i]; b += bottom.data[i]; }
  return b > t * 1.2 ? 'lower' : 'upper';
}

/**
 * Whether the top's hem lies on the model's bottom (tucked in, or ending on its
 * waistband) rather than on bare skin (a crop top): most of the hem's columns
 * across the body have the bottom just below them.
 */
function endsOnBottom(top: GrayImage, bottom: GrayImage, body: BodyGeometry): boolean {
  const { width: w, height: h } = top;
  const gap = Math.max(2, Math.round(body.shoulderSpan * 0.04));
  const x0 = Math.max(0, Math.round(body.hipCenter[0] - body.shoulderSpan * 0.3)), x1 = Math.min(w - 1, Math.round(body.hipCenter[0] + body.shoulderSpan * 0.3));
  const from = Math.max(0, Math.round(body.shoulderCenter[1])), to = Math.min(h - 1, Math.round(body.hipCenter[1] + body.shoulderSpan * 0.5));
  let hems = 0, onBottom = 0;
  for (let x = x0; x <= x1; x++) {
    let hem = -1;
    for (let y = from; y <= to; y++) if (top.data[y * w + x] > 0.5) hem = y;
    if (hem < 0) continue;
    hems++;
    for (let y = hem + 1; y <= Math.min(h - 1, hem + gap); y++) if (bottom.data[y * w + x] > 0.5) { onBottom++; break; }
  }
  return hems > 0 && onBottom / hems > 0.6;
}

/** The person between rows `from` and `to`, arms and hands aside: where a garment continues unseen. */
function personBetween(person: GrayImage, regions: PortraitRegions, from: number, to: number): GrayImage {
  const { width: w, height: h } = person;
  const out = createGray(w, h);
  const y0 = Math.max(0, Math.floor(from)), y1 = Math.min(h - 1, Math.ceil(to));
  for (let y = y0; y <= y1; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    out.data[i] = person.data[i] * (1 - Math.max(regions.arms.data[i], regions.hands.data[i]));
  }
  return out;
}

/**
 * A skirt or dress ends at its hem: below the hips, the first row where the
 * garment's width steps down sharply (to legs in tights, or nothing) and stays
 * down; what is below is not the garment.
 */
function cutBelowHem(worn: GrayImage, kp: Keypoints, body: BodyGeometry): void {
  const { width: w, height: h, data } = worn;
  const hipY = Math.round(body.hipCenter[1]), ankleY = Math.min(h - 1, Math.round((kp.left_ankle.y + kp.right_ankle.y) / 2));
  const widths: number[] = [];
  for (let y = hipY; y <= ankleY; y++) {
    let l = -1, r = -1;
    for (let x = 0; x < w; x++) if (data[y * w + x] > 0.5) { if (l < 0) l = x; r = x; }
    widths.push(l < 0 ? 0 : r - l + 1);
  }
  const k = Math.max(2, Math.round((ankleY - hipY) * 0.03));
  const median = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1] ?? 0;
  const thigh = Math.hypot(kp.left_knee.x - kp.left_hip.x, kp.left_knee.y - kp.left_hip.y);
  // the hem's rows curve and flare, so the width falls over a few rows: find where it starts
  // falling (below 85% of the skirt above) and goes on to below 70% within a few rows
  for (let i = Math.max(3 * k, Math.round(thigh * 0.3)); i + 2 * k < widths.length; i++) {
    const skirt = median(widths.slice(i - 3 * k, i));
    if (skirt <= 0 || median(widths.slice(i, i + k)) >= skirt * 0.85) continue;
    if (median(widths.slice(i + k, i + 2 * k)) < skirt * 0.7) {
      data.fill(0, (hipY + i + Math.round(k / 2)) * w);
      return;
    }
  }
}

/** Trousers show the backdrop or skin between the knees; a skirt does not. */
function legsApart(mask: GrayImage, kp: Keypoints): LowerKind {
  const { width: w, height: h } = mask;
  let off = 0, n = 0;
  for (let k = 1; k <= 9; k++) {
    const t = 0.4 + k * 0.05;
    const a: Point = [kp.left_hip.x + (kp.left_knee.x - kp.left_hip.x) * t, kp.left_hip.y + (kp.left_knee.y - kp.left_hip.y) * t];
    const b: Point = [kp.right_hip.x + (kp.right_knee.x - kp.right_hip.x) * t, kp.right_hip.y + (kp.right_knee.y - kp.right_hip.y) * t];
    const x = Math.round((a[0] + b[0]) / 2), y = Math.round((a[1] + b[1]) / 2);
    if (x < 0 || y < 0 || x >= w || y >= h) continue;
    n++;
    if (mask.data[y * w + x] < 0.5) off++;
  }
  return n > 0 && off / n > 0.3 ? 'trousers' : 'skirt';
}

/**
 * Which body part carries each garment pixel: sleeves on the arms (past the
 * shoulder), trouser legs below the crotch (each leg apart), the rest the torso.
 */
function labelParts(mask: GrayImage, body: BodyGeometry, category: GarmentCategory, splitLegs: boolean, sleeveEnds: [number, number]): Uint8Array {
  const { width: w, height: h } = mask;
  const parts = new Uint8Array(w * h);
  const thigh = Math.hypot(body.leftLeg.points[1][0] - body.leftLeg.points[0][0], body.leftLeg.points[1][1] - body.leftLeg.points[0][1]);
  const crotchY = body.hipCenter[1] + thigh * 0.2;
  const arms = category === 'lower' ? [] : [body.leftArm, body.rightArm];
  const fromAxis = fromTorsoAxis(body);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (mask.data[i] <= 0.02) continue;
    let label: number = MODEL_PART.torso;
    for (let k = 0; k < arms.length; k++) {
      const { points, radii } = arms[k];
      const a = segmentDistance(x, y, points[0], points[1]), b = segmentDistance(x, y, points[1], points[2]);
      const seg = a.d <= b.d ? 0 : 1, s = seg === 0 ? a : b;
      const near = { d: s.d, r: radii[seg] + (radii[seg + 1] - radii[seg]) * s.t, t: (seg + s.t) * 0.5 };
      // past the shoulder joint's line, within the sleeve around the arm (its radius is measured over the sleeve)
      const past = (x - points[0][0]) * (points[1][0] - points[0][0]) + (y - points[0][1]) * (points[1][1] - points[0][1]) > 0;
      // and no further down than the sleeve goes (a sleeveless dress's side beside a hanging arm is the dress's)
      if (!past || sleeveEnds[k] < 0.1 || near.t > sleeveEnds[k] + 0.06) continue;
      const p = points[seg], q = points[seg + 1];
      // a loose or sheer sleeve reaches further out than the arm measured under it; left to the
      // torso's warp it would be drawn where the model's arm was, a stripe beside the shopper's
      const reach = fromAxis(x, y) > fromAxis(p[0] + (q[0] - p[0]) * s.t, p[1] + (q[1] - p[1]) * s.t) ? SLEEVE_OUTER_REACH : SLEEVE_INNER_REACH;
      if (near.d < near.r * reach) label = k === 0 ? MODEL_PART.leftArm : MODEL_PART.rightArm;
    }
    if (label === MODEL_PART.torso && splitLegs && y > crotchY) {
      const dl = legDistance(x, y, body.leftLeg.points), dr = legDistance(x, y, body.rightLeg.points);
      label = dl <= dr ? MODEL_PART.leftLeg : MODEL_PART.rightLeg;
    }
    parts[i] = label;
  }
  return parts;
}

function legDistance(x: number, y: number, p: Point[]): number {
  return Math.min(segmentDistance(x, y, p[0], p[1]).d, segmentDistance(x, y, p[1], p[2]).d);
}
