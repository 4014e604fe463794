/**
 * npm run tryon -- --portrait FILE --garment FILE --out OUT.png [--json] [--category upper|lower|dress] [--ease 0.06] [--length 1]
 * Writes the try-on as PNG; with --json the last stdout line describes it.
 * Bad input: exit code 2, one line on stderr, no output file.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { GarmentCategory } from '../lib/engine/index';
import { encodePng, readImageFile } from '../lib/node/image-file';
import { createNodeEngine } from '../lib/node/node-engine';
import { round, runCli, UsageError } from '../lib/node/cli';

const CATEGORIES = ['upper', 'lower', 'dress'];

runCli(async () => {
  const { values } = parseArgs({
    options: {
      portrait: { type: 'string' }, garment: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' },
      category: { type: 'string' }, ease: { type: 'string' }, length: { type: 'string' },
    },
  });
  if (!values.portrait || !values.garment || !values.out) throw new UsageError('Expected --portrait FILE --garment FILE --out OUT.png.');
  if (values.category && !CATEGORIES.includes(values.category)) throw new UsageError(`Expected --category upper, lower or dress but received "${values.category}".`);
  const ease = values.ease === undefined ? undefined : Number(values.ease);
  const lengthScale = values.length === undefined ? undefined : Number(values.length);
  if (ease !== undefined && !Number.isFinite(ease)) throw new UsageError(`Expected a number for --ease but received "${values.ease}".`);
  if (lengthScale !== undefined && !Number.isFinite(lengthScale)) throw new UsageError(`Expected a number for --length but received "${values.length}".`);

  const t0 = performance.now();
  // Decode both first so a bad file is reported before the models load.
  const portraitImage = await readImageFile(values.portrait);
  const garmentImage = await readImageFile(values.garment);
  const engine = await createNodeEngine();
  const t1 = performance.now();
  const portrait = await engine.analysePortrait(portraitImage);
  const t2 = performance.now();
  const garment = await engine.analyseGarment(garmentImage, { category: values.category as GarmentCategory | undefined });
  const t3 = performance.now();
  const result = await engine.tryOn(portrait, garment, { ease, lengthScale });
  const t4 = performance.now();
  await writeFile(values.out, await encodePng(result.image));
  await engine.dispose();
  if (values.json) {
    const landmarks = Object.fromEntries(Object.entries(garment.landmarks).map(([k, v]) => [k, [round(v[0]), round(v[1])]]));
    const line = {
      width: result.image.width,
      height: result.image.height,
      garment: { category: garment.category, sleeve: garment.sleeve, landmarks },
      timingsMs: { load: round(t1 - t0), portrait: round(t2 - t1), garment: round(t3 - t2), render: round(t4 - t3), total: round(t4 - t1) },
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
});
