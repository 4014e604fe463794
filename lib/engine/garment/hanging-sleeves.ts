/**
 * Long sleeves photographed hanging down beside a top's body, touching it: the
 * outline alone cannot tell sleeve from body (it runs straight from the
 * shoulder to the cuff). What tells them apart is the line where they meet: a
 * thin gap of backdrop near the cuffs, a fold's shadow, the sleeve's own edge.
 * The body's sides are found as the pair of lines, mirror images about the
 * garment's middle, along which such evidence is strongest, with sleeve (garment
 * further out) beyond them for most of their length. Their top is the armpit.
 */
import type { GrayImage, RgbaImage } from '../image';
import { gaussianBlur, luminance } from '../image';

/** The body's side, as a half width from the garment's middle that varies linearly with the row. */
export interface SideLine {
  /** Half width at the line's bottom row and its change per row going up. */
  halfAtBottom: number;
  slope: number;
  /** First (armpit) and last rows of the line. */
  top: number;
  bottom: number;
}

/**
 * Half widths tried for the body (at both ends of its side), as shares of the garment's width:
 * with a sleeve beside each side, the body is a third to four fifths of the whole width.
 */
const HALF_RANGE: [number, number] = [0.17, 0.4];
/** Change of the half width per row going up: a body's sides are near vertical, a little flared. */
const SLOPES = [-0.1, 0.1];
/** The line reaches this near the garment's bottom (share of its height): a hanging sleeve runs down to the hem's level. */
const MIN_BOTTOM = 0.8;
/** A sleeve beside the line is at least this wide, as a share of the garment's width. */
const MIN_SLEEVE = 0.07;
/** Share of the line's rows that must have sleeve beyond them on both sides. */
const SLEEVE_BESIDE = 0.75;
/** The line runs at least this share of the garment's height (a hanging long sleeve's length). */
const MIN_LENGTH = 0.3;
/** Edge evidence along the line, against the garment's typical edge strength, that extends it. */
const MIN_CONTRAST = 2.5;
/**
 * Mean evidence along the whole line for it to count, in typical edge strengths. Measured on
 * the samples: lines along hanging sleeves average 4.5-5.0 (gaps count GAP_EVIDENCE), the best
 * lines through the prints and puffs of sleeveless or short-sleeved tops 3.2-3.9.
 */
const MIN_MEAN_EVIDENCE = 4;
/** The armpit (the line's top) lies in a top's upper third, as a share of its height (below it, a flared body's sides). */
const MAX_ARMPIT = 0.35;
/** A gap between sleeve and body is at most this wide, as a share of the garment's width. */
const MAX_GAP = 0.04;
/** A pixel this near the backdrop's colour (RGB) in a gap between sleeve and body is backdrop. */
const GAP_BACKDROP = 20;
/** A gap of backdrop between sleeve and body counts as this strong an edge, in typical edge strengths. */
const GAP_EVIDENCE = 6;

/** A garment's box in its photo, in pixels (inclusive). */
interface Box { x0: number; y0: number; x1: number; y1: number }

/** Per row of the box, the garment's leftmost and rightmost columns (NaN on rows without garment). */
interface RowExtents { left: Float64Array; right: Float64Array }

/**
 * @param cx the garment's middle column; @param box its extent.
 * @returns null when no such pair of lines stands out (short or spread sleeves, no sleeves).
 * @example const line = hangingSleeveLine(mask, photo, 384, { x0, y0, x1, y1 });
 */
export function hangingSleeveLine(mask: GrayImage, image: RgbaImage, cx: number, box: Box): SideLine | null {
  const edges = verticalEdges(image);
  const typical = typicalEdge(mask, edges, box);
  if (typical === null) return null;
  const rows = rowExtents(mask, box);
  const point = evidenceMap(mask, edges, typical, box, rows);
  return bestSideLine(point, rows, cx, box);
}

/**
 * The garment's typical edge strength: the median over its inside (weave, print, folds),
 * so evidence is judged against this garment's own texture. Null when too little inside.
 */
function typicalEdge(mask: GrayImage, edges: Float32Array, box: Box): number | null {
  const { width: w } = mask;
  const inside: number[] = [];
  for (let y = box.y0; y <= box.y1; y += 2) for (let x = box.x0; x <= box.x1; x += 2) if (mask.data[y * w + x] >= 0.9) inside.push(edges[y * w + x]);
  if (inside.length < 100) return null;
  inside.sort((a, b) => a - b);
  return Math.max(1e-3, inside[inside.length >> 1]);
}

/** Outer extents of the garment per row, each side of the middle. */
function rowExtents(mask: GrayImage, box: Box): RowExtents {
  const { width: w } = mask;
  const bh = box.y1 - box.y0 + 1;
  const left = new Float64Array(bh).fill(NaN), right = new Float64Array(bh).fill(NaN);
  for (let r = 0; r < bh; r++) {
    const y = box.y0 + r;
    for (let x = box.x0; x <= box.x1; x++) if (mask.data[y * w + x] >= 0.5) { left[r] = x; break; }
    for (let x = box.x1; x >= box.x0; x--) if (mask.data[y * w + x] >= 0.5) { right[r] = x; break; }
  }
  return { left, right };
}

/** True when garment lies within `gapMax` pixels on both sides of (x, y): a gap between sleeve and body, not a neckline between straps. */
function narrowGap(mask: GrayImage, x: number, y: number, gapMax: number): boolean {
  const { width: w } = mask;
  let l = false, r = false;
  for (let d = 1; d <= gapMax && !(l && r); d++) {
    if (!l && x - d >= 0 && mask.data[y * w + x - d] >= 0.5) l = true;
    if (!r && x + d < w && mask.data[y * w + x + d] >= 0.5) r = true;
  }
  return l && r;
}

/**
 * Evidence per pixel of the box (row-major, box-relative): the vertical edge in typical edge
 * strengths, or GAP_EVIDENCE on a narrow gap of backdrop. Computed once per pixel, since
 * the search over lines asks for each many times.
 */
function evidenceMap(mask: GrayImage, edges: Float32Array, typical: number, box: Box, { left, right }: RowExtents): Float32Array {
  const { width: w } = mask;
  const bw = box.x1 - box.x0 + 1, bh = box.y1 - box.y0 + 1;
  const gapMax = Math.max(2, Math.round(bw * MAX_GAP));
  const point = new Float32Array(bw * bh);
  for (let r = 0; r < bh; r++) {
    if (Number.isNaN(left[r])) continue;
    const y = box.y0 + r;
    for (let x = box.x0; x <= box.x1; x++) {
      const i = y * w + x;
      point[r * bw + x - box.x0] = Math.min(GAP_EVIDENCE, mask.data[i] < 0.5 ? (x > left[r] && x < right[r] && narrowGap(mask, x, y, gapMax) ? GAP_EVIDENCE : 0) : edges[i] / typical);
    }
  }
  return point;
}

/** Evidence at column x of box row r: the strongest within a pixel, so a line a pixel off still finds its edge. */
function evidenceAt(point: Float32Array, box: Box, x: number, r: number): number {
  const bw = box.x1 - box.x0 + 1;
  const xi = Math.round(x) - box.x0;
  if (xi < 1 || xi >= bw - 1) return 0;
  const k = r * bw + xi;
  return Math.max(point[k - 1], point[k], point[k + 1]);
}

/** The pair of mirrored lines, over every half width and slope tried, with the most evidence; null when none qualifies. */
function bestSideLine(point: Float32Array, rows: RowExtents, cx: number, box: Box): SideLine | null {
  const bw = box.x1 - box.x0 + 1;
  let best: SideLine | null = null, bestScore = 0;
  for (let half = bw * HALF_RANGE[0]; half <= bw * HALF_RANGE[1]; half += 2) {
    for (let slope = SLOPES[0]; slope <= SLOPES[1] + 1e-9; slope += 0.025) {
      const found = scoreLine(point, rows, cx, box, half, slope);
      if (found !== null && found.score > bestScore) {
        bestScore = found.score;
        best = found.line;
      }
    }
  }
  return best;
}

/**
 * One candidate pair of lines: walking up from the bottom, the best run of rows by evidence
 * over MIN_CONTRAST, kept only when it is long, low, high-reaching and flanked by sleeve
 * enough to be a body's sides. Its score is that run's summed excess evidence.
 */
function scoreLine(point: Float32Array, { left, right }: RowExtents, cx: number, box: Box, half: number, slope: number): { score: number; line: SideLine } | null {
  const bw = box.x1 - box.x0 + 1, bh = box.y1 - box.y0 + 1;
  const minSleeve = bw * MIN_SLEEVE;
  let run = 0, beside = 0, rows = 0;
  let bestRun = 0, top = -1, besideAtTop = 0, rowsAtTop = 0;
  const besideRow = new Uint8Array(bh);
  for (let r = bh - 1; r >= 0; r--) {
    const hw = half + slope * (bh - 1 - r);
    if (hw <= 2) break;
    const e = (evidenceAt(point, box, cx - hw, r) + evidenceAt(point, box, cx + hw, r)) / 2;
    run += e - MIN_CONTRAST;
    rows++;
    if (!Number.isNaN(left[r]) && cx - hw - left[r] >= minSleeve && right[r] - (cx + hw) >= minSleeve) { beside++; besideRow[r] = 1; }
    if (run > bestRun) { bestRun = run; top = r; besideAtTop = beside; rowsAtTop = rows; }
    if (run < 0) { run = 0; beside = 0; rows = 0; }
  }
  if (top < 0 || rowsAtTop < bh * MIN_LENGTH || besideAtTop < rowsAtTop * SLEEVE_BESIDE || top + rowsAtTop - 1 < bh * MIN_BOTTOM) return null;
  // the sleeves hang from the shoulders: beside the line's upper third too, not only beside a flared hem
  let upper = 0;
  const third = Math.max(1, Math.round(rowsAtTop / 3));
  for (let r = top; r < top + third; r++) upper += besideRow[r];
  if (upper < third * SLEEVE_BESIDE) return null;
  const halfTop = half + slope * (rowsAtTop - 1);
  if (top > bh * MAX_ARMPIT || halfTop < bw * HALF_RANGE[0] || bestRun / rowsAtTop + MIN_CONTRAST < MIN_MEAN_EVIDENCE) return null;
  return { score: bestRun, line: { halfAtBottom: half, slope, top: box.y0 + top, bottom: box.y0 + top + rowsAtTop - 1 } };
}

/** Half width of a side line at row y. @example halfWidthAt(line, 400) */
export function halfWidthAt(line: SideLine, y: number): number {
  return line.halfAtBottom + line.slope * (line.bottom - y);
}

/** |∂/∂x| of the lightly blurred luminance (0..1 per pixel), per pixel. */
function verticalEdges(image: RgbaImage): Float32Array {
  const lum = gaussianBlur(luminance(image), 1);
  const { width: w, height: h, data } = lum;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 1; x < w - 1; x++) out[y * w + x] = Math.abs(data[y * w + x + 1] - data[y * w + x - 1]) / 2;
  return out;
}

/**
 * Clears the thin gap of backdrop between hanging sleeves and the body from the mask (the
 * mask closes such gaps, and they would be drawn as white lines along the sleeves): within
 * MAX_GAP of each side line, pixels of the backdrop's colour are backdrop.
 * @param backdrop the backdrop's mean colour (RGB).
 * @example clearSleeveGaps(mask, photo, line, 384, [246, 246, 246]);
 */
export function clearSleeveGaps(mask: GrayImage, image: RgbaImage, line: SideLine, cx: number, backdrop: [number, number, number]): void {
  const { width: w } = mask;
  let x0 = w, x1 = -1;
  for (let i = 0; i < mask.data.length; i++) if (mask.data[i] >= 0.5) { const x = i % w; if (x < x0) x0 = x; if (x > x1) x1 = x; }
  const reach = Math.max(2, Math.round((x1 - x0 + 1) * MAX_GAP));
  const d = image.data;
  for (let y = Math.round(line.top); y <= line.bottom; y++) {
    const hw = halfWidthAt(line, y);
    for (const side of [-1, 1]) {
      const xc = Math.round(cx + side * hw);
      for (let x = xc - reach; x <= xc + reach; x++) {
        if (x < 0 || x >= w) continue;
        const i = y * w + x;
        if (Math.hypot(d[i * 4] - backdrop[0], d[i * 4 + 1] - backdrop[1], d[i * 4 + 2] - backdrop[2]) < GAP_BACKDROP) mask.data[i] = 0;
      }
    }
  }
}
