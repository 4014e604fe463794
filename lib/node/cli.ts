/**
 * What every command-line tool shares: bad input ends the run with exit code 2
 * and one line on stderr saying what was wrong.
 */
import { isFitroomError } from '../engine/errors';

export class UsageError extends Error {}

/**
 * Runs `main`; FitroomError and UsageError become one stderr line and exit code 2.
 * @example runCli(async () => { ... });
 */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (e: unknown) => {
      if (isFitroomError(e) || e instanceof UsageError) {
        process.stderr.write(`${(e as Error).message}\n`);
        process.exit(2);
      }
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}

/** Round numbers for JSON output (pixels to 0.1, scores to 0.001). */
export function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
