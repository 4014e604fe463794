/**
 * Unit tests of the converter's building blocks (no sample photos needed, fast).
 * The end-to-end proof is parity.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-web';
import { decodeFloat16, floatToHalf, halfToFloat } from '../../scripts/models/tfjs-graph';
import { samePadding, transposeData } from '../../scripts/models/tf-to-onnx';
import { applyPrecision, quantizePerChannel } from '../../scripts/models/precision';
import { encodeOnnxModel, type OnnxGraph } from '../../scripts/models/onnx-writer';

describe('float16', () => {
  it('decodes known patterns', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(Array.from(decodeFloat16(Uint16Array.of(0x3555)))).toEqual([Math.fround(0.333251953125)]);
  });
  it('round-trips every finite half exactly', () => {
    const wrong: number[] = [];
    for (let h = 0; h < 0x10000; h++) {
      const f = halfToFloat(h);
      if (Number.isNaN(f) || (f === 0 && h === 0x8000)) continue;
      if (floatToHalf(f) !== h) wrong.push(h);
    }
    expect(wrong).toEqual([]);
  });
  it('rounds to nearest, ties to even', () => {
    expect(floatToHalf(1 + 2 ** -11)).toBe(0x3c00); // tie between 1 and 1+2^-10: even (1)
    expect(floatToHalf(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie: even mantissa 2
    expect(floatToHalf(1e6)).toBe(0x7c00); // overflow → +Infinity
  });
});

describe('geometry', () => {
  it('puts the odd SAME pixel at the end, like TensorFlow', () => {
    expect(samePadding(128, 3, 2, 1)).toEqual([0, 1]);
    expect(samePadding(128, 5, 2, 1)).toEqual([1, 2]);
    expect(samePadding(64, 3, 1, 1)).toEqual([1, 1]);
    expect(samePadding(7, 2, 2, 1)).toEqual([0, 1]);
    expect(samePadding(8, 1, 1, 1)).toEqual([0, 0]);
  });
  it('transposes like numpy', () => {
    expect(Array.from(transposeData(Float32Array.of(1, 2, 3, 4, 5, 6), [2, 3], [1, 0]))).toEqual([1, 4, 2, 5, 3, 6]);
    const x = Float32Array.from({ length: 24 }, (_, i) => i);
    const t = transposeData(x, [2, 3, 4], [2, 0, 1]); // [4, 2, 3]
    expect(t[1 * 6 + 1 * 3 + 2]).toBe(x[1 * 12 + 2 * 4 + 1]);
  });
});

describe('precision variants', () => {
  const graph = (): OnnxGraph => ({
    name: 'tiny',
    inputs: [{ name: 'input', dtype: 'float32', shape: [1, 2, 2, 2] }],
    outputs: [{ name: 'y', dtype: 'float32', shape: [1, 3, 2, 2] }],
    initializers: [
      { name: 'w', dtype: 'float32', dims: [3, 2, 1, 1], data: Float32Array.of(0.5, -1.25, 3, 0.125, -7.5, 2), role: { kind: 'weight', channelAxis: 0 } },
      { name: 'b', dtype: 'float32', dims: [3], data: Float32Array.of(0.25, 0, -1), role: { kind: 'bias' } },
    ],
    nodes: [
      { op: 'Transpose', inputs: ['input'], outputs: ['x'], attrs: { perm: { ints: [0, 3, 1, 2] } } },
      { op: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['y'], attrs: { kernel_shape: { ints: [1, 1] } } },
    ],
  });
  const input = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  const run = async (g: OnnxGraph) => {
    const s = await ort.InferenceSession.create(encodeOnnxModel(g, { opset: 17 }));
    const r = await s.run({ input: new ort.Tensor('float32', input, [1, 2, 2, 2]) });
    return Array.from(r.y.data as Float32Array);
  };

  it('fp16 stores halves and gives the fp32 numbers exactly', async () => {
    const g16 = applyPrecision(graph(), 'fp16');
    expect(g16.initializers.find((i) => i.name === 'w/fp16')?.dtype).toBe('float16');
    expect(await run(g16)).toEqual(await run(graph()));
  });

  it('fp16 keeps a weight float32 when float16 would round it', () => {
    const g = graph();
    (g.initializers[0].data as Float32Array)[0] = 0.1; // not a float16 value
    expect(applyPrecision(g, 'fp16').initializers.find((i) => i.name === 'w')?.dtype).toBe('float32');
  });

  it('int8 quantizes per output channel within half a step', async () => {
    const { q, scales } = quantizePerChannel(Float32Array.of(1, -0.5, 2, 4), [2, 2], 0);
    expect(Array.from(q)).toEqual([127, -64, 64, 127]);
    expect(Array.from(scales)).toEqual([Math.fround(1 / 127), Math.fround(4 / 127)]);
    const exact = await run(graph());
    const int8 = await run(applyPrecision(graph(), 'int8'));
    // |Δw| ≤ scale/2 = max|w_c|/254 per weight; here |x| ≤ 8 and 2 inputs per output
    exact.forEach((v, i) => expect(Math.abs(int8[i] - v)).toBeLessThanOrEqual((2 * 8 * 7.5) / 254));
  });
});
