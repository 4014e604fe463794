/**
 * Reads a flat garment's shape from its mask: its category and, for tops, the
 * landmarks the fit needs. Everything is measured on row and column profiles of
 * the mask, so it costs a few passes over the pixels.
 *
 * Naming follows the wearer, as for body points: the garment's `left_shoulder`
 * is on the image's right in a front view.
 */
import type { GrayImage, RgbaImage } from '../image';
import type { SideLine } from './hanging-sleeves';
import { halfWidthAt, hangingSleeveLine } from './hanging-sleeves';
import type { GarmentCategory, SleeveLength } from '../types';

export type Pt = [number, number];

export interface UpperLandmarks {
  /** Top of the back neckline (the collar's highest point at the middle). */
  neck_back: Pt;
  /** Lowest point of the front neckline, where the chest shows. */
  neck_front: Pt;
  /** Where the collar meets each shoulder. */
  left_neck: Pt;
  right_neck: Pt;
  left_shoulder: Pt;
  right_shoulder: Pt;
  left_armpit: Pt;
  right_armpit: Pt;
  /** Middle of each sleeve's end (at the shoulder when there is no sleeve). */
  left_sleeve_end: Pt;
  right_sleeve_end: Pt;
  left_hem: Pt;
  right_hem: Pt;
}

export interface SleeveShape {
  /** Half width of the sleeve's opening at the shoulder-armpit line and at its end. */
  rootHalfWidth: number;
  endHalfWidth: number;
  /** Sleeve length from the middle of its root to its end, in garment pixels. */
  length: number;
}

export interface GarmentShape {
  category: GarmentCategory;
  sleeve: SleeveLength;
  box: { x: number; y: number; width: number; height: number };
  /** Only for upper garments (and the top of dresses). */
  landmarks: UpperLandmarks | null;
  sleeves: { left: SleeveShape; right: SleeveShape } | null;
  /** Per garment pixel: 0 none, 1 body, 2 the wearer's left sleeve, 3 the right sleeve, 4 the inside seen through the neck (upper garments only). */
  parts: Uint8Array | null;
  /** Where long sleeves hang against the body: the body's sides, mirror images about `centre`. */
  hanging?: { line: SideLine; centre: number } | null;
}

export const PART_BODY = 1, PART_LEFT_SLEEVE = 2, PART_RIGHT_SLEEVE = 3;
/** The garment's inside seen through the neck opening (the back of the collar): not drawn on the chest. */
export const PART_INSIDE = 4;

interface Profiles {
  w: number;
  h: number;
  on: (x: number, y: number) => boolean;
  top: Int32Array; // first row with garment per column, -1 if none
  box: { x0: number; y0: number; x1: number; y1: number };
  cx: number;
}

function profiles(mask: GrayImage): Profiles {
  const { width: w, height: h, data } = mask;
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] >= 0.5;
  const top = new Int32Array(w).fill(-1);
  let x0 = w, y0 = h, x1 = -1, y1 = -1, sx = 0, count = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x] < 0.5) continue;
      if (top[x] < 0) top[x] = y;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
      sx += x;
      count++;
    }
  }
  return { w, h, on, top, box: { x0, y0, x1, y1 }, cx: count ? sx / count : w / 2 };
}

/** The run of garment pixels on row y containing column x (or nearest to it), as [left, right]; null if the row is empty. */
function runAt(p: Profiles, y: number, x: number): [number, number] | null {
  let cx = Math.round(x);
  if (!p.on(cx, y)) {
    let found = -1;
    for (let d = 1; d < p.w; d++) {
      if (p.on(cx - d, y)) { found = cx - d; break; }
      if (p.on(cx + d, y)) { found = cx + d; break; }
      if (cx - d < 0 && cx + d >= p.w) break;
    }
    if (found < 0) return null;
    cx = found;
  }
  let l = cx, r = cx;
  while (p.on(l - 1, y)) l--;
  while (p.on(r + 1, y)) r++;
  return [l, r];
}

/** How to read a mask: `bodice` when it is a dress cut at its waist (its armpits sit low in it). */
export interface ShapeOptions {
  bodice?: boolean;
  /** The photo itself: where the outline cannot tell sleeve from body, its edges can. */
  image?: RgbaImage;
}

/**
 * @example const shape = garmentShape(mask); // { category: 'upper', sleeve: 'short', landmarks: {...} }
 */
export function garmentShape(mask: GrayImage, options: ShapeOptions = {}): GarmentShape | null {
  const p = profiles(mask);
  const { x0, y0, x1, y1 } = p.box;
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const box = { x: x0, y: y0, width: bw, height: bh };
  const category = guessCategory(p);
  if (category !== 'upper' && category !== 'dress') return { category, sleeve: 'none', box, landmarks: null, sleeves: null, parts: null };
  const found = upperLandmarks(p, category, options.bodice ? BODICE_ARMPIT_DEPTH : TOP_ARMPIT_DEPTH, mask, options.image);
  if (!found) return { category, sleeve: 'none', box, landmarks: null, sleeves: null, parts: null };
  return { category, sleeve: found.sleeve, box, landmarks: found.landmarks, sleeves: found.sleeves, parts: found.parts, hanging: found.hanging };
}

/**
 * Trousers and shorts split into two legs at the bottom; skirts have a straight
 * waistband on top and widen downwards; dresses are long with a neckline or straps on top.
 */
function guessCategory(p: Profiles): GarmentCategory {
  const { x0, y0, x1, y1 } = p.box;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const aspect = bh / bw;
  // Leg split: rows in the bottom 35% whose middle is empty with garment on both sides.
  let split = 0, rows = 0;
  for (let y = Math.round(y0 + bh * 0.65); y <= y1 - bh * 0.03; y++) {
    rows++;
    const c = Math.round(p.cx);
    // a gap between the legs near the middle, however narrow (legs often touch in flat photos)
    let gap = false;
    for (let x = c - Math.max(1, Math.round(bw * 0.03)); x <= c + bw * 0.03; x++) if (!p.on(x, y)) gap = true;
    if (!gap) continue;
    let left = false, right = false;
    for (let x = x0; x < c; x++) if (p.on(x, y)) { left = true; break; }
    for (let x = x1; x > c; x--) if (p.on(x, y)) { right = true; break; }
    if (left && right) split++;
  }
  if (rows > 0 && split / rows > 0.5) return 'lower';
  // Top edge: a waistband is a straight top across most of the width; a top or dress dips at the neck.
  const tops: number[] = [];
  for (let x = Math.round(x0 + bw * 0.2); x <= x1 - bw * 0.2; x++) if (p.top[x] >= 0) tops.push(p.top[x]);
  tops.sort((a, b) => a - b);
  const topSpread = tops.length ? (tops[Math.floor(tops.length * 0.9)] - tops[Math.floor(tops.length * 0.1)]) / bh : 1;
  const widthAt = (t: number) => {
    const r = runAt(p, Math.round(y0 + bh * t), p.cx);
    return r ? r[1] - r[0] + 1 : 0;
  };
  const straightTop = topSpread < 0.02;
  const widens = widthAt(0.9) > widthAt(0.05) * 1.15;
  if (straightTop && widens && widthAt(0.02) < bw * 0.75) return 'lower';
  if (aspect > 1.55) return 'dress';
  return 'upper';
}

/**
 * How far down its length (neck 0, hem 1) an armpit may sit before the reading is
 * distrusted: a top's armpits are in its upper half; a bodice cut at the waist is
 * mostly above them.
 */
const TOP_ARMPIT_DEPTH = 0.6, BODICE_ARMPIT_DEPTH = 0.9;
/** A hanging sleeve's shoulder corner: the outermost column whose top lies within this share of the shoulder-to-armpit drop below the shoulder. */
const HANGING_CORNER_DROP = 0.25;
/** How near (share of the height) a hanging line's top must be to armpits the profiles found, to mark their sleeves' inner edges. */
const HANGING_ARMPIT_AGREEMENT = 0.12;
/** A hanging sleeve's armpit, at the lowest, as a share of the garment's height (a top's armpits lie in its upper third). */
const HANGING_MAX_ARMPIT = 0.35;
/** A long sleeve is at least this long for the chest's width (samples: long 0.83-1.46, short up to 0.55). */
const LONG_SLEEVE_OF_CHEST = 0.7;
/** How far from a sleeve's axis its underside below the armpit's row may reach, in the sleeve's half widths. */
const SLEEVE_CORRIDOR = 1.1;
/** A sleeve ends where this share of its pixels lie nearer its root: the farthest few may be strays. */
const SLEEVE_REACH = 0.995;

function upperLandmarks(p: Profiles, category: GarmentCategory, maxArmpitDepth: number, mask: GrayImage, image?: RgbaImage): { landmarks: UpperLandmarks; sleeve: SleeveLength; sleeves: { left: SleeveShape; right: SleeveShape }; parts: Uint8Array; hanging: { line: SideLine; centre: number } | null } | null {
  const { x0, y0, x1, y1 } = p.box;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const cx = p.cx;

  // Neck. `dip` is the top edge's lowest point near the middle (the front neckline when
  // the neck opening shows, the back of the collar when the collar's inside fills it).
  let nx = Math.round(cx), ny = p.top[nx];
  for (let x = Math.round(cx - bw * 0.12); x <= cx + bw * 0.12; x++) {
    if (p.top[x] > ny) { ny = p.top[x]; nx = x; }
  }
  // The collar's corners: walking out from the middle, the top edge reaches its highest
  // level (the collar's peak, or a flat band of collar) and then falls away along the
  // shoulder; the corner is where it starts to fall. Within a quarter of the width: a
  // neck opening is narrower than the shoulders.
  const cornerWithin = (reachShare: number) => {
    const reach = Math.round(bw * reachShare);
    // each side's own highest level: in a photo a little turned or hung askew one strap stands higher
    const levelOf = (dir: -1 | 1) => {
      let l = Infinity;
      for (let x = Math.round(cx); Math.abs(x - cx) <= reach; x += dir) if (x >= 0 && x < p.w && p.top[x] >= 0) l = Math.min(l, p.top[x]);
      return l;
    };
    const corner = (dir: -1 | 1): Pt => {
      const level = levelOf(dir);
      let last: Pt | null = null;
      for (let x = Math.round(cx); Math.abs(x - cx) <= reach; x += dir) {
        const t = p.top[x];
        if (t < 0) break;
        if (t <= level + bh * 0.012) last = [x, t];
        else if (last && t > level + bh * 0.03) break;
      }
      return last ?? [Math.round(cx + dir * reach * 0.6), level];
    };
    return { level: Math.min(levelOf(-1), levelOf(1)), left: corner(-1), right: corner(1), reach };
  };
  // Straps stand further out than a collar: when the edge still rises at a quarter of
  // the width, look further.
  let neck = cornerWithin(0.25);
  if (Math.abs(neck.left[0] - cx) >= neck.reach - 2 || Math.abs(neck.right[0] - cx) >= neck.reach - 2) neck = cornerWithin(0.45);
  const level = neck.level;
  const corner = (dir: -1 | 1): Pt => (dir < 0 ? neck.left : neck.right);
  const neckImgLeft = corner(-1), neckImgRight = corner(1);

  // Body edges per row: the run through the garment's middle.
  // The run through the middle, per row, computed once (the sleeve tests ask for it per pixel).
  const runs = new Map<number, [number, number] | null>();
  const bodyRun = (y: number) => {
    let r = runs.get(y);
    if (r === undefined) { r = runAt(p, y, cx); runs.set(y, r); }
    return r;
  };
  // Hem: the lowest rows of the body run.
  // Hem: a curved or uneven hem has no corners on its lowest row; take the body's
  // widest run in the bottom 8% (where the side seams end), at its own height.
  let hemY = Math.round(y1 - bh * 0.01);
  let hemRun: [number, number] = bodyRun(hemY) ?? [x0, x1];
  for (let y = Math.round(y1 - bh * 0.08); y <= y1; y++) {
    const r = bodyRun(y);
    if (r && r[1] - r[0] > (hemRun[1] - hemRun[0]) * 1.02) { hemRun = r; hemY = y; }
  }
  hemY = Math.max(hemY, Math.round(y1 - bh * 0.03));

  // Armpits, from each side's profile (the body run's outer edge, row by row, hem upwards).
  const side = (dir: -1 | 1): { armpit: Pt; sleeveFound: boolean } => {
    const yTop = Math.round(Math.max(ny, y0 + bh * 0.05));
    const edge = new Map<number, number>();
    for (let y = yTop; y <= hemY; y++) {
      const r = bodyRun(y);
      if (r) edge.set(y, (dir < 0 ? r[0] : r[1]));
    }
    const out = (y: number) => (edge.has(y) ? edge.get(y)! * dir : null);
    // 1. A sleeve hanging beside the body joins it where the gap between them closes: a jump outwards.
    for (let y = hemY - 1; y >= y0 + bh * 0.2; y--) {
      const a = out(y), b = out(y + 1);
      if (a !== null && b !== null && a - b > bw * 0.04 && y < y0 + bh * 0.75) return { armpit: [edge.get(y + 1)!, y + 1], sleeveFound: true };
    }
    // 2. A sleeve spreading out: the deepest point of the profile under the chord from
    //    the sleeve's outermost point down to the hem.
    let ys = -1, smax = -Infinity;
    for (let y = yTop; y <= ny + (hemY - ny) * 0.6; y++) {
      const v = out(y);
      if (v !== null && v > smax) { smax = v; ys = y; }
    }
    const hemOut = out(hemY) ?? smax;
    let deepest = -1, depth = 0;
    for (let y = ys + 1; y < hemY; y++) {
      const v = out(y);
      if (v === null || ys < 0) continue;
      const chord = smax + ((hemOut - smax) * (y - ys)) / (hemY - ys);
      if (chord - v > depth) { depth = chord - v; deepest = y; }
    }
    if (deepest > 0 && depth > bw * 0.03) {
      // The armpit is the corner where the sleeve's underside (steep in this profile)
      // turns into the body's side (nearly vertical): the first row below the sleeve's
      // outer point from which the profile stays steep no more.
      const k = Math.max(3, Math.round(bh * 0.03));
      for (let y = ys + 1; y + k <= hemY; y++) {
        const a = out(y), b = out(y + k);
        if (a === null || b === null) continue;
        // past the cuff's own vertical edge: the profile must have come in from the sleeve's end
        if (a > smax - bw * 0.06) continue;
        if (Math.abs(a - b) / k < 0.35) return { armpit: [edge.get(y)!, y], sleeveFound: true };
      }
      return { armpit: [edge.get(deepest)!, deepest], sleeveFound: true };
    }
    // 3. No sleeve: the armpit is where the armhole starts to curve in, going up from the hem.
    let best = hemY, bestV = out(hemY) ?? -Infinity;
    for (let y = hemY - 1; y >= yTop; y--) {
      const v = out(y);
      if (v === null) continue;
      if (v >= bestV - bw * 0.015) { best = y; bestV = Math.max(bestV, v); } else if (v < bestV - bw * 0.05) break;
    }
    return { armpit: [edge.get(best) ?? (dir < 0 ? x0 : x1), best], sleeveFound: false };
  };
  let imgLeft = side(-1), imgRight = side(1);
  // Tops are symmetric: when a sleeve is found on one side only (a rolled cuff, a sleeve
  // lying against the body), the other side's armpit is its mirror image.
  const mirror = (a: Pt): Pt => {
    const x = Math.round(2 * cx - a[0]);
    const r = bodyRun(a[1]);
    return [r ? Math.min(Math.max(x, r[0]), r[1]) : x, a[1]];
  };
  if (imgLeft.sleeveFound && !imgRight.sleeveFound) imgRight = { armpit: mirror(imgLeft.armpit), sleeveFound: true };
  else if (imgRight.sleeveFound && !imgLeft.sleeveFound) imgLeft = { armpit: mirror(imgRight.armpit), sleeveFound: true };
  // Sanity: armpits sit in the top half of the body, one on each side, a chest apart.
  // Sleeves that hang against the body can fool the profiles; then fall back to a
  // top's usual proportions rather than fit a folded garment.
  const top = Math.min(level, ny);
  const bodyLenNow = hemY - top;
  const armpitOk = (a: Pt, dir: -1 | 1) => a[1] > top + bodyLenNow * 0.1 && a[1] < top + bodyLenNow * maxArmpitDepth && (a[0] - cx) * dir > bw * 0.15 && (a[0] - cx) * dir < bw * 0.48;
  // (Sleeveless tops are read reliably by the widest-row rule and are left alone.)
  const sleevedNow = imgLeft.sleeveFound || imgRight.sleeveFound;
  if (sleevedNow && (!armpitOk(imgLeft.armpit, -1) || !armpitOk(imgRight.armpit, 1))) {
    const ay = Math.round(top + bodyLenNow * 0.3);
    const run = bodyRun(ay) ?? [x0, x1];
    const merged = run[1] - run[0] > bw * 0.8;
    const half = merged ? bw * 0.3 : (run[1] - run[0]) / 2;
    imgLeft = { armpit: [Math.round(cx - half), ay], sleeveFound: merged };
    imgRight = { armpit: [Math.round(cx + half), ay], sleeveFound: merged };
  }
  // Long sleeves hanging beside the body, touching it: no armpit shows in the outline; the
  // body's sides are the lines where sleeve meets body (hanging-sleeves.ts).
  const primaryFound = imgLeft.sleeveFound && imgRight.sleeveFound && armpitOk(imgLeft.armpit, -1) && armpitOk(imgRight.armpit, 1);
  const line = image ? hangingSleeveLine(mask, image, cx, p.box) : null;
  // Where the profiles found the armpits, a hanging line only says where the sleeves below them
  // end and the body begins (sleeves that touch the body there), if it starts near them.
  const agrees = line && Math.abs(line.top - (imgLeft.armpit[1] + imgRight.armpit[1]) / 2) <= bh * HANGING_ARMPIT_AGREEMENT;
  const hanging = line && (!primaryFound || agrees) ? line : null;
  if (hanging) {
    // the body's hem, not the sleeves' ends: the lowest row the body (between its sides) half fills
    for (let y = y1; y > y0 + bh * 0.5; y--) {
      const hb = halfWidthAt(hanging, y);
      let on = 0, all = 0;
      for (let x = Math.round(cx - hb); x <= cx + hb; x++, all++) if (p.on(x, y)) on++;
      if (on >= all / 2) { hemY = y; break; }
    }
  }
  if (hanging && primaryFound) {
    const hb = halfWidthAt(hanging, hemY);
    hemRun = [Math.round(cx - hb), Math.round(cx + hb)];
  } else if (hanging) {
    // the armpit: where the line starts, but no higher than the sleeve's width below the shoulder
    // (a seam runs about as far down from the shoulder as the sleeve it holds is wide)
    const sleeveTop = (dir: -1 | 1) => {
      const x = Math.round(cx + dir * halfWidthAt(hanging, hanging.top));
      const shoulderY = p.top[Math.min(p.w - 1, Math.max(0, x))];
      const row = Math.round(shoulderY + bh * 0.1);
      const r = runAt(p, row, x) ?? [x, x];
      return shoulderY + Math.abs((dir < 0 ? r[0] : r[1]) - x);
    };
    const ay = Math.round(Math.min(y0 + bh * HANGING_MAX_ARMPIT, Math.max(hanging.top, sleeveTop(-1), sleeveTop(1))));
    const half = halfWidthAt(hanging, ay);
    imgLeft = { armpit: [Math.round(cx - half), ay], sleeveFound: true };
    imgRight = { armpit: [Math.round(cx + half), ay], sleeveFound: true };
    const hb = halfWidthAt(hanging, hemY);
    hemRun = [Math.round(cx - hb), Math.round(cx + hb)];
  }
  // A hem narrower than half the chest is a hem curve's tip, not its corners.
  const chestHalf = (imgRight.armpit[0] - imgLeft.armpit[0]) / 2;
  if (hemRun[1] - hemRun[0] < chestHalf) hemRun = [Math.round(cx - chestHalf), Math.round(cx + chestHalf)];

  // Sleeve pixels: above the armpit, those beyond the shoulder-armpit line; below it,
  // those outside the body's run (a sleeve hanging beside the body).
  const sleeveOf = (armpit: Pt, dir: -1 | 1, found: boolean) => {
    const sx = armpit[0];
    const topAt = p.top[Math.min(p.w - 1, Math.max(0, sx))];
    let shoulder: Pt = [sx, topAt >= 0 ? topAt : y0];
    const none = { shoulder, end: shoulder, shape: { rootHalfWidth: 0, endHalfWidth: 0, length: 0 }, isSleeve: (_x: number, _y: number) => false };
    if (!found) return none;
    // A hanging sleeve is sewn on from the shoulder's outer corner (where the shoulder line turns
    // down the sleeve's outer edge) to the armpit, across the sleeve's top: not straight above the armpit.
    if (hanging) {
      const drop = (armpit[1] - shoulder[1]) * HANGING_CORNER_DROP;
      let x = sx;
      while (x + dir >= 0 && x + dir < p.w && p.top[x + dir] >= 0 && p.top[x + dir] <= shoulder[1] + drop) x += dir;
      shoulder = [x, p.top[x]];
    }
    const isSleeve = (x: number, y: number): boolean => {
      if (!p.on(x, y)) return false;
      if (y <= armpit[1]) {
        // side of the line shoulder → armpit
        const cross = (armpit[0] - shoulder[0]) * (y - shoulder[1]) - (armpit[1] - shoulder[1]) * (x - shoulder[0]);
        return cross * dir < 0;
      }
      // below the armpit: beyond the body's side where sleeves hang against it, else only
      // pieces beside a body that runs through the middle
      if (hanging) return (x - cx) * dir > halfWidthAt(hanging, y);
      if (y > hemY - bh * 0.02 || !p.on(Math.round(cx), y)) return false;
      const r = bodyRun(y);
      return !!r && (x < r[0] || x > r[1]);
    };
    const pixels: Pt[] = [];
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) if ((x - cx) * dir > 0 && isSleeve(x, y)) pixels.push([x, y]);
    }
    if (pixels.length < bw * bh * 0.002) return none;
    const root: Pt = [(shoulder[0] + armpit[0]) / 2, (shoulder[1] + armpit[1]) / 2];
    let mx = 0, my = 0;
    for (const q of pixels) { mx += q[0]; my += q[1]; }
    const axis = norm([mx / pixels.length - root[0], my / pixels.length - root[1]]);
    // Sleeve end: the middle of the pixels farthest along the axis; a few stray pixels
    // beyond the sleeve (a sliver of hem taken for sleeve) do not count.
    const along = pixels.map((q) => (q[0] - root[0]) * axis[0] + (q[1] - root[1]) * axis[1]).sort((a, b) => a - b);
    const farD = along[Math.floor((along.length - 1) * SLEEVE_REACH)];
    let ex = 0, ey = 0, en = 0, across0 = Infinity, across1 = -Infinity;
    for (const q of pixels) {
      const d = (q[0] - root[0]) * axis[0] + (q[1] - root[1]) * axis[1];
      if (d < farD - bh * 0.03 || d > farD) continue;
      const a = -(q[0] - root[0]) * axis[1] + (q[1] - root[1]) * axis[0];
      ex += q[0]; ey += q[1]; en++;
      across0 = Math.min(across0, a);
      across1 = Math.max(across1, a);
    }
    const end: Pt = [ex / en, ey / en];
    const rootHalf = Math.hypot(shoulder[0] - armpit[0], shoulder[1] - armpit[1]) / 2;
    // (a cuff is seldom much wider than the sleeve's root, even a bell sleeve's: wider is the body's edge taken with it)
    const endHalf = Math.min(rootHalf * 1.5, Math.max(2, (across1 - across0) / 2));
    // A sleeve's underside can dip below the armpit's row, joined to the body there: what lies
    // beyond the seam's line (shoulder to armpit, carried on) and within the sleeve's own
    // breadth of its axis is sleeve too, not the body's.
    const breadth = Math.max(rootHalf, endHalf) * SLEEVE_CORRIDOR;
    const beyondSeam = (x: number, y: number) => ((armpit[0] - shoulder[0]) * (y - shoulder[1]) - (armpit[1] - shoulder[1]) * (x - shoulder[0])) * dir < 0;
    const nearAxis = (x: number, y: number) => {
      const vx = end[0] - root[0], vy = end[1] - root[1], l2 = Math.max(1e-9, vx * vx + vy * vy);
      const t = ((x - root[0]) * vx + (y - root[1]) * vy) / l2;
      return t >= 0 && t <= 1 && Math.abs((x - root[0]) * vy - (y - root[1]) * vx) / Math.sqrt(l2) <= breadth;
    };
    // (not for sleeves hanging down the body's sides: there the seam's line carried on runs into the body)
    const isSleeveOrUnderside = (x: number, y: number) => isSleeve(x, y) || (!hanging && p.on(x, y) && y > armpit[1] && y < hemY - bh * 0.02 && beyondSeam(x, y) && nearAxis(x, y));
    return { shoulder, end, shape: { rootHalfWidth: rootHalf, endHalfWidth: endHalf, length: Math.hypot(end[0] - root[0], end[1] - root[1]) }, isSleeve: isSleeveOrUnderside };
  };
  const sl = sleeveOf(imgLeft.armpit, -1, imgLeft.sleeveFound);
  const sr = sleeveOf(imgRight.armpit, 1, imgRight.sleeveFound);

  // Shoulders of a sleeveless top are the outer ends of its top edge (straps, or the armhole's top).
  if (!imgLeft.sleeveFound) sl.shoulder = outerTop(p, neckImgLeft, imgLeft.armpit);
  if (!imgRight.sleeveFound) sr.shoulder = outerTop(p, neckImgRight, imgRight.armpit);

  // Front neckline. A deep opening between straps (camisole, strappy top) is the front
  // neckline itself, and the back of the "collar" is level with the strap tops; a
  // shallow one (crew neck) is the back of the collar, the front a little lower.
  const neckWidth = Math.abs(neckImgRight[0] - neckImgLeft[0]);
  const strapTop = Math.min(neckImgLeft[1], neckImgRight[1]);
  const open = ny - strapTop > bh * 0.12;
  const dipDepth = ny - level;
  const front: Pt = open || dipDepth > neckWidth * 0.15 ? [nx, ny] : [nx, level + neckWidth * 0.15];
  // the back of the collar is level with its corners
  nx = Math.round((neckImgLeft[0] + neckImgRight[0]) / 2);
  ny = Math.round(level);

  const bodyLen = hemY - ny;
  const sleeveLen = Math.max(sl.shape.length, sr.shape.length);
  // Long against the body's length and against the chest's width: a crop top's body is
  // short, so its puffed short sleeves are long for it, never for its chest.
  const chest = imgRight.armpit[0] - imgLeft.armpit[0];
  const sleeve: SleeveLength = sleeveLen < bh * 0.05 ? 'none' : sleeveLen < bodyLen * 0.55 || sleeveLen < chest * LONG_SLEEVE_OF_CHEST ? 'short' : 'long';
  void category;
  const parts = new Uint8Array(p.w * p.h);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!p.on(x, y)) continue;
      // image-left pieces are the wearer's right sleeve
      parts[y * p.w + x] = sleeve === 'none' ? PART_BODY : x < cx && sl.isSleeve(x, y) ? PART_RIGHT_SLEEVE : x > cx && sr.isSleeve(x, y) ? PART_LEFT_SLEEVE : PART_BODY;
    }
  }
  // The neck opening of a closed collar: in a flat photo the back of the garment shows
  // through it; on a body the neck fills it. Its outline is half an ellipse from corner to
  // corner down to the front neckline, under a band the width of a collar at the top.
  if (!open) {
    const a = neckWidth / 2, depth = front[1] - level;
    const band = Math.max(2, depth * 0.25);
    for (let y = Math.ceil(level + band); y < front[1]; y++) {
      const t = (y - level) / Math.max(depth, 1);
      const half = a * Math.sqrt(Math.max(0, 1 - t * t)) * 0.85;
      for (let x = Math.round(nx - half); x <= nx + half; x++) if (parts[y * p.w + x] === PART_BODY) parts[y * p.w + x] = PART_INSIDE;
    }
  }
  return {
    parts,
    landmarks: {
      neck_back: [nx, ny],
      neck_front: front,
      left_neck: neckImgRight,
      right_neck: neckImgLeft,
      left_shoulder: sr.shoulder,
      right_shoulder: sl.shoulder,
      left_armpit: imgRight.armpit,
      right_armpit: imgLeft.armpit,
      left_sleeve_end: sr.end,
      right_sleeve_end: sl.end,
      left_hem: [hemRun[1], hemY],
      right_hem: [hemRun[0], hemY],
    },
    sleeve,
    // a stub too short to call a sleeve (a wide shoulder's armhole) is not drawn as one
    sleeves: sleeve === 'none' ? { left: noSleeve(sr.shape), right: noSleeve(sl.shape) } : { left: sr.shape, right: sl.shape },
    hanging: hanging ? { line: hanging, centre: cx } : null,
  };
}

const noSleeve = (s: SleeveShape): SleeveShape => ({ ...s, length: 0 });

function outerTop(p: Profiles, neck: Pt, armpit: Pt): Pt {
  // the highest point of the top edge between the collar corner and the armpit's column, farthest out on ties
  const dir = armpit[0] < neck[0] ? -1 : 1;
  let best: Pt = neck;
  for (let x = neck[0]; dir < 0 ? x >= armpit[0] : x <= armpit[0]; x += dir) {
    const t = p.top[x];
    if (t >= 0 && t <= best[1] + 2) best = [x, Math.min(t, best[1])];
  }
  return best;
}

function norm(v: Pt): Pt {
  const l = Math.hypot(v[0], v[1]) || 1;
  return [v[0] / l, v[1] / l];
}
