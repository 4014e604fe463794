/**
 * Wires the stages together behind the Engine interface: loads the two pose
 * models once, then analyses portraits and garments and renders try-ons.
 */
import type { Engine, EngineOptions } from './index';
import { FitroomError } from './errors';
import type { ModelRunner } from './perception/model-runner';
import type { ModelSession } from './perception/runtime';
import { createSession, releaseSession, runNhwc } from './perception/runtime';
import { analysePortraitImage } from './portrait/analyse-portrait';
import { analyseGarmentPhoto } from './garment/analyse-garment';
import { tryOnImage } from './try-on';

/** The model files the engine loads from assets/models (default precision: see models.json). */
export const MODEL_FILES = {
  detector: 'blazepose-detector',
  landmarks: 'blazepose-full',
} as const;

export const DEFAULT_PRECISION = 'fp16';

/**
 * Loads the models once and returns an engine that keeps them.
 * @example
 *   const engine = await createEngine({ loadModel: (f) => readFile(`assets/models/${f}`) });
 *   const portrait = await engine.analysePortrait(photo);
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const providers = options.executionProviders ?? ['wasm'];
  const precision = options.precision ?? DEFAULT_PRECISION;
  const load = async (name: string) => {
    const file = `${name}.${precision}.onnx`;
    let bytes: Uint8Array;
    try {
      bytes = await options.loadModel(file);
    } catch (e) {
      throw new FitroomError('bad-argument', `Cannot load the model ${file}: ${(e as Error).message}. Run \`npm run models\` to build it.`);
    }
    return createSession(bytes, { executionProviders: providers });
  };
  const [detectorSession, landmarkSession] = await Promise.all([load(MODEL_FILES.detector), load(MODEL_FILES.landmarks)]);
  const detector = onnxRunner(detectorSession, [1, 224, 224, 3]);
  const landmarks = onnxRunner(landmarkSession, [1, 256, 256, 3]);
  const modelMs = { total: 0 };
  const timed = (r: ModelRunner): ModelRunner => ({
    get lastRunMs() { return r.lastRunMs; },
    async run(input) {
      const out = await r.run(input);
      modelMs.total += r.lastRunMs;
      return out;
    },
  });
  const models = { detector: timed(detector), landmarks: timed(landmarks) };
  return {
    backend: providers[0] === 'webgpu' ? 'webgpu' : 'wasm',
    async analysePortrait(image) {
      modelMs.total = 0;
      const result = await analysePortraitImage(models, image);
      result.timingsMs.model = modelMs.total;
      return result;
    },
    async analyseGarment(image, opts) {
      return analyseGarmentPhoto(models, image, opts);
    },
    async tryOn(portrait, garment, opts) {
      return tryOnImage(portrait, garment, opts);
    },
    async warmUp() {
      await detector.run(new Float32Array(224 * 224 * 3));
      await landmarks.run(new Float32Array(256 * 256 * 3));
    },
    async dispose() {
      await Promise.all([releaseSession(detectorSession), releaseSession(landmarkSession)]);
    },
  };
}

/** A ModelRunner over an onnxruntime session with one NHWC input. */
function onnxRunner(model: ModelSession, shape: [number, number, number, number]): ModelRunner {
  const runner = {
    lastRunMs: 0,
    async run(input: Float32Array): Promise<Record<string, Float32Array>> {
      const t0 = performance.now();
      const out = await runNhwc(model, input, shape);
      runner.lastRunMs = performance.now() - t0;
      const flat: Record<string, Float32Array> = {};
      for (const [name, t] of Object.entries(out)) flat[name] = t.data;
      return flat;
    },
  };
  return runner;
}
