/**
 * Whether a download is a picture: the server must call it an image (Content-Type),
 * and its first bytes must be one (the format's magic number). Either alone is not
 * enough: servers mislabel files, and a login page or a JSON answer from a private
 * service must never reach a decoder or a page.
 */
import { ExtensionError } from '../error-info';

/** The formats a product photo comes in, by their magic. */
export type PictureFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'heif';

/** Content types accepted; the bytes' magic decides the format. */
export const IMAGE_CONTENT_TYPES: readonly string[] = [
  'image/jpeg', 'image/jpg', 'image/pjpeg', 'image/png', 'image/apng', 'image/gif', 'image/webp',
  'image/avif', 'image/avif-sequence', 'image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence',
];

/** ISO base media file brands (the `ftyp` box) of AVIF and HEIF pictures. */
const AVIF_BRANDS = ['avif', 'avis'];
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

/**
 * Refuses a response whose Content-Type is not a picture type.
 * @throws ExtensionError('not-an-image') naming the URL and the type the server gave.
 * @example checkImageContentType('image/jpeg; charset=binary', url) // passes
 * @example checkImageContentType('text/html', url) // throws: … says it is text/html, not a picture
 */
export function checkImageContentType(contentType: string | null, shownUrl: string): void {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (IMAGE_CONTENT_TYPES.includes(type)) return;
  const said = type ? `says it is ${type}` : 'does not say what it is';
  throw new ExtensionError('not-an-image', `Expected a picture (${['JPEG', 'PNG', 'GIF', 'WebP', 'AVIF', 'HEIF'].join(', ')}) but the server of ${shownUrl} ${said}.`);
}

/**
 * The picture format the bytes start with, or null.
 * @example sniffPictureFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // 'jpeg'
 */
export function sniffPictureFormat(bytes: Uint8Array): PictureFormat | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp') {
    // The ftyp box: size, 'ftyp', major brand, minor version, compatible brands up to its end.
    const boxEnd = Math.min(bytes.length, ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0);
    const brands = [ascii(8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(at, at + 4));
    if (brands.some((b) => AVIF_BRANDS.includes(b))) return 'avif';
    if (brands.some((b) => HEIF_BRANDS.includes(b))) return 'heif';
  }
  return null;
}

/**
 * The bytes' picture format.
 * @throws ExtensionError('not-an-image') naming the URL when the bytes are not a picture of a known format.
 * @example assertPictureBytes(bytes, url) // 'png'
 */
export function assertPictureBytes(bytes: Uint8Array, shownUrl: string): PictureFormat {
  const format = sniffPictureFormat(bytes);
  if (format) return format;
  const start = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new ExtensionError('not-an-image', `Expected the bytes of a JPEG, PNG, GIF, WebP, AVIF or HEIF picture from ${shownUrl} but they start ${start || '(empty)'}.`);
}
