/**
 * Downscaled JPEG copies of the sample photos a review page shows, written next
 * to the page (the samples folder stays where it is and is never copied whole).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sharp from 'sharp';

/** The copies' long side: sharp enough to judge at the page's 480 px, light enough for hundreds of cells. */
export const INPUT_COPY_LONG_SIDE = 1024;
/** JPEG quality of the copies: no visible blocking at that size. */
export const INPUT_COPY_QUALITY = 85;

/**
 * Writes `outDir/inputs/<file with .jpg>` from `samplesDir/<file>` (EXIF orientation applied, transparency
 * over white, long side at most 1024) unless it exists already this run; returns its path relative to outDir.
 * @example await writeInputCopy('/data', 'persons/01008_00.jpg', '/tmp/review'); // 'inputs/persons/01008_00.jpg'
 */
export async function writeInputCopy(samplesDir: string, file: string, outDir: string, written = new Set<string>()): Promise<string> {
  const rel = `inputs/${file.replace(/\.[^./]+$/, '')}.jpg`;
  if (written.has(rel)) return rel;
  const target = resolve(outDir, rel);
  mkdirSync(dirname(target), { recursive: true });
  await sharp(resolve(samplesDir, file))
    .rotate()
    .resize(INPUT_COPY_LONG_SIDE, INPUT_COPY_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: INPUT_COPY_QUALITY })
    .toFile(target);
  written.add(rel);
  return rel;
}
