/**
 * How much each pixel is an arm's own: its skin, or what is cleared of the old top
 * (its sleeve, painted as skin). An arm drawn in front of a new garment is this
 * much in front; the rest of its capsule (a pocket, a hip a hand rests on) stays
 * behind.
 */
import type { GrayImage } from '../image';
import { createGray } from '../image';
import { dilate } from '../garment/garment-mask';
import { smoothstep } from '../smoothstep';

/**
 * Mixed pixels between an arm's skin and the cleared top beside it, in pixels: the photo's
 * edge blur (1 to 2 px) where shadowed skin meets cloth. Neither sure skin nor cleared, they
 * showed the new garment through the arm as a broken line one pixel wide.
 */
const EDGE_GAP = 2;

/**
 * @example const own = armOwn(portrait.regions.skin, portrait.render.clearTop); // in front: armsInFront × arms × own
 */
export function armOwn(skin: GrayImage, clearTop: GrayImage): GrayImage {
  const { width: w, height: h } = skin;
  const out = createGray(w, h);
  const isSkin = createGray(w, h), isCleared = createGray(w, h);
  for (let i = 0; i < w * h; i++) {
    out.data[i] = Math.max(smoothstep(0.3, 0.7, skin.data[i]), clearTop.data[i]);
    isSkin.data[i] = skin.data[i] >= 0.5 ? 1 : 0;
    isCleared.data[i] = clearTop.data[i] >= 0.5 ? 1 : 0;
  }
  // a pixel within the edge's blur of both skin and the cleared top is between them: the arm's
  const nearSkin = dilate(isSkin, EDGE_GAP), nearCleared = dilate(isCleared, EDGE_GAP);
  for (let i = 0; i < w * h; i++) if (nearSkin.data[i] > 0 && nearCleared.data[i] > 0) out.data[i] = 1;
  return out;
}
