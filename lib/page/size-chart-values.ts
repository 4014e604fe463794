/**
 * Reading measurement cells: numbers, fractions, ranges, unit marks; and
 * converting inches to centimetres.
 */
import type { MeasureValue } from './size-chart-types';
import { unitOfText } from './size-chart-vocabulary';

export interface CellValue {
  /** As written, in the cell's unit (min <= max for ranges). */
  value: MeasureValue;
  /** The unit the cell itself states, if any. */
  unit?: 'cm' | 'in';
}

const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 0.125, '⅜': 0.375, '⅝': 0.625, '⅞': 0.875 };

/** Full-width forms to ASCII, unicode fractions to ' n/d', unit words removed (returned apart). */
function normalise(text: string): { text: string; unit: 'cm' | 'in' | null } {
  let t = text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[½¼¾⅓⅔⅛⅜⅝⅞]/g, (c) => ` ${FRACTIONS[c]}`.replace(/^ 0/, ' +0'))
    .replace(/\s+/g, ' ')
    .trim();
  const unit = /\d\s*(?:in|inch(?:es)?)\.?$/i.test(t) ? 'in' : /\d\s*cms?\.?$/i.test(t) ? 'cm' : unitOfText(t);
  t = t.replace(/(?<![a-z])(?:cms?|centimet(?:er|re)s?|inch(?:es)?|in)\b\.?|["″]|厘米|公分|英寸/gi, ' ').replace(/\s+/g, ' ').trim();
  return { text: t, unit };
}

function toNumber(s: string): number {
  // '34 +0.5' (from '34½'), '34 1/2', '34,5', '1/2'
  const plus = /^(\d+(?:\.\d+)?) \+(0\.\d+)$/.exec(s);
  if (plus) return Number(plus[1]) + Number(plus[2]);
  const mixed = /^(\d+(?:[.,]\d+)?)?\s*(?:(\d)\/(\d{1,2}))?$/.exec(s.trim());
  if (!mixed) return NaN;
  const whole = mixed[1] ? Number(mixed[1].replace(',', '.')) : 0;
  const frac = mixed[2] ? Number(mixed[2]) / Number(mixed[3]) : 0;
  return whole + frac;
}

/**
 * A measurement cell's value, or null when the cell is not a measurement
 * ('', '-', 'Cotton', '100% linen').
 *
 * @example
 * parseMeasureCell('88 - 94') // → { value: [88, 94] }
 * parseMeasureCell('34½"') // → { value: 34.5, unit: 'in' }
 * parseMeasureCell('96cm') // → { value: 96, unit: 'cm' }
 */
export function parseMeasureCell(text: string): CellValue | null {
  const { text: t, unit } = normalise(text);
  if (!t) return null;
  const num = String.raw`(\d+(?:[.,]\d+)?(?: \+0\.\d+)?(?:\s+\d\/\d{1,2})?)`;
  const range = new RegExp(String.raw`^${num}\s*(?:-|–|—|~|～|to|至|－|/)\s*${num}$`, 'i').exec(t);
  const single = new RegExp(String.raw`^${num}$`).exec(t);
  let value: MeasureValue;
  if (range) {
    const a = toNumber(range[1]);
    const b = toNumber(range[2]);
    if (!Number.isFinite(a) || !Number.isFinite(b) || a <= 0 || b <= 0) return null;
    // '88/94' is a range only when it reads like one; '1/2' fractions were taken above.
    value = a === b ? a : [Math.min(a, b), Math.max(a, b)];
  } else if (single) {
    const a = toNumber(single[1]);
    if (!Number.isFinite(a) || a <= 0) return null;
    value = a;
  } else {
    return null;
  }
  return unit ? { value, unit } : { value };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A value in `unit` converted to centimetres (inches × 2.54), rounded to 0.1 cm, times `factor`
 * (2 for half-circumference 'flat' measurements).
 *
 * @example
 * toCentimetres([34, 36], 'in') // → [86.4, 91.4]
 */
export function toCentimetres(value: MeasureValue, unit: 'cm' | 'in', factor = 1): MeasureValue {
  const k = (unit === 'in' ? 2.54 : 1) * factor;
  return typeof value === 'number' ? round1(value * k) : [round1(value[0] * k), round1(value[1] * k)];
}
