/**
 * lib/engine/perception/runtime.ts: sessions from bytes, NHWC runs, argument checks.
 * Uses the selfie model, converted in memory (~0.1 s; nothing written to disk).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRECISION, modelSpec, sourceJsonPath } from '../../scripts/models/catalog';
import { encodeOnnxModel } from '../../scripts/models/onnx-writer';
import { applyPrecision } from '../../scripts/models/precision';
import { convertTfjsGraph } from '../../scripts/models/tf-to-onnx';
import { loadTfjsGraph } from '../../scripts/models/tfjs-graph';
import { configureWasm, createSession, releaseSession, runNhwc, type ModelSession } from '../../lib/engine/perception/runtime';
import { isFitroomError } from '../../lib/engine/errors';

describe('onnxruntime-web session wrapper', () => {
  let model: ModelSession;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const spec = modelSpec('selfie');
    const { graph } = convertTfjsGraph(loadTfjsGraph(sourceJsonPath(spec)), { outputNames: { 'activation_10:0': 'segmentation' } });
    bytes = encodeOnnxModel(applyPrecision(graph, DEFAULT_PRECISION), { opset: 17 });
    configureWasm({ numThreads: 1 });
    model = await createSession(bytes);
  });

  it('names the model inputs and outputs', () => {
    expect(model.inputNames).toEqual(['input']);
    expect(model.outputNames).toEqual(['segmentation']);
  });

  it('runs an NHWC input and returns named NHWC outputs', async () => {
    const out = await runNhwc(model, new Float32Array(256 * 256 * 3).fill(0.5), [1, 256, 256, 3]);
    expect(out.segmentation.dims).toEqual([1, 256, 256, 1]);
    expect(out.segmentation.data.length).toBe(256 * 256);
    expect(out.segmentation.data.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('refuses bad arguments with errors that name them', async () => {
    const err = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
    const short = await err(runNhwc(model, new Float32Array(10), [1, 256, 256, 3]));
    expect(isFitroomError(short) && short.code).toBe('bad-argument');
    expect(String(short)).toMatch(/for input/);
    const batch = await err(runNhwc(model, new Float32Array(2 * 256 * 256 * 3), [2, 256, 256, 3]));
    expect(String(batch)).toMatch(/for shape/);
    const name = await err(runNhwc(model, new Float32Array(256 * 256 * 3), [1, 256, 256, 3], ['nope']));
    expect(String(name)).toMatch(/segmentation/);
    expect(String(await err(createSession(new Uint8Array(0))))).toMatch(/for bytes/);
    expect(() => configureWasm({ numThreads: 0 })).toThrow(/numThreads/);
  });

  it('releases', async () => {
    const m = await createSession(bytes);
    await expect(releaseSession(m)).resolves.toBeUndefined();
  });
});
