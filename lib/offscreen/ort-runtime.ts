/**
 * Sets up onnxruntime-web in the offscreen document before the engine creates
 * its sessions: the WASM runtime is loaded from the extension's own files (nothing
 * is downloaded), and threads are used when the document is cross-origin isolated.
 *
 * `onnxruntime-web` is one module instance per bundle, so the env set here is the
 * one the engine's sessions see.
 */
import * as ort from 'onnxruntime-web';
import { ORT_WASM_RUNTIME, ORT_WEBGPU_RUNTIME } from '../runtime-files';

/** A one-node ONNX model (Identity on a float[1]), 88 bytes: initialises the WASM runtime for the status report. */
const PROBE_MODEL_BASE64 = 'CAcSDWZpdHJvb20tcHJvYmU6PwoUCgF4EgF5GgJpZCIISWRlbnRpdHkSBXByb2JlWg8KAXgSCgoICAESBAoCCAFiDwoBeRIKCggIARIECgIIAUIECgAQDQ==';

export interface OrtSetup {
  /** URL of the folder holding ort-wasm-simd-threaded.jsep.{mjs,wasm}, ending in '/'. */
  wasmBaseUrl: string;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  /** Whether the WebGPU execution provider will be asked for (see preferredExecutionProviders). */
  webgpu: boolean;
}

/**
 * Points ORT at the shipped runtime (the JSEP build for WebGPU, else the plain WASM build,
 * which starts faster) and picks the thread count.
 * @throws Error naming the URL when it does not end in '/'.
 * @example configureOrt({ wasmBaseUrl: browser.runtime.getURL('/ort/'), crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency, webgpu: false });
 */
export function configureOrt(setup: OrtSetup): { numThreads: number; runtime: string } {
  if (!setup.wasmBaseUrl.endsWith('/')) throw new Error(`Expected wasmBaseUrl to end with '/' but received ${setup.wasmBaseUrl}.`);
  const files = setup.webgpu ? ORT_WEBGPU_RUNTIME : ORT_WASM_RUNTIME;
  // The JSEP JavaScript drives the plain runtime fine as long as no WebGPU session is made.
  ort.env.wasm.wasmPaths = { mjs: setup.wasmBaseUrl + files.mjs, wasm: setup.wasmBaseUrl + files.wasm };
  // Threads need SharedArrayBuffer, which only a cross-origin isolated document has;
  // ORT would fall back to one thread anyway, with a console warning.
  const numThreads = setup.crossOriginIsolated ? Math.max(1, Math.min(4, setup.hardwareConcurrency)) : 1;
  ort.env.wasm.numThreads = numThreads;
  return { numThreads, runtime: files.wasm };
}

/**
 * Initialises ORT's WASM backend (if nothing has yet) with a tiny model and returns
 * the thread count ORT actually settled on.
 * @example const threads = await wasmThreadsInUse(); // 2 on a 2-core, cross-origin isolated document
 */
export async function wasmThreadsInUse(): Promise<number> {
  const bytes = Uint8Array.from(atob(PROBE_MODEL_BASE64), (c) => c.charCodeAt(0));
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  try {
    const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([1]), [1]) });
    if ((out.y.data as Float32Array)[0] !== 1) throw new Error('The ORT probe model returned a wrong value.');
  } finally {
    await session.release();
  }
  return ort.env.wasm.numThreads ?? 1;
}

/**
 * The execution providers to ask the engine for: WebGPU first when the browser has a
 * usable adapter, WASM always as the fallback.
 * @example const providers = await preferredExecutionProviders(navigator); // ['wasm'] under --disable-gpu
 */
export async function preferredExecutionProviders(nav: { gpu?: { requestAdapter(): Promise<unknown> } }): Promise<('webgpu' | 'wasm')[]> {
  try {
    if (nav.gpu && (await nav.gpu.requestAdapter())) return ['webgpu', 'wasm'];
  } catch {
    // An adapter request can throw on blocklisted drivers: WASM it is.
  }
  return ['wasm'];
}
