/**
 * The overlay page, in an iframe the content script puts over a store page. It learns
 * which garment to try on from the background (by the id in its URL's fragment), and
 * receives the result and the portrait itself: they are drawn here, on the extension's
 * origin, where the store page cannot read them. The flow is in lib/overlay/.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Overlay } from '@/components/overlay/Overlay';
import { SaveLook } from '@/components/overlay/SaveLook';
import { openFittingRoom } from '@/lib/looks/open-fitting-room';
import { listen } from '@/lib/message-guard/guarded-listener';
import { sendMessage } from '@/lib/messaging';
import { createOverlayController, type OverlayView } from '@/lib/overlay/overlay-controller';
import { sizeOnShow } from '@/lib/overlay/size-on-show';
import { applyLanguageChoice } from '@/lib/i18n/language-choice';
import '@/components/overlay/overlay.css';
import './style.css';

const ticket = { overlayId: location.hash.slice(1) };
const root = document.getElementById('app')!;

const overlay = createOverlayController({
  ticket,
  overlayRequest: (t) => sendMessage('bg.overlayRequest', t),
  sizeAdvice: (r) => sendMessage('bg.sizeAdvice', r),
  tryOn: (r) => sendMessage('bg.tryOn', r),
  // Asked after the current event loop turn (setTimeout 0), so the click or key press that
  // closes is handled to its end before this frame is removed (removed during it, Chromium
  // can lose the event's acknowledgement).
  close: (t) => new Promise((resolve) => setTimeout(resolve, 0)).then(() => sendMessage('bg.closeOverlay', t)),
  // An extension page may open the popup page itself, in a tab beside the store.
  openPortraitPage: () => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }),
  paint,
});

function paint(view: OverlayView) {
  render(
    <Overlay
      state={view.state}
      onClose={overlay.close}
      onRetry={overlay.retry}
      onAddPortrait={overlay.addPortrait}
      onResultShown={overlay.resultShown}
      sizeAdvice={view.sizeAdvice}
      chosenSize={view.chosenSize}
      onChooseSize={overlay.chooseSize}
      elapsedMs={view.elapsedMs}
      variants={view.variants}
      garmentSrc={view.garmentSrc}
      onChooseVariant={overlay.chooseVariant}
      onChooseKind={overlay.chooseKind}
      actions={<SaveLook state={view.state} product={view.product} size={sizeOnShow(view)} save={(r) => sendMessage('bg.saveLook', r)} openFittingRoom={openFittingRoom} />}
    />,
    root,
  );
}

// Only this frame's own job's events change it (the reducer ignores other jobs').
listen('overlay.progress', (event) => overlay.progress(event));
addEventListener('keydown', (e) => {
  if (e.key === 'Escape') overlay.close();
});
// The words are in the shopper's language from the first paint.
// Asked of the background: this frame, inside a store page, has partitioned storage.
void applyLanguageChoice({ load: () => sendMessage('bg.language') }, 'page_title_overlay').then(() => overlay.start());
