/**
 * The try-on requests waiting for their overlay frame. A trusted click in a page
 * makes the content script register a request here and mount the overlay page with
 * the id it gets back; the overlay page, an extension frame of the same tab, claims
 * it once. The request never passes through the frame's URL: the id alone is in the
 * page's DOM, and it is worth nothing to another tab or a second claimant.
 */
import type { OverlayRequest } from '../messaging';

/** A frame that has not asked within this time never will (the tab closed, the page navigated). */
export const OVERLAY_CLAIM_MS = 60_000;
/** At most this many unclaimed requests are kept: a page cannot grow the service worker's memory. */
export const MAX_WAITING_OVERLAYS = 16;

interface Waiting {
  tabId: number;
  request: OverlayRequest;
  at: number;
}

export interface OverlayRequests {
  /** Keeps `request` for an overlay frame in tab `tabId`; returns the overlay's id. */
  register(tabId: number, request: OverlayRequest): string;
  /** The request, once, to a frame in the same tab; null for an unknown, claimed, expired or other tab's id. */
  claim(overlayId: string, tabId: number): OverlayRequest | null;
  readonly size: number;
}

/**
 * @example
 *   const overlays = overlayRequests();
 *   const id = overlays.register(7, { src, chart: null, clickedAt: Date.now() });
 *   overlays.claim(id, 7); // the request
 *   overlays.claim(id, 7); // null: claimed already
 */
export function overlayRequests(options: { now?: () => number; newId?: () => string } = {}): OverlayRequests {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const waiting = new Map<string, Waiting>();
  const prune = () => {
    for (const [id, w] of waiting) if (now() - w.at > OVERLAY_CLAIM_MS) waiting.delete(id);
    // Oldest first: a Map iterates in insertion order.
    while (waiting.size > MAX_WAITING_OVERLAYS) waiting.delete(waiting.keys().next().value!);
  };
  return {
    register(tabId, request) {
      const id = newId();
      waiting.set(id, { tabId, request, at: now() });
      prune();
      return id;
    },
    claim(overlayId, tabId) {
      prune();
      const w = waiting.get(overlayId);
      if (!w || w.tabId !== tabId) return null;
      waiting.delete(overlayId);
      return w.request;
    },
    get size() {
      return waiting.size;
    },
  };
}
