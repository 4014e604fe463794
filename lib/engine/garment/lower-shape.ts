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

/** Waist-to-crotch depth of flat trousers, in waistband widths: the most we believe, and the usual. */
const MAX_RISE = 1.3, TYPICAL_RISE = 0.9;

/**
 * @example const shape = lowerShape(mask); // { kind: 'trousers', landmarks: { crotch: [380, 420], ... }, parts }
 * @returns null when the mask is empty.
 */
export function lowerShape(mask: GrayImage): LowerShape | null {
  const { width: w, height: h, data } = mask;
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (data[y * w + x] < 0.5) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    y1 = y;
  }
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const minRun = Math.max(2, Math.round(bw * 0.02));
  // Widest run per row (the garment's outline, belt loops and specks aside).
  const outline: ([number, number] | null)[] = [];
  for (let y = 0; y < h; y++) {
    const runs = y < y0 || y > y1 ? [] : rowRuns(data, w, y, x0, x1, minRun);
    outline.push(runs.length ? [runs[0][0], runs[runs.length - 1][1]] : null);
  }

  // Crotch: going up from the hem, the legs stay apart (two runs) until they join.
  // Shorts split only in their bottom part; trousers in most of their height.
  let splitTop = -1;
  let gapAt: number[] = [];
  for (let y = Math.round(y1 - bh * 0.02); y > y0 + bh * 0.1; y--) {
    const runs = rowRuns(data, w, y, x0, x1, minRun);
    if (runs.length < 2) {
      if (splitTop >= 0) break;
      continue;
    }
    // the gap nearest the middle of the row's outline
    const mid = (runs[0][0] + runs[runs.length - 1][1]) / 2;
    let best = 0;
    for (let k = 1; k < runs.length; k++) if (Math.abs((runs[k - 1][1] + runs[k][0]) / 2 - mid) < Math.abs((runs[best][1] + runs[best + 1][0]) / 2 - mid)) best = k - 1;
    splitTop = y;
    gapAt = [runs[best][1], runs[best + 1][0]];
  }
  const splitRows = splitTop >= 0 ? y1 - splitTop : 0;
  const kind: LowerKind = splitRows > bh * 0.2 ? 'trousers' : 'skirt';

  const at = (y: number): [number, number] => outline[Math.min(y1, Math.max(y0, Math.round(y)))] ?? [x0, x1];
  // Waistband corners a little below the top edge (rounded corners, belt loops).
  const waistY = Math.round(y0 + bh * 0.015);
  const [wl, wr] = at(waistY);
  const parts = new Uint8Array(w * h);

  if (kind === 'skirt') {
    const hipY = Math.round(y0 + bh * 0.2);
    const [hl, hr] = at(hipY);
    const hemY = Math.round(y1 - bh * 0.015);
    const [el, er] = at(hemY);
    for (let i = 0; i < w * h; i++) if (data[i] > 0.02) parts[i] = PART_HIPS;
    return {
      kind,
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

  const crotchX = (gapAt[0] + gapAt[1]) / 2;
  // Legs laid touching each other part only well below the crotch: then take the
  // crotch at a typical rise (0.65 to 1.2 waistband widths on our samples).
  const crotchY = splitTop - y0 > (wr - wl) * MAX_RISE ? Math.round(y0 + (wr - wl) * TYPICAL_RISE) : splitTop;
  const [hl, hr] = at(crotchY);
  // Each leg's hem: its run on the lowest rows, a little above its very bottom (rounded corners).
  const legHem = (side: -1 | 1): { outer: Pt; inner: Pt } => {
    let bottom = crotchY;
    for (let y = crotchY; y <= y1; y++) {
      const runs = rowRuns(data, w, y, x0, x1, minRun).filter((r) => ((r[0] + r[1]) / 2 - crotchX) * side > 0);
      if (runs.length) bottom = y;
    }
    const y = Math.round(bottom - bh * 0.012);
    const runs = rowRuns(data, w, y, x0, x1, minRun).filter((r) => ((r[0] + r[1]) / 2 - crotchX) * side > 0);
    const run = runs.length ? runs.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a)) : [crotchX, crotchX];
    return side > 0 ? { outer: [run[1], y], inner: [run[0], y] } : { outer: [run[0], y], inner: [run[1], y] };
  };
  const imgRight = legHem(1), imgLeft = legHem(-1);
  // Parts: above the crotch the hips; below it, each side of the line from the crotch
  // down the middle of the gap between the hems is a leg.
  const hemGapX = (imgLeft.inner[0] + imgRight.inner[0]) / 2, hemGapY = (imgLeft.inner[1] + imgRight.inner[1]) / 2;
  for (let y = y0; y <= y1; y++) {
    const t = Math.max(0, Math.min(1, (y - crotchY) / Math.max(1, hemGapY - crotchY)));
    const split = crotchX + (hemGapX - crotchX) * t;
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (data[i] <= 0.02) continue;
      parts[i] = y < crotchY ? PART_HIPS : x > split ? PART_LEFT_LEG : PART_RIGHT_LEG;
    }
  }
  return {
    kind,
    parts,
    landmarks: {
      left_waist: [wr, y0], right_waist: [wl, y0],
      left_hip: [hr, crotchY], right_hip: [hl, crotchY],
      crotch: [crotchX, crotchY],
      left_hem_outer: imgRight.outer, left_hem_inner: imgRight.inner,
      right_hem_outer: imgLeft.outer, right_hem_inner: imgLeft.inner,
    },
  };
}
