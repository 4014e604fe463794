import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../lib/engine/image';
import { jpegMetadataMarkers, stripJpegMetadata } from '../../lib/jpeg-metadata';
import { decodeImage } from '../../lib/node/image-file';
import { flattenOnWhite, reencodePortrait, type PortraitCodec } from '../../lib/portrait-reencode';

/** What a phone writes: the camera, the time and where the photo was taken. */
const PHONE_EXIF = {
  IFD0: { Make: 'PhoneCo', Model: 'Pocket 12', DateTime: '2026:06:01 09:30:00' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 300/100' },
};

/** A 300x200 picture stored on its side, to be shown turned 90° clockwise (EXIF orientation 6), with GPS. */
async function phonePhoto(): Promise<Buffer> {
  const { data, info } = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#b07050' } })
    .composite([{ input: { create: { width: 100, height: 200, channels: 3, background: '#203040' } }, left: 0, top: 0 }])
    .raw().toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: info }).withMetadata({ orientation: 6 }).withExif(PHONE_EXIF).jpeg({ quality: 90 }).toBuffer();
}

const toSharp = (image: RgbaImage) => sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length), { raw: { width: image.width, height: image.height, channels: 4 } });

/** The Node stand-in for the browser's codec. Its encoder writes EXIF on purpose: whatever an encoder adds must go too. */
const leakyCodec: PortraitCodec = {
  decode: (bytes, options) => decodeImage(bytes, options),
  encodeJpeg: (image, quality) => toSharp(image).withExif({ IFD0: { Software: 'LeakyEncoder 1.0' } }).jpeg({ quality: Math.round(quality * 100) }).toBuffer().then((b) => new Uint8Array(b)),
};

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('the stored portrait', () => {
  it('starts as a photo with EXIF and a GPS position (the fixture is what it claims)', async () => {
    const photo = await phonePhoto();
    expect(jpegMetadataMarkers(photo)).toContain('APP1');
    const meta = await sharp(photo).metadata();
    expect(meta.orientation).toBe(6);
    expect(latin1(meta.exif!)).toContain('PhoneCo');
    expect(meta.exif!.includes(Buffer.from([0x88, 0x25])) || meta.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer tag
  });

  it('is re-encoded oriented, as a JPEG without any metadata left, whatever the encoder wrote', async () => {
    const stored = await reencodePortrait(await phonePhoto(), leakyCodec);
    expect([stored[0], stored[1], stored[2]]).toEqual([0xff, 0xd8, 0xff]);
    expect(jpegMetadataMarkers(stored)).toEqual([]);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(latin1(stored)).not.toMatch(/Exif|PhoneCo|Pocket|LeakyEncoder|2026:06:01/);
    // Turned upright: the stored 300x200 shows as 200x300, the dark band (left when stored) on top.
    expect([meta.width, meta.height]).toEqual([200, 300]);
    const upright = await decodeImage(stored);
    const at = (x: number, y: number) => upright.data[(y * upright.width + x) * 4];
    expect(at(100, 20)).toBeLessThan(80);
    expect(at(100, 280)).toBeGreaterThan(140);
  });

  it('is scaled to at most 2048 px on its long side', async () => {
    const big = await sharp({ create: { width: 3000, height: 4000, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    const meta = await sharp(await reencodePortrait(big, leakyCodec)).metadata();
    expect([meta.width, meta.height]).toEqual([1536, 2048]);
  });

  it('is flattened onto white when the photo has transparency', async () => {
    const clear = await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const stored = await reencodePortrait(clear, leakyCodec);
    const pixels = await decodeImage(stored);
    expect(Math.min(...pixels.data)).toBeGreaterThan(245);
    expect(flattenOnWhite({ width: 1, height: 1, data: new Uint8ClampedArray([0, 0, 0, 128]) }).data).toEqual(new Uint8ClampedArray([127, 127, 127, 255]));
  });

  it('refuses an encoder that does not make a JPEG', async () => {
    const png: PortraitCodec = { ...leakyCodec, encodeJpeg: (image) => toSharp(image).png().toBuffer().then((b) => new Uint8Array(b)) };
    await expect(reencodePortrait(await phonePhoto(), png)).rejects.toThrow('Expected a JPEG (starting ff d8) but the bytes start 89 50.');
  });
});

describe('JPEG metadata', () => {
  it('removes APPn and COM segments, before and between scans, and keeps the pixels', async () => {
    const progressive = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4080c0' } })
      .withExif(PHONE_EXIF).withIccProfile('srgb').jpeg({ progressive: true, quality: 80 }).toBuffer();
    // A comment between two scans, as some editors write.
    const sos = progressive.indexOf(Buffer.from([0xff, 0xda]), 2);
    const secondSos = progressive.indexOf(Buffer.from([0xff, 0xda]), sos + 2);
    const withComment = Buffer.concat([progressive.subarray(0, secondSos), Buffer.from([0xff, 0xfe, 0, 7, ...Buffer.from('hello')]), progressive.subarray(secondSos)]);
    expect(jpegMetadataMarkers(withComment)).toEqual(expect.arrayContaining(['APP1', 'APP2', 'COM']));
    const clean = stripJpegMetadata(withComment);
    expect(jpegMetadataMarkers(clean)).toEqual([]);
    const [a, b] = await Promise.all([sharp(progressive).raw().toBuffer(), sharp(clean).raw().toBuffer()]);
    expect(b.equals(a)).toBe(true);
  });

  it('names what is wrong with bytes that are not a JPEG', () => {
    expect(() => stripJpegMetadata(new Uint8Array([0xff, 0xd8, 0x00, 0x00]))).toThrow('Expected a JPEG marker at byte 2 but found 00.');
    expect(() => stripJpegMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x40, 1, 2]))).toThrow(/Expected 64 bytes of segment ff e1 at byte 2 but the file ends/);
  });
});
