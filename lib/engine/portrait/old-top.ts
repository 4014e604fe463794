/**
 * The top the shopper wears, as a region: what a new top or dress replaces.
 *
 * The clothes found by the skin model alone (regions.upperClothes) lose a white
 * tee's shoulders to pale skin and take a shadowed forearm for cloth. Here each
 * pixel near the body is given to whichever of two colour models it fits
 * better, the top's own (learned from the torso's middle) or the skin's
 * (learned from the skin the skin model is surest of: face, neck, bare arms
 * and hands), and the top is what of that connects to the torso's middle. A
 * print's odd colours enclosed by the top are top too, but never a hand that
 * lies on it.
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray } from '../image';
import type { ColourHistogram } from '../colour-bins';
import { BINS, colourBin, colourHistogram } from '../colour-bins';
import { floodFill, labelComponents } from '../connectivity';
import type { BodyGeometry } from './body-geometry';
import type { PortraitRegions } from './regions';
import { torsoMiddleColours } from './clothes-split';

/** How far down the torso (shoulders 0, hips 1) the top's colours are learned: its middle, above any bottom. */
const LEARN_TO = 0.55;
/** Fewest top pixels in the torso's middle for a colour model: fewer means a bare torso, nothing to learn. */
const MIN_TOP_SAMPLES = 200;
/** How far above the line through the shoulders' tops a top may reach, in shoulder spans (a seam's fold, a strap's edge). */
const COLLAR_RISE = 0.04;
/** Half the width round the neck where a collar may stand higher, in neck radii: a crew neck lies on the trapezius beside the neck, about its own radius out. */
const NECK_ROOM = 2.4;
/** A piece of the top's colours apart from its middle counts as the top from this share of it up. */
const CUT_OFF_PIECE = 0.01;
/** A bin this rare in both models (a share of each) says nothing; the skin model's call stands there. */
const UNSEEN = 0.0005;
/** Skin is believed over the top colour only when this many times likelier: pale skin and a white tee share bins' edges. */
const SKIN_ODDS = 2;

/**
 * @param zone where the top may be (below the chin, above the waist, and the sleeves' room along the arms): regions.upperClothes's reach.
 * @example const top = oldTop(photo, personMask, regions, body, zone);
 */
export function oldTop(image: RgbaImage, person: GrayImage, regions: PortraitRegions, body: BodyGeometry, zone: GrayImage): GrayImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const learned = torsoMiddleColours(image, regions.upperClothes.data, body, LEARN_TO);
  if (learned.total < MIN_TOP_SAMPLES) return regions.upperClothes;
  // a colour is seen in shadow and in light: each model lends its bins to their neighbours
  const top = spread(learned);
  const skin = spread(colourHistogram(image, (i) => regions.skin.data[i] > 0.9 && person.data[i] > 0.9 && regions.hair.data[i] < 0.1));
  const d = image.data;
  const isTop = new Uint8Array(n);
  const aboveShoulders = shoulderLine(body);
  for (let i = 0; i < n; i++) {
    if (zone.data[i] < 0.5 || person.data[i] < 0.5 || regions.face.data[i] > 0.5 || regions.hair.data[i] > 0.5) continue;
    if (aboveShoulders(i % w, Math.floor(i / w))) continue;
    isTop[i] = topRatherThanSkin(top, skin, d, i, regions.upperClothes.data[i] > 0.5) ? 1 : 0;
  }
  // what connects to the torso's middle
  const seeds: number[] = [];
  const middle = middleBox(body, w, h);
  for (let y = middle.y0; y <= middle.y1; y++) for (let x = middle.x0; x <= middle.x1; x++) if (isTop[y * w + x]) seeds.push(y * w + x);
  const reached = floodFill(w, h, seeds, (i) => isTop[i] === 1);
  // a piece of the top that an arm across it cuts off from the middle (a hem's corner behind a
  // forearm) is the top too, when it is no speck
  let main = 0;
  for (let i = 0; i < n; i++) main += reached[i];
  const pieces = labelComponents(w, h, (i) => isTop[i] === 1 && !reached[i]);
  for (let i = 0; i < n; i++) {
    const id = pieces.labels[i];
    if (id && pieces.sizes[id] >= main * CUT_OFF_PIECE) reached[i] = 1;
  }
  // holes the top encloses (a print's colours, a logo) are top; not a hand on it, and not
  // what the zone leaves out (the face, hair, the bottom)
  const outside = floodFill(w, h, borderSeeds(w, h), (i) => !reached[i]);
  const out = createGray(w, h);
  for (let i = 0; i < n; i++) {
    const hole = !outside[i] && zone.data[i] >= 0.5 && person.data[i] >= 0.5 && regions.hands.data[i] < 0.3 && regions.face.data[i] <= 0.5 && regions.hair.data[i] <= 0.5;
    out.data[i] = reached[i] || hole ? 1 : 0;
  }
  // the outline's mixed pixels: as soft as the person mask there
  const soft = boxBlur(out, 1);
  for (let i = 0; i < n; i++) soft.data[i] = Math.min(soft.data[i], person.data[i]) * (zone.data[i] >= 0.5 ? 1 : 0);
  return soft;
}

/**
 * A histogram that lends each bin to the same colour one level lighter and one darker (all
 * three channels together: shading scales a colour's channels alike): a white tee's folds in
 * shadow fall a bin below its lit white and must still read as the tee.
 */
function spread(h: ColourHistogram): ColourHistogram {
  const counts = new Float32Array(BINS ** 3);
  for (let r = 0; r < BINS; r++) for (let g = 0; g < BINS; g++) for (let b = 0; b < BINS; b++) {
    const c = h.counts[(r * BINS + g) * BINS + b];
    if (!c) continue;
    for (let k = -1; k <= 1; k++) {
      const rr = r + k, gg = g + k, bb = b + k;
      if (rr < 0 || gg < 0 || bb < 0 || rr >= BINS || gg >= BINS || bb >= BINS) continue;
      counts[(rr * BINS + gg) * BINS + bb] += c / 3;
    }
  }
  return { counts, total: h.total };
}

/**
 * Whether a pixel lies above the shoulders' tops (by more than a collar's rise) and beside the
 * neck: no top is there, but long hair falling onto the shoulders often is, in a top's colours.
 */
function shoulderLine(body: BodyGeometry): (x: number, y: number) => boolean {
  const [a, b] = body.shoulderTops;
  const rise = body.shoulderSpan * COLLAR_RISE;
  const neck = body.neckRadius * NECK_ROOM;
  const dx = b[0] - a[0], dy = b[1] - a[1];
  return (x, y) => {
    if (Math.abs(x - body.neckBase[0]) <= neck) return false; // a collar stands round the neck
    const t = Math.abs(dx) < 1e-6 ? 0 : (x - a[0]) / dx;
    return y < a[1] + dy * t - rise;
  };
}

/**
 * Top or skin by the two colour models; where neither has seen the colour, what the skin
 * model alone said (`clothes`).
 */
function topRatherThanSkin(top: ColourHistogram, skin: ColourHistogram, d: Uint8ClampedArray, i: number, clothes: boolean): boolean {
  const b = colourBin(d, i);
  const pt = top.counts[b] / Math.max(1, top.total), ps = skin.total > 0 ? skin.counts[b] / skin.total : 0;
  if (pt < UNSEEN && ps < UNSEEN) return clothes;
  return pt * SKIN_ODDS >= ps;
}

/** The torso's middle, where the top's colours were learned: the flood's seeds. */
function middleBox(body: BodyGeometry, w: number, h: number): { x0: number; y0: number; x1: number; y1: number } {
  const half = body.shoulderSpan * 0.25;
  const [sx, sy] = body.shoulderCenter, [hx, hy] = body.hipCenter;
  const length = Math.max(1, hy - sy);
  const cx = (sx + (hx - sx) * 0.35);
  return {
    x0: Math.max(0, Math.round(cx - half)), x1: Math.min(w - 1, Math.round(cx + half)),
    y0: Math.max(0, Math.round(sy + length * 0.15)), y1: Math.min(h - 1, Math.round(sy + length * LEARN_TO)),
  };
}

function borderSeeds(w: number, h: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < w; x++) out.push(x, (h - 1) * w + x);
  for (let y = 1; y < h - 1; y++) out.push(y * w, y * w + w - 1);
  return out;
}
