/**
 * How wide the torso is at a given height, arms left out: the run of the
 * person mask through the body's centre line, with the arm capsules removed.
 */
import type { GrayImage } from '../image';
import type { BodyGeometry } from '../portrait/body-geometry';

export interface TorsoSpan {
  left: number;
  right: number;
  center: number;
}

/** x of the body's centre line at height y (through the shoulders' and hips' centres). */
export function centerLineX(body: BodyGeometry, y: number): number {
  const [sx, sy] = body.shoulderCenter, [hx, hy] = body.hipCenter;
  if (Math.abs(hy - sy) < 1) return sx;
  return sx + ((hx - sx) * (y - sy)) / (hy - sy);
}

/**
 * @example const { left, right } = torsoSpanAt(personMask, arms, body, 500);
 */
export function torsoSpanAt(person: GrayImage, arms: GrayImage, body: BodyGeometry, y: number): TorsoSpan {
  const { width: w, height: h, data } = person;
  const cx = centerLineX(body, y);
  const row = Math.min(h - 1, Math.max(0, Math.round(y)));
  const inside = (x: number) => x >= 0 && x < w && data[row * w + x] >= 0.5 && arms.data[row * w + x] < 0.5;
  const limit = body.shoulderSpan * 1.2;
  let l = Math.round(cx), r = Math.round(cx);
  while (l - 1 >= 0 && cx - l < limit && inside(l - 1)) l--;
  while (r + 1 < w && r - cx < limit && inside(r + 1)) r++;
  // a torso narrower than a third of the shoulders is a measuring accident (an arm across it)
  const min = body.shoulderSpan * 0.33;
  if (r - l < 2 * min) { l = Math.min(l, cx - min); r = Math.max(r, cx + min); }
  return { left: l, right: r, center: cx };
}
