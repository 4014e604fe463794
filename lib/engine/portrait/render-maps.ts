/**
 * The per-portrait maps the renderer needs, computed once with the analysis
 * so that a garment change costs only garment analysis and rendering.
 */
import type { PortraitRenderMaps } from '../analysis';
import { estimatePlate } from '../background-plate';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray, createRgba } from '../image';
import { doubleGray, halveGray } from '../half-size';
import type { BodyParts } from '../render/body-zone';
import { armsInFront, bodyParts } from '../render/body-zone';
import type { Keypoints } from '../types';
import type { BodyGeometry } from './body-geometry';
import type { PortraitRegions } from './regions';
import { clothesShading } from './shading';
import { paintUpperArms } from './arm-texture';
import { smoothstep } from '../smoothstep';

/** Soft edge of the body's zone, in shoulder spans. */
const ZONE_FEATHER = 0.015;
/** How far in from the body's edge painted skin takes to reach full light, in shoulder spans. */
const ROUNDING = 0.06;
/** Light at the body's very edge, relative to its middle (a rounded body seen from the front). */
const EDGE_LIGHT = 0.7;

/**
 * @example const maps = renderMaps(photo, mask, keypoints, body, regions);
 */
export function renderMaps(image: RgbaImage, person: GrayImage, kp: Keypoints, body: BodyGeometry, regions: PortraitRegions): PortraitRenderMaps {
  const { width: w, height: h } = image;
  const n = w * h;
  // Backdrop: known where the person is surely absent (a margin away from them).
  const near = boxBlur(person, Math.max(2, Math.round(body.shoulderSpan * 0.05)));
  const known = createGray(w, h);
  for (let i = 0; i < n; i++) known.data[i] = near.data[i] < 0.01 ? 1 : 0;
  const plate = estimatePlate(image, known, 24);
  const backdrop = createRgba(w, h);
  for (let i = 0; i < n; i++) {
    backdrop.data[i * 4] = plate.color[i * 3];
    backdrop.data[i * 4 + 1] = plate.color[i * 3 + 1];
    backdrop.data[i * 4 + 2] = plate.color[i * 3 + 2];
    backdrop.data[i * 4 + 3] = 255;
  }
  const parts = bodyParts(body, kp, person);
  const clearTop = clearRegion(regions, body.shoulderSpan);
  const merged = createGray(w, h);
  for (let i = 0; i < n; i++) merged.data[i] = Math.max(parts.torso.data[i], parts.limbs.data[i]);
  // The body's outline is a guess: softly edged, so painted skin meets the backdrop without a cut-out line.
  const zone = boxBlur(merged, Math.max(1, Math.round(body.shoulderSpan * ZONE_FEATHER)));
  return {
    shading: clothesShading(image, regions.upperClothes, regions.skin, person, body.shoulderSpan),
    skinFill: skinFill(image, regions, body, parts, clearTop),
    clearTop,
    backdrop,
    bodyZone: zone,
    armsInFront: armsInFront(body, w, h),
    armSkin: armSkinColor(image, regions),
  };
}

/**
 * Skin to paint where an old garment is removed: the colour of the nearest
 * visible skin (arms, hands, neck, chest; the face only as a last resort),
 * spread smoothly over the body, then shaded as a rounded body lit from the
 * front: darker towards the edges of each part (the torso's sides, each arm's).
 * An upper arm whose forearm shows bare is painted from that forearm instead (arm-texture.ts).
 * @param cleared where the old top is cleared: the torso's outline where it hugged the body.
 */
function skinFill(image: RgbaImage, regions: PortraitRegions, body: BodyGeometry, parts: BodyParts, cleared: GrayImage): RgbaImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const known = createGray(w, h);
  for (let i = 0; i < n; i++) known.data[i] = regions.skin.data[i] > 0.8 && regions.face.data[i] < 0.1 ? 1 : 0;
  const plate = estimatePlate(image, known, Math.max(4, Math.round(body.shoulderSpan * 0.15)));
  // How deep inside its part (torso, or an arm or the neck) each pixel is (smooth: made at half
  // the resolution). The torso's own sides are a guess; where the old top hugged the body its
  // outline is a better one, so the torso counts only where the old top was.
  const r = Math.max(1, Math.round(body.shoulderSpan * ROUNDING * 0.5));
  const depth = (part: GrayImage) => boxBlur(boxBlur(halveGray(part), r), r);
  const torsoUnderTop = createGray(w, h);
  for (let i = 0; i < n; i++) torsoUnderTop.data[i] = parts.torso.data[i] * cleared.data[i];
  const torso = depth(torsoUnderTop), limbs = depth(parts.limbs);
  for (let i = 0; i < torso.data.length; i++) torso.data[i] = Math.max(torso.data[i], limbs.data[i]);
  const inner = doubleGray(torso, w, h);
  const out = createRgba(w, h);
  for (let i = 0; i < n; i++) {
    const shade = (EDGE_LIGHT + (1 - EDGE_LIGHT) * smoothstep(0.3, 0.95, inner.data[i])) * (1 + grain(i) * 0.012);
    for (let k = 0; k < 3; k++) out.data[i * 4 + k] = plate.color[i * 3 + k] * shade;
    out.data[i * 4 + 3] = 255;
  }
  paintUpperArms(out, image, regions, body);
  return out;
}

/** Deterministic pseudo-random value in [-1, 1] per pixel (a hash, so results repeat exactly). */
function grain(i: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return ((x & 0xffff) / 0x8000) - 1;
}

/**
 * Where the old top is cleared: its region grown by a couple of pixels, so no
 * dark fringe of it survives along the person's outline (the fill there is backdrop).
 */
function clearRegion(regions: PortraitRegions, span: number): GrayImage {
  // Grown by about 1.5 % of the shoulder span: a dark sleeve's outline on a light
  // backdrop is a few pixels of mixed colour that the person mask only half claims.
  const r = Math.max(2, Math.round(span * 0.015));
  const grown = boxBlur(regions.upperClothes, r);
  for (let i = 0; i < grown.data.length; i++) {
    const protect = Math.max(regions.face.data[i], regions.hair.data[i], regions.hands.data[i], regions.skin.data[i] * (1 - regions.upperClothes.data[i]));
    grown.data[i] = Math.max(regions.upperClothes.data[i], Math.min(1, grown.data[i] * 3)) * (1 - protect);
  }
  return grown;
}

/** Mean colour of skin pixels on the arms, when enough of them show. */
function armSkinColor(image: RgbaImage, regions: PortraitRegions): [number, number, number] | null {
  const s = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < regions.arms.data.length; i++) {
    if (regions.arms.data[i] < 0.9 || regions.skin.data[i] < 0.9 || regions.hands.data[i] > 0.1) continue;
    for (let k = 0; k < 3; k++) s[k] += image.data[i * 4 + k];
    count++;
  }
  return count > 200 ? [s[0] / count, s[1] / count, s[2] / count] : null;
}
