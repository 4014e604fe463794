/**
 * The offscreen document: the inference host. It starts the engine once (WebGPU when
 * the browser has an adapter, WASM otherwise), keeps its ONNX sessions and answers the
 * background's `offscreen.*` messages (and only the background's: lib/message-guard/).
 * The logic is in lib/offscreen/tryon-service.ts.
 */
import { browser } from 'wxt/browser';
import { createEngine } from '@/lib/engine/index';
import { toResult } from '@/lib/error-info';
import { decodeImage, encodeJpegBytes, encodePngBytes } from '@/lib/image-io/browser';
import { listen } from '@/lib/message-guard/guarded-listener';
import { sendMessage, type EngineStatus } from '@/lib/messaging';
import { modelLoader, shippedModels } from '@/lib/offscreen/model-files';
import { configureOrt, preferredExecutionProviders, wasmThreadsInUse } from '@/lib/offscreen/ort-runtime';
import { createTryOnService } from '@/lib/offscreen/tryon-service';
import { reencodePortrait } from '@/lib/portrait-reencode';
import { applyLanguageChoice } from '@/lib/i18n/language-choice';
import { indexedDbLanguageStore, indexedDbPortraitStore, indexedDbProfileStore } from '@/lib/storage';
import { MODELS_DIR, ORT_DIR } from '@/lib/runtime-files';

const modelsUrl = browser.runtime.getURL(`/${MODELS_DIR}/` as '/');

// The runtime to load depends on WebGPU, which takes an async adapter request to know.
const ready = preferredExecutionProviders(navigator as never).then((executionProviders) => {
  const webgpu = executionProviders[0] === 'webgpu';
  configureOrt({ wasmBaseUrl: browser.runtime.getURL(`/${ORT_DIR}/` as '/'), crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency, webgpu });
  return { executionProviders, webgpu };
});

const service = createTryOnService({
  startEngine: async () => createEngine({ loadModel: modelLoader(modelsUrl), executionProviders: (await ready).executionProviders }),
  decode: decodeImage,
  encodePng: encodePngBytes,
  encodeJpeg: encodeJpegBytes,
  // A new portrait is stored only as re-encoded here: no EXIF, no GPS, oriented, capped.
  reencodePortrait: (bytes) => reencodePortrait(bytes, { decode: decodeImage, encodeJpeg: encodeJpegBytes }),
  store: indexedDbPortraitStore(),
  profiles: indexedDbProfileStore(),
  // Progress goes through the background, which knows which tab or popup asked.
  progress: (event) => void sendMessage('bg.progress', event).catch(() => {}),
});

listen('offscreen.analysePortrait', (data) => toResult(() => service.analysePortrait(data)));
listen('offscreen.prepare', (data) => service.prepare(data));
listen('offscreen.tryOn', (data) => toResult(() => service.tryOn(data)));
const languages = indexedDbLanguageStore();
// The size advice's reason is written here: in the language chosen now (it may have changed since this document started).
listen('offscreen.sizeAdvice', (data) => toResult(async () => (await applyLanguageChoice(languages), service.sizeAdvice(data))));
listen('offscreen.warmUp', () => void service.warmUp().catch((e) => console.warn('Fitroom: warm-up failed:', e)));
listen('offscreen.status', () => toResult(async (): Promise<EngineStatus> => {
  const { webgpu } = await ready;
  return {
    backend: service.engine?.backend ?? null,
    crossOriginIsolated,
    wasmThreads: await wasmThreadsInUse(),
    hardwareConcurrency: navigator.hardwareConcurrency,
    webgpu,
    models: await shippedModels(modelsUrl),
  };
}));
