/**
 * Skin to paint where an old garment is taken away: the shopper's own tone,
 * spread from the visible skin around each place by membrane interpolation
 * (a shoulder takes the neck's and the upper arm's tone, a midriff the chest's
 * and the hands'), then shaded as a rounded body lit from the front, darker
 * towards the edges of the body zone, and across each arm as a lit cylinder
 * (limb-shading.ts), with the photo's own skin detail over it (skin-grain.ts). An
 * upper arm whose forearm shows bare is painted from that forearm instead (arm-texture.ts).
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray, createRgba } from '../image';
import { doubleRgba, halveGray, halveRgba } from '../half-size';
import { membraneFill } from '../membrane';
import { smoothstep } from '../smoothstep';
import type { BodyGeometry } from './body-geometry';
import type { PortraitRegions } from './regions';
import type { SkinModel } from './skin';
import { paintUpperArms } from './arm-texture';
import { skinGrain } from './skin-grain';
import { meetRealSkin } from './seamless-skin';
import { limbLight, SILHOUETTE_LIGHT } from './limb-shading';

/** How sure of skin a pixel must be to lend its colour (mixed pixels at skin's edge are not). */
const SURE_SKIN = 0.8;
/** How far in from the zone's edge painted skin takes to reach full light, in shoulder spans. */
const ROUNDING = 0.05;
/** Painted skin shifts to meet the photo's skin over this reach, in shoulder spans: the scale of the body's rounding above (seamless-skin.ts). */
const SEAM_REACH = ROUNDING;
/** Painted skin is at least this bright against the skin model's colour, before the body's shading. */
const LIT_FLOOR = 0.85;

/**
 * @param zone where the body is (render/body-zone.ts), at the photo's size.
 * @param oldTop where the old top is cleared: its pixels lend no colour.
 * @param armRadii each arm's bare half thicknesses (portrait/bare-arms.ts), left arm first.
 * @example const fill = skinFill(photo, personMask, regions, skin, body, zone, clearTop, armRadii);
 */
export function skinFill(image: RgbaImage, person: GrayImage, regions: PortraitRegions, skin: SkinModel, body: BodyGeometry, zone: GrayImage, oldTop: GrayImage, armRadii: number[][]): RgbaImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const known = createGray(w, h);
  const lends = skinSources(regions, w, h);
  for (let i = 0; i < n; i++) {
    // (not the old top: a sheer sleeve over an arm reads as dark skin, and it is what is cleared)
    const sure = regions.skin.data[i] > SURE_SKIN && person.data[i] > 0.9 && regions.face.data[i] < 0.1 && regions.hair.data[i] < 0.1 && oldTop.data[i] < 0.1 && lends.data[i] > 0.5;
    known.data[i] = sure ? 1 : 0;
  }
  // Smooth fields are solved at half the resolution; a pixel lends its colour only when its
  // whole 2x2 block is sure skin (not half backdrop or cloth).
  const half = halveRgba(image), knownHalf = halveGray(known);
  const hw = half.width, hh = half.height;
  const values = new Float32Array(hw * hh * 3);
  let any = false;
  for (let i = 0; i < hw * hh; i++) {
    knownHalf.data[i] = knownHalf.data[i] > 0.99 ? 1 : 0;
    any ||= knownHalf.data[i] > 0;
    for (let c = 0; c < 3; c++) values[i * 3 + c] = half.data[i * 4 + c];
  }
  const tone = any ? membraneFill(values, 3, knownHalf) : null;
  // Shadowed skin (under the chin, an arm against the body) and hair the skin model takes for
  // skin would darken whole painted areas: nowhere is painted skin darker than LIT_FLOOR of the
  // skin model's colour (the face's, lit from the front; the shading below darkens the body's
  // edges again, where a rounded body turns from the light).
  if (tone) {
    const floor = (0.299 * skin.rgb[0] + 0.587 * skin.rgb[1] + 0.114 * skin.rgb[2]) * LIT_FLOOR;
    for (let i = 0; i < hw * hh; i++) {
      const l = luma(tone, i);
      if (l > 0 && l < floor) for (let c = 0; c < 3; c++) tone[i * 3 + c] *= floor / l;
    }
  }
  // The torso darkens over a rounding's width in from the body zone's edge; an arm is a
  // cylinder, darker towards its own outline (a thin arm is all edge to the zone's depth).
  const r = Math.max(1, Math.round(body.shoulderSpan * ROUNDING * 0.5));
  const zoneHalf = halveGray(zone);
  const inner = boxBlur(boxBlur(zoneHalf, r), r);
  const arms = [body.leftArm, body.rightArm];
  const limbs = limbLight(arms, armRadii, hw, hh, hw / w);
  const out = createRgba(hw, hh);
  for (let i = 0; i < hw * hh; i++) {
    const torso = SILHOUETTE_LIGHT + (1 - SILHOUETTE_LIGHT) * smoothstep(0.3, 0.95, inner.data[i]);
    const a = limbs.weight.data[i];
    const shade = torso * (1 - a) + limbs.light.data[i] * a;
    for (let c = 0; c < 3; c++) out.data[i * 4 + c] = (tone ? tone[i * 3 + c] : skin.rgb[c]) * shade;
    out.data[i * 4 + 3] = 255;
  }
  if (tone) meetRealSkin(out, half, knownHalf, body.shoulderSpan * SEAM_REACH * 0.5);
  const full = doubleRgba(out, w, h);
  // flat paint reads as plastic: the photo's own skin detail over it
  const detail = skinGrain(image, [faceSkin(image, person, regions), known], oldTop);
  for (let i = 0; i < n; i++) {
    if (detail[i] === 0) continue;
    for (let c = 0; c < 3; c++) full.data[i * 4 + c] *= 1 + detail[i];
  }
  paintUpperArms(full, image, regions, body, oldTop, armRadii);
  return full;
}

/**
 * Where skin may lend its colour: where the pose says bare skin is likely (hands, arms, the
 * neck and chest above the waist), not over the hips and legs, where a skin-coloured cloth (a
 * tan skirt, a cream dress, a leopard print) is as likely as skin; legs painted bare take the
 * arms' tone, spread down by the membrane.
 */
function skinSources(regions: PortraitRegions, w: number, h: number): GrayImage {
  const out = createGray(w, h);
  for (let i = 0; i < w * h; i++) out.data[i] = Math.max(regions.arms.data[i], regions.hands.data[i], regions.neck.data[i], regions.upperZone.data[i]);
  return out;
}

/** The face's sure skin (cheeks, forehead): every portrait's most certain skin, where the body's may be a skin-coloured cloth. */
function faceSkin(image: RgbaImage, person: GrayImage, regions: PortraitRegions): GrayImage {
  const out = createGray(image.width, image.height);
  for (let i = 0; i < out.data.length; i++) {
    out.data[i] = regions.face.data[i] > 0.5 && regions.skin.data[i] > SURE_SKIN && regions.hair.data[i] < 0.1 && person.data[i] > 0.9 ? 1 : 0;
  }
  return out;
}

function luma(rgb: Float32Array, i: number): number {
  return 0.299 * rgb[i * 3] + 0.587 * rgb[i * 3 + 1] + 0.114 * rgb[i * 3 + 2];
}
