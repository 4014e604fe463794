import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, bytesToDataUrl, dataUrlMimeType } from '../../lib/base64';

describe('base64', () => {
  it('round-trips bytes of every value, longer than one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) & 255);
    // Buffer.equals: toEqual walks 100k elements one by one, slowly.
    expect(Buffer.from(base64ToBytes(bytesToBase64(bytes))).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(bytesToBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('reads data URLs and their MIME type', () => {
    const url = bytesToDataUrl(new Uint8Array([104, 105]), 'image/png');
    expect(url).toBe('data:image/png;base64,aGk=');
    expect(base64ToBytes(url)).toEqual(new Uint8Array([104, 105]));
    expect(dataUrlMimeType(url)).toBe('image/png');
    expect(dataUrlMimeType('https://x/y.png')).toBeNull();
  });

  it('names bad input', () => {
    expect(() => base64ToBytes('not base64 at all!')).toThrow(/Expected base64 text but received "not base64 at all!"/);
  });
});
