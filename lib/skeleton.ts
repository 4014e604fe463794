/**
 * Which body points are joined when the detected body is drawn over the portrait,
 * and which points are confident enough to draw.
 */
import type { BodyPointName, Keypoints } from './engine/types';

/** Bones of the drawn skeleton: torso, arms, legs, and the shoulders-to-ears line. */
export const SKELETON_EDGES: readonly [BodyPointName, BodyPointName][] = [
  ['left_shoulder', 'right_shoulder'], ['left_hip', 'right_hip'],
  ['left_shoulder', 'left_hip'], ['right_shoulder', 'right_hip'],
  ['left_shoulder', 'left_elbow'], ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'], ['right_elbow', 'right_wrist'],
  ['left_hip', 'left_knee'], ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'], ['right_knee', 'right_ankle'],
  ['left_shoulder', 'left_ear'], ['right_shoulder', 'right_ear'],
];

/** Points drawn as dots (the face's many points would clutter a small preview). */
export const DRAWN_POINTS: readonly BodyPointName[] = [
  'nose', 'left_ear', 'right_ear',
  'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
];

/** Points scored below this are not drawn: the model is guessing. */
export const MIN_DRAWN_SCORE = 0.3;

/**
 * The bones whose two ends are both confident, as line segments.
 * @example visibleBones(summary.keypoints) // [{ from: { x: 310, y: 240 }, to: { x: 455, y: 238 } }, ...]
 */
export function visibleBones(keypoints: Keypoints, minScore = MIN_DRAWN_SCORE) {
  return SKELETON_EDGES.flatMap(([a, b]) => {
    const p = keypoints[a];
    const q = keypoints[b];
    return p && q && p.score >= minScore && q.score >= minScore ? [{ from: { x: p.x, y: p.y }, to: { x: q.x, y: q.y }, name: `${a}-${b}` }] : [];
  });
}

/**
 * The confident points among DRAWN_POINTS.
 * @example visiblePoints(summary.keypoints).length // 15 for a full-body photo
 */
export function visiblePoints(keypoints: Keypoints, minScore = MIN_DRAWN_SCORE) {
  return DRAWN_POINTS.flatMap((name) => {
    const p = keypoints[name];
    return p && p.score >= minScore ? [{ name, x: p.x, y: p.y }] : [];
  });
}
