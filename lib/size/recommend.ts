/**
 * Recommending a size from a size chart and the shopper's measurements.
 *
 * Body charts (the body each size fits): your measurement is compared with each
 * size's range; your fit preference moves the ideal spot inside the range (snug:
 * near its top, so the smaller size; loose: near its bottom).
 * Garment charts (the garment's own measurements): ease = garment − body is
 * compared with the target ease for the measure and fit preference (see ease.ts).
 * A range in a garment chart (stretch waistbands) is read like a body range.
 * Charts of unknown kind are read as body charts when their values are ranges and
 * as garment charts otherwise, which is how stores usually write each.
 * The size the shopper usually wears, when the chart has it, breaks a tie between two
 * neighbouring sizes (before the fit preference: it is their own experience of how
 * sizes fit them), and is otherwise compared with the recommendation in the reason.
 * The reason is written in the shopper's language (lib/i18n/), from whole sentences.
 */
import { FitroomError } from '../engine/errors';
import { MEASURE_NAMES, type MeasureName, type MeasureValue, type SizeChart } from '../page/size-chart-types';
import { easeBand, MEASURE_WEIGHT, type ChartCategory, type Fit } from './ease';
import { matchUsualSize } from './usual-size';
import { andList, t } from '../i18n/translate';

/** A measure's and a fit's names inside a sentence, in the shopper's language. */
const measureWord = (m: MeasureName) => t(`measure_${m}`);
const fitWord = (f: Fit) => t(`fit_${f}`);

export type { Fit } from './ease';

/** One body measurement in cm: a value, a range, or either with a confidence in [0, 1] (default 1). */
export type BodyValue = number | [number, number] | { value: number | [number, number]; confidence?: number };
/** The shopper's measurements in cm. `height` is accepted but no chart measure uses it yet. */
export type BodyMeasures = Partial<Record<MeasureName | 'height', BodyValue>>;

export interface MeasureFit {
  /** How this size sits on you compared with a regular fit (garment) or the size's range (body). */
  verdict: 'tight' | 'regular' | 'loose';
  /**
   * Garment chart: the ease, garment minus your measurement. Body chart: how far the
   * size's range is from your measurement (0 inside it, > 0 the size is bigger, < 0 smaller).
   */
  diffCm: number;
}

export interface SizeRecommendation {
  size: string;
  fit: Record<string, Partial<Record<MeasureName, MeasureFit>>>;
  /** A sentence a person can check against the chart, e.g. "M: chest 102 cm gives 8 cm of ease over your 94 cm …". */
  reason: string;
}

const FITS: readonly Fit[] = ['snug', 'regular', 'loose'];
// Where your measurement should sit inside a body range, 0 = bottom, 1 = top.
const RANGE_POSITION: Record<Fit, number> = { snug: 0.8, regular: 0.5, loose: 0.2 };
// Sizes whose costs differ by less than this many cm are "between sizes": the fit preference decides.
const BETWEEN_SIZES_CM = 1;
// Being outside the wanted band costs this much more per cm than being off its centre inside it.
const OUTSIDE_PENALTY = 2;

const round1 = (x: number) => Math.round(x * 10) / 10;
const fmt = (x: number) => String(round1(x));
const lo = (v: MeasureValue) => (typeof v === 'number' ? v : v[0]);
const hi = (v: MeasureValue) => (typeof v === 'number' ? v : v[1]);
const mid = (v: MeasureValue) => (lo(v) + hi(v)) / 2;
const fmtValue = (v: MeasureValue) => (typeof v === 'number' ? `${fmt(v)} cm` : `${fmt(v[0])}–${fmt(v[1])} cm`);

interface Body {
  value: number;
  confidence: number;
}

function checkBody(body: BodyMeasures): Partial<Record<MeasureName, Body>> {
  if (!body || typeof body !== 'object') throw new FitroomError('bad-argument', `Expected an object of body measurements in cm for body but received ${String(body)}`);
  const out: Partial<Record<MeasureName, Body>> = {};
  for (const [name, raw] of Object.entries(body)) {
    if (raw === undefined) continue;
    if (name !== 'height' && !(MEASURE_NAMES as readonly string[]).includes(name)) {
      throw new FitroomError('bad-argument', `Expected body measures among ${[...MEASURE_NAMES, 'height'].join(', ')} but received ${name}`);
    }
    const v = typeof raw === 'object' && !Array.isArray(raw) ? raw.value : raw;
    const confidence = typeof raw === 'object' && !Array.isArray(raw) ? raw.confidence ?? 1 : 1;
    const nums = typeof v === 'number' ? [v] : Array.isArray(v) && v.length === 2 ? v : [NaN];
    if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 400)) {
      throw new FitroomError('bad-argument', `Expected body.${name} in cm as a number or [min, max] between 0 and 400 but received ${JSON.stringify(raw)}`);
    }
    if (!(confidence >= 0 && confidence <= 1)) throw new FitroomError('bad-argument', `Expected body.${name}.confidence in [0, 1] but received ${confidence}`);
    if (name !== 'height') out[name as MeasureName] = { value: (nums[0] + nums[nums.length - 1]) / 2, confidence };
  }
  return out;
}

function checkChart(chart: SizeChart): void {
  if (!chart || !Array.isArray(chart.sizes) || chart.sizes.length === 0) {
    throw new FitroomError('bad-argument', `Expected a size chart with at least one size for chart but received ${JSON.stringify(chart)?.slice(0, 80)}`);
  }
}

/** Half the typical step between neighbouring sizes: how wide a single-value body size is. */
function halfStep(chart: SizeChart, m: MeasureName): number {
  const mids = chart.sizes.map((s) => s.measures[m]).filter((v): v is MeasureValue => v !== undefined).map(mid);
  const steps = mids.slice(1).map((x, i) => Math.abs(x - mids[i])).filter((d) => d > 0).sort((a, b) => a - b);
  const median = steps.length > 0 ? steps[Math.floor(steps.length / 2)] : 5;
  return Math.min(4, Math.max(1.5, median / 2));
}

interface Scored {
  fit: MeasureFit;
  cost: number;
  phrase: string;
}

function scoreRange(m: MeasureName, range: [number, number], b: number, pref: Fit, label: string, single: number | null): Scored {
  const [a, z] = range;
  const diff = b < a ? a - b : b > z ? z - b : 0;
  const verdict = diff < 0 ? 'tight' : diff > 0 ? 'loose' : 'regular';
  const target = a + RANGE_POSITION[pref] * (z - a);
  const cost = Math.abs(b - target) + OUTSIDE_PENALTY * Math.abs(diff);
  let phrase: string;
  if (single !== null) {
    const d = single - b;
    const words = { measure: measureWord(m), chart: fmt(single), body: fmt(b), diff: fmt(Math.abs(d)) };
    phrase = d === 0 ? t('reason_single_match', words) : t(d > 0 ? 'reason_single_above' : 'reason_single_below', words);
    return { fit: { verdict, diffCm: round1(d) }, cost, phrase };
  }
  const words = { measure: measureWord(m), body: fmt(b), size: label, range: fmtValue(range), diff: fmt(Math.abs(diff)) };
  phrase = diff === 0 ? t('reason_range_within', words) : t(diff < 0 ? 'reason_range_above' : 'reason_range_below', words);
  return { fit: { verdict, diffCm: round1(diff) }, cost, phrase };
}

function scoreEase(m: MeasureName, g: number, b: number, category: ChartCategory, pref: Fit): Scored {
  const ease = g - b;
  const [rMin, rMax] = easeBand(m, category, 'regular');
  const verdict = ease < rMin ? 'tight' : ease > rMax ? 'loose' : 'regular';
  const [pMin, pMax] = easeBand(m, category, pref);
  const outside = ease < pMin ? pMin - ease : ease > pMax ? ease - pMax : 0;
  const cost = Math.abs(ease - (pMin + pMax) / 2) + OUTSIDE_PENALTY * outside;
  const phrase = ease >= 0
    ? t('reason_ease', { measure: measureWord(m), garment: fmt(g), ease: fmt(ease), body: fmt(b), fit: fitWord(pref), min: fmt(pMin), max: fmt(pMax) })
    : t('reason_ease_small', { measure: measureWord(m), garment: fmt(g), diff: fmt(-ease), body: fmt(b) });
  return { fit: { verdict, diffCm: round1(ease) }, cost, phrase };
}

/**
 * The size to buy, how every size fits on each measure you gave, and why.
 * Null when the chart and your measurements share no measure.
 *
 * @param chart a chart from readSizeChart (cm)
 * @param body your measurements in cm; at least one that the chart also has
 * @param fit how you like it to fit; decides between two sizes
 * @param usualSize the size you usually wear ('M'), if you said; decides between two sizes first
 * @example
 * recommendSize(chart, { chest: 94, waist: 80 }, 'regular')
 * // → { size: 'M', fit: { S: { chest: { verdict: 'tight', diffCm: 4 } }, … }, reason: 'M: chest 104 cm gives 10 cm of ease over your 94 cm (regular wants 8–12).' }
 * recommendSize(chart, { chest: 94 }, 'regular', 'S')
 * // → { size: 'M', …, reason: 'M: … You usually wear S; for your chest this chart gives M.' }
 */
export function recommendSize(chart: SizeChart, body: BodyMeasures, fit: Fit = 'regular', usualSize?: string): SizeRecommendation | null {
  checkChart(chart);
  if (!FITS.includes(fit)) throw new FitroomError('bad-argument', `Expected fit to be one of ${FITS.join(', ')} but received ${JSON.stringify(fit)}`);
  const you = checkBody(body);
  const has = (m: MeasureName) => chart.sizes.some((s) => s.measures[m] !== undefined);
  const common = MEASURE_NAMES.filter((m) => you[m] && has(m));
  if (common.length === 0) return null;
  const category: ChartCategory = has('chest') ? 'top' : 'bottom';
  const weight = (m: MeasureName) => (m === 'waist' && category === 'top' ? 0.5 : MEASURE_WEIGHT[m]) * you[m]!.confidence;

  const table: SizeRecommendation['fit'] = {};
  const ranked: { label: string; index: number; cost: number; phrases: string[] }[] = [];
  chart.sizes.forEach((size, index) => {
    const fits: Partial<Record<MeasureName, MeasureFit>> = {};
    const phrases: string[] = [];
    let cost = 0;
    let total = 0;
    for (const m of common) {
      const v = size.measures[m];
      if (v === undefined) continue;
      const b = you[m]!.value;
      const asRange = typeof v !== 'number' || chart.kind === 'body' || (chart.kind === 'unknown' && chart.sizes.some((s) => Array.isArray(s.measures[m])));
      let s: Scored;
      if (asRange) {
        const t = typeof v === 'number' ? halfStep(chart, m) : 0;
        s = scoreRange(m, typeof v === 'number' ? [v - t, v + t] : v, b, fit, size.label, typeof v === 'number' ? v : null);
      } else {
        s = scoreEase(m, v, b, category, fit);
      }
      fits[m] = s.fit;
      phrases.push(s.phrase);
      cost += weight(m) * s.cost;
      total += weight(m);
    }
    table[size.label] = fits;
    if (total > 0) ranked.push({ label: size.label, index, cost: cost / total, phrases });
  });
  if (ranked.length === 0) return null;

  const byCost = [...ranked].sort((a, b) => a.cost - b.cost || b.index - a.index);
  let best = byCost[0];
  const notes: string[] = [];
  const runner = byCost[1];
  const usual = matchUsualSize(chart.sizes.map((s) => s.label), usualSize);
  let usualDecided = false;
  if (runner && Math.abs(runner.index - best.index) === 1 && runner.cost - best.cost < BETWEEN_SIZES_CM) {
    const [smaller, larger] = runner.index < best.index ? [runner, best] : [best, runner];
    const usualOne = [smaller, larger].find((r) => r.label === usual);
    if (usualOne) {
      best = usualOne;
      usualDecided = true;
      notes.push(t('reason_between_usual', { smaller: smaller.label, larger: larger.label, size: best.label }));
    } else {
      best = fit === 'snug' ? smaller : fit === 'loose' ? larger : best;
      notes.push(t('reason_between_fit', { smaller: smaller.label, larger: larger.label, fit: fitWord(fit), size: best.label }));
    }
  }
  if (usualSize?.trim() && !usualDecided) notes.push(usualSizeCheck(usualSize.trim(), usual, best.label, common));
  const main = t('reason_size', { size: best.label, details: best.phrases.join(t('reason_separator')) });
  return { size: best.label, fit: table, reason: notes.reduce((first, second) => t('sentences', { first, second }), main) };
}

/** The usual size against the recommendation, in one sentence. */
function usualSizeCheck(said: string, onChart: string | undefined, recommended: string, measures: MeasureName[]): string {
  if (!onChart) return t('reason_usual_not_on_chart', { said });
  if (onChart === recommended) return t('reason_usual_same', { size: recommended });
  return t('reason_usual_differs', { said, measures: andList(measures.map(measureWord)), size: recommended });
}
