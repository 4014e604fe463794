/**
 * Finding and reading the product's size chart on a page: every table that reads
 * as a size chart (hidden ones too: collapsed sections, tabs, dialogs, late apps
 * such as Kiwi Sizing), converted to centimetres, labelled body or garment, and the
 * one for this product chosen.
 */
import type { GarmentCategory } from '../engine/types';
import type { MeasureName, MeasureValue, SizeChart, SizeRow } from './size-chart-types';
import { tableGrid } from './size-chart-grid';
import { readGrid, type MeasureLine, type TableReading } from './size-chart-table';
import { toCentimetres } from './size-chart-values';
import { isLetterLabel, kindOfText, unitOfText } from './size-chart-vocabulary';
import { activeUnitToggle, contextTexts } from './size-chart-context';
import { classifyProductText } from './garment-text';
import { judgeGarmentPage } from './garment-verdict';

export interface ReadSizeChartOptions {
  /** The product's category, to prefer its chart when a page has several (tops and bottoms). Default: judged from the page. */
  categoryHint?: GarmentCategory | null;
}

/** A chart found on the page, with what decided its reading. */
export interface FoundSizeChart {
  chart: SizeChart;
  element: Element;
  /** The body part its surroundings name ('Tops', 'Pants'), when they do. */
  category?: GarmentCategory;
}

const CIRCUMFERENCES = new Set<MeasureName>(['chest', 'waist', 'hips']);
// A chart must have at least one of these: length alone is a bag's or a sock's dimension.
const BODY_MEASURES = new Set<MeasureName>(['chest', 'waist', 'hips', 'shoulder', 'sleeve', 'inseam']);
// Adult chest and hips are above this many centimetres: unlabelled values at or below it on a letter-sized chart are inches.
const MAX_INCH_LIKE_VALUE = 60;

const maxOf = (v: MeasureValue) => (typeof v === 'number' ? v : v[1]);

/** The unit for lines whose header and cells say none: toggle, then nearest text, then the inch check, then cm. */
function chartUnit(reading: TableReading, table: Element, texts: string[]): 'cm' | 'in' {
  const toggle = activeUnitToggle(table);
  if (toggle) return toggle;
  for (const t of [reading.headerText, ...texts]) {
    const u = unitOfText(t);
    if (u) return u;
  }
  const unlabelled = reading.lines.filter((l) => !l.unit && CIRCUMFERENCES.has(l.measure) && l.measure !== 'waist' && !l.half);
  const values = unlabelled.flatMap((l) => l.values.filter((v) => v && !v.unit).map((v) => maxOf(v!.value)));
  const adultLetters = reading.labels.every(isLetterLabel);
  if (adultLetters && values.length > 0 && Math.max(...values) <= MAX_INCH_LIKE_VALUE) return 'in';
  return 'cm';
}

function chartKind(reading: TableReading, texts: string[]): SizeChart['kind'] {
  for (const t of [reading.headerText, ...texts]) {
    const k = kindOfText(t);
    if (k) return k;
  }
  return reading.lines.some((l) => l.half) ? 'garment' : 'unknown';
}

/** One line per measure: a cm line beats an inch line for the same measure, else the first. */
function pickLines(lines: MeasureLine[], unit: 'cm' | 'in'): MeasureLine[] {
  const byMeasure = new Map<MeasureName, MeasureLine>();
  for (const l of lines) {
    const seen = byMeasure.get(l.measure);
    if (!seen || ((seen.unit ?? unit) !== 'cm' && (l.unit ?? unit) === 'cm')) byMeasure.set(l.measure, l);
  }
  return lines.filter((l) => byMeasure.get(l.measure) === l);
}

/**
 * Read one table element as a size chart in cm, or null when it is not one.
 *
 * @example
 * readChartTable(document.querySelector('table'))?.chart.kind // → 'body'
 */
export function readChartTable(table: Element): FoundSizeChart | null {
  const reading = readGrid(tableGrid(table));
  if (!reading || !reading.lines.some((l) => BODY_MEASURES.has(l.measure))) return null;
  const texts = contextTexts(table);
  const unit = chartUnit(reading, table, texts);
  const lines = pickLines(reading.lines, unit);
  const sizes: SizeRow[] = reading.labels.map((label, i) => {
    const measures: SizeRow['measures'] = {};
    for (const line of lines) {
      const cell = line.values[i];
      if (!cell) continue;
      const factor = line.half && CIRCUMFERENCES.has(line.measure) ? 2 : 1;
      measures[line.measure] = toCentimetres(cell.value, cell.unit ?? line.unit ?? unit, factor);
    }
    return { label, measures };
  }).filter((s) => Object.keys(s.measures).length > 0);
  if (sizes.length < 2) return null;
  const found: FoundSizeChart = { chart: { unit: 'cm', kind: chartKind(reading, texts), sizes }, element: table };
  for (const t of texts) {
    const v = classifyProductText(t);
    if (v?.kind === 'garment' && v.categoryHint) {
      found.category = v.categoryHint;
      break;
    }
  }
  return found;
}

/**
 * Every size chart under `root`, in document order, whether shown or hidden.
 *
 * @example
 * readSizeCharts(document).map((f) => f.chart.kind) // → ['body', 'garment']
 */
export function readSizeCharts(root: Document | Element): FoundSizeChart[] {
  const tables = Array.from(root.querySelectorAll('table, [role="table"], [role="grid"]'));
  return tables.map(readChartTable).filter((f): f is FoundSizeChart => f !== null);
}

/** How well a chart fits this product: body charts first, then one naming the product's category, then size. */
function preference(f: FoundSizeChart, category: GarmentCategory | null): number {
  let score = f.chart.kind === 'body' ? 4 : 0;
  if (category && f.category) score += f.category === category ? 3 : -6;
  if (category && !f.category) {
    // Without a heading, the measures tell: trousers have no chest, tops no inseam.
    const has = (m: MeasureName) => f.chart.sizes.some((s) => s.measures[m] !== undefined);
    if (category === 'lower' && has('chest')) score -= 2;
    if (category !== 'lower' && has('inseam') && !has('chest')) score -= 2;
  }
  if (f.element.closest('footer, header, nav')) score -= 2;
  return score;
}

/**
 * The product's size chart, in centimetres, or null when the page has none.
 * When there are several, a body chart is preferred to a garment chart, and a
 * chart whose heading names the product's category to one naming another.
 *
 * @param root the page, or the part of it to search (a dialog, `#KiwiSizingChart`)
 * @example
 * readSizeChart(document)
 * // → { unit: 'cm', kind: 'body', sizes: [{ label: 'S', measures: { chest: [86, 91], waist: [71, 76] } }, …] }
 */
export function readSizeChart(root: Document | Element, options: ReadSizeChartOptions = {}): SizeChart | null {
  if (!root || typeof (root as Element).querySelectorAll !== 'function') throw new TypeError(`Expected a Document or Element for root but received ${String(root)}`);
  const found = readSizeCharts(root);
  if (found.length === 0) return null;
  if (found.length === 1) return found[0].chart;
  const doc = (root as Element).ownerDocument ?? (root as Document);
  const category = options.categoryHint !== undefined ? options.categoryHint : judgeGarmentPage(doc, 'https://page.invalid/').categoryHint ?? null;
  let best = found[0];
  for (const f of found.slice(1)) if (preference(f, category) > preference(best, category)) best = f;
  return best.chart;
}
