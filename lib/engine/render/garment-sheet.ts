/**
 * A top or a dress drawn as one sheet: the garment cut out of its photo
 * (body, sleeves, collar together) is covered by a triangle mesh, deformed as
 * rigidly as possible by the fit's handles, and rasterised triangle by
 * triangle into layers (the body, the sleeves). The inside of the collar's
 * back, seen through the neck in the flat photo, is part of the sheet (it holds
 * the collar's shape) but is not drawn: the neck's outline is a guess, and the
 * collar's back showed above the front collar as a second one on most crew necks.
 *
 * The mesh follows the garment, not the plane: where a sleeve lies beside the
 * body in the flat photo the two are apart, joined only along the sleeve's
 * seam at the shoulder, so a sleeve goes where its arm goes and cannot come off.
 */
import type { GrayImage, RgbaImage } from '../image';
import { createGray, createRgba } from '../image';
import { dilate, erode } from '../garment/garment-mask';
import { bridgePieces } from '../garment/bridge-pieces';
import { sharpenOutline } from '../garment/outline-sharpness';
import type { Point } from '../shapes';
import { segmentDistance } from '../shapes';
import type { Mesh } from '../mesh/mesh';
import type { Join } from '../mesh/triangulate';
import { meshFromLabels, pointLocation } from '../mesh/triangulate';
import type { Handle } from '../mesh/arap';
import { deformArap } from '../mesh/arap';
import { rasterizeMesh } from '../mesh/rasterize';
import { PART_BODY, PART_INSIDE, PART_LEFT_SLEEVE, PART_RIGHT_SLEEVE } from '../garment/garment-shape';
import type { PartScales, SheetHandle } from '../fit/sheet-handles';
import type { GarmentSource } from './garment-layers';

/** Mesh spacing as a share of the garment's width in the source: fine enough for a sleeve's bend, few enough vertices to solve in milliseconds. */
const SPACING_OF_WIDTH = 1 / 45;
/** Fewest source pixels between mesh vertices (a strap a few pixels wide still gets its own triangles). */
const MIN_SPACING = 3;
/** How far from a sleeve's seam the sleeve and the body share vertices, in spacings: the seam's own row of triangles. */
const JOIN_REACH = 1.5;
/** Handle weight against the sheet's stiffness (dimensionless, see mesh/arap.ts): 100 pins a point to about 1 % of its pull. */
const HANDLE_WEIGHT = 100;
/** Opacity a strap's pixels gain: a strap is solid cloth, not a soft edge. */
const STRAP_OPACITY = 0.4;
/** A piece drawn apart from the garment smaller than this share of it is a sliver, not cloth. */
const SLIVER = 0.02;
/** Local/global rounds of the deformation: a sleeve turned by its arm settles in a handful. */
const ITERATIONS = 10;

export interface SheetLayers {
  body: RgbaImage;
  sleeves: RgbaImage;
}

export interface SheetSeams {
  /** Each sleeve's seam in the source: its shoulder end and its armpit end. */
  left: [Point, Point] | null;
  right: [Point, Point] | null;
  /** The collar's corners, where the back of the collar meets the body. */
  neck: [Point, Point];
}

/**
 * @param width, height the portrait's size.
 * @example const layers = drawSheet(source, seams, handles, scales, 768, 1024);
 */
export function drawSheet(source: GarmentSource, seams: SheetSeams, handles: SheetHandle[], scales: PartScales, width: number, height: number): SheetLayers {
  const src = withStrapsWidened(source);
  // at the body's scale, a join a pixel wide in the photo (a strap's, a hem's edge) can fade apart
  bridgePieces(src.image, { width: src.image.width, height: src.image.height, data: src.mask });
  const { width: gw, height: gh } = src.image;
  const labels = garmentLabels(src);
  const spacing = Math.max(MIN_SPACING, Math.round(garmentWidth(labels, gw, gh) * SPACING_OF_WIDTH));
  const reach = spacing * JOIN_REACH;
  const joins = [
    ...(seams.left ? [{ parts: [PART_BODY, PART_LEFT_SLEEVE] as [number, number], seam: seams.left, reach }] : []),
    ...(seams.right ? [{ parts: [PART_BODY, PART_RIGHT_SLEEVE] as [number, number], seam: seams.right, reach }] : []),
    // the collar's back is one piece with the body all round the neck
    { parts: [PART_BODY, PART_INSIDE] as [number, number], seam: seams.neck, reach: Math.max(gw, gh) },
  ];
  const mesh = halfSizeMesh(labels, src.mask, gw, gh, spacing, joins);
  const arapHandles: Handle[] = [];
  for (const h of handles) {
    const loc = pointLocation(mesh, h.at, h.part, spacing * 1.5);
    if (loc) arapHandles.push({ triangle: loc.triangle, bary: loc.bary, target: h.to, weight: HANDLE_WEIGHT });
  }
  const restTransforms = new Float64Array(mesh.parts.length * 4);
  for (let t = 0; t < mesh.parts.length; t++) {
    const p = mesh.parts[t];
    const y = (mesh.rest[2 * mesh.triangles[3 * t] + 1] + mesh.rest[2 * mesh.triangles[3 * t + 1] + 1] + mesh.rest[2 * mesh.triangles[3 * t + 2] + 1]) / 3;
    const m = (p === PART_LEFT_SLEEVE ? scales.leftSleeve : p === PART_RIGHT_SLEEVE ? scales.rightSleeve : null) ?? scales.body(y);
    restTransforms.set(m, t * 4);
  }
  const deformed = deformArap(mesh, arapHandles, { iterations: ITERATIONS, restTransforms });
  const crisp = { ...src, mask: sharpenOutline(src.mask, gw, gh), parts: labels };
  const seamBand = sleeveSeamBand(joins.filter((j) => j.parts[1] !== PART_INSIDE), gw, gh);
  const layers = rasterizeLayers(crisp, seamBand, mesh, deformed, heldTriangles(mesh, arapHandles), width, height);
  dropSlivers(layers);
  return layers;
}

/**
 * A strap a pixel or two wide in the product photo comes out of its scaling fainter than
 * half opaque and breaks up; worn, a strap is about half a centimetre wide (a few portrait
 * pixels). Thin parts (solid cloth an opening of the mask by a pixel takes away) are widened
 * by a pixel each side, in their own colour, and made more opaque.
 */
function withStrapsWidened(src: GarmentSource): GarmentSource {
  const { width: w, height: h } = src.image;
  const solid = createGray(w, h);
  for (let i = 0; i < w * h; i++) solid.data[i] = src.mask[i] >= 0.5 ? 1 : 0;
  const opened = dilate(erode(solid, 1), 1);
  const mask = Float32Array.from(src.mask), image = { width: w, height: h, data: new Uint8ClampedArray(src.image.data) };
  const parts = Uint8Array.from(src.parts);
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x;
    // a thin part: solid cloth an opening takes away (not the soft outline of a broad part)
    if (solid.data[i] < 0.5 || opened.data[i] >= 0.5) continue;
    // more opaque, and lent to fainter neighbours
    mask[i] = Math.max(mask[i], Math.min(1, src.mask[i] + STRAP_OPACITY));
    for (const j of [i - 1, i + 1, i - w, i + w]) {
      if (src.mask[j] >= src.mask[i] || opened.data[j] >= 0.5) continue;
      mask[j] = Math.max(mask[j], src.mask[i]);
      for (let c = 0; c < 3; c++) image.data[j * 4 + c] = src.image.data[i * 4 + c];
      if (!parts[j]) parts[j] = src.parts[i];
    }
  }
  return { image, mask, parts };
}

/**
 * The source's part labels where the garment is, its soft outline included: the outline's
 * faint pixels (unlabelled: the shape reader labels the mask's solid part) take the label of
 * the labelled pixel next to them, so a sleeve's fringe belongs to the sleeve.
 */
function garmentLabels(src: GarmentSource): Uint8Array {
  const { width: w, height: h } = src.image;
  const out = new Uint8Array(src.parts.length);
  let pending: number[] = [];
  for (let i = 0; i < out.length; i++) {
    if (src.mask[i] <= 0.02) continue;
    if (src.parts[i]) out[i] = src.parts[i];
    else pending.push(i);
  }
  while (pending.length) {
    const next: number[] = [];
    const found: [number, number][] = [];
    for (const i of pending) {
      const x = i % w;
      const from = (x > 0 && out[i - 1]) || (x + 1 < w && out[i + 1]) || (i >= w && out[i - w]) || (i + w < w * h && out[i + w]) || 0;
      if (from) found.push([i, from]);
      else next.push(i);
    }
    if (!found.length) {
      for (const i of next) out[i] = PART_BODY; // a faint speck apart from the garment
      break;
    }
    for (const [i, from] of found) out[i] = from;
    pending = next;
  }
  return out;
}

function garmentWidth(labels: Uint8Array, w: number, h: number): number {
  let x0 = w, x1 = -1;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (labels[y * w + x]) { if (x < x0) x0 = x; if (x > x1) x1 = x; }
  return Math.max(1, x1 - x0 + 1);
}

/**
 * The source pixels near a sleeve's seam (within its join's reach of the seam segment): there
 * the body's triangles count the sleeve's pixels as cloth. The body and the sleeve each end in
 * a half-covered pixel at the seam; drawn one over the other, a quarter of what is under them
 * showed through, a thin line of skin or backdrop along every sleeve's seam.
 */
function sleeveSeamBand(joins: Join[], w: number, h: number): Uint8Array {
  const band = new Uint8Array(w * h);
  for (const { seam: [a, b], reach } of joins) {
    const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - reach)), x1 = Math.min(w - 1, Math.ceil(Math.max(a[0], b[0]) + reach));
    const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - reach)), y1 = Math.min(h - 1, Math.ceil(Math.max(a[1], b[1]) + reach));
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (segmentDistance(x, y, a, b).d <= reach) band[y * w + x] = 1;
  }
  return band;
}

/**
 * Each triangle into its part's layer. A pixel takes the garment's coverage at its source
 * point, counting only source pixels of the triangle's own part: each part has triangles of
 * its own over all its pixels (the mesh's overlap mode), sharing the seam's vertices, so the
 * seam stays closed; a body triangle over a sleeve in the flat photo must not carry the
 * sleeve's pixels along with the body. Near a sleeve's seam (`seamBand`) the body's triangles
 * count the sleeve's pixels too: the body is whole under the sleeve's soft edge there.
 */
function rasterizeLayers(src: GarmentSource, seamBand: Uint8Array, mesh: Mesh, deformed: Float64Array, held: Uint8Array, width: number, height: number): SheetLayers {
  const layers: SheetLayers = { body: createRgba(width, height), sleeves: createRgba(width, height) };
  const { width: w, height: h, data: img } = src.image;
  const { mask, parts } = src;
  rasterizeMesh(mesh, deformed, width, height, (pixel, u, v, triangle) => {
    if (!held[triangle] || u < -0.5 || v < -0.5 || u > w - 0.5 || v > h - 0.5) return;
    const part = mesh.parts[triangle];
    if (part === PART_INSIDE) return;
    const layer = part === PART_BODY ? layers.body : layers.sleeves;
    // one bilinear fetch: colour from the four pixels round (u, v), coverage from those of this part
    const x0 = Math.max(0, Math.min(w - 1, Math.floor(u))), y0 = Math.max(0, Math.min(h - 1, Math.floor(v)));
    const x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
    const fx = Math.min(1, Math.max(0, u - x0)), fy = Math.min(1, Math.max(0, v - y0));
    const i00 = y0 * w + x0, i10 = y0 * w + x1, i01 = y1 * w + x0, i11 = y1 * w + x1;
    const w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
    const mine = (j: number) => parts[j] === part || (part === PART_BODY && seamBand[j] === 1 && parts[j] !== PART_INSIDE);
    const a = (mine(i00) ? mask[i00] * w00 : 0) + (mine(i10) ? mask[i10] * w10 : 0) + (mine(i01) ? mask[i01] * w01 : 0) + (mine(i11) ? mask[i11] * w11 : 0);
    const q = pixel * 4, out = layer.data;
    if (a <= 0.002 || a * 255 <= out[q + 3]) return;
    for (let c = 0; c < 3; c++) out[q + c] = img[i00 * 4 + c] * w00 + img[i10 * 4 + c] * w10 + img[i01 * 4 + c] * w01 + img[i11 * 4 + c] * w11;
    out[q + 3] = a * 255;
  });
  return layers;
}

/**
 * The mesh, laid out on the labels at half size (any labelled pixel of a 2x2 block labels it,
 * so a strap a pixel wide keeps its triangles) and brought back to the source's pixels: a
 * quarter of the work, at a spacing several source pixels wide anyway.
 */
function halfSizeMesh(labels: Uint8Array, mask: Float32Array, w: number, h: number, spacing: number, joins: Join[]): Mesh {
  const hw = Math.max(1, Math.ceil(w / 2)), hh = Math.max(1, Math.ceil(h / 2));
  const half = new Uint8Array(hw * hh), cover = new Float32Array(hw * hh);
  const count = new Uint8Array(256);
  for (let y = 0; y < hh; y++) for (let x = 0; x < hw; x++) {
    let best = 0, top = 0, m = 0;
    for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) {
      const xx = 2 * x + dx, yy = 2 * y + dy;
      if (xx >= w || yy >= h) continue;
      const l = labels[yy * w + xx];
      m = Math.max(m, mask[yy * w + xx]);
      if (l && ++count[l] > top) { top = count[l]; best = l; }
    }
    for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) {
      const xx = 2 * x + dx, yy = 2 * y + dy;
      if (xx < w && yy < h) count[labels[yy * w + xx]] = 0;
    }
    half[y * hw + x] = best;
    cover[y * hw + x] = m;
  }
  // half-size pixel i covers source pixels 2i and 2i + 1: its centre is at 2i + 0.5
  const toHalf = (p: Point): Point => [(p[0] - 0.5) / 2, (p[1] - 0.5) / 2];
  const mesh = meshFromLabels(half, hw, hh, {
    spacing: spacing / 2,
    joins: joins.map((j) => ({ parts: j.parts, seam: [toHalf(j.seam[0]), toHalf(j.seam[1])], reach: j.reach / 2 })),
    coverage: cover,
    overlap: true,
  });
  for (let k = 0; k < mesh.rest.length; k++) mesh.rest[k] = mesh.rest[k] * 2 + 0.5;
  return mesh;
}

/**
 * The triangles of the mesh's pieces that some handle holds. A piece no handle reaches (a
 * soft fringe's triangles apart from the cloth, a speck) would stay where the flat photo had
 * it, beside the body: it is not drawn.
 */
function heldTriangles(mesh: Mesh, handles: Handle[]): Uint8Array {
  const n = mesh.rest.length / 2, T = mesh.parts.length, tri = mesh.triangles;
  // union-find over vertices, joined through triangles
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) { parent[a] = parent[parent[a]]; a = parent[a]; }
    return a;
  };
  for (let t = 0; t < T; t++) {
    const a = find(tri[3 * t]);
    for (const v of [tri[3 * t + 1], tri[3 * t + 2]]) { const b = find(v); if (b !== a) parent[b] = a; }
  }
  const heldRoots = new Set(handles.map((h) => find(tri[3 * h.triangle])));
  const out = new Uint8Array(T);
  for (let t = 0; t < T; t++) out[t] = heldRoots.has(find(tri[3 * t])) ? 1 : 0;
  return out;
}

/**
 * Clears what the drawing left apart from the garment: the sheet is one piece, so a sliver
 * apart from it (smaller than SLIVER of it) is a fold's edge that shows past the fold, not
 * cloth of its own.
 */
function dropSlivers(layers: SheetLayers): void {
  const { width: w, height: h } = layers.body;
  const alpha = (i: number) => Math.max(layers.body.data[i * 4 + 3], layers.sleeves.data[i * 4 + 3]);
  // only round what was drawn
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (alpha(y * w + x) >= 128) { if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; y1 = y; }
  if (x1 < 0) return;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const label = new Int32Array(bw * bh), sizes = [0], stack = new Int32Array(bw * bh);
  for (let s0 = 0; s0 < bw * bh; s0++) {
    if (label[s0] || alpha((y0 + Math.floor(s0 / bw)) * w + x0 + (s0 % bw)) < 128) continue;
    const id = sizes.length;
    let size = 0, top = 0;
    label[s0] = id;
    stack[top++] = s0;
    while (top > 0) {
      const k = stack[--top];
      size++;
      const kx = k % bw, ky = (k - kx) / bw;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const nx = kx + dx, ny = ky + dy;
        if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
        const j = ny * bw + nx;
        if (!label[j] && alpha((y0 + ny) * w + x0 + nx) >= 128) { label[j] = id; stack[top++] = j; }
      }
    }
    sizes.push(size);
  }
  if (sizes.length <= 2) return;
  const largest = Math.max(...sizes.slice(1));
  for (let k = 0; k < bw * bh; k++) {
    const id = label[k];
    if (!id || sizes[id] >= largest * SLIVER) continue;
    const i = (y0 + Math.floor(k / bw)) * w + x0 + (k % bw);
    layers.body.data[i * 4 + 3] = layers.sleeves.data[i * 4 + 3] = 0;
  }
}

/** The drawn garment's coverage (max over its layers), e.g. for counting its pieces. */
export function sheetCoverage(layers: SheetLayers): GrayImage {
  const { width, height } = layers.body;
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(layers.body.data[i * 4 + 3], layers.sleeves.data[i * 4 + 3]) / 255;
  return { width, height, data };
}
