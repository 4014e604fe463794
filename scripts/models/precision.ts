/**
 * Precision variants of a converted graph: how the weights are stored in the file.
 *
 * One concern: initializer encoding. The graph's computation stays float32 in
 * every variant; only the stored form of the weights changes:
 *
 * - `fp32`: float32 initializers, as converted.
 * - `fp16`: float initializers stored as float16 with a `Cast` to float32
 *   after each. The human-models weights are float16 to begin with, so this is
 *   exact (checked here value by value: a weight that would round is kept
 *   float32), and onnxruntime folds the Casts when it loads the model, so it
 *   runs the very same float32 numbers as `fp32` from a file half the size.
 * - `int8`: convolution filters stored as int8 with one float32 scale per
 *   output channel (symmetric, zero point 0) and a `DequantizeLinear` after
 *   each; other float constants as in `fp16`. Lossy: see the measured
 *   agreement in assets/models/README.md.
 */
import { decodeFloat16, floatToHalf } from './tfjs-graph';
import type { OnnxGraph, OnnxInitializer, OnnxNode } from './onnx-writer';

export const PRECISIONS = ['fp32', 'fp16', 'int8'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** The half bit patterns of `data`, or undefined if any value is not exactly representable. */
function exactHalves(data: Float32Array): Uint16Array | undefined {
  const halves = Uint16Array.from(data, floatToHalf);
  const back = decodeFloat16(halves);
  for (let i = 0; i < data.length; i++) {
    if (back[i] !== data[i] && !(Number.isNaN(back[i]) && Number.isNaN(data[i]))) return undefined;
  }
  return halves;
}

/**
 * Symmetric per-channel int8 quantization of `data` laid out with `dims`, one
 * scale per index of `axis`: q = round(w / scale), scale = max|w| / 127.
 *
 * @example quantizePerChannel(Float32Array.of(1, -0.5, 2, 4), [2, 2], 0)
 *   // { q: Int8Array [127, -64, 64, 127], scales: Float32Array [1/127, 4/127] }
 */
export function quantizePerChannel(data: Float32Array, dims: number[], axis: number): { q: Int8Array; scales: Float32Array } {
  if (!Number.isInteger(axis) || axis < 0 || axis >= dims.length) {
    throw new Error(`Expected an axis in 0..${dims.length - 1} for axis but received ${axis}`);
  }
  const channels = dims[axis];
  const inner = dims.slice(axis + 1).reduce((a, b) => a * b, 1);
  const maxAbs = new Float32Array(channels);
  for (let i = 0; i < data.length; i++) {
    const c = Math.floor(i / inner) % channels;
    maxAbs[c] = Math.max(maxAbs[c], Math.abs(data[i]));
  }
  const scales = Float32Array.from(maxAbs, (m) => (m > 0 ? m / 127 : 1));
  const q = new Int8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const c = Math.floor(i / inner) % channels;
    q[i] = Math.max(-127, Math.min(127, Math.round(data[i] / scales[c])));
  }
  return { q, scales };
}

/**
 * Return a copy of `graph` whose initializers are stored in `precision`
 * (see the module comment). The input graph is not modified.
 *
 * @param graph a converted graph with float32 initializers
 * @param precision 'fp32' | 'fp16' | 'int8'
 * @example
 *   const small = applyPrecision(graph, 'fp16');
 *   writeFileSync('selfie.fp16.onnx', encodeOnnxModel(small, { opset: 17 }));
 */
export function applyPrecision(graph: OnnxGraph, precision: Precision): OnnxGraph {
  if (!PRECISIONS.includes(precision)) throw new Error(`Expected one of ${PRECISIONS.join(', ')} for precision but received ${String(precision)}`);
  if (precision === 'fp32') return { ...graph, nodes: graph.nodes.slice(), initializers: graph.initializers.slice() };
  const initializers: OnnxInitializer[] = [];
  const prologue: OnnxNode[] = [];
  for (const init of graph.initializers) {
    const count = init.dims.reduce((a, b) => a * b, 1);
    if (init.dtype !== 'float32' || count < 2) {
      initializers.push(init); // integers (shapes) and scalars stay as they are
      continue;
    }
    const data = init.data as Float32Array;
    if (precision === 'int8' && init.role.kind === 'weight') {
      const axis = init.role.channelAxis;
      const { q, scales } = quantizePerChannel(data, init.dims, axis);
      const qName = `${init.name}/int8`;
      const sName = `${init.name}/scale`;
      const zName = `${init.name}/zero_point`;
      initializers.push({ name: qName, dtype: 'int8', dims: init.dims, data: q, role: init.role });
      initializers.push({ name: sName, dtype: 'float32', dims: [scales.length], data: scales, role: { kind: 'const' } });
      initializers.push({ name: zName, dtype: 'int8', dims: [scales.length], data: new Int8Array(scales.length), role: { kind: 'const' } });
      prologue.push({ op: 'DequantizeLinear', inputs: [qName, sName, zName], outputs: [init.name], name: `${init.name}/dequantize`, attrs: { axis: { int: axis } } });
      continue;
    }
    const halves = exactHalves(data);
    if (!halves) {
      initializers.push(init); // not exactly representable in float16: keep it float32, never round silently
      continue;
    }
    const hName = `${init.name}/fp16`;
    initializers.push({ name: hName, dtype: 'float16', dims: init.dims, data: halves, role: init.role });
    prologue.push({ op: 'Cast', inputs: [hName], outputs: [init.name], name: `${init.name}/cast`, attrs: { to: { int: 1 } } });
  }
  return { ...graph, nodes: [...prologue, ...graph.nodes], initializers };
}
