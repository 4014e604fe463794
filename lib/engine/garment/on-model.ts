/**
 * A garment photographed on a model: find the model (pose, person mask, face,
 * skin, hair and clothes, as for a portrait), tell the product from the other
 * clothes they wear (the top, the bottom, or a dress: from the page's hint,
 * otherwise whichever the photo shows most of), and cut it out with the
 * model's body, so a try-on can move it body to body.
 *
 * Where the model's hands or hair lie over the garment, the garment is filled
 * in from its surroundings, so it does not arrive with holes (on-model-holes.ts);
 * what reads as the garment but is not (a bare arm's edge, hair, a bag's rim) is
 * cleared first (on-model-cleanup.ts).
 */
import type { GarmentAnalysis, ModelBody } from '../analysis';
import type { GrayImage, RgbaImage } from '../image';
import { createGray } from '../image';
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
import { splitClothes, topAndBottom, wornClothes } from '../portrait/clothes-split';
import type { Point } from '../shapes';
import { segmentDistance } from '../shapes';
import type { BodyPointName, GarmentCategory, Keypoints, SleeveLength } from '../types';
import { BODY_POINT_NAMES } from '../types';
import type { LowerKind } from './lower-shape';
import type { HiddenBand } from './on-model-holes';
import { fillHoles } from './on-model-holes';
import { rowExtent } from './row-runs';
import { dropBareArms, dropHairBesideNeck, dropThinStrokes } from './on-model-cleanup';
import { closeNotches } from './edge-notches';
import { decontaminateEdges } from './decontaminate';
import { smoothstep } from '../smoothstep';
import { labelComponents } from '../connectivity';

/** A garment's soft edge is made steeper: opacity 0 below EDGE_FROM, 1 above EDGE_TO of the mask. */
const EDGE_FROM = 0.1, EDGE_TO = 0.6;
/** A piece of the cut-out smaller than this share of the largest is a sliver, not the garment. */
const SPECK_SHARE = 0.02;

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
const SLEEVE_INNER_REACH = 1.2;
export const SLEEVE_OUTER_REACH = 2.1;

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
    ? { mask: personBetween(person, null, hiddenFrom, line + body.shoulderSpan * 0.05), garmentIs: 'below' }
    : category === 'upper' && endsOnBottom(worn, bottom, body)
      ? { mask: personBetween(person, regions, line - body.shoulderSpan * 0.05, body.hipCenter[1] + torso * TOP_BELOW_HIPS), garmentIs: 'above' }
      : null;
  const lowerKind: LowerKind | undefined = category === 'lower' ? legsApart(worn, kp) : undefined;
  if (category === 'dress' || lowerKind === 'skirt') cutBelowHem(worn, kp, body);
  if (category !== 'lower') {
    dropBareArms(image, worn, body, split.sleeveEnds);
    dropHairBesideNeck(worn, person, body);
  } else {
    closeNotches(worn, body);
    dropThinStrokes(worn, body);
  }
  const holesFilled = fillHoles(image, worn, person, regions, body, hidden);
  // The person mask fades over several pixels where a garment meets a backdrop of like
  // darkness: moved onto a shopper that edge is half see-through (a strip of the shopper's
  // arm beside a sleeve, a soft white dress). The edge takes the colour just inside it and
  // its opacity is made steeper.
  const filled = decontaminateEdges(holesFilled.image, holesFilled.mask);
  const mask = holesFilled.mask;
  for (let i = 0; i < w * h; i++) mask.data[i] = smoothstep(EDGE_FROM, EDGE_TO, mask.data[i]);
  dropSpecks(mask);
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
 * A garment is one piece: slivers apart from it (a bare arm's edge read as the dress
 * beside it, a white dress's fringe on a white backdrop) are left out, all but the
 * pieces at least SPECK_SHARE of the largest one (a skirt's part a hand cuts off stays).
 */
function dropSpecks(mask: GrayImage): void {
  const { labels, sizes } = labelComponents(mask.width, mask.height, (i) => mask.data[i] > 0.02);
  const largest = Math.max(0, ...sizes.slice(1));
  for (let i = 0; i < mask.data.length; i++) if (labels[i] > 0 && sizes[labels[i]] < largest * SPECK_SHARE) mask.data[i] = 0;
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

/**
 * The person between rows `from` and `to`, arms and hands aside when `regions` are given:
 * where a garment continues unseen. (A waistband goes on under a hand or a sleeve's cuff
 * that hangs over it as under the top; a tucked top's hem does not go on over the arms.)
 */
function personBetween(person: GrayImage, regions: PortraitRegions | null, from: number, to: number): GrayImage {
  const { width: w, height: h } = person;
  const out = createGray(w, h);
  const y0 = Math.max(0, Math.floor(from)), y1 = Math.min(h - 1, Math.ceil(to));
  for (let y = y0; y <= y1; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    out.data[i] = person.data[i] * (regions ? 1 - Math.max(regions.arms.data[i], regions.hands.data[i]) : 1);
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
    const run = rowExtent(data, w, y, 0.5);
    widths.push(run ? run[1] - run[0] + 1 : 0);
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
