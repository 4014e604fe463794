/**
 * A flat dress's shape: its bodice read as a top (neck, shoulders, armpits,
 * sleeves: the top's own landmark finder, run on the dress cut at its waist),
 * its waist (the narrowest row between the bust and the skirt, or a usual
 * place on a shift dress), and its skirt's outline down to the hem.
 *
 * The top's finder cannot be run on the whole dress: a skirt wider than the
 * bodice looks to it like a body below sleeves, and its armpits end up on the
 * skirt. Cut at the waist, a dress is a top.
 *
 * Naming follows the wearer: `left_*` is on the image's right in a front view.
 */
import type { GrayImage } from '../image';
import type { SleeveLength } from '../types';
import type { Pt, SleeveShape, UpperLandmarks } from './garment-shape';
import { PART_BODY, garmentShape } from './garment-shape';
import { rowRuns } from './row-runs';

/** Where along the skirt (waist 0, hem 1) its side points are taken. */
export const SKIRT_STEPS = [0.25, 0.5, 0.75] as const;

/** Skirt sides at SKIRT_STEPS of the way from waist to hem: left_skirt_1..3, right_skirt_1..3. */
export type SkirtSideName = `${'left' | 'right'}_skirt_${1 | 2 | 3}`;

export type DressLandmarks = UpperLandmarks & { left_waist: Pt; right_waist: Pt } & Record<SkirtSideName, Pt>;

export interface DressShape {
  landmarks: DressLandmarks;
  sleeve: SleeveLength;
  sleeves: { left: SleeveShape; right: SleeveShape };
  /** Per pixel: 0 none, 1 the dress's body, 2 the wearer's left sleeve, 3 the right sleeve. */
  parts: Uint8Array;
}

/** Runs of on-pixels across the whole of row y wider than `minRun`, as [left, right]. */
const runs = (mask: GrayImage, y: number, minRun: number) => rowRuns(mask.data, mask.width, y, 0, mask.width - 1, minRun);

/**
 * @example const dress = dressShape(mask); // { landmarks: { neck_back, left_waist, right_skirt_2, ... }, sleeves, parts }
 * @returns null when no bodice can be read (no neckline and shoulders).
 */
export function dressShape(mask: GrayImage): DressShape | null {
  const { width: w, height: h, data } = mask;
  let y0 = -1, y1 = -1, x0 = w, x1 = -1;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (data[y * w + x] < 0.5) continue;
    if (y0 < 0) y0 = y;
    y1 = y;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
  }
  if (y1 < 0) return null;
  const bh = y1 - y0 + 1, minRun = Math.max(2, Math.round((x1 - x0 + 1) * 0.02));
  const cx = (x0 + x1) / 2;
  // The run through the middle on row y (sleeves hanging apart are other runs).
  const middle = (y: number): [number, number] => {
    const rs = runs(mask, Math.round(y), minRun);
    if (!rs.length) return [cx, cx];
    return rs.reduce((a, b) => (Math.abs((b[0] + b[1]) / 2 - cx) < Math.abs((a[0] + a[1]) / 2 - cx) ? b : a));
  };
  // Waist: the narrowest middle run between a quarter and half way down; a dress without
  // one (no row clearly narrower than the bust) has it a third of the way down.
  let waistY = y0 + bh * 0.33, narrowest = Infinity;
  for (let y = Math.round(y0 + bh * 0.25); y <= y0 + bh * 0.5; y++) {
    const [l, r] = middle(y);
    if (r - l < narrowest - 1) { narrowest = r - l; waistY = y; }
  }
  let bust = 0;
  for (let y = Math.round(y0 + bh * 0.12); y <= y0 + bh * 0.22; y++) { const [l, r] = middle(y); bust = Math.max(bust, r - l); }
  if (narrowest > bust * 0.92) waistY = y0 + bh * 0.33;
  // Cut below the sleeves when they hang down past the waist beside the skirt.
  let sleevesEnd = -1;
  for (let y = Math.round(y0 + bh * 0.1); y <= y0 + bh * 0.7; y++) if (runs(mask, y, minRun).length >= 3) sleevesEnd = y;
  const firstCut = Math.round(Math.max(waistY, sleevesEnd + bh * 0.02));
  const readBodice = (cut: number) => {
    const bodiceMask: GrayImage = { width: w, height: h, data: new Float32Array(data) };
    bodiceMask.data.fill(0, (cut + 1) * w);
    return garmentShape(bodiceMask, { bodice: true });
  };
  // Short sleeves (puffed ones most) are told from the bodice only with some bodice below
  // them: when the cut at the waist finds no pair of sleeves, cuts a little lower may.
  let cutY = firstCut;
  let bodice = readBodice(firstCut);
  if (!pairedSleeves(bodice)) {
    for (const t of [0.3, 0.35, 0.4]) {
      const cut = Math.round(y0 + bh * t);
      if (cut <= firstCut) continue;
      const lower = readBodice(cut);
      if (pairedSleeves(lower)) { bodice = lower; cutY = cut; break; }
    }
  }
  if (!bodice?.landmarks || !bodice.sleeves || !bodice.parts) return null;
  const top = bodice.landmarks;

  // Skirt: its outline from the waist down to the hem, a little above the very bottom (rounded corners).
  const [wl, wr] = middle(waistY);
  const hemY = Math.round(y1 - bh * 0.015);
  const [hl, hr] = middle(hemY);
  const L: Record<string, Pt> = { ...top, left_waist: [wr, waistY], right_waist: [wl, waistY], left_hem: [hr, hemY], right_hem: [hl, hemY] };
  SKIRT_STEPS.forEach((t, k) => {
    const y = waistY + (hemY - waistY) * t;
    const [l, r] = middle(y);
    L[`left_skirt_${k + 1}`] = [r, y];
    L[`right_skirt_${k + 1}`] = [l, y];
  });
  const parts = bodice.parts;
  for (let i = (cutY + 1) * w; i < w * h; i++) if (data[i] > 0.02) parts[i] = PART_BODY;
  return { landmarks: L as unknown as DressLandmarks, sleeve: bodice.sleeve, sleeves: bodice.sleeves, parts };
}

/**
 * Both sleeves found, alike (a flat dress's sleeves are mirror images) and longer than
 * they are wide at the root: a puff or a ruffle that is not, the sleeve sampler cannot
 * lay along an arm (it draws it across the chest), so it stays part of the bodice.
 */
function pairedSleeves(shape: ReturnType<typeof garmentShape>): boolean {
  const sl = shape?.sleeves;
  if (!sl) return false;
  const sleeve = (s: SleeveShape) => s.rootHalfWidth >= 2 && s.length >= s.rootHalfWidth * 1.2;
  const alike = (a: number, b: number) => Math.min(a, b) >= Math.max(a, b) * 0.6;
  return sleeve(sl.left) && sleeve(sl.right) && alike(sl.left.length, sl.right.length) && alike(sl.left.rootHalfWidth, sl.right.rootHalfWidth);
}
