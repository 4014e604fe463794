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
    shading: clothesShading(image, regions.upperClothes, body.shoulderSpan),
    skinFill: skinFill(image, regions, body),
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

/** 1 along the middle of the arms and torso, falling to about 0.8 at their edges (a cylinder lit from the front). */
function limbShade(body: BodyGeometry, w: number, h: number): GrayImage {
  const out = createGray(w, h, 1);
  for (const arm of [body.leftArm, body.rightArm]) {
    const [a, b, c] = arm.points;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let best = 1;
        for (const [p, q, ra, rb] of [[a, b, arm.radii[0], arm.radii[1]], [b, c, arm.radii[1], arm.radii[2]]] as const) {
          const { d, t } = segmentDistance(x, y, p, q);
          const r = ra + (rb - ra) * t;
          if (d < r * 1.2) best = Math.min(best, 1 - 0.2 * Math.min(1, (d / r) ** 2));
        }
        out.data[y * w + x] = Math.min(out.data[y * w + x], best);
      }
    }
  }
  return out;
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
