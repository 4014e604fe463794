/**
 * The shopper's profile for size advice: height (needed for anything in
 * centimetres from the photo), and optionally the size they usually wear, fit
 * preference and tape measurements. Always stored in centimetres; `unit` only
 * says how the popup shows lengths. No weight: no size chart we read compares one
 * with the body's girths, and guessing girths from it would be less sound than the
 * photo and the tape; a weight stored by an earlier version is dropped on the next save.
 */
import { FitroomError } from '../engine/errors';
import type { Fit } from './ease';

export const TAPE_NAMES = ['chest', 'waist', 'hips', 'shoulder', 'sleeve'] as const;
export type TapeName = (typeof TAPE_NAMES)[number];

export interface ShopperProfile {
  heightCm?: number;
  /** The size the shopper usually buys, as they write it ('M', '38'). */
  usualSize?: string;
  fit: Fit;
  /** Tape measurements in cm; `sleeve` is the arm length, shoulder to wrist. */
  tape: Partial<Record<TapeName, number>>;
  /** How the popup shows lengths. */
  unit: 'cm' | 'in';
}

export const EMPTY_PROFILE: ShopperProfile = { fit: 'regular', tape: {}, unit: 'cm' };

export const CM_PER_INCH = 2.54;

const LIMITS: Record<'heightCm' | TapeName, [number, number]> = {
  heightCm: [100, 230], chest: [50, 200], waist: [40, 200], hips: [50, 200], shoulder: [25, 70], sleeve: [40, 100],
};

function checkNumber(name: string, v: unknown, [lo, hi]: [number, number], unit: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
    throw new FitroomError('bad-argument', `Expected ${name} between ${lo} and ${hi} ${unit} but received ${typeof v === 'number' ? String(v) : JSON.stringify(v)}`);
  }
  return Math.round(v * 10) / 10;
}

/**
 * A checked copy of a profile: numbers in range (rounded to 0.1), fit and unit known.
 *
 * @example
 * checkProfile({ heightCm: 170, fit: 'snug', tape: { chest: 92 }, unit: 'cm' }) // → the same, checked
 * checkProfile({ heightCm: 17, fit: 'regular', tape: {}, unit: 'cm' }) // throws "Expected height between 100 and 230 cm but received 17"
 */
export function checkProfile(p: ShopperProfile): ShopperProfile {
  if (!p || typeof p !== 'object') throw new FitroomError('bad-argument', `Expected a profile object but received ${String(p)}`);
  if (!['snug', 'regular', 'loose'].includes(p.fit)) throw new FitroomError('bad-argument', `Expected fit to be one of snug, regular, loose but received ${JSON.stringify(p.fit)}`);
  if (p.unit !== 'cm' && p.unit !== 'in') throw new FitroomError('bad-argument', `Expected unit to be cm or in but received ${JSON.stringify(p.unit)}`);
  const tape: ShopperProfile['tape'] = {};
  for (const name of TAPE_NAMES) {
    const v = checkNumber(name, p.tape?.[name], LIMITS[name], 'cm');
    if (v !== undefined) tape[name] = v;
  }
  const usualSize = p.usualSize?.trim().slice(0, 20) || undefined;
  const out: ShopperProfile = { fit: p.fit, tape, unit: p.unit };
  const heightCm = checkNumber('height', p.heightCm, LIMITS.heightCm, 'cm');
  if (heightCm !== undefined) out.heightCm = heightCm;
  if (usualSize) out.usualSize = usualSize;
  return out;
}

/**
 * A length typed in the popup's unit, in cm; undefined for an empty field, NaN for text that is not a number.
 * @example lengthFromInput('37.5', 'in') // → 95.25
 */
export function lengthFromInput(text: string, unit: 'cm' | 'in'): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!t) return undefined;
  const n = Number(t);
  return unit === 'in' ? n * CM_PER_INCH : n;
}

/**
 * A length in cm as the popup shows it in `unit` (0.1 precision), '' when absent.
 * @example lengthToInput(95.25, 'in') // → '37.5'
 */
export function lengthToInput(cm: number | undefined, unit: 'cm' | 'in'): string {
  if (cm === undefined) return '';
  return String(Math.round((unit === 'in' ? cm / CM_PER_INCH : cm) * 10) / 10);
}
