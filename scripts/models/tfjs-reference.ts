/**
 * The original models on their original runtime: @tensorflow/tfjs, CPU backend,
 * loaded from the package files on disk (no network, no tfjs-node). The parity
 * test and measure-models.ts compare the ONNX conversions against this.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from './catalog';
import { sourceJsonPath } from './catalog';
import { readTfjsArtifacts } from './tfjs-graph';

export interface ReferenceModel {
  spec: ModelSpec;
  model: tf.GraphModel;
}

let backendReady: Promise<boolean> | undefined;

/**
 * Load the TF.js graph model of `spec` on the CPU backend.
 *
 * @example const ref = await loadReference(modelSpec('selfie'));
 */
export async function loadReference(spec: ModelSpec): Promise<ReferenceModel> {
  backendReady ??= tf.setBackend('cpu');
  if (!(await backendReady)) throw new Error('Could not select the tfjs CPU backend');
  const artifacts = readTfjsArtifacts(sourceJsonPath(spec));
  const model = await tf.loadGraphModel(tf.io.fromMemory(artifacts as tf.io.ModelArtifacts));
  return { spec, model };
}

/**
 * Run the reference on one NHWC input; outputs keyed by their ONNX names.
 *
 * @param input length inputSize * inputSize * 3, values in [0, 1]
 * @example const out = await runReference(ref, input); out.segmentation.length // 65536
 */
export async function runReference(ref: ReferenceModel, input: Float32Array): Promise<Record<string, Float32Array>> {
  const s = ref.spec.inputSize;
  const x = tf.tensor4d(input, [1, s, s, 3]);
  try {
    const keys = ref.spec.outputs.map((o) => o.key);
    const result = ref.model.execute(x, keys);
    const tensors = Array.isArray(result) ? result : [result];
    const out: Record<string, Float32Array> = {};
    for (let i = 0; i < tensors.length; i++) {
      out[ref.spec.outputs[i].name] = (await tensors[i].data()) as Float32Array;
      tensors[i].dispose();
    }
    return out;
  } finally {
    x.dispose();
  }
}
