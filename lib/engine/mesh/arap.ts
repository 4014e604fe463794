/**
 * As-rigid-as-possible deformation of a triangle mesh pulled by handles
 * (Igarashi, Moscovich & Hughes 2005), solved by the local/global iteration of
 * Sorkine & Alexa 2007 in the per-triangle form of Liu et al. 2008 ("A
 * local/global approach to mesh parameterization").
 *
 * Energy, minimised over the vertex positions x and one rotation R_t per triangle:
 *
 *   Σ_t area_t ‖J_t − R_t‖²_F  +  Σ_h weight_h ‖Σ_k bary_hk x_hk − target_h‖²
 *
 * J_t is the linear map taking triangle t's rest shape M_t r (its rest transform
 * applied, when given) to its deformed shape. Over edges this is
 * ½ Σ_t Σ_edges cot θ ‖(x_i − x_j) − R_t M_t (r_i − r_j)‖², θ the angle facing the
 * edge in the triangle's own rest shape M_t r: the area-weighted edge sum with
 * w = cot θ / (2 area_t).
 *
 * Weights: cotangent, per triangle, not clamped. A cotangent is negative on an
 * obtuse triangle, yet each triangle's three edge terms together are exactly
 * area_t ‖J_t − R_t‖²_F, never negative; so the global matrix (a sum of those
 * per-triangle forms) is positive semi-definite, and definite with handles.
 * Negative weights only hurt the vertex-star form of ARAP, where one rotation
 * serves triangles of several shapes; here each triangle has its own rotation
 * and its own frame (Liu et al.). Clamping would make obtuse triangles — many,
 * once a rest transform stretches a part — stiffer in some directions than others.
 *
 * Start: the triangles all turned by the handles' best similarity fit (one
 * global step), then the linear as-similar-as-possible solution (Igarashi
 * 2005's first step: each triangle as near as possible to a turned and scaled
 * copy of its rest shape, which turns a sleeve by 60–90° in one linear solve)
 * by conjugate gradients preconditioned with the global step's own factor —
 * a few steps instead of a second factorisation, of a system twice the size
 * and eight times the work. Then local steps (the rotation nearest each
 * triangle's map, closed-form 2x2 polar decomposition, reflections excluded)
 * alternate with global steps (one sparse symmetric positive definite solve for
 * x and y together with a matrix factored once).
 *
 * Limits: nothing in the energy forbids a triangle to turn over. Where the
 * handles squeeze a region — a sleeve turned 30–90° toward the body about its
 * shoulder point squashes the armpit; an elbow bent past about 100° squashes
 * its inside — a few triangles there flip (flippedTriangles names them).
 * On the tests' synthetic T-shirts, a sleeve turned up to 60° either way about
 * its armpit, or an elbow bent up to 90°, flips none (raised 90° about the
 * armpit, 2–5 flip at the shoulder).
 *
 * Handle weights are dimensionless: the rigidity term's stiffness is of order 1
 * whatever the mesh spacing, so weight 1 pulls about as hard as the sheet
 * resists, and 100 pins a point (it misses by about 1 % of the pull).
 */
import { FitroomError } from '../errors';
import type { Mesh, Pt } from './mesh';
import { checkPositions, triangleCount, vertexCount } from './mesh';
import type { SkylineMatrix } from './skyline-cholesky';
import { addSkyline, createSkyline, factorSkyline, solveSkylinePair } from './skyline-cholesky';

/** A soft positional constraint: the point at `bary` in `triangle` should go to `target`. */
export interface Handle {
  triangle: number;
  bary: [number, number, number];
  target: Pt;
  /** Strength, dimensionless (see above): 1 pulls about as hard as the sheet resists, 100 pins. */
  weight: number;
}

export interface ArapOptions {
  /** Local/global rounds after the start (default ITERATIONS; 0 returns the as-similar-as-possible start itself). */
  iterations?: number;
  /**
   * Per triangle a 2x2 matrix (a, b, c, d, row-major, 4 numbers per triangle) applied to
   * its rest shape before rigidity is measured, e.g. a sleeve 1.3x longer along its axis.
   * Each must have a positive determinant.
   */
  restTransforms?: Float64Array;
  /** Start the local/global rounds from these positions (x,y interleaved) instead of the as-similar-as-possible solution. */
  initial?: Float64Array;
}

// Tunables
/** Local/global rounds: from the as-similar-as-possible start, 10 leave synthetic sleeve turns of 60–90° and elbow bends within about 2 % of the converged energy. */
export const ITERATIONS = 10;
/** At most this many conjugate-gradient steps toward the as-similar-as-possible start: each costs about one global step. */
const SIMILAR_STEPS = 10;
/** ...stopping once the residual (preconditioned, squared) is this share of the first: a start only needs to be close, the rounds finish it. */
const SIMILAR_TOLERANCE = 1e-2;
/** Pull of every vertex toward its starting place: keeps a piece with no handle solvable, too weak to matter anywhere else. */
const ANCHOR = 1e-6;
/** A rest triangle with less area than this share of its longest edge squared is degenerate and left out of the energy. */
const DEGENERATE = 1e-9;

/**
 * Per triangle: c0, c1, c2 (half cotangents facing edges 0..2), e0, e1, e2 (edge k from
 * vertex k+1 to k+2, in the rest frame), area, and the gradients of the three
 * barycentric coordinates times √(area / 2) (for the as-similar-as-possible energy).
 */
const FRAME = 16;

/**
 * Deformed positions (x,y interleaved, one pair per vertex) of the mesh pulled by the handles.
 * @example
 * const at = pointLocation(mesh, wristInPhoto, 2)!;
 * const deformed = deformArap(mesh, [{ ...at, target: wristInPortrait, weight: 100 }, ...others]);
 */
export function deformArap(mesh: Mesh, handles: Handle[], options: ArapOptions = {}): Float64Array {
  const n = vertexCount(mesh), T = triangleCount(mesh);
  const iterations = options.iterations ?? ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 0) throw new FitroomError('bad-argument', `Expected a whole number of iterations >= 0 but received ${iterations}.`);
  checkHandles(mesh, handles);
  const init = options.initial;
  if (init !== undefined) checkPositions(mesh, init, 'the initial positions');
  const frames = restFrames(mesh, options.restTransforms);
  const fit = similarityFit(mesh, handles);

  // the global step's matrix: cotangent stiffness + handles + anchor, factored once
  const L = createSkyline(envelope(mesh));
  addStiffness(L, mesh, frames);
  addHandles(L, mesh, handles);
  for (let i = 0; i < n; i++) addSkyline(L, i, i, ANCHOR);
  factorSkyline(L);

  // the right-hand side's constant part: handles, and the anchor (at the given start,
  // else at the rest shape moved by the handles' best similarity)
  const baseX = new Float64Array(n), baseY = new Float64Array(n);
  for (const h of handles) {
    for (let k = 0; k < 3; k++) {
      const v = mesh.triangles[3 * h.triangle + k];
      baseX[v] += h.weight * h.bary[k] * h.target[0];
      baseY[v] += h.weight * h.bary[k] * h.target[1];
    }
  }
  for (let i = 0; i < n; i++) {
    const x = mesh.rest[2 * i], y = mesh.rest[2 * i + 1];
    baseX[i] += ANCHOR * (init !== undefined ? init[2 * i] : fit[0] * x - fit[1] * y + fit[2]);
    baseY[i] += ANCHOR * (init !== undefined ? init[2 * i + 1] : fit[1] * x + fit[0] * y + fit[3]);
  }

  const rot = new Float64Array(2 * T);
  const px = new Float64Array(n), py = new Float64Array(n);
  if (init !== undefined) {
    for (let i = 0; i < n; i++) { px[i] = init[2 * i]; py[i] = init[2 * i + 1]; }
  } else {
    const scale = Math.hypot(fit[0], fit[1]) || 1;
    for (let t = 0; t < T; t++) { rot[2 * t] = fit[0] / scale; rot[2 * t + 1] = fit[1] / scale; }
    globalStep(mesh, frames, rot, L, baseX, baseY, px, py);
    similarStart(mesh, handles, frames, L, baseX, baseY, px, py);
  }
  for (let it = 0; it < iterations; it++) {
    localStep(mesh, frames, px, py, rot);
    globalStep(mesh, frames, rot, L, baseX, baseY, px, py);
  }
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = px[i];
    out[2 * i + 1] = py[i];
  }
  return out;
}

/** Local step: per triangle the rotation (cos, sin) nearest the map from its rest edges to its deformed edges. */
function localStep(mesh: Mesh, frames: Float64Array, px: Float64Array, py: Float64Array, rot: Float64Array): void {
  const T = triangleCount(mesh), tri = mesh.triangles;
  for (let t = 0; t < T; t++) {
    const f = t * FRAME;
    if (frames[f + 9] === 0) continue;
    const v0 = tri[3 * t], v1 = tri[3 * t + 1], v2 = tri[3 * t + 2];
    const d0x = px[v2] - px[v1], d0y = py[v2] - py[v1];
    const d1x = px[v0] - px[v2], d1y = py[v0] - py[v2];
    const d2x = px[v1] - px[v0], d2y = py[v1] - py[v0];
    const c0 = frames[f], c1 = frames[f + 1], c2 = frames[f + 2];
    const e0x = frames[f + 3], e0y = frames[f + 4], e1x = frames[f + 5], e1y = frames[f + 6], e2x = frames[f + 7], e2y = frames[f + 8];
    // S = Σ c (deformed edge)(rest edge)ᵀ; the R maximising trace(Rᵀ S) has angle atan2(s10 − s01, s00 + s11): a rotation, never a reflection
    const s00 = c0 * d0x * e0x + c1 * d1x * e1x + c2 * d2x * e2x;
    const s01 = c0 * d0x * e0y + c1 * d1x * e1y + c2 * d2x * e2y;
    const s10 = c0 * d0y * e0x + c1 * d1y * e1x + c2 * d2y * e2x;
    const s11 = c0 * d0y * e0y + c1 * d1y * e1y + c2 * d2y * e2y;
    const rc = s00 + s11, rs = s10 - s01, norm = Math.hypot(rc, rs);
    rot[2 * t] = norm > 0 ? rc / norm : 1;
    rot[2 * t + 1] = norm > 0 ? rs / norm : 0;
  }
}

/** Global step: the positions minimising the energy for the triangles' rotations (x and y solved together). */
function globalStep(
  mesh: Mesh, frames: Float64Array, rot: Float64Array, L: SkylineMatrix,
  baseX: Float64Array, baseY: Float64Array, px: Float64Array, py: Float64Array,
): void {
  const T = triangleCount(mesh), tri = mesh.triangles;
  px.set(baseX);
  py.set(baseY);
  for (let t = 0; t < T; t++) {
    const f = t * FRAME;
    if (frames[f + 9] === 0) continue;
    const v0 = tri[3 * t], v1 = tri[3 * t + 1], v2 = tri[3 * t + 2];
    const cos = rot[2 * t], sin = rot[2 * t + 1];
    // each edge pulls its ends toward R times its rest vector
    const c0 = frames[f], c1 = frames[f + 1], c2 = frames[f + 2];
    const e0x = frames[f + 3], e0y = frames[f + 4], e1x = frames[f + 5], e1y = frames[f + 6], e2x = frames[f + 7], e2y = frames[f + 8];
    let gx = c0 * (cos * e0x - sin * e0y), gy = c0 * (sin * e0x + cos * e0y);
    px[v2] += gx; py[v2] += gy; px[v1] -= gx; py[v1] -= gy;
    gx = c1 * (cos * e1x - sin * e1y); gy = c1 * (sin * e1x + cos * e1y);
    px[v0] += gx; py[v0] += gy; px[v2] -= gx; py[v2] -= gy;
    gx = c2 * (cos * e2x - sin * e2y); gy = c2 * (sin * e2x + cos * e2y);
    px[v1] += gx; py[v1] += gy; px[v0] -= gx; py[v0] -= gy;
  }
  solveSkylinePair(L, px, py);
}

/**
 * Moves (x, y) toward the as-similar-as-possible solution: the minimiser of
 * Σ_t area_t ‖J_t − nearest similarity‖² = Σ_t area_t ((a − d)² + (b + c)²) / 2
 * for J_t = [a b; c d], plus the handles and the anchor. Its matrix couples x
 * and y; conjugate gradients need only products with it (triangle by triangle)
 * and solves with the global step's factor L, a close relative (the same
 * handles and anchor, the full ‖J_t‖² in place of the similarity defect).
 */
function similarStart(
  mesh: Mesh, handles: Handle[], frames: Float64Array, L: SkylineMatrix,
  bx: Float64Array, by: Float64Array, x: Float64Array, y: Float64Array,
): void {
  const n = vertexCount(mesh), T = triangleCount(mesh), tri = mesh.triangles;
  const product = (zx: Float64Array, zy: Float64Array, ox: Float64Array, oy: Float64Array): void => {
    for (let i = 0; i < n; i++) { ox[i] = ANCHOR * zx[i]; oy[i] = ANCHOR * zy[i]; }
    for (let t = 0; t < T; t++) {
      const f = t * FRAME;
      if (frames[f + 9] === 0) continue;
      const v0 = tri[3 * t], v1 = tri[3 * t + 1], v2 = tri[3 * t + 2];
      const gx0 = frames[f + 10], gy0 = frames[f + 11], gx1 = frames[f + 12], gy1 = frames[f + 13], gx2 = frames[f + 14], gy2 = frames[f + 15];
      // (a − d) and (b + c), each times √(area / 2)
      const u = gx0 * zx[v0] - gy0 * zy[v0] + gx1 * zx[v1] - gy1 * zy[v1] + gx2 * zx[v2] - gy2 * zy[v2];
      const w = gy0 * zx[v0] + gx0 * zy[v0] + gy1 * zx[v1] + gx1 * zy[v1] + gy2 * zx[v2] + gx2 * zy[v2];
      ox[v0] += gx0 * u + gy0 * w; oy[v0] += gx0 * w - gy0 * u;
      ox[v1] += gx1 * u + gy1 * w; oy[v1] += gx1 * w - gy1 * u;
      ox[v2] += gx2 * u + gy2 * w; oy[v2] += gx2 * w - gy2 * u;
    }
    for (const h of handles) {
      const a = tri[3 * h.triangle], b = tri[3 * h.triangle + 1], c = tri[3 * h.triangle + 2];
      const [ba, bb, bc] = h.bary, k = h.weight;
      const sx = k * (ba * zx[a] + bb * zx[b] + bc * zx[c]), sy = k * (ba * zy[a] + bb * zy[b] + bc * zy[c]);
      ox[a] += ba * sx; ox[b] += bb * sx; ox[c] += bc * sx;
      oy[a] += ba * sy; oy[b] += bb * sy; oy[c] += bc * sy;
    }
  };
  const rx = new Float64Array(n), ry = new Float64Array(n), zx = new Float64Array(n), zy = new Float64Array(n);
  const dx = new Float64Array(n), dy = new Float64Array(n), qx = new Float64Array(n), qy = new Float64Array(n);
  product(x, y, qx, qy);
  for (let i = 0; i < n; i++) { rx[i] = bx[i] - qx[i]; ry[i] = by[i] - qy[i]; }
  zx.set(rx); zy.set(ry);
  solveSkylinePair(L, zx, zy);
  dx.set(zx); dy.set(zy);
  let rz = dot(rx, zx) + dot(ry, zy);
  const rz0 = rz;
  for (let step = 0; step < SIMILAR_STEPS && rz > SIMILAR_TOLERANCE * rz0; step++) {
    product(dx, dy, qx, qy);
    const dq = dot(dx, qx) + dot(dy, qy);
    if (!(dq > 0)) break;
    const alpha = rz / dq;
    for (let i = 0; i < n; i++) {
      x[i] += alpha * dx[i]; y[i] += alpha * dy[i];
      rx[i] -= alpha * qx[i]; ry[i] -= alpha * qy[i];
    }
    zx.set(rx); zy.set(ry);
    solveSkylinePair(L, zx, zy);
    const next = dot(rx, zx) + dot(ry, zy), beta = next / rz;
    rz = next;
    for (let i = 0; i < n; i++) { dx[i] = zx[i] + beta * dx[i]; dy[i] = zy[i] + beta * dy[i]; }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Each triangle's rest shape in its own frame (after its rest transform): edge
 * vectors, half cotangent weights and area. Degenerate triangles get area 0.
 */
function restFrames(mesh: Mesh, transforms: Float64Array | undefined): Float64Array {
  const T = triangleCount(mesh), tri = mesh.triangles, r = mesh.rest;
  if (transforms !== undefined && transforms.length !== 4 * T) {
    throw new FitroomError('bad-argument', `Expected 4 rest-transform numbers per triangle (${4 * T}) but received ${transforms.length}.`);
  }
  const out = new Float64Array(T * FRAME);
  const q = new Float64Array(6);
  for (let t = 0; t < T; t++) {
    let a = 1, b = 0, c = 0, d = 1;
    if (transforms !== undefined) {
      a = transforms[4 * t]; b = transforms[4 * t + 1]; c = transforms[4 * t + 2]; d = transforms[4 * t + 3];
      const det = a * d - b * c;
      if (!(det > 0) || !Number.isFinite(det)) {
        throw new FitroomError('bad-argument', `Expected triangle ${t}'s rest transform to have a positive determinant but [${a}, ${b}, ${c}, ${d}] has ${det}.`);
      }
    }
    for (let k = 0; k < 3; k++) {
      const v = tri[3 * t + k];
      q[2 * k] = a * r[2 * v] + b * r[2 * v + 1];
      q[2 * k + 1] = c * r[2 * v] + d * r[2 * v + 1];
    }
    const f = t * FRAME;
    for (let k = 0; k < 3; k++) {
      const i = (k + 1) % 3, j = (k + 2) % 3;
      out[f + 3 + 2 * k] = q[2 * j] - q[2 * i];
      out[f + 4 + 2 * k] = q[2 * j + 1] - q[2 * i + 1];
    }
    const e0x = out[f + 3], e0y = out[f + 4], e1x = out[f + 5], e1y = out[f + 6], e2x = out[f + 7], e2y = out[f + 8];
    const twice = e2x * -e1y - e2y * -e1x; // (q1 − q0) × (q2 − q0)
    const longest = Math.max(e0x * e0x + e0y * e0y, e1x * e1x + e1y * e1y, e2x * e2x + e2y * e2y);
    if (!(twice > DEGENERATE * longest)) continue; // degenerate (or turned over in rest): no say in the shape
    // cotangent of the angle at vertex k, facing edge k: (q_{k+1} − q_k)·(q_{k+2} − q_k) / (2 area)
    out[f] = (0.5 * -(e2x * e1x + e2y * e1y)) / twice;
    out[f + 1] = (0.5 * -(e0x * e2x + e0y * e2y)) / twice;
    out[f + 2] = (0.5 * -(e1x * e0x + e1y * e0y)) / twice;
    out[f + 9] = 0.5 * twice;
    // ∇λ_k = perp(e_k) / (2 area), times √(area / 2)
    const g = Math.sqrt(0.25 * twice) / twice;
    for (let k = 0; k < 3; k++) {
      out[f + 10 + 2 * k] = -out[f + 4 + 2 * k] * g;
      out[f + 11 + 2 * k] = out[f + 3 + 2 * k] * g;
    }
  }
  return out;
}

/** For each vertex, the lowest-numbered vertex it shares a triangle with (or itself). */
function envelope(mesh: Mesh): Int32Array {
  const n = vertexCount(mesh), tri = mesh.triangles;
  const first = new Int32Array(n);
  for (let i = 0; i < n; i++) first[i] = i;
  for (let k = 0; k < tri.length; k += 3) {
    const lo = Math.min(tri[k], tri[k + 1], tri[k + 2]);
    for (let j = 0; j < 3; j++) if (first[tri[k + j]] > lo) first[tri[k + j]] = lo;
  }
  return first;
}

/** Adds each triangle's cotangent edge stiffness (the same for x and y). */
function addStiffness(L: SkylineMatrix, mesh: Mesh, frames: Float64Array): void {
  const tri = mesh.triangles, T = triangleCount(mesh);
  for (let t = 0; t < T; t++) {
    const f = t * FRAME;
    if (frames[f + 9] === 0) continue;
    for (let k = 0; k < 3; k++) {
      const c = frames[f + k], i = tri[3 * t + (k + 1) % 3], j = tri[3 * t + (k + 2) % 3];
      addSkyline(L, i, i, c);
      addSkyline(L, j, j, c);
      addSkyline(L, i, j, -c);
    }
  }
}

/** Adds the handles' terms weight · bary · baryᵀ. */
function addHandles(L: SkylineMatrix, mesh: Mesh, handles: Handle[]): void {
  for (const h of handles) {
    if (h.weight === 0) continue;
    for (let k = 0; k < 3; k++) {
      for (let l = 0; l <= k; l++) {
        const i = mesh.triangles[3 * h.triangle + k], j = mesh.triangles[3 * h.triangle + l];
        // off the diagonal (k, l) and (l, k) share one stored entry, unless both corners are one vertex
        addSkyline(L, i, j, h.weight * h.bary[k] * h.bary[l] * (k !== l && i === j ? 2 : 1));
      }
    }
  }
}

/**
 * The similarity (p, q, tx, ty): (x, y) ↦ (p x − q y + tx, q x + p y + ty) taking the
 * handles' rest points nearest their targets, by weight (identity without handles,
 * a translation with one).
 */
function similarityFit(mesh: Mesh, handles: Handle[]): [number, number, number, number] {
  let sw = 0, mx = 0, my = 0, tx = 0, ty = 0;
  const pts = handles.map((h) => {
    const tri = mesh.triangles, r = mesh.rest;
    let x = 0, y = 0;
    for (let k = 0; k < 3; k++) {
      const v = tri[3 * h.triangle + k];
      x += h.bary[k] * r[2 * v];
      y += h.bary[k] * r[2 * v + 1];
    }
    sw += h.weight; mx += h.weight * x; my += h.weight * y; tx += h.weight * h.target[0]; ty += h.weight * h.target[1];
    return [x, y];
  });
  if (!(sw > 0)) return [1, 0, 0, 0];
  mx /= sw; my /= sw; tx /= sw; ty /= sw;
  let dot = 0, cross = 0, norm = 0;
  handles.forEach((h, k) => {
    const px = pts[k][0] - mx, py = pts[k][1] - my, qx = h.target[0] - tx, qy = h.target[1] - ty;
    dot += h.weight * (px * qx + py * qy);
    cross += h.weight * (px * qy - py * qx);
    norm += h.weight * (px * px + py * py);
  });
  const p = norm > 1e-12 ? dot / norm : 1, q = norm > 1e-12 ? cross / norm : 0;
  return [p, q, tx - (p * mx - q * my), ty - (q * mx + p * my)];
}

function checkHandles(mesh: Mesh, handles: Handle[]): void {
  const T = triangleCount(mesh);
  handles.forEach((h, k) => {
    if (!Number.isInteger(h.triangle) || h.triangle < 0 || h.triangle >= T) {
      throw new FitroomError('bad-argument', `Expected handle ${k}'s triangle to be an index in [0, ${T}) but received ${h.triangle}.`);
    }
    const [u, v, w] = h.bary;
    if (![u, v, w].every(Number.isFinite) || Math.abs(u + v + w - 1) > 1e-6) {
      throw new FitroomError('bad-argument', `Expected handle ${k}'s barycentric coordinates to be finite and sum to 1 but received [${u}, ${v}, ${w}].`);
    }
    if (!Number.isFinite(h.target[0]) || !Number.isFinite(h.target[1])) {
      throw new FitroomError('bad-argument', `Expected handle ${k}'s target to be a finite point but received [${h.target[0]}, ${h.target[1]}].`);
    }
    if (!(h.weight >= 0) || !Number.isFinite(h.weight)) throw new FitroomError('bad-argument', `Expected handle ${k}'s weight to be finite and >= 0 but received ${h.weight}.`);
  });
}
