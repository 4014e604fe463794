/**
 * The per-portrait maps the renderer needs, computed once with the analysis
 * so that a garment change costs only garment analysis and rendering.
 */
import type { PortraitRenderMaps } from '../analysis';
import { estimatePlate } from '../background-plate';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray, createRgba } from '../image';
import { armsInFront, bodyZone } from '../render/body-zone';
import type { Keypoints } from '../types';
import type { BodyGeometry } from './body-geometry';
import type { PortraitRegions } from './regions';
import { clothesShading } from './shading';
import type { SkinModel } from './skin';
import { skinFill } from './skin-fill';
import { oldTop } from './old-top';
import { smoothstep } from '../smoothstep';

/** The old top is cleared fully from this much of it up (below it, its fringe fades out over a pixel or two). */
const CLEAR_FROM = 0.2, CLEAR_TO = 0.5;

/**
 * @example const maps = renderMaps(photo, mask, keypoints, body, regions, skin);
 */
export function renderMaps(image: RgbaImage, person: GrayImage, kp: Keypoints, body: BodyGeometry, regions: PortraitRegions, skin: SkinModel): PortraitRenderMaps {
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
  const zone = bodyZone(body, kp, person);
  const clearTop = clearRegion(oldTop(image, person, regions, body, regions.upperZone), regions, body.shoulderSpan);
  return {
    shading: clothesShading(image, regions.upperClothes, regions.skin, person, body.shoulderSpan),
    skinFill: skinFill(image, person, regions, skin, body, zone, clearTop),
    clearTop,
    backdrop,
    bodyZone: zone,
    armsInFront: armsInFront(body, w, h),
  };
}

/**
 * Where the old top is cleared: its region grown by a couple of pixels, so no
 * dark fringe of it survives along the person's outline (the fill there is backdrop),
 * and decisive (a pixel half cleared shows the old top as a translucent wash).
 */
function clearRegion(top: GrayImage, regions: PortraitRegions, span: number): GrayImage {
  // Grown by about 1.5 % of the shoulder span: a dark sleeve's outline on a light
  // backdrop is a few pixels of mixed colour that the person mask only half claims.
  const r = Math.max(2, Math.round(span * 0.015));
  const grown = boxBlur(top, r);
  for (let i = 0; i < grown.data.length; i++) {
    const protect = Math.max(regions.face.data[i], regions.hair.data[i], regions.hands.data[i], regions.skin.data[i] * (1 - top.data[i]));
    grown.data[i] = smoothstep(CLEAR_FROM, CLEAR_TO, Math.max(top.data[i], Math.min(1, grown.data[i] * 3)) * (1 - protect));
  }
  return grown;
}
