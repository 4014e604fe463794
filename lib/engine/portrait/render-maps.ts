/**
 * The per-portrait maps the renderer needs, computed once with the analysis
 * so that a garment change costs only garment analysis and rendering.
 */
import type { PortraitRenderMaps } from '../analysis';
import { estimatePlate } from '../background-plate';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, cloneGray, createGray, createRgba } from '../image';
import { armsInFront, bodyZone } from '../render/body-zone';
import type { Keypoints } from '../types';
import type { BodyGeometry } from './body-geometry';
import type { PortraitRegions } from './regions';
import { clothesShading } from './shading';
import type { SkinModel } from './skin';
import { skinFill } from './skin-fill';
import { oldTop } from './old-top';
import { armOwn } from './arm-own';
import { bareArmRadii } from './bare-arms';
import { splitClothes, type ClothesSplit } from './clothes-split';
import { smoothstep } from '../smoothstep';
import { dilate, erode } from '../garment/garment-mask';

/** The closing that shuts the old top's speckled holes, in shoulder spans (the speckled band along a light sleeve's outline is some 0.02 to 0.05 spans wide). */
const TOP_CLOSING = 0.02;
/** A sleeve's outline pixels the clothes split's capsule leaves out, in pixels (the photo's edge blur). */
const SLEEVE_EDGE = 2;
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
  // The old top is the person too: where the person mask is speckled along a light top's
  // outline, the body zone (and the skin painted in it) follows the shut top instead.
  const zone0 = oldTopZone(regions, splitClothes(image, person, regions, body, kp));
  const top = closedTop(oldTop(image, person, regions, body, zone0), Math.max(1, Math.round(body.shoulderSpan * TOP_CLOSING)));
  const solidPerson = createGray(w, h);
  for (let i = 0; i < n; i++) solidPerson.data[i] = Math.max(person.data[i], top.data[i]);
  const armRadii = [body.leftArm, body.rightArm].map((arm) => bareArmRadii(arm, body.shoulderSpan, regions.skin, regions.hands));
  const zone = bodyZone(body, kp, solidPerson, armRadii);
  const clearTop = clearRegion(top, regions, body.shoulderSpan);
  return {
    armOwn: armOwn(regions.skin, clearTop),
    shading: clothesShading(image, regions.upperClothes, regions.skin, person, body.shoulderSpan),
    skinFill: skinFill(image, person, regions, skin, body, zone, clearTop, armRadii),
    clearTop,
    backdrop,
    bodyZone: zone,
    armsInFront: armsInFront(body, w, h),
  };
}

/**
 * Where the old top may be: the regions' upper zone (below the chin, above the waist, and the
 * arms' room wherever they reach), but below the waist only the sleeves the clothes split finds
 * there (a sleeve ends where its arm shows skin; below the waist it has the top's colours). A
 * bare forearm hanging over trousers took the trousers beside it in the arm's room for a sleeve,
 * and they were cleared and painted as skin.
 */
function oldTopZone(regions: PortraitRegions, split: ClothesSplit): GrayImage {
  const zone = cloneGray(regions.upperZone);
  if (split.waistY === null) return zone;
  const { width: w, height: h } = zone;
  const sleeve = createGray(w, h);
  for (let i = 0; i < w * h; i++) sleeve.data[i] = split.sleeves.data[i] > 0 ? 1 : 0;
  // (grown by the pixels of a sleeve's outline the split's capsule leaves out)
  const sleeves = dilate(sleeve, SLEEVE_EDGE);
  for (let y = Math.max(0, Math.ceil(split.waistY)); y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (regions.arms.data[i] >= 0.5) zone.data[i] = Math.min(zone.data[i], sleeves.data[i]);
    }
  }
  return zone;
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

/**
 * The old top with its speckled holes shut (a morphological closing, never below the top
 * itself): where a light top meets a light backdrop the person mask, and with it the top,
 * is a band of holes along the outline, and the holes kept the old fabric's texture.
 */
function closedTop(top: GrayImage, r: number): GrayImage {
  const solid = createGray(top.width, top.height);
  for (let i = 0; i < solid.data.length; i++) solid.data[i] = top.data[i] >= 0.5 ? 1 : 0;
  const closed = erode(dilate(solid, r), r);
  for (let i = 0; i < closed.data.length; i++) closed.data[i] = Math.max(closed.data[i], top.data[i]);
  return closed;
}
