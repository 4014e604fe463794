/**
 * A bottom (trousers, jeans, shorts, skirt) on the analysed portrait: the
 * hips by a thin-plate spline, each leg along its own leg, composited under
 * the top the shopper wears, with the old bottom cleared where the new one
 * does not reach.
 */
import type { GarmentAnalysis, PortraitAnalysis, TryOnLayers, TryOnResult } from './analysis';
import { createRgba } from './image';
import type { LowerLandmarks } from './garment/lower-shape';
import { PART_LEFT_LEG, PART_RIGHT_LEG } from './garment/lower-shape';
import { fitLower, hipScale } from './fit/lower-fit';
import { composeLower } from './render/compose-lower';
import { drawSleeve, drawTorso } from './render/garment-layers';
import { scaledSource } from './render/garment-source';
import { lowerMaps } from './render/lower-maps';
import { topAndBottom } from './portrait/clothes-split';
import { stopwatch } from './stopwatch';

/**
 * @example const { image } = tryOnLower(portrait, jeans, { ease: 0.06, lengthScale: 1 });
 */
export function tryOnLower(portrait: PortraitAnalysis, garment: GarmentAnalysis, opts: { ease: number; lengthScale: number }, report?: TryOnLayers): TryOnResult {
  const { timingsMs, lap } = stopwatch();
  const { body, keypoints, personMask, regions } = portrait;
  const landmarks = garment.landmarks as unknown as LowerLandmarks;
  const kind = garment.lowerKind ?? 'trousers';
  const { src, scale } = scaledSource(garment, hipScale(body, keypoints, personMask, regions.arms, landmarks, opts.ease));
  const scaled = Object.fromEntries(Object.entries(landmarks).map(([k, v]) => [k, scale(v)])) as unknown as LowerLandmarks;
  lap('scale');
  const fit = fitLower(body, keypoints, personMask, regions.arms, kind, scaled, opts);
  lap('fit');
  const { width: W, height: H } = portrait.image;
  const layer = fit.hips.length >= 3 ? drawTorso(src, { torso: fit.hips, box: fit.box, leftSleeve: null, rightSleeve: null, hemY: fit.hemY }, W, H) : createRgba(W, H);
  if (fit.leftLeg) drawSleeve(layer, src, fit.leftLeg, PART_LEFT_LEG, { roundCap: false });
  if (fit.rightLeg) drawSleeve(layer, src, fit.rightLeg, PART_RIGHT_LEG, { roundCap: false });
  lap('warp');
  const maps = lowerMaps(portrait);
  lap('maps');
  // A one-piece worn is cut at the new waistband: above it stays as a top.
  const worn = topAndBottom(personMask, regions, maps.split, maps.split.waistY ?? fit.waistY, body);
  const image = composeLower(portrait, maps, worn, layer, null, report);
  lap('compose');
  return { image, timingsMs };
}
