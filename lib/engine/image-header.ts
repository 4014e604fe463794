/**
 * Reads a picture's format, declared size and EXIF orientation from its first
 * bytes, without decoding it. Used to refuse huge or broken files up front.
 */
import { FitroomError } from './errors';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'avif';

export interface ImageHeader {
  format: ImageFormat;
  /** Stored width and height (before EXIF orientation is applied). */
  width: number;
  height: number;
  /** EXIF orientation 1..8 (1 = as stored). */
  orientation: number;
}

/** The largest picture we agree to decode: 50 megapixels. */
export const MAX_PIXELS = 50_000_000;

/**
 * Reads the header of an encoded picture.
 * @throws FitroomError('not-an-image') for empty, truncated or unknown bytes.
 * @example
 *   const h = readImageHeader(bytes); // { format: 'jpeg', width: 768, height: 1024, orientation: 1 }
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (bytes.length < 16) throw new FitroomError('not-an-image', `Expected an image file but received ${bytes.length} bytes.`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n));
  let header: ImageHeader | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8) header = readJpeg(bytes, v);
  else if (ascii(1, 3) === 'PNG' && bytes[0] === 0x89) {
    if (bytes.length >= 24) header = { format: 'png', width: v.getUint32(16), height: v.getUint32(20), orientation: 1 };
  } else if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') header = readWebp(bytes, v);
  else if (ascii(0, 4) === 'GIF8') header = { format: 'gif', width: v.getUint16(6, true), height: v.getUint16(8, true), orientation: 1 };
  else if (ascii(0, 2) === 'BM' && bytes.length >= 26) header = { format: 'bmp', width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)), orientation: 1 };
  else if (ascii(4, 4) === 'ftyp' && /avif|avis|mif1/.test(ascii(8, 4))) header = readAvif(bytes, v);
  if (!header) throw new FitroomError('not-an-image', 'Expected a JPEG, PNG, WebP, GIF, BMP or AVIF image but the file is not one (or is truncated).');
  if (!(header.width > 0 && header.height > 0)) {
    throw new FitroomError('not-an-image', `Expected a positive image size but the file declares ${header.width}x${header.height}.`);
  }
  return header;
}

/**
 * Throws unless the picture declares at most `maxPixels` pixels. Call before decoding.
 * @example assertDecodable(readImageHeader(bytes)); // throws for a 10000x8000 JPEG
 */
export function assertDecodable(header: ImageHeader, maxPixels = MAX_PIXELS): void {
  const pixels = header.width * header.height;
  if (pixels > maxPixels) {
    const mp = (n: number) => `${(n / 1e6).toFixed(1)} megapixels`;
    throw new FitroomError('image-too-large', `The image is ${header.width}x${header.height} (${mp(pixels)}); the limit is ${mp(maxPixels)}.`);
  }
}

/** Width and height after EXIF orientation (5..8 swap the axes). */
export function orientedSize(header: ImageHeader): { width: number; height: number } {
  return header.orientation >= 5 ? { width: header.height, height: header.width } : { width: header.width, height: header.height };
}

function readJpeg(bytes: Uint8Array, v: DataView): ImageHeader | null {
  let orientation = 1;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) { at++; continue; } // fill byte
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { at += 2; continue; }
    const len = v.getUint16(at + 2);
    if (len < 2) return null;
    if (marker === 0xe1 && at + 4 + len - 2 <= bytes.length) orientation = readExifOrientation(bytes, at + 4, len - 2) ?? orientation;
    // SOF0..SOF15 except DHT (c4), JPG (c8), DAC (cc) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return null;
      return { format: 'jpeg', height: v.getUint16(at + 5), width: v.getUint16(at + 7), orientation };
    }
    at += 2 + len;
  }
  return null;
}

function readExifOrientation(bytes: Uint8Array, start: number, length: number): number | null {
  if (String.fromCharCode(...bytes.subarray(start, start + 4)) !== 'Exif') return null;
  const tiff = start + 6;
  const end = start + length;
  if (tiff + 8 > end) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[tiff] === 0x49;
  const ifd = tiff + v.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return null;
  const count = v.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (v.getUint16(entry, little) === 0x0112) {
      const o = v.getUint16(entry + 8, little);
      return o >= 1 && o <= 8 ? o : null;
    }
  }
  return null;
}

function readWebp(bytes: Uint8Array, v: DataView): ImageHeader | null {
  if (bytes.length < 30) return null;
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8 ') return { format: 'webp', width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff, orientation: 1 };
  if (chunk === 'VP8L') {
    const b = v.getUint32(21, true);
    return { format: 'webp', width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1, orientation: 1 };
  }
  if (chunk === 'VP8X') {
    const w = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
    const h = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
    return { format: 'webp', width: w, height: h, orientation: 1 };
  }
  return null;
}

function readAvif(bytes: Uint8Array, v: DataView): ImageHeader | null {
  // The 'ispe' property box holds the image's spatial extent.
  for (let at = 12; at + 20 <= bytes.length && at < 4096; at++) {
    if (bytes[at] === 0x69 && bytes[at + 1] === 0x73 && bytes[at + 2] === 0x70 && bytes[at + 3] === 0x65) {
      return { format: 'avif', width: v.getUint32(at + 8), height: v.getUint32(at + 12), orientation: 1 };
    }
  }
  return null;
}
