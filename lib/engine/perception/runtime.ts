/**
 * The thin layer between the engine and onnxruntime-web: make a session from
 * model bytes, run it on an NHWC float32 image, get named outputs back.
 *
 * No DOM and no extension APIs: the offscreen document and Node (CLI, tests,
 * benchmarks) both use it. In Node, `onnxruntime-web` resolves to its Node
 * build and runs the WASM backend. Where the `.wasm` files live (the
 * extension's own URLs) and how many threads are allowed is the host's call:
 * see `configureWasm`.
 */
import * as ort from 'onnxruntime-web';
import { FitroomError } from '../errors';

export type ExecutionProvider = 'wasm' | 'webgpu' | 'webgl' | 'webnn';

export interface SessionOptions {
  /** Providers in order of preference; default ['wasm']. */
  executionProviders?: ExecutionProvider[];
  /** onnxruntime graph optimisation level; default 'all'. */
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
}

/** A loaded model with the names and shapes its callers need. */
export interface ModelSession {
  session: ort.InferenceSession;
  inputNames: readonly string[];
  outputNames: readonly string[];
}

/** One output tensor, copied out of onnxruntime. */
export interface OutputTensor {
  dims: number[];
  data: Float32Array;
}

/**
 * Set the WASM backend's global options; call once before the first session.
 *
 * @param options.numThreads 1..16 (threads need cross-origin isolation in a browser; without it ORT uses 1)
 * @param options.wasmPaths where the ort-wasm-*.wasm/.mjs files are served (a URL prefix), e.g. the extension's `runtime.getURL('/ort/')`
 * @example configureWasm({ numThreads: 2 })
 */
export function configureWasm(options: { numThreads?: number; wasmPaths?: string }): void {
  if (options.numThreads !== undefined) {
    if (!Number.isInteger(options.numThreads) || options.numThreads < 1 || options.numThreads > 16) {
      throw new FitroomError('bad-argument', `Expected an integer 1..16 for numThreads but received ${options.numThreads}`);
    }
    ort.env.wasm.numThreads = options.numThreads;
  }
  if (options.wasmPaths !== undefined) ort.env.wasm.wasmPaths = options.wasmPaths;
}

/**
 * Create an inference session from the bytes of an ONNX model.
 *
 * @param bytes the .onnx file contents
 * @param options execution providers (default ['wasm']) and optimisation level
 * @example
 *   const model = await createSession(readFileSync('assets/models/selfie.fp16.onnx'));
 *   model.outputNames // ['segmentation']
 */
export async function createSession(bytes: Uint8Array, options: SessionOptions = {}): Promise<ModelSession> {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) {
    throw new FitroomError('bad-argument', `Expected non-empty model bytes (Uint8Array) for bytes but received ${bytes?.byteLength ?? typeof bytes} bytes`);
  }
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: options.executionProviders ?? ['wasm'],
    graphOptimizationLevel: options.graphOptimizationLevel ?? 'all',
  });
  return { session, inputNames: session.inputNames, outputNames: session.outputNames };
}

/**
 * Run a single-input model on an NHWC float32 image and return the requested outputs.
 *
 * @param model from `createSession`
 * @param input length = height * width * channels, row-major NHWC (batch 1)
 * @param shape [1, height, width, channels]
 * @param outputs names to fetch (default: all outputs)
 * @example
 *   const out = await runNhwc(model, pixels, [1, 256, 256, 3]);
 *   out.segmentation.dims // [1, 256, 256, 1]
 */
export async function runNhwc(
  model: ModelSession,
  input: Float32Array,
  shape: [number, number, number, number],
  outputs: readonly string[] = model.outputNames,
): Promise<Record<string, OutputTensor>> {
  const expected = shape.reduce((a, b) => a * b, 1);
  if (shape[0] !== 1 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new FitroomError('bad-argument', `Expected shape [1, height, width, channels] of positive integers for shape but received [${shape}]`);
  }
  if (!(input instanceof Float32Array) || input.length !== expected) {
    throw new FitroomError('bad-argument', `Expected a Float32Array of ${expected} values for input but received ${input?.length ?? typeof input}`);
  }
  for (const name of outputs) {
    if (!model.outputNames.includes(name)) {
      throw new FitroomError('bad-argument', `Expected one of ${model.outputNames.join(', ')} for outputs but received '${name}'`);
    }
  }
  const feed = { [model.inputNames[0]]: new ort.Tensor('float32', input, shape) };
  const result = await model.session.run(feed, outputs as string[]);
  const out: Record<string, OutputTensor> = {};
  for (const name of outputs) {
    const t = result[name];
    out[name] = { dims: t.dims.slice(), data: new Float32Array(t.data as Float32Array) };
    t.dispose();
  }
  return out;
}

/** Release a session's memory. @example await releaseSession(model) */
export async function releaseSession(model: ModelSession): Promise<void> {
  await model.session.release();
}
