/**
 * Where the body itself is under the clothes (no parser gives us this): a torso
 * outline from the shoulders to the hips, the arms and the neck, inside the person mask.
 * Where an old garment is cleared away, pixels in this zone become skin, the rest background.
 */
import type { GrayImage } from '../image';
import { createGray } from '../image';
import type { BodyGeometry } from '../portrait/body-geometry';
import type { Point } from '../shapes';
import { drawCapsule, polygonMask } from '../shapes';
import type { Keypoints } from '../types';

/**
 * How far the torso reaches below the hip joints, in torso lengths: down to the
 * crotch, so an old top or dress cleared below the hips shows body there, not backdrop.
 */
const HIPS_BELOW_JOINTS = 0.4;

/** The body's parts under the clothes, each inside the person mask: they make up the body zone. */
export interface BodyParts {
  torso: GrayImage;
  /** Arms and neck. */
  limbs: GrayImage;
}

/**
 * The torso (shoulders to hips) apart from the arms and neck: a painted torso is
 * shaded by its own outline, not the arms' merged with it.
 * @example const { torso, limbs } = bodyParts(portrait.body, portrait.keypoints, portrait.personMask);
 */
export function bodyParts(body: BodyGeometry, kp: Keypoints, person: GrayImage): BodyParts {
  const { width: w, height: h } = person;
  const span = body.shoulderSpan;
  const up = body.up;
  const across: Point = [-up[1], up[0]];
  const at = (p: Point, a: number, u: number): Point => [p[0] + across[0] * a + up[0] * u, p[1] + across[1] * a + up[1] * u];
  const ls: Point = [kp.left_shoulder.x, kp.left_shoulder.y], rs: Point = [kp.right_shoulder.x, kp.right_shoulder.y];
  const lh: Point = [kp.left_hip.x, kp.left_hip.y], rh: Point = [kp.right_hip.x, kp.right_hip.y];
  const [imgLeftS, imgRightS] = ls[0] < rs[0] ? [ls, rs] : [rs, ls];
  const [imgLeftH, imgRightH] = lh[0] < rh[0] ? [lh, rh] : [rh, lh];
  const hipSpan = Math.hypot(lh[0] - rh[0], lh[1] - rh[1]);
  const torsoLength = Math.hypot(body.shoulderCenter[0] - body.hipCenter[0], body.shoulderCenter[1] - body.hipCenter[1]);
  // Proportions of a typical torso: chest about as wide as the shoulder joints, waist a
  // little narrower, hips about 1.6 hip-joint distances.
  const poly: Point[] = [
    at(imgLeftS, -span * 0.08, span * 0.06),
    at(imgRightS, span * 0.08, span * 0.06),
    at(imgRightS, span * 0.02, -torsoLength * 0.35),
    at(body.hipCenter, hipSpan * 0.68, torsoLength * 0.45),
    at(imgRightH, hipSpan * 0.3, -torsoLength * HIPS_BELOW_JOINTS),
    at(imgLeftH, -hipSpan * 0.3, -torsoLength * HIPS_BELOW_JOINTS),
    at(body.hipCenter, -hipSpan * 0.68, torsoLength * 0.45),
    at(imgLeftS, -span * 0.02, -torsoLength * 0.35),
  ];
  const torso = polygonMask(w, h, poly);
  const limbs = createGray(w, h);
  for (const arm of [body.leftArm, body.rightArm]) drawCapsule(limbs, arm.points, arm.radii);
  drawCapsule(limbs, [body.chin, body.neckBase], [body.neckRadius, body.neckRadius * 1.1]);
  for (let i = 0; i < torso.data.length; i++) {
    torso.data[i] *= person.data[i];
    limbs.data[i] *= person.data[i];
  }
  return { torso, limbs };
}

/**
 * The arms from a little below the shoulder down to the wrist: what stays in
 * front of the garment's body when the arms hang beside or cross it.
 * @example const front = armsInFront(portrait.body, 768, 1024);
 */
export function armsInFront(body: BodyGeometry, width: number, height: number): GrayImage {
  const out = createGray(width, height);
  for (const arm of [body.leftArm, body.rightArm]) {
    const [s, e, wr] = arm.points;
    const t = 0.35;
    const start: Point = [s[0] + (e[0] - s[0]) * t, s[1] + (e[1] - s[1]) * t];
    const r0 = arm.radii[0] + (arm.radii[1] - arm.radii[0]) * t;
    drawCapsule(out, [start, e, wr], [r0, arm.radii[1], arm.radii[2]]);
  }
  return out;
}
