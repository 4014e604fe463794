/**
 * Gaps between a garment's body and its sleeves, closed. A sleeve turned down a
 * hanging arm, or out along a raised one, parts from the body's side below the
 * armpit (the armhole's cloth folds there in a worn garment; a flat one has none
 * to give), and the shopper's old top, cleared there, would show as a wedge of
 * painted skin between them.
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray } from '../image';
import { smoothstep } from '../smoothstep';

/** How far a gap between a garment's body and a sleeve may reach from both, in shoulder spans. */
export const SEAM_REACH = 0.12;

/**
 * Fills, in `body`, the pixels of `where` that neither layer covers but that lie
 * within `reach` pixels of both (a seam's gap, not the armhole of a sleeveless
 * garment nor a neckline, which have one piece beside them only), with the
 * two layers' colour around them.
 * @example closeSeamGaps(torsoLayer, sleeveLayer, portrait.render.clearTop, 30);
 */
export function closeSeamGaps(body: RgbaImage, sleeves: RgbaImage, where: GrayImage, reach: number): void {
  const { width: w, height: h } = body;
  const r = Math.max(1, Math.round(reach));
  // only around where the old top was (a quarter of the photo or so): the blurs are the cost
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) for (let x = 0, i = y * w; x < w; x++, i++) {
    if (where.data[i] <= 0.5) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    y1 = y;
  }
  if (x1 < 0) return;
  x0 = Math.max(0, x0 - r); y0 = Math.max(0, y0 - r); x1 = Math.min(w - 1, x1 + r); y1 = Math.min(h - 1, y1 + r);
  const cw = x1 - x0 + 1, ch = y1 - y0 + 1;
  const at = (cx: number, cy: number) => (cy + y0) * w + cx + x0;
  const bodyCover = createGray(cw, ch), sleeveCover = createGray(cw, ch);
  for (let cy = 0; cy < ch; cy++) for (let cx = 0; cx < cw; cx++) {
    const i = at(cx, cy), c = cy * cw + cx;
    bodyCover.data[c] = body.data[i * 4 + 3] / 255;
    sleeveCover.data[c] = sleeves.data[i * 4 + 3] / 255;
  }
  const nearBody = boxBlur(bodyCover, r), nearSleeve = boxBlur(sleeveCover, r);
  // what the two cover drawn one over the other (two half-covered pixels cover three quarters)
  const coveredAt = (c: number) => 1 - (1 - bodyCover.data[c]) * (1 - sleeveCover.data[c]);
  // in a gap: uncovered, near both pieces (a little of each within the reach)
  const gapAt = (c: number, i: number) => {
    const covered = coveredAt(c);
    if (where.data[i] <= 0.5 || covered >= 1) return 0;
    return Math.min(smoothstep(0.02, 0.1, nearBody.data[c]), smoothstep(0.02, 0.1, nearSleeve.data[c])) * (1 - covered);
  };
  let any = false;
  for (let cy = 0; cy < ch && !any; cy++) for (let cx = 0; cx < cw; cx++) if (gapAt(cy * cw + cx, at(cx, cy)) > 0) { any = true; break; }
  if (!any) return;
  // the colour around a gap: both layers' colours, weighted by coverage, spread over the reach
  const premultiplied = [0, 1, 2].map((k) => {
    const g = createGray(cw, ch);
    for (let cy = 0; cy < ch; cy++) for (let cx = 0; cx < cw; cx++) {
      const i = at(cx, cy), c = cy * cw + cx;
      g.data[c] = body.data[i * 4 + k] * bodyCover.data[c] + sleeves.data[i * 4 + k] * sleeveCover.data[c];
    }
    return boxBlur(g, r);
  });
  for (let cy = 0; cy < ch; cy++) for (let cx = 0; cx < cw; cx++) {
    const i = at(cx, cy), c = cy * cw + cx;
    const a = gapAt(c, i);
    if (a <= 0) continue;
    const weight = nearBody.data[c] + nearSleeve.data[c];
    // the body's coverage that, under the sleeve's, covers `a` more of the pixel
    const old = body.data[i * 4 + 3] / 255, s = sleeveCover.data[c];
    const total = Math.min(1, Math.max(old, 1 - (1 - coveredAt(c) - a) / Math.max(1e-6, 1 - s)));
    for (let k = 0; k < 3; k++) body.data[i * 4 + k] = (body.data[i * 4 + k] * old + (premultiplied[k].data[c] / weight) * (total - old)) / Math.max(1e-6, total);
    body.data[i * 4 + 3] = total * 255;
  }
}
