import { describe, expect, it } from 'vitest';
import { readBodyWithCap } from '../../lib/download/bounded-body';
import { assertPictureBytes, checkImageContentType, sniffPictureFormat } from '../../lib/download/image-type';

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
/** An ISO-BMFF ftyp box: size, 'ftyp', major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return new Uint8Array([0, 0, 0, size, ...ascii('ftyp'), ...ascii(major), 0, 0, 0, 0, ...compatible.flatMap(ascii)]);
};

describe('picture magic', () => {
  it('knows JPEG, PNG, GIF, WebP, AVIF and HEIF by their first bytes', () => {
    expect(sniffPictureFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xdb]))).toBe('jpeg');
    expect(sniffPictureFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffPictureFormat(new Uint8Array(ascii('GIF89a')))).toBe('gif');
    expect(sniffPictureFormat(new Uint8Array(ascii('GIF87a')))).toBe('gif');
    expect(sniffPictureFormat(new Uint8Array([...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBPVP8 ')]))).toBe('webp');
    expect(sniffPictureFormat(ftyp('avif', 'mif1', 'miaf'))).toBe('avif');
    expect(sniffPictureFormat(ftyp('mif1', 'avif'))).toBe('avif'); // AVIF named among the compatible brands
    expect(sniffPictureFormat(ftyp('heic', 'mif1'))).toBe('heif');
  });

  it('refuses what only looks close', () => {
    expect(sniffPictureFormat(new Uint8Array([0xff, 0xd8]))).toBeNull(); // too short
    expect(sniffPictureFormat(new Uint8Array([...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WAVE')]))).toBeNull(); // a sound
    expect(sniffPictureFormat(ftyp('isom', 'mp41'))).toBeNull(); // a video
    expect(sniffPictureFormat(new Uint8Array(ascii('<svg xmlns="http://www.w3.org/2000/svg">')))).toBeNull();
    expect(sniffPictureFormat(new Uint8Array(ascii('BM')))).toBeNull();
    expect(() => assertPictureBytes(new Uint8Array(ascii('{"ok":1}')), 'https://x/y')).toThrow(/from https:\/\/x\/y but they start 7b 22 6f 6b 22 3a 31 7d/);
    expect(() => assertPictureBytes(new Uint8Array(0), 'https://x/y')).toThrow(/start \(empty\)/);
  });
});

describe('image content types', () => {
  it('accepts picture types with parameters and in any case', () => {
    for (const t of ['image/jpeg', 'IMAGE/PNG', 'image/webp; q=1', 'image/avif', 'image/heic', 'image/gif']) expect(() => checkImageContentType(t, 'u'), t).not.toThrow();
  });

  it('refuses anything else, saying what the server said', () => {
    expect(() => checkImageContentType('text/html', 'https://x/y')).toThrow('Expected a picture (JPEG, PNG, GIF, WebP, AVIF, HEIF) but the server of https://x/y says it is text/html.');
    expect(() => checkImageContentType('image/svg+xml', 'u')).toThrow(/svg/); // a picture, but a script-capable one
    expect(() => checkImageContentType(null, 'u')).toThrow(/does not say what it is/);
    expect(() => checkImageContentType('', 'u')).toThrow(/does not say what it is/);
  });
});

describe('reading a body with a cap', () => {
  const stream = (chunks: number[]) => new ReadableStream<Uint8Array>({
    start(c) {
      chunks.forEach((n, i) => c.enqueue(new Uint8Array(n).fill(i + 1)));
      c.close();
    },
  });
  const tooMany = (n: number) => new Error(`${n} bytes`);

  it('joins the chunks in order up to the cap', async () => {
    expect(Array.from(await readBodyWithCap(stream([2, 1, 3]), 6, tooMany))).toEqual([1, 1, 2, 3, 3, 3]);
    expect(await readBodyWithCap(null, 6, tooMany)).toEqual(new Uint8Array(0));
  });

  it('throws the caller’s error with the count seen as soon as the cap is passed', async () => {
    await expect(readBodyWithCap(stream([4, 4, 4]), 6, tooMany)).rejects.toThrow('8 bytes');
    await expect(readBodyWithCap(stream([1]), -1, tooMany)).rejects.toThrow('Expected a byte count of 0 or more for maxBytes but received -1.');
  });
});
