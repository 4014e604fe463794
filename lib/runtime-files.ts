/**
 * Where the files the extension ships besides its code live in the build output.
 * Shared by wxt.config.ts (which copies them) and the offscreen document (which loads them).
 */

/** Folder of onnxruntime-web's WASM runtime in the extension, e.g. `chrome-extension://<id>/ort/`. */
export const ORT_DIR = 'ort';

/**
 * The runtime files of `import 'onnxruntime-web'` (the WebGPU + WASM "JSEP" build).
 * The .mjs is the Emscripten glue ORT imports (also as the script of its worker threads).
 */
export const ORT_RUNTIME_FILES = ['ort-wasm-simd-threaded.jsep.mjs', 'ort-wasm-simd-threaded.jsep.wasm'] as const;

/** Folder of the ONNX models and their `models.json` index in the extension. */
export const MODELS_DIR = 'models';
