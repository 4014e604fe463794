/**
 * The plain data that flows between the engine's stages and out of it.
 * Everything here is structured-clonable, so a portrait analysis can be stored
 * (IndexedDB) and sent between extension contexts as it is.
 */
import type { GrayImage, RgbaImage } from './image';

/** BlazePose's 33 body points, snake_case; `left` is the person's left. */
export const BODY_POINT_NAMES = [
  'nose', 'left_eye_inner', 'left_eye', 'left_eye_outer', 'right_eye_inner', 'right_eye', 'right_eye_outer',
  'left_ear', 'right_ear', 'mouth_left', 'mouth_right',
  'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_pinky', 'right_pinky', 'left_index', 'right_index', 'left_thumb', 'right_thumb',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
  'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index',
] as const;
export type BodyPointName = (typeof BODY_POINT_NAMES)[number];

/** The 17 COCO points, a subset of BODY_POINT_NAMES with the same names. */
export const COCO_POINT_NAMES = [
  'nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear',
  'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
] as const satisfies readonly BodyPointName[];

/** A point in the photo's own pixel coordinates; score in [0, 1] (visibility x presence). */
export interface Keypoint {
  x: number;
  y: number;
  score: number;
}

export type Keypoints = Record<BodyPointName, Keypoint>;

/** An axis-aligned box in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type GarmentCategory = 'upper' | 'lower' | 'dress';
export type SleeveLength = 'none' | 'short' | 'long';
