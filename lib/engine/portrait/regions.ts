/**
 * What each pixel of the person is: face, hair, skin (arms, hands, neck, legs),
 * or clothes, and which clothes are the top. No human-parsing network is
 * available to us, so this reads the person mask, the pose and colour: skin
 * by the face's own colour, hair by the colour on top of the head, and the
 * top/bottom split where the clothes' colour changes along the torso.
 */
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray, gaussianBlur, luminance } from '../image';
import { drawCapsule } from '../shapes';
import { floodFill } from '../connectivity';
import type { BodyGeometry } from './body-geometry';
import type { SkinModel } from './skin';
import { skinLikelihood, widenSkin } from './skin';
import { smoothstep } from '../smoothstep';

export interface PortraitRegions {
  face: GrayImage;
  hair: GrayImage;
  /** Bare skin anywhere on the person (arms, hands, neck, chest, legs, face). */
  skin: GrayImage;
  /** Both arms (shoulder to wrist), as worn: skin or sleeve. */
  arms: GrayImage;
  hands: GrayImage;
  /** Bare skin of the neck, from the chin to the collarbones: in front of any collar. */
  neck: GrayImage;
  /** Everything the person wears. */
  clothes: GrayImage;
  /** The clothes above the waist line: the top that a new top replaces. */
  upperClothes: GrayImage;
  /** Where a top can be: below the chin and above the waist line, and the sleeves' room along the arms. */
  upperZone: GrayImage;
  /** Where the top ends and the bottom begins, along the body's axis (photo y at the body's centre line); null for a one-piece. */
  waistY: number | null;
}

/**
 * @example const regions = portraitRegions(photo, personMask, body, skin);
 */
export function portraitRegions(image: RgbaImage, person: GrayImage, body: BodyGeometry, skinModel: SkinModel): PortraitRegions {
  const { width: w, height: h } = image;
  const n = w * h;
  const span = body.shoulderSpan;
  // Skin colour from the face, widened by the surest skin on the arms and neck.
  const armsAndNeck = createGray(w, h);
  drawCapsule(armsAndNeck, body.leftArm.points, body.leftArm.radii);
  drawCapsule(armsAndNeck, body.rightArm.points, body.rightArm.radii);
  drawCapsule(armsAndNeck, [body.chin, body.neckBase], [body.neckRadius, body.neckRadius]);
  const widened = widenSkin(image, skinModel, skinLikelihood(image, skinModel), armsAndNeck);
  const likelihood = boxBlur(skinLikelihood(image, widened), 1);
  // Skin is smooth at this scale; a busy patch of skin-like colours is a print (leopard, paisley).
  const busy = localBusyness(image);
  const inside = boxBlur(person, 3);
  for (let i = 0; i < n; i++) likelihood.data[i] *= 1 - smoothstep(0.05, 0.1, busy.data[i]) * smoothstep(0.9, 0.99, inside.data[i]);

  const face = createGray(w, h);
  if (body.faceBox) {
    const b = body.faceBox;
    const cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    for (let y = Math.floor(b.y); y < b.y + b.height; y++) {
      for (let x = Math.floor(b.x); x < b.x + b.width; x++) {
        const dx = (x - cx) / (b.width / 2), dy = (y - cy) / (b.height / 2);
        const v = Math.min(1, Math.max(0, (1 - Math.sqrt(dx * dx + dy * dy)) * 8));
        face.data[y * w + x] = v * person.data[y * w + x];
      }
    }
  }

  const skin = createGray(w, h);
  for (let i = 0; i < n; i++) skin.data[i] = person.data[i] * smoothstep(0.15, 0.4, likelihood.data[i]);

  const hair = hairMask(image, person, skin, face, body);

  const arms = createGray(w, h);
  drawCapsule(arms, body.leftArm.points, body.leftArm.radii.map((r) => r * 1.15));
  drawCapsule(arms, body.rightArm.points, body.rightArm.radii.map((r) => r * 1.15));
  // Where sleeves can be: the arms with room for a loose sleeve and for keypoints a little off.
  const sleeveZone = createGray(w, h);
  drawCapsule(sleeveZone, body.leftArm.points, body.leftArm.radii.map((r) => r * 1.7));
  drawCapsule(sleeveZone, body.rightArm.points, body.rightArm.radii.map((r) => r * 1.7));
  const hands = handRegions(body, person, skin);
  for (let i = 0; i < n; i++) {
    arms.data[i] *= person.data[i];
  }

  const neck = createGray(w, h);
  drawCapsule(neck, [body.chin, body.neckBase], [body.neckRadius * 1.2, body.neckRadius * 1.3]);
  // The neck ends at the collarbones: below them a new collar lies on top.
  const neckEnd = body.neckBase[1] - body.shoulderSpan * 0.02;
  for (let i = 0; i < n; i++) neck.data[i] *= skin.data[i] * smoothstep(-3, 3, neckEnd - Math.floor(i / w));

  const clothes = createGray(w, h);
  for (let i = 0; i < n; i++) {
    const notClothes = Math.max(skin.data[i], hair.data[i], face.data[i]);
    clothes.data[i] = person.data[i] * (1 - notClothes);
  }

  const waistY = findWaist(image, clothes, body);
  const upperClothes = createGray(w, h), upperZone = createGray(w, h);
  // Below the waist line (measured along the body axis), clothes belong to the bottom.
  const limitY = waistY ?? body.hipCenter[1] + (body.hipCenter[1] - body.shoulderCenter[1]) * 0.25;
  const feather = span * 0.03;
  // Nothing above the chin is a top (earrings, hair ties and glasses are not clothes to clear).
  const chinY = body.chin[1];
  for (let y = 0; y < h; y++) {
    const above = smoothstep(-feather, feather, limitY - y);
    if (y < chinY) continue;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      // sleeves belong to the top wherever the arms reach
      upperZone.data[i] = Math.max(above, sleeveZone.data[i]);
      upperClothes.data[i] = clothes.data[i] * upperZone.data[i];
    }
  }
  return { face, hair, skin, arms, hands, neck, clothes, upperClothes, upperZone, waistY };
}

/** How far around the pose's hand a hand's skin is followed, in the hand's radii: fingers spread past it, and the pose places an occluded hand a little off. */
const HAND_REACH = 2;
/** Skin this likely is still a hand's (a hand in its own shadow reads as less sure skin). */
const HAND_SKIN = 0.5;

/**
 * The hands as the photo shows them: the skin that connects to each hand's middle (its
 * fingers, however spread), within reach of where the pose puts it; where no skin is
 * found there (a gloved or blurred hand), the pose's own outline of it.
 */
function handRegions(body: BodyGeometry, person: GrayImage, skin: GrayImage): GrayImage {
  const { width: w, height: h } = person;
  const out = createGray(w, h);
  for (const hand of [body.leftHand, body.rightHand]) {
    const near = createGray(w, h), core = createGray(w, h);
    drawCapsule(near, hand.points, hand.radii.map((r) => r * HAND_REACH));
    drawCapsule(core, hand.points, hand.radii);
    const seeds: number[] = [];
    let x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (let i = 0; i < w * h; i++) {
      if (near.data[i] <= 0) continue;
      const x = i % w, y = (i - x) / w;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      if (core.data[i] > 0.5 && skin.data[i] > 0.5 && person.data[i] > 0.5) seeds.push(i);
    }
    if (!seeds.length) {
      for (let i = 0; i < w * h; i++) out.data[i] = Math.max(out.data[i], core.data[i] * person.data[i] * 0.3);
      continue;
    }
    const reached = floodFill(w, h, seeds, (i) => near.data[i] > 0.5 && skin.data[i] > HAND_SKIN && person.data[i] > 0.5);
    for (let y = Math.max(0, y0); y <= y1; y++) for (let x = Math.max(0, x0); x <= x1; x++) {
      const i = y * w + x;
      if (reached[i]) out.data[i] = Math.max(out.data[i], person.data[i]);
    }
  }
  // the outline's mixed pixels
  const soft = boxBlur(out, 1);
  for (let i = 0; i < w * h; i++) soft.data[i] = Math.min(Math.max(soft.data[i], out.data[i]), person.data[i]);
  return soft;
}

/** Standard deviation of luminance in a small neighbourhood (σ ≈ 2 px), 0..1 scale. */
function localBusyness(image: RgbaImage): GrayImage {
  const lum = luminance(image);
  const sq = createGray(lum.width, lum.height);
  for (let i = 0; i < sq.data.length; i++) sq.data[i] = lum.data[i] * lum.data[i];
  const m1 = gaussianBlur(lum, 2), m2 = gaussianBlur(sq, 2);
  for (let i = 0; i < m1.data.length; i++) m1.data[i] = Math.sqrt(Math.max(0, m2.data[i] - m1.data[i] * m1.data[i]));
  return m1;
}

/**
 * Hair: non-skin person pixels around the head, plus pixels of the same colour
 * that hang from it below the chin (long hair over the shoulders) — unless the
 * top is the hair's colour too, when the two cannot be told apart and only the
 * head's hair counts.
 */
function hairMask(image: RgbaImage, person: GrayImage, skin: GrayImage, face: GrayImage, body: BodyGeometry): GrayImage {
  const { width: w, height: h } = image;
  const out = createGray(w, h);
  const fb = body.faceBox;
  if (!fb) return out;
  const cx = fb.x + fb.width / 2, cy = fb.y + fb.height * 0.45;
  const headR = Math.max(fb.width, fb.height) * 0.85;
  const chinY = body.chin[1];
  // 1. around the head, above the chin
  const samples: number[][] = [];
  for (let y = Math.max(0, Math.floor(cy - headR * 1.4)); y < Math.min(h, chinY); y++) {
    for (let x = Math.max(0, Math.floor(cx - headR * 1.4)); x < Math.min(w, cx + headR * 1.4); x++) {
      const i = y * w + x;
      const d = Math.hypot(x - cx, (y - cy) * 0.9) / (headR * 1.4);
      if (d > 1) continue;
      const v = person.data[i] * (1 - skin.data[i]) * (1 - face.data[i]);
      out.data[i] = v;
      if (v > 0.8 && y < fb.y + fb.height * 0.4) samples.push([image.data[i * 4], image.data[i * 4 + 1], image.data[i * 4 + 2]]);
    }
  }
  if (samples.length < 50) return out;
  const hairColor = median3(samples);
  // 2. long hair: same colour, below the chin, grown from the head's hair through connected pixels
  const torsoLen = Math.hypot(body.shoulderCenter[0] - body.hipCenter[0], body.shoulderCenter[1] - body.hipCenter[1]);
  // If the clothes below the neck share the hair's colour, long hair cannot be told from them.
  const topColor = clothesColorBelowNeck(image, person, skin, body);
  if (!topColor || colorDist(topColor, hairColor) < 70) return out;
  const maxY = Math.min(h, body.shoulderCenter[1] + torsoLen * 0.6);
  const near = (i: number) => colorDist([image.data[i * 4], image.data[i * 4 + 1], image.data[i * 4 + 2]], hairColor) < 55;
  const queue: number[] = [];
  const seen = new Uint8Array(w * h);
  for (let y = Math.max(0, Math.floor(chinY - 4)); y < Math.min(h, chinY); y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (out.data[i] > 0.5 && near(i)) { queue.push(i); seen[i] = 1; }
    }
  }
  while (queue.length) {
    const i = queue.pop()!;
    out.data[i] = Math.max(out.data[i], person.data[i] * (1 - skin.data[i]));
    const x = i % w, y = (i - x) / w;
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const xx = x + dx, yy = y + dy;
      if (xx < 0 || yy < 0 || xx >= w || yy >= maxY) continue;
      const j = yy * w + xx;
      if (seen[j] || person.data[j] < 0.5 || skin.data[j] > 0.5 || !near(j)) continue;
      seen[j] = 1;
      queue.push(j);
    }
  }
  return out;
}

function median3(samples: number[][]): number[] {
  return [0, 1, 2].map((k) => {
    const v = samples.map((s) => s[k]).sort((a, b) => a - b);
    return v[v.length >> 1];
  });
}

function colorDist(a: number[], b: number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Median colour of the non-skin person pixels in a box under the neck, across the shoulders. */
function clothesColorBelowNeck(image: RgbaImage, person: GrayImage, skin: GrayImage, body: BodyGeometry): number[] | null {
  const { width: w, height: h } = image;
  const span = body.shoulderSpan;
  const [cx, cy] = body.shoulderCenter;
  const torso = Math.abs(body.hipCenter[1] - cy);
  const samples: number[][] = [];
  for (let y = Math.max(0, Math.round(cy)); y < Math.min(h, cy + torso * 0.6); y += 2) {
    for (let x = Math.max(0, Math.round(cx - span * 0.5)); x < Math.min(w, cx + span * 0.5); x += 2) {
      const i = y * w + x;
      if (person.data[i] < 0.9 || skin.data[i] > 0.3) continue;
      samples.push([image.data[i * 4], image.data[i * 4 + 1], image.data[i * 4 + 2]]);
    }
  }
  return samples.length > 30 ? median3(samples) : null;
}

/**
 * The waist line: the height along the torso where the clothes' colour changes
 * most (top to bottom garment), searched between mid-torso and just below the hips.
 */
function findWaist(image: RgbaImage, clothes: GrayImage, body: BodyGeometry): number | null {
  const { width: w, height: h } = image;
  const [sx, sy] = body.shoulderCenter, [hx, hy] = body.hipCenter;
  const torso = hy - sy;
  if (torso <= 0) return null;
  const half = body.shoulderSpan * 0.3;
  const y0 = Math.max(0, Math.round(sy + torso * 0.35)), y1 = Math.min(h - 1, Math.round(hy + torso * 0.35));
  if (y1 - y0 < 6) return null;
  const rows: (number[] | null)[] = [];
  for (let y = y0; y <= y1; y++) {
    const t = (y - sy) / torso;
    const cx = sx + (hx - sx) * t;
    const s = [0, 0, 0];
    let n = 0;
    for (let x = Math.max(0, Math.round(cx - half)); x <= Math.min(w - 1, Math.round(cx + half)); x++) {
      const i = y * w + x;
      if (clothes.data[i] < 0.7) continue;
      for (let k = 0; k < 3; k++) s[k] += image.data[i * 4 + k];
      n++;
    }
    rows.push(n >= half * 0.3 ? s.map((v) => v / n) : null);
  }
  const k = Math.max(3, Math.round(torso * 0.06));
  let best = -1, bestY: number | null = null;
  for (let r = k; r + k < rows.length; r++) {
    const above = avg(rows.slice(r - k, r)), below = avg(rows.slice(r + 1, r + 1 + k));
    // a band without clothes (bare midriff) separates the two garments by itself
    const score = !above || !below ? (above || below ? 80 : -1) : colorDist(above, below);
    if (score > best) { best = score; bestY = y0 + r; }
  }
  return best >= 45 ? bestY : null;
}

function avg(rows: (number[] | null)[]): number[] | null {
  const s = [0, 0, 0];
  let n = 0;
  for (const r of rows) if (r) { for (let k = 0; k < 3; k++) s[k] += r[k]; n++; }
  return n >= rows.length / 2 ? s.map((v) => v / n) : null;
}
