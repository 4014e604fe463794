/**
 * Languages in the built extension: Chromium started in simplified Chinese (--lang and
 * Accept-Language zh-CN) shows the popup, a store page's Try on button, the overlay (its
 * header, buttons, an error, then a result with its size advice) and the fitting room in
 * Chinese; choosing English in the fitting room turns the fitting room, the popup and the
 * next overlay to English, and the choice outlives a reload. The Try on button, on the
 * store's page, keeps the browser's language. Screenshots of the fitting room and the
 * overlay in both languages go to test-results/e2e/language-*.png.
 *
 * Needs `npm run build` first (npm test does it), /usr/bin/chromium and the sample photos.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES, type MessageKey } from '../../lib/i18n/catalogues';
import { artefactsDir, haveChromium, launchWithExtension, overlayFrame, type ExtensionBrowser } from '../helpers/chromium';
import { closeExtensionSession } from '../helpers/e2e-session';
import { haveSamples, samplePath } from '../helpers/samples';
import { startTestServers, type TestServers } from '../helpers/static-server';

const PORTRAIT = 'persons/01008_00.jpg';
/** A tee with a size chart: the overlay gives size advice once a height is known. */
const TEE_PAGE = 'product-shirt-size-chart.html';
const runnable = haveChromium && haveSamples;

const zh = (key: MessageKey) => CATALOGUES.zh_CN[key].message;
const en = (key: MessageKey) => CATALOGUES.en[key].message;
/** Words of two or more Latin letters, apart from units and names that stay as they are. */
const latinWords = (text: string) => text.replace(/\b(cm|in|Fitroom|PNG|CSV)\b/g, '').match(/[A-Za-z]{2,}/g) ?? [];

describe.skipIf(!runnable)('languages in Chromium', () => {
  let browser: ExtensionBrowser;
  let servers: TestServers;
  let popup: Page;
  let room: Page;

  beforeAll(async () => {
    servers = await startTestServers();
    // --lang sets the pages' language; on Linux the browser's own (the manifest's, chrome.i18n's) comes from LANGUAGE.
    browser = await launchWithExtension(['--lang=zh-CN', '--accept-lang=zh-CN'], { LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' });
    popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
  });
  afterAll(() => closeExtensionSession({ browser, servers }, {}, 'language-timings.json', ''));

  const inOverlay = (page: Page, hook: string) => overlayFrame(page).locator(`[data-fitroom="${hook}"]`);
  const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(artefactsDir, `${name}.png`), fullPage: true });

  /** The overlay's panel scrolled to its end (its footer's buttons), the panel alone. */
  async function footerShot(page: Page, name: string) {
    const panel = overlayFrame(page).locator('.fr-panel');
    await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await panel.screenshot({ path: join(artefactsDir, `${name}.png`) });
  }

  /** The Try on buttons' words: they are in closed shadow roots, which only the DevTools protocol reads. */
  async function tryOnButtonWords(page: Page): Promise<{ text: string; title: string }[]> {
    const cdp = await page.context().newCDPSession(page);
    try {
      interface DomNode { nodeType: number; nodeName: string; nodeValue?: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[]; contentDocument?: DomNode }
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      const found: { text: string; title: string }[] = [];
      const textOf = (n: DomNode): string => (n.nodeType === 3 ? n.nodeValue ?? '' : [...(n.children ?? [])].map(textOf).join(''));
      const walk = (n: DomNode) => {
        const attrs = n.attributes ?? [];
        const cls = attrs[attrs.indexOf('class') + 1] ?? '';
        if (n.nodeName === 'BUTTON' && attrs.includes('class') && cls.split(' ').includes('fr-try-on')) {
          found.push({ text: textOf(n).trim(), title: attrs[attrs.indexOf('title') + 1] ?? '' });
        }
        for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
      };
      walk(root);
      return found;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  /** Opens the tee's page and clicks its first Try on button; returns the page, its overlay open and settled. */
  async function tryOnTee(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl(TEE_PAGE));
    await page.locator('[data-fitroom="try-on"]').first().click({ timeout: 15_000 });
    await expect.poll(() => inOverlay(page, 'result').getAttribute('data-state'), { timeout: 120_000 }).toMatch(/^(result|error)$/);
    return page;
  }

  it('takes the browser’s language: the manifest and the popup are in Chinese', async () => {
    const [uiLanguage, name, description] = await browser.serviceWorker.evaluate(() => {
      const i18n = (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string; getMessage(k: string): string } } }).chrome.i18n;
      return [i18n.getUILanguage(), i18n.getMessage('ext_name'), i18n.getMessage('ext_description')];
    });
    expect(uiLanguage).toMatch(/^zh/);
    expect(name).toBe(zh('ext_name'));
    expect(description).toBe(zh('ext_description'));

    await expect.poll(() => popup.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await text(popup, 'header .muted')).toBe(zh('popup_intro'));
    expect(await text(popup, '[data-fitroom="portrait-status"]')).toBe(zh('portrait_empty'));
    expect(await text(popup, '[data-fitroom="open-fitting-room"]')).toBe(zh('open_my_fitting_room'));
    expect(await text(popup, '[data-fitroom="privacy"]')).toBe(zh('privacy_note'));
    expect(await text(popup, '[data-fitroom="profile"] h2')).toBe(zh('profile_heading'));
    expect(await text(popup, '[data-fitroom="profile-save"]')).toBe(zh('profile_save'));
  });

  it('shows the store page’s Try on button and the overlay’s error in Chinese', async () => {
    const page = await tryOnTee();
    expect(await tryOnButtonWords(page)).toContainEqual({ text: zh('try_on_button'), title: zh('try_on_button_title') });
    // No portrait yet: the overlay says so, and offers the one action that helps.
    expect(await inOverlay(page, 'error').getAttribute('data-code')).toBe('no-portrait');
    expect(await inOverlay(page, 'error').locator('h2').textContent()).toBe(zh('error_no_portrait_title'));
    expect(await inOverlay(page, 'error').locator('p').textContent()).toBe(zh('error_no_portrait_detail'));
    expect(await inOverlay(page, 'add-portrait').textContent()).toBe(zh('add_my_photo'));
    expect(await overlayFrame(page).locator('.fr-local').textContent()).toBe(zh('overlay_local'));
    expect(await inOverlay(page, 'close').getAttribute('aria-label')).toBe(zh('close'));
    expect(await overlayFrame(page).locator('html').getAttribute('lang')).toBe('zh-CN');
    await shot(page, 'language-overlay-error-zh');
    await page.close();
  });

  it('gives a result with its kind, buttons and size advice in Chinese', async () => {
    const status = popup.locator('[data-fitroom="portrait-status"]');
    await popup.locator('[data-fitroom="portrait-input"]').setInputFiles(samplePath(PORTRAIT));
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 120_000 }).not.toMatch(/empty|analysing/);
    expect(await status.getAttribute('data-state'), (await status.textContent()) ?? '').toBe('ready');
    await popup.locator('[data-fitroom="profile-height"]').fill('170');
    await popup.locator('[data-fitroom="profile-save"]').click();
    await expect.poll(() => popup.locator('[data-fitroom="profile-status"]').textContent()).toBe(zh('profile_saved'));

    const page = await tryOnTee();
    expect(await inOverlay(page, 'result').getAttribute('data-state'), (await inOverlay(page, 'error').textContent().catch(() => '')) ?? '').toBe('result');
    await expect.poll(() => inOverlay(page, 'size-advice').getAttribute('data-state'), { timeout: 30_000 }).toBe('advice');
    const reason = (await inOverlay(page, 'size-reason').textContent()) ?? '';
    expect(reason).toMatch(/^推荐尺码：[A-Z0-9]+。/);
    expect(latinWords(reason.replace(/\b[A-Z0-9]{1,4}\b/g, '')), reason).toEqual([]);
    expect(latinWords((await overlayFrame(page).locator('.fr-size-note').textContent()) ?? '')).toEqual([]);
    expect(await inOverlay(page, 'kind-used').textContent()).toBe(zh('kind_used_upper'));
    expect(await inOverlay(page, 'save-look-button').textContent()).toBe(zh('save_look'));
    expect(await inOverlay(page, 'download').textContent()).toBe(zh('download_png'));
    await shot(page, 'language-overlay-result-zh');
    await footerShot(page, 'language-overlay-footer-zh');
    await page.close();
  });

  it('shows the fitting room in Chinese, with the language switch on 中文', async () => {
    room = await browser.context.newPage();
    await room.goto(browser.extensionUrl('fitting-room.html'));
    await expect.poll(() => text(room, 'h1')).toBe(zh('room_title'));
    expect(await room.title()).toBe(zh('page_title_room'));
    expect(await room.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await room.locator('[data-fitroom="language-switch"]').getAttribute('data-language')).toBe('zh_CN');
    expect(await room.locator('[data-fitroom="language-option"][aria-pressed="true"]').textContent()).toBe('中文');
    await expect.poll(() => text(room, '[data-fitroom="looks-empty"]')).toBe(zh('room_empty'));
    expect(await text(room, '[data-fitroom="compare"]')).toBe(zh('room_compare'));
    expect(await text(room, '[data-fitroom="camera-problem"], [data-fitroom="camera-open"]')).toMatch(/[\u4e00-\u9fff]/);
    expect(latinWords((await room.locator('body').textContent()) ?? '').filter((w) => w !== 'English')).toEqual([]);
    await shot(room, 'language-fitting-room-zh');
  });

  it('switches the fitting room to English at once, and keeps the choice after a reload', async () => {
    await room.locator('[data-fitroom="language-option"][data-language="en"]').click();
    await expect.poll(() => text(room, 'h1')).toBe(en('room_title'));
    expect(await room.title()).toBe(en('page_title_room'));
    expect(await room.locator('html').getAttribute('lang')).toBe('en');
    expect(await text(room, '[data-fitroom="looks-empty"]')).toBe(en('room_empty'));
    expect(await text(room, '[data-fitroom="portrait-delete"]')).toBe(en('portrait_delete'));
    await shot(room, 'language-fitting-room-en');

    await room.reload();
    await expect.poll(() => text(room, 'h1')).toBe(en('room_title'));
    expect(await room.locator('[data-fitroom="language-switch"]').getAttribute('data-language')).toBe('en');
  });

  it('speaks English in the popup and the next overlay after the switch; the store page’s button keeps the browser’s language', async () => {
    await popup.reload();
    await expect.poll(() => text(popup, 'header .muted')).toBe(en('popup_intro'));
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    expect(await text(popup, '[data-fitroom="profile-save"]')).toBe(en('profile_save'));

    const page = await tryOnTee();
    expect(await inOverlay(page, 'result').getAttribute('data-state')).toBe('result');
    expect(await overlayFrame(page).locator('.fr-local').textContent()).toBe(en('overlay_local'));
    expect(await inOverlay(page, 'save-look-button').textContent()).toBe(en('save_look'));
    expect(await inOverlay(page, 'kind-used').textContent()).toBe(en('kind_used_upper'));
    // The reason is written in the offscreen document, which started while the choice was Chinese.
    await expect.poll(() => inOverlay(page, 'size-advice').getAttribute('data-state'), { timeout: 30_000 }).toBe('advice');
    expect((await inOverlay(page, 'size-reason').textContent()) ?? '').toMatch(/^Recommended: [A-Z0-9]+\. \S+: /);
    expect(await tryOnButtonWords(page)).toContainEqual({ text: zh('try_on_button'), title: zh('try_on_button_title') });
    await shot(page, 'language-overlay-result-en');
    await footerShot(page, 'language-overlay-footer-en');
    await page.close();
  });
});
