/**
 * Gaps between a garment's body and its sleeves, closed. A garment moved from a
 * model body to body warps its body by one spline and each sleeve along its arm;
 * where the shopper holds an arm out from the body and the model did not (a hand
 * on the hip), a wedge at the armpit is reached by neither, and the shopper's old
 * top, cleared there, shows as painted skin between them.
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray } from '../image';
import { smoothstep } from '../smoothstep';

/**
 * Fills, in `body`, the pixels of `where` that neither layer covers but that lie
 * within `reach` pixels of both (a seam's gap, not the armhole of a sleeveless
 * garment nor a neckline, which have one piece beside them only), with the
 * two layers' colour around them.
 * @example closeSeamGaps(torsoLayer, sleeveLayer, portrait.render.clearTop, 30);
 */
export function closeSeamGaps(body: RgbaImage, sleeves: RgbaImage, where: GrayImage, reach: number): void {
  const { width: w, height: h } = body;
  const n = w * h;
  const cover = (layer: RgbaImage) => {
    const g = createGray(w, h);
    for (let i = 0; i < n; i++) g.data[i] = layer.data[i * 4 + 3] / 255;
    return g;
  };
  const bodyCover = cover(body), sleeveCover = cover(sleeves);
  const r = Math.max(1, Math.round(reach));
  const nearBody = boxBlur(bodyCover, r), nearSleeve = boxBlur(sleeveCover, r);
  let any = false;
  for (let i = 0; i < n; i++) if (where.data[i] > 0.5 && bodyCover.data[i] + sleeveCover.data[i] < 0.5 && nearBody.data[i] > 0.02 && nearSleeve.data[i] > 0.02) { any = true; break; }
  if (!any) return;
  // the colour around a gap: both layers' colours, weighted by coverage, spread over the reach
  const premultiplied = [0, 1, 2].map((c) => {
    const g = createGray(w, h);
    for (let i = 0; i < n; i++) g.data[i] = body.data[i * 4 + c] * bodyCover.data[i] + sleeves.data[i * 4 + c] * sleeveCover.data[i];
    return boxBlur(g, r);
  });
  for (let i = 0; i < n; i++) {
    const covered = bodyCover.data[i] + sleeveCover.data[i];
    if (where.data[i] <= 0.5 || covered >= 1) continue;
    // in a gap: near both pieces (a little of each within the reach)
    const gap = Math.min(smoothstep(0.02, 0.1, nearBody.data[i]), smoothstep(0.02, 0.1, nearSleeve.data[i]));
    if (gap <= 0) continue;
    const weight = nearBody.data[i] + nearSleeve.data[i];
    const a = gap * (1 - Math.min(1, covered));
    const old = body.data[i * 4 + 3] / 255, total = Math.min(1, old + a);
    for (let c = 0; c < 3; c++) body.data[i * 4 + c] = (body.data[i * 4 + c] * old + (premultiplied[c].data[i] / weight) * a) / Math.max(1e-6, total);
    body.data[i * 4 + 3] = total * 255;
  }
}
