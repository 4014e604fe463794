/**
 * The plain data a size chart is read into. Always in centimetres.
 */

export const MEASURE_NAMES = ['chest', 'waist', 'hips', 'length', 'shoulder', 'sleeve', 'inseam'] as const;
export type MeasureName = (typeof MEASURE_NAMES)[number];

/** A single value in cm, or a range `[min, max]` in cm (min <= max). */
export type MeasureValue = number | [number, number];

export interface SizeRow {
  /** The size as the store writes it: 'M', 'EU 38', 'S(160/84A)'. */
  label: string;
  measures: Partial<Record<MeasureName, MeasureValue>>;
}

export interface SizeChart {
  unit: 'cm';
  /** 'body': the shopper's measurements each size fits; 'garment': the garment's own; 'unknown': the page does not say. */
  kind: 'body' | 'garment' | 'unknown';
  sizes: SizeRow[];
}
