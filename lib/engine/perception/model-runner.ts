/**
 * What perception code needs from a model: feed one NHWC float tensor, get
 * named float outputs. The ONNX implementation lives in runtime.ts; tests can
 * pass the original TensorFlow.js model through the same interface.
 */
export interface ModelRunner {
  /** Runs the model on one input of the model's fixed shape (NHWC, batch 1). */
  run(input: Float32Array): Promise<Record<string, Float32Array>>;
  /** Milliseconds the last run() spent inside the runtime. */
  readonly lastRunMs: number;
}
