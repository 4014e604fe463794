/**
 * 2D affine transforms and the two samplings perception needs: cutting a
 * rotated square out of a photo into a model's input tensor, and laying a
 * model's output map back onto the photo.
 */
import type { GrayImage, RgbaImage } from './image';
import { createGray } from './image';

/** [a, b, c, d, e, f] maps (x, y) to (a x + b y + c, d x + e y + f). */
export type Affine = [number, number, number, number, number, number];

/** @example applyAffine([1, 0, 5, 0, 1, 0], 1, 2) // [6, 2] */
export function applyAffine(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

/** @example invertAffine([2, 0, 0, 0, 2, 0]) // [0.5, 0, 0, 0, 0.5, 0] */
export function invertAffine(m: Affine): Affine {
  const det = m[0] * m[4] - m[1] * m[3];
  if (Math.abs(det) < 1e-12) throw new Error(`Expected an invertible affine transform but its determinant is ${det}.`);
  const a = m[4] / det, b = -m[1] / det, d = -m[3] / det, e = m[0] / det;
  return [a, b, -(a * m[2] + b * m[5]), d, e, -(d * m[2] + e * m[5])];
}

/** A rotated square region of a photo: centre, side length and rotation (radians, clockwise in image coordinates). */
export interface SquareRoi {
  cx: number;
  cy: number;
  size: number;
  rotation: number;
}

/**
 * The transform from a `side`x`side` crop's pixel centres to photo coordinates.
 * @example const toPhoto = roiToImage({ cx: 384, cy: 512, size: 800, rotation: 0 }, 256);
 */
export function roiToImage(roi: SquareRoi, side: number): Affine {
  const s = roi.size / side;
  const cos = Math.cos(roi.rotation) * s, sin = Math.sin(roi.rotation) * s;
  // crop pixel centre (u + 0.5, v + 0.5) relative to the crop centre, rotated and scaled
  const ox = -side / 2 + 0.5, oy = -side / 2 + 0.5;
  return [cos, -sin, roi.cx + cos * ox - sin * oy - 0.5, sin, cos, roi.cy + sin * ox + cos * oy - 0.5];
}

/**
 * Samples a crop of a photo into an NHWC float tensor with values in [0, 1]
 * (bilinear; pixels outside the photo are black, as the models were trained with).
 * @example const input = cropToTensor(photo, roiToImage(roi, 256), 256, 256);
 */
export function cropToTensor(img: RgbaImage, cropToImage: Affine, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height * 3);
  const { width: w, height: h, data } = img;
  const [a, b, c, d, e, f] = cropToImage;
  let o = 0;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++, o += 3) {
      const x = a * u + b * v + c;
      const y = d * u + e * v + f;
      const x0 = Math.floor(x), y0 = Math.floor(y);
      const fx = x - x0, fy = y - y0;
      for (let k = 0; k < 4; k++) {
        const xx = x0 + (k & 1), yy = y0 + (k >> 1);
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        const wgt = ((k & 1) ? fx : 1 - fx) * ((k >> 1) ? fy : 1 - fy);
        const i = (yy * w + xx) * 4;
        out[o] += wgt * data[i];
        out[o + 1] += wgt * data[i + 1];
        out[o + 2] += wgt * data[i + 2];
      }
      out[o] /= 255;
      out[o + 1] /= 255;
      out[o + 2] /= 255;
    }
  }
  return out;
}

/**
 * Lays a map computed on a crop (e.g. a segmentation) back onto the photo's
 * pixel grid; photo pixels outside the crop get `outside`.
 * @example const mask = mapToImage(seg256, roiToImage(roi, 256), 768, 1024, 0);
 */
export function mapToImage(map: GrayImage, cropToImage: Affine, width: number, height: number, outside = 0): GrayImage {
  const out = createGray(width, height);
  const [a, b, c, d, e, f] = invertAffine(cropToImage);
  const { width: mw, height: mh, data } = map;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = a * x + b * y + c;
      const v = d * x + e * y + f;
      let val = outside;
      if (u >= -0.5 && v >= -0.5 && u <= mw - 0.5 && v <= mh - 0.5) {
        const uu = Math.min(Math.max(u, 0), mw - 1), vv = Math.min(Math.max(v, 0), mh - 1);
        const u0 = Math.floor(uu), v0 = Math.floor(vv);
        const u1 = Math.min(u0 + 1, mw - 1), v1 = Math.min(v0 + 1, mh - 1);
        const fu = uu - u0, fv = vv - v0;
        const p = data[v0 * mw + u0], q = data[v0 * mw + u1], r = data[v1 * mw + u0], s = data[v1 * mw + u1];
        val = (p + (q - p) * fu) * (1 - fv) + (r + (s - r) * fu) * fv;
      }
      out.data[y * width + x] = val;
    }
  }
  return out;
}
