/**
 * Garment analysis of a product photo: mask, category, landmarks, sleeves.
 */
import type { GarmentAnalysis } from '../analysis';
import { FitroomError } from '../errors';
import type { GrayImage, RgbaImage } from '../image';
import { cloneRgba, resizeRgba } from '../image';
import type { GarmentCategory } from '../types';
import { garmentMask } from './garment-mask';
import { garmentShape } from './garment-shape';
import { clearSleeveGaps } from './hanging-sleeves';
import { bridgePieces } from './bridge-pieces';
import { decontaminateEdges } from './decontaminate';
import { lowerShape } from './lower-shape';
import { dressShape } from './dress-shape';
import { analyseOnModel, findModel } from './on-model';
import type { PoseModels } from '../perception/pose';
import { stopwatch } from '../stopwatch';

export const GARMENT_VERSION = 1;
/**
 * Product photos are analysed at most this big. Smaller would be faster, but the weave
 * that tells white fabric from a white backdrop fades when a photo is scaled down.
 */
export const MAX_GARMENT_SIDE = 1024;

const SUPPORTED: GarmentCategory[] = ['upper', 'lower', 'dress'];
/**
 * Neck-to-hem length over chest width (read as a dress) above which a garment guessed a dress
 * is one: midway between the longest top among the samples (2.27, a polo) and the shortest
 * dress (2.64).
 */
const MIN_DRESS_LENGTH = 2.45;

/**
 * A product photo, flat or worn by a model: a model is looked for first (one
 * detector run when there is none), and their garment taken; otherwise the
 * photo is read as a flat garment on a backdrop.
 * @param models the pose models, to find a model in the photo.
 * @example const garment = await analyseGarmentPhoto(models, productPhoto, { category: 'lower' });
 */
export async function analyseGarmentPhoto(models: PoseModels, input: RgbaImage, options: { category?: GarmentCategory } = {}): Promise<GarmentAnalysis> {
  const t0 = performance.now();
  const image = fitGarmentSide(input);
  const model = await findModel(models, image);
  const found = performance.now() - t0;
  if (model) {
    const analysis = analyseOnModel(image, model, options.category, { findModel: found }, GARMENT_VERSION);
    if (!SUPPORTED.includes(analysis.category)) throw new FitroomError('unsupported-category', `Expected a top, a bottom or a dress but received a ${analysis.category}.`);
    return analysis;
  }
  const analysis = analyseGarmentImage(image, options);
  analysis.timingsMs.findModel = found;
  return analysis;
}

/** Product photos are analysed with their long side at most MAX_GARMENT_SIDE. */
function fitGarmentSide(input: RgbaImage): RgbaImage {
  const long = Math.max(input.width, input.height);
  return long > MAX_GARMENT_SIDE
    ? resizeRgba(input, Math.round((input.width * MAX_GARMENT_SIDE) / long), Math.round((input.height * MAX_GARMENT_SIDE) / long))
    : input;
}

/**
 * A flat product photo on a plain backdrop.
 * @throws FitroomError('no-garment') when no garment on a plain backdrop is found,
 *         FitroomError('unsupported-category') for a category the engine cannot dress.
 * @example const garment = analyseGarmentImage(productPhoto);
 */
export function analyseGarmentImage(input: RgbaImage, options: { category?: GarmentCategory } = {}): GarmentAnalysis {
  const { timingsMs, lap } = stopwatch();
  const image = fitGarmentSide(input);
  const { mask, coverage, plainBackdrop, backdrop } = garmentMask(image);
  lap('mask');
  if (!plainBackdrop || coverage < 0.03 || coverage > 0.92) {
    throw new FitroomError('no-garment', 'No garment was found in this picture. Fitroom needs a product photo of the garment on a plain background.');
  }
  const shape = garmentShape(mask, { image });
  if (shape?.hanging) clearSleeveGaps(mask, image, shape.hanging.line, shape.hanging.centre, backdrop);
  lap('shape');
  // one piece of cloth: pieces the mask breaks off (a strap at its join, a hem's edge) sewn back on
  const cloth = cloneRgba(image);
  if (shape && shape.category !== 'lower') bridgePieces(cloth, mask);
  if (!shape) throw new FitroomError('no-garment', 'No garment was found in this picture.');
  let category = options.category ?? shape.category;
  // A long narrow top (a halter, a camisole) has a dress's outline: a guessed dress must be long
  // for its chest, else it is a top.
  const dress = category === 'dress' ? dressShape(mask) : null;
  if (category === 'dress' && !options.category && shape.landmarks && !isDressLength(dress)) category = 'upper';
  if (!SUPPORTED.includes(category)) {
    throw new FitroomError('unsupported-category', `Expected a top, a bottom or a dress but received a ${category}.`);
  }
  if (category === 'lower') {
    const lower = lowerShape(mask);
    lap('lower');
    if (!lower) throw new FitroomError('no-garment', 'The bottom\'s shape could not be read (waistband, legs and hem). Try a flat front photo of it.');
    return {
      version: GARMENT_VERSION, category, sleeve: 'none', image: decontaminateEdges(cloth, mask), mask,
      landmarks: lower.landmarks as unknown as Record<string, [number, number]>,
      sleeves: null, parts: lower.parts, meanColor: meanColor(image, mask), timingsMs, lowerKind: lower.kind,
    };
  }
  if (category === 'dress') {
    lap('dress');
    if (!dress) throw new FitroomError('no-garment', 'The dress\'s shape could not be read (neckline, shoulders, waist and hem). Try a flat front photo of it.');
    return {
      version: GARMENT_VERSION, category, sleeve: dress.sleeve, image: decontaminateEdges(cloth, mask), mask,
      landmarks: dress.landmarks as unknown as Record<string, [number, number]>,
      sleeves: dress.sleeves, parts: dress.parts, meanColor: meanColor(image, mask), timingsMs,
    };
  }
  if (!shape.landmarks || !shape.sleeves || !shape.parts) {
    throw new FitroomError('no-garment', 'The garment\'s shape could not be read (neckline, shoulders and hem). Try a flat front photo of it.');
  }
  return {
    version: GARMENT_VERSION,
    category,
    sleeve: shape.sleeve,
    image: decontaminateEdges(cloth, mask),
    mask,
    landmarks: shape.landmarks as unknown as Record<string, [number, number]>,
    sleeves: shape.sleeves,
    parts: shape.parts,
    meanColor: meanColor(image, mask),
    timingsMs,
  };
}

/** Neck to hem over the chest: 2.6 to 4.9 for the sample dresses, up to 2.3 for tops read as dresses. */
function isDressLength(dress: ReturnType<typeof dressShape>): boolean {
  if (!dress) return false;
  const L = dress.landmarks;
  const chest = Math.max(1, Math.abs(L.left_armpit[0] - L.right_armpit[0]));
  return ((L.left_hem[1] + L.right_hem[1]) / 2 - L.neck_back[1]) / chest >= MIN_DRESS_LENGTH;
}

/** Mean colour (RGB) of the surely-garment pixels. */
function meanColor(image: RgbaImage, mask: GrayImage): [number, number, number] {
  let r = 0, g = 0, b = 0, m = 0;
  for (let i = 0; i < mask.data.length; i++) {
    if (mask.data[i] < 0.9) continue;
    r += image.data[i * 4]; g += image.data[i * 4 + 1]; b += image.data[i * 4 + 2]; m++;
  }
  return m ? [r / m, g / m, b / m] : [0, 0, 0];
}
