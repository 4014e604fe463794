/**
 * Where a new bottom may be drawn on a shopper. At the waist a bottom hugs the
 * body: it is hidden under the top or shows on a bare midriff, never beside the
 * body. A bottom's top wider than the shopper's waist (a model's hips, partly
 * guessed where hands or a bag hid them; a waistband continued up under the
 * model's top) would otherwise stick out over the backdrop beside the top.
 */
import type { GrayImage } from '../image';
import { createGray } from '../image';
import type { BodyGeometry } from '../portrait/body-geometry';
import { smoothstep } from '../smoothstep';

/** The waist's row, where nothing of a bottom goes beside the body: this far above the hips' centre, in shoulder spans. */
const WAIST_ABOVE_HIPS = 0.25;
/** Below the waist's row the room beside the body widens this many pixels per row: a hip's flare, then anything. */
const WIDENING = 2;

/**
 * 1 where a bottom may be drawn, 0 where not, soft at the person mask's edge: the
 * person and, beside them along the row, a margin that is nothing at and above
 * the waist's row and widens steeply below it (cut as a slanted line rather than
 * faded, which would smear).
 * @example const room = bottomRoom(portrait.personMask, portrait.body); // room.data[i] * garmentAlpha
 */
export function bottomRoom(person: GrayImage, body: BodyGeometry): GrayImage {
  const { width: w, height: h } = person;
  const out = createGray(w, h);
  const waistY = body.hipCenter[1] - body.shoulderSpan * WAIST_ABOVE_HIPS;
  const gap = new Float32Array(w);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const margin = Math.max(0, y - waistY) * WIDENING;
    if (margin >= w) { out.data.fill(1, row); break; }
    // how far each pixel is along the row from the nearest person pixel (two sweeps)
    let last = -Infinity;
    for (let x = 0; x < w; x++) { if (person.data[row + x] >= 0.5) last = x; gap[x] = x - last; }
    last = Infinity;
    for (let x = w - 1; x >= 0; x--) { if (person.data[row + x] >= 0.5) last = x; gap[x] = Math.min(gap[x], last - x); }
    for (let x = 0; x < w; x++) out.data[row + x] = Math.max(person.data[row + x], 1 - smoothstep(margin - 1, margin + 1, gap[x]));
  }
  return out;
}
