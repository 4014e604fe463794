/**
 * The raster types every stage of the engine shares.
 *
 * Plain typed data only: no DOM, no canvas, so the engine runs the same in the
 * offscreen document and in Node.
 */

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
