/**
 * Drawing a deformed mesh: each output pixel inside a deformed triangle learns
 * which source point (in the mesh's rest coordinates) it shows, by barycentric
 * interpolation. Pixel centres are at integer coordinates, as everywhere in
 * the engine.
 *
 * Inside tests run on vertex positions snapped to 1/SUBPIXEL px in exact
 * integer arithmetic, with the top-left rule for pixel centres on an edge, so
 * triangles sharing an edge draw each pixel along it once, never twice or not
 * at all. The source point is interpolated from the unsnapped positions.
 */
import { FitroomError } from '../errors';
import type { Mesh } from './mesh';
import { checkPositions, signedArea, triangleCount } from './mesh';

// Tunables
/** Inside tests on a 1/16 px grid: fine enough for pixel decisions, coarse enough that edge products stay exact in doubles up to FAR. */
const SUBPIXEL = 16;
/** Triangles with a vertex farther than this (px) from the origin are skipped: their edge tests would no longer be exact (8·(FAR·SUBPIXEL)² < 2^53). */
const FAR = 1 << 21;

export interface RasterizeOptions {
  /** Which triangles to draw: a list of indices, or a test per index (default all). */
  triangles?: Iterable<number> | ((t: number) => boolean);
}

/**
 * Calls `visit(pixel, u, v, triangle)` for each pixel centre of the width x height
 * image inside a deformed triangle, with pixel = y * width + x and (u, v) the
 * matching rest point. Degenerate triangles are skipped; turned-over ones are
 * drawn like the others (see flippedTriangles).
 * @example
 * rasterizeMesh(mesh, deformed, 768, 1024, (i, u, v) => {
 *   out.data[i * 4] = sampleRgba(garment, u, v, 0);
 * });
 */
export function rasterizeMesh(
  mesh: Mesh,
  deformed: Float64Array,
  width: number,
  height: number,
  visit: (pixel: number, u: number, v: number, triangle: number) => void,
  options: RasterizeOptions = {},
): void {
  checkPositions(mesh, deformed, 'the deformed positions');
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new FitroomError('bad-argument', `Expected a positive integer width and height to draw into but received ${width}x${height}.`);
  }
  const T = triangleCount(mesh);
  const which = options.triangles;
  if (which === undefined || typeof which === 'function') {
    for (let t = 0; t < T; t++) if (which === undefined || which(t)) drawTriangle(mesh, deformed, width, height, visit, t);
  } else {
    for (const t of which) {
      if (!Number.isInteger(t) || t < 0 || t >= T) throw new FitroomError('bad-argument', `Expected triangle indices in [0, ${T}) but received ${t}.`);
      drawTriangle(mesh, deformed, width, height, visit, t);
    }
  }
}

function drawTriangle(
  mesh: Mesh, p: Float64Array, width: number, height: number,
  visit: (pixel: number, u: number, v: number, triangle: number) => void, t: number,
): void {
  const tri = mesh.triangles, r = mesh.rest;
  const i0 = 2 * tri[3 * t], i1 = 2 * tri[3 * t + 1], i2 = 2 * tri[3 * t + 2];
  const ax = p[i0], ay = p[i0 + 1], bx = p[i1], by = p[i1 + 1], cx = p[i2], cy = p[i2 + 1];
  if (!(Math.max(Math.abs(ax), Math.abs(ay), Math.abs(bx), Math.abs(by), Math.abs(cx), Math.abs(cy)) < FAR)) return;

  // the affine map from deformed to rest, from the unsnapped positions
  const det = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  if (det === 0) return;
  const ru0 = r[i0], rv0 = r[i0 + 1];
  const du1 = r[i1] - ru0, dv1 = r[i1 + 1] - rv0, du2 = r[i2] - ru0, dv2 = r[i2 + 1] - rv0;
  // λ1 = ((x − ax)(cy − ay) − (y − ay)(cx − ax)) / det, λ2 = ((bx − ax)(y − ay) − (by − ay)(x − ax)) / det
  const l1x = (cy - ay) / det, l1y = -(cx - ax) / det, l2x = -(by - ay) / det, l2y = (bx - ax) / det;
  const ux = du1 * l1x + du2 * l2x, uy = du1 * l1y + du2 * l2y, vx = dv1 * l1x + dv2 * l2x, vy = dv1 * l1y + dv2 * l2y;

  // snapped positions for the inside tests; a turned-over triangle is walked the other way round
  let Ax = Math.round(ax * SUBPIXEL), Ay = Math.round(ay * SUBPIXEL);
  let Bx = Math.round(bx * SUBPIXEL), By = Math.round(by * SUBPIXEL);
  let Cx = Math.round(cx * SUBPIXEL), Cy = Math.round(cy * SUBPIXEL);
  const area = (Bx - Ax) * (Cy - Ay) - (By - Ay) * (Cx - Ax);
  if (area === 0) return;
  if (area < 0) {
    [Bx, Cx] = [Cx, Bx];
    [By, Cy] = [Cy, By];
  }
  // top-left rule for this orientation (inside to the right of each edge as seen on screen):
  // an edge owns the pixel centres on it when it runs up the screen, or exactly rightwards
  const own = (dx: number, dy: number): number => (dy < 0 || (dy === 0 && dx > 0) ? 0 : 1);
  const o0 = own(Cx - Bx, Cy - By), o1 = own(Ax - Cx, Ay - Cy), o2 = own(Bx - Ax, By - Ay);

  const x0 = Math.max(0, Math.ceil(Math.min(Ax, Bx, Cx) / SUBPIXEL)), x1 = Math.min(width - 1, Math.floor(Math.max(Ax, Bx, Cx) / SUBPIXEL));
  const y0 = Math.max(0, Math.ceil(Math.min(Ay, By, Cy) / SUBPIXEL)), y1 = Math.min(height - 1, Math.floor(Math.max(Ay, By, Cy) / SUBPIXEL));
  if (x0 > x1 || y0 > y1) return;
  for (let y = y0; y <= y1; y++) {
    const Py = y * SUBPIXEL;
    // edge functions at the row's first pixel, then stepped along the row (exact integers)
    const X = x0 * SUBPIXEL;
    let w0 = (Cx - Bx) * (Py - By) - (Cy - By) * (X - Bx);
    let w1 = (Ax - Cx) * (Py - Cy) - (Ay - Cy) * (X - Cx);
    let w2 = (Bx - Ax) * (Py - Ay) - (By - Ay) * (X - Ax);
    const s0 = -(Cy - By) * SUBPIXEL, s1 = -(Ay - Cy) * SUBPIXEL, s2 = -(By - Ay) * SUBPIXEL;
    const row = y * width;
    for (let x = x0; x <= x1; x++, w0 += s0, w1 += s1, w2 += s2) {
      if (w0 < o0 || w1 < o1 || w2 < o2) continue;
      const dx = x - ax, dy = y - ay;
      visit(row + x, ru0 + ux * dx + uy * dy, rv0 + vx * dx + vy * dy, t);
    }
  }
}

/**
 * The triangles the deformation turned over or collapsed: deformed signed area
 * zero or of the other sign than at rest.
 * @example if (flippedTriangles(mesh, deformed).length > 0) console.warn('the sleeve folded');
 */
export function flippedTriangles(mesh: Mesh, deformed: Float64Array): number[] {
  checkPositions(mesh, deformed, 'the deformed positions');
  const out: number[] = [];
  const T = triangleCount(mesh);
  for (let t = 0; t < T; t++) {
    const before = signedArea(mesh.rest, mesh, t);
    if (before === 0) continue;
    if (signedArea(deformed, mesh, t) * Math.sign(before) <= 0) out.push(t);
  }
  return out;
}
