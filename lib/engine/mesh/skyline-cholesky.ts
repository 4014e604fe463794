/**
 * Cholesky factorisation A = L Lᵀ of a sparse symmetric positive definite
 * matrix kept in skyline (envelope, profile) storage: row i holds its entries
 * from its first non-zero column up to the diagonal, contiguous. Cholesky
 * fills nothing outside that envelope, so the factor overwrites the matrix in
 * place, and the work is about Σ (row length)² / 2 — small when the unknowns
 * are numbered so that neighbours are close (a mesh numbered in grid order).
 *
 * Plain typed arrays, no dependencies: meant for the mesh deformation's
 * systems of a few thousand unknowns, factored once and solved many times.
 */
import { FitroomError } from '../errors';

/** The lower triangle of a symmetric matrix, row by row within each row's envelope. */
export interface SkylineMatrix {
  /** Number of rows (and columns). */
  n: number;
  /** The column of the first stored entry of each row; first[i] <= i. */
  first: Int32Array;
  /** Where each row starts in `values` (length n + 1); row i holds columns first[i]..i. */
  start: Int32Array;
  /** The stored entries; after factorSkyline, the entries of L. */
  values: Float64Array;
  /** True once factorSkyline has replaced the entries by L. */
  factored: boolean;
}

/**
 * An all-zero matrix whose row i may hold entries in columns first[i]..i.
 * @example const m = createSkyline([0, 0, 1]); // a tridiagonal 3x3
 */
export function createSkyline(first: ArrayLike<number>): SkylineMatrix {
  const n = first.length;
  const f = new Int32Array(n);
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const c = first[i];
    if (!Number.isInteger(c) || c < 0 || c > i) {
      throw new FitroomError('bad-argument', `Expected the first column of row ${i} to be an integer in [0, ${i}] but received ${c}.`);
    }
    f[i] = c;
    start[i + 1] = start[i] + (i - c + 1);
  }
  return { n, first: f, start, values: new Float64Array(start[n]), factored: false };
}

/**
 * Adds `v` to entry (i, j) and, the matrix being symmetric, to (j, i): one stored entry.
 * @example addSkyline(m, 2, 1, -0.5); // m[2][1] and m[1][2] each 0.5 smaller
 */
export function addSkyline(m: SkylineMatrix, i: number, j: number, v: number): void {
  if (i < j) { const k = i; i = j; j = k; }
  if (i >= m.n || j < 0 || j < m.first[i]) {
    throw new FitroomError('bad-argument', `Expected entry (${i}, ${j}) inside the matrix's envelope (row ${i} starts at column ${m.first[i]}) but it lies outside.`);
  }
  m.values[m.start[i] + j - m.first[i]] += v;
}

/** The entry (i, j) (0 outside the envelope). @example const d = skylineEntry(m, 3, 3); */
export function skylineEntry(m: SkylineMatrix, i: number, j: number): number {
  if (i < j) { const k = i; i = j; j = k; }
  return j < m.first[i] ? 0 : m.values[m.start[i] + j - m.first[i]];
}

/**
 * Replaces the matrix by its Cholesky factor L (lower triangular, same envelope), in place.
 * Throws when a pivot is not positive: the matrix was not positive definite.
 * @example factorSkyline(m); const x = solveSkyline(m, b);
 */
export function factorSkyline(m: SkylineMatrix): SkylineMatrix {
  if (m.factored) throw new FitroomError('bad-argument', 'Expected a matrix not yet factored but this one already holds its Cholesky factor.');
  const { n, first, start, values: a } = m;
  for (let i = 0; i < n; i++) {
    const fi = first[i], si = start[i] - fi; // a[si + c] is entry (i, c)
    for (let j = fi; j < i; j++) {
      // L_ij = (A_ij − Σ_k L_ik L_jk) / L_jj over the columns both rows hold
      const fj = first[j], sj = start[j] - fj;
      // four running sums: the loop is most of the work, and independent sums pipeline
      let s0 = a[si + j], s1 = 0, s2 = 0, s3 = 0;
      let k = fi > fj ? fi : fj;
      for (; k + 3 < j; k += 4) {
        s0 -= a[si + k] * a[sj + k];
        s1 -= a[si + k + 1] * a[sj + k + 1];
        s2 -= a[si + k + 2] * a[sj + k + 2];
        s3 -= a[si + k + 3] * a[sj + k + 3];
      }
      for (; k < j; k++) s0 -= a[si + k] * a[sj + k];
      a[si + j] = (s0 + s1 + s2 + s3) / a[sj + j];
    }
    let d = a[si + i];
    for (let k = fi; k < i; k++) d -= a[si + k] * a[si + k];
    if (!(d > 0)) {
      throw new FitroomError('bad-argument', `Expected a symmetric positive definite matrix but the pivot of row ${i} is ${d}.`);
    }
    a[si + i] = Math.sqrt(d);
  }
  m.factored = true;
  return m;
}

/**
 * Solves A x = b with a factored matrix (forward then backward substitution).
 * `out` may be `b` itself.
 * @example const x = solveSkyline(factorSkyline(m), b);
 */
export function solveSkyline(m: SkylineMatrix, b: ArrayLike<number>, out = new Float64Array(m.n)): Float64Array {
  if (!m.factored) throw new FitroomError('bad-argument', 'Expected a factored matrix (call factorSkyline first) but this one holds the matrix itself.');
  const { n, first, start, values: a } = m;
  if (b.length !== n || out.length !== n) {
    throw new FitroomError('bad-argument', `Expected a right-hand side and result of length ${n} but received ${b.length} and ${out.length}.`);
  }
  // L y = b, row by row
  for (let i = 0; i < n; i++) {
    const fi = first[i], si = start[i] - fi;
    let s = b[i];
    for (let k = fi; k < i; k++) s -= a[si + k] * out[k];
    out[i] = s / a[si + i];
  }
  // Lᵀ x = y: column i of Lᵀ is row i of L, so subtract each solved value from the rows above
  for (let i = n - 1; i >= 0; i--) {
    const fi = first[i], si = start[i] - fi;
    const xi = (out[i] /= a[si + i]);
    for (let k = fi; k < i; k++) out[k] -= a[si + k] * xi;
  }
  return out;
}

/**
 * Solves A x = bx and A y = by at once, in place (one pass over the factor for both,
 * as the deformation solves its x and y coordinates with one matrix).
 * @example solveSkylinePair(factor, xs, ys); // xs, ys now hold the solutions
 */
export function solveSkylinePair(m: SkylineMatrix, x: Float64Array, y: Float64Array): void {
  if (!m.factored) throw new FitroomError('bad-argument', 'Expected a factored matrix (call factorSkyline first) but this one holds the matrix itself.');
  const { n, first, start, values: a } = m;
  if (x.length !== n || y.length !== n) {
    throw new FitroomError('bad-argument', `Expected two right-hand sides of length ${n} but received ${x.length} and ${y.length}.`);
  }
  for (let i = 0; i < n; i++) {
    const fi = first[i], si = start[i] - fi;
    // two running sums per coordinate, as in factorSkyline
    let sx = x[i], sy = y[i], tx = 0, ty = 0;
    let k = fi;
    for (; k + 1 < i; k += 2) {
      const l0 = a[si + k], l1 = a[si + k + 1];
      sx -= l0 * x[k];
      sy -= l0 * y[k];
      tx -= l1 * x[k + 1];
      ty -= l1 * y[k + 1];
    }
    if (k < i) {
      sx -= a[si + k] * x[k];
      sy -= a[si + k] * y[k];
    }
    const d = a[si + i];
    x[i] = (sx + tx) / d;
    y[i] = (sy + ty) / d;
  }
  for (let i = n - 1; i >= 0; i--) {
    const fi = first[i], si = start[i] - fi;
    const d = a[si + i];
    const xi = (x[i] /= d), yi = (y[i] /= d);
    for (let k = fi; k < i; k++) {
      const l = a[si + k];
      x[k] -= l * xi;
      y[k] -= l * yi;
    }
  }
}
