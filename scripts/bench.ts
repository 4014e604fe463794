/**
 * npm run bench -- [--json] [--portraits N] [--garments N] [--threads N] [--category upper|lower|dress|on-model]
 * Medians over the sample photos (FITROOM_SAMPLES, default ../shared/data) of:
 * portrait analysis, its pose+mask part, garment analysis, render, a garment
 * change on an analysed portrait (garment + render), and the models' own
 * inference time; and, side by side in the same run, the yardstick a JavaScript
 * developer would pick (@vladmandic/human's BlazePose full on tfjs WASM, JPEG
 * decode included) against our pose and mask with decode included.
 * The last stdout line is JSON:
 * {"portraitMs","perceptionMs","garmentMs","renderMs","tryonMs","modelMs","prePostRatio","humanMs","oursDecodedPoseMs","backend","threads","category"}.
 * prePostRatio: per portrait, perception's own pre- and post-processing (pose +
 * mask time less the models' inference) over that inference; the median.
 * Bottoms and dresses compute a few per-portrait maps on their first try-on on a
 * portrait (kept for later changes): the garment changes are timed after one, and
 * that first one is reported apart as firstRenderMs.
 * `on-model` times garments photographed on a model (portraits of the sample folder).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { GarmentAnalysis, PortraitAnalysis, RgbaImage } from '../lib/engine/index';
import { decodeImage, readImageFile } from '../lib/node/image-file';
import { humanPose } from './bench/human-yardstick';
import { createNodeEngine } from '../lib/node/node-engine';
import { round, runCli, UsageError } from '../lib/node/cli';

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

runCli(async () => {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, portraits: { type: 'string' }, garments: { type: 'string' }, threads: { type: 'string' }, 'no-human': { type: 'boolean' }, category: { type: 'string' } } });
  const category = values.category ?? 'upper';
  if (!['upper', 'lower', 'dress', 'on-model'].includes(category)) throw new UsageError(`Expected --category upper, lower, dress or on-model but received "${category}".`);
  const samples = resolve(process.env.FITROOM_SAMPLES ?? resolve(import.meta.dirname, '..', '..', 'shared', 'data'));
  if (!existsSync(resolve(samples, 'manifest.json'))) throw new UsageError(`Sample photos not found at ${samples}: set FITROOM_SAMPLES to the folder holding manifest.json.`);
  const manifest = JSON.parse(readFileSync(resolve(samples, 'manifest.json'), 'utf8')) as { persons: { file: string }[]; garments: { file: string; category: string }[] };
  const nP = Number(values.portraits ?? 8), nG = Number(values.garments ?? 8);
  const threads = Number(values.threads ?? Math.min(4, availableParallelism()));
  const persons = manifest.persons.filter((_, i) => i % Math.max(1, Math.floor(manifest.persons.length / nP)) === 0).slice(0, nP);
  const garments = category === 'on-model'
    ? ['049447_0.jpg', '051482_0.jpg', 'model_9.png', '052767_0.jpg', '053228_0.jpg', '01008_00.jpg', 'model_7.png', '051962_0.jpg'].map((f) => ({ file: `persons/${f}` })).slice(0, nG)
    : manifest.garments.filter((g) => g.category === category).slice(0, nG);

  const engine = await createNodeEngine({ threads });
  const decode = async (f: string) => readImageFile(resolve(samples, f), { maxLongSide: 2048 });
  const portraitImages: RgbaImage[] = await Promise.all(persons.map((p) => decode(p.file)));
  const garmentImages: RgbaImage[] = await Promise.all(garments.map((g) => decode(g.file)));
  // Warm-up: the first run compiles WASM kernels and JITs the pixel code.
  const warm = await engine.analysePortrait(portraitImages[0]);
  await engine.tryOn(warm, await engine.analyseGarment(garmentImages[0]));

  const portraitMs: number[] = [], perceptionMs: number[] = [], modelMs: number[] = [], prePost: number[] = [];
  const portraits: PortraitAnalysis[] = [];
  for (const img of portraitImages) {
    const t0 = performance.now();
    const p = await engine.analysePortrait(img);
    portraitMs.push(performance.now() - t0);
    perceptionMs.push((p.timingsMs.pose ?? 0) + (p.timingsMs.mask ?? 0));
    modelMs.push(p.timingsMs.model ?? 0);
    prePost.push(perceptionMs[perceptionMs.length - 1] / modelMs[modelMs.length - 1] - 1);
    portraits.push(p);
  }
  // the first bottom or dress on a portrait computes its per-portrait maps: timed apart
  const firstRenderMs: number[] = [];
  if (category !== 'upper') {
    const first = await engine.analyseGarment(garmentImages[0]);
    for (const p of portraits) {
      const t0 = performance.now();
      await engine.tryOn(p, first);
      firstRenderMs.push(performance.now() - t0);
    }
  }
  const garmentMs: number[] = [], renderMs: number[] = [], tryonMs: number[] = [];
  for (let i = 0; i < garmentImages.length; i++) {
    const portrait = portraits[i % portraits.length];
    const t0 = performance.now();
    const g: GarmentAnalysis = await engine.analyseGarment(garmentImages[i]);
    const t1 = performance.now();
    await engine.tryOn(portrait, g);
    const t2 = performance.now();
    garmentMs.push(t1 - t0);
    renderMs.push(t2 - t1);
    tryonMs.push(t2 - t0);
  }
  // Side by side with the yardstick: encoded bytes → pose and mask, decode included.
  const oursDecoded: number[] = [], humanMs: number[] = [];
  const bytes = persons.map((p) => readFileSync(resolve(samples, p.file)));
  for (const b of bytes) {
    const t0 = performance.now();
    const a = await engine.analysePortrait(await decodeImage(b, { maxLongSide: 2048 }));
    oursDecoded.push(performance.now() - t0 - (a.timingsMs.regions ?? 0) - (a.timingsMs.renderMaps ?? 0));
  }
  await engine.dispose();
  if (!values['no-human']) {
    const human = await humanPose(threads);
    for (const b of bytes) humanMs.push(await human.time(b));
  }
  const result = {
    portraitMs: round(median(portraitMs)),
    perceptionMs: round(median(perceptionMs)),
    garmentMs: round(median(garmentMs)),
    renderMs: round(median(renderMs)),
    tryonMs: round(median(tryonMs)),
    modelMs: round(median(modelMs)),
    prePostRatio: Math.round(median(prePost) * 100) / 100,
    humanMs: humanMs.length ? round(median(humanMs)) : null,
    oursDecodedPoseMs: round(median(oursDecoded)),
    backend: engine.backend,
    threads,
    category,
    ...(firstRenderMs.length ? { firstRenderMs: round(median(firstRenderMs)) } : {}),
  };
  if (!values.json) {
    console.log(`portraits: ${persons.length}, garments: ${garments.length}, threads: ${threads}`);
    for (const [k, v] of Object.entries(result)) console.log(`  ${k.padEnd(14)} ${v}`);
  }
  console.log(JSON.stringify(result));
});
