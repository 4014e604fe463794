/**
 * Renders the extension's icon (lib/icon-svg.ts) to public/icon/<size>.png, which WXT puts
 * in the manifest's `icons`:
 *
 *   npm run icons
 *
 * The PNGs are committed: run this after changing the drawing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { ICON_SIZES, iconSvg } from '../lib/icon-svg';

const outDir = resolve(import.meta.dirname, '..', 'public', 'icon');
mkdirSync(outDir, { recursive: true });
for (const size of ICON_SIZES) {
  // Rasterised at the target size from its own drawing (its own line width), not scaled down from 128.
  const png = await sharp(Buffer.from(iconSvg(size)), { density: 72 }).png({ compressionLevel: 9 }).toBuffer();
  writeFileSync(resolve(outDir, `${size}.png`), png);
  console.info(`public/icon/${size}.png (${png.length} bytes)`);
}
