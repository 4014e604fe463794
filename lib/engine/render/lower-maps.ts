/**
 * The per-portrait maps that bottoms and dresses need beyond the portrait's
 * own render maps: which clothes are the top and which the bottom, what a dress
 * clears, and the light on the bottom worn. Computed on the
 * first bottom or dress tried on a portrait and kept with it (in a WeakMap, so
 * the stored PortraitAnalysis keeps its shape), so later garment changes reuse them.
 */
import type { PortraitAnalysis } from '../analysis';
import type { GrayImage } from '../image';
import { boxBlur, createGray } from '../image';
import type { Point } from '../shapes';
import { drawCapsule } from '../shapes';
import type { ClothesSplit } from '../portrait/clothes-split';
import { splitClothes, topAndBottom, wornClothes } from '../portrait/clothes-split';
import { bottomRoom } from './bottom-room';
import { clothesShading } from '../portrait/shading';
import { smoothstep } from '../smoothstep';

export interface LowerMaps {
  split: ClothesSplit;
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

  // Worn bottoms are often faded (jeans) or sheen: their bright patches are the fabric, not the light,
  // so highlights count for less than shadows and creases.
  // (clothesShading works at half resolution itself.)
  const lowerShading = clothesShading(image, bottom, regions.skin, portrait.personMask, body.shoulderSpan);
  for (let i = 0; i < w * h; i++) {
    const v = lowerShading.data[i];
    if (v > 1) lowerShading.data[i] = 1 + (v - 1) * HIGHLIGHT_SHARE;
  }
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
  return { split, lowerShading, armsInFront, defaultWaistY, dressClear, bottomRoom: bottomRoom(portrait.personMask, body) };
}
