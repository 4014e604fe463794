/**
 * The skyline Cholesky solver against a dense solve of the same system.
 */
import { describe, expect, it } from 'vitest';
import { addSkyline, createSkyline, factorSkyline, skylineEntry, solveSkyline, solveSkylinePair } from '../../../lib/engine/mesh/skyline-cholesky';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Dense Gaussian elimination with partial pivoting. */
function denseSolve(a: number[][], b: number[]): number[] {
  const n = b.length, m = a.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

/** A random SPD matrix with a ragged envelope (each row reaching back 0–12 columns), as dense and as skyline. */
function randomBanded(n: number, seed: number) {
  const rnd = random(seed);
  const first = Array.from({ length: n }, (_, i) => Math.max(0, i - Math.floor(rnd() * 13)));
  const dense = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const sky = createSkyline(first);
  for (let i = 0; i < n; i++) {
    for (let j = first[i]; j < i; j++) {
      if (rnd() < 0.3) continue; // holes inside the envelope, which the factor fills
      const v = rnd() * 2 - 1;
      dense[i][j] += v; dense[j][i] += v;
      addSkyline(sky, i, j, v);
    }
  }
  // diagonal dominance makes it positive definite
  for (let i = 0; i < n; i++) {
    const d = dense[i].reduce((s, v) => s + Math.abs(v), 0) + 0.5 + rnd();
    dense[i][i] += d;
    addSkyline(sky, i, i, d);
  }
  return { dense, sky };
}

describe('skyline Cholesky', () => {
  it('solves a random banded SPD system as a dense solve does', () => {
    const n = 120;
    const { dense, sky } = randomBanded(n, 7);
    expect(skylineEntry(sky, 5, 5)).toBe(dense[5][5]);
    const rnd = random(11);
    const b = Array.from({ length: n }, () => rnd() * 10 - 5);
    const want = denseSolve(dense, b);
    factorSkyline(sky);
    const got = solveSkyline(sky, b);
    // 1e-9: the system is well conditioned (diagonally dominant), so both solves agree to near machine precision
    for (let i = 0; i < n; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-9);
    // and the pair solve gives the same for two right-hand sides at once
    const x = Float64Array.from(b), y = Float64Array.from(b, (v) => -2 * v);
    solveSkylinePair(sky, x, y);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(x[i] - want[i])).toBeLessThan(1e-9);
      expect(Math.abs(y[i] + 2 * want[i])).toBeLessThan(1e-9);
    }
  });

  it('refuses a matrix that is not positive definite, naming the row', () => {
    const m = createSkyline([0, 0]);
    addSkyline(m, 0, 0, 1);
    addSkyline(m, 1, 0, 2);
    addSkyline(m, 1, 1, 1); // [[1, 2], [2, 1]] has a negative eigenvalue
    expect(() => factorSkyline(m)).toThrow(/pivot of row 1/);
  });

  it('refuses an entry outside the envelope', () => {
    const m = createSkyline([0, 1, 1]);
    expect(() => addSkyline(m, 2, 0, 1)).toThrow(/envelope/);
  });
});
