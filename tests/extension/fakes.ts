/** A fake engine and friends for the extension's Node tests: plain data, no models. */
import type { Engine, GarmentAnalysis, PortraitAnalysis, RgbaImage } from '../../lib/engine/index';
import { FitroomError } from '../../lib/engine/errors';
import { PORTRAIT_VERSION } from '../../lib/engine/portrait/analyse-portrait';
import { BODY_POINT_NAMES, type Keypoints } from '../../lib/engine/types';

/** Bytes the fake decoder understands: width, height, and a fill value (not a real format). */
export function fakeImageBytes(width: number, height: number, tag = 0): Uint8Array {
  return new Uint8Array([width, height, 0, 0, tag, 1, 2, 3]);
}

export function fakeDecode(bytes: Uint8Array, options?: { maxLongSide?: number }): Promise<RgbaImage> {
  let [width, height] = [bytes[0], bytes[1]];
  if (!width || !height) throw new FitroomError('not-an-image', 'Expected fake image bytes.');
  if (options?.maxLongSide && Math.max(width, height) > options.maxLongSide) {
    const s = options.maxLongSide / Math.max(width, height);
    [width, height] = [Math.round(width * s), Math.round(height * s)];
  }
  return Promise.resolve({ width, height, data: new Uint8ClampedArray(width * height * 4).fill(bytes[4]) });
}

/** The fill value fakeReencode gives: a decoded re-encoded photo is all this. */
export const REENCODED_TAG = 200;

/** Stands in for portrait-reencode.ts: the same size, marked as re-encoded (the original's fill is lost, as its metadata would be). */
export const fakeReencode = async (bytes: Uint8Array) => fakeImageBytes(bytes[0], bytes[1], REENCODED_TAG);

export const fakeEncodePng = async (image: RgbaImage) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, image.width, image.height]);

export interface FakeEngine extends Engine {
  calls: string[];
}

export function fakeEngine(options: { failGarment?: FitroomError } = {}): FakeEngine {
  const calls: string[] = [];
  return {
    backend: 'wasm',
    calls,
    async analysePortrait(image) {
      calls.push(`portrait ${image.width}x${image.height}`);
      const keypoints = Object.fromEntries(BODY_POINT_NAMES.map((n) => [n, { x: 1, y: 1, score: 0.9 }])) as Keypoints;
      const mask = { width: image.width, height: image.height, data: new Float32Array(image.width * image.height).fill(1) };
      // Only the fields the extension reads are filled; the rest belong to the engine.
      return {
        version: PORTRAIT_VERSION, image, keypoints, faceBox: null, issues: [], personMask: mask, people: 1, timingsMs: {},
        body: {}, regions: { upperClothes: mask, waistY: null }, skin: {},
      } as unknown as PortraitAnalysis;
    },
    async analyseGarment(image, opts) {
      calls.push(`garment ${image.width}x${image.height} ${opts?.category ?? 'auto'}`);
      if (options.failGarment) throw options.failGarment;
      // Only the fields the extension reads are filled; the rest belong to the engine.
      return {
        version: 1, category: opts?.category ?? 'upper', sleeve: 'short', image, landmarks: {}, timingsMs: {},
        mask: { width: image.width, height: image.height, data: new Float32Array(image.width * image.height) },
      } as unknown as GarmentAnalysis;
    },
    async tryOn(portrait, garment, fit) {
      calls.push(`tryOn ${garment.category} ease=${fit?.ease ?? '-'}`);
      return { image: portrait.image, timingsMs: { warp: 1 } };
    },
    async warmUp() {
      calls.push('warm-up');
    },
    async dispose() {},
  };
}
