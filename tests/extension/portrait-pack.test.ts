import { describe, expect, it } from 'vitest';
import type { PortraitAnalysis } from '../../lib/engine/analysis';
import { BODY_POINT_NAMES, type Keypoints } from '../../lib/engine/types';
import { packPortraitAnalysis, unpackPortraitAnalysis } from '../../lib/portrait-pack';

// Shaped like the engine's analysis (regions of masks, a skin model, body points), plus
// fields the packer must carry whatever they are: a non-mask Float32 image and a second
// reference to the portrait image. Cast, since those extras are not in the type.
function analysis(): PortraitAnalysis {
  const width = 60;
  const height = 80;
  const image = { width, height, data: new Uint8ClampedArray(width * height * 4).map((_, i) => i & 255) };
  const mask = new Float32Array(width * height).map((_, i) => (i % 97) / 96);
  const keypoints = Object.fromEntries(BODY_POINT_NAMES.map((n, i) => [n, { x: i, y: 2 * i, score: 0.9 }])) as Keypoints;
  return {
    version: 3,
    image,
    keypoints,
    personMask: { width, height, data: mask },
    faceBox: { x: 10, y: 4, width: 20, height: 22 },
    issues: [{ code: 'arms-hidden', message: 'Keep your arms a little away from your body.' }],
    people: 1,
    body: { shoulderSpan: 22.5, neckBase: { x: 30, y: 20 } },
    regions: { upperClothes: { width, height, data: mask.slice() }, depth: { width, height, data: new Float32Array(width * height).fill(3.5) }, waistY: 50 },
    skin: { mean: [180, 140, 120], rgb: [200, 160, 140], invCov: [1, 2, 3], sdY: 4, samples: 99 },
    timingsMs: { pose: 12 },
    crop: { image },
  } as unknown as PortraitAnalysis;
}

describe('portrait packing', () => {
  it('leaves the RGBA image out and stores masks as 8-bit', () => {
    const a = analysis();
    const packed = packPortraitAnalysis(a);
    const json = JSON.stringify(packed, (_, v) => (ArrayBuffer.isView(v) ? `${v.constructor.name}(${(v as Uint8Array).length})` : v));
    expect(json).not.toContain('Uint8ClampedArray');
    expect(json).toContain('"personMask":{"__fitroomPacked":"gray8","width":60,"height":80,"data":"Uint8Array(4800)"}');
    // A Float32 image with values outside [0, 1] is not a mask: kept exact.
    expect(json).toContain('"depth":{"width":60,"height":80,"data":"Float32Array(4800)"}');
  });

  it('gives the analysis back, masks within 1/510', () => {
    const a = analysis();
    const back = unpackPortraitAnalysis(packPortraitAnalysis(a), a.image);
    expect(back.image).toBe(a.image);
    expect((back as unknown as { crop: { image: unknown } }).crop.image).toBe(a.image);
    expect(back.body).toEqual(a.body);
    expect(back.regions.waistY).toBe(50);
    expect(back.keypoints).toEqual(a.keypoints);
    expect(back.issues).toEqual(a.issues);
    expect(back.faceBox).toEqual(a.faceBox);
    expect(back.skin).toEqual(a.skin);
    const max = Math.max(...Array.from(a.personMask.data, (v, i) => Math.abs(v - back.personMask.data[i])));
    expect(max).toBeLessThanOrEqual(1 / 510 + 1e-7);
    const depth = (x: PortraitAnalysis) => (x.regions as unknown as { depth: { data: Float32Array } }).depth.data;
    expect(depth(back)).toEqual(depth(a));
  });

  it('refuses an image of another size, naming both sizes', () => {
    const a = analysis();
    const packed = packPortraitAnalysis(a);
    expect(() => unpackPortraitAnalysis(packed, { width: 30, height: 40, data: new Uint8ClampedArray(4800) })).toThrow(/Expected the rebuilt portrait to be 60x80 but it is 30x40/);
  });
});
