/** Small synthetic rasters for the review numbers' tests. */
import type { GrayImage, RgbaImage } from '../../lib/engine/index';

export type Rect = { x0: number; y0: number; x1: number; y1: number }; // inclusive

export function rgba(w: number, h: number, colour: [number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([...colour, 255], i * 4);
  return { width: w, height: h, data };
}

export function gray(w: number, h: number, fill = 0): GrayImage {
  return { width: w, height: h, data: new Float32Array(w * h).fill(fill) };
}

export function paintRgba(img: RgbaImage, r: Rect, colour: [number, number, number]): RgbaImage {
  for (let y = r.y0; y <= r.y1; y++) for (let x = r.x0; x <= r.x1; x++) img.data.set([...colour, 255], (y * img.width + x) * 4);
  return img;
}

export function paintGray(img: GrayImage, r: Rect, v: number): GrayImage {
  for (let y = r.y0; y <= r.y1; y++) for (let x = r.x0; x <= r.x1; x++) img.data[y * img.width + x] = v;
  return img;
}

export function cloneRgba(img: RgbaImage): RgbaImage {
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
}

/** A keypoint record holding just the points a review number reads. */
export function point(x: number, y: number) {
  return { x, y, score: 1 };
}
