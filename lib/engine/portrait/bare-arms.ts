/**
 * How thick each arm is without its sleeve. The pose's limbs measure an upper arm as
 * wide as its sleeve, and an arm resting against the body as wide as the typical cap
 * (body-geometry.ts); where the forearm shows bare, the skin itself says how thick
 * the arm is, and the upper arm is drawn in proportion to it. Painted skin where a
 * loose sleeve is taken away then has the arm's shape, not the sleeve's box.
 */
import type { GrayImage } from '../image';
import { sampleGray } from '../image';
import type { Limb } from './body-geometry';

/**
 * A bare upper arm's half thickness at the shoulder joint against the arm's at the elbow: the
 * deltoid's breadth over the elbow's (ANSUR II means: the relaxed biceps' circumference about 1.2 times the
 * forearm's at the elbow, the deltoid broader still).
 */
const UPPER_ARM_OF_ELBOW = 1.4;
/** The stretch of the forearm measured, as shares of elbow to wrist: clear of the elbow's crease and the wrist's watch or bracelet. */
const FOREARM_FROM = 0.15, FOREARM_TO = 0.65;
/** Places measured along that stretch, and the share of them that must be bare skin for the measure to count. */
const SAMPLES = 11, MIN_BARE = 0.5;

/**
 * A bare forearm's half thickness across its middle where a sleeve hides it, in shoulder spans:
 * the median of the 49 forearms measured bare among the sample set's 51 portraits (2026-12-02;
 * quartiles 0.072 and 0.099). A sleeve measures as wide as itself, and an arm against the body
 * as wide as the cap (0.11 spans, reached by 66 of their 102 arms).
 */
const TYPICAL_FOREARM = 0.087;

/**
 * A bare arm's half thicknesses at the shoulder, elbow and wrist. Without a bare forearm
 * (a long sleeve), a typical one's; the upper arm at most UPPER_ARM_OF_ELBOW times the elbow.
 * @param span the shoulder span, the body's yardstick.
 * @param skin, hands the portrait's skin and hands maps; without them, the typical forearm.
 * @example const [shoulder, elbow, wrist] = bareArmRadii(portrait.body.leftArm, portrait.body.shoulderSpan, portrait.regions.skin, portrait.regions.hands);
 */
export function bareArmRadii(limb: Limb, span: number, skin?: GrayImage, hands?: GrayImage): number[] {
  const [r0, r1, r2] = limb.radii;
  const forearm = (skin && hands ? bareForearmRadius(limb, skin, hands) : null) ?? TYPICAL_FOREARM * span;
  // the forearm's upper half is about as broad as the elbow (its muscles swell just below it)
  const elbow = Math.min(r1, forearm);
  const wrist = Math.min(r2, forearm);
  return [Math.min(r0, elbow * UPPER_ARM_OF_ELBOW), elbow, wrist];
}

/** The median half width of the skin across the forearm's middle, or null where too little of it is bare. */
function bareForearmRadius(limb: Limb, skin: GrayImage, hands: GrayImage): number | null {
  const [, e, w] = limb.points;
  const len = Math.hypot(w[0] - e[0], w[1] - e[1]);
  if (len < 1) return null;
  const nx = -(w[1] - e[1]) / len, ny = (w[0] - e[0]) / len;
  const max = limb.radii[1] * 1.5;
  const widths: number[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const t = FOREARM_FROM + ((FOREARM_TO - FOREARM_FROM) * k) / (SAMPLES - 1);
    const x = e[0] + (w[0] - e[0]) * t, y = e[1] + (w[1] - e[1]) * t;
    if (sampleGray(skin, x, y) < 0.5 || sampleGray(hands, x, y) > 0.5) continue;
    const walk = (s: number) => {
      let d = 0;
      while (d < max && sampleGray(skin, x + s * nx * d, y + s * ny * d) >= 0.5) d += 0.5;
      return d;
    };
    const a = walk(1), b = walk(-1);
    // an edge not found within reach (skin beside the arm: a bare torso, a skin-coloured cloth) says nothing
    if (a < max && b < max) widths.push((a + b) / 2);
  }
  if (widths.length < SAMPLES * MIN_BARE) return null;
  widths.sort((p, q) => p - q);
  return widths[widths.length >> 1];
}
