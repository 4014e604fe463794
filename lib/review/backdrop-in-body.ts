/**
 * The product photo's backdrop showing inside the shopper's body: backdrop the
 * garment's cut-out kept (between a sleeve and the body, inside a collar) and
 * pasted onto the shopper.
 */
import type { GrayImage, RgbaImage } from '../engine/index';
import type { Rgb } from './pixels';
import { assertSameSize, colourDistanceAt, erodeMask, maxChannelDiffAt, UNCHANGED_MAX_DIFF } from './pixels';

/** The product photo's border band, as a share of its short side: wide enough to outvote a garment touching the edge. */
export const BORDER_BAND_SHARE = 0.02;
/** A result pixel this close (RGB Euclidean) to the backdrop colour reads as backdrop: past JPEG noise, short of pale cloth. */
export const BACKDROP_DISTANCE = 18;
/** The person outline's mixed pixels (person and scene blended) lie within this many pixels of its edge. */
export const OUTLINE_ERODE_PX = 2;
/** A garment with this share of its interior backdrop-coloured (a white tee on white) cannot be told from the backdrop. */
export const GARMENT_LIKE_BACKDROP_SHARE = 0.02;
/** A garment pixel counts as interior when it and its 8 neighbours are at least this opaque. */
export const INTERIOR_MASK_MIN = 0.99;

export interface Backdrop {
  /** Median of the product photo's border band, per channel. */
  colour: Rgb;
  /** True when the garment itself is backdrop-coloured: then backdrop in the body cannot be told from the garment. */
  garmentLikeBackdrop: boolean;
}

/**
 * The product photo's backdrop colour: the per-channel median of a border band 2 % of the short side wide.
 * @example backdropColour(garment.image); // [255, 255, 255] for a studio white
 */
export function backdropColour(photo: RgbaImage): Rgb {
  const { width: w, height: h, data } = photo;
  const band = Math.max(1, Math.round(BORDER_BAND_SHARE * Math.min(w, h)));
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let n = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (x >= band && x < w - band && y >= band && y < h - band) continue;
      const p = (y * w + x) * 4;
      hist[0][data[p]]++; hist[1][data[p + 1]]++; hist[2][data[p + 2]]++;
      n++;
    }
  }
  const med = (hc: Uint32Array) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += hc[v]) * 2 >= n) return v;
    return 255;
  };
  return [med(hist[0]), med(hist[1]), med(hist[2])];
}

/**
 * The backdrop of a product photo, and whether the garment itself is backdrop-coloured
 * (at least 2 % of its interior pixels within 18 of the backdrop colour). `mask` is at the photo's size.
 * @example const b = backdropOf(garment.image, garment.mask); // { colour: [250, 250, 250], garmentLikeBackdrop: false }
 */
export function backdropOf(photo: RgbaImage, mask: GrayImage): Backdrop {
  assertSameSize(photo, mask, 'the product photo and its garment mask');
  const colour = backdropColour(photo);
  const { width: w, height: h, data: m } = mask;
  let interior = 0, like = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      let inner = true;
      for (let dy = -1; dy <= 1 && inner; dy++) for (let dx = -1; dx <= 1 && inner; dx++) inner = m[(y + dy) * w + x + dx] >= INTERIOR_MASK_MIN;
      if (!inner) continue;
      interior++;
      if (colourDistanceAt(photo, y * w + x, colour) <= BACKDROP_DISTANCE) like++;
    }
  }
  return { colour, garmentLikeBackdrop: interior > 0 && like >= GARMENT_LIKE_BACKDROP_SHARE * interior };
}

/**
 * Result pixels inside the shopper's body outline (person mask >= 0.5, eroded by 2 px) that the
 * try-on changed (a channel differs by more than 6) to the product photo's backdrop colour (within 18);
 * null when the garment is backdrop-coloured itself, so the two cannot be told apart.
 * @example backdropInBody(portrait.image, portrait.personMask, result.image, backdropOf(garment.image, garment.mask)); // 0 for a clean cut-out
 */
export function backdropInBody(portrait: RgbaImage, personMask: GrayImage, result: RgbaImage, backdrop: Backdrop): number | null {
  if (backdrop.garmentLikeBackdrop) return null;
  assertSameSize(portrait, result, 'the portrait and the try-on');
  assertSameSize(portrait, personMask, 'the portrait and its person mask');
  const body = erodeMask(personMask, OUTLINE_ERODE_PX);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    if (!body[i] || maxChannelDiffAt(result, portrait, i) <= UNCHANGED_MAX_DIFF) continue;
    if (colourDistanceAt(result, i, backdrop.colour) <= BACKDROP_DISTANCE) n++;
  }
  return n;
}
