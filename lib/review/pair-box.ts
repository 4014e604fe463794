/**
 * Where a paired check compares a try-on with the real photo: from the shoulders
 * to the hips, where a top sits (face, legs and backdrop left out, they are not
 * the garment's doing).
 */
import type { Box, Keypoints } from '../engine/index';

/** The box reaches past the outermost shoulder or hip by this many shoulder spans each side: room for sleeves and a loose fit. */
export const SIDE_MARGIN_SPANS = 0.25;
/** The box starts this many shoulder spans above the higher shoulder: the shoulder seams and the neckline. */
export const TOP_MARGIN_SPANS = 0.1;

/**
 * x from the leftmost to the rightmost of the four shoulder and hip keypoints, widened by 0.25 shoulder
 * spans each side; y from 0.1 shoulder spans above the higher shoulder down to the lower hip; clipped to
 * the `width` × `height` picture.
 * @example shouldersToHips(portrait.keypoints, 768, 1024); // { x: 190, y: 205, width: 390, height: 420 }
 */
export function shouldersToHips(kp: Pick<Keypoints, 'left_shoulder' | 'right_shoulder' | 'left_hip' | 'right_hip'>, width: number, height: number): Box {
  const points = [kp.left_shoulder, kp.right_shoulder, kp.left_hip, kp.right_hip];
  const span = Math.hypot(kp.left_shoulder.x - kp.right_shoulder.x, kp.left_shoulder.y - kp.right_shoulder.y);
  const xs = points.map((p) => p.x);
  const x0 = Math.max(0, Math.min(...xs) - SIDE_MARGIN_SPANS * span);
  const x1 = Math.min(width, Math.max(...xs) + SIDE_MARGIN_SPANS * span);
  const y0 = Math.max(0, Math.min(kp.left_shoulder.y, kp.right_shoulder.y) - TOP_MARGIN_SPANS * span);
  const y1 = Math.min(height, Math.max(kp.left_hip.y, kp.right_hip.y));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}
