/**
 * Edge pixels of a cut-out garment are part backdrop (a white studio wall makes
 * a white fringe). Before the garment is warped onto a portrait, each edge
 * pixel takes the colour of the garment just inside it, so the soft edge
 * blends garment into portrait with no halo.
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, cloneRgba, createGray } from '../image';

/**
 * @example const clean = decontaminateEdges(productPhoto, garmentMask);
 */
export function decontaminateEdges(image: RgbaImage, mask: GrayImage): RgbaImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const out = cloneRgba(image);
  const inside = createGray(w, h);
  for (let i = 0; i < n; i++) inside.data[i] = mask.data[i] > 0.98 ? 1 : 0;
  // Two radii: the near colour where there is one, a wider average for thin parts.
  for (const r of [2, 6]) {
    const wsum = boxBlur(inside, r);
    const chans = [0, 1, 2].map((k) => {
      const c = createGray(w, h);
      for (let i = 0; i < n; i++) c.data[i] = image.data[i * 4 + k] * inside.data[i];
      return boxBlur(c, r);
    });
    for (let i = 0; i < n; i++) {
      const m = mask.data[i];
      if (m <= 0.01 || m > 0.98 || out.data[i * 4 + 3] === 254) continue;
      const ws = wsum.data[i];
      if (ws < 0.02) continue;
      for (let k = 0; k < 3; k++) out.data[i * 4 + k] = chans[k].data[i] / ws;
      out.data[i * 4 + 3] = 254; // marks the pixel as done for the wider pass
    }
  }
  for (let i = 0; i < n; i++) out.data[i * 4 + 3] = 255;
  return out;
}
