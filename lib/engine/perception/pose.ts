/**
 * Body pose of the main person in a photo: detector → landmark model on the
 * detector's crop → landmark model again on the crop its own auxiliary points
 * give (MediaPipe's tracking crop, tighter and better aligned than the detector's).
 */
import type { Affine, SquareRoi } from '../affine';
import type { GrayImage, RgbaImage } from '../image';
import { resizeRgba } from '../image';
import { halveRgba } from '../half-size';
import type { Box, Keypoints } from '../types';
import { BODY_POINT_NAMES } from '../types';
import type { ModelRunner } from './model-runner';
import type { PersonDetection } from './pose-detector';
import { choosePerson, detectPeople } from './pose-detector';
import type { LandmarkResult, RawLandmark } from './pose-landmarks';
import { alignmentRoi, runLandmarks } from './pose-landmarks';

/** Perception runs on a copy whose long side is at most this; its crops are 224-256 px anyway. */
const WORKING_LONG_SIDE = 640;
/** Halving (2x2 means, several times cheaper than a general resize) is used while the copy stays at least this long. */
const HALVED_LONG_SIDE = 480;

export interface PoseResult {
  keypoints: Keypoints;
  /** All 39 model points in photo pixels, with depth, visibility and presence. */
  landmarks: RawLandmark[];
  /** Face box from the detector, in photo pixels (null when it found nobody). */
  detectorFaceBox: Box | null;
  /** How many people the detector found (the main one was analysed). */
  people: number;
  /** Probability that the final crop holds a person. */
  poseFlag: number;
  /** Person probability on the landmark crop's grid, and crop → photo pixels. */
  segmentation: GrayImage;
  segmentationToImage: Affine;
  /** The reduced copy of the photo perception ran on (long side at most 640 px), and crop → its pixels. */
  working: RgbaImage;
  segmentationToWorking: Affine;
}

export interface PoseModels {
  detector: ModelRunner;
  landmarks: ModelRunner;
}

/** The reduced copy perception runs on, and the people the detector found on it. */
export interface Detection {
  working: RgbaImage;
  people: PersonDetection[];
}

/**
 * The detector's look at a photo: the first step of estimatePose, for callers that
 * decide from it whether a full pose is worth running (and then pass it on).
 * @example const seen = await detectOnWorkingCopy(models, photo); if (seen.people.length) await estimatePose(models, photo, seen);
 */
export async function detectOnWorkingCopy(models: PoseModels, image: RgbaImage): Promise<Detection> {
  const working = workingCopy(image);
  return { working, people: await detectPeople(models.detector, working) };
}

/**
 * Finds the main person and their pose; null when nobody is in the photo.
 * @param seen the detector's result on this photo, when the caller already has it
 * @example const pose = await estimatePose({ detector, landmarks }, photo);
 */
export async function estimatePose(models: PoseModels, image: RgbaImage, seen?: Detection): Promise<PoseResult | null> {
  const { working: work, people } = seen ?? (await detectOnWorkingCopy(models, image));
  const sx = image.width / work.width, sy = image.height / work.height;

  const person = choosePerson(people, work.width, work.height);
  // The detector finds people by their face: when the face is cut off by the frame
  // (or nobody is found) its crop can be badly off, so a crop of the whole frame is
  // tried too. In a photo of several people that crop may land on someone else: it
  // counts only when its face lies where the detector saw the main person's.
  let result: LandmarkResult | null = null;
  if (person) result = await refine(models.landmarks, work, alignmentRoi(person.hipCenter, person.bodyTop));
  const faceCut = !person || person.faceBox.y < 0 || person.faceBox.x < 0 || person.faceBox.x + person.faceBox.width > work.width;
  if (!result || faceCut || result.poseFlag < 0.9) {
    const whole = { cx: (work.width - 1) / 2, cy: (work.height - 1) / 2, size: Math.max(work.width, work.height), rotation: 0 };
    const fallback = await refine(models.landmarks, work, whole);
    const samePerson = !person || people.length === 1 || insideBox(fallback.points[0], person.faceBox, 0.5);
    if (!result || (samePerson && fallback.poseFlag > result.poseFlag)) result = fallback;
  }
  if (result.poseFlag < 0.5) return null;

  // pixel centres: full = (work + 0.5) * s - 0.5
  const landmarks = result.points.map((p) => ({ ...p, x: (p.x + 0.5) * sx - 0.5, y: (p.y + 0.5) * sy - 0.5, z: p.z * sx }));
  const keypoints = {} as Keypoints;
  BODY_POINT_NAMES.forEach((name, i) => {
    keypoints[name] = { x: landmarks[i].x, y: landmarks[i].y, score: landmarks[i].visibility };
  });
  const m = result.cropToImage;
  return {
    keypoints,
    landmarks,
    detectorFaceBox: person ? scaleBox(person, sx, sy) : null,
    people: people.length,
    poseFlag: result.poseFlag,
    segmentation: result.segmentation,
    segmentationToImage: [m[0] * sx, m[1] * sx, (m[2] + 0.5) * sx - 0.5, m[3] * sy, m[4] * sy, (m[5] + 0.5) * sy - 0.5],
    working: work,
    segmentationToWorking: m,
  };
}

/** The photo reduced for perception: halved while that keeps enough pixels, then resized to fit if still too big. */
function workingCopy(image: RgbaImage): RgbaImage {
  let work = image;
  // only even sizes: a halved odd side would drop a row or column and shift the mapping back
  while (Math.max(work.width, work.height) / 2 >= HALVED_LONG_SIDE && work.width % 2 === 0 && work.height % 2 === 0) work = halveRgba(work);
  const scale = WORKING_LONG_SIDE / Math.max(work.width, work.height);
  if (scale >= 1) return work;
  return resizeRgba(work, Math.max(1, Math.round(work.width * scale)), Math.max(1, Math.round(work.height * scale)));
}

function scaleBox(d: PersonDetection, sx: number, sy: number): Box {
  const b = d.faceBox;
  return { x: (b.x + 0.5) * sx - 0.5, y: (b.y + 0.5) * sy - 0.5, width: b.width * sx, height: b.height * sy };
}

/**
 * One landmark run on `roi`, then a second on the crop its auxiliary points give.
 * The second crop is the better aligned one; a flag that drops between the two
 * runs means the crop is unstable (a poor start), so the result reports the lower flag.
 */
async function refine(model: ModelRunner, image: RgbaImage, roi: SquareRoi): Promise<LandmarkResult> {
  const first = await runLandmarks(model, image, roi);
  const aux = first.points;
  const next = alignmentRoi([aux[33].x, aux[33].y], [aux[34].x, aux[34].y]);
  // When the crop the model asks for is (nearly) the one it saw, a second run would
  // see the same pixels: keep the first.
  const moved = Math.hypot(next.cx - roi.cx, next.cy - roi.cy) / roi.size;
  const resized = Math.abs(next.size / roi.size - 1);
  const turned = Math.abs(next.rotation - roi.rotation);
  if (moved < 0.02 && resized < 0.04 && turned < 0.05) return first;
  const second = await runLandmarks(model, image, next);
  return { ...second, poseFlag: Math.min(first.poseFlag, second.poseFlag) };
}

function insideBox(p: { x: number; y: number }, b: Box, margin: number): boolean {
  const mx = b.width * margin, my = b.height * margin;
  return p.x >= b.x - mx && p.x <= b.x + b.width + mx && p.y >= b.y - my && p.y <= b.y + b.height + my;
}
