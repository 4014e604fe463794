/**
 * Meshing a garment's part-label map: a regular grid of triangles over the
 * cut-out, each labelled with a part, whose vertices are split between parts
 * except near the seams where the caller says two parts are sewn together.
 * A sleeve lying beside the body with a thin gap thus gets its own vertices
 * there, and stays joined only at its root.
 *
 * Also: finding the triangle under a rest point (to attach a handle).
 */
import { FitroomError } from '../errors';
import type { Mesh, Pt } from './mesh';
import { triangleCount } from './mesh';

/** Two parts that may share vertices near a seam. */
export interface Join {
  /** The two part labels, e.g. [1, 2] for the body and the left sleeve. */
  parts: [number, number];
  /** The seam segment, in label-map pixels, e.g. shoulder point to armpit. */
  seam: [Pt, Pt];
  /** How far from the seam segment (pixels) a vertex may lie and still be shared by the two parts. */
  reach: number;
}

export interface MeshOptions {
  /** Distance between grid vertices, in pixels (at least 1). */
  spacing: number;
  /** Where parts are sewn together; parts not joined never share a vertex. */
  joins: Join[];
  /** The garment's soft outline (alpha per pixel, row-major): pixels it shows count as garment even where unlabelled. */
  coverage?: Float32Array;
  /**
   * False (default): each kept grid triangle gets one part, the majority label of its pixels.
   * True: a grid triangle near pixels of several parts is kept once per part, so each part's
   * sheet covers all of that part's pixels even where two parts lie closer than a spacing
   * apart (the sheets then overlap in rest space; a caller draws a sheet's pixels only where
   * the label map shows its part).
   */
  overlap?: boolean;
}

// Tunables
/** A soft-outline pixel at least one 8-bit step opaque is garment to cover. */
export const COVERAGE_FLOOR = 1 / 255;
/** Grid triangles within this many spacings of a garment pixel are kept, so the mesh reaches over the whole soft outline. */
export const MARGIN = 0.5;
/** Barycentric slack for "inside": points on an edge, up to rounding, are inside. */
const INSIDE_SLACK = 1e-9;

/**
 * A triangle mesh over the labelled pixels (label 0 = no garment), grid-aligned,
 * `spacing` pixels between vertices. Every labelled pixel's centre lies in some
 * triangle. Vertices are numbered in grid order (row by row), the copies made by
 * splitting next to each other, so the deformation's system stays banded.
 * @example
 * const mesh = meshFromLabels(labels, 400, 500, {
 *   spacing: 8,
 *   joins: [{ parts: [1, 2], seam: [[120, 80], [118, 150]], reach: 8 }],
 * });
 */
export function meshFromLabels(labels: Uint8Array, width: number, height: number, options: MeshOptions): Mesh {
  checkInputs(labels, width, height, options);
  const { spacing: s, joins, coverage } = options;
  const area = garmentArea(labels, width, height, coverage);
  const grid = gridAround(area, s);
  const view: LabelView = {
    labels, width, height,
    garment: area.garment,
    sat: summedArea(area.garment, width, height),
    nearestLabel: lazyNearestLabel(labels, width, height),
  };
  const kept = keptTriangles(view, grid, options.overlap === true);
  return splitParts(kept, grid.gw, grid.gx0, grid.gy0, s, joins);
}

/** What counts as garment (labelled, or shown by the soft outline) and its bounds in pixels. */
interface GarmentArea {
  garment: Uint8Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The garment's pixels and bounds; throws when nothing is labelled. */
function garmentArea(labels: Uint8Array, width: number, height: number, coverage: Float32Array | undefined): GarmentArea {
  const n = width * height;
  const garment = new Uint8Array(n);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, labelled = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] > 0) labelled++;
    if (labels[i] > 0 || (coverage !== undefined && coverage[i] > COVERAGE_FLOOR)) {
      garment[i] = 1;
      const x = i % width, y = (i - x) / width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (labelled === 0) throw new FitroomError('bad-argument', `Expected some labelled pixels (label > 0) in the ${width}x${height} label map but all are 0.`);
  return { garment, minX, minY, maxX, maxY };
}

/** The label of the labelled pixel nearest a real position; the distance transform behind it is made on the first call only (most meshes never ask). */
function lazyNearestLabel(labels: Uint8Array, width: number, height: number): (x: number, y: number) => number {
  let nearest: Int32Array | null = null;
  return (x, y) => {
    nearest ??= nearestLabelled(labels, width, height);
    const px = Math.min(width - 1, Math.max(0, Math.round(x))), py = Math.min(height - 1, Math.max(0, Math.round(y)));
    return labels[nearest[py * width + px]];
  };
}

/** The label map and what is derived from it, as the grid walk reads them. */
interface LabelView {
  labels: Uint8Array;
  width: number;
  height: number;
  garment: Uint8Array;
  /** Summed-area table of `garment`, to skip empty cells at once. */
  sat: Int32Array;
  nearestLabel: (x: number, y: number) => number;
}

/** The grid of vertices: origin, spacing, cells across and down, vertices per row, and the keep margin. */
interface Grid {
  gx0: number;
  gy0: number;
  s: number;
  cols: number;
  rows: number;
  gw: number;
  margin: number;
}

/** The grid over the garment's bounds with one spacing of room around them. */
function gridAround(area: GarmentArea, s: number): Grid {
  const gx0 = area.minX - s, gy0 = area.minY - s;
  const cols = Math.ceil((area.maxX + s - gx0) / s), rows = Math.ceil((area.maxY + s - gy0) / s);
  return { gx0, gy0, s, cols, rows, gw: cols + 1, margin: MARGIN * s };
}

/**
 * Walks the grid's cells near the garment, splits each into two triangles along the diagonal
 * that follows the outline better, and keeps the triangles with a part.
 * @returns per kept triangle: grid vertex a, b, c and its part.
 */
function keptTriangles(view: LabelView, grid: Grid, overlap: boolean): number[] {
  const { labels, width, height, sat } = view;
  const { gx0, gy0, s, cols, rows, gw, margin } = grid;
  const kept: number[] = [];
  const hist = new Int32Array(4 * 256); // label counts per candidate triangle: split A halves 0, 1; split B halves 2, 3
  const seen: number[] = [];
  const corner = new Float64Array(6);
  for (let cj = 0; cj < rows; cj++) {
    for (let ci = 0; ci < cols; ci++) {
      const x0 = gx0 + ci * s, y0 = gy0 + cj * s;
      if (!anyIn(sat, width, height, x0 - margin, y0 - margin, x0 + s + margin, y0 + s + margin)) continue;
      countCell(labels, width, height, x0, y0, s, hist, seen);
      // the diagonal that leaves fewer pixels in a triangle of another content follows the outline; ties alternate, for an even mesh
      const missA = mismatch(hist, 0, seen) + mismatch(hist, 256, seen), missB = mismatch(hist, 512, seen) + mismatch(hist, 768, seen);
      const useA = missA !== missB ? missA < missB : ((ci + cj) & 1) === 0;
      const g00 = cj * gw + ci, g10 = g00 + 1, g01 = g00 + gw, g11 = g01 + 1;
      const cells = useA ? [[g00, g10, g11, 0], [g00, g11, g01, 256]] : [[g00, g10, g01, 512], [g10, g11, g01, 768]];
      for (const [a, b, c, h] of cells) {
        for (let k = 0; k < 3; k++) {
          const g = k === 0 ? a : k === 1 ? b : c;
          corner[2 * k] = gx0 + (g % gw) * s;
          corner[2 * k + 1] = gy0 + Math.floor(g / gw) * s;
        }
        for (const part of triangleParts(view, corner, margin, hist, h, seen, overlap)) kept.push(a, b, c, part);
      }
      for (const l of seen) hist[l] = hist[256 + l] = hist[512 + l] = hist[768 + l] = 0;
      seen.length = 0;
    }
  }
  return kept;
}

/**
 * Counts the labels of the cell at (x0, y0) into `hist` on each side of each diagonal (half-open
 * cell: each pixel in one cell), and lists each label met once in `seen`.
 */
function countCell(labels: Uint8Array, width: number, height: number, x0: number, y0: number, s: number, hist: Int32Array, seen: number[]): void {
  const px0 = Math.max(0, Math.ceil(x0)), px1 = Math.min(width - 1, Math.ceil(x0 + s) - 1);
  const py0 = Math.max(0, Math.ceil(y0)), py1 = Math.min(height - 1, Math.ceil(y0 + s) - 1);
  for (let py = py0; py <= py1; py++) {
    const dy = py - y0;
    for (let px = px0; px <= px1; px++) {
      const dx = px - x0;
      const l = labels[py * width + px];
      if (hist[l] + hist[256 + l] + hist[512 + l] + hist[768 + l] === 0) seen.push(l);
      hist[(dx >= dy ? 0 : 256) + l]++; // split A, diagonal top-left to bottom-right
      hist[(dx + dy <= s ? 512 : 768) + l]++; // split B, diagonal top-right to bottom-left
    }
  }
}

/**
 * The parts a triangle (corners in `corner`, label counts at hist[h..]) is kept for: with
 * overlap, every part near it; otherwise its majority label, or, for a triangle over only
 * soft outline, the nearest labelled pixel's. Empty when it is not kept.
 */
function triangleParts(view: LabelView, corner: Float64Array, margin: number, hist: Int32Array, h: number, seen: number[], overlap: boolean): number[] {
  const { labels, garment, width, height, nearestLabel } = view;
  if (overlap) return partsNear(corner, margin, labels, garment, width, height, hist, h, seen, nearestLabel);
  let part = 0, best = 0;
  for (const l of seen) if (l > 0 && hist[h + l] > best) { best = hist[h + l]; part = l; }
  if (part === 0 && garmentNear(corner, margin, garment, width, height)) {
    part = nearestLabel((corner[0] + corner[2] + corner[4]) / 3, (corner[1] + corner[3] + corner[5]) / 3);
  }
  return part > 0 ? [part] : [];
}

/** Pixels of a triangle's content not of its most common label (0 included). */
function mismatch(hist: Int32Array, h: number, seen: number[]): number {
  let total = 0, top = 0;
  for (const l of seen) {
    const c = hist[h + l];
    total += c;
    if (c > top) top = c;
  }
  return total - top;
}

/**
 * Numbers the kept triangles' grid vertices in grid order, one vertex per
 * group of parts sharing it: parts are grouped when a join says they may
 * share a vertex that near its seam.
 */
function splitParts(kept: number[], gw: number, gx0: number, gy0: number, s: number, joins: Join[]): Mesh {
  const count = kept.length / 4;
  const partsAt = new Map<number, number[]>();
  for (let t = 0; t < count; t++) {
    const part = kept[4 * t + 3];
    for (let k = 0; k < 3; k++) {
      const g = kept[4 * t + k];
      const list = partsAt.get(g);
      if (list === undefined) partsAt.set(g, [part]);
      else if (!list.includes(part)) list.push(part);
    }
  }
  const grid = [...partsAt.keys()].sort((p, q) => p - q);
  const rest: number[] = [];
  const idOf = new Map<number, number>(); // grid vertex * 256 + part → vertex
  for (const g of grid) {
    const parts = partsAt.get(g)!.sort((p, q) => p - q);
    const x = gx0 + (g % gw) * s, y = gy0 + Math.floor(g / gw) * s;
    const root = parts.map((_, k) => k);
    const find = (k: number): number => (root[k] === k ? k : (root[k] = find(root[k])));
    if (parts.length > 1) {
      for (const j of joins) {
        const p = parts.indexOf(j.parts[0]), q = parts.indexOf(j.parts[1]);
        if (p < 0 || q < 0) continue;
        if (segmentDistance(x, y, j.seam[0][0], j.seam[0][1], j.seam[1][0], j.seam[1][1]) <= j.reach) root[find(p)] = find(q);
      }
    }
    const group = new Map<number, number>();
    for (let k = 0; k < parts.length; k++) {
      const r = find(k);
      let id = group.get(r);
      if (id === undefined) {
        id = rest.length / 2;
        group.set(r, id);
        rest.push(x, y);
      }
      idOf.set(g * 256 + parts[k], id);
    }
  }
  const triangles = new Uint32Array(3 * count), parts = new Uint8Array(count);
  for (let t = 0; t < count; t++) {
    const part = kept[4 * t + 3];
    parts[t] = part;
    for (let k = 0; k < 3; k++) triangles[3 * t + k] = idOf.get(kept[4 * t + k] * 256 + part)!;
  }
  return { rest: Float64Array.from(rest), triangles, parts };
}

/** The triangle under a rest point, and the point's barycentric coordinates in it. */
export interface Location {
  triangle: number;
  bary: [number, number, number];
}

/**
 * The triangle containing rest point `p`, preferring triangles of `part` when
 * given (then any other containing triangle). A point just outside the mesh —
 * within `maxDistance` pixels, by default the mesh's mean edge length — gets the
 * nearest triangle and the barycentric coordinates of the nearest point on it
 * (all in [0, 1]). Null when nothing is that near.
 * @example
 * const at = pointLocation(mesh, [44, 180], 2); // on the left sleeve
 * if (at) handles.push({ ...at, target: wrist, weight: 100 });
 */
export function pointLocation(mesh: Mesh, p: Pt, part?: number, maxDistance?: number): Location | null {
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new FitroomError('bad-argument', `Expected a finite point but received [${p[0]}, ${p[1]}].`);
  const T = triangleCount(mesh);
  const limit = maxDistance ?? meanEdge(mesh);
  const { rest, triangles: tri, parts } = mesh;
  let inPart = -1, inAny = -1, nearPart = -1, nearAny = -1;
  let dPart = Infinity, dAny = Infinity;
  const bary: [number, number, number] = [0, 0, 0];
  for (let t = 0; t < T; t++) {
    const a = 2 * tri[3 * t], b = 2 * tri[3 * t + 1], c = 2 * tri[3 * t + 2];
    if (!barycentric(p[0], p[1], rest[a], rest[a + 1], rest[b], rest[b + 1], rest[c], rest[c + 1], bary)) continue;
    const mine = part === undefined || parts[t] === part;
    if (bary[0] >= -INSIDE_SLACK && bary[1] >= -INSIDE_SLACK && bary[2] >= -INSIDE_SLACK) {
      if (mine) return { triangle: t, bary: clampBary(bary) };
      if (inAny < 0) inAny = t;
      continue;
    }
    const d = triangleDistance(p[0], p[1], rest[a], rest[a + 1], rest[b], rest[b + 1], rest[c], rest[c + 1]);
    if (mine && d < dPart) { dPart = d; nearPart = t; }
    if (d < dAny) { dAny = d; nearAny = t; }
  }
  const pick = nearPart >= 0 && dPart <= limit ? nearPart : inAny >= 0 ? inAny : nearAny >= 0 && dAny <= limit ? nearAny : -1;
  if (pick < 0) return null;
  const a = 2 * tri[3 * pick], b = 2 * tri[3 * pick + 1], c = 2 * tri[3 * pick + 2];
  return { triangle: pick, bary: nearestBary(p[0], p[1], rest[a], rest[a + 1], rest[b], rest[b + 1], rest[c], rest[c + 1]) };
}

/** Mean length of the triangles' rest edges (each edge counted per triangle). */
function meanEdge(mesh: Mesh): number {
  const { rest, triangles: tri } = mesh;
  let sum = 0;
  for (let k = 0; k < tri.length; k++) {
    const a = 2 * tri[k], b = 2 * tri[k % 3 === 2 ? k - 2 : k + 1];
    sum += Math.hypot(rest[b] - rest[a], rest[b + 1] - rest[a + 1]);
  }
  return tri.length > 0 ? sum / tri.length : 0;
}

/** Barycentric coordinates of (px, py) in triangle a, b, c into `out`; false for a degenerate triangle. */
function barycentric(px: number, py: number, ax: number, ay: number, bx: number, by: number, cx: number, cy: number, out: number[]): boolean {
  const d = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  if (d === 0) return false;
  out[1] = ((px - ax) * (cy - ay) - (py - ay) * (cx - ax)) / d;
  out[2] = ((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / d;
  out[0] = 1 - out[1] - out[2];
  return true;
}

function clampBary(b: number[]): [number, number, number] {
  const u = Math.max(0, b[0]), v = Math.max(0, b[1]), w = Math.max(0, b[2]);
  const sum = u + v + w;
  return [u / sum, v / sum, w / sum];
}

/** Barycentric coordinates of the point of triangle a, b, c nearest (px, py). */
function nearestBary(px: number, py: number, ax: number, ay: number, bx: number, by: number, cx: number, cy: number): [number, number, number] {
  const out = [0, 0, 0];
  if (barycentric(px, py, ax, ay, bx, by, cx, cy, out) && out[0] >= 0 && out[1] >= 0 && out[2] >= 0) return clampBary(out);
  // nearest point on each edge, as a position t along it
  const edges: [number, number, number, number, number, number][] = [[ax, ay, bx, by, 0, 1], [bx, by, cx, cy, 1, 2], [cx, cy, ax, ay, 2, 0]];
  let best = Infinity, res: [number, number, number] = [1, 0, 0];
  for (const [x0, y0, x1, y1, i, j] of edges) {
    const vx = x1 - x0, vy = y1 - y0, l2 = vx * vx + vy * vy;
    const t = l2 > 0 ? Math.min(1, Math.max(0, ((px - x0) * vx + (py - y0) * vy) / l2)) : 0;
    const d = Math.hypot(px - x0 - t * vx, py - y0 - t * vy);
    if (d < best) {
      best = d;
      res = [0, 0, 0];
      res[i] = 1 - t;
      res[j] = t;
    }
  }
  return res;
}

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax, vy = by - ay, l2 = vx * vx + vy * vy;
  const t = l2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * vx + (py - ay) * vy) / l2)) : 0;
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

/** Distance from (px, py) to a triangle of either orientation (0 inside). */
function triangleDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const e0 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  const e1 = (cx - bx) * (py - by) - (cy - by) * (px - bx);
  const e2 = (ax - cx) * (py - cy) - (ay - cy) * (px - cx);
  if ((e0 >= 0 && e1 >= 0 && e2 >= 0) || (e0 <= 0 && e1 <= 0 && e2 <= 0)) return 0;
  return Math.min(segmentDistance(px, py, ax, ay, bx, by), segmentDistance(px, py, bx, by, cx, cy), segmentDistance(px, py, cx, cy, ax, ay));
}

/** Pixel-index bounds of a real rectangle, clipped to the image (empty when x0 > x1). */
function pixelRange(lo: number, hi: number, size: number): [number, number] {
  return [Math.max(0, Math.ceil(lo)), Math.min(size - 1, Math.floor(hi))];
}

/** True when a garment pixel lies within `margin` of the triangle at corner[0..5]. */
function garmentNear(corner: Float64Array, margin: number, garment: Uint8Array, width: number, height: number): boolean {
  const [x0, x1] = pixelRange(Math.min(corner[0], corner[2], corner[4]) - margin, Math.max(corner[0], corner[2], corner[4]) + margin, width);
  const [y0, y1] = pixelRange(Math.min(corner[1], corner[3], corner[5]) - margin, Math.max(corner[1], corner[3], corner[5]) + margin, height);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (garment[y * width + x] && triangleDistance(x, y, corner[0], corner[1], corner[2], corner[3], corner[4], corner[5]) <= margin) return true;
    }
  }
  return false;
}

/** The parts (ascending) with a pixel inside the triangle or within `margin` of it; unlabelled soft-outline pixels count for their nearest part. */
function partsNear(
  corner: Float64Array, margin: number, labels: Uint8Array, garment: Uint8Array, width: number, height: number,
  hist: Int32Array, h: number, seen: number[], nearestLabel: (x: number, y: number) => number,
): number[] {
  const found = new Set<number>();
  for (const l of seen) if (l > 0 && hist[h + l] > 0) found.add(l);
  const [x0, x1] = pixelRange(Math.min(corner[0], corner[2], corner[4]) - margin, Math.max(corner[0], corner[2], corner[4]) + margin, width);
  const [y0, y1] = pixelRange(Math.min(corner[1], corner[3], corner[5]) - margin, Math.max(corner[1], corner[3], corner[5]) + margin, height);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * width + x;
      if (!garment[i]) continue;
      const l = labels[i] > 0 ? labels[i] : nearestLabel(x, y);
      if (found.has(l)) continue;
      if (triangleDistance(x, y, corner[0], corner[1], corner[2], corner[3], corner[4], corner[5]) <= margin) found.add(l);
    }
  }
  return [...found].sort((p, q) => p - q);
}

/** Summed-area table of a 0/1 mask, (width + 1) x (height + 1). */
function summedArea(mask: Uint8Array, width: number, height: number): Int32Array {
  const w1 = width + 1;
  const sat = new Int32Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += mask[y * width + x];
      sat[(y + 1) * w1 + x + 1] = sat[y * w1 + x + 1] + row;
    }
  }
  return sat;
}

/** True when the mask has a pixel centre in the closed rectangle [x0, x1] x [y0, y1]. */
function anyIn(sat: Int32Array, width: number, height: number, x0: number, y0: number, x1: number, y1: number): boolean {
  const [a, b] = pixelRange(x0, x1, width), [c, d] = pixelRange(y0, y1, height);
  if (a > b || c > d) return false;
  const w1 = width + 1;
  return sat[(d + 1) * w1 + b + 1] - sat[c * w1 + b + 1] - sat[(d + 1) * w1 + a] + sat[c * w1 + a] > 0;
}

/**
 * For each pixel, the index of the nearest labelled pixel (Euclidean; exact
 * distance transform of Felzenszwalb & Huttenlocher, keeping the argument).
 */
function nearestLabelled(labels: Uint8Array, width: number, height: number): Int32Array {
  // per column: the row of the nearest labelled pixel in the same column
  const colRow = new Int32Array(width * height).fill(-1);
  for (let x = 0; x < width; x++) {
    let last = -1;
    for (let y = 0; y < height; y++) {
      if (labels[y * width + x] > 0) last = y;
      colRow[y * width + x] = last;
    }
    last = -1;
    for (let y = height - 1; y >= 0; y--) {
      const i = y * width + x;
      if (labels[i] > 0) last = y;
      if (last >= 0 && (colRow[i] < 0 || last - y < y - colRow[i])) colRow[i] = last;
    }
  }
  // per row: lower envelope of the parabolas (x − q)² + f(q), f(q) = squared distance down column q
  const out = new Int32Array(width * height).fill(-1);
  const v = new Int32Array(width), z = new Float64Array(width + 1), f = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    let k = -1;
    for (let q = 0; q < width; q++) {
      const r = colRow[y * width + q];
      if (r < 0) continue;
      f[q] = (r - y) * (r - y);
      if (k < 0) {
        k = 0; v[0] = q; z[0] = -Infinity; z[1] = Infinity;
        continue;
      }
      // z[0] = −∞ stops the loop at the first parabola
      let sx = meet(f, q, v[k]);
      while (sx <= z[k]) sx = meet(f, q, v[--k]);
      k++;
      v[k] = q; z[k] = sx; z[k + 1] = Infinity;
    }
    if (k < 0) continue;
    let j = 0;
    for (let x = 0; x < width; x++) {
      while (z[j + 1] < x) j++;
      const q = v[j];
      out[y * width + x] = colRow[y * width + q] * width + q;
    }
  }
  return out;
}

/** Where the parabolas rooted at columns q and p (q > p) cross. */
function meet(f: Float64Array, q: number, p: number): number {
  return (f[q] + q * q - (f[p] + p * p)) / (2 * (q - p));
}

function checkInputs(labels: Uint8Array, width: number, height: number, options: MeshOptions): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new FitroomError('bad-argument', `Expected a positive integer width and height for the label map but received ${width}x${height}.`);
  }
  if (labels.length !== width * height) {
    throw new FitroomError('bad-argument', `Expected ${width * height} labels (${width}x${height}) but received ${labels.length}.`);
  }
  if (!(options.spacing >= 1) || !Number.isFinite(options.spacing)) {
    throw new FitroomError('bad-argument', `Expected a grid spacing of at least 1 pixel but received ${options.spacing}.`);
  }
  if (options.coverage !== undefined && options.coverage.length !== width * height) {
    throw new FitroomError('bad-argument', `Expected ${width * height} coverage values (${width}x${height}) but received ${options.coverage.length}.`);
  }
  options.joins.forEach((j, k) => {
    const [p, q] = j.parts;
    if (!Number.isInteger(p) || !Number.isInteger(q) || p < 1 || q < 1 || p > 255 || q > 255 || p === q) {
      throw new FitroomError('bad-argument', `Expected join ${k} to name two different part labels in 1..255 but received [${p}, ${q}].`);
    }
    if (!(j.reach >= 0) || !Number.isFinite(j.reach)) throw new FitroomError('bad-argument', `Expected join ${k}'s reach to be a finite distance >= 0 but received ${j.reach}.`);
    if (![...j.seam[0], ...j.seam[1]].every(Number.isFinite)) {
      throw new FitroomError('bad-argument', `Expected join ${k}'s seam to be two finite points but received ${JSON.stringify(j.seam)}.`);
    }
  });
}
