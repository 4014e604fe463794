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
import type { BodyGeometry } from './body-geometry';
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

/** Around the forearms and hands, this many arm radii out: where a hand's colours are told from the bottom's. */
const ARM_ZONE = 1.8;
/** The arm's root, where a sleeve is told from a wide shoulder, as a share of shoulder to wrist. */
const ROOT_OF_ARM = 0.25;
/** A colour this rare between the waist and the knees (arms aside) is not the bottom's. */
const RARE_IN_BOTTOM = 0.002;
/** Likewise for the top's colours, down the middle of the torso. */
const RARE_IN_TOP = 0.002;

/**
 * @example const split = splitClothes(photo, portrait.personMask, portrait.regions, portrait.body, portrait.keypoints);
 */
export function splitClothes(image: RgbaImage, person: GrayImage, regions: PortraitRegions, body: BodyGeometry, kp: Keypoints): ClothesSplit {
  const { width: w, height: h } = image;
  const clothes = regions.clothes.data;
  // Bare skin is wide and smooth; a print's skin-toned blobs are small and edged. Both are
  // measured over the person's own pixels, so a limb's outline against the backdrop counts for neither.
  // (at half the resolution: these are local means, smooth enough to read back at the nearest pixel)
  const personHalf = halveGray(person), skinHalf = halveGray(regions.skin), lum = luminance(halveRgba(image));
  const hw = personHalf.width, hh = personHalf.height;
  const r = Math.max(1, Math.round(body.shoulderSpan * 0.02));
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
    wide[i] = smoothstep(0.6, 0.85, S.data[i] / n) * (1 - smoothstep(0.05, 0.1, std));
  }
  const bareSkin = createGray(w, h);
  for (let y = 0; y < h; y++) {
    const row = Math.min(hh - 1, y >> 1) * hw;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      // decisive: half-skin pixels would leave a ghost of the print when cleared
      bareSkin.data[i] = smoothstep(0.3, 0.7, regions.skin.data[i] * wide[row + Math.min(hw - 1, x >> 1)]);
    }
  }
  // and a print's biggest skin-toned blobs are still far smaller than a bare arm or leg
  const blobs = labelComponents(w, h, (i) => bareSkin.data[i] > 0.5);
  const minArea = (body.shoulderSpan * 0.15) ** 2;
  for (let i = 0; i < w * h; i++) if (blobs.labels[i] && blobs.sizes[blobs.labels[i]] < minArea) bareSkin.data[i] = 0;
  // Feet and shoes: everything from each ankle down, on that leg's side
  const feet = createGray(w, h);
  const la = kp.left_ankle, ra = kp.right_ankle;
  const rl = body.leftLeg.radii[2], rr = body.rightLeg.radii[2];
  // (from just below the joint: a trouser hem over the ankle belongs to the trousers)
  const top = Math.max(0, Math.floor(Math.min(la.y + rl * 0.2, ra.y + rr * 0.2)));
  for (let y = top; y < h; y++) for (let x = 0; x < w; x++) {
    const left = Math.abs(x - la.x) <= Math.abs(x - ra.x);
    if (y >= (left ? la.y + rl * 0.2 : ra.y + rr * 0.2)) feet.data[y * w + x] = 1;
  }

  // Sleeve ends: walk down each arm while the middle of the arm is clothes. Skin the skin
  // model missed (dark or shiny skin) reads as clothes: a skin-toned pixel in colours the
  // top's middle does not have is arm, not sleeve.
  const core = torsoMiddleColours(image, clothes, body, 0.7);
  const d = image.data;
  const armSkin = (i: number) => core.total > 0 && skinToned(d[i * 4], d[i * 4 + 1], d[i * 4 + 2]) && rareIn(core, d, i, RARE_IN_TOP);
  const covered = (c: Point, r: number): boolean => {
    let on = 0, n = 0;
    for (let y = Math.round(c[1] - r); y <= c[1] + r; y++) for (let x = Math.round(c[0] - r); x <= c[0] + r; x++) {
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      n++;
      if (!armSkin(y * w + x)) on += clothes[y * w + x];
    }
    return n > 0 && on / n > 0.5;
  };
  const fromAxis = fromTorsoAxis(body);
  const sleeveEnd = (points: Point[], radii: number[]): number => {
    const steps = 24;
    let end = 0;
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      const seg = t < 0.5 ? 0 : 1, u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
      const a = points[seg], b = points[seg + 1];
      const c: Point = [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
      const radius = radii[seg] + (radii[seg + 1] - radii[seg]) * u;
      // at the arm's root, its outer side too: a tank's or vest's wide shoulder covers the
      // root on the inside, but a sleeve goes round the arm (further down, lace or a sheer
      // sleeve's edge may show the arm or backdrop there)
      const len = Math.max(1e-6, Math.hypot(b[0] - a[0], b[1] - a[1]));
      let nx = -(b[1] - a[1]) / len, ny = (b[0] - a[0]) / len;
      if (fromAxis(c[0] + nx, c[1] + ny) < fromAxis(c[0], c[1])) { nx = -nx; ny = -ny; }
      // (halfway to the person's outline: the joint is seldom in the arm's middle)
      let side = 0;
      while (side < radius * 1.5 && sampleGray(person, c[0] + nx * side, c[1] + ny * side) >= 0.5) side++;
      const outer: Point = [c[0] + nx * side * 0.55, c[1] + ny * side * 0.55];
      // a sleeve ends where its arm shows; the first steps may be the top's shoulder
      if (covered(c, Math.max(2, radius * 0.5)) && (t > ROOT_OF_ARM || side < 6 || covered(outer, side * 0.3))) end = t;
      else if (t > 0.12) break;
    }
    return end;
  };
  const ends: [number, number] = [sleeveEnd(body.leftArm.points, body.leftArm.radii), sleeveEnd(body.rightArm.points, body.rightArm.radii)];

  const sleeves = createGray(w, h);
  const arms = [body.leftArm, body.rightArm];
  for (let k = 0; k < 2; k++) {
    if (ends[k] <= 0) continue;
    const { points, radii } = arms[k];
    // the arm from the shoulder to the sleeve's end, a little past it (cuffs flare)
    const t = Math.min(1, ends[k] + 0.04);
    const seg = t < 0.5 ? 0 : 1, u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    const a = points[seg], b = points[seg + 1];
    const end: Point = [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
    const rEnd = radii[seg] + (radii[seg + 1] - radii[seg]) * u;
    const path = seg === 0 ? [points[0], end] : [points[0], points[1], end];
    const rs = seg === 0 ? [radii[0] * 1.15, rEnd * 1.15] : [radii[0] * 1.15, radii[1] * 1.15, rEnd * 1.15];
    drawCapsule(sleeves, path, rs);
  }
  for (let i = 0; i < w * h; i++) sleeves.data[i] *= clothes[i];

  // Below the waist a sleeve pixel must have the top's colours, not the bottom's.
  const waistY = regions.waistY;
  const armsBeside = createGray(w, h);
  if (waistY !== null) {
    const top = new Float32Array(BINS ** 3), bottom = new Float32Array(BINS ** 3);
    const kneeY = Math.min(kp.left_knee.y, kp.right_knee.y);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (clothes[i] < 0.9 || regions.arms.data[i] > 0.1 || feet.data[i] > 0.1) continue;
      if (y < waistY - body.shoulderSpan * 0.05 && y > body.chin[1]) top[colourBin(image.data, i)]++;
      else if (y > waistY + body.shoulderSpan * 0.05 && y < kneeY) bottom[colourBin(image.data, i)]++;
    }
    let nt = 0, nb = 0;
    for (let b = 0; b < top.length; b++) { nt += top[b]; nb += bottom[b]; }
    if (nt > 0 && nb > 0) {
      for (let y = Math.max(0, Math.round(waistY)); y < h; y++) for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (sleeves.data[i] <= 0) continue;
        const b = colourBin(image.data, i);
        const pt = (top[b] + 0.5) / nt, pb = (bottom[b] + 0.5) / nb;
        // only clearly-bottom colours are taken from a sleeve (a sheer sleeve mixes colours)
        sleeves.data[i] *= pt / (pt + pb) > 0.3 ? 1 : 0;
      }
      armsBesideBottom(image, person, body, waistY, Math.min(kp.left_knee.y, kp.right_knee.y), armsBeside);
      for (let i = 0; i < w * h; i++) bareSkin.data[i] = Math.max(bareSkin.data[i], armsBeside.data[i]);
    }
  }
  return { bareSkin, sleeves, feet, waistY, sleeveEnds: ends, armsBeside };
}

/**
 * The colours of a garment (pixels where `mask` is over 0.9) down the middle of
 * the torso, between the shoulders, from a little below them to `toT` of the way
 * to the hips: colours that are surely the garment's own.
 * @example const top = torsoMiddleColours(photo, regions.clothes.data, body, 0.7);
 */
export function torsoMiddleColours(image: RgbaImage, mask: Float32Array, body: BodyGeometry, toT: number): ColourHistogram {
  const w = image.width;
  const half = body.shoulderSpan * 0.25;
  const [sx, sy] = body.shoulderCenter, [hx, hy] = body.hipCenter;
  const length = Math.max(1, hy - sy);
  return colourHistogram(image, (i) => {
    if (mask[i] < 0.9) return false;
    const x = i % w, y = (i - x) / w;
    const t = (y - sy) / length;
    return t > 0.15 && t < toT && Math.abs(x - (sx + (hx - sx) * t)) < half;
  }, sy + length * 0.15, sy + length * toT);
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
  const y0 = Math.max(0, Math.ceil(waistY + body.shoulderSpan * 0.05));
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
  const feather = Math.max(1, body.shoulderSpan * 0.02);
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
      const skin = Math.max(split.bareSkin.data[i], Math.min(1, regions.arms.data[i] + regions.hands.data[i]) * smoothstep(0.3, 0.7, regions.skin.data[i]));
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
    const bare = Math.max(split.bareSkin.data[i], Math.min(1, regions.arms.data[i] + regions.hands.data[i]) * smoothstep(0.3, 0.7, regions.skin.data[i]), regions.face.data[i], regions.hair.data[i], regions.neck.data[i]);
    out.data[i] = p * (1 - bare) * (1 - split.feet.data[i]);
  }
  return out;
}
