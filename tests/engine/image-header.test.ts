import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { assertDecodable, orientedSize, readImageHeader } from '../../lib/engine/image-header';
import { decodeImage } from '../../lib/node/image-file';

/** A JPEG whose SOF header declares `width` x `height` (the pixels never exist). */
async function jpegDeclaring(width: number, height: number): Promise<Uint8Array> {
  const small = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).jpeg().toBuffer());
  for (let i = 2; i < small.length - 9; i++) {
    if (small[i] === 0xff && small[i + 1] >= 0xc0 && small[i + 1] <= 0xc2) {
      small[i + 5] = height >> 8; small[i + 6] = height & 255; small[i + 7] = width >> 8; small[i + 8] = width & 255;
      return small;
    }
  }
  throw new Error('no SOF marker');
}

describe('image header', () => {
  it('reads JPEG and PNG sizes', async () => {
    const jpg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ff0000' } }).jpeg().toBuffer();
    const png = await sharp({ create: { width: 30, height: 20, channels: 4, background: '#00ff0080' } }).png().toBuffer();
    expect(readImageHeader(jpg)).toEqual({ format: 'jpeg', width: 300, height: 200, orientation: 1 });
    expect(readImageHeader(png)).toEqual({ format: 'png', width: 30, height: 20, orientation: 1 });
  });

  it('reads EXIF orientation and applies it when decoding', async () => {
    const jpg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ff0000' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const h = readImageHeader(jpg);
    expect(h.orientation).toBe(6);
    expect(orientedSize(h)).toEqual({ width: 200, height: 300 });
    const img = await decodeImage(jpg);
    expect([img.width, img.height]).toEqual([200, 300]);
  });

  it('refuses images declaring over 50 megapixels before decoding', async () => {
    const bytes = await jpegDeclaring(10000, 6000);
    const h = readImageHeader(bytes);
    expect([h.width, h.height]).toEqual([10000, 6000]);
    expect(() => assertDecodable(h)).toThrow(/10000x6000 \(60\.0 megapixels\); the limit is 50\.0/);
    await expect(decodeImage(bytes)).rejects.toMatchObject({ code: 'image-too-large' });
  });

  it('refuses empty, truncated and non-image bytes', async () => {
    await expect(decodeImage(new Uint8Array(0))).rejects.toMatchObject({ code: 'not-an-image' });
    await expect(decodeImage(new TextEncoder().encode('<html><body>not a picture</body></html>'))).rejects.toMatchObject({ code: 'not-an-image' });
    const jpg = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    await expect(decodeImage(jpg.subarray(0, jpg.length >> 1))).rejects.toMatchObject({ code: 'not-an-image' });
  });

  it('decodes grayscale and transparent PNGs to RGBA over white', async () => {
    const gray = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#404040' } }).grayscale().png().toBuffer();
    const g = await decodeImage(gray);
    expect(Array.from(g.data.slice(0, 4))).toEqual([64, 64, 64, 255]);
    const clear = await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const c = await decodeImage(clear);
    expect(Array.from(c.data.slice(0, 4))).toEqual([255, 255, 255, 255]);
  });
});
