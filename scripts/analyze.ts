/**
 * npm run analyze -- --image FILE [--image FILE ...] --json [--masks DIR]
 * One JSON line per image, in the order given; with --masks, DIR/<stem>.png (255 = person).
 * Models load once per run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { BODY_POINT_NAMES, isFitroomError } from '../lib/engine/index';
import { readImageFile } from '../lib/node/image-file';
import { createNodeEngine } from '../lib/node/node-engine';
import { round, runCli, UsageError } from '../lib/node/cli';

runCli(async () => {
  const { values } = parseArgs({ options: { image: { type: 'string', multiple: true }, json: { type: 'boolean' }, masks: { type: 'string' } } });
  const images = values.image ?? [];
  if (images.length === 0) throw new UsageError('Expected at least one --image FILE.');
  if (values.masks) await mkdir(values.masks, { recursive: true });
  const engine = await createNodeEngine();
  let failed = false;
  for (const file of images) {
    const t0 = performance.now();
    try {
      const image = await readImageFile(file);
      const decodeMs = performance.now() - t0;
      let line: Record<string, unknown>;
      try {
        const a = await engine.analysePortrait(image);
        const keypoints: Record<string, [number, number, number]> = {};
        for (const name of BODY_POINT_NAMES) {
          const k = a.keypoints[name];
          keypoints[name] = [round(k.x), round(k.y), round(k.score, 3)];
        }
        const f = a.faceBox;
        line = {
          file, width: a.image.width, height: a.image.height, person: true, keypoints,
          faceBox: f ? [round(f.x), round(f.y), round(f.width), round(f.height)] : null,
          timingsMs: roundAll({ decode: decodeMs, ...a.timingsMs, total: performance.now() - t0 }),
        };
        if (values.masks) {
          const m = a.personMask;
          const bytes = Buffer.alloc(m.data.length);
          for (let i = 0; i < bytes.length; i++) bytes[i] = Math.round(m.data[i] * 255);
          await writeFile(resolve(values.masks, `${basename(file, extname(file))}.png`), await sharp(bytes, { raw: { width: m.width, height: m.height, channels: 1 } }).png().toBuffer());
        }
      } catch (e) {
        if (!isFitroomError(e) || e.code !== 'no-person') throw e;
        line = { file, width: image.width, height: image.height, person: false, keypoints: {}, faceBox: null, timingsMs: roundAll({ decode: decodeMs, total: performance.now() - t0 }) };
      }
      process.stdout.write(`${JSON.stringify(line)}\n`);
    } catch (e) {
      if (!isFitroomError(e)) throw e;
      failed = true;
      process.stderr.write(`${file}: ${e.message}\n`);
      process.stdout.write(`${JSON.stringify({ file, error: e.message })}\n`);
    }
  }
  await engine.dispose();
  if (failed) process.exitCode = 2;
});

function roundAll(t: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, round(v)]));
}
