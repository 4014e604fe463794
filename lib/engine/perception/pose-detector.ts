/**
 * BlazePose's person detector: finds people in a photo and, for each, a face
 * box and the two alignment points (hip centre and a point above the head
 * whose distance gives the body's scale) that place the landmark model's crop.
 */
import type { Affine } from '../affine';
import { applyAffine, cropToTensor, roiToImage } from '../affine';
import type { RgbaImage } from '../image';
import type { Box } from '../types';
import type { ModelRunner } from './model-runner';
import { DETECTOR_INPUT, detectorAnchors } from './pose-anchors';

export interface PersonDetection {
  /** Probability that this is a person, in [0, 1]. */
  score: number;
  /** Face box in photo pixels. */
  faceBox: Box;
  /** Centre of the hips, in photo pixels. */
  hipCenter: [number, number];
  /** A point above the head; |bodyTop - hipCenter| is the body's half extent. */
  bodyTop: [number, number];
}

const MIN_SCORE = 0.5;
let anchors: Float32Array | null = null;

/**
 * Runs the detector on the whole photo (letterboxed to a square) and returns
 * the people it finds, most confident first, without duplicates.
 * @example const people = await detectPeople(detector, photo);
 */
export async function detectPeople(detector: ModelRunner, image: RgbaImage): Promise<PersonDetection[]> {
  anchors ??= detectorAnchors();
  const side = Math.max(image.width, image.height);
  const toImage = roiToImage({ cx: (image.width - 1) / 2, cy: (image.height - 1) / 2, size: side, rotation: 0 }, DETECTOR_INPUT);
  const input = cropToTensor(image, toImage, DETECTOR_INPUT, DETECTOR_INPUT);
  const out = await detector.run(input);
  const raw = out.person ?? Object.values(out)[0];
  const found: PersonDetection[] = [];
  const count = anchors.length / 2;
  for (let i = 0; i < count; i++) {
    const r = i * 13;
    const score = 1 / (1 + Math.exp(-raw[r]));
    if (score < MIN_SCORE) continue;
    found.push(decode(raw, r, anchors[2 * i], anchors[2 * i + 1], score, toImage));
  }
  return suppressDuplicates(found);
}

/** Detector columns: score logit, box (cx, cy, w, h), then 4 keypoints (x, y), all offsets in input pixels. */
function decode(raw: Float32Array, r: number, ax: number, ay: number, score: number, toImage: Affine): PersonDetection {
  const point = (dx: number, dy: number): [number, number] => applyAffine(toImage, ax * DETECTOR_INPUT + dx - 0.5, ay * DETECTOR_INPUT + dy - 0.5);
  const [cx, cy] = point(raw[r + 1], raw[r + 2]);
  const scale = Math.hypot(toImage[0], toImage[3]);
  const w = raw[r + 3] * scale, h = raw[r + 4] * scale;
  return {
    score,
    faceBox: { x: cx - w / 2, y: cy - h / 2, width: w, height: h },
    hipCenter: point(raw[r + 5], raw[r + 6]),
    bodyTop: point(raw[r + 7], raw[r + 8]),
  };
}

/** Keeps the best of each group of detections that share a face. */
function suppressDuplicates(dets: PersonDetection[]): PersonDetection[] {
  dets.sort((a, b) => b.score - a.score);
  const kept: PersonDetection[] = [];
  for (const d of dets) if (!kept.some((k) => iou(k.faceBox, d.faceBox) > 0.3)) kept.push(d);
  return kept;
}

export function iou(a: Box, b: Box): number {
  const x0 = Math.max(a.x, b.x), y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width), y1 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * The main person of a photo: the largest and most central of those found.
 * Size counts as the body's extent; a person at the edge counts up to half less.
 * @example const me = choosePerson(await detectPeople(detector, photo), photo.width, photo.height);
 */
export function choosePerson(dets: PersonDetection[], width: number, height: number): PersonDetection | null {
  let best: PersonDetection | null = null;
  let bestValue = -Infinity;
  const diag = Math.hypot(width, height);
  for (const d of dets) {
    const extent = Math.hypot(d.bodyTop[0] - d.hipCenter[0], d.bodyTop[1] - d.hipCenter[1]);
    const mid = [(d.hipCenter[0] + d.bodyTop[0]) / 2, (d.hipCenter[1] + d.bodyTop[1]) / 2];
    const offCentre = Math.hypot(mid[0] - width / 2, mid[1] - height / 2) / (diag / 2);
    const value = extent * (1 - 0.5 * Math.min(1, offCentre)) * (0.5 + 0.5 * d.score);
    if (value > bestValue) {
      bestValue = value;
      best = d;
    }
  }
  return best;
}
