/**
 * `npm run analyze`: one JSON line per image in order, 17 COCO points (and
 * BlazePose's others) at the photo's pixel coordinates, masks on request.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { COCO_POINT_NAMES } from '../../lib/engine/types';
import { haveSamples, samplePath } from '../helpers/samples';

const root = resolve(import.meta.dirname, '..', '..');

describe.skipIf(!haveSamples)('analyze CLI', () => {
  it('prints one line per image, in order, and writes masks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fitroom-analyze-'));
    const images = [samplePath('persons/model_7.png'), samplePath('garments/00055_00.jpg'), samplePath('persons/049205_0.jpg')];
    const r = spawnSync(resolve(root, 'node_modules/.bin/tsx'), ['scripts/analyze.ts', ...images.flatMap((f) => ['--image', f]), '--json', '--masks', dir], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(images);
    const [man, garment, full] = lines;
    expect(man).toMatchObject({ width: 768, height: 1024, person: true });
    for (const name of COCO_POINT_NAMES) {
      const [x, y, score] = man.keypoints[name];
      expect(x).toBeTypeOf('number');
      expect(y).toBeTypeOf('number');
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(man.keypoints.left_shoulder[0]).toBeGreaterThan(man.keypoints.right_shoulder[0]);
    expect(man.faceBox).toHaveLength(4);
    expect(Object.keys(man.timingsMs)).toEqual(expect.arrayContaining(['pose', 'mask', 'model', 'total']));
    expect(garment).toMatchObject({ person: false, faceBox: null, keypoints: {} });
    expect(full.keypoints.left_ankle[1]).toBeGreaterThan(full.keypoints.left_knee[1]);
    const meta = await sharp(join(dir, 'model_7.png')).metadata();
    expect([meta.width, meta.height, meta.channels, meta.depth]).toEqual([768, 1024, 1, 'uchar']);
    const mask = await sharp(join(dir, 'model_7.png')).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    // the man's chest is person (255), the top-left corner backdrop (0)
    const at = (x: number, y: number) => mask.data[Math.round(y) * 768 + Math.round(x)];
    expect(at((man.keypoints.left_shoulder[0] + man.keypoints.right_hip[0]) / 2, (man.keypoints.left_shoulder[1] + man.keypoints.right_hip[1]) / 2)).toBe(255);
    expect(at(3, 3)).toBe(0);
  });
});
