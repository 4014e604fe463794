/**
 * Everything the content script does on a store page: find the garment images,
 * put a Try on button on each (and on those that arrive later), and open the overlay
 * from a button or from the background's context menu.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage } from '../messaging';
import { findGarmentImages, observeGarmentImages } from '../page-placeholder';
import { createOverlayController } from './overlay-controller';
import { createTryOnButtons } from './try-on-buttons';

/**
 * @example export default defineContentScript({ matches: ['<all_urls>'], main: (ctx) => startFitroom(ctx) });
 */
export function startFitroom(ctx: ContentScriptContext): void {
  const overlay = createOverlayController(ctx, {
    tryOn: (request) => sendMessage('bg.tryOn', request),
    openPortraitPage: () => sendMessage('bg.openPortraitPage'),
  });
  const buttons = createTryOnButtons(ctx, (c) => overlay.open({ src: c.src, categoryHint: c.categoryHint }));

  let warmed = false;
  const refresh = () => {
    buttons.sync(findGarmentImages(document, location.href));
    // A garment page: have the engine ready before the shopper clicks (a no-op without a portrait).
    if (!warmed && buttons.count > 0) {
      warmed = true;
      void sendMessage('bg.warmUp').catch(() => {});
    }
  };
  refresh();
  ctx.onInvalidated(observeGarmentImages(document.documentElement, refresh));

  const stops = [
    onMessage('content.showTryOn', ({ data }) => overlay.open(data)),
    onMessage('content.progress', ({ data }) => overlay.progress(data)),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => stop()));
}
