/**
 * The colours of the top the shopper wears, learned from the middle of the torso
 * by colour alone: independent of the engine's own clothes regions, so a review
 * number built on them can catch the engine's mistakes instead of repeating them.
 */
import type { GrayImage, Keypoints, PortraitAnalysis, RgbaImage } from '../engine/index';
import { kmeans } from './kmeans';
import type { Rgb } from './pixels';

/** The torso core across: from this share to TORSO_CORE_X[1] of the way between the shoulder joints (arms hang outside it). */
export const TORSO_CORE_X: [number, number] = [0.25, 0.75];
/** The torso core down: this share of the way from the shoulders' centre to the hips' centre (below the neckline, above the waistband). */
export const TORSO_CORE_Y: [number, number] = [0.15, 0.55];
/** Sampled pixels skip what reads this much as skin (a V-neck's chest). */
export const SAMPLE_SKIN_MAX = 0.3;
/** Sampled pixels skip what reads this much as hands, hair or face (a hand on the belly, long hair). */
export const SAMPLE_HANDS_HAIR_FACE_MAX = 0.3;
/** Sampled pixels lie well inside the person (no backdrop blended in). */
export const SAMPLE_PERSON_MIN = 0.9;
/** A top has at most this many main colours (a print's few inks, a shirt under a jacket). */
export const MAX_COLOURS = 4;
/** A colour cluster with less than this share of the samples is a stray (a necklace, a strap, a logo's edge). */
export const MIN_COLOUR_SHARE = 0.1;

export interface OldTopPortrait {
  image: RgbaImage;
  personMask: GrayImage;
  keypoints: Pick<Keypoints, 'left_shoulder' | 'right_shoulder' | 'left_hip' | 'right_hip'>;
  regions: Pick<PortraitAnalysis['regions'], 'skin' | 'hands' | 'hair' | 'face'>;
}

/**
 * The torso core as a pixel box, inclusive: x between 25 % and 75 % of the way between the shoulder
 * joints, y from 15 % to 55 % of the way from the shoulders' centre down to the hips' centre.
 * @example torsoCore(portrait.keypoints); // { x0: 330, x1: 430, y0: 310, y1: 470 }
 */
export function torsoCore(kp: OldTopPortrait['keypoints']): { x0: number; x1: number; y0: number; y1: number } {
  const ls = kp.left_shoulder, rs = kp.right_shoulder;
  const sy = (ls.y + rs.y) / 2, hy = (kp.left_hip.y + kp.right_hip.y) / 2;
  const xa = ls.x + TORSO_CORE_X[0] * (rs.x - ls.x), xb = ls.x + TORSO_CORE_X[1] * (rs.x - ls.x);
  return {
    x0: Math.ceil(Math.min(xa, xb)),
    x1: Math.floor(Math.max(xa, xb)),
    y0: Math.ceil(sy + TORSO_CORE_Y[0] * (hy - sy)),
    y1: Math.floor(sy + TORSO_CORE_Y[1] * (hy - sy)),
  };
}

/**
 * The old top's main colours: the torso core's pixels that are clothes (not skin, hands, hair or face,
 * well inside the person), clustered by k-means (k <= 4), keeping clusters of at least 10 % of the
 * samples. Empty when the core shows no clothes (a bare torso) or lies outside the photo.
 * @example oldTopColours(portrait); // [[31, 42, 88]] for a navy tee
 */
export function oldTopColours(p: OldTopPortrait): Rgb[] {
  const { width: w, height: h, data } = p.image;
  const box = torsoCore(p.keypoints);
  const samples: number[] = [];
  for (let y = Math.max(0, box.y0); y <= Math.min(h - 1, box.y1); y++) {
    for (let x = Math.max(0, box.x0); x <= Math.min(w - 1, box.x1); x++) {
      const i = y * w + x;
      if (p.personMask.data[i] < SAMPLE_PERSON_MIN || p.regions.skin.data[i] > SAMPLE_SKIN_MAX) continue;
      if (p.regions.hands.data[i] > SAMPLE_HANDS_HAIR_FACE_MAX || p.regions.hair.data[i] > SAMPLE_HANDS_HAIR_FACE_MAX || p.regions.face.data[i] > SAMPLE_HANDS_HAIR_FACE_MAX) continue;
      samples.push(data[i * 4], data[i * 4 + 1], data[i * 4 + 2]);
    }
  }
  const n = samples.length / 3;
  return kmeans(samples, MAX_COLOURS).filter((c) => c.count >= MIN_COLOUR_SHARE * n).map((c) => c.centre);
}
