/**
 * Who sent a message, as the browser reports it (runtime.MessageSender), and who may
 * send each message type. The browser fills `sender` itself: a page cannot forge its
 * `id`, `url` or `tab`. Our contexts are told apart by their URL:
 * - the service worker, the offscreen document, the popup, the fitting room and the overlay
 *   are pages of the extension's own origin (`chrome-extension://<id>/background.js`,
 *   `/offscreen.html`, …);
 * - the content script runs in a store's tab, with that page's URL, in its top frame.
 * Anything else (another extension, an extension page we do not have, a content
 * script in a sub-frame) is foreign.
 */
import type { ProtocolMap } from '../messaging';

export type SenderKind = 'background' | 'offscreen' | 'popup' | 'fitting-room' | 'overlay' | 'content';

/** The fields of runtime.MessageSender this reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** This extension: its id, and its pages' origin (`chrome-extension://<id>`). */
export interface SelfIdentity {
  id: string;
  origin: string;
}

export interface KnownSender {
  kind: SenderKind;
  /** The tab of a content script, or of an overlay frame (an extension page inside a tab). */
  tabId?: number;
}

/** Our pages by path. */
export const PAGE_KINDS: Readonly<Record<string, SenderKind>> = {
  '/background.js': 'background',
  '/offscreen.html': 'offscreen',
  '/popup.html': 'popup',
  '/fitting-room.html': 'fitting-room',
  '/overlay.html': 'overlay',
};

/** Who may send each message type. */
export const ALLOWED_SENDERS = {
  // The fitting room manages the portrait as the popup does.
  'bg.analysePortrait': ['popup', 'fitting-room'],
  'bg.tryOn': ['overlay'],
  'bg.status': ['popup'],
  'bg.progress': ['offscreen'],
  'bg.openOverlay': ['content'],
  'bg.overlayRequest': ['overlay'],
  'bg.closeOverlay': ['overlay'],
  'bg.warmUp': ['content'],
  'bg.warmUpForPortrait': ['popup', 'fitting-room'],
  'bg.sizeAdvice': ['overlay'],
  'bg.saveLook': ['overlay'],
  // Not the content script: a store page has no need of the shopper's choice.
  'bg.language': ['overlay'],
  'offscreen.analysePortrait': ['background'],
  'offscreen.prepare': ['background'],
  'offscreen.tryOn': ['background'],
  'offscreen.status': ['background'],
  'offscreen.warmUp': ['background'],
  'offscreen.sizeAdvice': ['background'],
  'content.showTryOn': ['background'],
  'content.closeOverlay': ['background'],
  'popup.progress': ['background'],
  'overlay.progress': ['background'],
} as const satisfies { [K in keyof ProtocolMap]: readonly SenderKind[] };

/**
 * Which of our contexts sent a message, or null for anyone else.
 * @example
 *   const self = { id: 'abc', origin: 'chrome-extension://abc' };
 *   identifySender({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, self) // { kind: 'popup' }
 *   identifySender({ id: 'abc', url: 'https://shop.example/p', tab: { id: 4 }, frameId: 0 }, self) // { kind: 'content', tabId: 4 }
 *   identifySender({ id: 'other', url: 'chrome-extension://other/popup.html' }, self) // null
 */
export function identifySender(sender: SenderLike | undefined, self: SelfIdentity): KnownSender | null {
  if (!sender || sender.id !== self.id || typeof sender.url !== 'string') return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  const tabId = typeof sender.tab?.id === 'number' && sender.tab.id >= 0 ? sender.tab.id : undefined;
  // Not url.origin: for a chrome-extension: URL it is 'null' outside the browser.
  if (`${url.protocol}//${url.host}` === self.origin) {
    const kind = Object.hasOwn(PAGE_KINDS, url.pathname) ? PAGE_KINDS[url.pathname] : undefined;
    if (!kind) return null;
    // The overlay lives only inside a tab; the others never need one to be told apart.
    if (kind === 'overlay' && tabId === undefined) return null;
    return tabId === undefined ? { kind } : { kind, tabId };
  }
  // A content script: in a tab, in its top frame (ours does not run in sub-frames), on a web page.
  if (tabId !== undefined && sender.frameId === 0 && /^(https?|file):$/.test(url.protocol)) return { kind: 'content', tabId };
  return null;
}

/**
 * Whether this sender may send this message type.
 * @example senderAllowed('bg.tryOn', { kind: 'content', tabId: 4 }) // false: only the overlay asks for try-ons
 */
export function senderAllowed(type: keyof ProtocolMap, sender: KnownSender): boolean {
  return (ALLOWED_SENDERS[type] as readonly SenderKind[]).includes(sender.kind);
}
