/**
 * One engine per test file, built from the models in assets/models (`npm run models`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Engine } from '../../lib/engine/index';
import { MODELS_DIR, createNodeEngine } from '../../lib/node/node-engine';

let engine: Promise<Engine> | null = null;

/** The shared engine; fails with a clear message when the models are not built. */
export function testEngine(): Promise<Engine> {
  if (!existsSync(resolve(MODELS_DIR, 'blazepose-full.fp16.onnx'))) {
    throw new Error(`Models not found in ${MODELS_DIR}: run \`npm run models\` first (npm test does).`);
  }
  engine ??= createNodeEngine({ threads: 2 });
  return engine;
}
