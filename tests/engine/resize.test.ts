/**
 * The general resize: its RGBA and one-channel loops agree, shrinking averages,
 * a flat image stays flat.
 */
import { describe, expect, it } from 'vitest';
import { createGray, resizeGray, resizeRgba } from '../../lib/engine/image';
import { readImageFile } from '../../lib/node/image-file';
import { haveSamples, samplePath } from '../helpers/samples';

describe('resize', () => {
  // The RGBA path has its own loop (four channels at once); each of its channels
  // must equal the one-channel path on that channel, up to rounding to bytes.
  it.skipIf(!haveSamples)('gives each RGBA channel what the one-channel resize gives', async () => {
    const photo = await readImageFile(samplePath('persons/01008_00.jpg'));
    for (const [w, h] of [[480, 640], [1000, 1300]]) {
      const rgba = resizeRgba(photo, w, h);
      for (let c = 0; c < 4; c++) {
        const plane = createGray(photo.width, photo.height);
        for (let i = 0; i < plane.data.length; i++) plane.data[i] = photo.data[i * 4 + c];
        const gray = resizeGray(plane, w, h);
        let worst = 0;
        for (let i = 0; i < gray.data.length; i++) worst = Math.max(worst, Math.abs(rgba.data[i * 4 + c] - gray.data[i]));
        expect(worst, `${w}x${h} channel ${c}`).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('averages when shrinking and keeps a flat image flat', () => {
    const img = createGray(6, 2);
    img.data.set([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(Array.from(resizeGray(img, 3, 1).data)).toEqual([0.5, 0.5, 0.5]);
    const flat = createGray(5, 7, 0.25);
    expect(resizeGray(flat, 11, 3).data.every((v) => Math.abs(v - 0.25) < 1e-6)).toBe(true);
  });
});
