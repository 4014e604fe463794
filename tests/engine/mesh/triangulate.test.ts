/**
 * Meshing a part-label map: coverage of every garment pixel (thin straps too),
 * part labels, vertices split between parts except near the seams, and
 * locating rest points.
 */
import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../lib/engine/mesh/mesh';
import { signedArea, triangleCount, vertexCount } from '../../../lib/engine/mesh/mesh';
import { COVERAGE_FLOOR, meshFromLabels, pointLocation } from '../../../lib/engine/mesh/triangulate';
import { BODY, flatTee, hangingSleeveTee, LEFT, RIGHT, seamJoins, usedBy } from './flat-garments';

/** For each pixel, the parts of the triangles whose closed rest shape holds its centre (bit 1 << part). */
function coveredBy(mesh: Mesh, width: number, height: number): Uint32Array {
  const out = new Uint32Array(width * height);
  const r = mesh.rest, tri = mesh.triangles;
  for (let t = 0; t < triangleCount(mesh); t++) {
    const a = 2 * tri[3 * t], b = 2 * tri[3 * t + 1], c = 2 * tri[3 * t + 2];
    const xs = [r[a], r[b], r[c]], ys = [r[a + 1], r[b + 1], r[c + 1]];
    const d = (xs[1] - xs[0]) * (ys[2] - ys[0]) - (ys[1] - ys[0]) * (xs[2] - xs[0]);
    for (let y = Math.max(0, Math.ceil(Math.min(...ys))); y <= Math.min(height - 1, Math.floor(Math.max(...ys))); y++) {
      for (let x = Math.max(0, Math.ceil(Math.min(...xs))); x <= Math.min(width - 1, Math.floor(Math.max(...xs))); x++) {
        const l1 = ((x - xs[0]) * (ys[2] - ys[0]) - (y - ys[0]) * (xs[2] - xs[0])) / d;
        const l2 = ((xs[1] - xs[0]) * (y - ys[0]) - (ys[1] - ys[0]) * (x - xs[0])) / d;
        // 1e-9: a pixel centre exactly on an edge is inside, up to rounding
        if (l1 >= -1e-9 && l2 >= -1e-9 && l1 + l2 <= 1 + 1e-9) out[y * width + x] |= 1 << mesh.parts[t];
      }
    }
  }
  return out;
}


describe('meshFromLabels', () => {
  it('covers every labelled pixel and every pixel of the soft outline', () => {
    for (const g of [flatTee(), hangingSleeveTee()]) {
      for (const spacing of [5, 6, 9.5]) {
        const mesh = meshFromLabels(g.labels, g.width, g.height, { spacing, joins: seamJoins(g, spacing), coverage: g.coverage });
        const cover = coveredBy(mesh, g.width, g.height);
        let missed = 0;
        for (let i = 0; i < cover.length; i++) if ((g.labels[i] > 0 || g.coverage[i] > COVERAGE_FLOOR) && cover[i] === 0) missed++;
        expect(missed, `spacing ${spacing}`).toBe(0);
        // every triangle keeps the documented orientation
        for (let t = 0; t < triangleCount(mesh); t++) expect(signedArea(mesh.rest, mesh, t)).toBeGreaterThan(0);
      }
    }
  });

  it('covers a 1-pixel-wide strap 10 px long at spacing 6, upright or slanted', () => {
    const w = 60, h = 60;
    const labels = new Uint8Array(w * h);
    for (let y = 30; y < 50; y++) for (let x = 20; x < 40; x++) labels[y * w + x] = 1; // a bodice
    for (let k = 0; k < 10; k++) {
      labels[(20 + k) * w + 25] = 2; // upright strap, down to the bodice
      labels[(3 + k) * w + 40 + k] = 3; // a slanted one, on its own
    }
    const mesh = meshFromLabels(labels, w, h, { spacing: 6, joins: [{ parts: [1, 2], seam: [[24, 30], [26, 30]], reach: 6 }] });
    const cover = coveredBy(mesh, w, h);
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === 0) continue;
      const x = i % w, y = Math.floor(i / w);
      expect(cover[i], `pixel ${x},${y}`).not.toBe(0);
      // away from the bodice (more than a spacing above it), a strap pixel lies in a triangle of the strap
      // itself; nearer, a cell's majority may be the bodice, which the strap is joined to there
      if (labels[i] === 3 || y < 30 - 6) expect(cover[i] & (1 << labels[i]), `pixel ${x},${y}`).not.toBe(0);
    }
  });

  it('keeps a sleeve hanging beside the body apart below the armpit, joined along its root', () => {
    const g = hangingSleeveTee(), spacing = 6;
    const mesh = meshFromLabels(g.labels, g.width, g.height, { spacing, joins: seamJoins(g, spacing), coverage: g.coverage });
    const used = usedBy(mesh);
    const armpitY = g.seams.left[1][1];
    let split = 0, joined = 0;
    for (const [v, parts] of used) {
      const x = mesh.rest[2 * v], y = mesh.rest[2 * v + 1];
      const both = parts.has(BODY) && (parts.has(LEFT) || parts.has(RIGHT));
      // a vertex farther than the join's reach below the armpit is never body and sleeve at once
      if (y > armpitY + spacing) expect(both, `vertex ${v} at ${x},${y}`).toBe(false);
      if (both) joined++;
    }
    // beside the gap, body and sleeve vertices sit at the same rest place: split copies, numbered next to each other
    for (let v = 0; v + 1 < vertexCount(mesh); v++) {
      if (mesh.rest[2 * v] !== mesh.rest[2 * v + 2] || mesh.rest[2 * v + 1] !== mesh.rest[2 * v + 3]) continue;
      if (mesh.rest[2 * v + 1] > armpitY + spacing) split++;
    }
    // the gap runs about 140 px below the armpit on each side: at least one split vertex per grid row there
    expect(split).toBeGreaterThanOrEqual(2 * Math.floor(140 / spacing));
    // and each root is shared: the seam (29 px long) has a vertex of both parts at least every spacing along it
    expect(joined).toBeGreaterThanOrEqual(2 * Math.floor(29 / spacing));
  });

  it('shares every vertex near a joined seam, and labels the sleeves', () => {
    const g = flatTee(), spacing = 6;
    const mesh = meshFromLabels(g.labels, g.width, g.height, { spacing, joins: seamJoins(g, spacing), coverage: g.coverage });
    const used = usedBy(mesh);
    const place = new Map<string, number[]>();
    for (let v = 0; v < vertexCount(mesh); v++) {
      const key = `${mesh.rest[2 * v]},${mesh.rest[2 * v + 1]}`;
      place.set(key, [...(place.get(key) ?? []), v]);
    }
    for (const [seam, sleeve] of [[g.seams.left, LEFT], [g.seams.right, RIGHT]] as const) {
      let shared = 0;
      for (const [key, vs] of place) {
        const [x, y] = key.split(',').map(Number);
        const near = Math.abs(x - seam[0][0]) <= spacing && y >= seam[0][1] && y <= seam[1][1];
        if (!near) continue;
        // within reach of the seam there is one vertex per grid place, not a copy per part
        expect(vs.length, `grid place ${key}`).toBe(1);
        const parts = used.get(vs[0])!;
        if (parts.has(BODY) && parts.has(sleeve)) shared++;
      }
      // the seam is 38 px long: body and sleeve share a vertex at least once per spacing along it
      expect(shared).toBeGreaterThanOrEqual(Math.floor(38 / spacing));
    }
    // the sleeve's axis runs through sleeve triangles
    const mid = g.axes.left[0].map((c, k) => (c + g.axes.left[1][k]) / 2) as [number, number];
    const at = pointLocation(mesh, mid)!;
    expect(mesh.parts[at.triangle]).toBe(LEFT);
    expect([...used.values()].some((p) => p.has(RIGHT))).toBe(true);
  });

  it('numbers vertices in grid order, so the system stays banded', () => {
    const g = flatTee(), spacing = 6;
    const mesh = meshFromLabels(g.labels, g.width, g.height, { spacing, joins: seamJoins(g, spacing), coverage: g.coverage });
    let band = 0;
    for (let t = 0; t < triangleCount(mesh); t++) {
      const vs = [0, 1, 2].map((k) => mesh.triangles[3 * t + k]);
      band = Math.max(band, Math.max(...vs) - Math.min(...vs));
    }
    // a grid row spans at most the 200 px image, ~35 vertices, plus the copies made at the seams;
    // a triangle joins two neighbouring rows, so its vertex numbers differ by at most about two rows' worth
    expect(band).toBeLessThanOrEqual(2 * Math.ceil(200 / spacing) + 8);
  });

  it('gives each triangle of an overlapping mesh one part, every pixel a triangle of its own part', () => {
    const g = hangingSleeveTee(), spacing = 6;
    const majority = meshFromLabels(g.labels, g.width, g.height, { spacing, joins: seamJoins(g, spacing), coverage: g.coverage });
    const overlap = meshFromLabels(g.labels, g.width, g.height, { spacing, joins: seamJoins(g, spacing), coverage: g.coverage, overlap: true });
    const own = (mesh: Mesh) => {
      const cover = coveredBy(mesh, g.width, g.height);
      let missing = 0;
      for (let i = 0; i < cover.length; i++) if (g.labels[i] > 0 && !(cover[i] & (1 << g.labels[i]))) missing++;
      return missing;
    };
    // with one part per grid triangle, a sleeve's edge pixels 3 px from the body can fall in a body triangle
    expect(own(majority)).toBeGreaterThan(0);
    expect(own(overlap)).toBe(0);
  });

  it('refuses bad input, naming the value', () => {
    const labels = new Uint8Array(100).fill(1);
    expect(() => meshFromLabels(labels, 10, 9, { spacing: 4, joins: [] })).toThrow(/90 labels .* received 100/);
    expect(() => meshFromLabels(labels, 10, 10, { spacing: 0, joins: [] })).toThrow(/spacing of at least 1 .* received 0/);
    expect(() => meshFromLabels(labels, 10, 10, { spacing: 4, joins: [{ parts: [1, 1], seam: [[0, 0], [1, 1]], reach: 2 }] })).toThrow(/\[1, 1\]/);
    expect(() => meshFromLabels(new Uint8Array(100), 10, 10, { spacing: 4, joins: [] })).toThrow(/labelled pixels/);
  });
});

describe('pointLocation', () => {
  const g = flatTee();
  const mesh = meshFromLabels(g.labels, g.width, g.height, { spacing: 6, joins: seamJoins(g, 6), coverage: g.coverage });
  const at = (t: number, b: number[]) => {
    const v = [0, 1, 2].map((k) => mesh.triangles[3 * t + k]);
    return [0, 1].map((c) => b[0] * mesh.rest[2 * v[0] + c] + b[1] * mesh.rest[2 * v[1] + c] + b[2] * mesh.rest[2 * v[2] + c]);
  };

  it('finds the triangle holding a point, with barycentric coordinates that give the point back', () => {
    const loc = pointLocation(mesh, [100.3, 120.7])!;
    const p = at(loc.triangle, loc.bary);
    expect(Math.abs(p[0] - 100.3)).toBeLessThan(1e-9);
    expect(Math.abs(p[1] - 120.7)).toBeLessThan(1e-9);
    expect(mesh.parts[loc.triangle]).toBe(BODY);
  });

  it('prefers the asked part where parts meet', () => {
    const seamMid: [number, number] = [55, 51];
    expect(mesh.parts[pointLocation(mesh, seamMid, LEFT)!.triangle]).toBe(LEFT);
    expect(mesh.parts[pointLocation(mesh, seamMid, BODY)!.triangle]).toBe(BODY);
  });

  it('clamps a point just outside to the nearest triangle, and gives up far away', () => {
    // the mesh reaches half a spacing (3 px) past the body's side at x = 145; 4 px farther is just outside
    const near = pointLocation(mesh, [145 + 7, 150])!;
    expect(near.bary.every((b) => b >= 0 && b <= 1)).toBe(true);
    const p = at(near.triangle, near.bary);
    expect(p[0]).toBeLessThan(152); // the nearest point of the mesh, nearer the body than the query
    expect(pointLocation(mesh, [10, 215])).toBeNull(); // 50 px from any garment pixel
  });
});
