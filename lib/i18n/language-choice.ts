/**
 * The shopper's choice of language, applied to a page: every extension page (popup,
 * overlay, fitting room, offscreen document) reads it before it shows words, so a choice
 * made in the fitting room holds in all of them. Store pages' Try on buttons cannot read
 * the extension's storage and follow the browser's language.
 */
import type { LanguageStore } from '../storage';
import type { Language, MessageKey } from './catalogues';
import { languageTag, setLanguage, t } from './translate';

/**
 * Reads the stored choice and speaks it from now on (the browser's language when there is
 * none, or when it cannot be read: words must still show). Marks the page's language on
 * `<html lang>` (fonts for Chinese are chosen by it) and sets its title.
 * @example await applyLanguageChoice(indexedDbLanguageStore(), 'page_title_room'); render(<FittingRoom />, root);
 */
export async function applyLanguageChoice(store: Pick<LanguageStore, 'load'>, title?: MessageKey): Promise<Language> {
  const choice = await store.load().catch((e: unknown) => {
    console.warn('Fitroom: the language choice could not be read:', e);
    return null;
  });
  const language = setLanguage(choice);
  markPage(title);
  return language;
}

/**
 * Stores the shopper's choice (null: the browser's language) and speaks it in this page now.
 * @example await chooseLanguage(store, 'en', 'page_title_room'); rerender();
 */
export async function chooseLanguage(store: LanguageStore, choice: Language | null, title?: MessageKey): Promise<Language> {
  await store.save(choice);
  const language = setLanguage(choice);
  markPage(title);
  return language;
}

function markPage(title?: MessageKey): void {
  if (typeof document === 'undefined') return; // the background's service worker has no page
  document.documentElement.lang = languageTag();
  if (title) document.title = t(title);
}
