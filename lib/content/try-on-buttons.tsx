/**
 * The Try on buttons of a page: one per garment image, each in its own closed
 * shadow root (WXT's createShadowRootUi) attached to <html>, outside the page's
 * layout, and kept over its image's top-right corner as the page scrolls, resizes
 * or swaps gallery slides. The host element is the button's box and carries the
 * hooks tests and page watchers use (`data-fitroom="try-on"`, `data-fitroom-src`):
 * nothing in or on it is private (the image URL is the page's own).
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TryOnButton } from '@/components/TryOnButton';
import buttonCss from '@/components/try-on-button.css?inline';
import type { ImageCandidate } from '../page/index';
import { buttonAnchor, correctedOffset } from './button-placement';
import { clipRects } from './clip-rects';

/** Carousels often move slides with CSS transforms, which fire no event: re-check this often. */
const POLL_MS = 400;

interface Mounted {
  candidate: ImageCandidate;
  ui: ShadowRootContentScriptUi<HTMLElement> | null;
  offset: { left: number; top: number };
  removed: boolean;
}

export interface TryOnButtons {
  /** Adds buttons for new candidates, drops those whose image left the page; resolves once the new ones are on it. */
  sync(candidates: ImageCandidate[]): Promise<void>;
  /** Moves every button over its image now. */
  reposition(): void;
  readonly count: number;
  dispose(): void;
}

/**
 * @example
 *   const buttons = createTryOnButtons(ctx, (c) => overlay.open({ src: c.src, categoryHint: c.categoryHint }));
 *   buttons.sync(findGarmentImages(document, location.href));
 */
export function createTryOnButtons(ctx: ContentScriptContext, onTryOn: (candidate: ImageCandidate) => void): TryOnButtons {
  const mounted = new Map<Element, Mounted>();
  let frame = 0;

  const reposition = () => {
    frame = 0;
    for (const m of mounted.values()) placeButton(m);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(reposition);
  };
  const resizeObserver = new ResizeObserver(schedule);

  const mount = async (element: Element, candidate: ImageCandidate) => {
    const m: Mounted = { candidate, ui: null, offset: { left: 0, top: 0 }, removed: false };
    mounted.set(element, m);
    const ui = await createButtonUi(ctx, m, onTryOn);
    if (m.removed) return; // the image went away while the UI was being created
    // Page watchers skip our own elements by data-fitroom; tests find the button by both.
    ui.shadowHost.setAttribute('data-fitroom', 'try-on');
    ui.shadowHost.setAttribute('data-fitroom-src', candidate.src);
    m.ui = ui;
    ui.mount();
    resizeObserver.observe(element);
    placeButton(m);
  };

  const unmount = (element: Element) => {
    const m = mounted.get(element);
    if (!m) return;
    m.removed = true;
    m.ui?.remove();
    resizeObserver.unobserve(element);
    mounted.delete(element);
  };

  ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', schedule, { passive: true });
  ctx.setInterval(schedule, POLL_MS);

  const buttons: TryOnButtons = {
    sync(candidates) {
      const wanted = candidatesByElement(candidates);
      for (const element of [...mounted.keys()]) if (isStale(element, mounted.get(element)!, wanted)) unmount(element);
      const mounts: Promise<void>[] = [];
      for (const [element, c] of wanted) if (!mounted.has(element)) mounts.push(mount(element, c));
      return Promise.all(mounts).then(() => {});
    },
    reposition,
    get count() {
      return mounted.size;
    },
    dispose() {
      for (const element of [...mounted.keys()]) unmount(element);
      resizeObserver.disconnect();
      if (frame) cancelAnimationFrame(frame);
    },
  };
  ctx.onInvalidated(() => buttons.dispose());
  return buttons;
}

/** One candidate per image element, the first found (a page may list an image twice). */
function candidatesByElement(candidates: ImageCandidate[]): Map<Element, ImageCandidate> {
  const wanted = new Map<Element, ImageCandidate>();
  for (const c of candidates) if (c.element && !wanted.has(c.element)) wanted.set(c.element, c);
  return wanted;
}

/** A button whose image left the page, or whose image now shows another picture (a gallery swap: the button must try on the new one). */
function isStale(element: Element, m: Mounted, wanted: Map<Element, ImageCandidate>): boolean {
  const c = wanted.get(element);
  return !c || !element.isConnected || c.src !== m.candidate.src;
}

/** The button's shadow-root UI, not yet mounted: closed, on <html>, outside the page's layout. */
function createButtonUi(ctx: ContentScriptContext, m: Mounted, onTryOn: (candidate: ImageCandidate) => void): Promise<ShadowRootContentScriptUi<HTMLElement>> {
  const { src } = m.candidate;
  return createShadowRootUi<HTMLElement>(ctx, {
    name: 'fitroom-try-on',
    // Closed: a page script gets null for host.shadowRoot and cannot reach the button.
    mode: 'closed',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    css: buttonCss,
    onMount: (container) => {
      render(<TryOnButton src={src} onTryOn={() => onTryOn(m.candidate)} />, container);
      return container;
    },
    // Also runs when the extension is reloaded, possibly before `m.ui` is set.
    onRemove: (container) => container && render(null, container),
  });
}

/** Moves the button over its image's top-right corner, or hides it when that corner is out of sight. */
function placeButton(m: Mounted): void {
  if (!m.ui || !m.candidate.element) return;
  const host = m.ui.shadowHost;
  const r = m.candidate.element.getBoundingClientRect();
  const viewport = { left: 0, top: 0, width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
  const anchor = buttonAnchor({ left: r.left, top: r.top, width: r.width, height: r.height }, clipRects(m.candidate.element), viewport);
  if (!anchor) {
    host.setAttribute('data-hidden', '');
    return;
  }
  host.removeAttribute('data-hidden');
  const now = host.getBoundingClientRect();
  // The anchor is the button's top-right corner; the host's left edge is one button width left of it.
  const next = correctedOffset(m.offset, now, { x: anchor.x - now.width, y: anchor.y });
  if (Math.abs(next.left - m.offset.left) < 0.5 && Math.abs(next.top - m.offset.top) < 0.5) return;
  m.offset = next;
  host.style.setProperty('--fitroom-left', `${next.left}px`);
  host.style.setProperty('--fitroom-top', `${next.top}px`);
}
