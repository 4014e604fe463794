/**
 * The one lookup for every word the shopper reads. It answers in the browser's language
 * by default (navigator.language, which is the browser's UI language in extension pages
 * and store pages alike), or in the language the shopper chose in the fitting room once
 * a page has applied that choice (language-choice.ts). A message missing from a
 * catalogue falls back to English.
 */
import { CATALOGUES, LANGUAGE_TAG, type Language, type MessageKey } from './catalogues';

/**
 * The language Fitroom speaks for a browser language tag: simplified Chinese for zh,
 * zh-CN, zh-SG and zh-Hans; English for the rest (as Chrome falls back to default_locale).
 * @example languageOf('zh-CN') // 'zh_CN'
 * @example languageOf('zh-TW') // 'en'
 * @example languageOf('en-GB') // 'en'
 */
export function languageOf(tag: string | undefined): Language {
  const t = (tag ?? '').toLowerCase().replace('_', '-');
  return t === 'zh' || t.startsWith('zh-cn') || t.startsWith('zh-sg') || t.startsWith('zh-hans') ? 'zh_CN' : 'en';
}

const browserLanguage = (): Language => languageOf(globalThis.navigator?.language);

let current: Language = browserLanguage();

/**
 * Speak `language` from now on in this page; null goes back to the browser's language.
 * @example setLanguage('zh_CN'); t('close') // '关闭'
 */
export function setLanguage(language: Language | null): Language {
  current = language ?? browserLanguage();
  return current;
}

/** The language words are looked up in now. */
export function currentLanguage(): Language {
  return current;
}

/** The BCP 47 tag of the current language, for `<html lang>`, prices and lists. */
export function languageTag(): string {
  return LANGUAGE_TAG[current];
}

export type MessageValues = Record<string, string | number>;

/**
 * A message in the current language, its `{name}` placeholders filled from `values`.
 * @example t('look_size', { value: 'M' }) // 'Size: M' (English), '尺码：M' (Chinese)
 */
export function t(key: MessageKey, values: MessageValues = {}): string {
  const entry = CATALOGUES[current][key] ?? CATALOGUES.en[key];
  if (!entry) throw new Error(`Expected a message key of the catalogues but received ${JSON.stringify(key)}`);
  return entry.message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Expected a value for {${name}} in message ${key} but received none (given: ${Object.keys(values).join(', ') || 'nothing'})`);
    return String(value);
  });
}

/**
 * Items as a short list in the current language: 'chest, waist' or '胸围、腰围'.
 * @example listOf(['chest', 'waist']) // 'chest, waist'
 */
export function listOf(items: readonly string[]): string {
  return items.join(t('list_separator'));
}

/**
 * Items joined by "and" in the current language: 'chest, waist and hips' or '胸围、腰围和臀围'.
 * @example andList(['chest', 'waist', 'hips']) // 'chest, waist and hips'
 */
export function andList(items: readonly string[]): string {
  // en-GB: no comma before "and", as the English sentences are written.
  const locale = current === 'en' ? 'en-GB' : LANGUAGE_TAG[current];
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
