/**
 * Portrait analysis on real portraits: pose where a person would put it,
 * a mask that covers the body and not the backdrop, the face box on the face.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortraitAnalysis } from '../../lib/engine/index';
import { readImageFile } from '../../lib/node/image-file';
import { testEngine } from '../helpers/engine';
import { haveSamples, samplePath } from '../helpers/samples';

const PORTRAITS = ['persons/01008_00.jpg', 'persons/049205_0.jpg', 'persons/053514_0.jpg', 'persons/model_7.png'];

describe.skipIf(!haveSamples)('portrait analysis on sample photos', () => {
  const analyses = new Map<string, PortraitAnalysis>();
  beforeAll(async () => {
    const engine = await testEngine();
    for (const f of PORTRAITS) analyses.set(f, await engine.analysePortrait(await readImageFile(samplePath(f))));
  });

  it('places the body in a plausible order: head, shoulders, hips, knees', () => {
    for (const [f, a] of analyses) {
      const k = a.keypoints;
      expect(k.nose.y, f).toBeLessThan(k.left_shoulder.y);
      expect(k.left_shoulder.y, f).toBeLessThan(k.left_hip.y);
      expect(k.right_shoulder.y, f).toBeLessThan(k.right_hip.y);
      // facing the camera: the person's left is on the image's right
      expect(k.left_shoulder.x, f).toBeGreaterThan(k.right_shoulder.x);
      expect(k.left_hip.x, f).toBeGreaterThan(k.right_hip.x);
      const span = k.left_shoulder.x - k.right_shoulder.x;
      expect(span, f).toBeGreaterThan(a.image.width * 0.1);
      expect(span, f).toBeLessThan(a.image.width * 0.6);
    }
  });

  it('finds the knees of full-body portraits inside the frame', () => {
    const a = analyses.get('persons/049205_0.jpg')!;
    expect(a.keypoints.left_knee.y).toBeGreaterThan(a.keypoints.left_hip.y);
    expect(a.keypoints.left_knee.y).toBeLessThan(a.image.height);
    expect(a.keypoints.left_ankle.y).toBeGreaterThan(a.keypoints.left_knee.y);
  });

  it('masks the body and not the backdrop', () => {
    for (const [f, a] of analyses) {
      const m = a.personMask;
      const at = (x: number, y: number) => m.data[Math.round(y) * m.width + Math.round(x)];
      const k = a.keypoints;
      // the torso's centre and the shoulders are person
      expect(at((k.left_shoulder.x + k.right_hip.x) / 2, (k.left_shoulder.y + k.right_hip.y) / 2), f).toBeGreaterThan(0.9);
      expect(at(k.nose.x, k.nose.y + 5), f).toBeGreaterThan(0.9);
      // the top corners are backdrop in these studio photos
      expect(at(5, 5), f).toBeLessThan(0.05);
      expect(at(m.width - 6, 5), f).toBeLessThan(0.05);
      // the person covers a sensible share of the photo
      let sum = 0;
      for (const v of m.data) sum += v;
      expect(sum / m.data.length, f).toBeGreaterThan(0.1);
      expect(sum / m.data.length, f).toBeLessThan(0.6);
    }
  });

  it('puts the face box around the eyes and mouth, or none when the face is cut off', () => {
    const a = analyses.get('persons/01008_00.jpg')!;
    const b = a.faceBox!;
    for (const p of [a.keypoints.left_eye, a.keypoints.right_eye, a.keypoints.mouth_left, a.keypoints.nose]) {
      expect(p.x).toBeGreaterThan(b.x);
      expect(p.x).toBeLessThan(b.x + b.width);
      expect(p.y).toBeGreaterThan(b.y);
      expect(p.y).toBeLessThan(b.y + b.height);
    }
    expect(analyses.get('persons/053514_0.jpg')!.issues.map((i) => i.code)).toContain('face-cut-off');
    expect(analyses.get('persons/01008_00.jpg')!.issues).toEqual([]);
  });

  it('says so when there is nobody in the photo', async () => {
    const engine = await testEngine();
    const garment = await readImageFile(samplePath('garments/00055_00.jpg'));
    await expect(engine.analysePortrait(garment)).rejects.toMatchObject({ code: 'no-person' });
  });

  it('gives the same keypoints for the same portrait at another resolution (within 1.5% of its size)', async () => {
    const engine = await testEngine();
    const img = await readImageFile(samplePath('persons/01008_00.jpg'), { maxLongSide: 512 });
    const small = await engine.analysePortrait(img);
    const big = analyses.get('persons/01008_00.jpg')!;
    const s = big.image.width / small.image.width;
    for (const name of ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'nose'] as const) {
      expect(Math.abs(small.keypoints[name].x * s - big.keypoints[name].x), name).toBeLessThan(big.image.height * 0.015);
      expect(Math.abs(small.keypoints[name].y * s - big.keypoints[name].y), name).toBeLessThan(big.image.height * 0.015);
    }
  });
});
