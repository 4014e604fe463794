/**
 * The service worker: the "Try on with Fitroom" context menu, the offscreen
 * document's lifecycle, garment downloads and message routing. Logic lives in
 * lib/background/; this file only wires it to the browser.
 */
import { browser } from 'wxt/browser';
import { backgroundHandlers } from '@/lib/background/handlers';
import { createTryOnMenu, handleTryOnMenuClick, type MenuClick, type ClickedTab } from '@/lib/background/context-menu';
import { offscreenDocumentKeeper, whenListening, type OffscreenApi } from '@/lib/background/offscreen-document';
import { progressRoutes } from '@/lib/background/progress-routes';
import { fetchImageBytes } from '@/lib/fetch-image';
import { onMessage, sendMessage, type ShowTryOnRequest } from '@/lib/messaging';
import { indexedDbPortraitStore } from '@/lib/storage';

export default defineBackground(() => {
  const portraitStore = indexedDbPortraitStore();
  const progress = progressRoutes({
    toTab: (tabId, event) => sendMessage('content.progress', event, { tabId, frameId: 0 }),
    toPopup: (event) => sendMessage('popup.progress', event),
  });
  const handlers = backgroundHandlers({
    ensureOffscreen: offscreenDocumentKeeper(browser as unknown as OffscreenApi),
    fetchImage: (url) => fetchImageBytes(url),
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
  });

  onMessage('bg.analysePortrait', ({ data }) => handlers.analysePortrait(data));
  onMessage('bg.tryOn', ({ data, sender }) => handlers.tryOn(data, sender.tab?.id));
  onMessage('bg.status', () => handlers.status());
  onMessage('bg.sizeAdvice', ({ data }) => handlers.sizeAdvice(data));
  onMessage('bg.progress', ({ data }) => void handlers.progress(data));
  onMessage('bg.warmUp', () => void handlers.warmUp().catch((e) => console.warn('Fitroom: warm-up failed:', e)));
  onMessage('bg.warmUpForPortrait', () => void handlers.warmUpForPortrait().catch((e) => console.warn('Fitroom: warm-up failed:', e)));
  onMessage('bg.openPortraitPage', () => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));

  const showInTab = (tabId: number, request: ShowTryOnRequest) => sendMessage('content.showTryOn', request, { tabId, frameId: 0 });
  const onMenuClick = (info: MenuClick, tab?: ClickedTab) => handleTryOnMenuClick(info, tab, showInTab);
  browser.runtime.onInstalled.addListener(() => createTryOnMenu(browser.contextMenus, () => void browser.runtime.lastError));
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab).catch((e) => console.warn('Fitroom: the context menu click could not reach the page:', e)));

  // Test hook: Playwright cannot click a native context menu, so the end-to-end test calls
  // this with the same OnClickData a click produces (see tests/e2e). Only the extension's
  // own contexts can reach the service worker's globals.
  (globalThis as { fitroomContextMenuClick?: typeof onMenuClick }).fitroomContextMenuClick = onMenuClick;
});
