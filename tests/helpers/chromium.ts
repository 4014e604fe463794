/**
 * Launching Debian's Chromium with the built extension, as GUIDE section 3 says,
 * and talking to the extension from the test.
 *
 * Without /usr/bin/chromium the end-to-end tests are skipped with a message,
 * except under CI=true, where that is a failure. A build without the engine's models
 * is always a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page, type Worker } from 'playwright-core';
import { DEFAULT_PRECISION, MODEL_FILES } from '../../lib/engine/engine';
import { MODELS_DIR } from '../../lib/runtime-files';
import { FIXTURE_DOMAIN } from './static-server';

export const chromiumPath = process.env.FITROOM_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);
const projectRoot = resolve(import.meta.dirname, '..', '..');
export const extensionDir = resolve(projectRoot, '.output/chrome-mv3');
export const artefactsDir = resolve(projectRoot, 'test-results/e2e');

if (!haveChromium) {
  const msg = `Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set FITROOM_CHROMIUM).`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`${msg} The end-to-end tests are skipped.`);
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** URL of an extension page, e.g. extensionUrl('popup.html'). */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * Longest any single Playwright action or wait may take (ms): the slowest real step, a first
 * try-on that loads the models, is done in under 10 s on these two-core machines.
 */
const ACTION_TIMEOUT_MS = 30_000;
/** The model files the engine loads, which the build must ship (as wxt.config.ts picks them). */
const ENGINE_MODEL_FILES = Object.values(MODEL_FILES).map((name) => `${name}.${DEFAULT_PRECISION}.onnx`);

/**
 * Starts Chromium with the built extension loaded and waits for its service worker.
 * `extraArgs` are added to Chromium's command line (e.g. a fake camera); `env` to its
 * environment (on Linux the browser's own language, chrome.i18n's, comes from LANGUAGE).
 * @throws Error when the extension has not been built (`npm run build`), or was built without its models.
 * @example const browser = await launchWithExtension(); const page = await browser.context.newPage();
 */
export async function launchWithExtension(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`Expected the built extension at ${extensionDir}: run \`npm run build\` (npm test does) before the end-to-end tests.`);
  }
  const modelsDir = join(extensionDir, MODELS_DIR);
  const missing = ENGINE_MODEL_FILES.filter((file) => !existsSync(join(modelsDir, file)));
  if (missing.length > 0) {
    throw new Error(`Expected the engine's models ${missing.join(', ')} in ${modelsDir}, but the extension was built without them: run \`npm run build\` (npm test does), which converts them first.`);
  }
  const userDir = mkdtempSync(join(tmpdir(), 'fitroom-e2e-'));
  const context = await chromium.launchPersistentContext(userDir, {
    headless: true,
    executablePath: chromiumPath,
    ...(Object.keys(env).length ? { env: { ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>), ...env } } : {}),
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu',
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      // The fixture servers listen on 127.0.0.1, which the extension refuses to download from
      // (a private address); by these names they look like a store and its CDN, as in the wild.
      `--host-resolver-rules=MAP *.${FIXTURE_DOMAIN} 127.0.0.1`,
      ...extraArgs,
    ],
  });
  // No Playwright call may wait forever: one that hangs fails in ACTION_TIMEOUT_MS, naming the
  // call, and the test can be run again (vitest.config.ts) instead of timing out unexplained.
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    close: async () => {
      await context.close();
      rmSync(userDir, { recursive: true, force: true });
    },
  };
}

/**
 * Sends a message in @webext-core/messaging's format from an extension page (or an
 * extension frame, such as the overlay) and returns the listener's reply (the `res` of
 * its `{ res } | { err }` envelope).
 * @example const status = await sendExtensionMessage(popupPage, 'bg.status');
 */
export async function sendExtensionMessage<T = unknown>(extensionPage: Page | Frame, type: string, data?: unknown): Promise<T> {
  return extensionPage.evaluate(
    async ([type, data]) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const reply = (await runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() })) as { res?: unknown; err?: { message?: string } };
      if (reply?.err) throw new Error(`${type} failed: ${reply.err.message ?? JSON.stringify(reply.err)}`);
      return reply?.res as never;
    },
    [type, data] as const,
  );
}

/** The overlay's iframe on a store page (an extension page: its content is reachable from the test, not from the page). */
export const overlayFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-fitroom="overlay-frame"]');

/**
 * The overlay's iframe as a Playwright Frame, to evaluate in it, once it exists.
 * @example await sendExtensionMessage(await overlayFrameOf(page), 'bg.tryOn', request);
 */
export async function overlayFrameOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[data-fitroom="overlay-frame"]', { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('Expected the overlay iframe to have a frame.');
  return frame;
}

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string };
}

/**
 * How many scans of `page` the content script has finished (its garment images found,
 * their Try on buttons in place), 0 before the first: `fitroomScans` on the content
 * script's own global (lib/content/start.ts). It lives in the extension's isolated world,
 * which the page cannot see, so it is read through the DevTools protocol.
 * @example await expect.poll(() => contentScriptScans(page)).toBeGreaterThan(0); // then the buttons are final
 */
export async function contentScriptScans(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) => contexts.push(e.context));
    // Enabling reports every context that already exists, before it returns.
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.startsWith('chrome-extension://'));
    if (!world) return 0;
    const { result } = (await cdp.send('Runtime.evaluate', { expression: 'globalThis.fitroomScans ?? 0', contextId: world.id, returnByValue: true })) as { result: { value?: unknown } };
    return typeof result.value === 'number' ? result.value : 0;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
