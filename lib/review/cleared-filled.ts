/**
 * Where the old garment was cleared and filled (skin or backdrop) and the new
 * garment does not cover it: painted body or backdrop the shopper never showed.
 */
import type { TryOnLayers } from '../engine/index';
import { assertSameSize } from './pixels';

/** A pixel counts as cleared, and as covered by the new garment, from half strength up. */
export const HALF = 0.5;

/**
 * Pixels with `cleared >= 0.5` and `coverage < 0.5`.
 * @example clearedFilled(result.layers); // 0 when every cleared pixel is under the new garment
 */
export function clearedFilled(layers: Pick<TryOnLayers, 'cleared' | 'coverage'>): number {
  const { cleared, coverage } = layers;
  assertSameSize(cleared, coverage, 'the cleared and coverage layers');
  let n = 0;
  for (let i = 0; i < cleared.data.length; i++) if (cleared.data[i] >= HALF && coverage.data[i] < HALF) n++;
  return n;
}
