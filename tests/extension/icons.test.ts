import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconSvg } from '../../lib/icon-svg';

const iconDir = join(import.meta.dirname, '../../public/icon');

describe('the extension icon', () => {
  it('is committed as a PNG of each size Chrome uses, drawn from lib/icon-svg.ts', async () => {
    for (const size of ICON_SIZES) {
      const file = readFileSync(join(iconDir, `${size}.png`));
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height], `${size}.png`).toEqual(['png', size, size]);
      // The same pixels as the drawing renders now: `npm run icons` was run after the last change.
      const fresh = await sharp(Buffer.from(iconSvg(size)), { density: 72 }).raw().toBuffer();
      expect((await sharp(file).raw().toBuffer()).equals(fresh), `${size}.png is stale: run npm run icons`).toBe(true);
    }
  });

  it('refuses a size that is not whole pixels in range', () => {
    expect(() => iconSvg(0)).toThrow(/from 8 to 1024 but received 0/);
    expect(() => iconSvg(16.5)).toThrow(/received 16.5/);
  });
});
