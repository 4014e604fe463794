/**
 * Rasterising a deformed mesh: shared edges drawn once, the source point exact
 * for an identity deformation, turned-over triangles drawn and reported.
 */
import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../lib/engine/mesh/mesh';
import { flippedTriangles, rasterizeMesh } from '../../../lib/engine/mesh/rasterize';

const meshOf = (rest: number[], triangles: number[]): Mesh => ({
  rest: Float64Array.from(rest),
  triangles: Uint32Array.from(triangles),
  parts: new Uint8Array(triangles.length / 3).fill(1),
});

/** How many times each pixel was visited. */
function visits(mesh: Mesh, deformed: Float64Array, w: number, h: number): Uint8Array {
  const count = new Uint8Array(w * h);
  rasterizeMesh(mesh, deformed, w, h, (i) => { count[i]++; });
  return count;
}

describe('rasterizeMesh', () => {
  it('draws each pixel of two triangles sharing an edge exactly once', () => {
    // a square split along its diagonal, corners on pixel centres: whole rows and
    // columns of pixel centres lie exactly on the edges, where the fill rule decides
    const square = meshOf([2, 3, 12, 3, 12, 13, 2, 13], [0, 1, 2, 0, 2, 3]);
    const count = visits(square, square.rest, 20, 20);
    let total = 0;
    for (let y = 0; y < 20; y++) {
      for (let x = 0; x < 20; x++) {
        const c = count[y * 20 + x];
        expect(c, `pixel ${x},${y}`).toBeLessThanOrEqual(1);
        total += c;
        // top-left rule: the top and left edges are drawn, the bottom and right ones are not
        const inside = x >= 2 && x < 12 && y >= 3 && y < 13;
        expect(c, `pixel ${x},${y}`).toBe(inside ? 1 : 0);
      }
    }
    expect(total).toBe(100);
  });

  it('covers a jittered fan of triangles once per pixel, with no gaps', () => {
    // an 8-triangle fan about a centre moved off the grid: every pixel centre inside the
    // outer square (its top-left edges included) belongs to exactly one triangle
    const rest = [20.3, 19.7, 4, 4, 20, 4, 36, 4, 36, 20, 36, 36, 20, 36, 4, 36, 4, 20];
    const tris: number[] = [];
    for (let k = 1; k <= 8; k++) tris.push(0, k, (k % 8) + 1);
    const fan = meshOf(rest, tris);
    const count = visits(fan, fan.rest, 40, 40);
    for (let y = 0; y < 40; y++) {
      for (let x = 0; x < 40; x++) {
        const inside = x >= 4 && x < 36 && y >= 4 && y < 36;
        expect(count[y * 40 + x], `pixel ${x},${y}`).toBe(inside ? 1 : 0);
      }
    }
  });

  it('gives the pixel centre itself as the source point for an identity deformation', () => {
    const m = meshOf([1.25, 2.5, 30.75, 4, 10, 27.125], [0, 1, 2]);
    let n = 0;
    rasterizeMesh(m, m.rest, 32, 32, (i, u, v) => {
      n++;
      // exact up to floating-point rounding of a few operations on numbers below 32
      expect(Math.abs(u - (i % 32))).toBeLessThan(1e-12);
      expect(Math.abs(v - Math.floor(i / 32))).toBeLessThan(1e-12);
    });
    expect(n).toBeGreaterThan(250); // the triangle's area is about 350 px²
  });

  it('maps through an affine deformation by its inverse', () => {
    const m = meshOf([0, 0, 10, 0, 0, 10], [0, 1, 2]);
    // deformed = A·rest + t with A = [[2, 1], [-0.5, 1.5]], t = (5, 8)
    const def = new Float64Array(6);
    for (let i = 0; i < 3; i++) {
      const x = m.rest[2 * i], y = m.rest[2 * i + 1];
      def[2 * i] = 2 * x + y + 5;
      def[2 * i + 1] = -0.5 * x + 1.5 * y + 8;
    }
    rasterizeMesh(m, def, 40, 40, (i, u, v) => {
      const x = i % 40, y = Math.floor(i / 40);
      expect(Math.abs(2 * u + v + 5 - x)).toBeLessThan(1e-9);
      expect(Math.abs(-0.5 * u + 1.5 * v + 8 - y)).toBeLessThan(1e-9);
    });
  });

  it('draws a turned-over triangle and reports it, skips a collapsed one', () => {
    const m = meshOf([2, 2, 10, 2, 2, 10, 20, 20, 30, 20, 20, 30], [0, 1, 2, 3, 4, 5]);
    const def = Float64Array.from(m.rest);
    def[0] = 12; def[1] = 12; // vertex 0 moved past the edge 1–2: triangle 0 turned over
    def[10] = 40; def[11] = 20; // vertex 5 onto the line through 3 and 4: triangle 1 collapsed
    expect(flippedTriangles(m, def)).toEqual([0, 1]);
    let drawn = 0;
    rasterizeMesh(m, def, 50, 50, (_i, u, v, t) => {
      drawn++;
      expect(t).toBe(0);
      // the source point lies in the rest triangle (within rounding)
      expect(u).toBeGreaterThanOrEqual(2 - 1e-9);
      expect(v).toBeGreaterThanOrEqual(2 - 1e-9);
      expect(u + v).toBeLessThanOrEqual(12 + 1e-9);
    });
    // the turned-over triangle has area 48 px²; pixel counts of a triangle this size stay within a few edge pixels of it
    expect(Math.abs(drawn - 48)).toBeLessThanOrEqual(8);
  });

  it('clips to the image', () => {
    const big = meshOf([-50, -50, 100, -50, -50, 100], [0, 1, 2]);
    const count = visits(big, big.rest, 12, 12);
    expect(count.every((c) => c === 1)).toBe(true); // the triangle covers the whole 12x12 image
  });

  it('draws only the triangles asked for', () => {
    const square = meshOf([2, 3, 12, 3, 12, 13, 2, 13], [0, 1, 2, 0, 2, 3]);
    const seen = new Set<number>();
    rasterizeMesh(square, square.rest, 20, 20, (_i, _u, _v, t) => seen.add(t), { triangles: [1] });
    expect([...seen]).toEqual([1]);
    seen.clear();
    rasterizeMesh(square, square.rest, 20, 20, (_i, _u, _v, t) => seen.add(t), { triangles: (t) => t === 0 });
    expect([...seen]).toEqual([0]);
  });
});
