/**
 * Times the stages of one request into a plain record (stage name → ms, one decimal),
 * which replies carry so slow stages can be found from the popup or the overlay.
 */

/** Stage name → milliseconds, as replies carry them. */
export type StageTimings = Record<string, number>;

export interface StageTimer {
  /** Runs `fn` and records its duration under `name`, whether it succeeds or throws. */
  timed<T>(timings: StageTimings, name: string, fn: () => Promise<T>): Promise<T>;
  /** Milliseconds since `t0` (a reading of the same clock), to one decimal. */
  since(t0: number): number;
  /** The clock's current reading. */
  now(): number;
}

/**
 * A timer on the given clock (performance.now by default).
 * @example
 *   const timer = createStageTimer();
 *   const image = await timer.timed(timings, 'decode', () => decode(bytes));
 */
export function createStageTimer(now: () => number = () => performance.now()): StageTimer {
  const since = (t0: number) => Math.round((now() - t0) * 10) / 10;
  return {
    async timed(timings, name, fn) {
      const t0 = now();
      try {
        return await fn();
      } finally {
        timings[name] = since(t0);
      }
    },
    since,
    now,
  };
}
