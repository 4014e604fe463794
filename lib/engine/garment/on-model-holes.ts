/**
 * Holes in a garment cut out of a photo of a model, filled: where the model's
 * hands, arms, hair or a held thing cover it, the mask is closed over them
 * (only where they lie over the garment, not beside it) and the colour is
 * spread in from the garment around them (its mirror side, the fabric just
 * inside the covered edge, or the smooth colour around). A band where the
 * garment goes on unseen (a waistband under the model's top, a top tucked
 * into the model's bottom) is added and filled the same way.
 */
import { estimatePlate } from '../background-plate';
import { floodFill } from '../connectivity';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray } from '../image';
import { halveGray, halveRgba } from '../half-size';
import type { BodyGeometry } from '../portrait/body-geometry';
import type { PortraitRegions } from '../portrait/regions';
import { drawCapsule } from '../shapes';
import { centerLineX } from '../fit/torso-width';
import { rowExtent } from './row-runs';
import { colourHistogram, rareIn } from '../colour-bins';

// Tunable values. They were set by eye: no measurement behind them is recorded.

/** The mask is closed over holes (grown, then shrunk) by this radius, in shoulder spans (at least 2 pixels); the fallback colour is smoothed over half of it. */
const CLOSE_RADIUS = 0.06;
/** Growing: a pixel whose box mean of the garment (over (2r+1)² pixels) is over this counts as reached from it. */
const GROWN_FROM = 0.02;
/** Shrinking back: a pixel whose box mean of the grown mask is over this lies inside the closed mask. */
const CLOSED_FROM = 0.98;
/** How far along its row a hole looks for the garment on each side, in shoulder spans. */
const ENCLOSED_WITHIN = 0.35;
/** How far a hidden band goes on past its rows to meet the garment, and how far in an edge under a hand is reflected from, in shoulder spans. */
const REFLECT_REACH = 0.5;
/** How far up and down a garment's edge hidden under a hand is continued from where it shows, in shoulder spans. */
const OUTLINE_REACH = 1.2;
/** A side's line carried up under a hand is fitted to this many rows (in shoulder spans) where the side is seen below it. */
const SIDE_FIT = 0.15;
/** How far past a garment's sure edge the person mask fades to the backdrop, in pixels. */
const SOFT_EDGE = 8;

/** A hand's own fringe (its skin against the garment; keypoints a little off), in hand half thicknesses. */
const HAND_FRINGE = 1.2;
/** How far from the hand a held thing starts (and how wide a bottom's hands are cut), in hand half thicknesses. */
const HELD_FROM = 2.2;
/** A held thing reaches this far from a hand's first point, in shoulder spans. */
const HELD_REACH = 0.6;
/** A held thing's colour is farther than this from the garment's median colour (RGB distance, 0..255 per channel). */
const FOREIGN_DISTANCE = 90;
/** A colour this rare in the garment away from the model's hands is a held thing's, not the garment's. */
const RARE_AWAY_FROM_HANDS = 0.003;

/** A bottom's column is continued up under the model's top only if the bottom starts within this much (shoulder spans) below the band. */
const BAND_MEETS = 0.1;
/** A pixel of the hidden band over this is filled (the band's soft edge less so). */
const BAND_FROM = 0.3;

/** Where a garment goes on unseen under another: a band of rows, and on which side of it the garment shows. */
export interface HiddenBand {
  mask: GrayImage;
  garmentIs: 'above' | 'below';
}

/** What the steps of the fill read. */
interface HoleFrame {
  image: RgbaImage;
  body: BodyGeometry;
  band: HiddenBand | null;
  /** The garment as the photo shows it, held things taken out. */
  worn: GrayImage;
  /** Where the garment surely shows (worn over 0.9): colours are taken from there. */
  known: GrayImage;
  /** A bottom's outline continued under the hands (1 between it and the seen edge), or null. */
  outline: Float32Array | null;
  /** The closing's radius, in pixels. */
  r: number;
  /** REFLECT_REACH in pixels. */
  reach: number;
  /** The chin's row: nothing above it is garment. */
  chinY: number;
}

/** What covers the garment: held things and hands' fringes (`held`), the hands' own fringes alone (`hands`), and per pixel how surely a hand, hair, a held thing or a bare arm covers it. */
interface Cover {
  held: GrayImage;
  hands: Float32Array;
  at: (i: number) => number;
}

/**
 * The garment where the model's hands or hair cover it: the mask closed over
 * those holes, their colour spread in from the garment around them.
 * @example const { image, mask } = fillHoles(photo, worn, model.person, model.regions, model.body, null);
 */
export function fillHoles(image: RgbaImage, worn: GrayImage, person: GrayImage, regions: PortraitRegions, body: BodyGeometry, band: HiddenBand | null): { image: RgbaImage; mask: GrayImage } {
  const { width: w, height: h } = image;
  const r = Math.max(2, Math.round(body.shoulderSpan * CLOSE_RADIUS));
  const bottom = band?.garmentIs === 'below';
  const { held, hands } = handsAndHeld(image, worn, body, bottom);
  const closed = closedMask(worn, r);
  const seen = createGray(w, h);
  for (let i = 0; i < w * h; i++) seen.data[i] = worn.data[i] * (1 - held.data[i]);
  const known = createGray(w, h);
  for (let i = 0; i < w * h; i++) known.data[i] = seen.data[i] > 0.9 ? 1 : 0;
  const cover: Cover = { held, hands, at: (i) => Math.max(held.data[i], regions.hair.data[i], regions.skin.data[i] * regions.arms.data[i]) };
  // (a bottom's sides only: the arms hang beside a top's or dress's sides, seldom over them,
  // and a side continued under an arm would take the arm for garment)
  const outline = bottom ? continuedOutline(known, person, cover.at, Math.round(body.shoulderSpan * OUTLINE_REACH), Math.round(body.shoulderSpan * SIDE_FIT)).data : null;
  const f: HoleFrame = {
    image, body, band, worn: seen, known, outline, r,
    reach: Math.round(body.shoulderSpan * REFLECT_REACH),
    chinY: Math.max(0, Math.ceil(body.chin[1])),
  };
  const mask = closeHoles(f, person, closed, cover);
  if (band) addHiddenBand(f, band, mask);
  return { image: fillColours(f, mask), mask };
}

/**
 * What a model holds (a bag, a phone) hangs from the hand: out of the garment, and filled
 * like a hand. Around a top's or dress's hands only what is foreign to the garment: a
 * sleeve's cuff or a skirt's side beside a hanging hand is the garment, seen. (A bottom's
 * side under a hand is continued anyway, so a bottom's hands are cut wide.) `held` marks
 * the hands' fringes and held things, `hands` the fringes alone.
 */
function handsAndHeld(image: RgbaImage, worn: GrayImage, body: BodyGeometry, bottom: boolean): { held: GrayImage; hands: Float32Array } {
  const { width: w, height: h } = image;
  const fringe = bottom ? HELD_FROM : HAND_FRINGE;
  const held = createGray(w, h), handsReach = createGray(w, h);
  for (const hand of [body.leftHand, body.rightHand]) {
    drawCapsule(held, hand.points, hand.radii.map((x) => x * fringe));
    drawCapsule(handsReach, hand.points, hand.radii.map((x) => x * HELD_FROM));
  }
  const hands = new Float32Array(held.data);
  heldObjects(image, worn, held, handsReach, body);
  return { held, hands };
}

/** The mask closed: grown by r, shrunk by r (box means, see GROWN_FROM). Values over CLOSED_FROM are inside. */
function closedMask(worn: GrayImage, r: number): GrayImage {
  const grown = boxBlur(worn, r);
  for (let i = 0; i < grown.data.length; i++) grown.data[i] = grown.data[i] > GROWN_FROM ? 1 : 0;
  return boxBlur(grown, r);
}

/**
 * The garment's mask with its holes closed. A hole is covered by a held thing, hand or
 * hair, inside the person, below the chin; where a hand, hair or arm covers it, also inside
 * the garment (fabric on both sides of it, on the body's other side, or within its outline
 * continued under the hand): a hand hanging beside a dress is not over it.
 */
function closeHoles(f: HoleFrame, person: GrayImage, closed: GrayImage, cover: Cover): GrayImage {
  const { worn, known, outline, body } = f;
  const { width: w, height: h } = worn;
  const bottom = f.band?.garmentIs === 'below';
  const across = Math.round(body.shoulderSpan * ENCLOSED_WITHIN);
  const mask = createGray(w, h);
  mask.data.set(worn.data);
  for (let i = f.chinY * w; i < w * h; i++) {
    const continued = outline !== null && outline[i] > 0;
    if (!(closed.data[i] > CLOSED_FROM || continued)) continue;
    // (within the outline continued under a hand, the garment is there whatever covers it:
    // a pale bag on a pale backdrop is half missing from the person mask)
    let hole = continued ? 1 : Math.min(cover.at(i), person.data[i]);
    // (a thing held at a bottom's side is over it; beside a top or dress, a pale fingertip taken
    // for a held thing is not, and is filled only inside the garment, as a hand is)
    const object = bottom && cover.held.data[i] > 0.5 && cover.hands[i] <= 0.5;
    if (hole > 0 && !object && worn.data[i] < 0.9 && !continued && !insideGarment(known, i, across, body)) hole = 0;
    // decisive: a half-covered pixel (a hand's soft edge) left half transparent lets the
    // shopper's cleared body show through the garment as a pale patch
    if (hole > 0) hole = hole > 0.5 ? 1 : 0;
    if (hole > mask.data[i]) mask.data[i] = hole;
  }
  return mask;
}

/**
 * Adds the hidden band to `mask`, only from where the garment (holes filled) shows next to
 * it: a waistband up through the band from the columns where the bottom meets it, a tucked
 * top down through it.
 */
function addHiddenBand(f: HoleFrame, band: HiddenBand, mask: GrayImage): void {
  const { width: w, height: h } = mask;
  const { chinY, reach } = f;
  const below = band.garmentIs === 'below';
  let bandTop = h, bandBottom = -1;
  for (let y = chinY; y < h; y++) {
    for (let x = 0, i = y * w; x < w; x++, i++) if (band.mask.data[i] > 0) { bandTop = Math.min(bandTop, y); bandBottom = y; break; }
  }
  const limit = bandBottom - bandTop + reach;
  // per column, the garment's row nearest the band: its first row, or its last one above the band
  const edge = new Int32Array(w).fill(-1);
  for (let x = 0; x < w; x++) {
    if (below) { for (let y = chinY; y < h; y++) if (mask.data[y * w + x] > 0.5) { edge[x] = y; break; } }
    else for (let y = Math.min(h - 1, bandTop + reach); y >= chinY; y--) if (mask.data[y * w + x] > 0.5 && band.mask.data[y * w + x] <= 0) { edge[x] = y; break; }
  }
  // (a waistband goes up only from columns where the garment meets the band: beside it, the
  // model's top is wider than the bottom, and its sides are not the bottom's; decisive, as the holes)
  const meets = bandBottom + f.body.shoulderSpan * BAND_MEETS;
  for (let y = Math.max(chinY, bandTop); y <= bandBottom; y++) for (let x = 0, i = y * w; x < w; x++, i++) {
    if (edge[x] >= 0 && Math.abs(edge[x] - y) <= limit && (!below || edge[x] <= meets) && band.mask.data[i] > BAND_FROM) mask.data[i] = 1;
  }
}

/**
 * The photo with the added garment (mask over the seen garment) coloured in. The holes and
 * the sides under the hands first, from the photo; then the hidden band, which continues the
 * garment seen next to it, the sides continued under the hands included (from the seen fabric
 * alone, a band's column beside the hips reached down past them to the thighs, paler).
 */
function fillColours(f: HoleFrame, mask: GrayImage): RgbaImage {
  const { image, worn, known, outline, band } = f;
  const { width: w, height: h } = image;
  // the fallback colour is smooth: made at half the resolution
  const plate = estimatePlate(halveRgba(image), halveGray(known), Math.max(1, f.r >> 1));
  const pw = plate.width, ph = plate.height;
  const out: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(image.data) };
  const inBand = (i: number) => band !== null && band.mask.data[i] > 0;
  const fill = (i: number, seen: GrayImage, source: RgbaImage) => {
    const a = mask.data[i] - worn.data[i];
    if (a <= 0.01) return;
    const x = i % w, y = (i - x) / w;
    const from = fillSource(f, seen, i, inBand(i));
    const q = (Math.min(ph - 1, y >> 1) * pw + Math.min(pw - 1, x >> 1)) * 3;
    for (let c = 0; c < 3; c++) out.data[i * 4 + c] = image.data[i * 4 + c] * (1 - a) + (from >= 0 ? source.data[from * 4 + c] : plate.color[q + c]) * a;
  };
  for (let i = 0; i < w * h; i++) if (!inBand(i)) fill(i, known, image);
  if (band) {
    const seen = createGray(w, h);
    for (let i = 0; i < w * h; i++) seen.data[i] = known.data[i] > 0 || (outline !== null && outline[i] > 0 && !inBand(i)) ? 1 : 0;
    for (let i = 0; i < w * h; i++) if (inBand(i)) fill(i, seen, out);
  }
  return out;
}

/**
 * The seen pixel whose colour fills pixel i, or -1 for the smooth colour around. Garments
 * are mostly symmetric: a hand on one hip hides what the other hip shows, print and all.
 */
function fillSource(f: HoleFrame, seen: GrayImage, i: number, inBand: boolean): number {
  const { body, band, outline, image } = f;
  const { width: w, height: h } = image;
  const x = i % w, y = (i - x) / w;
  const mx = Math.round(2 * centerLineX(body, y) - x);
  const m = y * w + mx;
  if (mx >= 0 && mx < w && seen.data[m] > 0) return m;
  // A waistband hidden under the top continues the fabric seen just below it, reflected upwards
  // (a tucked top's, what it shows above, reflected downwards).
  const fromBand = band && inBand ? reflectAcrossEdge(seen, x, y, 0, band.garmentIs === 'below' ? 1 : -1, h, 1) : -1;
  if (fromBand >= 0) return fromBand;
  // An edge under a hand continues the fabric seen just inside it, reflected outwards.
  // (not from a thin seen strip: beside a hand or a held thing it is mostly the thing's rim or
  // shadow, and bounced to and fro it smears into streaks; the smooth colour is better)
  return outline !== null && outline[i] > 0 ? reflectAcrossEdge(seen, x, y, x < centerLineX(body, y) ? 1 : -1, 0, f.reach, f.r) : -1;
}

/**
 * Where a bottom's outline runs under the hands that hang over its sides: per
 * row, the garment's outermost pixel on each side is trusted only where it meets
 * no cover; on the other rows the outline is interpolated between the nearest
 * trusted rows above and below (within `reach` rows). A bottom's top rows are
 * its waistband, often under the hands already: rows with trusted ones only
 * below them carry on the line the side follows there (fitted over `fitRows`),
 * never wider than where it was seen. Marks (1) the pixels between the seen
 * edge and that continued outline.
 */
function continuedOutline(known: GrayImage, person: GrayImage, coverAt: (i: number) => number, reach: number, fitRows: number): GrayImage {
  const { width: w, height: h, data } = known;
  const out = createGray(w, h);
  const left = new Float64Array(h).fill(-1), right = new Float64Array(h).fill(-1);
  const trustL = new Uint8Array(h), trustR = new Uint8Array(h);
  // a side is seen where the backdrop is right beyond it (or the frame's edge), past the person
  // mask's soft edge: not where a hand, an arm, a sleeve's cuff or a held bag touches it
  const seen = (x0: number, y: number, step: number): number => {
    for (let k = 1; k <= SOFT_EDGE; k++) {
      const x = x0 + step * k, i = y * w + x;
      if (x < 0 || x >= w) return 1;
      if (coverAt(i) > 0.5) return 0;
      if (person.data[i] < 0.2) return 1;
    }
    return 0;
  };
  for (let y = 0; y < h; y++) {
    const run = rowExtent(data, w, y, 0);
    if (!run) continue;
    const [l, r] = run;
    left[y] = l; right[y] = r;
    trustL[y] = seen(l, y, -1);
    trustR[y] = seen(r, y, 1);
  }
  // Outward is smaller x on the left side, larger on the right.
  const continued = (edge: Float64Array, trust: Uint8Array, y: number, outward: number): number => {
    let a = -1, b = -1;
    for (let k = 1; k <= reach && (a < 0 || b < 0); k++) {
      if (a < 0 && y - k >= 0 && trust[y - k]) a = y - k;
      if (b < 0 && y + k < h && trust[y + k]) b = y + k;
    }
    if (a >= 0 && b >= 0) return edge[a] + ((edge[b] - edge[a]) * (y - a)) / (b - a);
    if (b < 0) return edge[y];
    // only seen below (a waistband's rows): the side's line seen below carried on up, but
    // never wider than where it was seen (a waist is no wider than the hips below it)
    const slope = sideSlope(edge, trust, b, fitRows);
    const carried = edge[b] - slope * (b - y);
    return (carried - edge[b]) * outward > 0 ? edge[b] : carried;
  };
  for (let y = 0; y < h; y++) {
    if (left[y] < 0) continue;
    if (!trustL[y]) for (let x = Math.max(0, Math.round(continued(left, trustL, y, -1))); x < left[y]; x++) out.data[y * w + x] = 1;
    if (!trustR[y]) for (let x = right[y] + 1; x <= Math.min(w - 1, Math.round(continued(right, trustR, y, 1))); x++) out.data[y * w + x] = 1;
  }
  return out;
}

/**
 * How far a side's edge moves per row going down (least squares) over the trusted
 * rows among the `rows` rows from `from` on; 0 with fewer than two.
 */
function sideSlope(edge: Float64Array, trust: Uint8Array, from: number, rows: number): number {
  let n = 0, sy = 0, sx = 0, syy = 0, sxy = 0;
  for (let y = from; y < Math.min(edge.length, from + rows); y++) {
    if (!trust[y]) continue;
    n++; sy += y; sx += edge[y]; syy += y * y; sxy += y * edge[y];
  }
  const d = n * syy - sy * sy;
  return n < 2 || d === 0 ? 0 : (n * sxy - sy * sx) / d;
}

/** Whether pixel i has garment on both sides of it along its row (within `across`), or at its mirror image across the body. */
function insideGarment(known: GrayImage, i: number, across: number, body: BodyGeometry): boolean {
  const { width: w, data } = known;
  const x = i % w, y = (i - x) / w;
  const mx = Math.round(2 * centerLineX(body, y) - x);
  if (mx >= 0 && mx < w && data[y * w + mx] > 0) return true;
  let left = false, right = false;
  for (let d = 1; d <= across && !(left && right); d++) {
    if (!left && x - d >= 0 && data[i - d] > 0) left = true;
    if (!right && x + d < w && data[i + d] > 0) right = true;
  }
  return left && right;
}

/**
 * The pixel mirroring (x, y) about the edge of the known garment met first going
 * from it in direction (dx, dy) (one of them 0, the other ±1; within `reach`
 * steps), as far into the garment as (x, y) is from the edge; where the known
 * part is thinner than that, reflected back and forth within it if it is at
 * least `minBounce` deep (a clamp to its last pixel would smear that pixel into
 * a streak); -1 when there is none, or it is thinner.
 */
function reflectAcrossEdge(known: GrayImage, x: number, y: number, dx: number, dy: number, reach: number, minBounce: number): number {
  const { width: w, height: h, data } = known;
  const inside = (px: number, py: number) => px >= 0 && py >= 0 && px < w && py < h;
  for (let n = 1; n <= reach; n++) {
    const ex = x + dx * n, ey = y + dy * n;
    if (!inside(ex, ey)) return -1;
    if (data[ey * w + ex] <= 0) continue;
    // the known run from the edge on, as deep as needed
    let depth = 0;
    while (depth < n && inside(ex + dx * (depth + 1), ey + dy * (depth + 1)) && data[(ey + dy * (depth + 1)) * w + ex + dx * (depth + 1)] > 0) depth++;
    let k = n;
    if (depth < n && depth < minBounce) return -1;
    if (depth < n) {
      const period = 2 * depth;
      const m = period > 0 ? n % period : 0;
      k = m <= depth ? m : period - m;
    }
    return (ey + dy * k) * w + ex + dx * k;
  }
  return -1;
}

/**
 * Adds to `held` what hangs from the hands in the garment's place (a bag, a phone): pixels
 * of colours far from the garment's usual one and rare in it elsewhere, reached through such
 * colours from where the hands hold things (`from`), near the hands.
 */
function heldObjects(image: RgbaImage, worn: GrayImage, held: GrayImage, from: GrayImage, body: BodyGeometry): void {
  const { width: w, height: h } = image;
  const d = image.data;
  const counts = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let n = 0;
  for (let i = 0; i < w * h; i++) {
    if (worn.data[i] < 0.9) continue;
    for (let c = 0; c < 3; c++) counts[c][d[i * 4 + c]]++;
    n++;
  }
  if (n === 0) return;
  const median = counts.map((hist) => { let acc = 0; for (let v = 0; v < 256; v++) { acc += hist[v]; if (acc >= n / 2) return v; } return 255; });
  const reach = body.shoulderSpan * HELD_REACH, reach2 = reach * reach;
  const [l, rt] = [body.leftHand.points[0], body.rightHand.points[0]];
  const near = (i: number) => {
    const x = i % w, y = (i - x) / w;
    return (x - l[0]) ** 2 + (y - l[1]) ** 2 < reach2 || (x - rt[0]) ** 2 + (y - rt[1]) ** 2 < reach2;
  };
  // far from the garment's usual colour, and rare in it away from the hands: a print's own
  // light and dark (a silver pattern on black) is all over the garment, a bag's colour is not
  const garment = colourHistogram(image, (i) => worn.data[i] > 0.9 && !near(i));
  const foreign = (i: number) => (d[i * 4] - median[0]) ** 2 + (d[i * 4 + 1] - median[1]) ** 2 + (d[i * 4 + 2] - median[2]) ** 2 > FOREIGN_DISTANCE ** 2 && rareIn(garment, d, i, RARE_AWAY_FROM_HANDS);
  const seeds: number[] = [];
  for (let i = 0; i < w * h; i++) if (from.data[i] > 0.5 && worn.data[i] > 0.5 && foreign(i)) seeds.push(i);
  const reached = floodFill(w, h, seeds, (i) => worn.data[i] > 0.5 && near(i) && foreign(i));
  for (let i = 0; i < w * h; i++) if (reached[i]) held.data[i] = 1;
}
