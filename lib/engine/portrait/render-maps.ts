/**
 * The per-portrait maps the renderer needs, computed once with the analysis
 * so that a garment change costs only garment analysis and rendering.
 */
import type { PortraitRenderMaps } from '../analysis';
import { estimatePlate } from '../background-plate';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray, createRgba } from '../image';
import { armsInFront, bodyZone } from '../render/body-zone';
import { segmentDistance } from '../shapes';
import type { Keypoints } from '../types';
import type { BodyGeometry } from './body-geometry';
import type { PortraitRegions } from './regions';
import { clothesShading } from './shading';

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
  return {
    shading: clothesShading(image, regions.upperClothes, regions.skin, person, body.shoulderSpan),
    skinFill: skinFill(image, regions, body),
    clearTop: clearRegion(regions, body.shoulderSpan),
    backdrop,
    bodyZone: bodyZone(body, kp, person),
    armsInFront: armsInFront(body, w, h),
    armSkin: armSkinColor(image, regions),
  };
}

/**
 * Skin to paint where an old garment is removed: the colour of the nearest
 * visible skin (arms, hands, neck, chest; the face only as a last resort),
 * spread smoothly over the body, then shaded like a limb (darker to its sides).
 */
function skinFill(image: RgbaImage, regions: PortraitRegions, body: BodyGeometry): RgbaImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const known = createGray(w, h);
  for (let i = 0; i < n; i++) known.data[i] = regions.skin.data[i] > 0.8 && regions.face.data[i] < 0.1 ? 1 : 0;
  const plate = estimatePlate(image, known, Math.max(4, Math.round(body.shoulderSpan * 0.15)));
  const shade = limbShade(body, w, h);
  const out = createRgba(w, h);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) out.data[i * 4 + k] = plate.color[i * 3 + k] * shade.data[i];
    out.data[i * 4 + 3] = 255;
  }
  return out;
}

/**
 * 1 along the middle of the arms and torso, falling to about 0.8 at their
 * edges (a cylinder lit from the front), with a faint grain so painted skin
 * does not look like plastic. Limbs are only visited inside their bounding boxes.
 */
function limbShade(body: BodyGeometry, w: number, h: number): GrayImage {
  const out = createGray(w, h, 1);
  // Torso: darker towards the sides, about half a shoulder span out from the centre line.
  const half = body.shoulderSpan * 0.55;
  const [sx, sy] = body.shoulderCenter, [hx, hy] = body.hipCenter;
  for (let y = 0; y < h; y++) {
    const cx = Math.abs(hy - sy) > 1 ? sx + ((hx - sx) * (y - sy)) / (hy - sy) : sx;
    for (let x = 0; x < w; x++) {
      const t = Math.min(1, Math.abs(x - cx) / half);
      out.data[y * w + x] = 1 - 0.15 * t * t;
    }
  }
  for (const arm of [body.leftArm, body.rightArm]) {
    const pts = arm.points;
    const r = Math.max(...arm.radii) * 1.2;
    const x0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p[0])) - r)), x1 = Math.min(w - 1, Math.ceil(Math.max(...pts.map((p) => p[0])) + r));
    const y0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p[1])) - r)), y1 = Math.min(h - 1, Math.ceil(Math.max(...pts.map((p) => p[1])) + r));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        // the nearest bone decides; the arm's shading fades into the torso's at its edge
        let rel = Infinity;
        for (let k = 0; k + 1 < pts.length; k++) {
          const { d, t } = segmentDistance(x, y, pts[k], pts[k + 1]);
          rel = Math.min(rel, d / (arm.radii[k] + (arm.radii[k + 1] - arm.radii[k]) * t));
        }
        if (rel >= 1.3) continue;
        const armShade = 1 - 0.18 * Math.min(1, rel) ** 2;
        const wgt = Math.min(1, Math.max(0, (1.3 - rel) / 0.4));
        const i = y * w + x;
        out.data[i] = out.data[i] * (1 - wgt) + armShade * wgt;
      }
    }
  }
  for (let i = 0; i < w * h; i++) out.data[i] *= 1 + grain(i) * 0.012;
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
