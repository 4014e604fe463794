/**
 * Where body measurements from a portrait photo will plug into the size CLI. The
 * portrait-measurement feature sets this to its function; until then it is null
 * and `--portrait` fails with a message saying so.
 */
import type { BodyMeasures } from './recommend';

/** Measure the person in a portrait photo file; resolves to measurements in cm with confidences. */
export type PortraitMeasurer = (file: string) => Promise<BodyMeasures>;

export const measurePortrait: PortraitMeasurer | null = null;
