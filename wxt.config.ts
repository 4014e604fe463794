import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'wxt';
import { ORT_RUNTIME_FILES, ORT_DIR, MODELS_DIR } from './lib/runtime-files';
import { shippedModelFiles, shippedModelsJson } from './lib/shipped-models';
import { DEFAULT_PRECISION, MODEL_FILES } from './lib/engine/engine';

// The engine loads these, and only these ship (other models and precisions stay in assets/models).
const ENGINE_MODEL_FILES = Object.values(MODEL_FILES).map((name) => `${name}.${DEFAULT_PRECISION}.onnx`);

const root = import.meta.dirname;
const ortDist = resolve(root, 'node_modules/onnxruntime-web/dist');
const modelsSrc = resolve(root, 'assets/models');

// See docs/extension.md, "Permissions", for why each permission and manifest key is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // onnxruntime-web's "extern wasm" build loads its runtime from ort.env.wasm.wasmPaths (our
    // shipped ort/ folder) instead of embedding it; the default build makes Vite emit a second
    // 28 MB copy of the .wasm and starts its worker threads from our own bundle.
    resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },
  }),
  manifest: {
    // In the browser's language, from public/_locales/ (lib/i18n/ reads the same catalogues).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // public/icon/<size>.png become `icons` (WXT finds them); the toolbar button uses the small ones.
    // (Its tooltip is the popup page's <title>, Fitroom, which WXT copies.)
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
    // No 'storage': the portrait lives in IndexedDB, which needs no permission.
    // 'webRequest': to read where a garment download redirects before following it (lib/background/redirect-watch.ts).
    permissions: ['offscreen', 'contextMenus', 'unlimitedStorage', 'webRequest'],
    host_permissions: ['<all_urls>'],
    // The overlay page is shown in an iframe over store pages, so they must be able to frame it.
    // use_dynamic_url: pages see a per-browser-run URL, not the extension's id (no fingerprinting by probing it).
    web_accessible_resources: [{ resources: ['overlay.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    // Cross-origin isolation gives extension pages SharedArrayBuffer, which
    // onnxruntime-web needs for WASM threads; without it ORT silently runs on one thread.
    cross_origin_embedder_policy: { value: 'require-corp' },
    cross_origin_opener_policy: { value: 'same-origin' },
  },
  hooks: {
    // Ship ORT's runtime and the ONNX models as plain files: nothing is downloaded at run time.
    'build:publicAssets': (wxt, files) => {
      for (const file of ORT_RUNTIME_FILES) {
        const absoluteSrc = resolve(ortDist, file);
        if (!existsSync(absoluteSrc)) throw new Error(`Expected onnxruntime-web's ${file} at ${absoluteSrc}; is onnxruntime-web installed?`);
        files.push({ absoluteSrc, relativeDest: `${ORT_DIR}/${file}` });
      }
      const index = resolve(modelsSrc, 'models.json');
      if (!existsSync(index)) {
        wxt.logger.warn(`No ONNX models in ${modelsSrc}: run \`npm run models\` first (npm run build does). The extension will load but cannot analyse photos.`);
        return;
      }
      const indexText = readFileSync(index, 'utf8');
      const models = shippedModelFiles(indexText, readdirSync(modelsSrc), ENGINE_MODEL_FILES);
      const mb = models.reduce((n, f) => n + statSync(resolve(modelsSrc, f)).size, 0) / 1024 / 1024;
      wxt.logger.info(`Shipping ${models.length} ONNX models (${mb.toFixed(1)} MB): ${models.join(', ')}`);
      for (const file of models) files.push({ absoluteSrc: resolve(modelsSrc, file), relativeDest: `${MODELS_DIR}/${file}` });
      // Its entries for the shipped files only: the other models and precisions stay behind.
      files.push({ contents: shippedModelsJson(indexText, models), relativeDest: `${MODELS_DIR}/models.json` });
    },
  },
});
