/**
 * The raster types every stage of the engine shares, and the few pixel
 * operations they all need (create, resize, blur, sample).
 *
 * Plain typed data only: no DOM, no canvas, so the engine runs the same in the
 * offscreen document and in Node.
 */
import { FitroomError } from './errors';

/** An RGBA picture, 8 bits per channel, row-major, alpha not premultiplied. */
export interface RgbaImage {
  width: number;
  height: number;
  /** length = width * height * 4 */
  data: Uint8ClampedArray;
}

/** A single-channel picture with values in [0, 1] (masks, mattes, shading). */
export interface GrayImage {
  width: number;
  height: number;
  /** length = width * height */
  data: Float32Array;
}

function checkSize(width: number, height: number, what: string): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new FitroomError('bad-argument', `Expected positive integer width and height for ${what} but received ${width}x${height}.`);
  }
}

/** @example const img = createRgba(4, 3); // transparent black */
export function createRgba(width: number, height: number): RgbaImage {
  checkSize(width, height, 'an RGBA image');
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}

/** @example const m = createGray(4, 3, 1); // all ones */
export function createGray(width: number, height: number, fill = 0): GrayImage {
  checkSize(width, height, 'a gray image');
  const data = new Float32Array(width * height);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
}

/** A copy that shares nothing with the original. */
export function cloneRgba(img: RgbaImage): RgbaImage {
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
}

export function cloneGray(img: GrayImage): GrayImage {
  return { width: img.width, height: img.height, data: new Float32Array(img.data) };
}

/** Luminance in [0, 1] (Rec. 601 weights). @example const y = luminance(img); */
export function luminance(img: RgbaImage): GrayImage {
  const out = createGray(img.width, img.height);
  const d = img.data;
  for (let i = 0, j = 0; j < out.data.length; i += 4, j++) out.data[j] = (0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]) / 255;
  return out;
}

/**
 * Resizes with area averaging when shrinking and bilinear interpolation when
 * enlarging, so downscaled photos do not alias.
 * @example const small = resizeRgba(photo, 384, 512);
 */
export function resizeRgba(img: RgbaImage, width: number, height: number): RgbaImage {
  checkSize(width, height, 'the resized image');
  const out = createRgba(width, height);
  const tmp = new Float32Array(width * img.height * 4);
  horizontalRgba(img.data, img.width, img.height, axisWeights(img.width, width), tmp, width);
  verticalPass(tmp, width * 4, axisWeights(img.height, height), out.data, height);
  return out;
}

/** Same as resizeRgba for a single channel. @example const m = resizeGray(mask, 768, 1024); */
export function resizeGray(img: GrayImage, width: number, height: number): GrayImage {
  checkSize(width, height, 'the resized image');
  const out = createGray(width, height);
  const tmp = new Float32Array(width * img.height);
  horizontalGray(img.data, img.width, img.height, axisWeights(img.width, width), tmp, width);
  verticalPass(tmp, width, axisWeights(img.height, height), out.data, height);
  return out;
}

type Pixels = Uint8ClampedArray | Float32Array;

// Separable: a horizontal pass into a float buffer, then a vertical one; weights precomputed
// as flat arrays (start, count, offset into one weight table) for tight inner loops. One
// horizontal loop per pixel type: V8 compiles each to tight code, where a shared loop over
// both array types ran 2-3x slower.
function verticalPass(tmp: Float32Array, stride: number, yw: AxisWeights, dst: Pixels, dh: number): void {
  const { start, count, offset, weight } = yw;
  // accumulate in floats: the destination may be 8-bit and must be rounded once
  const acc = new Float32Array(stride);
  for (let y = 0; y < dh; y++) {
    const first = start[y], n = count[y], off = offset[y];
    acc.fill(0);
    for (let k = 0; k < n; k++) {
      const wgt = weight[off + k];
      const srow = (first + k) * stride;
      for (let i = 0; i < stride; i++) acc[i] += wgt * tmp[srow + i];
    }
    dst.set(acc, y * stride);
  }
}

function horizontalRgba(src: Uint8ClampedArray, sw: number, sh: number, xw: AxisWeights, tmp: Float32Array, dw: number): void {
  const { start, count, offset, weight } = xw;
  for (let y = 0; y < sh; y++) {
    const row = y * sw * 4;
    let o = y * dw * 4;
    for (let x = 0; x < dw; x++, o += 4) {
      const n = count[x], off = offset[x];
      let r = 0, g = 0, b = 0, a = 0;
      for (let k = 0, si = row + start[x] * 4; k < n; k++, si += 4) {
        const wgt = weight[off + k];
        r += wgt * src[si];
        g += wgt * src[si + 1];
        b += wgt * src[si + 2];
        a += wgt * src[si + 3];
      }
      tmp[o] = r;
      tmp[o + 1] = g;
      tmp[o + 2] = b;
      tmp[o + 3] = a;
    }
  }
}

function horizontalGray(src: Float32Array, sw: number, sh: number, xw: AxisWeights, tmp: Float32Array, dw: number): void {
  const { start, count, offset, weight } = xw;
  for (let y = 0; y < sh; y++) {
    const row = y * sw;
    const orow = y * dw;
    for (let x = 0; x < dw; x++) {
      const n = count[x], off = offset[x];
      let acc = 0;
      for (let k = 0, si = row + start[x]; k < n; k++, si++) acc += weight[off + k] * src[si];
      tmp[orow + x] = acc;
    }
  }
}

interface AxisWeights {
  start: Int32Array;
  count: Int32Array;
  offset: Int32Array;
  weight: Float32Array;
}

/** Per output pixel: the first source index, how many source pixels it averages, and their weights. */
function axisWeights(src: number, dst: number): AxisWeights {
  const scale = src / dst;
  const start = new Int32Array(dst), count = new Int32Array(dst), offset = new Int32Array(dst);
  const weights: number[] = [];
  for (let i = 0; i < dst; i++) {
    offset[i] = weights.length;
    if (scale <= 1) {
      const s = Math.min(Math.max((i + 0.5) * scale - 0.5, 0), src - 1);
      const i0 = Math.floor(s);
      const f = s - i0;
      start[i] = i0;
      if (i0 + 1 < src && f > 0) { weights.push(1 - f, f); count[i] = 2; } else { weights.push(1); count[i] = 1; }
      continue;
    }
    const a = i * scale, b = a + scale;
    const s0 = Math.floor(a), s1 = Math.min(Math.ceil(b), src);
    start[i] = s0;
    count[i] = s1 - s0;
    let sum = 0;
    for (let k = s0; k < s1; k++) sum += Math.min(b, k + 1) - Math.max(a, k);
    for (let k = s0; k < s1; k++) weights.push((Math.min(b, k + 1) - Math.max(a, k)) / sum);
  }
  return { start, count, offset, weight: Float32Array.from(weights) };
}

/**
 * Box filter (mean over a (2r+1)² window, clamped at the borders), O(1) per pixel.
 * @example const mean = boxBlur(mask, 4);
 */
export function boxBlur(img: GrayImage, radius: number): GrayImage {
  const { width: w, height: h } = img;
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return cloneGray(img);
  const norm = 1 / (2 * r + 1);
  const tmp = new Float32Array(w * h);
  const src = img.data;
  // Horizontal running sums, row by row.
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let acc = 0;
    for (let x = -r; x <= r; x++) acc += src[row + (x < 0 ? 0 : x >= w ? w - 1 : x)];
    for (let x = 0; x < w; x++) {
      tmp[row + x] = acc * norm;
      const add = x + r + 1, sub = x - r;
      acc += src[row + (add >= w ? w - 1 : add)] - src[row + (sub < 0 ? 0 : sub)];
    }
  }
  // Vertical running sums kept per column, walking rows in memory order.
  const out = createGray(w, h);
  const dst = out.data;
  const acc = new Float64Array(w);
  for (let y = -r; y <= r; y++) {
    const row = (y < 0 ? 0 : y >= h ? h - 1 : y) * w;
    for (let x = 0; x < w; x++) acc[x] += tmp[row + x];
  }
  for (let y = 0; y < h; y++) {
    const orow = y * w;
    const addRow = Math.min(y + r + 1, h - 1) * w, subRow = Math.max(y - r, 0) * w;
    for (let x = 0; x < w; x++) {
      dst[orow + x] = acc[x] * norm;
      acc[x] += tmp[addRow + x] - tmp[subRow + x];
    }
  }
  return out;
}

/**
 * Close to a Gaussian blur of standard deviation `sigma`: three box passes.
 * @example const soft = gaussianBlur(mask, 2);
 */
export function gaussianBlur(img: GrayImage, sigma: number): GrayImage {
  if (sigma <= 0) return cloneGray(img);
  // Box radius giving the same variance over three passes: 3 * ((2r+1)^2 - 1) / 12 = sigma^2.
  const r = Math.max(1, Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
  return boxBlur(boxBlur(boxBlur(img, r), r), r);
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Bilinear sample of channel `c` of an RGBA image at a real-valued position (edge-clamped).
 * @example const red = sampleRgba(img, 10.5, 20.25, 0);
 */
export function sampleRgba(img: RgbaImage, x: number, y: number, c: number): number {
  const { width: w, height: h, data } = img;
  x = clamp(x, 0, w - 1);
  y = clamp(y, 0, h - 1);
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
  const fx = x - x0, fy = y - y0;
  const a = data[(y0 * w + x0) * 4 + c], b = data[(y0 * w + x1) * 4 + c];
  const d = data[(y1 * w + x0) * 4 + c], e = data[(y1 * w + x1) * 4 + c];
  return (a + (b - a) * fx) * (1 - fy) + (d + (e - d) * fx) * fy;
}

/** Bilinear sample of a gray image; `outside` is returned beyond the borders. */
export function sampleGray(img: GrayImage, x: number, y: number, outside = 0): number {
  const { width: w, height: h, data } = img;
  if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) return outside;
  x = clamp(x, 0, w - 1);
  y = clamp(y, 0, h - 1);
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
  const fx = x - x0, fy = y - y0;
  const a = data[y0 * w + x0], b = data[y0 * w + x1], d = data[y1 * w + x0], e = data[y1 * w + x1];
  return (a + (b - a) * fx) * (1 - fy) + (d + (e - d) * fx) * fy;
}
