/**
 * What reads as a garment on a model but is not: a bare arm's edge and the backdrop's
 * fringe beside it (tops and dresses without sleeves), long hair the garment's colour
 * beside the neck, and thin strokes beside a bottom (a held bag's rim). Each step
 * clears those pixels from the mask of what the model wears.
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray } from '../image';
import type { BodyGeometry } from '../portrait/body-geometry';
import { fromTorsoAxis } from '../portrait/body-geometry';
import { torsoMiddleColours } from '../portrait/clothes-split';
import type { Point } from '../shapes';
import { drawCapsule, segmentDistance } from '../shapes';
import { rareIn } from '../colour-bins';
import { lerp } from '../vec';
import { rowExtent } from './row-runs';

/** How far out from a bare arm's line what reads as garment is the arm's fringe (skin and backdrop mixed), in arm half thicknesses. */
const ARM_FRINGE = 1.8;
/** A high collar reaches this many neck half widths from the neck's middle. */
const NECK_COLUMN = 1.1;
/** Share of the neck's width a collar's row covers (hair hanging beside the neck covers less). */
const COLLAR_ACROSS = 0.8;
/** A row is the shoulders' once the person is this much wider than the head and its hair at the chin. */
const SHOULDERS_WIDER = 1.15;
/** Half the width, in shoulder spans, below which a stroke beside a bottom is not the bottom's. */
const THIN_STROKE = 0.035;
/** A colour this rare in a garment's middle is not the garment's (an arm's skin beside it). */
const RARE_IN_GARMENT = 0.002;

/**
 * A bare arm the skin model missed (dark or shiny skin, strong light) is taken
 * for clothes and would be carried over as garment: on a side without a sleeve,
 * the arm's outer half and the backdrop's fringe beyond it (nothing of a sleeveless
 * garment is there), and pixels around the arm in colours the garment's middle
 * (the chest to the waist, between the shoulders) does not have, are left out.
 * @example dropBareArms(photo, worn, model.body, split.sleeveEnds);
 */
export function dropBareArms(image: RgbaImage, worn: GrayImage, body: BodyGeometry, sleeveEnds: [number, number]): void {
  if (sleeveEnds[0] >= 0.1 && sleeveEnds[1] >= 0.1) return;
  const { width: w, height: h } = image;
  const core = torsoMiddleColours(image, worn.data, body, 0.85);
  if (core.total === 0) return;
  const near = createGray(w, h), outside = createGray(w, h);
  [body.leftArm, body.rightArm].forEach((arm, k) => {
    if (sleeveEnds[k] >= 0.1) return;
    // from a little past the shoulder joint: the armhole's edge belongs to the garment
    const [s, e, wrist] = arm.points;
    const start = lerp(s, e, 0.3);
    drawCapsule(near, [start, e, wrist], arm.radii.map((r) => r * ARM_FRINGE));
    // the outer side down to the forearm's middle (lower, a skirt may flare out beside the hands);
    // the inner side may be the garment's own side, against the arm
    markOutsideArm(outside, body, [start, e, lerp(e, wrist, 0.5)], [arm.radii[0], arm.radii[1], (arm.radii[1] + arm.radii[2]) / 2]);
  });
  for (let i = 0; i < w * h; i++) {
    if (worn.data[i] > 0 && (outside.data[i] > 0 || (near.data[i] > 0.5 && rareIn(core, image.data, i, RARE_IN_GARMENT)))) worn.data[i] = 0;
  }
}

/**
 * Marks (1) the pixels within ARM_FRINGE radii of an arm's line (`path`, with its half
 * thickness at each point) on its outer side, away from the torso, and a fifth of the
 * radius inside the line (the arm's middle, whatever its colour).
 */
function markOutsideArm(out: GrayImage, body: BodyGeometry, path: Point[], radii: number[]): void {
  const { width: w, height: h } = out;
  const fromAxis = fromTorsoAxis(body);
  const reach = Math.max(...radii) * ARM_FRINGE;
  const x0 = Math.max(0, Math.floor(Math.min(...path.map((p) => p[0])) - reach)), x1 = Math.min(w - 1, Math.ceil(Math.max(...path.map((p) => p[0])) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(...path.map((p) => p[1])) - reach)), y1 = Math.min(h - 1, Math.ceil(Math.max(...path.map((p) => p[1])) + reach));
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    for (let g = 0; g + 1 < path.length; g++) {
      const { d, t } = segmentDistance(x, y, path[g], path[g + 1]);
      const r = radii[g] + (radii[g + 1] - radii[g]) * t;
      if (d >= r * ARM_FRINGE) continue;
      const a = path[g], b = path[g + 1];
      if (fromAxis(x, y) > fromAxis(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) - r * 0.2) out.data[y * w + x] = 1;
    }
  }
}

/**
 * Long hair the garment's colour (dark hair over a dark dress) is read as the garment
 * below the chin, and would come along as a block beside the shopper's neck. Beside the
 * neck (a high collar round it aside), nothing is the garment above the highest a
 * shoulder's top sits (over the joints by 1.6 of the arm's half thickness, beside the
 * neck by 0.3 of a shoulder span), nor in the rows below the chin where the person is
 * no wider than the head with its hair (the shoulders begin where it grows wider).
 * @example dropHairBesideNeck(worn, model.person, model.body);
 */
export function dropHairBesideNeck(worn: GrayImage, person: GrayImage, body: BodyGeometry): void {
  const { width: w, height: h } = worn;
  const widthAt = (y: number) => {
    const run = rowExtent(person.data, w, y, 0.5);
    return run ? run[1] - run[0] + 1 : 0;
  };
  const chinY = Math.max(0, Math.round(body.chin[1]));
  const endY = Math.min(h, Math.round(body.neckBase[1] + body.shoulderSpan * 0.2));
  if (chinY >= endY) return;
  const head = widthAt(Math.min(h - 1, chinY));
  const [cx, cy] = body.chin, [nx, ny] = body.neckBase;
  // (the neck's measured width takes in hair that hangs beside it: a collar is no wider than a typical neck)
  const collar = Math.min(body.neckRadius, body.shoulderSpan * 0.14) * NECK_COLUMN;
  const neckX = (y: number) => cx + (nx - cx) * Math.min(1, Math.max(0, (y - cy) / Math.max(1, ny - cy)));
  const neckSide = ny - body.shoulderSpan * 0.3;
  // the highest a shoulder's top sits in column x: from beside the neck out to the joint, level beyond it
  const shoulderTop = (x: number) => {
    const arm = (x < nx) === (body.leftArm.points[0][0] < nx) ? body.leftArm : body.rightArm;
    const [jx, jy] = arm.points[0], top = jy - arm.radii[0] * 1.6;
    const t = Math.min(1, Math.max(0, (x - nx) / (jx - nx || 1)));
    return neckSide + (top - neckSide) * t;
  };
  // A collar goes round the neck, across its whole width, up from the neckline without a break;
  // strands of hair cover the neck in part
  const collarRow = new Uint8Array(endY - chinY);
  for (let y = endY - 1; y >= chinY; y--) {
    let across = 0, n = 0;
    for (let x = Math.max(0, Math.round(neckX(y) - collar)); x <= Math.min(w - 1, neckX(y) + collar); x++, n++) across += worn.data[y * w + x] > 0.5 ? 1 : 0;
    collarRow[y - chinY] = n > 0 && across / n > COLLAR_ACROSS && (y >= ny || collarRow[y - chinY + 1] === 1) ? 1 : 0;
  }
  let shoulders = head === 0;
  for (let y = chinY; y < endY; y++) {
    if (!shoulders && widthAt(y) > head * SHOULDERS_WIDER) shoulders = true;
    const x0 = neckX(y);
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const drop = Math.abs(x - x0) <= collar ? y < neckSide && !collarRow[y - chinY] : !shoulders || y < shoulderTop(x);
      if (drop) worn.data[i] = 0;
    }
  }
}

/**
 * A bottom has no part thinner than a few percent of the shoulders: strokes that
 * narrow beside it are an arm's shadowed edge or the rim of a held bag, taken for
 * clothes. An opening (shrink, then grow back) of the mask leaves them out.
 * @example dropThinStrokes(bottom, model.body);
 */
export function dropThinStrokes(worn: GrayImage, body: BodyGeometry): void {
  const r = Math.max(2, Math.round(body.shoulderSpan * THIN_STROKE));
  const solid = createGray(worn.width, worn.height);
  for (let i = 0; i < worn.data.length; i++) solid.data[i] = worn.data[i] > 0.5 ? 1 : 0;
  const shrunk = boxBlur(solid, r);
  for (let i = 0; i < shrunk.data.length; i++) shrunk.data[i] = shrunk.data[i] > 0.999 ? 1 : 0;
  const grown = boxBlur(shrunk, r);
  for (let i = 0; i < worn.data.length; i++) if (grown.data[i] < 0.001) worn.data[i] = 0;
}
