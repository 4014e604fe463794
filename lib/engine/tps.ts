/**
 * Thin-plate spline: the smoothest 2D mapping that takes given source points
 * exactly (or, with regularisation, nearly) to given target points.
 */
export type Pair = { from: [number, number]; to: [number, number] };

export interface ThinPlateSpline {
  /** Maps a point of the source plane to the target plane. */
  map(x: number, y: number): [number, number];
}

function kernel(r2: number): number {
  return r2 <= 1e-12 ? 0 : r2 * Math.log(r2) * 0.5; // r² log r
}

/**
 * Fits a spline through the pairs. `lambda` > 0 trades exactness for smoothness
 * (in squared pixels of bending; 0 = interpolate exactly).
 * @example const tps = fitTps([{ from: [0, 0], to: [10, 5] }, ...]); const [u, v] = tps.map(3, 4);
 */
export function fitTps(pairs: Pair[], lambda = 0): ThinPlateSpline {
  const n = pairs.length;
  if (n < 3) throw new Error(`Expected at least 3 point pairs for a thin-plate spline but received ${n}.`);
  // Normalise coordinates for conditioning.
  let mx = 0, my = 0;
  for (const p of pairs) { mx += p.from[0] / n; my += p.from[1] / n; }
  let sc = 0;
  for (const p of pairs) sc = Math.max(sc, Math.abs(p.from[0] - mx), Math.abs(p.from[1] - my));
  sc = sc || 1;
  const px = pairs.map((p) => (p.from[0] - mx) / sc), py = pairs.map((p) => (p.from[1] - my) / sc);
  const size = n + 3;
  const A: number[][] = Array.from({ length: size }, () => new Array(size).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) A[i][j] = kernel((px[i] - px[j]) ** 2 + (py[i] - py[j]) ** 2);
    A[i][i] += lambda / (sc * sc);
    A[i][n] = A[n][i] = 1;
    A[i][n + 1] = A[n + 1][i] = px[i];
    A[i][n + 2] = A[n + 2][i] = py[i];
  }
  const bx = new Array(size).fill(0), by = new Array(size).fill(0);
  for (let i = 0; i < n; i++) { bx[i] = pairs[i].to[0]; by[i] = pairs[i].to[1]; }
  const wx = solve(A.map((r) => r.slice()), bx), wy = solve(A.map((r) => r.slice()), by);
  return {
    map(x: number, y: number): [number, number] {
      const qx = (x - mx) / sc, qy = (y - my) / sc;
      let u = wx[n] + wx[n + 1] * qx + wx[n + 2] * qy;
      let v = wy[n] + wy[n + 1] * qx + wy[n + 2] * qy;
      for (let i = 0; i < n; i++) {
        const k = kernel((qx - px[i]) ** 2 + (qy - py[i]) ** 2);
        u += wx[i] * k;
        v += wy[i] * k;
      }
      return [u, v];
    },
  };
}

/** Gaussian elimination with partial pivoting (the systems are tiny). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    if (Math.abs(A[piv][c]) < 1e-12) throw new Error('Expected distinct control points for the thin-plate spline but some coincide.');
    [A[c], A[piv]] = [A[piv], A[c]];
    [b[c], b[piv]] = [b[piv], b[c]];
    for (let r = c + 1; r < n; r++) {
      const f = A[r][c] / A[c][c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) A[r][k] -= f * A[c][k];
      b[r] -= f * b[c];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= A[r][k] * x[k];
    x[r] = s / A[r][r];
  }
  return x;
}
