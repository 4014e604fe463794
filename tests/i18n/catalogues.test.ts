import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '../../lib/i18n/catalogues';
import { andList, languageOf, listOf, setLanguage, t } from '../../lib/i18n/translate';

const root = join(import.meta.dirname, '../..');
const placeholders = (message: string) => new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

afterEach(() => setLanguage('en'));

describe('the message catalogues', () => {
  it('have the same keys in every language, each a key Chrome accepts', () => {
    const keys = Object.keys(CATALOGUES.en).sort();
    expect(keys.length).toBeGreaterThan(100);
    for (const language of LANGUAGES) {
      expect(Object.keys(CATALOGUES[language]).sort(), language).toEqual(keys);
      for (const key of keys) expect(key, language).toMatch(/^[A-Za-z0-9_@]+$/);
    }
  });

  it('give every message words, and a translation only placeholders that are filled', () => {
    for (const language of LANGUAGES) {
      for (const [key, { message }] of Object.entries(CATALOGUES[language])) {
        expect(message.trim(), `${language} ${key}`).not.toBe('');
        // Chrome reads $…$ as its own placeholders: the catalogues use {name} only.
        expect(message, `${language} ${key}`).not.toMatch(/\$/);
        const english = placeholders(CATALOGUES.en[key].message);
        for (const name of placeholders(message)) expect(english.has(name), `${language} ${key} uses {${name}}, which English does not`).toBe(true);
      }
    }
  });

  it('are in Chinese in zh_CN, apart from names and symbols that stay as they are', () => {
    const same = new Set(['page_title_popup', 'unit_cm', 'sentences']);
    for (const [key, { message }] of Object.entries(CATALOGUES.zh_CN)) {
      if (same.has(key)) continue;
      expect(message, key).toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    }
  });

  it('fit the manifest: the description within Chrome’s 132 characters', () => {
    for (const language of LANGUAGES) expect(CATALOGUES[language].ext_description.message.length, language).toBeLessThanOrEqual(132);
  });
});

describe('t', () => {
  it('answers in the language set, with placeholders filled', () => {
    expect(t('look_size', { value: 'M' })).toBe('Size: M');
    setLanguage('zh_CN');
    expect(t('look_size', { value: 'M' })).toBe('尺码：M');
    expect(t('room_compare_count', { count: 3 })).toBe('对比 3 个试穿效果');
  });

  it('refuses a message whose placeholder has no value, or a key no catalogue has', () => {
    expect(() => t('look_size')).toThrow(/\{value\} in message look_size/);
    expect(() => t('no_such_key' as never)).toThrow(/"no_such_key"/);
  });

  it('lets a translation leave out English-only detail', () => {
    setLanguage('zh_CN');
    expect(t('error_unsupported_detail', { message: 'Expected a top but received a shoe.' })).not.toContain('Expected');
  });

  it('joins lists the way each language does', () => {
    expect(listOf(['a', 'b'])).toBe('a, b');
    expect(andList(['chest', 'waist', 'hips'])).toBe('chest, waist and hips');
    setLanguage('zh_CN');
    expect(listOf(['胸围', '腰围'])).toBe('胸围、腰围');
    expect(andList(['胸围', '腰围', '臀围'])).toBe('胸围、腰围和臀围');
  });
});

describe('languageOf', () => {
  it('reads simplified Chinese browser languages as zh_CN and the rest as English', () => {
    for (const tag of ['zh', 'zh-CN', 'zh_CN', 'zh-Hans-CN', 'zh-SG']) expect(languageOf(tag), tag).toBe('zh_CN');
    for (const tag of ['en', 'en-US', 'fr-FR', 'zh-TW', 'zh-Hant-HK', '', undefined]) expect(languageOf(tag), String(tag)).toBe('en');
  });
  it('is what setLanguage(null) goes back to', () => {
    setLanguage('zh_CN');
    expect(setLanguage(null)).toBe(languageOf(globalThis.navigator?.language));
  });
});

/**
 * Words a shopper reads, written in a component or page instead of the catalogues. Words
 * that are no text (class names, data attributes, developer messages) are not flagged.
 */
/** Not words to translate: the brand, and the offscreen document's title (a page no one sees). */
const ALLOWED = new Set(['Fitroom', 'Fitroom inference']);

function englishLiterals(file: string, text: string): string[] {
  const code = text
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/^\s*(import|export \{|export type).*$/gm, '')
    .replace(/^.*console\.(warn|error|log|info)\(.*$/gm, '');
  const found: string[] = [];
  const words = /[A-Za-z]{2,}/;
  if (file.endsWith('.html')) {
    for (const m of code.matchAll(/>([^<>]+)</g)) if (words.test(m[1]) && !ALLOWED.has(m[1].trim())) found.push(m[1].trim());
    return found;
  }
  // Text between JSX tags.
  for (const m of code.matchAll(/>([^<>{}();=&|]+)</g)) if (words.test(m[1])) found.push(m[1].trim());
  // Attributes people read.
  for (const m of code.matchAll(/\b(alt|title|aria-label|placeholder|label)="([^"]*)"/g)) if (words.test(m[2])) found.push(m[2]);
  // String literals that read as words: two or more words, or one capitalised word.
  for (const m of code.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) {
    const s = m[2];
    if (/^Expected /.test(s)) continue; // a developer's error message
    if (/^[A-Z][a-z]+( [A-Za-z’']+)+[.:?!…]?$/.test(s) || /^[A-Z][a-z]+[.:!?…]$/.test(s) || /\b[a-z]+ [a-z]+ [a-z]+\b/.test(s) && !/[-_/.#]|^\w+( \w+)*$/.test(s)) found.push(s);
  }
  return found.filter((s) => !ALLOWED.has(s));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

describe('components and pages', () => {
  it('write no shopper-facing English: every word comes from the catalogues', () => {
    const left: string[] = [];
    for (const path of [...sourceFiles(join(root, 'components')), ...sourceFiles(join(root, 'entrypoints'))]) {
      for (const s of englishLiterals(path, readFileSync(path, 'utf8'))) left.push(`${relative(root, path)}: ${JSON.stringify(s)}`);
    }
    expect(left).toEqual([]);
  });

  it('would notice a sentence, a label or an attribute written in place', () => {
    expect(englishLiterals('x.tsx', '<p class="muted">Your photo stays here.</p>')).toEqual(['Your photo stays here.']);
    expect(englishLiterals('x.tsx', '<button onClick={go}>\n  Save look\n</button>')).toEqual(['Save look']);
    expect(englishLiterals('x.tsx', '<img alt="Your try-on" />')).toEqual(['Your try-on']);
    expect(englishLiterals('x.tsx', "const label = cond ? 'Compare looks' : 'Close';")).toEqual(['Compare looks']);
    expect(englishLiterals('x.html', '<title>Fitroom fitting room</title>')).toEqual(['Fitroom fitting room']);
    expect(englishLiterals('x.tsx', '<div class="fr-choice fr-choice-chosen" data-fitroom="kind-option">{t(\'kind_upper\')}</div>')).toEqual([]);
  });
});
