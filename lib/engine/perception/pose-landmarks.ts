/**
 * BlazePose's landmark model: 39 body points (33 named + 6 auxiliary used to
 * place the next crop), a pose presence flag and a person segmentation, all
 * computed on a rotated square crop around the person.
 */
import type { Affine, SquareRoi } from '../affine';
import { applyAffine, cropToTensor, roiToImage } from '../affine';
import type { GrayImage, RgbaImage } from '../image';
import type { ModelRunner } from './model-runner';

export const LANDMARK_INPUT = 256;
const POINTS = 39;
const HEATMAP = 64;
/** MediaPipe enlarges the alignment square by this much so limbs fit. */
const ROI_SCALE = 1.25;

export interface RawLandmark {
  x: number;
  y: number;
  /** Depth relative to the hips, in crop pixels (smaller = nearer the camera). */
  z: number;
  /** Probability that the point is visible (not occluded). */
  visibility: number;
  /** Probability that the point is inside the frame. */
  presence: number;
}

export interface LandmarkResult {
  /** 39 points in photo pixels: the 33 BODY_POINT_NAMES, then 6 auxiliary. */
  points: RawLandmark[];
  /** Probability that the crop holds a person. */
  poseFlag: number;
  /** Person probability on the crop's 256x256 grid. */
  segmentation: GrayImage;
  /** Crop pixel → photo pixel. */
  cropToImage: Affine;
}

/**
 * The crop that MediaPipe derives from two alignment points: centred on the
 * hips, upright along hips → top of body, and 2.5 times their distance wide.
 * @example const roi = alignmentRoi(det.hipCenter, det.bodyTop);
 */
export function alignmentRoi(center: [number, number], top: [number, number]): SquareRoi {
  const dx = top[0] - center[0], dy = top[1] - center[1];
  const rotation = normalizeAngle(Math.PI / 2 - Math.atan2(-dy, dx));
  return { cx: center[0], cy: center[1], size: 2 * Math.hypot(dx, dy) * ROI_SCALE, rotation };
}

function normalizeAngle(a: number): number {
  return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * Runs the landmark model on one crop of the photo.
 * @example const res = await runLandmarks(model, photo, alignmentRoi(det.hipCenter, det.bodyTop));
 */
export async function runLandmarks(model: ModelRunner, image: RgbaImage, roi: SquareRoi): Promise<LandmarkResult> {
  const cropToImage = roiToImage(roi, LANDMARK_INPUT);
  const input = cropToTensor(image, cropToImage, LANDMARK_INPUT, LANDMARK_INPUT);
  const out = await model.run(input);
  const ld = out.ld_3d;
  const heatmap = out.activation_heatmap;
  const points: RawLandmark[] = [];
  for (let i = 0; i < POINTS; i++) {
    let u = ld[i * 5], v = ld[i * 5 + 1];
    if (heatmap && i < 33) [u, v] = refineFromHeatmap(heatmap, i, u, v);
    // model coordinates are edge-based (0 = left edge of the crop); ours are pixel centres
    const [x, y] = applyAffine(cropToImage, u - 0.5, v - 0.5);
    points.push({ x, y, z: ld[i * 5 + 2] * (roi.size / LANDMARK_INPUT), visibility: sigmoid(ld[i * 5 + 3]), presence: sigmoid(ld[i * 5 + 4]) });
  }
  const seg = out.activation_segmentation;
  return {
    points,
    poseFlag: out.output_poseflag[0],
    segmentation: { width: LANDMARK_INPUT, height: LANDMARK_INPUT, data: seg },
    cropToImage,
  };
}

/**
 * MediaPipe's refinement: the confidence-weighted mean of the heatmap in a 7x7
 * window around the regressed point, used when the heatmap is confident there.
 */
function refineFromHeatmap(heatmap: Float32Array, k: number, u: number, v: number): [number, number] {
  const scale = HEATMAP / LANDMARK_INPUT;
  const cx = Math.round(u * scale - 0.5), cy = Math.round(v * scale - 0.5);
  let sum = 0, sx = 0, sy = 0, max = 0;
  for (let y = cy - 3; y <= cy + 3; y++) {
    if (y < 0 || y >= HEATMAP) continue;
    for (let x = cx - 3; x <= cx + 3; x++) {
      if (x < 0 || x >= HEATMAP) continue;
      const c = heatmap[(y * HEATMAP + x) * POINTS + k];
      sum += c;
      sx += c * x;
      sy += c * y;
      if (c > max) max = c;
    }
  }
  if (max < 0.5 || sum <= 0) return [u, v];
  return [((sx / sum) + 0.5) / scale, ((sy / sum) + 0.5) / scale];
}
