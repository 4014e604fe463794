/**
 * Reads the ONNX models the extension ships (copied into `models/` of the build by
 * wxt.config.ts) through the extension's own URLs: nothing comes from the network.
 */
import { ExtensionError } from '../error-info';

/**
 * A `loadModel` for createEngine that fetches `<baseUrl><file>`.
 * @throws ExtensionError('engine-unavailable') naming the file when the build does not have it.
 * @example createEngine({ loadModel: modelLoader(browser.runtime.getURL('/models/')) })
 */
export function modelLoader(baseUrl: string, fetchFn: typeof fetch = fetch): (file: string) => Promise<Uint8Array> {
  return async (file) => {
    if (!/^[\w.-]+$/.test(file)) throw new ExtensionError('bad-argument', `Expected a model file name like 'pose.onnx' but received ${JSON.stringify(file)}.`);
    let response: Response;
    try {
      response = await fetchFn(baseUrl + file);
    } catch (e) {
      throw missing(file, (e as Error).message);
    }
    if (!response.ok) throw missing(file, `status ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

/**
 * The .onnx files named in the shipped models.json, or [] when the build has none.
 * @example await shippedModels(browser.runtime.getURL('/models/')) // ['pose-landmark-full.fp16.onnx', ...]
 */
export async function shippedModels(baseUrl: string, fetchFn: typeof fetch = fetch): Promise<string[]> {
  try {
    const response = await fetchFn(`${baseUrl}models.json`);
    if (!response.ok) return [];
    const found = new Set<string>();
    collectOnnxNames(await response.json(), found);
    return [...found].sort();
  } catch {
    return [];
  }
}

// models.json is written by the model build; take every "*.onnx" string in it, whatever its shape.
function collectOnnxNames(v: unknown, out: Set<string>): void {
  if (typeof v === 'string') {
    if (v.endsWith('.onnx')) out.add(v);
  } else if (Array.isArray(v)) {
    for (const x of v) collectOnnxNames(x, out);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k.endsWith('.onnx')) out.add(k);
      collectOnnxNames(x, out);
    }
  }
}

function missing(file: string, reason: string): ExtensionError {
  return new ExtensionError('engine-unavailable', `The model ${file} is not in this build (${reason}); build the extension with \`npm run build\`, which converts the models first.`);
}
