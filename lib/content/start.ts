/**
 * Everything the content script does on a store page: find the garment images,
 * put a Try on button on each (and on those that arrive later), and open the overlay
 * frame from a button's trusted click or from the background's context menu. It
 * never sees the shopper's photo or a result: those stay in extension pages.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listen } from '../message-guard/guarded-listener';
import { sendMessage, type ShowTryOnRequest } from '../messaging';
import { watchGarmentImageCandidates } from './garment-image-watch';
import { createOverlayFrame } from './overlay-frame';
import { watchSizeChart } from './size-chart-watch';
import { createTryOnButtons } from './try-on-buttons';

/**
 * @example export default defineContentScript({ matches: ['<all_urls>'], main: (ctx) => startFitroom(ctx) });
 */
export function startFitroom(ctx: ContentScriptContext): void {
  const overlay = createOverlayFrame(ctx, { register: (request) => sendMessage('bg.openOverlay', request) });
  const charts = watchSizeChart(document);
  ctx.onInvalidated(() => charts.disconnect());
  // The page's size chart goes with the request: the overlay advises a size from it.
  const tryOn = (request: ShowTryOnRequest) => {
    const opened = overlay.open({ ...request, chart: charts.current(), clickedAt: Date.now() });
    opened.catch((e) => console.warn('Fitroom: the try-on could not open:', e));
  };
  const buttons = createTryOnButtons(ctx, (c) => tryOn(c.categoryHint ? { src: c.src, categoryHint: c.categoryHint } : { src: c.src }));

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
    // The context menu is the browser's own UI: a click there is the shopper's.
    listen('content.showTryOn', (request) => tryOn(request)),
    listen('content.closeOverlay', (ticket) => overlay.close(ticket)),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => stop()));
}
