/**
 * Puts the warped garment on the portrait, layer by layer:
 *   portrait with the old top cleared (to skin on the body, backdrop elsewhere)
 *   → garment body (lit by the photo's shading; the neck shows through its opening)
 *   → arms that hang in front of it
 *   → sleeves
 *   → hands, hair and face, with their original pixels.
 * A one-piece worn (no waist line found: a dress, a jumpsuit) is cleared only
 * down to the new top's hem: below it, it stays, as a skirt or trousers would.
 */
import type { PortraitAnalysis, TryOnLayers } from '../analysis';
import type { RgbaImage } from '../image';
import { cloneRgba } from '../image';
import { floodFill } from '../connectivity';
import { armsBelowSleeves } from './arms-below-sleeves';

export interface UpperLayers {
  torso: RgbaImage;
  sleeves: RgbaImage;
}

/**
 * @example const result = composeUpper(portrait, { torso, sleeves });
 */
export function composeUpper(portrait: PortraitAnalysis, layers: UpperLayers, report?: TryOnLayers): RgbaImage {
  const src = portrait.image;
  const out = cloneRgba(src);
  const { regions } = portrait;
  const { shading, backdrop, bodyZone, armsInFront, skinFill, clearTop } = portrait.render;
  const n = src.width * src.height;
  const d = out.data, o = src.data, t = layers.torso.data, s = layers.sleeves.data;
  const cleared = [0, 0, 0];
  const keepFrom = regions.waistY === null ? hemRow(layers.torso) : Infinity;
  const enclosed = enclosedClearing(portrait, [layers.torso, layers.sleeves]);
  const armFree = armsBelowSleeves([portrait.body.leftArm, portrait.body.rightArm], layers.sleeves);
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    const ta = t[p + 3] / 255, sa = s[p + 3] / 255;
    const cover = Math.max(ta, sa);
    // 1. the photo with the old top cleared: skin on the body, backdrop elsewhere
    // (the one-piece's sleeves go whole: only its body stays below the hem, as a skirt)
    const below = keepFrom === Infinity || regions.arms.data[i] > 0.5 ? -1 : Math.floor(i / src.width) - keepFrom;
    const u = below < 0 ? clearTop.data[i] : clearTop.data[i] * Math.max(0, 1 - below / HEM_BLEND), z = Math.max(bodyZone.data[i], enclosed[i]);
    for (let c = 0; c < 3; c++) {
      const fill = z * skinFill.data[p + c] + (1 - z) * backdrop.data[p + c];
      cleared[c] = o[p + c] * (1 - u) + fill * u;
      d[p + c] = cleared[c];
    }
    if (report) report.cleared.data[i] = u;
    if (cover <= 0) continue;
    const shade = shading.data[i];
    // 2. the garment's body (its neck opening shows the neck)
    for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - ta) + t[p + c] * shade * ta;
    // 3. arms in front of it, as they are or with their old sleeve cleared, below the new sleeves' hems
    const arm = armsInFront.data[i] * regions.arms.data[i] * portrait.render.armOwn.data[i] * armFree.data[i];
    if (arm > 0.002) for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - arm) + cleared[c] * arm;
    // 4. sleeves
    for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - sa) + s[p + c] * shade * sa;
    // 5. what is always in front: hands, hair, face
    const keep = Math.max(regions.hands.data[i], regions.hair.data[i], regions.face.data[i]);
    if (keep > 0) for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - keep) + o[p + c] * keep;
    if (report) {
      report.drawn.data[i] = cover;
      report.coverage.data[i] = (ta * (1 - (arm > 0.002 ? arm : 0)) * (1 - sa) + sa) * (1 - keep);
    }
  }
  return out;
}

/**
 * Cleared pixels the backdrop cannot show through: shut in by the new garment, the shopper's
 * arms, hands and other clothes, not joined through cleared, uncovered pixels outside the body
 * zone to the backdrop round the person. (A hem's corner behind a forearm; the body zone, a
 * typical torso, is narrower than a broad one.) They are the body, painted as skin.
 * @example const z = Math.max(bodyZone.data[i], enclosedClearing(portrait, [torso, sleeves])[i]);
 */
export function enclosedClearing(portrait: PortraitAnalysis, layers: RgbaImage[]): Uint8Array {
  const { personMask, render } = portrait;
  const { width: w, height: h } = personMask;
  const n = w * h;
  // open: cleared, not covered by the new garment, not the body zone (already skin)
  const open = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (render.clearTop.data[i] < 0.5 || render.bodyZone.data[i] >= 0.5) continue;
    let covered = false;
    for (const l of layers) if (l.data[i * 4 + 3] >= 128) { covered = true; break; }
    if (!covered) open[i] = 1;
  }
  // from the backdrop next to them
  const seeds: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!open[i]) continue;
    const x = i % w;
    const next = [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i >= w ? i - w : -1, i < n - w ? i + w : -1];
    if (next.some((j) => j >= 0 && personMask.data[j] < OUTSIDE)) seeds.push(i);
  }
  const reached = floodFill(w, h, seeds, (i) => open[i] === 1);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = open[i] && !reached[i] ? 1 : 0;
  return out;
}

/** The person mask below this is the backdrop round the person. */
const OUTSIDE = 0.3;

/** Rows over which a one-piece's kept lower part fades in below the new top's hem. */
const HEM_BLEND = 3;

/** The garment's hem: the median over its columns of the lowest row it covers. */
function hemRow(layer: RgbaImage): number {
  const { width: w, height: h, data } = layer;
  const rows: number[] = [];
  for (let x = 0; x < w; x++) {
    for (let y = h - 1; y >= 0; y--) {
      if (data[(y * w + x) * 4 + 3] > 127) { rows.push(y); break; }
    }
  }
  if (rows.length === 0) return Infinity;
  rows.sort((a, b) => a - b);
  return rows[rows.length >> 1];
}

