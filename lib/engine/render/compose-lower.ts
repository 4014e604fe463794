/**
 * Puts a warped bottom or dress on the portrait, layer by layer.
 *
 * A bottom:
 *   portrait with the old bottom cleared (skin on the legs and hips, backdrop elsewhere)
 *   → the new bottom (lit by the old bottom's light and folds)
 *   → the top worn, as it was (over the waistband when it was over the old one)
 *   → arms and hands hanging in front, hair, face.
 *
 * A dress:
 *   portrait with every garment cleared (shoes kept)
 *   → the collar's back → the neck in front of it
 *   → the dress's body (the neck shows through its opening) → arms in front of it → its sleeves
 *   → hands, hair and face, with their original pixels.
 */
import type { PortraitAnalysis, TryOnLayers } from '../analysis';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, cloneRgba } from '../image';
import type { LowerMaps } from './lower-maps';
import { CLEAR_REACH } from './lower-maps';
import { smoothstep } from '../smoothstep';
import { armsBelowSleeves } from './arms-below-sleeves';

/**
 * @param top the top worn (kept in front), @param bottom the old bottom (cleared): see topAndBottom.
 * @param room where the bottom may be drawn (bottomRoom), or null for anywhere: a flat bottom is
 * cut to the shopper's waist by its fit; one moved from a model brings the model's hips.
 * @example const result = composeLower(portrait, maps, { top, bottom }, garmentLayer, null);
 */
export function composeLower(portrait: PortraitAnalysis, maps: LowerMaps, worn: { top: GrayImage; bottom: GrayImage }, garment: RgbaImage, room: GrayImage | null, report?: TryOnLayers): RgbaImage {
  const src = portrait.image;
  const out = cloneRgba(src);
  const { regions } = portrait;
  const { backdrop, bodyZone, skinFill } = portrait.render;
  const d = out.data, o = src.data, g = garment.data;
  const n = src.width * src.height;
  // the old bottom's soft outline is cleared whole, a little past it, or a faint ghost of it stays
  const reach = boxBlur(worn.bottom, CLEAR_REACH);
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    const b = Math.max(smoothstep(0.05, 0.5, worn.bottom.data[i]), smoothstep(0.1, 0.4, reach.data[i])), a = (g[p + 3] / 255) * (room ? room.data[i] : 1);
    if (b <= 0 && a <= 0) continue;
    // 1. the old bottom cleared
    const z = bodyZone.data[i];
    for (let c = 0; c < 3; c++) d[p + c] = o[p + c] * (1 - b) + (z * skinFill.data[p + c] + (1 - z) * backdrop.data[p + c]) * b;
    // 2. the new bottom
    if (a > 0) {
      const shade = maps.lowerShading.data[i];
      for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - a) + g[p + c] * shade * a;
    }
    // 3. as they were, also where only the clearing reached (a hand beside the old bottom is
    // not cleared with it): the top worn, arms with their sleeves or skin, hands, hair and face
    // (a slim arm against a pale backdrop is only half in the person mask: where it is arm and
    // skin or sleeve by half, it is kept whole, or the new bottom shows through it)
    const armSeen = Math.min(regions.arms.data[i], Math.max(regions.skin.data[i], worn.top.data[i]));
    const arm = Math.max(maps.armsInFront.data[i], portrait.render.armsInFront.data[i] * smoothstep(0.15, 0.45, armSeen));
    const keep = Math.max(worn.top.data[i], arm, maps.split.armsBeside.data[i], handSkin(portrait, i), regions.hair.data[i], regions.face.data[i]);
    if (keep > 0) for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - keep) + o[p + c] * keep;
    if (report) { report.cleared.data[i] = b; report.drawn.data[i] = a; report.coverage.data[i] = a * (1 - keep); }
  }
  return out;
}

/**
 * Clears what maps.dressClear holds (every garment but shoes, a little past its outline).
 * @example const result = composeDress(portrait, lowerMaps(portrait), { body, sleeves });
 */
export function composeDress(portrait: PortraitAnalysis, maps: LowerMaps, layers: { body: RgbaImage; sleeves: RgbaImage }, report?: TryOnLayers): RgbaImage {
  const src = portrait.image;
  const out = cloneRgba(src);
  const { regions } = portrait;
  const { shading, backdrop, armsInFront, bodyZone, skinFill } = portrait.render;
  const d = out.data, o = src.data, t = layers.body.data, s = layers.sleeves.data;
  const n = src.width * src.height;
  const cleared = [0, 0, 0];
  // reaching a little past the old clothes' soft outline, so no faint ghost of it stays
  const { worn: clear, reach } = maps.dressClear;
  const armFree = armsBelowSleeves([portrait.body.leftArm, portrait.body.rightArm], layers.sleeves);
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    const u = Math.max(smoothstep(0.05, 0.5, clear.data[i]), smoothstep(0.1, 0.4, reach.data[i])), ta = t[p + 3] / 255, sa = s[p + 3] / 255;
    if (u <= 0 && ta <= 0 && sa <= 0) continue;
    let vis = 0;
    // 1. every old garment cleared: skin on the body and legs, backdrop elsewhere
    const z = bodyZone.data[i];
    for (let c = 0; c < 3; c++) {
      cleared[c] = o[p + c] * (1 - u) + (z * skinFill.data[p + c] + (1 - z) * backdrop.data[p + c]) * u;
      d[p + c] = cleared[c];
    }
    if (ta > 0 || sa > 0) {
      // light and folds of the top above the waist, of the bottom below
      const shade = shading.data[i] * maps.lowerShading.data[i];
      // 2. the dress's body, 3. arms in front of it, 4. sleeves
      for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - ta) + t[p + c] * shade * ta;
      // (below the new sleeves' hems only: above them the arm is inside its sleeve)
      const arm = armsInFront.data[i] * regions.arms.data[i] * portrait.render.armOwn.data[i] * armFree.data[i];
      if (arm > 0.002) for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - arm) + cleared[c] * arm;
      for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - sa) + s[p + c] * shade * sa;
      vis = ta * (1 - (arm > 0.002 ? arm : 0)) * (1 - sa) + sa;
    }
    // 5. what is always in front (also where only the clearing reached): hands, hair, face
    const keep = Math.max(handSkin(portrait, i), regions.hair.data[i], regions.face.data[i]);
    if (keep > 0) for (let c = 0; c < 3; c++) d[p + c] = d[p + c] * (1 - keep) + o[p + c] * keep;
    if (report) { report.cleared.data[i] = u; report.drawn.data[i] = Math.max(ta, sa); report.coverage.data[i] = vis * (1 - keep); }
  }
  return out;
}

/** The hand's own skin: its box around the hand also holds what the hand lies on (a pocket, a skirt). */
function handSkin(portrait: PortraitAnalysis, i: number): number {
  return portrait.regions.hands.data[i] * smoothstep(0.2, 0.6, portrait.regions.skin.data[i]);
}
