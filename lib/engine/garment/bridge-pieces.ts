/**
 * A garment is one piece of cloth. Its mask can break where a strap meets the
 * bodice (a pixel-wide join), or where a hem's fold shows a thin line of the
 * backdrop's colour: the pieces, each sewn to the garment in the photo, would
 * be drawn apart. A piece that comes within BRIDGE_REACH of the main one is
 * joined to it by the shortest path between them, in the colours at its ends.
 */
import type { GrayImage, RgbaImage } from '../image';
import { labelComponents } from '../connectivity';

/** How far a piece may lie from the garment's main piece to be joined to it, as a share of the garment's width. */
const BRIDGE_REACH = 0.03;
/** Pieces smaller than this share of the main one are specks (dust on the backdrop), not joined. */
const MIN_PIECE = 0.001;
/** Opacity of a bridge: solid enough to be drawn as cloth. */
const BRIDGE_OPACITY = 0.8;

/**
 * Joins the pieces of `mask` (at 0.5) near the largest one to it, in place, painting the
 * joins into `image` in the colour of the piece they start from.
 * @returns how many pieces were joined.
 * @example bridgePieces(productPhoto, mask); // a slip dress's straps sewn back on
 */
export function bridgePieces(image: RgbaImage, mask: GrayImage): number {
  const { width: w, height: h } = mask;
  const n = w * h;
  const parts = labelComponents(w, h, (i) => mask.data[i] >= 0.5);
  if (parts.sizes.length <= 2) return 0;
  let main = 1;
  for (let k = 2; k < parts.sizes.length; k++) if (parts.sizes[k] > parts.sizes[main]) main = k;
  let x0 = w, x1 = -1;
  for (let i = 0; i < n; i++) if (parts.labels[i] === main) { const x = i % w; if (x < x0) x0 = x; if (x > x1) x1 = x; }
  const reach = Math.max(2, Math.round((x1 - x0 + 1) * BRIDGE_REACH));
  // breadth-first from the main piece through the backdrop, up to `reach` steps: each pixel's way back
  const from = new Int32Array(n).fill(-1), dist = new Int32Array(n).fill(-1);
  let queue: number[] = [];
  for (let i = 0; i < n; i++) if (parts.labels[i] === main) { dist[i] = 0; queue.push(i); }
  const touch = new Map<number, number>(); // piece → its pixel reached first (nearest the main piece)
  // (a piece is reached one step past the last pixel of the gap)
  for (let d = 1; d <= reach + 1 && queue.length; d++) {
    const next: number[] = [];
    for (const i of queue) {
      const x = i % w;
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
        if (j < 0 || j >= n || dist[j] >= 0) continue;
        dist[j] = d;
        from[j] = i;
        const id = parts.labels[j];
        if (id && id !== main) {
          if (!touch.has(id) && parts.sizes[id] >= parts.sizes[main] * MIN_PIECE) touch.set(id, j);
          continue; // pieces are reached, not crossed
        }
        next.push(j);
      }
    }
    queue = next;
  }
  for (const start of touch.values()) {
    // walk back to the main piece, painting the way in the piece's colour
    const colour = [image.data[start * 4], image.data[start * 4 + 1], image.data[start * 4 + 2]];
    for (let i = from[start]; i >= 0 && dist[i] > 0; i = from[i]) {
      for (const j of [i, i % w < w - 1 ? i + 1 : i, i + w < n ? i + w : i]) {
        if (mask.data[j] >= BRIDGE_OPACITY) continue;
        mask.data[j] = BRIDGE_OPACITY;
        for (let c = 0; c < 3; c++) image.data[j * 4 + c] = colour[c];
      }
    }
  }
  return touch.size;
}
