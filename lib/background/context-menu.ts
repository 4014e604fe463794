/**
 * "Try on with Fitroom" on any image's context menu: the click is handed to the
 * content script of that tab, which opens the overlay like its own Try on button.
 */
import { t } from '../i18n/translate';
import type { ShowTryOnRequest } from '../messaging';

export const CONTEXT_MENU_ID = 'fitroom-try-on';

/** The part of chrome.contextMenus this needs. */
export interface ContextMenusApi {
  create(properties: { id: string; title: string; contexts: ['image'] }, callback?: () => void): unknown;
}

/** What a click reports (chrome.contextMenus.OnClickData / tabs.Tab, the fields used). */
export interface MenuClick {
  menuItemId: string | number;
  srcUrl?: string;
}
export interface ClickedTab {
  id?: number;
}

/**
 * Adds the menu entry on images, titled in the current language (apply the shopper's
 * choice first). Call from runtime.onInstalled: entries persist.
 * `onDone` runs when Chrome has added it; read chrome.runtime.lastError there, since
 * re-creating after an update reports a duplicate id, which is harmless.
 * @example browser.runtime.onInstalled.addListener(() => createTryOnMenu(chrome.contextMenus, () => void chrome.runtime.lastError));
 */
export function createTryOnMenu(menus: ContextMenusApi, onDone?: () => void): void {
  menus.create({ id: CONTEXT_MENU_ID, title: t('menu_try_on'), contexts: ['image'] }, onDone);
}

/**
 * Gives the menu entry its title in the current language: after the shopper chose one in
 * the fitting room (an extension page may update the extension's own menu).
 * @example await retitleTryOnMenu(browser.contextMenus);
 */
export function retitleTryOnMenu(menus: { update(id: string, properties: { title: string }): Promise<void> }): Promise<void> {
  return menus.update(CONTEXT_MENU_ID, { title: t('menu_try_on') });
}

/**
 * Sends a click on our entry to the top frame of the tab (the overlay lives there,
 * even when the image is inside a frame). Returns what it sent, or null when the click
 * was not ours or had no image.
 * @example browser.contextMenus.onClicked.addListener((info, tab) => handleTryOnMenuClick(info, tab, showInTab));
 */
export async function handleTryOnMenuClick(
  info: MenuClick,
  tab: ClickedTab | undefined,
  showInTab: (tabId: number, request: ShowTryOnRequest) => Promise<void>,
): Promise<ShowTryOnRequest | null> {
  if (info.menuItemId !== CONTEXT_MENU_ID || !info.srcUrl || tab?.id == null || tab.id < 0) return null;
  const request: ShowTryOnRequest = { src: info.srcUrl };
  await showInTab(tab.id, request);
  return request;
}
