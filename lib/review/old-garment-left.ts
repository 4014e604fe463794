/**
 * The shopper's old top still showing where the new garment should have
 * replaced it: unchanged pixels of the old top's colours between chin and waist
 * that the new garment does not cover.
 */
import type { GrayImage, PortraitAnalysis, RgbaImage } from '../engine/index';
import type { Rgb } from './pixels';
import { assertSameSize, colourDistanceAt, maxChannelDiffAt, UNCHANGED_MAX_DIFF } from './pixels';

/** A result pixel this close (RGB Euclidean) to one of the old top's colours reads as the old top: its folds' shading stays within it. */
export const OLD_COLOUR_DISTANCE = 25;
/** Inside the person from half the mask up. */
export const COUNTED_PERSON_MIN = 0.5;
/** The new garment shows from half coverage up. */
export const COVERED_MIN = 0.5;
/** Bare skin from this likelihood up is not the old top, whatever its colour. */
export const COUNTED_SKIN_MAX = 0.5;
/** Hands, face and hair from this strength up stay in front of any garment: not the old top. */
export const COUNTED_HANDS_HAIR_FACE_MAX = 0.3;

export interface OldGarmentPortrait {
  image: RgbaImage;
  personMask: GrayImage;
  regions: Pick<PortraitAnalysis['regions'], 'skin' | 'hands' | 'hair' | 'face' | 'waistY'>;
  body: Pick<PortraitAnalysis['body'], 'chin' | 'hipCenter'>;
}

/**
 * Result pixels inside the person (mask >= 0.5), below the chin and above the waist (regions.waistY, else
 * the hips' centre), not covered by the new garment (coverage < 0.5), unchanged from the portrait (no
 * channel differs by more than 6), within 25 of one of `oldColours` (see oldTopColours), and not skin
 * (< 0.5), hands, face or hair (< 0.3). 0 when no old colours were learned.
 * @example oldGarmentLeft(portrait, oldTopColours(portrait), result.image, result.layers.coverage); // 0 when the old tee is gone
 */
export function oldGarmentLeft(p: OldGarmentPortrait, oldColours: readonly Rgb[], result: RgbaImage, coverage: GrayImage): number {
  assertSameSize(p.image, result, 'the portrait and the try-on');
  assertSameSize(p.image, coverage, 'the portrait and the coverage layer');
  if (oldColours.length === 0) return 0;
  const { width: w, height: h } = p.image;
  const waist = p.regions.waistY ?? p.body.hipCenter[1];
  const top = Math.max(0, Math.floor(p.body.chin[1]) + 1), bottom = Math.min(h - 1, Math.ceil(waist) - 1);
  const { skin, hands, face, hair } = p.regions;
  let n = 0;
  for (let y = top; y <= bottom; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (p.personMask.data[i] < COUNTED_PERSON_MIN || coverage.data[i] >= COVERED_MIN) continue;
      if (skin.data[i] >= COUNTED_SKIN_MAX || hands.data[i] >= COUNTED_HANDS_HAIR_FACE_MAX || face.data[i] >= COUNTED_HANDS_HAIR_FACE_MAX || hair.data[i] >= COUNTED_HANDS_HAIR_FACE_MAX) continue;
      if (maxChannelDiffAt(result, p.image, i) > UNCHANGED_MAX_DIFF) continue;
      if (oldColours.some((c) => colourDistanceAt(result, i, c) <= OLD_COLOUR_DISTANCE)) n++;
    }
  }
  return n;
}
