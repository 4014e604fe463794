/**
 * The message catalogues, as data. They are Chrome's own `_locales/<lang>/messages.json`
 * (public/_locales/, shipped as is, read by the browser for the manifest), imported here
 * too: chrome.i18n.getMessage answers only in the browser's language, and the shopper can
 * choose another one in the fitting room, so every page looks its words up in these.
 * Placeholders are written `{name}` (not Chrome's `$name$`): they are filled by translate.ts.
 */
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';

/** The languages Fitroom speaks, named as Chrome's _locales folders are. */
export const LANGUAGES = ['en', 'zh_CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every message's key; the English catalogue is the reference. */
export type MessageKey = keyof typeof en;

export type Catalogue = Record<string, { message: string; description?: string }>;

export const CATALOGUES: Record<Language, Catalogue> = { en, zh_CN: zhCN };

/** The BCP 47 tag of a language, for `<html lang>`, Intl and number formats. */
export const LANGUAGE_TAG: Record<Language, string> = { en: 'en', zh_CN: 'zh-CN' };

/**
 * @example isLanguage('zh_CN') // true
 * @example isLanguage('fr') // false
 */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
