/**
 * The extension's icons in the built extension: the manifest lists one of each size for
 * the extension and for the toolbar button, and each is a picture of that size.
 *
 * Needs `npm run build` first (npm test does it) and /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ICON_SIZES } from '../../lib/icon-svg';
import { haveChromium, launchWithExtension, type ExtensionBrowser } from '../helpers/chromium';

describe.skipIf(!haveChromium)('the extension icons in Chromium', () => {
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
  });
  afterAll(() => browser?.close());

  it('lists an icon of each size, and the toolbar button’s, each decoding to its size', async () => {
    const manifest = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }).chrome.runtime.getManifest());
    const icons = manifest.icons as Record<string, string>;
    const action = manifest.action as { default_icon: Record<string, string> };
    expect(Object.keys(icons).map(Number).sort((a, b) => a - b)).toEqual([...ICON_SIZES]);
    expect(Object.keys(action.default_icon).map(Number)).toEqual(expect.arrayContaining([16, 32]));
    for (const [size, path] of [...Object.entries(icons), ...Object.entries(action.default_icon)]) {
      const decoded = await popup.evaluate(async (p) => {
        const bitmap = await createImageBitmap(await (await fetch(`/${p}`)).blob());
        return [bitmap.width, bitmap.height];
      }, path);
      expect(decoded, path).toEqual([Number(size), Number(size)]);
    }
  });
});
