/**
 * Reading a grid of cell texts as a size chart, in either orientation: sizes as
 * rows (a header row names the measures) or sizes as columns (a header column
 * names them). Values stay in the table's own units here; size-chart.ts converts.
 */
import type { MeasureName } from './size-chart-types';
import { isHalfMeasureHeader, isSizeHeader, isSizeLabel, measureOfHeader, unitOfText } from './size-chart-vocabulary';
import { parseMeasureCell, type CellValue } from './size-chart-values';

/** One measure of the chart: its header and one value (or none) per size. */
export interface MeasureLine {
  measure: MeasureName;
  header: string;
  /** The unit the header states, if any. */
  unit: 'cm' | 'in' | null;
  /** Chest/waist/hips given as a flat half width ('1/2 chest', 'chest width'). */
  half: boolean;
  values: (CellValue | null)[];
}

export interface TableReading {
  orientation: 'rows' | 'columns';
  labels: string[];
  lines: MeasureLine[];
  /** Every header text, joined: context for unit and body/garment. */
  headerText: string;
  /** How many values were read: which orientation fits better. */
  valueCount: number;
}

const MAX_HEADER_LINES = 3;

function transpose(grid: string[][]): string[][] {
  const width = grid[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => grid.map((row) => row[c] ?? ''));
}

/** Read `grid` with sizes as rows: leading rows without values are headers, one column holds size labels. */
function readSizesAsRows(grid: string[][], orientation: TableReading['orientation']): TableReading | null {
  let h = 0;
  while (h < Math.min(MAX_HEADER_LINES, grid.length) && grid[h].every((c) => !parseMeasureCell(c))) h++;
  if (h === 0 || h >= grid.length) return null;
  const width = grid[0].length;
  const headers = Array.from({ length: width }, (_, j) => [...new Set(grid.slice(0, h).map((row) => row[j]).filter(Boolean))].join(' '));

  let labelCol = -1;
  let best = 0;
  for (let j = 0; j < width; j++) {
    if (measureOfHeader(headers[j]) && !isSizeHeader(headers[j])) continue;
    const numeric = isSizeHeader(headers[j]);
    const count = grid.slice(h).filter((row) => isSizeLabel(row[j], numeric)).length;
    if (count > best) {
      best = count;
      labelCol = j;
    }
  }
  if (best < 2) return null;
  const numericLabels = isSizeHeader(headers[labelCol]);
  const rows = grid.slice(h).filter((row) => isSizeLabel(row[labelCol], numericLabels));
  const seen = new Set<string>();
  const unique = rows.filter((row) => {
    const key = row[labelCol].replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const lines: MeasureLine[] = [];
  for (let j = 0; j < width; j++) {
    if (j === labelCol) continue;
    const measure = measureOfHeader(headers[j]);
    if (!measure || measure === 'other') continue;
    const values = unique.map((row) => parseMeasureCell(row[j]));
    if (values.every((v) => v === null)) continue;
    lines.push({ measure, header: headers[j], unit: unitOfText(headers[j]), half: isHalfMeasureHeader(headers[j]), values });
  }
  const valueCount = lines.reduce((n, l) => n + l.values.filter(Boolean).length, 0);
  if (lines.length === 0) return null;
  return {
    orientation,
    labels: unique.map((row) => row[labelCol].replace(/\s+/g, ' ').trim()),
    lines,
    headerText: headers.filter(Boolean).join(' | '),
    valueCount,
  };
}

/**
 * A grid read as a size chart in whichever orientation reads more values; null when
 * it has fewer than two size labels or no measure we know (a spec table, a stock table).
 *
 * @example
 * readGrid([['Size', 'Chest'], ['S', '88'], ['M', '94']])?.labels // → ['S', 'M']
 */
export function readGrid(grid: string[][]): TableReading | null {
  if (grid.length < 2 || (grid[0]?.length ?? 0) < 2) return null;
  const asRows = readSizesAsRows(grid, 'rows');
  const asColumns = readSizesAsRows(transpose(grid), 'columns');
  if (!asRows) return asColumns;
  if (!asColumns) return asRows;
  return asColumns.valueCount > asRows.valueCount ? asColumns : asRows;
}
