/**
 * Target ease: how much bigger than the body a garment measurement should be for
 * each fit, in cm (garment minus body; circumferences are full, not flat halves).
 *
 * Why these numbers: they follow common pattern-drafting allowances.
 * - Chest of tops and dresses: a close-fitting bodice carries about 4–8 cm, an
 *   ordinary shirt or tee 8–12 cm, relaxed/oversized cuts 12–20 cm.
 * - Waist: tops are cut straight past the waist, so they carry a lot (8–16 cm for a
 *   regular top); trousers and skirts sit on the waist and carry almost none (1–4 cm),
 *   more and they need a belt.
 * - Hips: trousers and skirts need 4–8 cm to sit and walk, fitted 2–4, loose 8–14.
 * - Shoulder: seam-to-seam width sits on the shoulder point, 0–2 cm over the body
 *   width; dropped shoulders of loose cuts add 2–8.
 * - Sleeve and inseam are lengths, not girths: a couple of cm either way is right
 *   whatever the fit.
 */
import type { MeasureName } from '../page/size-chart-types';

export type Fit = 'snug' | 'regular' | 'loose';
export type EaseBand = [min: number, max: number];

/** Whether the chart is for tops/dresses (it has a chest) or bottoms (it does not). */
export type ChartCategory = 'top' | 'bottom';

const TOP: Partial<Record<MeasureName, Record<Fit, EaseBand>>> = {
  chest: { snug: [4, 8], regular: [8, 12], loose: [12, 20] },
  waist: { snug: [4, 8], regular: [8, 16], loose: [16, 28] },
  hips: { snug: [2, 5], regular: [5, 10], loose: [10, 18] },
  shoulder: { snug: [-1, 1], regular: [0, 2], loose: [2, 8] },
  sleeve: { snug: [-2, 1], regular: [-1, 2], loose: [0, 4] },
  length: { snug: [-3, 3], regular: [-3, 3], loose: [-3, 3] },
};

const BOTTOM: Partial<Record<MeasureName, Record<Fit, EaseBand>>> = {
  waist: { snug: [0, 2], regular: [1, 4], loose: [4, 8] },
  hips: { snug: [2, 4], regular: [4, 8], loose: [8, 14] },
  inseam: { snug: [-2, 2], regular: [-2, 2], loose: [-2, 2] },
  length: { snug: [-3, 3], regular: [-3, 3], loose: [-3, 3] },
};

/**
 * The ease band for a measure, chart category and fit.
 *
 * @example
 * easeBand('chest', 'top', 'regular') // → [8, 12]
 * easeBand('waist', 'bottom', 'snug') // → [0, 2]
 */
export function easeBand(measure: MeasureName, category: ChartCategory, fit: Fit): EaseBand {
  const table = category === 'top' ? TOP : BOTTOM;
  return (table[measure] ?? TOP[measure] ?? BOTTOM[measure] ?? { snug: [-2, 2], regular: [-2, 2], loose: [-2, 2] })[fit];
}

/** How much each measure counts in choosing a size: girths most, lengths least. */
export const MEASURE_WEIGHT: Record<MeasureName, number> = {
  chest: 1,
  waist: 1,
  hips: 1,
  shoulder: 0.6,
  inseam: 0.5,
  sleeve: 0.3,
  length: 0.3,
};
