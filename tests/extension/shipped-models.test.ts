import { describe, expect, it } from 'vitest';
import { shippedModelFiles, shippedModelsJson } from '../../lib/shipped-models';

const json = JSON.stringify({
  defaultPrecision: 'fp16',
  models: [
    { name: 'pose', defaultPrecision: 'fp16', variants: { fp32: { file: 'pose.fp32.onnx' }, fp16: { file: 'pose.fp16.onnx' } } },
    { name: 'selfie', variants: { fp16: { file: 'selfie.fp16.onnx' }, int8: { file: 'selfie.int8.onnx' } } },
  ],
});
const all = ['models.json', 'pose.fp16.onnx', 'pose.fp32.onnx', 'selfie.fp16.onnx', 'selfie.int8.onnx'];

describe('shippedModelFiles', () => {
  it('ships each model in its default precision only', () => {
    expect(shippedModelFiles(json, all)).toEqual(['pose.fp16.onnx', 'selfie.fp16.onnx']);
  });
  it('ships every .onnx when models.json does not say', () => {
    expect(shippedModelFiles('{"something": "else"}', all)).toEqual(['pose.fp16.onnx', 'pose.fp32.onnx', 'selfie.fp16.onnx', 'selfie.int8.onnx']);
    expect(shippedModelFiles('not json', all)).toHaveLength(4);
  });
  it('ships exactly the engine’s files when told them', () => {
    expect(shippedModelFiles(json, all, ['selfie.int8.onnx'])).toEqual(['selfie.int8.onnx']);
    expect(() => shippedModelFiles(json, all, ['face.fp16.onnx'])).toThrow("Expected the engine's models face.fp16.onnx in assets/models");
  });

  it('names a file models.json promises but the folder lacks', () => {
    expect(() => shippedModelFiles(json, ['pose.fp16.onnx'])).toThrow('Expected selfie.fp16.onnx (model selfie, fp16) in assets/models');
  });
});

describe('shippedModelsJson', () => {
  it('lists only the shipped files, each model with its shipped variants', () => {
    const out = JSON.parse(shippedModelsJson(json, ['pose.fp16.onnx']));
    expect(out.defaultPrecision).toBe('fp16');
    expect(out.models).toEqual([{ name: 'pose', defaultPrecision: 'fp16', variants: { fp16: { file: 'pose.fp16.onnx' } } }]);
  });
  it('keeps text it does not know as it is', () => {
    expect(shippedModelsJson('not json', ['pose.fp16.onnx'])).toBe('not json');
    expect(shippedModelsJson('{"something": "else"}', ['pose.fp16.onnx'])).toBe('{"something": "else"}');
  });
});
