/**
 * Everything the content script does on a store page: find the garment images,
 * put a Try on button on each (and on those that arrive later), and open the overlay
 * from a button or from the background's context menu.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage } from '../messaging';
import { watchGarmentImageCandidates } from './garment-image-watch';
import { createOverlayController } from './overlay-controller';
import { watchSizeChart } from './size-chart-watch';
import type { ShowTryOnRequest } from '../messaging';
import { createTryOnButtons } from './try-on-buttons';

/**
 * @example export default defineContentScript({ matches: ['<all_urls>'], main: (ctx) => startFitroom(ctx) });
 */
export function startFitroom(ctx: ContentScriptContext): void {
  const overlay = createOverlayController(ctx, {
    tryOn: (request) => sendMessage('bg.tryOn', request),
    openPortraitPage: () => sendMessage('bg.openPortraitPage'),
  });
  const charts = watchSizeChart(document);
  ctx.onInvalidated(() => charts.disconnect());
  // Size advice travels with every try-on: the recommended size's fit is the first one shown.
  const tryOn = (request: ShowTryOnRequest) => {
    overlay.setSizeAdvice(null);
    const advice = sendMessage('bg.sizeAdvice', { chart: charts.current() }).then((r) => (r.ok ? r.value : null), () => null);
    overlay.open(request, advice.then((a) => {
      overlay.setSizeAdvice(a);
      return a?.status === 'advice' ? a.sizes.find((s) => s.label === a.recommended)?.fit : undefined;
    }));
  };
  const buttons = createTryOnButtons(ctx, (c) => tryOn({ src: c.src, categoryHint: c.categoryHint }));

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
    onMessage('content.showTryOn', ({ data }) => tryOn(data)),
    onMessage('content.progress', ({ data }) => overlay.progress(data)),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => stop()));
}
