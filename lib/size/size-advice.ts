/**
 * What the overlay says about sizes for the product on show, as plain data: the
 * store's chart (never a guess passed off as one), the recommended size with a
 * reason a person can check, and each size's try-on fit. Built where the profile
 * and the portrait are (the offscreen document), shown by the overlay.
 */
import type { GarmentFit } from '../engine/analysis';
import type { SizeChart } from '../page/size-chart-types';
import type { PortraitMeasures } from './portrait-measures';
import { toBodyMeasures } from './portrait-measures';
import type { ShopperProfile } from './profile';
import { recommendSize, type BodyMeasures } from './recommend';
import { fitForSize, type BodyGirths } from './size-fit';
import { matchUsualSize } from './usual-size';
import { listOf, t } from '../i18n/translate';
import type { MeasureName } from '../page/size-chart-types';

const measureWord = (m: string) => t(`measure_${m as MeasureName}`);

export interface SizeOption {
  label: string;
  fit: Required<GarmentFit>;
}

export type SizeAdvice =
  /** The page has no size chart: nothing to advise, said plainly. */
  | { status: 'no-chart' }
  /** A chart, but no height in the profile: sizes can be tried, advice needs the height. */
  | { status: 'no-height'; sizes: SizeOption[] }
  /** A chart and a height. `recommended` is absent when the chart shares no measure with the shopper's. */
  | { status: 'advice'; sizes: SizeOption[]; recommended?: string; reason: string; measuresNote: string };

const round = (x: number) => Math.round(x);

/** Which sizes are on the chart, each with the try-on fit for this body. */
function sizeOptions(chart: SizeChart, body: BodyGirths): SizeOption[] {
  return chart.sizes.map((s) => ({ label: s.label, fit: fitForSize(chart, s.label, body) }));
}

/** One line on where the shopper's numbers come from, e.g. "From your photo and height: chest ≈ 88 cm (80–95) …". */
function describeMeasures(m: PortraitMeasures | null, profile: ShopperProfile): string {
  const tapeNames = Object.keys(profile.tape);
  const tape = tapeNames.length ? listOf(tapeNames.map(measureWord)) : null;
  const fromPhoto = m ? (['chest', 'waist', 'hips'] as const).filter((n) => m.measures[n]?.source === 'photo') : [];
  const photo = m && fromPhoto.length
    ? listOf(fromPhoto.map((n) => t('measure_estimate', { measure: measureWord(n), value: round(m.measures[n]!.value), low: round(m.measures[n]!.range[0]), high: round(m.measures[n]!.range[1]) })))
    : null;
  if (tape && photo) return t('measures_both', { tape, photo });
  if (tape) return t('measures_tape', { tape });
  if (photo) return t('measures_photo', { photo });
  return t('measures_none');
}

/**
 * The size advice for a page's chart, the shopper's profile and, if a portrait is
 * stored, the measures from it (measurePortrait, with the profile's tape measures).
 * The profile's usual size breaks ties between two sizes and is checked against the
 * recommendation in its reason (recommendSize).
 *
 * @example
 * buildSizeAdvice(chart, { heightCm: 170, fit: 'regular', tape: {}, unit: 'cm' }, measures)
 * // → { status: 'advice', recommended: 'M', reason: "M: your chest 88 cm is within M's 86–92 cm.", sizes: [...], measuresNote: 'Based on your photo and height (…).' }
 */
export function buildSizeAdvice(chart: SizeChart | null, profile: ShopperProfile | null, measures: PortraitMeasures | null): SizeAdvice {
  if (!chart) return { status: 'no-chart' };
  const p = profile ?? { fit: 'regular' as const, tape: {}, unit: 'cm' as const };
  if (!p.heightCm) {
    // Tape girths still set each size's fit; without them the middle size stands in.
    return { status: 'no-height', sizes: sizeOptions(chart, { chest: p.tape.chest, waist: p.tape.waist, hips: p.tape.hips }) };
  }
  const body: BodyMeasures = measures ? toBodyMeasures(measures) : { height: p.heightCm };
  // Tape measurements win (measures already has them when it was built with the profile's tape).
  for (const [name, cm] of Object.entries(p.tape)) if (cm !== undefined) body[name as keyof BodyMeasures] = cm;
  const value = (v: BodyMeasures[keyof BodyMeasures]) => (v === undefined ? undefined : typeof v === 'number' ? v : Array.isArray(v) ? (v[0] + v[1]) / 2 : typeof v.value === 'number' ? v.value : (v.value[0] + v.value[1]) / 2);
  const girths: BodyGirths = { chest: value(body.chest), waist: value(body.waist), hips: value(body.hips) };
  const rec = recommendSize(chart, body, p.fit, p.usualSize);
  const measuresNote = describeMeasures(measures, p);
  if (!rec) {
    const has = listOf([...new Set(chart.sizes.flatMap((s) => Object.keys(s.measures)))].map(measureWord));
    // Nothing to measure against: the size the shopper usually wears is the best guess there is, said as such.
    const usual = matchUsualSize(chart.sizes.map((s) => s.label), p.usualSize);
    if (usual) {
      return { status: 'advice', sizes: sizeOptions(chart, girths), recommended: usual, reason: t('reason_chart_only_usual', { measures: has, size: usual }), measuresNote };
    }
    return { status: 'advice', sizes: sizeOptions(chart, girths), reason: t('reason_chart_only', { measures: has }), measuresNote };
  }
  return { status: 'advice', sizes: sizeOptions(chart, girths), recommended: rec.size, reason: rec.reason, measuresNote };
}
