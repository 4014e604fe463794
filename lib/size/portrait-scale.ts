/**
 * Centimetres per pixel of a portrait, from the shopper's stated height and the
 * lengths of the body the photo shows. Each visible span (head top to ankles,
 * head top to hips, hips to ankles, shoulders to hips) is a known fraction of
 * stature (body-proportions.ts); the estimates are averaged, weighted by how
 * reliable each span is, and the result says which were used and how far off it
 * may be.
 */
import type { PortraitAnalysis } from '../engine/analysis';
import type { Keypoint } from '../engine/types';
import { FitroomError } from '../engine/errors';
import { STATURE_ERROR, STATURE_FRACTION } from './body-proportions';

export interface PortraitScale {
  cmPerPx: number;
  /** Relative error of cmPerPx (one standard deviation), e.g. 0.03 = ±3 %. */
  relError: number;
  /** What the scale rests on, e.g. "head top to ankles (full body in the photo)". */
  basis: string;
  /** Whether the whole body, head to ankles, is in the photo. */
  fullBody: boolean;
}

const SEEN = 0.6;
// A head whose top is this close to the photo's top edge (fraction of its height) counts as cut off.
const HEAD_EDGE_MARGIN = 0.01;
const MIN_HEIGHT_CM = 100;
const MAX_HEIGHT_CM = 230;

const mid = (a: Keypoint, b: Keypoint) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * The top of the head: the highest person-mask row above the face, or null when
 * the head touches the photo's top edge (cut off: its top is unknown).
 */
export function headTopY(analysis: PortraitAnalysis): number | null {
  const { personMask: m, faceBox, issues } = analysis;
  if (!faceBox || issues.some((i) => i.code === 'face-cut-off')) return null;
  const x0 = Math.max(0, Math.floor(faceBox.x)), x1 = Math.min(m.width - 1, Math.ceil(faceBox.x + faceBox.width));
  const stop = Math.min(m.height, Math.ceil(faceBox.y + faceBox.height / 2));
  for (let y = 0; y < stop; y++) {
    for (let x = x0; x <= x1; x++) {
      // Hair touching the top edge: the head may go on above the photo.
      if (m.data[y * m.width + x] >= 0.5) return y <= m.height * HEAD_EDGE_MARGIN ? null : y;
    }
  }
  return null;
}

/**
 * The scale of a portrait given the person's height.
 *
 * @param heightCm the shopper's height, 100–230 cm
 * @example
 * portraitScale(analysis, 170) // → { cmPerPx: 0.186, relError: 0.025, basis: 'head top to ankles (the whole body is in the photo)', fullBody: true }
 */
export function portraitScale(analysis: PortraitAnalysis, heightCm: number): PortraitScale {
  if (!(typeof heightCm === 'number' && heightCm >= MIN_HEIGHT_CM && heightCm <= MAX_HEIGHT_CM)) {
    throw new FitroomError('bad-argument', `Expected height in cm between ${MIN_HEIGHT_CM} and ${MAX_HEIGHT_CM} but received ${String(heightCm)}`);
  }
  const kp = analysis.keypoints;
  const { width: w, height: h } = analysis.image;
  const inFrame = (p: Keypoint) => p.score >= SEEN && p.x >= 0 && p.y >= 0 && p.x < w && p.y < h;
  const shoulders = mid(kp.left_shoulder, kp.right_shoulder);
  const hips = mid(kp.left_hip, kp.right_hip);
  const hipsSeen = inFrame(kp.left_hip) && inFrame(kp.right_hip);
  const anklesSeen = inFrame(kp.left_ankle) && inFrame(kp.right_ankle) && kp.left_ankle.score >= 0.8 && kp.right_ankle.score >= 0.8;
  const ankles = mid(kp.left_ankle, kp.right_ankle);
  const top = headTopY(analysis);

  // Each: stature in pixels, its relative error, what it is.
  const estimates: { px: number; err: number; basis: string }[] = [];
  if (top !== null && anklesSeen) {
    estimates.push({ px: (ankles.y - top) / (1 - STATURE_FRACTION.ankleHeight), err: STATURE_ERROR.headToAnkle, basis: 'head top to ankles (the whole body is in the photo)' });
  } else {
    if (top !== null && hipsSeen) estimates.push({ px: (hips.y - top) / STATURE_FRACTION.headTopToHip, err: STATURE_ERROR.headTopToHip, basis: 'head top to hips' });
    if (hipsSeen && anklesSeen) estimates.push({ px: dist(hips, ankles) / STATURE_FRACTION.hipToAnkle, err: STATURE_ERROR.hipToAnkle, basis: 'hips to ankles' });
  }
  if (hipsSeen && inFrame(kp.left_shoulder) && inFrame(kp.right_shoulder)) {
    estimates.push({ px: dist(shoulders, hips) / STATURE_FRACTION.shoulderToHip, err: STATURE_ERROR.shoulderToHip, basis: 'shoulders to hips' });
  }
  if (estimates.length === 0) {
    throw new FitroomError('bad-argument', 'Expected a portrait showing the shoulders and hips (or the head and ankles) to measure the body, but they are not both in the photo');
  }
  // Inverse-variance weighting; the spread between estimates counts as error too.
  const weights = estimates.map((e) => 1 / (e.err * e.err));
  const total = weights.reduce((a, b) => a + b, 0);
  const px = estimates.reduce((a, e, i) => a + e.px * weights[i], 0) / total;
  const spread = estimates.length > 1 ? Math.max(...estimates.map((e) => Math.abs(e.px / px - 1))) : 0;
  const relError = Math.max(1 / Math.sqrt(total), spread);
  return {
    cmPerPx: heightCm / px,
    relError,
    basis: estimates.map((e) => e.basis).join(' and '),
    fullBody: top !== null && anklesSeen,
  };
}
