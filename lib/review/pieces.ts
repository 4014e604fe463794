/**
 * How many pieces the new garment was drawn in: a top or a dress is one piece of
 * cloth, so a second piece is a sleeve or hem torn off by the warp.
 */
import type { GrayImage } from '../engine/index';

/** A pixel belongs to the drawn garment from half opacity up (the same cut as everywhere in review). */
export const DRAWN_MIN = 0.5;
/** Parts at most this share of the drawn area are specks of the soft edge, not pieces of cloth. */
export const MIN_PIECE_SHARE = 0.005;

/**
 * Connected parts (8-connectivity) of `drawn >= 0.5`, counting only parts larger than
 * 0.5 % of the drawn area; 0 when nothing was drawn.
 * @example pieces(result.layers.drawn); // 1 for a top drawn whole
 */
export function pieces(drawn: GrayImage): number {
  const { width: w, height: h, data } = drawn;
  const label = new Int32Array(w * h); // 0 = not yet reached
  const sizes: number[] = [];
  const stack: number[] = [];
  let area = 0;
  for (let start = 0; start < w * h; start++) {
    if (data[start] < DRAWN_MIN || label[start]) continue;
    const id = sizes.length + 1;
    let size = 0;
    label[start] = id;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      size++;
      const x = i % w, y = (i - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (data[j] >= DRAWN_MIN && !label[j]) {
            label[j] = id;
            stack.push(j);
          }
        }
      }
    }
    sizes.push(size);
    area += size;
  }
  return sizes.filter((s) => s > MIN_PIECE_SHARE * area).length;
}
