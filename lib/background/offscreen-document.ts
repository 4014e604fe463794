/**
 * Keeps the one offscreen document alive. onnxruntime-web cannot run in the
 * service worker (dynamic import() is forbidden there), so inference happens in an
 * offscreen document; Chrome allows one per extension, so look before creating.
 */

/** The part of the extension API this needs (chrome.runtime / chrome.offscreen). */
export interface OffscreenApi {
  runtime: {
    getURL(path: string): string;
    getContexts(filter: { contextTypes?: string[]; documentUrls?: string[] }): Promise<unknown[]>;
  };
  offscreen: {
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  };
}

export const OFFSCREEN_PATH = '/offscreen.html';

/**
 * WORKERS: onnxruntime-web runs its WebAssembly kernels on worker threads, which a
 * service worker cannot start; the document exists only to host them and the engine.
 */
export const OFFSCREEN_REASONS = ['WORKERS'];
export const OFFSCREEN_JUSTIFICATION = 'Runs the on-device try-on models (onnxruntime-web with WebAssembly worker threads), which a service worker cannot host.';

/**
 * Returns `ensure()`, which resolves once the offscreen document exists, creating it
 * only if `runtime.getContexts` finds none; concurrent callers share one creation.
 * @example
 *   const ensureOffscreen = offscreenDocumentKeeper(browser as unknown as OffscreenApi);
 *   await ensureOffscreen();
 *   await sendMessage('offscreen.status');
 */
export function offscreenDocumentKeeper(api: OffscreenApi, path = OFFSCREEN_PATH): () => Promise<void> {
  let creating: Promise<void> | null = null;
  const url = api.runtime.getURL(path);
  return async () => {
    if (creating) return creating;
    const existing = await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (existing.length > 0) return;
    creating = api.offscreen
      .createDocument({ url, reasons: OFFSCREEN_REASONS, justification: OFFSCREEN_JUSTIFICATION })
      .catch((e: Error) => {
        // Another context may have won the race; that is fine, anything else is not.
        if (!/single offscreen/i.test(e.message)) throw e;
      })
      .finally(() => { creating = null; });
    return creating;
  };
}

/** What Chrome says when a message reaches no listener: the document's scripts are still loading. */
const NOT_LISTENING = /message port closed before a response|receiving end does not exist/i;

/**
 * Sends to the offscreen document, again while it does not listen yet: a document
 * just created (here or by a concurrent warm-up) exists before its scripts have
 * registered their listeners, and a message then reaches none. Other errors are thrown.
 * @example const status = await whenListening(() => sendMessage('offscreen.status'));
 */
export async function whenListening<T>(send: () => Promise<T>, tries = 40, waitMs = 50): Promise<T> {
  for (let k = 1; ; k++) {
    try {
      return await send();
    } catch (e) {
      if (k >= tries || !NOT_LISTENING.test((e as Error)?.message ?? '')) throw e;
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}
