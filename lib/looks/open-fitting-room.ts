/**
 * Opening the fitting room page in a tab. It is an extension page that no store page can
 * frame or open (it is not web-accessible), so only the extension's own pages open it.
 */
import { browser } from 'wxt/browser';

/** The fitting room's path in the built extension (entrypoints/fitting-room/). */
export const FITTING_ROOM_PAGE = '/fitting-room.html';

/**
 * @example <button onClick={openFittingRoom}>Open fitting room</button>
 */
export function openFittingRoom(): void {
  // tabs.create needs no permission for the extension's own pages.
  void browser.tabs.create({ url: browser.runtime.getURL(FITTING_ROOM_PAGE) });
}
