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
  /** The box's width and height. */
  bw: number;
  bh: number;
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
  return { w, h, on, top, box: { x0, y0, x1, y1 }, bw: x1 - x0 + 1, bh: y1 - y0 + 1, cx: count ? sx / count : w / 2 };
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
  const found = upperLandmarks(p, options.bodice ? BODICE_ARMPIT_DEPTH : TOP_ARMPIT_DEPTH, mask, options.image);
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

/** What a top's outline gives garmentShape. */
interface UpperReading {
  landmarks: UpperLandmarks;
  sleeve: SleeveLength;
  sleeves: { left: SleeveShape; right: SleeveShape };
  parts: Uint8Array;
  hanging: { line: SideLine; centre: number } | null;
}

/** The collar's corners, on the image's left and right, and the top edge's highest level between them. */
interface CollarCorners {
  level: number;
  imgLeft: Pt;
  imgRight: Pt;
}

/** One side's armpit, and whether a sleeve was found on that side. */
interface ArmpitReading {
  armpit: Pt;
  sleeveFound: boolean;
}

interface Armpits {
  imgLeft: ArmpitReading;
  imgRight: ArmpitReading;
}

/** The hem's row and the body's run across it: its corners. */
interface Hem {
  y: number;
  run: [number, number];
}

/** The run of garment pixels through the garment's middle on row y (see bodyRuns). */
type BodyRun = (y: number) => [number, number] | null;

/** One side's outline: the body run's outer edge per row, from `yTop` down to the hem. */
interface SideProfile {
  dir: -1 | 1;
  yTop: number;
  hemY: number;
  edge: Map<number, number>;
}

/** What every sleeve reading needs of the body around it. */
interface SleeveContext {
  p: Profiles;
  bodyRun: BodyRun;
  /** The body's sides where long sleeves hang against them, if they do. */
  hanging: SideLine | null;
  hemY: number;
}

/** A sleeve read on the flat garment, and which pixels are its. */
interface Sleeve {
  shoulder: Pt;
  end: Pt;
  shape: SleeveShape;
  isSleeve: (x: number, y: number) => boolean;
}

/** The neckline: the back of the collar, the front's lowest point, and whether the neck opening is open to the front (straps). */
interface Neckline {
  back: Pt;
  front: Pt;
  open: boolean;
}

/**
 * A top's landmarks, sleeves and part labels, read from its outline in steps: the collar,
 * the hem, the armpits (and the body's sides where long sleeves hang against them), each
 * sleeve, then the neckline, the sleeves' length class and each pixel's part.
 */
function upperLandmarks(p: Profiles, maxArmpitDepth: number, mask: GrayImage, image?: RgbaImage): UpperReading {
  const { bh, cx } = p;
  const dip = neckDip(p);
  const collar = collarCorners(p);
  const bodyRun = bodyRuns(p);
  let hem = hemOf(p, bodyRun);
  const found = armpitsOf(p, bodyRun, dip, collar.level, hem.y, maxArmpitDepth);
  let armpits = found.armpits;
  const hanging = hangingSides(image ? hangingSleeveLine(mask, image, cx, p.box) : null, armpits, found.trusted, bh);
  if (hanging) ({ armpits, hem } = besideHangingSleeves(p, hanging, armpits, found.trusted, hem.y));
  hem = { y: hem.y, run: hemCorners(hem.run, armpits, cx) };

  const context: SleeveContext = { p, bodyRun, hanging, hemY: hem.y };
  const sl = sleeveOf(context, armpits.imgLeft.armpit, -1, armpits.imgLeft.sleeveFound);
  const sr = sleeveOf(context, armpits.imgRight.armpit, 1, armpits.imgRight.sleeveFound);
  // Shoulders of a sleeveless top are the outer ends of its top edge (straps, or the armhole's top).
  const shoulderImgLeft = armpits.imgLeft.sleeveFound ? sl.shoulder : outerTop(p, collar.imgLeft, armpits.imgLeft.armpit);
  const shoulderImgRight = armpits.imgRight.sleeveFound ? sr.shoulder : outerTop(p, collar.imgRight, armpits.imgRight.armpit);

  const neck = necklineOf(dip, collar, bh);
  const sleeve = sleeveClass(sl.shape, sr.shape, hem.y - neck.back[1], armpits, bh);
  const parts = partLabels(p, sleeve, sl, sr);
  if (!neck.open) markNeckOpening(parts, p.w, collar, neck);
  return {
    parts,
    landmarks: {
      neck_back: neck.back,
      neck_front: neck.front,
      left_neck: collar.imgRight,
      right_neck: collar.imgLeft,
      left_shoulder: shoulderImgRight,
      right_shoulder: shoulderImgLeft,
      left_armpit: armpits.imgRight.armpit,
      right_armpit: armpits.imgLeft.armpit,
      left_sleeve_end: sr.end,
      right_sleeve_end: sl.end,
      left_hem: [hem.run[1], hem.y],
      right_hem: [hem.run[0], hem.y],
    },
    sleeve,
    // a stub too short to call a sleeve (a wide shoulder's armhole) is not drawn as one
    sleeves: sleeve === 'none' ? { left: noSleeve(sr.shape), right: noSleeve(sl.shape) } : { left: sr.shape, right: sl.shape },
    hanging: hanging ? { line: hanging, centre: cx } : null,
  };
}

/**
 * The top edge's lowest point near the middle: the front neckline when the neck opening
 * shows, the back of the collar when the collar's inside fills it.
 */
function neckDip(p: Profiles): Pt {
  const { bw, cx } = p;
  let nx = Math.round(cx), ny = p.top[nx];
  for (let x = Math.round(cx - bw * 0.12); x <= cx + bw * 0.12; x++) {
    if (p.top[x] > ny) { ny = p.top[x]; nx = x; }
  }
  return [nx, ny];
}

/**
 * The collar's corners: walking out from the middle, the top edge reaches its highest
 * level (the collar's peak, or a flat band of collar) and then falls away along the
 * shoulder; the corner is where it starts to fall. Within a quarter of the width: a
 * neck opening is narrower than the shoulders.
 */
function collarCorners(p: Profiles): CollarCorners {
  let neck = cornersWithin(p, 0.25);
  // Straps stand further out than a collar: when the edge still rises at a quarter of
  // the width, look further.
  if (Math.abs(neck.imgLeft[0] - p.cx) >= neck.reach - 2 || Math.abs(neck.imgRight[0] - p.cx) >= neck.reach - 2) neck = cornersWithin(p, 0.45);
  return { level: neck.level, imgLeft: neck.imgLeft, imgRight: neck.imgRight };
}

/** The collar's corners within `reachShare` of the width either side of the middle. */
function cornersWithin(p: Profiles, reachShare: number): CollarCorners & { reach: number } {
  const reach = Math.round(p.bw * reachShare);
  return { level: Math.min(edgeLevel(p, -1, reach), edgeLevel(p, 1, reach)), imgLeft: collarCorner(p, -1, reach), imgRight: collarCorner(p, 1, reach), reach };
}

/** The top edge's highest level on one side of the middle: in a photo a little turned or hung askew one strap stands higher. */
function edgeLevel(p: Profiles, dir: -1 | 1, reach: number): number {
  const cx = p.cx;
  let l = Infinity;
  for (let x = Math.round(cx); Math.abs(x - cx) <= reach; x += dir) if (x >= 0 && x < p.w && p.top[x] >= 0) l = Math.min(l, p.top[x]);
  return l;
}

/** Where the top edge starts to fall from its side's highest level, walking out from the middle. */
function collarCorner(p: Profiles, dir: -1 | 1, reach: number): Pt {
  const { bh, cx } = p;
  const level = edgeLevel(p, dir, reach);
  let last: Pt | null = null;
  for (let x = Math.round(cx); Math.abs(x - cx) <= reach; x += dir) {
    const t = p.top[x];
    if (t < 0) break;
    if (t <= level + bh * 0.012) last = [x, t];
    else if (last && t > level + bh * 0.03) break;
  }
  return last ?? [Math.round(cx + dir * reach * 0.6), level];
}

/** The body's edges per row: the run through the garment's middle, each row computed once (the sleeve tests ask for it per pixel). */
function bodyRuns(p: Profiles): BodyRun {
  const runs = new Map<number, [number, number] | null>();
  return (y) => {
    let r = runs.get(y);
    if (r === undefined) { r = runAt(p, y, p.cx); runs.set(y, r); }
    return r;
  };
}

/**
 * The hem: a curved or uneven hem has no corners on its lowest row; take the body's
 * widest run in the bottom 8% (where the side seams end), at its own height.
 */
function hemOf(p: Profiles, bodyRun: BodyRun): Hem {
  const { x0, x1, y1 } = p.box;
  const bh = p.bh;
  let hemY = Math.round(y1 - bh * 0.01);
  let hemRun: [number, number] = bodyRun(hemY) ?? [x0, x1];
  for (let y = Math.round(y1 - bh * 0.08); y <= y1; y++) {
    const r = bodyRun(y);
    if (r && r[1] - r[0] > (hemRun[1] - hemRun[0]) * 1.02) { hemRun = r; hemY = y; }
  }
  return { y: Math.max(hemY, Math.round(y1 - bh * 0.03)), run: hemRun };
}

/**
 * Both armpits, from each side's profile. `trusted` when both sides found a sleeve and
 * its armpit where a top's armpits sit: only then can a hanging line not replace them.
 */
function armpitsOf(p: Profiles, bodyRun: BodyRun, dip: Pt, level: number, hemY: number, maxArmpitDepth: number): { armpits: Armpits; trusted: boolean } {
  const { x0, y0, x1 } = p.box;
  const { bw, bh, cx } = p;
  const yTop = Math.round(Math.max(dip[1], y0 + bh * 0.05));
  let imgLeft = sideArmpit(p, sideProfile(bodyRun, -1, yTop, hemY), dip[1]);
  let imgRight = sideArmpit(p, sideProfile(bodyRun, 1, yTop, hemY), dip[1]);
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
  const top = Math.min(level, dip[1]);
  const bodyLen = hemY - top;
  const armpitOk = (a: Pt, dir: -1 | 1) => a[1] > top + bodyLen * 0.1 && a[1] < top + bodyLen * maxArmpitDepth && (a[0] - cx) * dir > bw * 0.15 && (a[0] - cx) * dir < bw * 0.48;
  // (Sleeveless tops are read reliably by the widest-row rule and are left alone.)
  const sleeved = imgLeft.sleeveFound || imgRight.sleeveFound;
  if (sleeved && (!armpitOk(imgLeft.armpit, -1) || !armpitOk(imgRight.armpit, 1))) {
    const ay = Math.round(top + bodyLen * 0.3);
    const run = bodyRun(ay) ?? [x0, x1];
    const merged = run[1] - run[0] > bw * 0.8;
    const half = merged ? bw * 0.3 : (run[1] - run[0]) / 2;
    imgLeft = { armpit: [Math.round(cx - half), ay], sleeveFound: merged };
    imgRight = { armpit: [Math.round(cx + half), ay], sleeveFound: merged };
  }
  const trusted = imgLeft.sleeveFound && imgRight.sleeveFound && armpitOk(imgLeft.armpit, -1) && armpitOk(imgRight.armpit, 1);
  return { armpits: { imgLeft, imgRight }, trusted };
}

/** One side's profile: the body run's outer edge, row by row, from `yTop` to the hem. */
function sideProfile(bodyRun: BodyRun, dir: -1 | 1, yTop: number, hemY: number): SideProfile {
  const edge = new Map<number, number>();
  for (let y = yTop; y <= hemY; y++) {
    const r = bodyRun(y);
    if (r) edge.set(y, (dir < 0 ? r[0] : r[1]));
  }
  return { dir, yTop, hemY, edge };
}

/** How far out the side's edge lies on row y (larger is farther from the middle); null off the profile. */
function outward(s: SideProfile, y: number): number | null {
  return s.edge.has(y) ? s.edge.get(y)! * s.dir : null;
}

/** One side's armpit, by the first rule that finds one, hem upwards: a hanging sleeve's join, a spreading sleeve's corner, the armhole's curve. */
function sideArmpit(p: Profiles, s: SideProfile, neckY: number): ArmpitReading {
  return hangingJoin(p, s) ?? spreadCorner(p, s, neckY) ?? armholeStart(p, s);
}

/** A sleeve hanging beside the body joins it where the gap between them closes: a jump outwards. */
function hangingJoin(p: Profiles, s: SideProfile): ArmpitReading | null {
  const y0 = p.box.y0;
  const { bw, bh } = p;
  for (let y = s.hemY - 1; y >= y0 + bh * 0.2; y--) {
    const a = outward(s, y), b = outward(s, y + 1);
    if (a !== null && b !== null && a - b > bw * 0.04 && y < y0 + bh * 0.75) return { armpit: [s.edge.get(y + 1)!, y + 1], sleeveFound: true };
  }
  return null;
}

/**
 * A sleeve spreading out: the deepest point of the profile under the chord from the
 * sleeve's outermost point down to the hem; null when the profile dips too little under it.
 */
function spreadCorner(p: Profiles, s: SideProfile, neckY: number): ArmpitReading | null {
  const { bw, bh } = p;
  const { yTop, hemY } = s;
  let ys = -1, smax = -Infinity;
  for (let y = yTop; y <= neckY + (hemY - neckY) * 0.6; y++) {
    const v = outward(s, y);
    if (v !== null && v > smax) { smax = v; ys = y; }
  }
  const hemOut = outward(s, hemY) ?? smax;
  let deepest = -1, depth = 0;
  for (let y = ys + 1; y < hemY; y++) {
    const v = outward(s, y);
    if (v === null || ys < 0) continue;
    const chord = smax + ((hemOut - smax) * (y - ys)) / (hemY - ys);
    if (chord - v > depth) { depth = chord - v; deepest = y; }
  }
  if (!(deepest > 0 && depth > bw * 0.03)) return null;
  // The armpit is the corner where the sleeve's underside (steep in this profile)
  // turns into the body's side (nearly vertical): the first row below the sleeve's
  // outer point from which the profile stays steep no more.
  const k = Math.max(3, Math.round(bh * 0.03));
  for (let y = ys + 1; y + k <= hemY; y++) {
    const a = outward(s, y), b = outward(s, y + k);
    if (a === null || b === null) continue;
    // past the cuff's own vertical edge: the profile must have come in from the sleeve's end
    if (a > smax - bw * 0.06) continue;
    if (Math.abs(a - b) / k < 0.35) return { armpit: [s.edge.get(y)!, y], sleeveFound: true };
  }
  return { armpit: [s.edge.get(deepest)!, deepest], sleeveFound: true };
}

/** No sleeve: the armpit is where the armhole starts to curve in, going up from the hem. */
function armholeStart(p: Profiles, s: SideProfile): ArmpitReading {
  const { x0, x1 } = p.box;
  const bw = p.bw;
  const { yTop, hemY } = s;
  let best = hemY, bestV = outward(s, hemY) ?? -Infinity;
  for (let y = hemY - 1; y >= yTop; y--) {
    const v = outward(s, y);
    if (v === null) continue;
    if (v >= bestV - bw * 0.015) { best = y; bestV = Math.max(bestV, v); } else if (v < bestV - bw * 0.05) break;
  }
  return { armpit: [s.edge.get(best) ?? (s.dir < 0 ? x0 : x1), best], sleeveFound: false };
}

/**
 * Long sleeves hanging beside the body, touching it: no armpit shows in the outline; the
 * body's sides are the lines where sleeve meets body (hanging-sleeves.ts). Where the
 * profiles found the armpits, a hanging line only says where the sleeves below them end
 * and the body begins (sleeves that touch the body there), if it starts near them.
 */
function hangingSides(line: SideLine | null, armpits: Armpits, trusted: boolean, bh: number): SideLine | null {
  if (!line) return null;
  const agrees = Math.abs(line.top - (armpits.imgLeft.armpit[1] + armpits.imgRight.armpit[1]) / 2) <= bh * HANGING_ARMPIT_AGREEMENT;
  return !trusted || agrees ? line : null;
}

/**
 * The hem and, unless the profiles' armpits are trusted, the armpits of a body between
 * hanging sleeves: the hem's corners are on its sides, not at the sleeves' ends.
 */
function besideHangingSleeves(p: Profiles, hanging: SideLine, armpits: Armpits, trusted: boolean, hemY: number): { armpits: Armpits; hem: Hem } {
  const cx = p.cx;
  const y = hangingHem(p, hanging, hemY);
  const hb = halfWidthAt(hanging, y);
  return { armpits: trusted ? armpits : hangingArmpits(p, hanging), hem: { y, run: [Math.round(cx - hb), Math.round(cx + hb)] } };
}

/** The body's hem, not the sleeves' ends: the lowest row the body (between its sides) half fills; `hemY` when none does. */
function hangingHem(p: Profiles, hanging: SideLine, hemY: number): number {
  const { y0, y1 } = p.box;
  const { bh, cx } = p;
  for (let y = y1; y > y0 + bh * 0.5; y--) {
    const hb = halfWidthAt(hanging, y);
    let on = 0, all = 0;
    for (let x = Math.round(cx - hb); x <= cx + hb; x++, all++) if (p.on(x, y)) on++;
    if (on >= all / 2) return y;
  }
  return hemY;
}

/**
 * The armpits of hanging sleeves: where the line starts, but no higher than the sleeve's
 * width below the shoulder (a seam runs about as far down from the shoulder as the sleeve
 * it holds is wide).
 */
function hangingArmpits(p: Profiles, hanging: SideLine): Armpits {
  const y0 = p.box.y0;
  const { bh, cx } = p;
  const sleeveTop = (dir: -1 | 1) => {
    const x = Math.round(cx + dir * halfWidthAt(hanging, hanging.top));
    const shoulderY = p.top[Math.min(p.w - 1, Math.max(0, x))];
    const row = Math.round(shoulderY + bh * 0.1);
    const r = runAt(p, row, x) ?? [x, x];
    return shoulderY + Math.abs((dir < 0 ? r[0] : r[1]) - x);
  };
  const ay = Math.round(Math.min(y0 + bh * HANGING_MAX_ARMPIT, Math.max(hanging.top, sleeveTop(-1), sleeveTop(1))));
  const half = halfWidthAt(hanging, ay);
  return { imgLeft: { armpit: [Math.round(cx - half), ay], sleeveFound: true }, imgRight: { armpit: [Math.round(cx + half), ay], sleeveFound: true } };
}

/** The hem's corners: a hem narrower than half the chest is a hem curve's tip, not its corners. */
function hemCorners(run: [number, number], armpits: Armpits, cx: number): [number, number] {
  const chestHalf = (armpits.imgRight.armpit[0] - armpits.imgLeft.armpit[0]) / 2;
  return run[1] - run[0] < chestHalf ? [Math.round(cx - chestHalf), Math.round(cx + chestHalf)] : run;
}

/**
 * One sleeve (image left for dir -1): its shoulder, its end, its widths and length, and
 * which pixels are its. Without a sleeve found, an empty one at the shoulder above the armpit.
 */
function sleeveOf(context: SleeveContext, armpit: Pt, dir: -1 | 1, found: boolean): Sleeve {
  const { p, hanging } = context;
  const { x0, y0, x1, y1 } = p.box;
  const { bw, bh, cx } = p;
  const sx = armpit[0];
  const topAt = p.top[Math.min(p.w - 1, Math.max(0, sx))];
  const above: Pt = [sx, topAt >= 0 ? topAt : y0];
  const none: Sleeve = { shoulder: above, end: above, shape: { rootHalfWidth: 0, endHalfWidth: 0, length: 0 }, isSleeve: () => false };
  if (!found) return none;
  const shoulder = hanging ? hangingShoulder(p, above, armpit, dir) : above;
  const isSleeve = sleeveTest(context, shoulder, armpit, dir);
  const pixels: Pt[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) if ((x - cx) * dir > 0 && isSleeve(x, y)) pixels.push([x, y]);
  }
  if (pixels.length < bw * bh * 0.002) return none;
  const root: Pt = [(shoulder[0] + armpit[0]) / 2, (shoulder[1] + armpit[1]) / 2];
  const { end, halfWidth } = sleeveEnd(pixels, root, bh);
  const rootHalf = Math.hypot(shoulder[0] - armpit[0], shoulder[1] - armpit[1]) / 2;
  // (a cuff is seldom much wider than the sleeve's root, even a bell sleeve's: wider is the body's edge taken with it)
  const endHalf = Math.min(rootHalf * 1.5, Math.max(2, halfWidth));
  return {
    shoulder,
    end,
    shape: { rootHalfWidth: rootHalf, endHalfWidth: endHalf, length: Math.hypot(end[0] - root[0], end[1] - root[1]) },
    isSleeve: withUnderside(context, isSleeve, { shoulder, armpit, dir, root, end, breadth: Math.max(rootHalf, endHalf) * SLEEVE_CORRIDOR }),
  };
}

/**
 * A hanging sleeve is sewn on from the shoulder's outer corner (where the shoulder line turns
 * down the sleeve's outer edge) to the armpit, across the sleeve's top: not straight above the armpit.
 */
function hangingShoulder(p: Profiles, above: Pt, armpit: Pt, dir: -1 | 1): Pt {
  const drop = (armpit[1] - above[1]) * HANGING_CORNER_DROP;
  let x = above[0];
  while (x + dir >= 0 && x + dir < p.w && p.top[x + dir] >= 0 && p.top[x + dir] <= above[1] + drop) x += dir;
  return [x, p.top[x]];
}

/**
 * Sleeve pixels: above the armpit, those beyond the shoulder-armpit line; below it,
 * those outside the body's run (a sleeve hanging beside the body).
 */
function sleeveTest(context: SleeveContext, shoulder: Pt, armpit: Pt, dir: -1 | 1): (x: number, y: number) => boolean {
  const { p, bodyRun, hanging, hemY } = context;
  const { bh, cx } = p;
  return (x, y) => {
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
}

/**
 * Sleeve end: the middle of the pixels farthest along the axis from the root; a few stray
 * pixels beyond the sleeve (a sliver of hem taken for sleeve) do not count. `halfWidth`
 * is half the end's breadth across the axis.
 */
function sleeveEnd(pixels: Pt[], root: Pt, bh: number): { end: Pt; halfWidth: number } {
  let mx = 0, my = 0;
  for (const q of pixels) { mx += q[0]; my += q[1]; }
  const axis = norm([mx / pixels.length - root[0], my / pixels.length - root[1]]);
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
  return { end: [ex / en, ey / en], halfWidth: (across1 - across0) / 2 };
}

/**
 * A sleeve's underside can dip below the armpit's row, joined to the body there: what lies
 * beyond the seam's line (shoulder to armpit, carried on) and within the sleeve's own
 * breadth of its axis is sleeve too, not the body's.
 */
function withUnderside(context: SleeveContext, isSleeve: (x: number, y: number) => boolean, s: { shoulder: Pt; armpit: Pt; dir: -1 | 1; root: Pt; end: Pt; breadth: number }): (x: number, y: number) => boolean {
  const { p, hanging, hemY } = context;
  const bh = p.bh;
  const { shoulder, armpit, dir, root, end, breadth } = s;
  const beyondSeam = (x: number, y: number) => ((armpit[0] - shoulder[0]) * (y - shoulder[1]) - (armpit[1] - shoulder[1]) * (x - shoulder[0])) * dir < 0;
  const nearAxis = (x: number, y: number) => {
    const vx = end[0] - root[0], vy = end[1] - root[1], l2 = Math.max(1e-9, vx * vx + vy * vy);
    const t = ((x - root[0]) * vx + (y - root[1]) * vy) / l2;
    return t >= 0 && t <= 1 && Math.abs((x - root[0]) * vy - (y - root[1]) * vx) / Math.sqrt(l2) <= breadth;
  };
  // (not for sleeves hanging down the body's sides: there the seam's line carried on runs into the body)
  return (x, y) => isSleeve(x, y) || (!hanging && p.on(x, y) && y > armpit[1] && y < hemY - bh * 0.02 && beyondSeam(x, y) && nearAxis(x, y));
}

/**
 * How far a closed crew neck's front lies below the back of its collar, in neck widths, where
 * the photo's outline cannot tell (the inside back fills the opening). Grading specs for
 * crew-neck tees give a neck width of 6.5-7 in with the front 3-3.5 in and the back 0.75-1 in
 * below the shoulder's high point: 0.3-0.36 of the width. (At 0.15 the label and the inside
 * back below it were drawn on the shopper's chest.)
 */
const CREW_FRONT_DROP = 0.3;

/**
 * Front neckline. A deep opening between straps (camisole, strappy top) is the front
 * neckline itself, and the back of the "collar" is level with the strap tops; a
 * shallow one (crew neck) is the back of the collar, the front a little lower.
 * The back of the collar is level with its corners.
 */
function necklineOf(dip: Pt, collar: CollarCorners, bh: number): Neckline {
  const { level } = collar;
  const neckWidth = Math.abs(collar.imgRight[0] - collar.imgLeft[0]);
  const strapTop = Math.min(collar.imgLeft[1], collar.imgRight[1]);
  const open = dip[1] - strapTop > bh * 0.12;
  const dipDepth = dip[1] - level;
  const front: Pt = open || dipDepth > neckWidth * CREW_FRONT_DROP ? [dip[0], dip[1]] : [dip[0], level + neckWidth * CREW_FRONT_DROP];
  return { back: [Math.round((collar.imgLeft[0] + collar.imgRight[0]) / 2), Math.round(level)], front, open };
}

/**
 * The sleeves' length class. Long against the body's length and against the chest's width:
 * a crop top's body is short, so its puffed short sleeves are long for it, never for its chest.
 */
function sleeveClass(imgLeft: SleeveShape, imgRight: SleeveShape, bodyLen: number, armpits: Armpits, bh: number): SleeveLength {
  const sleeveLen = Math.max(imgLeft.length, imgRight.length);
  const chest = armpits.imgRight.armpit[0] - armpits.imgLeft.armpit[0];
  return sleeveLen < bh * 0.05 ? 'none' : sleeveLen < bodyLen * 0.55 || sleeveLen < chest * LONG_SLEEVE_OF_CHEST ? 'short' : 'long';
}

/** Each garment pixel's part: body, or a sleeve when the top has sleeves. */
function partLabels(p: Profiles, sleeve: SleeveLength, imgLeft: Sleeve, imgRight: Sleeve): Uint8Array {
  const { x0, y0, x1, y1 } = p.box;
  const cx = p.cx;
  const parts = new Uint8Array(p.w * p.h);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!p.on(x, y)) continue;
      // image-left pieces are the wearer's right sleeve
      parts[y * p.w + x] = sleeve === 'none' ? PART_BODY : x < cx && imgLeft.isSleeve(x, y) ? PART_RIGHT_SLEEVE : x > cx && imgRight.isSleeve(x, y) ? PART_LEFT_SLEEVE : PART_BODY;
    }
  }
  return parts;
}

/**
 * The neck opening of a closed collar: in a flat photo the back of the garment, the
 * collar's back band and its label show through it; on a body, seen from the front, the
 * neck hides them. Its outline is half an ellipse from corner to corner down to the front
 * neckline.
 * Its body pixels in `parts` (rows `w` wide) become PART_INSIDE.
 */
function markNeckOpening(parts: Uint8Array, w: number, collar: CollarCorners, neck: Neckline): void {
  const { level } = collar;
  const nx = neck.back[0];
  const a = Math.abs(collar.imgRight[0] - collar.imgLeft[0]) / 2, depth = neck.front[1] - level;
  for (let y = Math.ceil(level); y < neck.front[1]; y++) {
    const t = (y - level) / Math.max(depth, 1);
    const half = a * Math.sqrt(Math.max(0, 1 - t * t)) * 0.85;
    for (let x = Math.round(nx - half); x <= nx + half; x++) if (parts[y * w + x] === PART_BODY) parts[y * w + x] = PART_INSIDE;
  }
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
