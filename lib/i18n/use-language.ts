/**
 * The fitting room's language switch as a Preact hook: the language spoken now, and a
 * choice that is stored (so the popup, the overlay and the offscreen document speak it
 * too) and re-renders this page in it at once.
 */
import { useState } from 'preact/hooks';
import type { LanguageStore } from '../storage';
import type { Language, MessageKey } from './catalogues';
import { chooseLanguage } from './language-choice';
import { currentLanguage } from './translate';

export interface LanguageControls {
  language: Language;
  choose(language: Language): Promise<void>;
}

/**
 * @example const { language, choose } = useLanguage(indexedDbLanguageStore(), 'page_title_room', retitleMenu);
 */
export function useLanguage(store: LanguageStore, title: MessageKey, onChosen?: () => void): LanguageControls {
  const [language, setState] = useState<Language>(currentLanguage());
  return {
    language,
    async choose(next) {
      setState(await chooseLanguage(store, next, title));
      onChosen?.();
    },
  };
}
