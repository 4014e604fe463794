/**
 * Where the files the extension ships besides its code live in the build output.
 * Shared by wxt.config.ts (which copies them) and the offscreen document (which loads them).
 */

/** Folder of onnxruntime-web's WASM runtime in the extension, e.g. `chrome-extension://<id>/ort/`. */
export const ORT_DIR = 'ort';

/**
 * onnxruntime-web's runtimes (each a .wasm and the Emscripten glue .mjs that ORT imports,
 * also as the script of its worker threads). `import 'onnxruntime-web'` is the JSEP build,
 * needed for WebGPU; where there is no WebGPU the plain WASM build does the same work and
 * starts 2-3x faster (measured in the offscreen document: 3.5 s against 8-13 s), so both ship.
 */
export const ORT_WEBGPU_RUNTIME = { mjs: 'ort-wasm-simd-threaded.jsep.mjs', wasm: 'ort-wasm-simd-threaded.jsep.wasm' } as const;
export const ORT_WASM_RUNTIME = { mjs: 'ort-wasm-simd-threaded.mjs', wasm: 'ort-wasm-simd-threaded.wasm' } as const;
export const ORT_RUNTIME_FILES = [ORT_WEBGPU_RUNTIME.mjs, ORT_WEBGPU_RUNTIME.wasm, ORT_WASM_RUNTIME.mjs, ORT_WASM_RUNTIME.wasm] as const;

/** Folder of the ONNX models and their `models.json` index in the extension. */
export const MODELS_DIR = 'models';
