/**
 * The engine in Node (CLI, tests, bench): models read from assets/models,
 * onnxruntime-web on its WASM backend with the machine's cores as threads.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Engine } from '../engine/index';
import { createEngine } from '../engine/index';
import { configureWasm } from '../engine/perception/runtime';

export const MODELS_DIR = resolve(import.meta.dirname, '..', '..', 'assets', 'models');

/**
 * @example const engine = await createNodeEngine(); const portrait = await engine.analysePortrait(img);
 */
export async function createNodeEngine(options: { threads?: number; precision?: 'fp32' | 'fp16' | 'int8' } = {}): Promise<Engine> {
  configureWasm({ numThreads: options.threads ?? Math.min(4, availableParallelism()) });
  return createEngine({
    loadModel: async (file) => new Uint8Array(await readFile(resolve(MODELS_DIR, file))),
    precision: options.precision,
  });
}
