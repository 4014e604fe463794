/**
 * Picture bytes ↔ RgbaImage in a browser document or worker (the offscreen
 * document): createImageBitmap decodes, applying EXIF orientation, and an
 * OffscreenCanvas reads the pixels. The header is checked first, so a picture
 * declaring more than 50 megapixels is refused before any decoding.
 */
import { FitroomError } from '../engine/errors';
import { assertDecodable, readImageHeader, type ImageFormat } from '../engine/image-header';
import type { RgbaImage } from '../engine/image';
import { fitLongSide } from './size';

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', bmp: 'image/bmp', avif: 'image/avif',
};

export interface DecodeOptions {
  /** Scale down (never up) so the long side is at most this many pixels; default: keep the size. */
  maxLongSide?: number;
}

/**
 * Decodes picture bytes to RGBA, EXIF orientation applied, scaled down to `maxLongSide`.
 * @throws FitroomError('not-an-image') for unreadable bytes, FitroomError('image-too-large') above 50 MP.
 * @example const portrait = await decodeImage(bytes, { maxLongSide: PORTRAIT_MAX_LONG_SIDE });
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): Promise<RgbaImage> {
  const header = readImageHeader(bytes);
  assertDecodable(header);
  let bitmap: ImageBitmap;
  try {
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[header.format] });
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'none' });
  } catch (e) {
    throw new FitroomError('not-an-image', `Expected a decodable ${header.format.toUpperCase()} image but the browser could not decode it (${(e as Error).message}).`);
  }
  try {
    const natural = { width: bitmap.width, height: bitmap.height };
    const target = options.maxLongSide ? fitLongSide(natural.width, natural.height, options.maxLongSide) : natural;
    if (target.width !== natural.width || target.height !== natural.height) {
      const scaled = await createImageBitmap(bitmap, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high', premultiplyAlpha: 'none' });
      bitmap.close();
      bitmap = scaled;
    }
    return readPixels(bitmap);
  } finally {
    bitmap.close();
  }
}

/**
 * Encodes RGBA pixels as a PNG file.
 * @throws RangeError naming the size when `data` does not hold width × height × 4 bytes.
 * @example const png = await encodePng(result.image); // Blob of type image/png
 */
export async function encodePng(image: RgbaImage): Promise<Blob> {
  return toCanvas(image).convertToBlob({ type: 'image/png' });
}

function toCanvas(image: RgbaImage): OffscreenCanvas {
  const expected = image.width * image.height * 4;
  if (image.data.length !== expected) {
    throw new RangeError(`Expected ${expected} bytes of RGBA for ${image.width}x${image.height} but received ${image.data.length}.`);
  }
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('OffscreenCanvas 2D context is unavailable.');
  ctx.putImageData(new ImageData(image.data as Uint8ClampedArray<ArrayBuffer>, image.width, image.height), 0, 0);
  return canvas;
}

/**
 * Encodes RGBA pixels as JPEG bytes (the browser's encoder writes no EXIF; alpha is dropped,
 * so flatten first).
 * @throws RangeError naming the size when `data` does not hold width × height × 4 bytes.
 * @example const bytes = await encodeJpegBytes(portrait, 0.92); // Uint8Array starting 0xff 0xd8
 */
export async function encodeJpegBytes(image: RgbaImage, quality: number): Promise<Uint8Array> {
  const blob = await toCanvas(image).convertToBlob({ type: 'image/jpeg', quality });
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Encodes RGBA pixels as PNG bytes.
 * @example const bytes = await encodePngBytes(result.image); // Uint8Array starting 0x89 'PNG'
 */
export async function encodePngBytes(image: RgbaImage): Promise<Uint8Array> {
  return new Uint8Array(await (await encodePng(image)).arrayBuffer());
}

function readPixels(bitmap: ImageBitmap): RgbaImage {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('OffscreenCanvas 2D context is unavailable.');
  ctx.drawImage(bitmap, 0, 0);
  const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  return { width: bitmap.width, height: bitmap.height, data };
}
