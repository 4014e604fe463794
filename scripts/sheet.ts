/**
 * npm run sheet -- --out DIR [--portraits a.jpg,b.png] [--garments c.jpg,...] [--category upper|lower|dress|on-model] [--tile 192]
 * Renders portraits x garments from the sample folder into a contact sheet,
 * DIR/sheet-<category>.png: garments along the top, portraits down the side,
 * for people to judge the engine by eye. Failed cells are grey with the reason logged.
 * `on-model` takes portraits of people as the garments (worn by a model), with the
 * category read from the photo; `--garments` then names files in persons/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { isFitroomError } from '../lib/engine/index';
import type { GarmentCategory, PortraitAnalysis } from '../lib/engine/index';
import { encodePng, readImageFile } from '../lib/node/image-file';
import { createNodeEngine } from '../lib/node/node-engine';
import { runCli, UsageError } from '../lib/node/cli';

/** A spread of portraits: women and men, thighs-up and full body, arms down and bent. */
const DEFAULT_PORTRAITS = ['01008_00.jpg', '09597_00.jpg', '14627_00.jpg', 'model_1.png', 'model_3.png', 'model_5.png', 'model_7.png', '049205_0.jpg', '051482_0.jpg', 'model_8.png'];
/** Bottoms and dresses need legs: more full-body portraits, in trousers, skirts and dresses. */
const FULL_BODY_PORTRAITS = ['049447_0.jpg', '049205_0.jpg', 'model_8.png', '052472_0.jpg', '053514_0.jpg', '01008_00.jpg', '07966_00.jpg', 'model_5.png'];
/** People photographed in what they wear, as product photos on a model: trousers, dresses, tops. */
const MODEL_GARMENTS = ['049447_0.jpg', '051482_0.jpg', 'model_9.png', '052767_0.jpg', '053228_0.jpg', '01008_00.jpg', 'model_7.png', '051962_0.jpg'];
const CATEGORIES = ['upper', 'lower', 'dress', 'on-model'];

runCli(async () => {
  const { values } = parseArgs({ options: { out: { type: 'string' }, portraits: { type: 'string' }, garments: { type: 'string' }, category: { type: 'string' }, tile: { type: 'string' } } });
  if (!values.out) throw new UsageError('Expected --out DIR.');
  const samples = resolve(process.env.FITROOM_SAMPLES ?? resolve(import.meta.dirname, '..', '..', 'shared', 'data'));
  if (!existsSync(resolve(samples, 'manifest.json'))) throw new UsageError(`Sample photos not found at ${samples}: set FITROOM_SAMPLES.`);
  const manifest = JSON.parse(readFileSync(resolve(samples, 'manifest.json'), 'utf8')) as { persons: { file: string }[]; garments: { file: string; category: string }[] };
  const category = values.category ?? 'upper';
  if (!CATEGORIES.includes(category)) throw new UsageError(`Expected --category upper, lower, dress or on-model but received "${category}".`);
  const onModel = category === 'on-model';
  const portraits = (values.portraits?.split(',') ?? (category === 'upper' ? DEFAULT_PORTRAITS : FULL_BODY_PORTRAITS)).map((f) => `persons/${f}`);
  const garments = onModel
    ? (values.garments?.split(',') ?? MODEL_GARMENTS).map((f) => `persons/${f}`)
    : values.garments?.split(',').map((f) => `garments/${f}`) ?? manifest.garments.filter((g) => g.category === category).map((g) => g.file);
  const tw = Number(values.tile ?? 192), th = Math.round((tw * 4) / 3);
  mkdirSync(values.out, { recursive: true });

  const engine = await createNodeEngine();
  const tiles: { input: Buffer; left: number; top: number }[] = [];
  const thumb = async (img: { width: number; height: number; data: Uint8ClampedArray }) => sharp(await encodePng(img)).resize(tw, th, { fit: 'contain', background: '#ffffff' }).png().toBuffer();
  const garmentAnalyses = [];
  for (let j = 0; j < garments.length; j++) {
    const img = await readImageFile(resolve(samples, garments[j]));
    tiles.push({ input: await thumb(img), left: (j + 1) * tw, top: 0 });
    try {
      const g = await engine.analyseGarment(img, onModel ? {} : { category: category as GarmentCategory });
      if (onModel) console.error(`${garments[j]}: worn by a model, taken as ${g.category}${g.model ? '' : ' (no model found: read as a flat photo)'}`);
      garmentAnalyses.push(g);
    } catch (e) {
      if (!isFitroomError(e)) throw e;
      console.error(`${garments[j]}: ${e.message}`);
      garmentAnalyses.push(null);
    }
  }
  let cells = 0, failed = 0;
  for (let i = 0; i < portraits.length; i++) {
    const img = await readImageFile(resolve(samples, portraits[i]), { maxLongSide: 2048 });
    tiles.push({ input: await thumb(img), left: 0, top: (i + 1) * th });
    let portrait: PortraitAnalysis;
    try {
      portrait = await engine.analysePortrait(img);
    } catch (e) {
      if (!isFitroomError(e)) throw e;
      console.error(`${portraits[i]}: ${e.message}`);
      continue;
    }
    for (let j = 0; j < garments.length; j++) {
      const g = garmentAnalyses[j];
      cells++;
      if (!g) { failed++; continue; }
      try {
        const r = await engine.tryOn(portrait, g);
        tiles.push({ input: await thumb(r.image), left: (j + 1) * tw, top: (i + 1) * th });
      } catch (e) {
        if (!isFitroomError(e)) throw e;
        failed++;
        console.error(`${portraits[i]} x ${garments[j]}: ${e.message}`);
      }
    }
    console.error(`${portraits[i]} done`);
  }
  await engine.dispose();
  const file = resolve(values.out, `sheet-${category}.png`);
  await sharp({ create: { width: (garments.length + 1) * tw, height: (portraits.length + 1) * th, channels: 3, background: '#bbbbbb' } }).composite(tiles).png().toFile(file);
  console.log(JSON.stringify({ sheet: file, portraits: portraits.length, garments: garments.length, cells, failed }));
});
