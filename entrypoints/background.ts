/**
 * The service worker: the "Try on with Fitroom" context menu, the offscreen
 * document's lifecycle, garment downloads, overlay requests and message routing.
 * Logic lives in lib/background/; this file only wires it to the browser. Every
 * listener goes through the message guard (lib/message-guard/).
 */
import { browser } from 'wxt/browser';
import { backgroundHandlers } from '@/lib/background/handlers';
import { createTryOnMenu, handleTryOnMenuClick, type MenuClick, type ClickedTab } from '@/lib/background/context-menu';
import { offscreenDocumentKeeper, whenListening, type OffscreenApi } from '@/lib/background/offscreen-document';
import { overlayRequests } from '@/lib/background/overlay-requests';
import { progressRoutes } from '@/lib/background/progress-routes';
import { webRequestRedirectWatch, type WebRequestApi } from '@/lib/background/redirect-watch';
import { fetchImageBytes } from '@/lib/fetch-image';
import { listen, selfIdentity } from '@/lib/message-guard/guarded-listener';
import { sendMessage, type ShowTryOnRequest } from '@/lib/messaging';
import { applyLanguageChoice } from '@/lib/i18n/language-choice';
import { indexedDbLanguageStore, indexedDbLookStore, indexedDbPortraitStore } from '@/lib/storage';

export default defineBackground(() => {
  const portraitStore = indexedDbPortraitStore();
  const languages = indexedDbLanguageStore();
  // Runtime messages reach only the extension's own pages: never a store page or a content script.
  const progress = progressRoutes({
    toOverlay: (event) => sendMessage('overlay.progress', event),
    toPopup: (event) => sendMessage('popup.progress', event),
  });
  const watchRedirect = webRequestRedirectWatch(browser.webRequest as unknown as WebRequestApi, selfIdentity().origin);
  const handlers = backgroundHandlers({
    ensureOffscreen: offscreenDocumentKeeper(browser as unknown as OffscreenApi),
    fetchImage: (url) => fetchImageBytes(url, { watchRedirect }),
    offscreen: {
      analysePortrait: (r) => whenListening(() => sendMessage('offscreen.analysePortrait', r)),
      prepare: (r) => whenListening(() => sendMessage('offscreen.prepare', r)),
      tryOn: (r) => whenListening(() => sendMessage('offscreen.tryOn', r)),
      status: () => whenListening(() => sendMessage('offscreen.status')),
      warmUp: () => whenListening(() => sendMessage('offscreen.warmUp')),
      sizeAdvice: (r) => whenListening(() => sendMessage('offscreen.sizeAdvice', r)),
    },
    progress,
    hasPortrait: async () => (await portraitStore.loadSummary()) !== null,
    overlays: overlayRequests(),
    closeOverlayInTab: (tabId, ticket) => sendMessage('content.closeOverlay', ticket, { tabId, frameId: 0 }),
    looks: indexedDbLookStore(),
  });

  // The sender kinds are checked by the guard; tabId is there for content scripts and overlay frames.
  listen('bg.analysePortrait', (data) => handlers.analysePortrait(data));
  listen('bg.tryOn', (data) => handlers.tryOn(data));
  listen('bg.status', () => handlers.status());
  listen('bg.sizeAdvice', (data) => handlers.sizeAdvice(data));
  listen('bg.saveLook', (data) => handlers.saveLook(data));
  listen('bg.language', () => languages.load().catch(() => null));
  listen('bg.progress', (data) => void handlers.progress(data));
  listen('bg.openOverlay', (data, from) => handlers.openOverlay(data, from.tabId!));
  listen('bg.overlayRequest', (data, from) => handlers.overlayRequest(data, from.tabId!));
  listen('bg.closeOverlay', (data, from) => void handlers.closeOverlay(data, from.tabId!).catch(() => {}));
  listen('bg.warmUp', () => void handlers.warmUp().catch((e) => console.warn('Fitroom: warm-up failed:', e)));
  listen('bg.warmUpForPortrait', () => void handlers.warmUpForPortrait().catch((e) => console.warn('Fitroom: warm-up failed:', e)));

  const showInTab = (tabId: number, request: ShowTryOnRequest) => sendMessage('content.showTryOn', request, { tabId, frameId: 0 });
  const onMenuClick = (info: MenuClick, tab?: ClickedTab) => handleTryOnMenuClick(info, tab, showInTab);
  // Titled in the shopper's chosen language if there is one, else the browser's.
  browser.runtime.onInstalled.addListener(() => void applyLanguageChoice(languages).then(() => createTryOnMenu(browser.contextMenus, () => void browser.runtime.lastError)));
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab).catch((e) => console.warn('Fitroom: the context menu click could not reach the page:', e)));

  // Test hook: Playwright cannot click a native context menu, so the end-to-end test calls
  // this with the same OnClickData a click produces (see tests/e2e). Only the extension's
  // own contexts can reach the service worker's globals.
  (globalThis as { fitroomContextMenuClick?: typeof onMenuClick }).fitroomContextMenuClick = onMenuClick;
});
