/**
 * How a chosen size should look in the try-on: its width over the body (ease)
 * and its length, as the engine's GarmentFit.
 *
 * Width. The engine draws the garment `ease` wider than the body's outline (0.06 =
 * 6 %). From a garment chart (the garment's own girth G) and the shopper's girth B:
 * ease = G / B − 1. From a body chart (the body each size fits, its middle M): the
 * garment of that size carries the regular ease E for that girth (ease.ts: 8–12 cm
 * at the chest, so E = 10) over M, and M differs from the shopper by M − B, so
 * ease = (E + M − B) / B. The girth used is the chest for tops, else the hips, else
 * the waist. Without the shopper's girth, the chart's middle size stands in for
 * the shopper (B = that size's body girth), so sizes still differ by their steps.
 *
 * Length. The product photo shows one size, in practice the sample size in the
 * middle of the range, and the engine already sets the length from the photo's
 * proportions against the shopper's torso. A size with a `length` in the chart is
 * drawn that much longer or shorter than the middle size: lengthScale = L / L_mid.
 *
 * Both are clamped to the engine's accepted ranges (ease −0.1..1, length 0.5..2).
 */
import type { GarmentFit } from '../engine/analysis';
import { FitroomError } from '../engine/errors';
import type { MeasureName, MeasureValue, SizeChart } from '../page/size-chart-types';
import { easeBand } from './ease';

/** The shopper's girths in cm, as far as known. */
export type BodyGirths = Partial<Record<'chest' | 'waist' | 'hips', number>>;

/** The engine's default ease: what a regular fit looks like when nothing is known. */
export const DEFAULT_EASE = 0.06;

const EASE_RANGE: [number, number] = [-0.1, 1];
const LENGTH_RANGE: [number, number] = [0.5, 2];
const GIRTHS = ['chest', 'hips', 'waist'] as const;

const mid = (v: MeasureValue) => (typeof v === 'number' ? v : (v[0] + v[1]) / 2);
const clamp = (x: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, x));
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The size whose garment the product photo most likely shows: the middle one. */
function referenceIndex(chart: SizeChart, m: MeasureName): number {
  const having = chart.sizes.map((s, i) => (s.measures[m] !== undefined ? i : -1)).filter((i) => i >= 0);
  return having[Math.floor((having.length - 1) / 2)] ?? -1;
}

/**
 * The try-on options for one size of a chart.
 *
 * @param chart a chart from readSizeChart (cm)
 * @param label the size's label as in the chart, e.g. 'M'
 * @param body the shopper's girths in cm (chest for tops, hips or waist for bottoms); may be empty
 * @example
 * fitForSize(chart, 'L', { chest: 94 }) // garment chart with L chest 112 → { ease: 0.191, lengthScale: 1.03 }
 */
export function fitForSize(chart: SizeChart, label: string, body: BodyGirths = {}): Required<GarmentFit> {
  const size = chart?.sizes?.find((s) => s.label === label);
  if (!size) throw new FitroomError('bad-argument', `Expected a size of the chart (${chart?.sizes?.map((s) => s.label).join(', ') ?? 'no chart'}) for label but received ${JSON.stringify(label)}`);
  const category = chart.sizes.some((s) => s.measures.chest !== undefined) ? 'top' : 'bottom';

  let ease = DEFAULT_EASE;
  const girth = GIRTHS.find((m) => size.measures[m] !== undefined);
  if (girth) {
    const value = size.measures[girth]!;
    const [lo, hi] = easeBand(girth, category, 'regular');
    const regular = (lo + hi) / 2;
    const asBody = chart.kind === 'body' || (chart.kind === 'unknown' && typeof value !== 'number');
    const ref = chart.sizes[referenceIndex(chart, girth)].measures[girth]!;
    // Without the shopper's girth, the middle size's body stands in for it.
    const b = body[girth] ?? (asBody ? mid(ref) : mid(ref) - regular);
    ease = asBody ? (regular + mid(value) - b) / b : mid(value) / b - 1;
  }

  let lengthScale = 1;
  const length = size.measures.length;
  if (length !== undefined) {
    const ref = chart.sizes[referenceIndex(chart, 'length')].measures.length!;
    lengthScale = mid(length) / mid(ref);
  }
  return { ease: round3(clamp(ease, EASE_RANGE)), lengthScale: round3(clamp(lengthScale, LENGTH_RANGE)) };
}

/**
 * Try-on options for every size of a chart, in the chart's order.
 *
 * @example
 * fitsForChart(chart, { chest: 94 }) // → [{ label: 'S', fit: { ease: 0.043, lengthScale: 0.97 } }, …]
 */
export function fitsForChart(chart: SizeChart, body: BodyGirths = {}): { label: string; fit: Required<GarmentFit> }[] {
  return chart.sizes.map((s) => ({ label: s.label, fit: fitForSize(chart, s.label, body) }));
}
