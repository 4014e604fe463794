/** The popup (also opened as a tab from the overlay's "Add my photo"): the portrait manager, in the shopper's language. */
import { render } from 'preact';
import { applyLanguageChoice } from '@/lib/i18n/language-choice';
import { indexedDbLanguageStore } from '@/lib/storage';
import { App } from './App';
import './style.css';

void applyLanguageChoice(indexedDbLanguageStore(), 'page_title_popup').then(() => render(<App />, document.getElementById('app')!));
