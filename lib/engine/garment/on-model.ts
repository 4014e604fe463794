/**
 * A garment photographed on a model: find the model (pose, person mask, face,
 * skin, hair and clothes, as for a portrait), tell the product from the other
 * clothes they wear (the top, the bottom, or a dress: from the page's hint,
 * otherwise whichever the photo shows most of), and cut it out with the
 * model's body, so a try-on can move it body to body.
 *
 * Where the model's hands or hair lie over the garment, the garment is filled
 * in from its surroundings, so it does not arrive with holes.
 */
import type { GarmentAnalysis, ModelBody } from '../analysis';
import { estimatePlate } from '../background-plate';
import { floodFill } from '../connectivity';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray } from '../image';
import { halveGray, halveRgba } from '../half-size';
import type { PoseModels } from '../perception/pose';
import { detectOnWorkingCopy, estimatePose } from '../perception/pose';
import { runLandmarks } from '../perception/pose-landmarks';
import { personMask } from '../perception/person-mask';
import { bodyGeometry } from '../portrait/body-geometry';
import type { BodyGeometry } from '../portrait/body-geometry';
import { portraitRegions } from '../portrait/regions';
import type { PortraitRegions } from '../portrait/regions';
import { learnSkin, skinToned } from '../portrait/skin';
import type { ClothesSplit } from '../portrait/clothes-split';
import { splitClothes, topAndBottom, wornClothes } from '../portrait/clothes-split';
import type { Point } from '../shapes';
import { drawCapsule, segmentDistance } from '../shapes';
import type { BodyPointName, GarmentCategory, Keypoints, SleeveLength } from '../types';
import { BODY_POINT_NAMES } from '../types';
import type { LowerKind } from './lower-shape';
import { centerLineX } from '../fit/torso-width';
import { colourHistogram, rareIn } from '../colour-bins';

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
const WAISTBAND_ABOVE_HIPS = 0.4;
/** How far along its row a hole looks for the garment on each side, in shoulder spans. */
const ENCLOSED_WITHIN = 0.35;
/** How far up and down a garment's edge hidden under a hand is continued from where it shows, in shoulder spans. */
const OUTLINE_REACH = 0.6;
/** An edge continued under a hand starts from the outermost of this many trusted rows at each end. */
const TRUSTED_ROWS = 8;
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
  if (category !== 'lower') dropBareArms(image, worn, body, split.sleeveEnds);
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
 * the arm's middle, and pixels around it in colours the garment's middle (the
 * chest to the waist, between the shoulders) does not have, are left out.
 */
function dropBareArms(image: RgbaImage, worn: GrayImage, body: BodyGeometry, sleeveEnds: [number, number]): void {
  const { width: w, height: h } = image;
  const half = body.shoulderSpan * 0.25;
  const [sx, sy] = body.shoulderCenter, [hx, hy] = body.hipCenter;
  const length = Math.max(1, hy - sy);
  const core = colourHistogram(image, (i) => {
    if (worn.data[i] < 0.9) return false;
    const x = i % w, y = (i - x) / w;
    const t = (y - sy) / length;
    return t > 0.15 && t < 0.85 && Math.abs(x - (sx + (hx - sx) * t)) < half;
  }, sy + length * 0.15, sy + length * 0.85);
  if (core.total === 0) return;
  const near = createGray(w, h), bone = createGray(w, h);
  [body.leftArm, body.rightArm].forEach((arm, k) => {
    if (sleeveEnds[k] >= 0.1) return;
    // from a little past the shoulder joint: the armhole's edge belongs to the garment
    const [s, e] = arm.points;
    const start: Point = [s[0] + (e[0] - s[0]) * 0.3, s[1] + (e[1] - s[1]) * 0.3];
    drawCapsule(near, [start, e, arm.points[2]], arm.radii.map((r) => r * 1.2));
    // and along the arm's middle, whatever the colour (skin in shadow can be the garment's)
    drawCapsule(bone, [start, e, arm.points[2]], arm.radii.map((r) => r * 0.6));
  });
  for (let i = 0; i < w * h; i++) {
    if (worn.data[i] > 0 && (bone.data[i] > 0.5 || (near.data[i] > 0.5 && rareIn(core, image.data, i, RARE_IN_GARMENT)))) worn.data[i] = 0;
  }
}

/** Without a hint: a one-piece is a dress; otherwise the garment the photo shows more of. */
function chooseCategory(split: ClothesSplit, top: GrayImage, bottom: GrayImage): GarmentCategory {
  if (split.waistY === null) return 'dress';
  let t = 0, b = 0;
  for (let i = 0; i < top.data.length; i++) { t += top.data[i]; b += bottom.data[i]; }
  return b > t * 1.2 ? 'lower' : 'upper';
}

/** Where a garment goes on unseen under another: a band of rows, and on which side of it the garment shows. */
interface HiddenBand {
  mask: GrayImage;
  garmentIs: 'above' | 'below';
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
 * The garment where the model's hands or hair cover it: the mask closed over
 * those holes, their colour spread in from the garment around them.
 */
function fillHoles(image: RgbaImage, worn: GrayImage, person: GrayImage, regions: PortraitRegions, body: BodyGeometry, band: HiddenBand | null): { image: RgbaImage; mask: GrayImage } {
  const { width: w, height: h } = image;
  const r = Math.max(2, Math.round(body.shoulderSpan * 0.06));
  // What a model holds (a bag, a phone) hangs from the hand: out of the garment, and filled like a hand.
  const held = createGray(w, h);
  for (const hand of [body.leftHand, body.rightHand]) drawCapsule(held, hand.points, hand.radii.map((x) => x * 2.2));
  const hands = new Float32Array(held.data);
  heldObjects(image, worn, held, body);
  // closing: grow by r, shrink by r (a box's mean above 1/(2r+1) reaches from a garment pixel)
  const grown = boxBlur(worn, r);
  for (let i = 0; i < w * h; i++) grown.data[i] = grown.data[i] > 0.02 ? 1 : 0;
  const closed = boxBlur(grown, r);
  const kept = createGray(w, h);
  for (let i = 0; i < w * h; i++) kept.data[i] = worn.data[i] * (1 - held.data[i]);
  worn = kept;
  const mask = createGray(w, h);
  const known = createGray(w, h);
  for (let i = 0; i < w * h; i++) known.data[i] = worn.data[i] > 0.9 ? 1 : 0;
  const chinY = Math.max(0, Math.ceil(body.chin[1]));
  const across = Math.round(body.shoulderSpan * ENCLOSED_WITHIN);
  const reach = Math.round(body.shoulderSpan * 0.5);
  const coverAt = (i: number) => Math.max(held.data[i], regions.hair.data[i], regions.skin.data[i] * regions.arms.data[i]);
  // (a bottom's sides only: the arms hang beside a top's or dress's sides, seldom over them,
  // and a side continued under an arm would take the arm for garment)
  const outline = band?.garmentIs === 'below' ? continuedOutline(known, coverAt, Math.round(body.shoulderSpan * OUTLINE_REACH)).data : null;
  mask.data.set(worn.data);
  for (let i = chinY * w; i < w * h; i++) {
    // a hole is covered by a held thing, hand or hair, inside the person, below the chin; where
    // a hand, hair or arm covers it, also inside the garment (fabric on both sides of it, on the
    // body's other side, or within its outline continued under the hand): a hand hanging beside
    // a dress is not over it
    const continued = outline !== null && outline[i] > 0;
    if (!(closed.data[i] > 0.98 || continued)) continue;
    let hole = Math.min(coverAt(i), person.data[i]);
    const object = held.data[i] > 0.5 && hands[i] <= 0.5;
    if (hole > 0 && !object && worn.data[i] < 0.9 && !continued && !insideGarment(known, i, across, body)) hole = 0;
    if (hole > mask.data[i]) mask.data[i] = hole;
  }
  // the hidden band goes on only from where the garment (holes filled) shows next to it:
  // a waistband up to `reach` above the bottom's first row, a tucked top down through the band
  if (band) {
    const below = band.garmentIs === 'below';
    let bandTop = h, bandBottom = -1;
    for (let y = chinY; y < h; y++) {
      for (let x = 0, i = y * w; x < w; x++, i++) if (band.mask.data[i] > 0) { bandTop = Math.min(bandTop, y); bandBottom = y; break; }
    }
    const limit = below ? reach : bandBottom - bandTop + reach;
    // per column, the garment's row nearest the band: its first row, or its last one above the band
    const edge = new Int32Array(w).fill(-1);
    for (let x = 0; x < w; x++) {
      if (below) { for (let y = chinY; y < h; y++) if (mask.data[y * w + x] > 0.5) { edge[x] = y; break; } }
      else for (let y = Math.min(h - 1, bandTop + reach); y >= chinY; y--) if (mask.data[y * w + x] > 0.5 && band.mask.data[y * w + x] <= 0) { edge[x] = y; break; }
    }
    for (let y = Math.max(chinY, bandTop); y <= bandBottom; y++) for (let x = 0, i = y * w; x < w; x++, i++) {
      if (edge[x] >= 0 && Math.abs(edge[x] - y) <= limit) mask.data[i] = Math.max(mask.data[i], band.mask.data[i]);
    }
  }
  // the fallback colour is smooth: made at half the resolution
  const plate = estimatePlate(halveRgba(image), halveGray(known), Math.max(1, r >> 1));
  const pw = plate.width, ph = plate.height;
  const out: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(image.data) };
  for (let i = 0; i < w * h; i++) {
    const f = mask.data[i] - worn.data[i];
    if (f <= 0.01) continue;
    // Garments are mostly symmetric: a hand on one hip hides what the other hip shows, print
    // and all. The smooth colour around the hole is the fallback.
    const x = i % w, y = (i - x) / w;
    const mx = Math.round(2 * centerLineX(body, y) - x);
    const m = y * w + mx;
    const mirrored = mx >= 0 && mx < w && known.data[m] > 0;
    // A waistband hidden under the top continues the fabric seen just below it, reflected upwards
    // (a tucked top's, what it shows above, reflected downwards).
    const below = !mirrored && band && band.mask.data[i] > 0 ? reflectVertical(known, x, y, band.garmentIs === 'below' ? 1 : -1, h) : -1;
    // An edge under a hand continues the fabric seen just inside it, reflected outwards.
    const inside = !mirrored && below < 0 && outline !== null && outline[i] > 0 ? reflectAlongRow(known, x, y, x < centerLineX(body, y) ? 1 : -1, reach) : -1;
    const from = mirrored ? m : below >= 0 ? below : inside;
    const q = (Math.min(ph - 1, y >> 1) * pw + Math.min(pw - 1, x >> 1)) * 3;
    for (let c = 0; c < 3; c++) out.data[i * 4 + c] = image.data[i * 4 + c] * (1 - f) + (from >= 0 ? image.data[from * 4 + c] : plate.color[q + c]) * f;
  }
  return { image: out, mask };
}

/**
 * Where the garment's outline runs under whatever covers its edge (a hand on the
 * hip, an arm along the side): per row, the garment's outermost pixel on each
 * side is trusted only where it meets no cover; on the other rows the outline is
 * interpolated between the nearest trusted rows above and below (within `reach`
 * rows). A bottom's top rows are its waistband, often under the hands already:
 * rows with trusted ones only below them take the edge those show (a waistband
 * is as wide as the hips below it). Marks (1) the pixels
 * between the seen edge and that continued outline.
 */
function continuedOutline(known: GrayImage, coverAt: (i: number) => number, reach: number): GrayImage {
  const { width: w, height: h, data } = known;
  const out = createGray(w, h);
  const left = new Float64Array(h).fill(-1), right = new Float64Array(h).fill(-1);
  const trustL = new Uint8Array(h), trustR = new Uint8Array(h);
  const covered = (x: number, y: number) => x >= 0 && x < w && coverAt(y * w + x) > 0.5;
  for (let y = 0; y < h; y++) {
    let l = -1, r = -1;
    for (let x = 0; x < w; x++) if (data[y * w + x] > 0) { if (l < 0) l = x; r = x; }
    if (l < 0) continue;
    left[y] = l; right[y] = r;
    trustL[y] = covered(l - 1, y) || covered(l - 2, y) ? 0 : 1;
    trustR[y] = covered(r + 1, y) || covered(r + 2, y) ? 0 : 1;
  }
  // Outward is smaller x on the left side, larger on the right. The trusted rows next to
  // a hand can still be its edge's shadow: each end takes the outermost of a few.
  const outermost = (edge: Float64Array, trust: Uint8Array, from: number, step: number, outward: number): number => {
    let best = edge[from];
    for (let k = from, n = 0; k >= 0 && k < h && Math.abs(k - from) < reach && n < TRUSTED_ROWS; k += step) {
      if (!trust[k]) continue;
      n++;
      if ((edge[k] - best) * outward > 0) best = edge[k];
    }
    return best;
  };
  const continued = (edge: Float64Array, trust: Uint8Array, y: number, outward: number): number => {
    let a = -1, b = -1;
    for (let k = 1; k <= reach && (a < 0 || b < 0); k++) {
      if (a < 0 && y - k >= 0 && trust[y - k]) a = y - k;
      if (b < 0 && y + k < h && trust[y + k]) b = y + k;
    }
    if (a >= 0 && b >= 0) {
      const ea = outermost(edge, trust, a, -1, outward), eb = outermost(edge, trust, b, 1, outward);
      return ea + ((eb - ea) * (y - a)) / (b - a);
    }
    return b >= 0 ? outermost(edge, trust, b, 1, outward) : edge[y];
  };
  for (let y = 0; y < h; y++) {
    if (left[y] < 0) continue;
    if (!trustL[y]) for (let x = Math.max(0, Math.round(continued(left, trustL, y, -1))); x < left[y]; x++) out.data[y * w + x] = 1;
    if (!trustR[y]) for (let x = right[y] + 1; x <= Math.min(w - 1, Math.round(continued(right, trustR, y, 1))); x++) out.data[y * w + x] = 1;
  }
  return out;
}

/** Whether pixel i has garment on both sides of it along its row (within `across`), or at its mirror image across the body. */
function insideGarment(known: GrayImage, i: number, across: number, body: BodyGeometry): boolean {
  const { width: w, data } = known;
  const x = i % w, y = (i - x) / w;
  const mx = Math.round(2 * centerLineX(body, y) - x);
  if (mx >= 0 && mx < w && data[y * w + mx] > 0) return true;
  let left = false, right = false;
  for (let d = 1; d <= across && !(left && right); d++) {
    if (!left && x - d >= 0 && data[i - d] > 0) left = true;
    if (!right && x + d < w && data[i + d] > 0) right = true;
  }
  return left && right;
}

/**
 * The pixel mirroring (x, y) about the edge of the known garment met first going
 * along its column in direction `step` (1 = down, within `reach` rows), or -1 when there is none.
 */
function reflectVertical(known: GrayImage, x: number, y: number, step: 1 | -1, reach: number): number {
  const { width: w, height: h } = known;
  for (let e = y + step, n = 0; e >= 0 && e < h && n < reach; e += step, n++) {
    if (known.data[e * w + x] <= 0) continue;
    // as far into the garment as (x, y) is from its edge, but not past its known part
    let r = Math.min(h - 1, Math.max(0, 2 * e - y));
    while (r !== e && known.data[r * w + x] <= 0) r -= step;
    return r * w + x;
  }
  return -1;
}

/**
 * The pixel mirroring (x, y) about the edge of the known garment met first going
 * along its row in direction `step` (within `reach`), or -1 when there is none.
 */
function reflectAlongRow(known: GrayImage, x: number, y: number, step: 1 | -1, reach: number): number {
  const { width: w } = known;
  const row = y * w;
  for (let e = x + step, n = 0; e >= 0 && e < w && n < reach; e += step, n++) {
    if (known.data[row + e] <= 0) continue;
    let r = Math.min(w - 1, Math.max(0, 2 * e - x));
    while (r !== e && known.data[row + r] <= 0) r -= step;
    return row + r;
  }
  return -1;
}

/**
 * Adds to `held` what hangs from the hands in the garment's place (a bag, a phone): pixels
 * reached from the hands through colours far from the garment's usual one, near the hands.
 * A print's own far colours near a hand may go too; the hole filling puts them back.
 */
function heldObjects(image: RgbaImage, worn: GrayImage, held: GrayImage, body: BodyGeometry): void {
  const { width: w, height: h } = image;
  const d = image.data;
  const counts = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let n = 0;
  for (let i = 0; i < w * h; i++) {
    if (worn.data[i] < 0.9) continue;
    for (let c = 0; c < 3; c++) counts[c][d[i * 4 + c]]++;
    n++;
  }
  if (n === 0) return;
  const median = counts.map((hist) => { let acc = 0; for (let v = 0; v < 256; v++) { acc += hist[v]; if (acc >= n / 2) return v; } return 255; });
  const far = (i: number) => (d[i * 4] - median[0]) ** 2 + (d[i * 4 + 1] - median[1]) ** 2 + (d[i * 4 + 2] - median[2]) ** 2 > 8100;
  const reach = body.shoulderSpan * 0.6, reach2 = reach * reach;
  const [l, rt] = [body.leftHand.points[0], body.rightHand.points[0]];
  const near = (i: number) => {
    const x = i % w, y = (i - x) / w;
    return (x - l[0]) ** 2 + (y - l[1]) ** 2 < reach2 || (x - rt[0]) ** 2 + (y - rt[1]) ** 2 < reach2;
  };
  const seeds: number[] = [];
  for (let i = 0; i < w * h; i++) if (held.data[i] > 0.5 && worn.data[i] > 0.5) seeds.push(i);
  const reached = floodFill(w, h, seeds, (i) => worn.data[i] > 0.5 && (held.data[i] > 0.5 || (near(i) && far(i))));
  for (let i = 0; i < w * h; i++) if (reached[i]) held.data[i] = 1;
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
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (mask.data[i] <= 0.02) continue;
    let label: number = MODEL_PART.torso;
    for (let k = 0; k < arms.length; k++) {
      const { points, radii } = arms[k];
      const a = segmentDistance(x, y, points[0], points[1]), b = segmentDistance(x, y, points[1], points[2]);
      const near = a.d <= b.d ? { d: a.d, r: radii[0] + (radii[1] - radii[0]) * a.t, t: a.t * 0.5 } : { d: b.d, r: radii[1] + (radii[2] - radii[1]) * b.t, t: 0.5 + b.t * 0.5 };
      // past the shoulder joint's line, within the sleeve around the arm (its radius is measured over the sleeve)
      const past = (x - points[0][0]) * (points[1][0] - points[0][0]) + (y - points[0][1]) * (points[1][1] - points[0][1]) > 0;
      // and no further down than the sleeve goes (a sleeveless dress's side beside a hanging arm is the dress's)
      if (past && near.d < near.r * 1.2 && near.t <= sleeveEnds[k] + 0.06) label = k === 0 ? MODEL_PART.leftArm : MODEL_PART.rightArm;
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
