/**
 * k-means on RGB colours with a deterministic start, so the same photo always
 * gives the same clusters (review numbers must not move between runs).
 */
import type { Rgb } from './pixels';

/** Lloyd's iterations stop here at the latest; colour clusters settle in a handful. */
export const MAX_ITERATIONS = 30;

export interface ColourCluster {
  centre: Rgb;
  /** How many samples the cluster holds. */
  count: number;
}

/**
 * Clusters `samples` (RGB triples, flat: r, g, b, r, g, b, ...) into at most `k` colours. Starts from the
 * sample nearest the mean, then adds the sample farthest from every chosen centre (fewer centres when
 * the samples hold fewer distinct colours). Clusters come back largest first; none for no samples.
 * @example kmeans(new Float32Array([0, 0, 0, 255, 255, 255]), 4); // two clusters of one sample each
 */
export function kmeans(samples: ArrayLike<number>, k: number): ColourCluster[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`Expected k a positive integer but received ${k}.`);
  if (samples.length % 3) throw new RangeError(`Expected RGB triples but received ${samples.length} numbers.`);
  const n = samples.length / 3;
  if (n === 0) return [];
  const dist2 = (i: number, c: Rgb) => {
    const r = samples[i * 3] - c[0], g = samples[i * 3 + 1] - c[1], b = samples[i * 3 + 2] - c[2];
    return r * r + g * g + b * b;
  };
  const at = (i: number): Rgb => [samples[i * 3], samples[i * 3 + 1], samples[i * 3 + 2]];
  const mean: Rgb = [0, 0, 0];
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) mean[c] += samples[i * 3 + c] / n;
  let first = 0;
  for (let i = 1; i < n; i++) if (dist2(i, mean) < dist2(first, mean)) first = i;
  const centres: Rgb[] = [at(first)];
  const nearest = new Float64Array(n).fill(Infinity);
  while (centres.length < k) {
    let far = -1, farD = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], dist2(i, centres[centres.length - 1]));
      if (nearest[i] > farD) { farD = nearest[i]; far = i; }
    }
    if (far < 0) break; // every sample sits on a centre already
    centres.push(at(far));
  }
  const assign = new Int32Array(n).fill(-1);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < centres.length; c++) if (dist2(i, centres[c]) < dist2(i, centres[best])) best = c;
      if (assign[i] !== best) { assign[i] = best; moved = true; }
    }
    if (!moved) break;
    const sums = centres.map(() => [0, 0, 0, 0]);
    for (let i = 0; i < n; i++) {
      const s = sums[assign[i]];
      s[0] += samples[i * 3]; s[1] += samples[i * 3 + 1]; s[2] += samples[i * 3 + 2]; s[3]++;
    }
    sums.forEach((s, c) => { if (s[3]) centres[c] = [s[0] / s[3], s[1] / s[3], s[2] / s[3]]; });
  }
  const counts = new Array<number>(centres.length).fill(0);
  for (let i = 0; i < n; i++) counts[assign[i]]++;
  return centres.map((centre, c) => ({ centre, count: counts[c] })).filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
}
