/**
 * A dress on the analysed portrait: bodice and skirt by one thin-plate spline
 * (fitted like a top down to the waist, then down the legs to the hem),
 * sleeves along the arms, everything the shopper wore cleared first.
 */
import type { GarmentAnalysis, PortraitAnalysis, TryOnLayers, TryOnResult } from './analysis';
import { FitroomError } from './errors';
import type { SleeveShape } from './garment/garment-shape';
import type { DressLandmarks } from './garment/dress-shape';
import { FLAT_TO_FRONT, frontScale } from './fit/upper-fit';
import { fitDress } from './fit/dress-fit';
import { composeDress } from './render/compose-lower';
import { drawSheet } from './render/garment-sheet';
import { partScales, sheetHandles, sheetSeams } from './fit/sheet-handles';
import { scaledSource } from './render/garment-source';
import { SEAM_REACH, closeSeamGaps } from './render/seam-gaps';
import { lowerMaps } from './render/lower-maps';
import { stopwatch } from './stopwatch';

/**
 * @example const { image } = tryOnDress(portrait, dress, { ease: 0.06, lengthScale: 1 });
 */
export function tryOnDress(portrait: PortraitAnalysis, garment: GarmentAnalysis, opts: { ease: number; lengthScale: number }, report?: TryOnLayers): TryOnResult {
  if (!garment.sleeves) throw new FitroomError('bad-argument', 'Expected a dress analysis with its sleeves measured but it has none.');
  const { timingsMs, lap } = stopwatch();
  const { body, keypoints, personMask, regions } = portrait;
  const landmarks = garment.landmarks as unknown as DressLandmarks;
  // near the body's scale: between the front scale across the chest and the hanging sleeves' true scale
  const s = frontScale(body, personMask, regions.arms, landmarks, opts.ease) * Math.sqrt(FLAT_TO_FRONT);
  const { src, scale, factor: sx } = scaledSource(garment, s);
  const scaled = Object.fromEntries(Object.entries(landmarks).map(([k, v]) => [k, scale(v)])) as unknown as DressLandmarks;
  const scaleSleeve = (sl: SleeveShape): SleeveShape => ({ rootHalfWidth: sl.rootHalfWidth * sx, endHalfWidth: sl.endHalfWidth * sx, length: sl.length * sx });
  const sleeves = { left: scaleSleeve(garment.sleeves.left), right: scaleSleeve(garment.sleeves.right) };
  lap('scale');
  const fit = fitDress(body, keypoints, personMask, regions.arms, scaled, sleeves, opts);
  const front = frontScale(body, personMask, regions.arms, scaled, opts.ease);
  lap('fit');
  const layers = drawSheet(src, sheetSeams(scaled, fit), sheetHandles(fit, body), partScales(fit, front), portrait.image.width, portrait.image.height);
  closeSeamGaps(layers.body, layers.sleeves, portrait.personMask, body.shoulderSpan * SEAM_REACH);
  lap('warp');
  const maps = lowerMaps(portrait);
  lap('maps');
  const image = composeDress(portrait, maps, { body: layers.body, sleeves: layers.sleeves }, report);
  lap('compose');
  return { image, timingsMs };
}
