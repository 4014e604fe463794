/**
 * Everything the content script does on a store page: find the garment images,
 * put a Try on button on each (and on those that arrive later), and open the overlay
 * from a button or from the background's context menu.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage } from '../messaging';
import { watchGarmentImageCandidates } from './garment-image-watch';
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
  const stopWatching = watchGarmentImageCandidates(document, () => location.href, (candidates) => {
    buttons.sync(candidates);
    // A garment page: have the engine ready before the shopper clicks (a no-op without a portrait).
    if (!warmed && buttons.count > 0) {
      warmed = true;
      void sendMessage('bg.warmUp').catch(() => {});
    }
  });
  ctx.onInvalidated(stopWatching);

  const stops = [
    onMessage('content.showTryOn', ({ data }) => overlay.open(data)),
    onMessage('content.progress', ({ data }) => overlay.progress(data)),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => stop()));
}
