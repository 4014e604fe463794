/**
 * A try-on: the analysed portrait wearing the analysed garment.
 * Costs garment scaling, warping and compositing only; both analyses are reused as they are.
 */
import type { GarmentAnalysis, PortraitAnalysis, TryOnLayers, TryOnOptions, TryOnResult } from './analysis';
import { FitroomError } from './errors';
import { createGray } from './image';
import type { SleeveShape, UpperLandmarks } from './garment/garment-shape';
import { FLAT_TO_FRONT, fitUpper, frontScale } from './fit/upper-fit';
import { partScales, sheetHandles, sheetSeams } from './fit/sheet-handles';
import type { UpperLayers } from './render/compose';
import { composeUpper } from './render/compose';
import { drawSheet } from './render/garment-sheet';
import { scaledSource } from './render/garment-source';
import { SEAM_REACH, closeSeamGaps } from './render/seam-gaps';
import { tryOnLower } from './try-on-lower';
import { tryOnDress } from './try-on-dress';
import { tryOnModelGarment } from './try-on-model';
import { stopwatch } from './stopwatch';

/** Ease used when the caller does not choose a size: a regular fit. */
export const DEFAULT_EASE = 0.06;

/**
 * @example const { image } = tryOnImage(portrait, garment, { ease: 0.1 });
 */
export function tryOnImage(portrait: PortraitAnalysis, garment: GarmentAnalysis, options: TryOnOptions = {}): TryOnResult {
  const ease = options.ease ?? DEFAULT_EASE;
  const lengthScale = options.lengthScale ?? 1;
  if (!(ease >= -0.1 && ease <= 1)) throw new FitroomError('bad-argument', `Expected ease between -0.1 and 1 but received ${ease}.`);
  if (!(lengthScale >= 0.5 && lengthScale <= 2)) throw new FitroomError('bad-argument', `Expected lengthScale between 0.5 and 2 but received ${lengthScale}.`);
  if (garment.category === 'lower') requireHips(portrait);
  const report = options.layers ? createLayers(portrait.image.width, portrait.image.height) : undefined;
  if (garment.model) return withLayers(tryOnModelGarment(portrait, garment, report), report);
  if (garment.category === 'lower') return withLayers(tryOnLower(portrait, garment, { ease, lengthScale }, report), report);
  if (garment.category === 'dress') return withLayers(tryOnDress(portrait, garment, { ease, lengthScale }, report), report);
  const { timingsMs, lap } = stopwatch();
  const layers = upperLayers(portrait, garment, { ease, lengthScale }, lap);
  const image = composeUpper(portrait, layers, report);
  lap('compose');
  return withLayers({ image, timingsMs }, report);
}

/**
 * A bottom goes on the hips and legs: on a portrait that ends above the hips there is
 * nowhere to draw it, and it is refused with what to do rather than drawn as nothing.
 * @throws FitroomError('body-out-of-frame')
 */
function requireHips(portrait: PortraitAnalysis): void {
  if (!portrait.issues.some((i) => i.code === 'hips-cut-off')) return;
  throw new FitroomError('body-out-of-frame', 'Your photo ends above your hips, so trousers, shorts and skirts cannot be shown on it. Use a photo down to at least mid-thigh.');
}

/** Empty result layers at the portrait's size, for the composers to fill. */
function createLayers(width: number, height: number): TryOnLayers {
  return { drawn: createGray(width, height), coverage: createGray(width, height), cleared: createGray(width, height) };
}

function withLayers(result: TryOnResult, layers: TryOnLayers | undefined): TryOnResult {
  return layers ? { ...result, layers } : result;
}

/**
 * The garment drawn onto the portrait's grid as one sheet, before compositing:
 * the collar's back, its body and its sleeves as layers.
 * `size` is already checked by tryOnImage; `lap` times the stages.
 */
function upperLayers(portrait: PortraitAnalysis, garment: GarmentAnalysis, size: { ease: number; lengthScale: number }, lap: (stage: string) => void): UpperLayers {
  const { ease, lengthScale } = size;
  if (garment.category !== 'upper' || !garment.sleeves || !garment.parts) {
    throw new FitroomError('unsupported-category', `Expected an upper-body garment but received a ${garment.category}.`);
  }
  const { body, keypoints, personMask, regions } = portrait;
  const landmarks = garment.landmarks as unknown as UpperLandmarks;
  // Bring the garment near the body's scale first, with area averaging, so fine prints do not alias
  // (between the front scale across the chest and the true scale of hanging sleeves).
  const s = frontScale(body, personMask, regions.arms, landmarks, ease) * Math.sqrt(FLAT_TO_FRONT);
  const { src, scale, factor } = scaledSource(garment, s);
  const scaled = Object.fromEntries(Object.entries(landmarks).map(([k, v]) => [k, scale(v)])) as unknown as UpperLandmarks;
  const scaleSleeve = (sl: SleeveShape): SleeveShape => ({ rootHalfWidth: sl.rootHalfWidth * factor, endHalfWidth: sl.endHalfWidth * factor, length: sl.length * factor });
  const sleeves = { left: scaleSleeve(garment.sleeves.left), right: scaleSleeve(garment.sleeves.right) };
  lap('scale');
  const fit = fitUpper(body, keypoints, personMask, regions.arms, scaled, sleeves, { ease, lengthScale });
  const front = frontScale(body, personMask, regions.arms, scaled, ease);
  lap('fit');
  const layers = drawSheet(src, sheetSeams(scaled, fit), sheetHandles(fit, body), partScales(fit, front), portrait.image.width, portrait.image.height);
  closeSeamGaps(layers.body, layers.sleeves, portrait.personMask, body.shoulderSpan * SEAM_REACH);
  lap('warp');
  return { torso: layers.body, sleeves: layers.sleeves };
}
