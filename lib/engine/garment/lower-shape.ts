/**
 * Reads a flat bottom's shape from its mask: trousers (two legs below a
 * crotch) or a skirt (one piece widening to a hem), the landmarks the fit
 * needs, and which pixels belong to the hips and to each leg.
 *
 * Naming follows the wearer, as for body points: the garment's `left_*` is
 * on the image's right in a front view.
 */
import type { GrayImage } from '../image';
import type { Pt } from './garment-shape';
import { rowRuns } from './row-runs';

export type LowerKind = 'trousers' | 'skirt';

export interface LowerLandmarks {
  /** Top corners of the waistband. */
  left_waist: Pt;
  right_waist: Pt;
  /** Outer edges at the crotch's height (trousers) or a fifth of the way down (skirts). */
  left_hip: Pt;
  right_hip: Pt;
  /** Top of the gap between the legs; for a skirt, the middle of the hip line. */
  crotch: Pt;
  /** Each leg's hem, outer and inner corner; for a skirt the hem's corners (inner = outer). */
  left_hem_outer: Pt;
  left_hem_inner: Pt;
  right_hem_outer: Pt;
  right_hem_inner: Pt;
}

export interface LowerShape {
  kind: LowerKind;
  landmarks: LowerLandmarks;
  /** Per pixel: 0 none, 1 hips (above the crotch; all of a skirt), 2 the wearer's left leg, 3 the right leg. */
  parts: Uint8Array;
}

export const PART_HIPS = 1, PART_LEFT_LEG = 2, PART_RIGHT_LEG = 3;

// Tunable values, as shares of the garment's box (its mask's bounding box). Unless a source
// is given they were set by eye (no measurement behind them is recorded).

/** Runs narrower than this share of the box's width are belt loops or specks, not the outline. */
const MIN_RUN = 0.02;
/** The legs' split is looked for from this share of the height above the bottom up to this share below the top. */
const SPLIT_FROM_BOTTOM = 0.02, SPLIT_TO_TOP = 0.1;
/** Legs apart over more than this share of the height make trousers (or shorts); less is a skirt's slit or a fold. */
const MIN_LEGS = 0.2;
/** The waistband's corners and a skirt's hem are read this share of the height inside the top and the bottom (rounded corners, belt loops). */
const EDGE_INSET = 0.015;
/** A trouser leg's hem is read this share of the height above its lowest row (rounded corners). */
const LEG_HEM_INSET = 0.012;
/** A skirt's hip line: this share of the height down from its top. */
const SKIRT_HIP_AT = 0.2;
/** Waist-to-crotch depth of flat trousers, in waistband widths: the most we believe, and the usual (0.65 to 1.2 on our samples). */
const MAX_RISE = 1.3, TYPICAL_RISE = 0.9;
/** Pixels of mask over this belong to a part (the soft edge too). */
const PART_FROM = 0.02;

/** The mask and its box, and the garment's outline row by row: what each step reads. */
interface ShapeFrame {
  data: Float32Array;
  w: number;
  h: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The box's height. */
  bh: number;
  /** Narrowest run of a row that counts, in pixels. */
  minRun: number;
  /** The outline's [left, right] on a row (clamped into the box; the box's sides where the row is empty). */
  at: (y: number) => [number, number];
}

/**
 * @example const shape = lowerShape(mask); // { kind: 'trousers', landmarks: { crotch: [380, 420], ... }, parts }
 * @returns null when the mask is empty.
 */
export function lowerShape(mask: GrayImage): LowerShape | null {
  const box = maskBox(mask);
  if (!box) return null;
  const { width: w, height: h, data } = mask;
  const { x0, y0, x1, y1 } = box;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const minRun = Math.max(2, Math.round(bw * MIN_RUN));
  const outline = rowOutlines(data, w, h, box, minRun);
  const f: ShapeFrame = { data, w, h, x0, y0, x1, y1, bh, minRun, at: (y) => outline[Math.min(y1, Math.max(y0, Math.round(y)))] ?? [x0, x1] };
  const split = legsSplit(f);
  const splitRows = split ? y1 - split.top : 0;
  // Waistband corners a little below the top edge (rounded corners, belt loops).
  const [wl, wr] = f.at(Math.round(y0 + bh * EDGE_INSET));
  return split && splitRows > bh * MIN_LEGS ? trousersShape(f, split, wl, wr) : skirtShape(f, wl, wr);
}

/** The bounding box of the mask's pixels at 0.5 and over, or null when there are none. */
function maskBox(mask: GrayImage): { x0: number; y0: number; x1: number; y1: number } | null {
  const { width: w, height: h, data } = mask;
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (data[y * w + x] < 0.5) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    y1 = y;
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/** Per row, from the first run's left to the last run's right (the garment's outline, belt loops and specks aside); null where the row has none. */
function rowOutlines(data: Float32Array, w: number, h: number, box: { x0: number; y0: number; x1: number; y1: number }, minRun: number): ([number, number] | null)[] {
  const outline: ([number, number] | null)[] = [];
  for (let y = 0; y < h; y++) {
    const runs = y < box.y0 || y > box.y1 ? [] : rowRuns(data, w, y, box.x0, box.x1, minRun);
    outline.push(runs.length ? [runs[0][0], runs[runs.length - 1][1]] : null);
  }
  return outline;
}

/**
 * Where the legs part: going up from the hem, the legs stay apart (two runs) until they
 * join. Shorts split only in their bottom part; trousers in most of their height. The
 * highest row of the split, and on it the gap nearest the middle of the row's outline;
 * null when no row is split.
 */
function legsSplit(f: ShapeFrame): { top: number; gap: [number, number] } | null {
  const { data, w, x0, y0, x1, y1, bh, minRun } = f;
  let top = -1;
  let gap: [number, number] = [0, 0];
  for (let y = Math.round(y1 - bh * SPLIT_FROM_BOTTOM); y > y0 + bh * SPLIT_TO_TOP; y--) {
    const runs = rowRuns(data, w, y, x0, x1, minRun);
    if (runs.length < 2) {
      if (top >= 0) break;
      continue;
    }
    const mid = (runs[0][0] + runs[runs.length - 1][1]) / 2;
    let best = 0;
    for (let k = 1; k < runs.length; k++) if (Math.abs((runs[k - 1][1] + runs[k][0]) / 2 - mid) < Math.abs((runs[best][1] + runs[best + 1][0]) / 2 - mid)) best = k - 1;
    top = y;
    gap = [runs[best][1], runs[best + 1][0]];
  }
  return top >= 0 ? { top, gap } : null;
}

/** A skirt: one piece, all of it hips; its hip line a fifth of the way down, its hem's corners just above its bottom. */
function skirtShape(f: ShapeFrame, wl: number, wr: number): LowerShape {
  const { data, w, h, y0, y1, bh } = f;
  const hipY = Math.round(y0 + bh * SKIRT_HIP_AT);
  const [hl, hr] = f.at(hipY);
  const hemY = Math.round(y1 - bh * EDGE_INSET);
  const [el, er] = f.at(hemY);
  const parts = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) if (data[i] > PART_FROM) parts[i] = PART_HIPS;
  return {
    kind: 'skirt',
    parts,
    landmarks: {
      left_waist: [wr, y0], right_waist: [wl, y0],
      left_hip: [hr, hipY], right_hip: [hl, hipY],
      crotch: [(hl + hr) / 2, hipY],
      left_hem_outer: [er, hemY], left_hem_inner: [er, hemY],
      right_hem_outer: [el, hemY], right_hem_inner: [el, hemY],
    },
  };
}

/** Trousers: the crotch where the legs part, each leg's hem, and the hips and legs as parts. */
function trousersShape(f: ShapeFrame, split: { top: number; gap: [number, number] }, wl: number, wr: number): LowerShape {
  const { y0 } = f;
  const crotchX = (split.gap[0] + split.gap[1]) / 2;
  // Legs laid touching each other part only well below the crotch: then take the crotch at a typical rise.
  const crotchY = split.top - y0 > (wr - wl) * MAX_RISE ? Math.round(y0 + (wr - wl) * TYPICAL_RISE) : split.top;
  const [hl, hr] = f.at(crotchY);
  const imgRight = legHem(f, crotchX, crotchY, 1), imgLeft = legHem(f, crotchX, crotchY, -1);
  return {
    kind: 'trousers',
    parts: trouserParts(f, crotchX, crotchY, imgLeft.inner, imgRight.inner),
    landmarks: {
      left_waist: [wr, y0], right_waist: [wl, y0],
      left_hip: [hr, crotchY], right_hip: [hl, crotchY],
      crotch: [crotchX, crotchY],
      left_hem_outer: imgRight.outer, left_hem_inner: imgRight.inner,
      right_hem_outer: imgLeft.outer, right_hem_inner: imgLeft.inner,
    },
  };
}

/** A leg's hem (side +1 the image's right of the crotch, -1 its left): its widest run a little above its lowest row (rounded corners). */
function legHem(f: ShapeFrame, crotchX: number, crotchY: number, side: -1 | 1): { outer: Pt; inner: Pt } {
  const { data, w, x0, x1, y1, bh, minRun } = f;
  const onSide = (y: number) => rowRuns(data, w, y, x0, x1, minRun).filter((r) => ((r[0] + r[1]) / 2 - crotchX) * side > 0);
  let bottom = crotchY;
  for (let y = crotchY; y <= y1; y++) if (onSide(y).length) bottom = y;
  const y = Math.round(bottom - bh * LEG_HEM_INSET);
  const runs = onSide(y);
  const run = runs.length ? runs.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a)) : [crotchX, crotchX];
  return side > 0 ? { outer: [run[1], y], inner: [run[0], y] } : { outer: [run[0], y], inner: [run[1], y] };
}

/**
 * Each pixel's part: above the crotch the hips; below it, each side of the line from the
 * crotch down the middle of the gap between the hems is a leg.
 */
function trouserParts(f: ShapeFrame, crotchX: number, crotchY: number, innerImgLeft: Pt, innerImgRight: Pt): Uint8Array {
  const { data, w, h, x0, y0, x1, y1 } = f;
  const parts = new Uint8Array(w * h);
  const hemGapX = (innerImgLeft[0] + innerImgRight[0]) / 2, hemGapY = (innerImgLeft[1] + innerImgRight[1]) / 2;
  for (let y = y0; y <= y1; y++) {
    const t = Math.max(0, Math.min(1, (y - crotchY) / Math.max(1, hemGapY - crotchY)));
    const split = crotchX + (hemGapX - crotchX) * t;
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (data[i] <= PART_FROM) continue;
      parts[i] = y < crotchY ? PART_HIPS : x > split ? PART_LEFT_LEG : PART_RIGHT_LEG;
    }
  }
  return parts;
}
