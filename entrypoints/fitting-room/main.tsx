/** The fitting room page: the portrait and the saved looks (components/fitting-room/), in the shopper's language. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { FittingRoom } from '@/components/fitting-room/FittingRoom';
import { retitleTryOnMenu } from '@/lib/background/context-menu';
import { applyLanguageChoice } from '@/lib/i18n/language-choice';
import { indexedDbLanguageStore, indexedDbLookStore, indexedDbPortraitStore } from '@/lib/storage';
// The portrait panel is the popup's: its styles come along.
import '../popup/style.css';
import '@/components/fitting-room/fitting-room.css';

const languages = indexedDbLanguageStore();
// The context menu lives in the browser, not in a page: it is retitled when the language changes.
const retitleMenu = () => retitleTryOnMenu(browser.contextMenus).catch((e: unknown) => console.warn('Fitroom: the context menu could not be retitled:', e));

void applyLanguageChoice(languages, 'page_title_room').then(() =>
  render(<FittingRoom portraits={indexedDbPortraitStore()} looks={indexedDbLookStore()} languages={languages} onLanguageChosen={() => void retitleMenu()} />, document.getElementById('app')!),
);
