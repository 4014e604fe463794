/**
 * The try-on overlay as seen from the store page: an <iframe> of the extension's
 * overlay page (WXT's createIframeUi), covering the window. Its document is on the
 * extension's origin, so the page's scripts cannot read it, draw it or reach into it;
 * the result and the portrait are rendered only there. The content script holds no
 * picture: it registers the request with the background (a trusted click's), mounts
 * the frame with the overlay's id, and removes it when asked or on Esc.
 */
import { browser } from 'wxt/browser';
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OverlayRequest, OverlayTicket } from '../messaging';

export const OVERLAY_PAGE = '/overlay.html';

/** Above everything a page stacks (the largest z-index there is). */
const TOP_LAYER = 2147483647;

/**
 * Styles on the iframe that the page's stylesheets cannot override: inline and !important.
 * Transparent, so the overlay page's own dimmed backdrop shows the store behind it.
 */
const FRAME_STYLE: Record<string, string> = {
  position: 'fixed', inset: '0', width: '100vw', height: '100vh', margin: '0', padding: '0', border: '0',
  'max-width': 'none', 'max-height': 'none', display: 'block', visibility: 'visible', opacity: '1',
  'z-index': String(TOP_LAYER), background: 'transparent', 'color-scheme': 'light', transform: 'none', filter: 'none',
};

export interface OverlayFrameDeps {
  /** Registers the request with the background; the answer names the overlay. */
  register(request: OverlayRequest): Promise<OverlayTicket>;
}

export interface OverlayFrame {
  /** Closes any open overlay and opens one for `request`. */
  open(request: OverlayRequest): Promise<void>;
  /** Removes the overlay; with a ticket, only if it is that overlay (a late close must not shut a newer one). */
  close(ticket?: OverlayTicket): void;
  readonly isOpen: boolean;
}

/**
 * @example
 *   const frame = createOverlayFrame(ctx, { register: (r) => sendMessage('bg.openOverlay', r) });
 *   await frame.open({ src: 'https://cdn.shop.example/shirt.jpg', chart: null, clickedAt: Date.now() });
 */
export function createOverlayFrame(ctx: ContentScriptContext, deps: OverlayFrameDeps): OverlayFrame {
  let current: { ui: IframeContentScriptUi<void>; overlayId: string } | null = null;
  // Where focus was before the overlay took it, to give it back on close.
  let returnFocus: HTMLElement | null = null;

  const frame: OverlayFrame = {
    async open(request) {
      const { overlayId } = await deps.register(request);
      frame.close();
      returnFocus ??= document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const ui = createIframeUi<void>(ctx, {
        page: OVERLAY_PAGE,
        position: 'inline',
        anchor: 'html',
        append: 'last',
        onBeforeMount: (wrapper, iframe) => {
          // The id goes in the fragment: the page sees it, but it is only good for a frame of this tab, once.
          iframe.src = `${browser.runtime.getURL(OVERLAY_PAGE)}#${overlayId}`;
          iframe.title = 'Fitroom try-on';
          iframe.setAttribute('data-fitroom', 'overlay-frame');
          wrapper.setAttribute('data-fitroom', 'overlay'); // page watchers skip our own elements by this
          // The page's rules on divs or [data-fitroom] (opacity: 0, display: none) must not hide or move it.
          wrapper.style.setProperty('all', 'initial', 'important');
          wrapper.style.setProperty('display', 'block', 'important');
          for (const [k, v] of Object.entries(FRAME_STYLE)) iframe.style.setProperty(k, v, 'important');
          iframe.addEventListener('load', () => iframe.focus(), { once: true }); // keyboard users land in the dialog
        },
      });
      ui.mount();
      current = { ui, overlayId };
    },
    close(ticket) {
      if (!current || (ticket && ticket.overlayId !== current.overlayId)) return;
      current.ui.remove();
      current = null;
      returnFocus?.focus({ preventScroll: true });
      returnFocus = null;
    },
    get isOpen() {
      return current !== null;
    },
  };

  // Esc while focus is still on the page; inside the frame the overlay page handles it.
  ctx.addEventListener(window, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Escape' && current && e.isTrusted) {
      e.stopPropagation();
      frame.close();
    }
  }, { capture: true });
  return frame;
}
