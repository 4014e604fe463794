/**
 * Which of a person's clothes is which: the top (above the waist line, with
 * its sleeves as far down the arms as they go), the bottom (everything else
 * they wear but their shoes), and the feet. Used to clear an old bottom or
 * dress under a new one, and to cut a garment out of a photo of a model.
 *
 * The portrait's `upperClothes` counts every clothes pixel near an arm as a
 * sleeve; that is right for a new top, but beside the hips it takes trouser
 * pixels for sleeve. Here sleeves end where the arm shows skin, and below
 * the waist a pixel is sleeve only if its colour is the top's.
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray, luminance, sampleGray } from '../image';
import { halveGray, halveRgba } from '../half-size';
import { labelComponents } from '../connectivity';
import type { Point } from '../shapes';
import { drawCapsule } from '../shapes';
import type { Keypoints } from '../types';
import type { BodyGeometry, Limb } from './body-geometry';
import { fromTorsoAxis } from './body-geometry';
import { skinToned } from './skin';
import type { ColourHistogram } from '../colour-bins';
import { BINS, colourBin, colourHistogram, rareIn } from '../colour-bins';
import type { PortraitRegions } from './regions';
import { smoothstep } from '../smoothstep';

export interface ClothesSplit {
  /**
   * Bare skin: skin-coloured pixels in wide skin-coloured areas. The portrait's skin
   * mask also takes the skin-toned blobs of a print (leopard, paisley) for skin;
   * these are garment and must be cleared with it.
   */
  bareSkin: GrayImage;
  /** Clothes on the arms, from the shoulder down to the sleeve's end. */
  sleeves: GrayImage;
  /** Feet and shoes (below the ankles): never cleared, never taken as a garment. */
  feet: GrayImage;
  /** The top's end: the portrait's waist line, or for a one-piece the line a caller chooses. */
  waistY: number | null;
  /** How far each sleeve goes down its arm, 0 (none) to 1 (the wrist): wearer's left, right. */
  sleeveEnds: [number, number];
  /**
   * Forearms and hands beside the bottom (not over the legs), told from it by colour:
   * also in bareSkin, and in front of a new bottom wherever the arm's measured line misses them.
   */
  armsBeside: GrayImage;
}

/** What a person wears, split at a waist line (photo y). */
export interface TopAndBottom {
  /** The top: clothes above the line and the sleeves. */
  top: GrayImage;
  /** Everything else worn, shoes excepted. */
  bottom: GrayImage;
}

// Tunable values. Lengths are in shoulder spans (body.shoulderSpan, photo pixels) or in a
// limb's radii unless a unit is named. None is a recorded measurement: all were set by eye.

/** Bare skin's local statistics are read in a box whose radius, in half-size pixels, is this share of the shoulder span (twice as far in the photo). */
const SKIN_WINDOW = 0.02;
/** Share of skin in that box over which an area turns skin-coloured (ramp from, to). */
const SKIN_SHARE_FROM = 0.6, SKIN_SHARE_TO = 0.85;
/** Spread of luminance (standard deviation, 0..1) in that box over which an area turns edged, a print's (ramp from, to). */
const PRINT_SPREAD_FROM = 0.05, PRINT_SPREAD_TO = 0.1;
/** A soft skin value is made decisive over this ramp (from, to): half-skin pixels left half cleared leave a ghost of a print. */
const SURE_SKIN_FROM = 0.3, SURE_SKIN_TO = 0.7;
/** Skin blobs smaller than a square of this side (shoulder spans) are a print's, not a bare arm or leg. */
const MIN_SKIN_BLOB_SIDE = 0.15;
/** Feet start this far below each ankle joint, in that leg's ankle radii: a trouser hem over the ankle belongs to the trousers. */
const FEET_BELOW_ANKLE = 0.2;

/** The top's own colours are read down the torso's middle to this share of the way from shoulders to hips. */
const TOP_COLOURS_TO = 0.7;
/** A colour this rare (share of pixels) down the middle of the torso is not the top's. */
const RARE_IN_TOP = 0.002;
/** The sleeve walker asks this many steps down each arm, shoulder to wrist (elbow at half way). */
const SLEEVE_STEPS = 24;
/** A step is covered when more than this share of the pixels round it are clothes. */
const COVERED_SHARE = 0.5;
/** Round the arm's line the walker asks a square of this half side, in arm radii, and at least MIN_PROBE pixels. */
const SLEEVE_PROBE = 0.5, MIN_PROBE = 2;
/** The walk from the arm's line to the person's outline gives up this many arm radii out. */
const OUTLINE_SEARCH = 1.5;
/** The arm's outer side is asked this share of the way to the outline (the joint is seldom in the arm's middle), in a square of OUTER_PROBE times that distance. */
const OUTER_AT = 0.55, OUTER_PROBE = 0.3;
/** An outline nearer the arm's line than this (pixels) leaves no outer side to ask. */
const MIN_OUTER_SIDE = 6;
/** The arm's root, where a sleeve is told from a wide shoulder, as a share of shoulder to wrist. */
const ROOT_OF_ARM = 0.25;
/** Down to this share of shoulder to wrist, a bare step may be the top's shoulder: the walk goes on past it. */
const SHOULDER_STEPS = 0.12;
/** A sleeve is drawn this far past its end (share of shoulder to wrist) and this many arm radii wide (cuffs flare). */
const CUFF_PAST = 0.04, CUFF_WIDTH = 1.15;

/** Rows this close to the waist line are neither the top's nor the bottom's when their colours are counted. */
const WAIST_MARGIN = 0.05;
/** Each colour bin starts with this many pixels when the top's and bottom's colours are compared: no bin is certain from nothing. */
const BIN_PRIOR = 0.5;
/** Below the waist a sleeve pixel stays when the top has more than this share of its colour: only clearly-bottom colours go (a sheer sleeve mixes colours). */
const TOP_SHARE_MIN = 0.3;
/** Around the forearms and hands, this many arm radii out: where a hand's colours are told from the bottom's. */
const ARM_ZONE = 1.8;
/** A colour this rare between the waist and the knees (arms aside) is not the bottom's. */
const RARE_IN_BOTTOM = 0.002;

/** The torso's middle, where surely the garment's own colours are: this many shoulder spans each side of the axis, from this share of the way from shoulders to hips down. */
const MIDDLE_HALF_WIDTH = 0.25, MIDDLE_FROM = 0.15;
/** The top and the bottom are split over a feather of this many shoulder spans (at least a pixel). */
const SPLIT_FEATHER = 0.02;

/**
 * @example const split = splitClothes(photo, portrait.personMask, portrait.regions, portrait.body, portrait.keypoints);
 */
export function splitClothes(image: RgbaImage, person: GrayImage, regions: PortraitRegions, body: BodyGeometry, kp: Keypoints): ClothesSplit {
  const { width: w, height: h } = image;
  const bareSkin = bareSkinMask(image, person, regions, body);
  const feet = feetMask(w, h, kp, body);
  const ends = sleeveEnds(image, person, regions.clothes.data, body);
  const sleeves = sleeveMask(w, h, regions.clothes.data, body, ends);
  const waistY = regions.waistY;
  const armsBeside = createGray(w, h);
  if (waistY !== null) {
    const kneeY = Math.min(kp.left_knee.y, kp.right_knee.y);
    const colours = topAndBottomColours(image, regions, body, feet, waistY, kneeY);
    if (colours) {
      dropBottomColouredSleeves(image, sleeves, colours, waistY);
      armsBesideBottom(image, person, body, waistY, kneeY, armsBeside);
      for (let i = 0; i < w * h; i++) bareSkin.data[i] = Math.max(bareSkin.data[i], armsBeside.data[i]);
    }
  }
  return { bareSkin, sleeves, feet, waistY, sleeveEnds: ends, armsBeside };
}

/**
 * Bare skin is wide and smooth; a print's skin-toned blobs are small and edged. Both are
 * measured over the person's own pixels, so a limb's outline against the backdrop counts
 * for neither (at half the resolution: these are local means, smooth enough to read back
 * at the nearest pixel).
 */
function bareSkinMask(image: RgbaImage, person: GrayImage, regions: PortraitRegions, body: BodyGeometry): GrayImage {
  const { width: w, height: h } = image;
  const personHalf = halveGray(person), skinHalf = halveGray(regions.skin), lum = luminance(halveRgba(image));
  const hw = personHalf.width, hh = personHalf.height;
  const r = Math.max(1, Math.round(body.shoulderSpan * SKIN_WINDOW));
  const lp = createGray(hw, hh), lp2 = createGray(hw, hh);
  for (let i = 0; i < hw * hh; i++) {
    lp.data[i] = lum.data[i] * personHalf.data[i];
    lp2.data[i] = lum.data[i] * lp.data[i];
  }
  const P = boxBlur(personHalf, r), S = boxBlur(skinHalf, r), m1 = boxBlur(lp, r), m2 = boxBlur(lp2, r);
  const wide = new Float32Array(hw * hh);
  for (let i = 0; i < hw * hh; i++) {
    const n = Math.max(P.data[i], 1e-3);
    const mean = m1.data[i] / n;
    const std = Math.sqrt(Math.max(0, m2.data[i] / n - mean * mean));
    wide[i] = smoothstep(SKIN_SHARE_FROM, SKIN_SHARE_TO, S.data[i] / n) * (1 - smoothstep(PRINT_SPREAD_FROM, PRINT_SPREAD_TO, std));
  }
  const bareSkin = createGray(w, h);
  for (let y = 0; y < h; y++) {
    const row = Math.min(hh - 1, y >> 1) * hw;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      bareSkin.data[i] = smoothstep(SURE_SKIN_FROM, SURE_SKIN_TO, regions.skin.data[i] * wide[row + Math.min(hw - 1, x >> 1)]);
    }
  }
  // and a print's biggest skin-toned blobs are still far smaller than a bare arm or leg
  const blobs = labelComponents(w, h, (i) => bareSkin.data[i] > 0.5);
  const minArea = (body.shoulderSpan * MIN_SKIN_BLOB_SIDE) ** 2;
  for (let i = 0; i < w * h; i++) if (blobs.labels[i] && blobs.sizes[blobs.labels[i]] < minArea) bareSkin.data[i] = 0;
  return bareSkin;
}

/** Feet and shoes: everything from a little below each ankle down, on that leg's side of the image. */
function feetMask(w: number, h: number, kp: Keypoints, body: BodyGeometry): GrayImage {
  const feet = createGray(w, h);
  const la = kp.left_ankle, ra = kp.right_ankle;
  const rl = body.leftLeg.radii[2], rr = body.rightLeg.radii[2];
  const top = Math.max(0, Math.floor(Math.min(la.y + rl * FEET_BELOW_ANKLE, ra.y + rr * FEET_BELOW_ANKLE)));
  for (let y = top; y < h; y++) for (let x = 0; x < w; x++) {
    const left = Math.abs(x - la.x) <= Math.abs(x - ra.x);
    if (y >= (left ? la.y + rl * FEET_BELOW_ANKLE : ra.y + rr * FEET_BELOW_ANKLE)) feet.data[y * w + x] = 1;
  }
  return feet;
}

/** How far each sleeve goes down its arm, 0 (none) to 1 (the wrist): wearer's left, right. */
function sleeveEnds(image: RgbaImage, person: GrayImage, clothes: Float32Array, body: BodyGeometry): [number, number] {
  const covered = clothesCover(image, clothes, body);
  const fromAxis = fromTorsoAxis(body);
  return [sleeveEndAlong(body.leftArm, person, covered, fromAxis), sleeveEndAlong(body.rightArm, person, covered, fromAxis)];
}

/**
 * Whether clothes cover most of the square of half side r round a point. Skin the skin
 * model missed (dark or shiny skin) reads as clothes: a skin-toned pixel in colours the
 * top's middle does not have is arm, not sleeve.
 */
function clothesCover(image: RgbaImage, clothes: Float32Array, body: BodyGeometry): (c: Point, r: number) => boolean {
  const { width: w, height: h } = image;
  const core = torsoMiddleColours(image, clothes, body, TOP_COLOURS_TO);
  const d = image.data;
  const armSkin = (i: number) => core.total > 0 && skinToned(d[i * 4], d[i * 4 + 1], d[i * 4 + 2]) && rareIn(core, d, i, RARE_IN_TOP);
  return (c, r) => {
    let on = 0, n = 0;
    for (let y = Math.round(c[1] - r); y <= c[1] + r; y++) for (let x = Math.round(c[0] - r); x <= c[0] + r; x++) {
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      n++;
      if (!armSkin(y * w + x)) on += clothes[y * w + x];
    }
    return n > 0 && on / n > COVERED_SHARE;
  };
}

/** The point and radius at `t` along an arm (0 the shoulder, 0.5 the elbow, 1 the wrist), and the segment it is on. */
function alongArm(arm: Limb, t: number): { seg: number; at: Point; radius: number } {
  const { points, radii } = arm;
  const seg = t < 0.5 ? 0 : 1, u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
  const a = points[seg], b = points[seg + 1];
  return { seg, at: [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u], radius: radii[seg] + (radii[seg + 1] - radii[seg]) * u };
}

/**
 * Walks down an arm while the middle of the arm is clothes: how far the sleeve goes.
 * At the arm's root its outer side is asked too: a tank's or vest's wide shoulder covers
 * the root on the inside, but a sleeve goes round the arm (further down, lace or a sheer
 * sleeve's edge may show the arm or backdrop there).
 */
function sleeveEndAlong(arm: Limb, person: GrayImage, covered: (c: Point, r: number) => boolean, fromAxis: (x: number, y: number) => number): number {
  let end = 0;
  for (let s = 0; s <= SLEEVE_STEPS; s++) {
    const t = s / SLEEVE_STEPS;
    const { seg, at: c, radius } = alongArm(arm, t);
    const { side, outer } = outerSide(person, arm.points[seg], arm.points[seg + 1], c, radius, fromAxis);
    // a sleeve ends where its arm shows; the first steps may be the top's shoulder
    if (covered(c, Math.max(MIN_PROBE, radius * SLEEVE_PROBE)) && (t > ROOT_OF_ARM || side < MIN_OUTER_SIDE || covered(outer, side * OUTER_PROBE))) end = t;
    else if (t > SHOULDER_STEPS) break;
  }
  return end;
}

/**
 * From point c on the arm's segment a→b, straight out away from the torso: how many
 * pixels the person goes on (`side`, up to OUTLINE_SEARCH radii), and the point part
 * of the way there where the arm's outer side is asked.
 */
function outerSide(person: GrayImage, a: Point, b: Point, c: Point, radius: number, fromAxis: (x: number, y: number) => number): { side: number; outer: Point } {
  const len = Math.max(1e-6, Math.hypot(b[0] - a[0], b[1] - a[1]));
  let nx = -(b[1] - a[1]) / len, ny = (b[0] - a[0]) / len;
  if (fromAxis(c[0] + nx, c[1] + ny) < fromAxis(c[0], c[1])) { nx = -nx; ny = -ny; }
  let side = 0;
  while (side < radius * OUTLINE_SEARCH && sampleGray(person, c[0] + nx * side, c[1] + ny * side) >= 0.5) side++;
  return { side, outer: [c[0] + nx * side * OUTER_AT, c[1] + ny * side * OUTER_AT] };
}

/** The clothes on each arm from the shoulder to a little past its sleeve's end (cuffs flare). */
function sleeveMask(w: number, h: number, clothes: Float32Array, body: BodyGeometry, ends: [number, number]): GrayImage {
  const sleeves = createGray(w, h);
  const arms = [body.leftArm, body.rightArm];
  for (let k = 0; k < 2; k++) {
    if (ends[k] <= 0) continue;
    const { points, radii } = arms[k];
    const { seg, at: end, radius: rEnd } = alongArm(arms[k], Math.min(1, ends[k] + CUFF_PAST));
    const path = seg === 0 ? [points[0], end] : [points[0], points[1], end];
    const rs = seg === 0 ? [radii[0] * CUFF_WIDTH, rEnd * CUFF_WIDTH] : [radii[0] * CUFF_WIDTH, radii[1] * CUFF_WIDTH, rEnd * CUFF_WIDTH];
    drawCapsule(sleeves, path, rs);
  }
  for (let i = 0; i < w * h; i++) sleeves.data[i] *= clothes[i];
  return sleeves;
}

/** Colour counts (per colour bin) of the top and the bottom, and their totals. */
interface TopAndBottomColours {
  top: Float32Array;
  bottom: Float32Array;
  nt: number;
  nb: number;
}

/**
 * The colours of sure clothes above the waist (from the chin) and below it (to the knees),
 * arms and feet aside; null when either has none.
 */
function topAndBottomColours(image: RgbaImage, regions: PortraitRegions, body: BodyGeometry, feet: GrayImage, waistY: number, kneeY: number): TopAndBottomColours | null {
  const { width: w, height: h } = image;
  const clothes = regions.clothes.data;
  const top = new Float32Array(BINS ** 3), bottom = new Float32Array(BINS ** 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (clothes[i] < 0.9 || regions.arms.data[i] > 0.1 || feet.data[i] > 0.1) continue;
    if (y < waistY - body.shoulderSpan * WAIST_MARGIN && y > body.chin[1]) top[colourBin(image.data, i)]++;
    else if (y > waistY + body.shoulderSpan * WAIST_MARGIN && y < kneeY) bottom[colourBin(image.data, i)]++;
  }
  let nt = 0, nb = 0;
  for (let b = 0; b < top.length; b++) { nt += top[b]; nb += bottom[b]; }
  return nt > 0 && nb > 0 ? { top, bottom, nt, nb } : null;
}

/** Below the waist a sleeve pixel must have the top's colours, not the bottom's: the others are taken from the sleeves. */
function dropBottomColouredSleeves(image: RgbaImage, sleeves: GrayImage, colours: TopAndBottomColours, waistY: number): void {
  const { width: w, height: h } = image;
  const { top, bottom, nt, nb } = colours;
  for (let y = Math.max(0, Math.round(waistY)); y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (sleeves.data[i] <= 0) continue;
    const b = colourBin(image.data, i);
    const pt = (top[b] + BIN_PRIOR) / nt, pb = (bottom[b] + BIN_PRIOR) / nb;
    sleeves.data[i] *= pt / (pt + pb) > TOP_SHARE_MIN ? 1 : 0;
  }
}

/**
 * The colours of a garment (pixels where `mask` is over 0.9) down the middle of
 * the torso, between the shoulders, from a little below them to `toT` of the way
 * to the hips: colours that are surely the garment's own.
 * @example const top = torsoMiddleColours(photo, regions.clothes.data, body, 0.7);
 */
export function torsoMiddleColours(image: RgbaImage, mask: Float32Array, body: BodyGeometry, toT: number): ColourHistogram {
  const w = image.width;
  const half = body.shoulderSpan * MIDDLE_HALF_WIDTH;
  const [sx, sy] = body.shoulderCenter, [hx, hy] = body.hipCenter;
  const length = Math.max(1, hy - sy);
  return colourHistogram(image, (i) => {
    if (mask[i] < 0.9) return false;
    const x = i % w, y = (i - x) / w;
    const t = (y - sy) / length;
    return t > MIDDLE_FROM && t < toT && Math.abs(x - (sx + (hx - sx) * t)) < half;
  }, sy + length * MIDDLE_FROM, sy + length * toT);
}

/**
 * Marks in `out` the forearms and hands beside the bottom: skin-toned colours
 * found nowhere else between the waist and the knees (a colour histogram of
 * everything there but the arms). The skin colour model misses pale or shadowed
 * skin there, and a hand taken for the bottom would be cleared with it. Prints
 * with skin-toned parts and bare legs show their colours elsewhere, so they
 * mark nothing. Not over the legs: bare thighs beside a hand are no arm.
 */
function armsBesideBottom(image: RgbaImage, person: GrayImage, body: BodyGeometry, waistY: number, kneeY: number, out: GrayImage): void {
  const { width: w, height: h } = image;
  const d = image.data;
  const zone = createGray(w, h), legs = createGray(w, h);
  for (const arm of [body.leftArm, body.rightArm]) drawCapsule(zone, [arm.points[1], arm.points[2]], [arm.radii[1] * ARM_ZONE, arm.radii[2] * ARM_ZONE]);
  for (const hand of [body.leftHand, body.rightHand]) drawCapsule(zone, hand.points, hand.radii.map((r) => r * ARM_ZONE));
  for (const leg of [body.leftLeg, body.rightLeg]) drawCapsule(legs, leg.points, leg.radii);
  const y0 = Math.max(0, Math.ceil(waistY + body.shoulderSpan * WAIST_MARGIN));
  const below = colourHistogram(image, (i) => person.data[i] >= 0.9 && zone.data[i] <= 0, y0, Math.ceil(Math.min(h, kneeY)) - 1);
  if (below.total === 0) return;
  for (let y = Math.max(0, Math.ceil(waistY)); y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (zone.data[i] < 0.5 || legs.data[i] > 0.5 || person.data[i] < 0.5) continue;
    if (skinToned(d[i * 4], d[i * 4 + 1], d[i * 4 + 2]) && rareIn(below, d, i, RARE_IN_BOTTOM)) out.data[i] = 1;
  }
}

/**
 * The top and the bottom a person wears, split at `lineY` (photo y; feathered over a few pixels).
 * The top is the whole person above the line (what is there stays in front of a new bottom)
 * and the sleeves; the bottom is what they wear below it, bare skin, hands and shoes excepted.
 * @example const { top, bottom } = topAndBottom(portrait.personMask, portrait.regions, split, split.waistY ?? hipY, portrait.body);
 */
export function topAndBottom(person: GrayImage, regions: PortraitRegions, split: ClothesSplit, lineY: number, body: BodyGeometry): TopAndBottom {
  const { width: w, height: h } = person;
  const top = createGray(w, h), bottom = createGray(w, h);
  const feather = Math.max(1, body.shoulderSpan * SPLIT_FEATHER);
  const chinY = body.chin[1];
  for (let y = Math.max(0, Math.floor(chinY)); y < h; y++) {
    // the line is where the colours change: its last rows belong to the bottom's waistband
    const above = Math.min(1, Math.max(0, (lineY - 2 * feather - y) / (2 * feather) + 0.5));
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const p = person.data[i];
      if (p <= 0) continue;
      const t = Math.max(above, split.sleeves.data[i]);
      top.data[i] = p * t * (1 - split.bareSkin.data[i] * (1 - above));
      // skin on an arm is the arm, however thin (the bare-skin test needs width)
      // a hand's own skin, not the pocket or skirt its box also holds
      const skin = Math.max(split.bareSkin.data[i], Math.min(1, regions.arms.data[i] + regions.hands.data[i]) * smoothstep(SURE_SKIN_FROM, SURE_SKIN_TO, regions.skin.data[i]));
      bottom.data[i] = p * (1 - t) * (1 - skin) * (1 - split.feet.data[i]);
    }
  }
  return { top, bottom };
}

/**
 * Everything a person wears but their shoes: what a dress replaces.
 * @example const clear = wornClothes(portrait.personMask, portrait.regions, split, portrait.body);
 */
export function wornClothes(person: GrayImage, regions: PortraitRegions, split: ClothesSplit, body: BodyGeometry): GrayImage {
  const { width: w, height: h } = person;
  const out = createGray(w, h);
  // nothing above the chin is a garment (hair, hair ties, earrings)
  for (let i = Math.max(0, Math.ceil(body.chin[1])) * w; i < w * h; i++) {
    const p = person.data[i];
    if (p <= 0) continue;
    const bare = Math.max(split.bareSkin.data[i], Math.min(1, regions.arms.data[i] + regions.hands.data[i]) * smoothstep(SURE_SKIN_FROM, SURE_SKIN_TO, regions.skin.data[i]), regions.face.data[i], regions.hair.data[i], regions.neck.data[i]);
    out.data[i] = p * (1 - bare) * (1 - split.feet.data[i]);
  }
  return out;
}
