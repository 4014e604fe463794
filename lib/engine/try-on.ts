/**
 * A try-on: the analysed portrait wearing the analysed garment.
 * Costs garment scaling, warping and compositing only; both analyses are reused as they are.
 */
import type { GarmentAnalysis, PortraitAnalysis, TryOnLayers, TryOnOptions, TryOnResult } from './analysis';
import { FitroomError } from './errors';
import { createGray, createRgba, resizeGray, resizeRgba } from './image';
import type { SleeveShape, UpperLandmarks } from './garment/garment-shape';
import { PART_LEFT_SLEEVE, PART_RIGHT_SLEEVE } from './garment/garment-shape';
import { FLAT_TO_FRONT, fitUpper, frontScale } from './fit/upper-fit';
import type { UpperLayers } from './render/compose';
import { composeUpper } from './render/compose';
import type { GarmentSource } from './render/garment-layers';
import { drawSleeve, drawTorso } from './render/garment-layers';
import { resizeLabels } from './render/garment-source';
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

/** Empty result layers at the portrait's size, for the composers to fill. */
function createLayers(width: number, height: number): TryOnLayers {
  return { drawn: createGray(width, height), coverage: createGray(width, height), cleared: createGray(width, height) };
}

function withLayers(result: TryOnResult, layers: TryOnLayers | undefined): TryOnResult {
  return layers ? { ...result, layers } : result;
}

/**
 * The garment warped onto the portrait's grid, before compositing: its body and its sleeves.
 * `size` is already checked by tryOnImage; `lap` times the stages.
 */
function upperLayers(portrait: PortraitAnalysis, garment: GarmentAnalysis, size: { ease: number; lengthScale: number }, lap: (stage: string) => void): UpperLayers {
  const { ease, lengthScale } = size;
  if (garment.category !== 'upper' || !garment.sleeves || !garment.parts) {
    throw new FitroomError('unsupported-category', `Expected an upper-body garment but received a ${garment.category}.`);
  }
  const landmarks = garment.landmarks as unknown as UpperLandmarks;
  // Bring the garment near the body's scale first, with area averaging, so fine prints do not alias
  // (between the front scale across the chest and the true scale of hanging sleeves).
  const s = frontScale(portrait.body, portrait.personMask, portrait.regions.arms, landmarks, ease) * Math.sqrt(FLAT_TO_FRONT);
  const gw = Math.max(8, Math.round(garment.image.width * s)), gh = Math.max(8, Math.round(garment.image.height * s));
  const sx = gw / garment.image.width, sy = gh / garment.image.height;
  const scalePt = (p: [number, number]): [number, number] => [(p[0] + 0.5) * sx - 0.5, (p[1] + 0.5) * sy - 0.5];
  const scaledLandmarks = Object.fromEntries(Object.entries(landmarks).map(([k, v]) => [k, scalePt(v)])) as unknown as UpperLandmarks;
  const scaleSleeve = (sl: SleeveShape): SleeveShape => ({ rootHalfWidth: sl.rootHalfWidth * sx, endHalfWidth: sl.endHalfWidth * sx, length: sl.length * sx });
  const sleeves = { left: scaleSleeve(garment.sleeves.left), right: scaleSleeve(garment.sleeves.right) };
  const src: GarmentSource = {
    image: resizeRgba(garment.image, gw, gh),
    mask: resizeGray(garment.mask, gw, gh).data,
    parts: resizeLabels(garment.parts, garment.image.width, garment.image.height, gw, gh),
  };
  lap('scale');
  const { width: W, height: H } = portrait.image;
  const fit = fitUpper(portrait.body, portrait.keypoints, portrait.personMask, portrait.regions.arms, scaledLandmarks, sleeves, { ease, lengthScale });
  lap('fit');
  const torso = drawTorso(src, fit, W, H);
  const sleeveLayer = createRgba(W, H);
  if (fit.leftSleeve) drawSleeve(sleeveLayer, src, fit.leftSleeve, PART_LEFT_SLEEVE);
  if (fit.rightSleeve) drawSleeve(sleeveLayer, src, fit.rightSleeve, PART_RIGHT_SLEEVE);
  lap('warp');
  return { torso, sleeves: sleeveLayer };
}
