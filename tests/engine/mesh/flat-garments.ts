/**
 * Synthetic flat garments for the mesh tests: part-label maps of T-shirts as a
 * product photo shows them (1 body, 2 the sleeve on the image's left, 3 the
 * one on its right), with an anti-aliased outline as coverage.
 */
import type { Join } from '../../../lib/engine/mesh/triangulate';
import type { Mesh, Pt } from '../../../lib/engine/mesh/mesh';
import { signedArea, triangleCount } from '../../../lib/engine/mesh/mesh';
import { polygonMask } from '../../../lib/engine/shapes';

export const BODY = 1, LEFT = 2, RIGHT = 3;

export interface FlatGarment {
  width: number;
  height: number;
  labels: Uint8Array;
  coverage: Float32Array;
  /** Shoulder point to armpit, where each sleeve is sewn to the body. */
  seams: { left: [Pt, Pt]; right: [Pt, Pt] };
  /** Each sleeve's axis, from its root to its end (inside the sleeve). */
  axes: { left: [Pt, Pt]; right: [Pt, Pt] };
  /** Points on the body to hold in place: neck sides, shoulders, armpits, hem corners, centre. */
  bodyPoints: Pt[];
}

/** The joins at both shoulder–armpit seams, sharing vertices within `reach` pixels of them. */
export function seamJoins(g: FlatGarment, reach: number): Join[] {
  return [
    { parts: [BODY, LEFT], seam: g.seams.left, reach },
    { parts: [BODY, RIGHT], seam: g.seams.right, reach },
  ];
}

const mirror = (poly: Pt[], width: number): Pt[] => poly.map(([x, y]) => [width - x, y] as Pt);
const scaled = (poly: Pt[], k: number): Pt[] => poly.map(([x, y]) => [x * k, y * k] as Pt);

function bodyOutline(): Pt[] {
  const neck: Pt[] = [];
  for (let i = 0; i <= 12; i++) {
    const a = (i / 12) * Math.PI;
    neck.push([100 - 16 * Math.cos(a), 29.5 + 12 * Math.sin(a)]);
  }
  return [[54.5, 29.5], ...neck, [145.5, 29.5], [145.5, 210.5], [54.5, 210.5]];
}

function compose(width: number, height: number, polys: Pt[][]): { labels: Uint8Array; coverage: Float32Array } {
  const masks = polys.map((p) => polygonMask(width, height, p).data);
  const labels = new Uint8Array(width * height), coverage = new Float32Array(width * height);
  for (let i = 0; i < labels.length; i++) {
    let sum = 0, best = 0, part = 0;
    masks.forEach((m, k) => {
      sum += m[i];
      if (m[i] > best) { best = m[i]; part = k + 1; }
    });
    coverage[i] = Math.min(1, sum);
    labels[i] = coverage[i] >= 0.5 ? part : 0;
  }
  return { labels, coverage };
}

/**
 * A short-sleeved T-shirt, 200x220 px at scale 1: a 91 px wide body with a neck
 * dip, and sleeves 50 px long sticking out and down at 45° from the seam
 * between shoulder (y = 32) and armpit (y = 70).
 */
export function flatTee(scale = 1): FlatGarment {
  const d: Pt = [-Math.SQRT1_2, Math.SQRT1_2];
  const L = 50;
  const left: Pt[] = [[54.5, 31.5], [54.5, 70.5], [54.5 + L * d[0], 70.5 + L * d[1]], [54.5 + L * d[0], 31.5 + L * d[1]]];
  const width = Math.round(200 * scale), height = Math.round(220 * scale);
  const { labels, coverage } = compose(width, height, [scaled(bodyOutline(), scale), scaled(left, scale), mirror(scaled(left, scale), width)]);
  const k = (p: Pt): Pt => [p[0] * scale, p[1] * scale];
  const m = (p: Pt): Pt => [width - p[0] * scale, p[1] * scale];
  const root: Pt = [54.5, 51], end: Pt = [54.5 + (L - 2) * d[0], 51 + (L - 2) * d[1]];
  const body: Pt[] = [[86, 33], [114, 33], [58, 34], [142, 34], [58, 68], [142, 68], [58, 207], [142, 207], [100, 120], [100, 180]];
  return {
    width, height, labels, coverage,
    seams: { left: [k([55, 32]), k([55, 70])], right: [m([55, 32]), m([55, 70])] },
    axes: { left: [k(root), k(end)], right: [m(root), m(end)] },
    bodyPoints: body.map(k),
  };
}

/**
 * A long-sleeved T-shirt, 200x220 px, whose sleeves hang straight down beside
 * the body with a 3 px gap (pixel columns 52–54 and their mirror) from the hem
 * up to y ≈ 63, just below the armpit (y = 61); each sleeve is joined to the
 * body only along its root, x = 55 from the shoulder (y = 32) to the armpit.
 */
export function hangingSleeveTee(): FlatGarment {
  const width = 200, height = 220;
  const left: Pt[] = [[29.5, 36], [42, 31.5], [54.5, 31.5], [54.5, 60.5], [51.5, 63.5], [51.5, 205.5], [29.5, 205.5]];
  const { labels, coverage } = compose(width, height, [bodyOutline(), left, mirror(left, width)]);
  const m = (p: Pt): Pt => [width - p[0], p[1]];
  return {
    width, height, labels, coverage,
    seams: { left: [[55, 32], [55, 61]], right: [m([55, 32]), m([55, 61])] },
    axes: { left: [[40.5, 40], [40.5, 202]], right: [m([40.5, 40]), m([40.5, 202])] },
    bodyPoints: [[86, 33], [114, 33], [58, 34], [142, 34], [58, 60], [142, 60], [58, 207], [142, 207], [100, 120], [100, 180]],
  };
}

/** Sum of the triangles' signed areas at `positions`. */
export function meshArea(mesh: Mesh, positions: Float64Array, keep: (t: number) => boolean = () => true): number {
  let sum = 0;
  for (let t = 0; t < triangleCount(mesh); t++) if (keep(t)) sum += signedArea(positions, mesh, t);
  return sum;
}

/** Number of 8-connected components of the set pixels of a width x height mask. */
export function components8(mask: Uint8Array, width: number, height: number): number {
  const seen = new Uint8Array(mask.length);
  const stack: number[] = [];
  let count = 0;
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || seen[s]) continue;
    count++;
    seen[s] = 1;
    stack.push(s);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width, y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (mask[j] && !seen[j]) { seen[j] = 1; stack.push(j); }
        }
      }
    }
  }
  return count;
}

/** Rotates p by `degrees` about `pivot` (positive: clockwise on screen, y being down). */
export function rotateAbout(p: Pt, pivot: Pt, degrees: number): Pt {
  const a = (degrees * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a);
  const x = p[0] - pivot[0], y = p[1] - pivot[1];
  return [pivot[0] + c * x - s * y, pivot[1] + s * x + c * y];
}

/** The parts whose triangles use each vertex. */
export function usedBy(mesh: Mesh): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (let t = 0; t < triangleCount(mesh); t++) {
    for (let k = 0; k < 3; k++) {
      const v = mesh.triangles[3 * t + k];
      if (!out.has(v)) out.set(v, new Set());
      out.get(v)!.add(mesh.parts[t]);
    }
  }
  return out;
}
