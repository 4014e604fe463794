/**
 * Everything the content script does on a store page: find the garment images,
 * put a Try on button on each (and on those that arrive later), and open the overlay
 * frame from a button's trusted click or from the background's context menu. It
 * never sees the shopper's photo or a result: those stay in extension pages.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listen } from '../message-guard/guarded-listener';
import { sendMessage, type ShowTryOnRequest } from '../messaging';
import { readColourVariants } from '../page/colour-variants';
import { readProductListing } from '../page/product-listing';
import { watchGarmentImageCandidates } from './garment-image-watch';
import { createOverlayFrame } from './overlay-frame';
import { watchSizeChart } from './size-chart-watch';
import { createTryOnButtons } from './try-on-buttons';

/**
 * How many scans of the page have finished: its garment images found and the Try on
 * buttons for them in place (none on a page that sells something else). End-to-end tests
 * wait for it instead of for a fixed time (`contentScriptScans` in tests/helpers/chromium.ts).
 * It is a property of the content script's own global, in its isolated world: the page's
 * scripts can neither read nor set it, so it tells the page nothing, not even that Fitroom
 * is installed, and nothing of the shopper is in it.
 */
function markScanned(scans: number): void {
  (globalThis as { fitroomScans?: number }).fitroomScans = scans;
}

/**
 * @example export default defineContentScript({ matches: ['<all_urls>'], main: (ctx) => startFitroom(ctx) });
 */
export function startFitroom(ctx: ContentScriptContext): void {
  const overlay = createOverlayFrame(ctx, { register: (request) => sendMessage('bg.openOverlay', request) });
  const charts = watchSizeChart(document);
  ctx.onInvalidated(() => charts.disconnect());
  // The page's size chart and colours go with the request: the overlay advises a size and offers the
  // colours. So do the product's title, price, page and store, read now (a variant switch may change
  // them): a saved look keeps them, whichever colour the shopper then picks in the overlay.
  const tryOn = (request: ShowTryOnRequest) => {
    const product = readProductListing(document, location.href);
    const variants = readColourVariants(document, location.href);
    const opened = overlay.open({ ...request, chart: charts.current(), variants, clickedAt: Date.now(), ...(product ? { product } : {}) });
    opened.catch((e) => console.warn('Fitroom: the try-on could not open:', e));
  };
  const buttons = createTryOnButtons(ctx, (c) => tryOn(c.categoryHint ? { src: c.src, categoryHint: c.categoryHint } : { src: c.src }));

  let warmed = false;
  let scans = 0;
  let placed: Promise<unknown> = Promise.resolve();
  const stopWatching = watchGarmentImageCandidates(document, () => location.href, (candidates) => {
    const scan = ++scans;
    const mounted = buttons.sync(candidates).catch((e) => console.warn('Fitroom: a Try on button could not be added:', e));
    // In scan order, so the count only says a scan is done once those before it are too.
    placed = Promise.all([placed, mounted]).then(() => markScanned(scan));
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
