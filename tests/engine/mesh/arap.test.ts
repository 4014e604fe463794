/**
 * The garment sheet deformed as-rigidly-as-possible by handles, on synthetic
 * flat T-shirts: sleeves turn and bend at the elbow without coming off, a
 * sleeve beside the body moves away from it, nothing folds over, the area
 * stays near its fitted size.
 */
import { describe, expect, it } from 'vitest';
import type { Handle } from '../../../lib/engine/mesh/arap';
import { deformArap } from '../../../lib/engine/mesh/arap';
import type { Mesh, Pt } from '../../../lib/engine/mesh/mesh';
import { pointAt, signedArea, triangleCount, vertexCount } from '../../../lib/engine/mesh/mesh';
import { flippedTriangles, rasterizeMesh } from '../../../lib/engine/mesh/rasterize';
import { meshFromLabels, pointLocation } from '../../../lib/engine/mesh/triangulate';
import type { FlatGarment } from './flat-garments';
import { BODY, components8, flatTee, hangingSleeveTee, LEFT, RIGHT, rotateAbout, seamJoins, usedBy } from './flat-garments';

const SPACING = 6;
/** Handles pin their points (see arap.ts: 100 leaves about 1 % of a conflict as a miss). */
const PIN = 100;

const lerp = (a: Pt, b: Pt, t: number): Pt => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

function meshOf(g: FlatGarment): Mesh {
  return meshFromLabels(g.labels, g.width, g.height, { spacing: SPACING, joins: seamJoins(g, SPACING), coverage: g.coverage });
}

function handle(mesh: Mesh, at: Pt, part: number, target: Pt = at): Handle {
  const loc = pointLocation(mesh, at, part);
  if (loc === null) throw new Error(`no triangle of part ${part} near ${at}`);
  return { ...loc, target, weight: PIN };
}

/** Body points held in place, the right sleeve held along its axis. */
function stillHandles(mesh: Mesh, g: FlatGarment): Handle[] {
  return [
    ...g.bodyPoints.map((p) => handle(mesh, p, BODY)),
    ...[0.3, 0.6, 0.95].map((t) => handle(mesh, lerp(g.axes.right[0], g.axes.right[1], t), RIGHT)),
  ];
}

/** Deformed area over fitted area: Σ deformed signed areas / Σ rest areas · det(rest transform). */
function areaRatio(mesh: Mesh, deformed: Float64Array, transforms?: Float64Array): number {
  let now = 0, fitted = 0;
  for (let t = 0; t < triangleCount(mesh); t++) {
    const det = transforms ? transforms[4 * t] * transforms[4 * t + 3] - transforms[4 * t + 1] * transforms[4 * t + 2] : 1;
    now += signedArea(deformed, mesh, t);
    fitted += signedArea(mesh.rest, mesh, t) * det;
  }
  return now / fitted;
}

/**
 * Draws the deformed garment into a width x height mask (positions shifted by
 * `offset`), a pixel set where the label map shows garment at its source point
 * (or, with `part`, that part).
 */
function drawn(mesh: Mesh, deformed: Float64Array, g: FlatGarment, width: number, height: number, offset: Pt = [0, 0], part?: number): Uint8Array {
  const shifted = deformed.map((v, i) => v + offset[i % 2]);
  const out = new Uint8Array(width * height);
  rasterizeMesh(mesh, shifted, width, height, (i, u, v, t) => {
    const x = Math.round(u), y = Math.round(v);
    if (x < 0 || y < 0 || x >= g.width || y >= g.height) return;
    const l = g.labels[y * g.width + x];
    if (l > 0 && (part === undefined || l === part)) out[i] = mesh.parts[t];
  }, { triangles: part === undefined ? undefined : (t) => mesh.parts[t] === part });
  return out;
}

/** Angle (degrees, clockwise on screen) of the rotation best taking the points `from` onto `to` (2D Procrustes). */
function bestTurn(from: Pt[], to: Pt[]): number {
  const mean = (ps: Pt[]) => ps.reduce((m, p) => [m[0] + p[0] / ps.length, m[1] + p[1] / ps.length], [0, 0]);
  const [fx, fy] = mean(from), [tx, ty] = mean(to);
  let dot = 0, cross = 0;
  from.forEach((p, k) => {
    const ax = p[0] - fx, ay = p[1] - fy, bx = to[k][0] - tx, by = to[k][1] - ty;
    dot += ax * bx + ay * by;
    cross += ax * by - ay * bx;
  });
  return (Math.atan2(cross, dot) * 180) / Math.PI;
}

const vertexOf = (p: Float64Array, v: number): Pt => [p[2 * v], p[2 * v + 1]];

/** Vertices used by triangles of `part` (and, with `only`, by no other part). */
function verticesOf(mesh: Mesh, part: number, only = false): number[] {
  return [...usedBy(mesh)].filter(([, ps]) => ps.has(part) && (!only || ps.size === 1)).map(([v]) => v);
}

describe('deformArap', () => {
  it('leaves the garment where it is when the handles stay', () => {
    const g = flatTee(), mesh = meshOf(g);
    const out = deformArap(mesh, stillHandles(mesh, g));
    let worst = 0;
    for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i] - mesh.rest[i]));
    // the rest shape has zero energy and meets every handle: only rounding moves it
    expect(worst).toBeLessThan(1e-6);
  });

  it('turns the whole garment rigidly by 90° when every handle turns', () => {
    const g = flatTee(), mesh = meshOf(g);
    const pivot: Pt = [100, 110];
    const move = (p: Pt): Pt => { const q = rotateAbout(p, pivot, 90); return [q[0] + 30, q[1] - 12]; };
    const hs = stillHandles(mesh, g).map((h) => ({ ...h, target: move(pointAt(mesh.rest, mesh, h.triangle, h.bary)) }));
    const out = deformArap(mesh, hs);
    let worst = 0;
    for (let v = 0; v < vertexCount(mesh); v++) {
      const want = move(vertexOf(mesh.rest, v));
      worst = Math.max(worst, Math.hypot(out[2 * v] - want[0], out[2 * v + 1] - want[1]));
    }
    // a rigid motion meets every handle at zero energy; the similarity start finds it outright,
    // so what is left is the solver's rounding and the 1e-6 anchor, far below a hundredth of a pixel
    expect(worst).toBeLessThan(0.01);
  });

  it('moves a sleeve hanging beside the body away from it: the gap opens, the body stays', () => {
    const g = hangingSleeveTee(), mesh = meshOf(g);
    const top: Pt = [40.5, 40], end: Pt = [40.5, 199];
    const out = deformArap(mesh, [...stillHandles(mesh, g), handle(mesh, top, LEFT), handle(mesh, end, LEFT, [10.5, 197])]);
    const armpitY = g.seams.left[1][1];
    // the body below the armpit keeps its place: the pinned body resists, and the sleeve is not attached there
    // (1 px: the handles pin to about 1 % of what pulls on them, which is nothing here)
    for (const v of verticesOf(mesh, BODY, true)) {
      if (mesh.rest[2 * v + 1] < armpitY + 20) continue;
      const [x, y] = vertexOf(out, v);
      expect(Math.hypot(x - mesh.rest[2 * v], y - mesh.rest[2 * v + 1]), `body vertex ${v}`).toBeLessThan(1);
    }
    // the sleeve's lower part swings out with its end (30 px at the end; more than half of that 40 px above it)
    for (const v of verticesOf(mesh, LEFT, true)) {
      if (mesh.rest[2 * v + 1] < 150) continue;
      expect(mesh.rest[2 * v] - out[2 * v], `sleeve vertex ${v}`).toBeGreaterThan(15);
    }
    // drawn, the gap near the hem is now far wider than the flat photo's 3 px
    const mask = drawn(mesh, out, g, g.width, g.height);
    for (const y of [160, 180, 195]) {
      let sleeveRight = -1, bodyLeft = g.width;
      for (let x = 0; x < g.width; x++) {
        const p = mask[y * g.width + x];
        if (p === LEFT) sleeveRight = Math.max(sleeveRight, x);
        if (p === BODY) bodyLeft = Math.min(bodyLeft, x);
      }
      expect(sleeveRight, `row ${y}`).toBeGreaterThanOrEqual(0);
      expect(bodyLeft - sleeveRight - 1, `row ${y}`).toBeGreaterThan(15);
    }
    expect(flippedTriangles(mesh, out)).toEqual([]);
    // 15 %: ARAP keeps each triangle's size; only the seam region stretches as the sleeve swings
    expect(Math.abs(areaRatio(mesh, out) - 1)).toBeLessThan(0.15);
  });

  it('turns a sleeve 60° about the armpit without tearing it off the body', () => {
    const g = flatTee(), mesh = meshOf(g);
    const pivot = g.seams.left[1];
    const sleeve = [0.35, 0.65, 1].map((t) => {
      const p = lerp(g.axes.left[0], g.axes.left[1], t);
      return handle(mesh, p, LEFT, rotateAbout(p, pivot, 60)); // arm raised: the sleeve turns up
    });
    const out = deformArap(mesh, [...stillHandles(mesh, g), ...sleeve]);
    // the handles are met (2 px: 1 % of a pull of up to ~100 px, plus the sleeve's own resistance)
    for (const h of sleeve) {
      const p = pointAt(out, mesh, h.triangle, h.bary);
      expect(Math.hypot(p[0] - h.target[0], p[1] - h.target[1])).toBeLessThan(2);
    }
    // the sleeve did turn: its vertices beyond the seam region turned by about 60° (10°: the root bends a little)
    const far = verticesOf(mesh, LEFT, true).filter((v) => Math.hypot(mesh.rest[2 * v] - pivot[0], mesh.rest[2 * v + 1] - pivot[1]) > 35);
    expect(Math.abs(bestTurn(far.map((v) => vertexOf(mesh.rest, v)), far.map((v) => vertexOf(out, v))) - 60)).toBeLessThan(10);
    // the seam stays sewn: body and sleeve still share vertices along it (38 px of seam, a vertex every 6 px)
    const shared = verticesOf(mesh, LEFT).filter((v) => verticesOf(mesh, BODY).includes(v));
    expect(shared.length).toBeGreaterThanOrEqual(Math.floor(38 / SPACING));
    // drawn, body and both sleeves are one region (8-connected), with room for the raised sleeve
    const offset: Pt = [60, 60], W = g.width + 120, H = g.height + 120;
    const mask = drawn(mesh, out, g, W, H, offset);
    expect(components8(mask, W, H)).toBe(1);
    expect(flippedTriangles(mesh, out)).toEqual([]);
    expect(Math.abs(areaRatio(mesh, out) - 1)).toBeLessThan(0.15); // 15 %: see above
  });

  it('bends a long sleeve with the elbow, and lengthens it as asked', () => {
    const g = hangingSleeveTee(), mesh = meshOf(g);
    // the sleeve is fitted 1.25x longer along its axis (vertical in the photo) than it lies flat
    const stretch = 1.25, bend = 70;
    const transforms = new Float64Array(4 * triangleCount(mesh));
    for (let t = 0; t < triangleCount(mesh); t++) transforms.set(mesh.parts[t] === LEFT ? [1, 0, 0, stretch] : [1, 0, 0, 1], 4 * t);
    const [root, end] = g.axes.left;
    const elbowRest = lerp(root, end, 0.5);
    const fitted = (p: Pt): Pt => [p[0], root[1] + stretch * (p[1] - root[1])];
    const elbow = fitted(elbowRest);
    const target = (p: Pt): Pt => (p[1] <= elbowRest[1] ? fitted(p) : rotateAbout(fitted(p), elbow, bend)); // the forearm turns outwards
    const sleeve = [0, 0.12, 0.25, 0.37, 0.5, 0.62, 0.75, 0.87, 1].map((t) => {
      const p = lerp(root, end, t);
      return handle(mesh, p, LEFT, target(p));
    });
    const out = deformArap(mesh, [...stillHandles(mesh, g), ...sleeve], { restTransforms: transforms });

    // the far half (beyond the elbow, clear of its bend) turned by the elbow's 70° (10°: a soft bend spreads the turn over the elbow region)
    const fitRest = (v: number) => fitted(vertexOf(mesh.rest, v));
    const sleeveOnly = verticesOf(mesh, LEFT, true);
    const forearm = sleeveOnly.filter((v) => mesh.rest[2 * v + 1] > elbowRest[1] + 20);
    const upper = sleeveOnly.filter((v) => mesh.rest[2 * v + 1] < elbowRest[1] - 20 && mesh.rest[2 * v + 1] > g.seams.left[1][1] + 10);
    expect(Math.abs(bestTurn(forearm.map(fitRest), forearm.map((v) => vertexOf(out, v))) - bend)).toBeLessThan(10);
    expect(Math.abs(bestTurn(upper.map(fitRest), upper.map((v) => vertexOf(out, v))))).toBeLessThan(10);
    // and it is longer: the handles along the axis are met (2 px, as above), 1.25x apart
    for (const h of sleeve) {
      const p = pointAt(out, mesh, h.triangle, h.bary);
      expect(Math.hypot(p[0] - h.target[0], p[1] - h.target[1])).toBeLessThan(2);
    }
    // drawn on its own, the bent sleeve is one piece
    const offset: Pt = [120, 20], W = g.width + 160, H = g.height + 80;
    expect(components8(drawn(mesh, out, g, W, H, offset, LEFT), W, H)).toBe(1);
    expect(flippedTriangles(mesh, out)).toEqual([]);
    // 15 % of the fitted area (the sleeve's counted 1.25x): the elbow's inside squeezes, its outside stretches
    expect(Math.abs(areaRatio(mesh, out, transforms) - 1)).toBeLessThan(0.15);
  });

  it('scales a part as its rest transform says', () => {
    const g = flatTee(), mesh = meshOf(g);
    // the whole garment fitted 1.3x larger, the handles placed to match: the result is the rest shape scaled
    const s = 1.3, c: Pt = [100, 110];
    const transforms = new Float64Array(4 * triangleCount(mesh));
    for (let t = 0; t < triangleCount(mesh); t++) transforms.set([s, 0, 0, s], 4 * t);
    const grow = (p: Pt): Pt => [c[0] + s * (p[0] - c[0]), c[1] + s * (p[1] - c[1])];
    const hs = stillHandles(mesh, g).map((h) => ({ ...h, target: grow(pointAt(mesh.rest, mesh, h.triangle, h.bary)) }));
    const out = deformArap(mesh, hs, { restTransforms: transforms });
    let worst = 0;
    for (let v = 0; v < vertexCount(mesh); v++) {
      const want = grow(vertexOf(mesh.rest, v));
      worst = Math.max(worst, Math.hypot(out[2 * v] - want[0], out[2 * v + 1] - want[1]));
    }
    expect(worst).toBeLessThan(0.01); // zero energy there, as for the rigid turn
    expect(Math.abs(areaRatio(mesh, out, transforms) - 1)).toBeLessThan(1e-3);
  });

  it('deforms a garment of ~3000 vertices with 30 handles (timings in the log)', () => {
    const g = flatTee(2);
    const mesh = meshFromLabels(g.labels, g.width, g.height, { spacing: 5.5, joins: seamJoins(g, 5.5), coverage: g.coverage });
    const axis = (side: [Pt, Pt], t: number) => lerp(side[0], side[1], t);
    const hs: Handle[] = g.bodyPoints.map((p) => handle(mesh, p, BODY));
    for (const t of [0.2, 0.4, 0.6, 0.8, 0.9, 1]) {
      hs.push(handle(mesh, axis(g.axes.left, t), LEFT, rotateAbout(axis(g.axes.left, t), g.seams.left[0], 60)));
      hs.push(handle(mesh, axis(g.axes.right, t), RIGHT, rotateAbout(axis(g.axes.right, t), g.seams.right[1], 30)));
    }
    for (let k = 0; hs.length < 30; k++) hs.push(handle(mesh, [200, 100 + 30 * k], BODY));
    const times: number[] = [];
    let out: Float64Array = new Float64Array(0);
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      out = deformArap(mesh, hs);
      times.push(performance.now() - t0);
    }
    const first = times[0]; // includes the JIT's first compile of the solver
    times.sort((a, b) => a - b);
    console.log(`deformArap: ${vertexCount(mesh)} vertices, ${triangleCount(mesh)} triangles, ${hs.length} handles: first run ${first.toFixed(1)} ms, fastest ${times[0].toFixed(1)} ms, median ${times[3].toFixed(1)} ms`);
    expect(vertexCount(mesh)).toBeGreaterThan(2500);
    expect(hs.length).toBe(30);
    // the handles are met (2 px, as above)
    for (const h of hs) {
      const p = pointAt(out, mesh, h.triangle, h.bary);
      expect(Math.hypot(p[0] - h.target[0], p[1] - h.target[1])).toBeLessThan(2);
    }
  });

  it('refuses bad handles and options, naming the value', () => {
    const g = flatTee(), mesh = meshOf(g);
    const ok = handle(mesh, [100, 100], BODY);
    expect(() => deformArap(mesh, [{ ...ok, triangle: -1 }])).toThrow(/triangle to be an index .* received -1/);
    expect(() => deformArap(mesh, [{ ...ok, bary: [0.5, 0.5, 0.5] }])).toThrow(/sum to 1 .* \[0.5, 0.5, 0.5\]/);
    expect(() => deformArap(mesh, [{ ...ok, weight: -1 }])).toThrow(/weight .* received -1/);
    const flip = new Float64Array(4 * triangleCount(mesh)).fill(1); // [1, 1, 1, 1]: determinant 0
    expect(() => deformArap(mesh, [ok], { restTransforms: flip })).toThrow(/positive determinant .* has 0/);
    expect(() => deformArap(mesh, [ok], { initial: new Float64Array(3) })).toThrow(/initial positions .* received 3/);
  });
});
