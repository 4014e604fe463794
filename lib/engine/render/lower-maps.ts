/**
 * The per-portrait maps that bottoms and dresses need beyond the portrait's
 * own render maps: which clothes are the top and which the bottom, what a dress
 * clears, where bare legs would be, their skin, and the light on the bottom worn. Computed on the
 * first bottom or dress tried on a portrait and kept with it (in a WeakMap, so
 * the stored PortraitAnalysis keeps its shape), so later garment changes reuse them.
 */
import type { PortraitAnalysis } from '../analysis';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray, createRgba } from '../image';
import { doubleGray, doubleRgba, halveGray, halveRgba } from '../half-size';
import type { Point } from '../shapes';
import { drawCapsule, polygonMask } from '../shapes';
import type { ClothesSplit } from '../portrait/clothes-split';
import { splitClothes, topAndBottom, wornClothes } from '../portrait/clothes-split';
import { estimatePlate } from '../background-plate';
import { bottomRoom } from './bottom-room';
import { clothesShading } from '../portrait/shading';
import { smoothstep } from '../smoothstep';

export interface LowerMaps {
  split: ClothesSplit;
  /** Where the body is under any clothes: torso, arms, neck and legs, softly edged. */
  skinZone: GrayImage;
  /** Skin to paint where clothes are removed: the portrait's skin fill, legs shaded as cylinders. */
  skin: RgbaImage;
  /** Light and folds of the clothes below the waist, as a multiplier around 1 (1 elsewhere). */
  lowerShading: GrayImage;
  /** The arms from the elbow down, as thick as they are: in front of a bottom, whatever their sleeve's colour. */
  armsInFront: GrayImage;
  /** The waist line used to split top from bottom when the portrait has none (a one-piece). */
  defaultWaistY: number;
  /** Where a bottom moved from a model may be drawn: on the body at the waist, beside it more and more below (see bottomRoom). */
  bottomRoom: GrayImage;
  /** What a dress clears: everything worn but shoes (wornClothes), and that blurred by CLEAR_REACH. */
  dressClear: { worn: GrayImage; reach: GrayImage };
}

/** Pixels past the old clothes' outline that are cleared with them (their soft edge would leave a ghost). */
export const CLEAR_REACH = 3;

const cache = new WeakMap<PortraitAnalysis, LowerMaps>();
/** How much of a worn bottom's bright patches is carried over as light. */
const HIGHLIGHT_SHARE = 0.35;

/**
 * @example const maps = lowerMaps(portrait); // computed once per portrait
 */
export function lowerMaps(portrait: PortraitAnalysis): LowerMaps {
  let maps = cache.get(portrait);
  if (!maps) {
    maps = computeLowerMaps(portrait);
    cache.set(portrait, maps);
  }
  return maps;
}

function computeLowerMaps(portrait: PortraitAnalysis): LowerMaps {
  const { image, regions, body, keypoints } = portrait;
  const { width: w, height: h } = image;
  const split = splitClothes(image, portrait.personMask, regions, body, keypoints);
  const torso = Math.hypot(body.shoulderCenter[0] - body.hipCenter[0], body.shoulderCenter[1] - body.hipCenter[1]);
  // A one-piece has no waist line of its own: its natural waist is a little above the hips.
  const defaultWaistY = body.hipCenter[1] - torso * 0.3;
  const { bottom } = topAndBottom(portrait.personMask, regions, split, split.waistY ?? defaultWaistY, body);

  // The smooth maps are made at half the resolution and enlarged: a quarter of the work.
  const personHalf = halveGray(portrait.personMask);
  const hw = personHalf.width, hh = personHalf.height;
  const k = 0.5;
  const zoneHalf = bodySkinZone(portrait, personHalf, k);

  // Skin for bare legs: the colour of the nearest wide bare skin (arms, neck, legs), spread smoothly.
  const known = createGray(w, h);
  for (let i = 0; i < w * h; i++) known.data[i] = split.bareSkin.data[i] > 0.8 && regions.face.data[i] < 0.1 && regions.hair.data[i] < 0.1 ? 1 : 0;
  const imageHalf = halveRgba(image);
  const plate = estimatePlate(imageHalf, halveGray(known), Math.max(2, Math.round(body.shoulderSpan * 0.3 * k)));
  const skinHalf = createRgba(hw, hh);
  // Light falls on a rounded body: darker towards every edge of the zone (limbs, shoulders, sides).
  const r = Math.max(1, Math.round(body.shoulderSpan * 0.05 * k));
  const inner = boxBlur(boxBlur(zoneHalf, r), r);
  for (let i = 0; i < hw * hh; i++) {
    const shade = 0.68 + 0.32 * smoothstep(0.3, 0.95, inner.data[i]);
    for (let c = 0; c < 3; c++) skinHalf.data[i * 4 + c] = (plate.noise === Infinity ? portrait.skin.rgb[c] : plate.color[i * 3 + c]) * shade;
    skinHalf.data[i * 4 + 3] = 255;
  }

  // Worn bottoms are often faded (jeans) or sheen: their bright patches are the fabric, not the light,
  // so highlights count for less than shadows and creases.
  // (clothesShading works at half resolution itself.)
  const lowerShading = clothesShading(image, bottom, regions.skin, portrait.personMask, body.shoulderSpan);
  for (let i = 0; i < w * h; i++) {
    const v = lowerShading.data[i];
    if (v > 1) lowerShading.data[i] = 1 + (v - 1) * HIGHLIGHT_SHARE;
  }
  const skinZone = doubleGray(zoneHalf, w, h), skin = doubleRgba(skinHalf, w, h);
  const armsInFront = createGray(w, h);
  for (const arm of [body.leftArm, body.rightArm]) {
    const [s, e, wr] = arm.points;
    const start: Point = [s[0] + (e[0] - s[0]) * 0.6, s[1] + (e[1] - s[1]) * 0.6];
    drawCapsule(armsInFront, [start, e, wr], [arm.radii[1] * 0.95, arm.radii[1] * 0.95, arm.radii[2] * 0.95]);
  }
  // the arm itself: its skin or its sleeve, not the pocket or the hip the wrist rests on
  for (let i = 0; i < w * h; i++) {
    const own = Math.max(smoothstep(0.3, 0.7, regions.skin.data[i]), split.sleeves.data[i]);
    armsInFront.data[i] *= portrait.personMask.data[i] * own;
  }
  const worn = wornClothes(portrait.personMask, regions, split, body);
  const dressClear = { worn, reach: boxBlur(worn, CLEAR_REACH) };
  return { split, skinZone, skin, lowerShading, armsInFront, defaultWaistY, dressClear, bottomRoom: bottomRoom(portrait.personMask, body) };
}

/**
 * Where the body is under any clothes: a torso with rounded shoulders from the
 * neck to the hips, the arms, the neck and both legs, inside the person and
 * softly edged (a hard edge between painted skin and backdrop reads as a cut-out).
 */
function bodySkinZone(portrait: PortraitAnalysis, person: GrayImage, k: number): GrayImage {
  const { body, keypoints: kp } = portrait;
  const { width: w, height: h } = person;
  // body points in the (k times smaller) map's pixels
  const q = (p: Point): Point => [(p[0] + 0.5) * k - 0.5, (p[1] + 0.5) * k - 0.5];
  const span = body.shoulderSpan * k, up = body.up;
  const across: Point = [-up[1], up[0]];
  const at = (p: Point, a: number, u: number): Point => [p[0] + across[0] * a + up[0] * u, p[1] + across[1] * a + up[1] * u];
  const ls = q([kp.left_shoulder.x, kp.left_shoulder.y]), rs = q([kp.right_shoulder.x, kp.right_shoulder.y]);
  const [sl, sr] = ls[0] < rs[0] ? [ls, rs] : [rs, ls];
  const lh = q([kp.left_hip.x, kp.left_hip.y]), rh = q([kp.right_hip.x, kp.right_hip.y]);
  const [hl, hr] = lh[0] < rh[0] ? [lh, rh] : [rh, lh];
  const hipSpan = Math.hypot(lh[0] - rh[0], lh[1] - rh[1]);
  const torso = Math.hypot(body.shoulderCenter[0] - body.hipCenter[0], body.shoulderCenter[1] - body.hipCenter[1]) * k;
  const neckBase = q(body.neckBase);
  const zone = polygonMask(w, h, [
    at(neckBase, 0, span * 0.02), at(sr, -span * 0.02, -span * 0.06),
    at(sr, -span * 0.02, -torso * 0.35), at(hr, hipSpan * 0.45, torso * 0.2), at(hr, hipSpan * 0.4, -torso * 0.1),
    at(hl, -hipSpan * 0.4, -torso * 0.1), at(hl, -hipSpan * 0.45, torso * 0.2), at(sl, span * 0.02, -torso * 0.35),
    at(sl, span * 0.02, -span * 0.06),
  ]);
  // the shoulders slope from the neck to their round tops; then the neck and the limbs
  for (const s of [sl, sr]) drawCapsule(zone, [neckBase, s], [span * 0.09, span * 0.11], 1);
  drawCapsule(zone, [q(body.chin), neckBase], [body.neckRadius * k, body.neckRadius * 1.1 * k], 1);
  for (const limb of [body.leftArm, body.rightArm]) drawCapsule(zone, limb.points.map(q), limb.radii.map((x) => x * k), 1);
  // Legs under clothes measure as wide as the clothes: bare, they taper from the thigh to a
  // narrow knee, swell at the calf and narrow again to the ankle.
  for (const leg of [body.leftLeg, body.rightLeg]) {
    const [hip, knee, ankle] = leg.points.map(q);
    const calf: Point = [knee[0] + (ankle[0] - knee[0]) * 0.3, knee[1] + (ankle[1] - knee[1]) * 0.3];
    const r = (i: number, model: number) => Math.min(leg.radii[i] * k, span * model);
    drawCapsule(zone, [hip, knee, calf, ankle], [r(0, 0.22), r(1, 0.115), Math.min(leg.radii[1] * k, span * 0.125), r(2, 0.075)], 1);
  }
  const soft = boxBlur(zone, Math.max(1, Math.round(span * 0.012)));
  for (let i = 0; i < w * h; i++) soft.data[i] *= person.data[i];
  return soft;
}
