/**
 * The shopper's shoulder width and chest, waist and hip girths, estimated from
 * their portrait and their height: the height sets the photo's scale
 * (portrait-scale.ts), the person mask gives the torso's width at each girth's
 * height with the arms left out (torso-breadth.ts), and survey proportions turn a
 * width into a girth (body-proportions.ts). Every value comes with a range, a
 * confidence and what it rests on; tape measurements the shopper entered replace
 * the estimates.
 */
import type { PortraitAnalysis } from '../engine/analysis';
import { FitroomError } from '../engine/errors';
import { CLOTHES_ALLOWANCE, CLOTHES_WIDTH_CM, GIRTH_BANDS, SHAPE_ERROR, SHOULDER_OUTLINE_TO_BIACROMIAL, girthPerWidth } from './body-proportions';
import { portraitScale, type PortraitScale } from './portrait-scale';
import type { BodyMeasures } from './recommend';
import { torsoRows } from './torso-breadth';

export const BODY_MEASURE_NAMES = ['shoulder', 'chest', 'waist', 'hips'] as const;
export type BodyMeasureName = (typeof BODY_MEASURE_NAMES)[number];
export type Confidence = 'low' | 'medium' | 'high';

export interface BodyEstimate {
  /** cm; a girth for chest, waist and hips, a straight width for the shoulder. */
  value: number;
  /** cm, [min, max]: where the true value very likely is. */
  range: [number, number];
  confidence: Confidence;
  /** What the value rests on, for a person to judge, e.g. "photo: waist width 27.1 cm × 2.88 (…)". */
  basis: string;
  source: 'photo' | 'tape';
}

export interface PortraitMeasures {
  heightCm: number;
  scale: PortraitScale;
  /** Missing when the photo does not show that part (hips below the frame). */
  measures: Partial<Record<BodyMeasureName, BodyEstimate>>;
  /** Why confidences are what they are, in words (clothes, pose). */
  notes: string[];
}

/** Tape measurements in cm the shopper entered; they replace the photo's estimates. */
export type TapeMeasures = Partial<Record<BodyMeasureName, number>>;

// The range is this many standard deviations either side (≈ 87 % of people).
const RANGE_SDS = 1.5;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Each value replaced by the median of itself and its neighbours: one odd row (a hand, a fold) does not decide. */
function median5(values: number[]): number[] {
  return values.map((_, i) => {
    const w = values.slice(Math.max(0, i - 2), i + 3).sort((a, b) => a - b);
    return w[Math.floor(w.length / 2)];
  });
}

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

function estimate(value: number, relError: number, confidence: Confidence, basis: string): BodyEstimate {
  const spread = RANGE_SDS * relError;
  return {
    value: round1(value),
    range: [round1(value * (1 - spread - CLOTHES_ALLOWANCE)), round1(value * (1 + spread))],
    confidence,
    basis,
    source: 'photo',
  };
}

/**
 * Estimate the body's measures from a portrait analysis and the person's height,
 * then let tape measurements replace them.
 *
 * @param analysis from engine.analysePortrait
 * @param heightCm the person's height in cm (100–230)
 * @param tape measurements in cm the person took with a tape, if any
 * @example
 * const m = measurePortrait(analysis, 170);
 * m.measures.chest // → { value: 88.4, range: [75.6, 98.1], confidence: 'medium', basis: 'photo: …', source: 'photo' }
 */
export function measurePortrait(analysis: PortraitAnalysis, heightCm: number, tape: TapeMeasures = {}): PortraitMeasures {
  const scale = portraitScale(analysis, heightCm);
  const { body, issues } = analysis;
  const codes = new Set(issues.map((i) => i.code));
  const notes = ['Measured over clothes: loose clothes make the photo estimates larger than the body.'];
  const posePoor = codes.has('side-view') || codes.has('arms-hidden') || codes.has('several-people');
  if (codes.has('side-view')) notes.push('You seem turned sideways: widths from the photo are too narrow.');
  if (codes.has('arms-hidden')) notes.push('An arm is hidden or crosses the body: the torso outline is uncertain.');
  const measures: PortraitMeasures['measures'] = {};

  const [sx, sy] = body.shoulderCenter, [hx, hy] = body.hipCenter;
  const torsoPx = Math.hypot(hx - sx, hy - sy);
  for (const region of ['chest', 'waist', 'hips'] as const) {
    const band = GIRTH_BANDS[region];
    const rows = torsoRows(analysis, sy + band.from * (hy - sy), sy + band.to * (hy - sy), Math.max(1, torsoPx / 100));
    // Too few rows: the band is mostly outside the photo or off the person.
    if (rows.length < 8) continue;
    const widthPx = quantile(median5(rows.map((r) => r.width)), band.pick === 'widest' ? 0.85 : 0.15);
    const outlineCm = widthPx * scale.cmPerPx;
    const widthCm = outlineCm - CLOTHES_WIDTH_CM;
    const k = girthPerWidth(region);
    const relError = Math.hypot(scale.relError, SHAPE_ERROR[region]);
    const confidence: Confidence = posePoor || relError > 0.13 ? 'low' : 'medium';
    measures[region] = estimate(widthCm * k, relError, confidence,
      `photo: ${region} outline ${round1(outlineCm)} cm, less ${CLOTHES_WIDTH_CM} cm for close-fitting clothes, × ${k.toFixed(2)} (an ellipse of typical depth, survey-calibrated); scale from ${scale.basis}`);
  }

  const [e0, e1] = body.shoulderEdges;
  const outlineCm = Math.hypot(e1[0] - e0[0], e1[1] - e0[1]) * scale.cmPerPx;
  const shoulderError = Math.hypot(scale.relError, SHAPE_ERROR.shoulder);
  const shoulderConfidence: Confidence = posePoor || shoulderError > 0.13 ? 'low' : scale.fullBody ? 'high' : 'medium';
  measures.shoulder = estimate(outlineCm * SHOULDER_OUTLINE_TO_BIACROMIAL, shoulderError, shoulderConfidence,
    `photo: shoulder outline ${round1(outlineCm)} cm × ${SHOULDER_OUTLINE_TO_BIACROMIAL} (shoulder points lie inside the outline); scale from ${scale.basis}`);

  for (const [name, cm] of Object.entries(tape) as [BodyMeasureName, number | undefined][]) {
    if (cm === undefined) continue;
    if (!(BODY_MEASURE_NAMES as readonly string[]).includes(name)) {
      throw new FitroomError('bad-argument', `Expected tape measures among ${BODY_MEASURE_NAMES.join(', ')} but received ${name}`);
    }
    if (!(typeof cm === 'number' && cm > 10 && cm < 300)) throw new FitroomError('bad-argument', `Expected tape.${name} in cm between 10 and 300 but received ${String(cm)}`);
    measures[name] = { value: round1(cm), range: [round1(cm), round1(cm)], confidence: 'high', basis: 'your tape measurement', source: 'tape' };
  }
  return { heightCm, scale, measures, notes };
}

const CONFIDENCE_WEIGHT: Record<Confidence, number> = { low: 0.4, medium: 0.7, high: 1 };

/**
 * The measures as recommendSize takes them: values with confidences in [0, 1],
 * so a photo estimate counts less than a tape measurement.
 *
 * @example
 * recommendSize(chart, toBodyMeasures(measurePortrait(analysis, 170)), 'regular')
 */
export function toBodyMeasures(m: PortraitMeasures): BodyMeasures {
  const out: BodyMeasures = { height: m.heightCm };
  for (const name of BODY_MEASURE_NAMES) {
    const e = m.measures[name];
    if (e) out[name] = { value: e.value, confidence: CONFIDENCE_WEIGHT[e.confidence] };
  }
  return out;
}
