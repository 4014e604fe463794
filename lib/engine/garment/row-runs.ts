/**
 * The runs of a garment mask along one row: how a garment's outline is read
 * row by row (legs apart, sleeves beside a skirt, a skirt's hem, a side under a hand).
 */

/**
 * Runs of garment pixels (mask at least 0.5) on row y between x0 and x1, as
 * [left, right] pairs, ignoring specks narrower than `minRun`.
 * @example rowRuns(mask.data, mask.width, 300, 0, mask.width - 1, 4); // [[120, 260], [300, 440]]
 */
export function rowRuns(data: Float32Array, w: number, y: number, x0: number, x1: number, minRun: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let x = x0; x <= x1 + 1; x++) {
    const on = x <= x1 && data[y * w + x] >= 0.5;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      if (x - start >= minRun) runs.push([start, x - 1]);
      start = -1;
    }
  }
  return runs;
}

/**
 * The first and last pixel on row y whose value is over `above`, or null when none is.
 * @example rowExtent(mask.data, mask.width, 300, 0.5); // [120, 440]
 */
export function rowExtent(data: Float32Array, w: number, y: number, above: number): [number, number] | null {
  let l = -1, r = -1;
  for (let x = 0, i = y * w; x < w; x++, i++) if (data[i] > above) { if (l < 0) l = x; r = x; }
  return l < 0 ? null : [l, r];
}
