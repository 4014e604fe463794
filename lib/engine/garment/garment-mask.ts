/**
 * The garment's mask in a product photo: everything that is not the studio
 * backdrop. The backdrop is learned from the photo's border as a smooth plate
 * (white, grey or coloured, with gradients), then flood-filled inwards through
 * backdrop-coloured pixels without crossing an edge. Enclosed pockets keep
 * their nature: backdrop-coloured ones (inside a strap loop) are backdrop,
 * fabric ones (the back of the collar seen through the neck) are garment.
 */
import type { BackgroundPlate } from '../background-plate';
import { colorDistance, estimatePlate } from '../background-plate';
import { borderPixels, floodFill, labelComponents } from '../connectivity';
import type { GrayImage, RgbaImage } from '../image';
import { boxBlur, createGray, gaussianBlur, luminance, resizeGray, resizeRgba } from '../image';
import { refineMask } from '../matting';

/** Luminance step per pixel (Sobel, 0..1 scale) that counts as an edge. */
const EDGE = 0.025;
/** Mean distance (RGB) of the border to its smooth plate above which it is no studio backdrop. */
const PLAIN_NOISE = 12;
/** Half-size pixels an opening takes off: parts no wider than twice this are thin (a strap with its halo of backdrop). */
const THIN_RADIUS = 4;
/** The halo round a thin part at full resolution, in pixels: the half-size mask's blur and edge stops reach this far. */
const HALO = 6;
/** How far round a strap pixel (full resolution) the strap's own colour is looked for. */
const STRAP_REACH = 2;
/** Distance (RGB) between strap and backdrop from which colour alone tells a strap's opacity. */
const STRAP_CONTRAST = 60;
/**
 * Share of the border that must be backdrop (the rest is garment reaching the frame: a model's
 * legs and head cut by a tall crop can take half of it) for a product photo; a scene's border
 * is not told by this share but by its noise against the plate.
 */
const MIN_BACKDROP_BORDER = 0.3;
/**
 * Gaps in the outline up to twice this wide (half-resolution pixels) are closed before
 * the backdrop is told from pockets inside the garment: white fabric on a white
 * backdrop leaves breaks of several pixels where its edge fades.
 */
const GAP_CLOSE = 4;
/** Share of the garment above which a pocket must match the backdrop closely to be a hole. */
const BIG_POCKET = 0.1;
/** A piece the photo's frame cuts, smaller than this share of the main one, is the backdrop's (a floor, a shadow). */
const FRAMED_PIECE = 0.25;

export interface GarmentMaskResult {
  mask: GrayImage;
  /** Mean backdrop colour (RGB). */
  backdrop: [number, number, number];
  /** Share of the photo the garment covers, in [0, 1]. */
  coverage: number;
  /** False when the border is not a plain backdrop (a scene, a cropped photo): the mask means little then. */
  plainBackdrop: boolean;
}

/**
 * The backdrop is segmented at half resolution (flood fills and labelling cost
 * four times less), with edges and fabric texture measured at full resolution
 * and carried down (a weave or a faint outline fades when a photo is shrunk);
 * the outline is then sharpened against the photo's colours.
 * @example const { mask } = garmentMask(productPhoto);
 */
export function garmentMask(image: RgbaImage): GarmentMaskResult {
  const { width: fw, height: fh } = image;
  const fullStops = fillStops(image);
  const w = Math.max(1, fw >> 1), h = Math.max(1, fh >> 1);
  const half = resizeRgba(image, w, h);
  const stops = halveStops(fullStops, fw, fh, w, h);
  const n = w * h;
  const bandW = Math.max(2, Math.round(Math.min(w, h) * 0.01));
  const border = createGray(w, h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (x < bandW || y < bandW || x >= w - bandW || y >= h - bandW) border.data[y * w + x] = 1;
  }
  // Two rounds: the plate learned from the border, then from all the backdrop the
  // first round reached (it follows vignettes and soft shadows much better).
  const { plate: borderPlate, plain } = borderBackdrop(half, border);
  let plate = borderPlate;
  let outside = fillBackdrop(half, plate, stops);
  const reached = createGray(w, h);
  for (let i = 0; i < n; i++) reached.data[i] = outside.reached[i];
  plate = estimatePlate(half, reached, 12);
  outside = fillBackdrop(half, plate, stops);
  const { dist, tol } = outside;

  // Close gaps in the outline (white fabric on a white backdrop), then decide each
  // enclosed pocket: backdrop if it matches the plate throughout, garment otherwise.
  const binary = createGray(w, h);
  for (let i = 0; i < n; i++) binary.data[i] = outside.reached[i] ? 0 : 1;
  const closed = erode(dilate(binary, GAP_CLOSE), GAP_CLOSE);
  const outer = floodFill(w, h, borderPixels(w, h), (i) => closed.data[i] < 0.5);
  const pockets = labelComponents(w, h, (i) => !outer[i] && binary.data[i] < 0.5);
  const pocketDist = new Float64Array(pockets.sizes.length);
  for (let i = 0; i < n; i++) if (pockets.labels[i]) pocketDist[pockets.labels[i]] += dist[i];
  const minPocket = n * 0.0005;
  let garmentArea = 0;
  for (let i = 0; i < n; i++) garmentArea += binary.data[i];
  for (let i = 0; i < n; i++) {
    const id = pockets.labels[i];
    if (id === 0) continue;
    const size = pockets.sizes[id], meanDist = pocketDist[id] / size;
    // A big pocket is a hole only if as clean as the backdrop itself: white fabric is a shade off.
    const backdropPocket = size >= minPocket && meanDist < tol * (size > garmentArea * BIG_POCKET ? 0.2 : 0.6);
    if (!backdropPocket) binary.data[i] = 1;
  }

  // Keep the garment's pieces; drop specks and stray patches (dust, a logo or a shadow on the
  // backdrop), and smaller pieces the frame cuts (a floor's edge, a shadow at the photo's bottom).
  const parts = labelComponents(w, h, (i) => binary.data[i] === 1);
  const largest = Math.max(0, ...parts.sizes.slice(1));
  const atFrame = new Uint8Array(parts.sizes.length);
  for (let x = 0; x < w; x++) { atFrame[parts.labels[x]] = 1; atFrame[parts.labels[(h - 1) * w + x]] = 1; }
  for (let y = 0; y < h; y++) { atFrame[parts.labels[y * w]] = 1; atFrame[parts.labels[y * w + w - 1]] = 1; }
  for (let i = 0; i < n; i++) {
    const id = parts.labels[i];
    if (id && (parts.sizes[id] < largest * 0.02 || (atFrame[id] && parts.sizes[id] < largest * FRAMED_PIECE))) binary.data[i] = 0;
  }

  clearThinHalo(binary, dist, tol);

  // The outline is sharpened at half resolution too: the garment is shrunk onto the body
  // by about that much anyway.
  const soft = resizeGray(refineMask(half, gaussianBlur(binary, 0.7), { band: 2, colorRadius: 3 }), fw, fh);
  strapsFromColour(image, soft, plate, fw / w, thinZone(binary, fw, fh));
  let covered = 0;
  for (let i = 0; i < soft.data.length; i++) covered += soft.data[i];
  let r = 0, g = 0, b = 0, m = 0;
  for (let i = 0; i < n; i++) if (outside.reached[i]) { r += half.data[i * 4]; g += half.data[i * 4 + 1]; b += half.data[i * 4 + 2]; m++; }
  return { mask: soft, backdrop: m ? [r / m, g / m, b / m] : [255, 255, 255], coverage: covered / soft.data.length, plainBackdrop: plain };
}

/**
 * Where the garment's thin parts lie at full resolution, with a margin of HALO pixels: what
 * an opening of the half-size mask by THIN_RADIUS takes away (straps, strings).
 */
function thinZone(binary: GrayImage, fw: number, fh: number): GrayImage {
  const opened = dilate(erode(binary, THIN_RADIUS), THIN_RADIUS);
  const thin = createGray(binary.width, binary.height);
  for (let i = 0; i < thin.data.length; i++) thin.data[i] = binary.data[i] >= 0.5 && opened.data[i] < 0.5 ? 1 : 0;
  const full = resizeGray(dilate(thin, Math.ceil(HALO / 2)), fw, fh);
  for (let i = 0; i < full.data.length; i++) full.data[i] = full.data[i] > 0.01 ? 1 : 0;
  return full;
}

/**
 * A thin part's opacity at full resolution, from colour: the half-size mask blurs a strap a
 * pixel or two wide into a band of backdrop. Within `zone`, where the strap's colour stands far
 * from the backdrop's, a pixel is as opaque as it is far from the backdrop against the most
 * distant colour beside it (α = |I − B| / |F − B|), so the strap comes out as thin as it is.
 */
function strapsFromColour(image: RgbaImage, mask: GrayImage, plate: BackgroundPlate, scale: number, zone: GrayImage): void {
  const { width: w, height: h } = image;
  const pw = plate.width, ph = plate.height;
  const d = image.data, m = mask.data;
  const dist = (i: number, x: number, y: number) => {
    const p = (Math.min(ph - 1, Math.floor(y / scale)) * pw + Math.min(pw - 1, Math.floor(x / scale))) * 3;
    return Math.hypot(d[i * 4] - plate.color[p], d[i * 4 + 1] - plate.color[p + 1], d[i * 4 + 2] - plate.color[p + 2]);
  };
  const out = new Float32Array(m);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (m[i] <= 0.01 || zone.data[i] < 0.5) continue;
    let far = 0;
    for (let dy = -STRAP_REACH; dy <= STRAP_REACH; dy++) for (let dx = -STRAP_REACH; dx <= STRAP_REACH; dx++) {
      const xx = x + dx, yy = y + dy;
      if (xx < 0 || yy < 0 || xx >= w || yy >= h || m[yy * w + xx] <= 0.01) continue;
      far = Math.max(far, dist(yy * w + xx, xx, yy));
    }
    if (far >= STRAP_CONTRAST) out[i] = Math.min(1, dist(i, x, y) / far);
  }
  m.set(out);
}

/**
 * Clears the backdrop round the garment's thin parts (straps, strings): the edges that stop
 * the backdrop's fill are thickened, and gaps are closed, so a strap a pixel or two wide comes
 * with a band of backdrop each side. Within thin parts (what an opening by THIN_RADIUS takes
 * away) pixels that match the backdrop are backdrop; a broad part keeps its pale pixels (a
 * white stripe at a red sleeve's edge is as pale as a white backdrop).
 */
function clearThinHalo(binary: GrayImage, dist: Float32Array, tol: number): void {
  const opened = dilate(erode(binary, THIN_RADIUS), THIN_RADIUS);
  for (let i = 0; i < binary.data.length; i++) {
    if (binary.data[i] >= 0.5 && opened.data[i] < 0.5 && dist[i] < tol) binary.data[i] = 0;
  }
}

/**
 * The backdrop learned from the photo's border, and whether it is a plain one. A garment
 * that reaches the frame (a strap at the top, a hem at the bottom: most small or square
 * crops) is part of the border: border pixels far from a first plate are left out and the
 * plate learned again from the rest, which must be most of the border.
 */
function borderBackdrop(image: RgbaImage, border: GrayImage): { plate: BackgroundPlate; plain: boolean } {
  const first = estimatePlate(image, border, 12);
  const dists: number[] = [];
  for (let i = 0; i < border.data.length; i++) if (border.data[i] > 0) dists.push(colorDistance(image, first.color, i));
  dists.sort((a, b) => a - b);
  const cut = Math.max(PLAIN_NOISE, 3 * dists[dists.length >> 1]);
  const clean = createGray(border.width, border.height);
  let kept = 0;
  for (let i = 0; i < border.data.length; i++) {
    if (border.data[i] > 0 && colorDistance(image, first.color, i) < cut) { clean.data[i] = 1; kept++; }
  }
  if (kept < dists.length * MIN_BACKDROP_BORDER) return { plate: first, plain: false };
  const plate = estimatePlate(image, clean, 12);
  // plain: the backdrop's part of the border (its best MIN_BACKDROP_BORDER share) close to a smooth plate
  const quiet = dists[Math.floor(dists.length * MIN_BACKDROP_BORDER)];
  return { plate, plain: plate.noise < PLAIN_NOISE || quiet < PLAIN_NOISE / 4 };
}

/** Full-resolution stops carried to half resolution: a half pixel is stopped if any of its four is. */
function halveStops(full: FillStops, fw: number, fh: number, w: number, h: number): FillStops {
  const barrier = new Uint8Array(w * h);
  const std = createGray(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let b = 0, s = 0;
      for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) {
        const i = Math.min(fh - 1, 2 * y + dy) * fw + Math.min(fw - 1, 2 * x + dx);
        b |= full.barrier[i];
        if (full.std.data[i] > s) s = full.std.data[i];
      }
      barrier[y * w + x] = b;
      std.data[y * w + x] = s;
    }
  }
  // the border's typical texture, measured the same way
  const borderStd = borderPixels(w, h).map((i) => std.data[i]).sort((a, c) => a - c);
  return { barrier, std, flat: Math.max(1.2 / 255, 2.5 * borderStd[borderStd.length >> 1]) };
}

/** What stops the backdrop fill besides colour: edges and fabric texture (computed once per photo). */
interface FillStops {
  barrier: Uint8Array;
  std: GrayImage;
  flat: number;
}

/**
 * Edges stop the fill, so a white shirt on a white backdrop keeps its outline;
 * they are thickened by a pixel to close hairline gaps. Texture stops it too: a
 * studio backdrop is flat, fabric has weave, so a pixel whose neighbourhood varies
 * more than the border's does is not backdrop.
 */
function fillStops(image: RgbaImage): FillStops {
  const { width: w, height: h } = image;
  const n = w * h;
  const edges = gradientMagnitude(image);
  const barrier = new Uint8Array(n);
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x;
    if (edges.data[i] > EDGE) barrier[i] = barrier[i - 1] = barrier[i + 1] = barrier[i - w] = barrier[i + w] = 1;
  }
  const std = localStd(image, 2);
  const borderStd = borderPixels(w, h).map((i) => std.data[i]).sort((a, b) => a - b);
  const flat = Math.max(1.2 / 255, 2.5 * borderStd[borderStd.length >> 1]);
  return { barrier, std, flat };
}

/** Flood fill from the border through pixels that match the plate and are neither on an edge nor textured. */
function fillBackdrop(image: RgbaImage, plate: BackgroundPlate, stops: FillStops): { reached: Uint8Array; dist: Float32Array; tol: number } {
  const { width: w, height: h } = image;
  const n = w * h;
  // Backdrop colour tolerance: JPEG noise and gradients the plate did not catch.
  const tol = Math.max(6, 3.5 * plate.noise);
  const dist = new Float32Array(n);
  for (let i = 0; i < n; i++) dist[i] = colorDistance(image, plate.color, i);
  const { barrier, std, flat } = stops;
  // A soft shadow on a coloured backdrop keeps the backdrop's hue and is only darker. On a
  // neutral (white or grey) backdrop a shadow looks like shaded white fabric, so there
  // only colour-matched pixels count as backdrop.
  const shadow = (i: number) => {
    const [py, pcb, pcr] = ycbcr(plate.color[i * 3], plate.color[i * 3 + 1], plate.color[i * 3 + 2]);
    if (Math.hypot(pcb, pcr) < 4) return false;
    const [y, cb, cr] = ycbcr(image.data[i * 4], image.data[i * 4 + 1], image.data[i * 4 + 2]);
    const ratio = y / Math.max(py, 1);
    return Math.hypot(cb - pcb, cr - pcr) < 5 && ratio > 0.6 && ratio < 1.02;
  };
  const reached = floodFill(w, h, borderPixels(w, h), (i) => !barrier[i] && std.data[i] < flat && (dist[i] < tol || shadow(i)));
  return { reached, dist, tol };
}

function ycbcr(r: number, g: number, b: number): [number, number, number] {
  return [0.299 * r + 0.587 * g + 0.114 * b, -0.168736 * r - 0.331264 * g + 0.5 * b, 0.5 * r - 0.418688 * g - 0.081312 * b];
}

/** Standard deviation of luminance over a (2r+1)² window, per pixel. */
function localStd(image: RgbaImage, r: number): GrayImage {
  const lum = luminance(image);
  const sq = createGray(lum.width, lum.height);
  for (let i = 0; i < sq.data.length; i++) sq.data[i] = lum.data[i] * lum.data[i];
  const m = boxBlur(lum, r), m2 = boxBlur(sq, r);
  for (let i = 0; i < m.data.length; i++) m.data[i] = Math.sqrt(Math.max(0, m2.data[i] - m.data[i] * m.data[i]));
  return m;
}

/** Binary dilation with a (2r+1)² square. */
export function dilate(mask: GrayImage, r: number): GrayImage {
  const b = boxBlur(mask, r);
  for (let i = 0; i < b.data.length; i++) b.data[i] = b.data[i] > 1e-4 ? 1 : 0;
  return b;
}

/** Binary erosion with a (2r+1)² square. */
export function erode(mask: GrayImage, r: number): GrayImage {
  const b = boxBlur(mask, r);
  for (let i = 0; i < b.data.length; i++) b.data[i] = b.data[i] > 0.9999 ? 1 : 0;
  return b;
}

/** Sobel gradient magnitude of the (lightly blurred) luminance, in luminance units per pixel. */
export function gradientMagnitude(image: RgbaImage): GrayImage {
  const lum = gaussianBlur(luminance(image), 0.8);
  const { width: w, height: h, data } = lum;
  const out = createGray(w, h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const gx = data[i - w + 1] + 2 * data[i + 1] + data[i + w + 1] - data[i - w - 1] - 2 * data[i - 1] - data[i + w - 1];
      const gy = data[i + w - 1] + 2 * data[i + w] + data[i + w + 1] - data[i - w - 1] - 2 * data[i - w] - data[i - w + 1];
      out.data[i] = Math.sqrt(gx * gx + gy * gy) / 8;
    }
  }
  return out;
}
