/**
 * Stage timings for an engine step: each `lap(name)` records the time since the
 * previous lap (or the start) under that name.
 */

export interface Stopwatch {
  /** Milliseconds per stage, in the order the laps were taken. */
  timingsMs: Record<string, number>;
  lap(name: string): void;
}

/**
 * @param timingsMs where the laps go (a caller's record to add to), else a new one.
 * @example const { timingsMs, lap } = stopwatch(); decode(); lap('decode'); // timingsMs.decode ≈ 12.3
 */
export function stopwatch(timingsMs: Record<string, number> = {}): Stopwatch {
  let t = performance.now();
  return {
    timingsMs,
    lap(name) {
      const now = performance.now();
      timingsMs[name] = now - t;
      t = now;
    },
  };
}
