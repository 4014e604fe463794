import { describe, expect, it } from 'vitest';
import { modelLoader, shippedModels } from '../../lib/offscreen/model-files';

const files: Record<string, string> = {
  'chrome-extension://id/models/models.json': JSON.stringify({ models: [{ file: 'pose.onnx', sha256: 'x' }], 'seg.onnx': { bytes: 3 } }),
  'chrome-extension://id/models/pose.onnx': 'ONNX',
};
const fakeFetch = (async (url: string) => (url in files ? new Response(files[url]) : new Response('', { status: 404 }))) as unknown as typeof fetch;

describe('shipped model files', () => {
  it('loads a model by file name from the extension', async () => {
    const load = modelLoader('chrome-extension://id/models/', fakeFetch);
    expect(new TextDecoder().decode(await load('pose.onnx'))).toBe('ONNX');
    await expect(load('face.onnx')).rejects.toMatchObject({ code: 'engine-unavailable', message: expect.stringContaining('npm run build') });
    await expect(load('../secrets')).rejects.toMatchObject({ code: 'bad-argument' });
  });

  it('lists the models named in models.json, whatever its shape', async () => {
    expect(await shippedModels('chrome-extension://id/models/', fakeFetch)).toEqual(['pose.onnx', 'seg.onnx']);
    expect(await shippedModels('chrome-extension://other/models/', fakeFetch)).toEqual([]);
  });
});
