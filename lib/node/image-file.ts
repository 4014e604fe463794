/**
 * Reading and writing pictures in Node (CLI, tests, bench) with sharp.
 * The browser has its own decoder (lib/image-io/browser.ts); both check the
 * header first so huge or broken files are refused before decoding.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { FitroomError } from '../engine/errors';
import { assertDecodable, orientedSize, readImageHeader } from '../engine/image-header';
import type { RgbaImage } from '../engine/image';

export interface DecodeOptions {
  /** Scale down so the long side is at most this (default: no limit). */
  maxLongSide?: number;
}

/**
 * Decodes encoded picture bytes to RGBA with EXIF orientation applied.
 * Transparent pixels are composited over white (product photos with alpha are cut-outs).
 * @throws FitroomError('not-an-image' | 'image-too-large')
 * @example const img = await decodeImage(await readFile('me.jpg'), { maxLongSide: 2048 });
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): Promise<RgbaImage> {
  const header = readImageHeader(bytes);
  assertDecodable(header);
  const { width, height } = orientedSize(header);
  let pipeline = sharp(bytes, { failOn: 'truncated', limitInputPixels: false }).rotate().toColourspace('srgb');
  const long = Math.max(width, height);
  if (options.maxLongSide && long > options.maxLongSide) {
    const s = options.maxLongSide / long;
    pipeline = pipeline.resize(Math.max(1, Math.round(width * s)), Math.max(1, Math.round(height * s)), { fit: 'fill' });
  }
  try {
    const { data, info } = await pipeline.flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
  } catch (e) {
    throw new FitroomError('not-an-image', `The ${header.format} file could not be decoded (${(e as Error).message}).`);
  }
}

/** Reads and decodes a picture file. @example const img = await readImageFile('portrait.jpg'); */
export async function readImageFile(path: string, options: DecodeOptions = {}): Promise<RgbaImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new FitroomError('not-an-image', `Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  return decodeImage(bytes, options);
}

/** Encodes RGBA to PNG bytes. @example await writeFile('out.png', await encodePng(img)); */
export async function encodePng(img: RgbaImage): Promise<Buffer> {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
