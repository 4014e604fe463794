/**
 * Garment analysis of a product photo: mask, category, landmarks, sleeves.
 */
import type { GarmentAnalysis } from '../analysis';
import { FitroomError } from '../errors';
import type { RgbaImage } from '../image';
import { resizeRgba } from '../image';
import type { GarmentCategory } from '../types';
import { garmentMask } from './garment-mask';
import { garmentShape } from './garment-shape';
import { decontaminateEdges } from './decontaminate';

export const GARMENT_VERSION = 1;
/**
 * Product photos are analysed at most this big. Smaller would be faster, but the weave
 * that tells white fabric from a white backdrop fades when a photo is scaled down.
 */
export const MAX_GARMENT_SIDE = 1024;

const SUPPORTED: GarmentCategory[] = ['upper'];

/**
 * @throws FitroomError('no-garment') when no garment on a plain backdrop is found,
 *         FitroomError('unsupported-category') for bottoms and dresses (not yet dressed).
 * @example const garment = analyseGarmentImage(productPhoto);
 */
export function analyseGarmentImage(input: RgbaImage, options: { category?: GarmentCategory } = {}): GarmentAnalysis {
  const timingsMs: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timingsMs[name] = now - t;
    t = now;
  };
  const long = Math.max(input.width, input.height);
  const image = long > MAX_GARMENT_SIDE
    ? resizeRgba(input, Math.round((input.width * MAX_GARMENT_SIDE) / long), Math.round((input.height * MAX_GARMENT_SIDE) / long))
    : input;
  const { mask, coverage, plainBackdrop } = garmentMask(image);
  lap('mask');
  if (!plainBackdrop || coverage < 0.03 || coverage > 0.92) {
    throw new FitroomError('no-garment', 'No garment was found in this picture. Fitroom needs a product photo of the garment on a plain background.');
  }
  const shape = garmentShape(mask);
  lap('shape');
  if (!shape) throw new FitroomError('no-garment', 'No garment was found in this picture.');
  const category = options.category ?? shape.category;
  if (!SUPPORTED.includes(category)) {
    const what = category === 'lower' ? 'Trousers, skirts and shorts' : 'Dresses';
    throw new FitroomError('unsupported-category', `${what} are not supported yet: Fitroom can try on tops for now.`);
  }
  if (!shape.landmarks || !shape.sleeves || !shape.parts) {
    throw new FitroomError('no-garment', 'The garment\'s shape could not be read (neckline, shoulders and hem). Try a flat front photo of it.');
  }
  let r = 0, g = 0, b = 0, m = 0;
  for (let i = 0; i < mask.data.length; i++) {
    if (mask.data[i] < 0.9) continue;
    r += image.data[i * 4]; g += image.data[i * 4 + 1]; b += image.data[i * 4 + 2]; m++;
  }
  return {
    version: GARMENT_VERSION,
    category,
    sleeve: shape.sleeve,
    image: decontaminateEdges(image, mask),
    mask,
    landmarks: shape.landmarks as unknown as Record<string, [number, number]>,
    sleeves: shape.sleeves,
    parts: shape.parts,
    meanColor: [r / m, g / m, b / m],
    timingsMs,
  };
}
