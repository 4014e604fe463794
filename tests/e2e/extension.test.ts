/**
 * The built extension in Debian's Chromium, driven by Playwright: Try on buttons on
 * store pages, the portrait through the popup (stored without its metadata), the
 * overlay (an extension iframe: reached as a Playwright frame) from a button and from
 * the context menu, errors and refused downloads, messages from the wrong sender, and
 * the time from click to result. Clicks are Playwright's, so trusted, as a shopper's.
 *
 * Needs `npm run build` first (npm test does it) and /usr/bin/chromium. Screenshots
 * go to test-results/e2e/.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { findGarmentImages } from '../../lib/page/index';
import { jpegMetadataMarkers } from '../../lib/jpeg-metadata';
import { artefactsDir, contentScriptScans, haveChromium, launchWithExtension, overlayFrame, overlayFrameOf, sendExtensionMessage, type ExtensionBrowser } from '../helpers/chromium';
import { haveSamples, samplePath } from '../helpers/samples';
import { startTestServers, type TestServers } from '../helpers/static-server';
import { closeExtensionSession, openExtensionSession } from '../helpers/e2e-session';

/** lib/page's fixture store pages, and whether they sell a garment. */
const STORE_FIXTURES: [string, 'garment' | 'other'][] = [
  ['shopify-dawn-shirt.html', 'garment'], ['woocommerce-hoodie.html', 'garment'], ['magento-jeans.html', 'garment'],
  ['bigcommerce-dress.html', 'garment'], ['taobao-dress.html', 'garment'], ['jd-shirt.html', 'garment'],
  ['generic-main-image.html', 'garment'], ['badges-and-banners.html', 'garment'],
  ['mug-store.html', 'other'], ['shoe-store.html', 'other'],
];
const PORTRAIT = 'persons/01008_00.jpg';
const GARMENT = 'garments/00055_00.jpg';
const LATE_GARMENT = 'garments/00126_00.jpg';
const runnable = haveChromium && haveSamples;

describe.skipIf(!runnable)('the extension in Chromium', () => {
  let browser: ExtensionBrowser;
  let servers: TestServers;
  let popup: Page;
  const timings: Record<string, number> = {};

  beforeAll(async () => ({ browser, servers, popup } = await openExtensionSession()));
  afterAll(() => closeExtensionSession({ browser, servers }, timings, 'timings.json', 'Fitroom e2e timings (ms):'));
  // A test that failed half-way leaves its store page open: the next context-menu click,
  // which finds its tab by URL, must not land there.
  afterEach(async () => {
    for (const p of browser?.context.pages() ?? []) if (p.url().startsWith(servers.storeOrigin)) await p.close();
  });

  const tryOnButtons = (page: Page) => page.locator('[data-fitroom="try-on"]');
  const overlay = (page: Page) => overlayFrame(page).locator('[data-fitroom="result"]');
  const inOverlay = (page: Page, hook: string) => overlayFrame(page).locator(`[data-fitroom="${hook}"]`);
  const overlayFrames = (page: Page) => page.locator('iframe[data-fitroom="overlay-frame"]');
  const shot = (page: Page, name: string) => page.screenshot({ path: join(artefactsDir, `${name}.png`) });

  it('runs the offscreen document cross-origin isolated, with ORT on 2 WASM threads', async () => {
    const status = await sendExtensionMessage<{ ok: boolean; value?: Record<string, unknown>; error?: unknown }>(popup, 'bg.status');
    expect(status.ok, JSON.stringify(status)).toBe(true);
    console.info('Fitroom engine status:', status.value);
    expect(status.value).toMatchObject({ crossOriginIsolated: true });
    const cores = status.value!.hardwareConcurrency as number;
    expect(status.value!.wasmThreads).toBe(Math.min(4, cores));
    if (cores >= 2) expect(status.value!.wasmThreads).toBeGreaterThanOrEqual(2);
  });

  it('puts Try on buttons on garment images only, including one added after load', async () => {
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl('product-shirt.html'));
    await expect.poll(() => tryOnButtons(page).count(), { timeout: 10_000 }).toBe(2);
    const srcs = await tryOnButtons(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-fitroom-src')));
    expect(srcs.sort()).toEqual([servers.imageUrl(GARMENT), servers.imageUrl(LATE_GARMENT)].sort());

    // Each button sits inside its image's top-right corner, whatever the page scrolls to.
    for (const [id, sample] of [['main-image', GARMENT], ['late-image', LATE_GARMENT]] as const) {
      await page.evaluate((y) => window.scrollTo(0, y), id === 'late-image' ? 400 : 0);
      const image = (await page.locator(`#${id}`).boundingBox())!;
      const button = page.locator(`[data-fitroom="try-on"][data-fitroom-src="${servers.imageUrl(sample)}"]`);
      await expect.poll(async () => {
        const b = (await button.boundingBox())!;
        const freshImage = (await page.locator(`#${id}`).boundingBox())!;
        return Math.abs(b.x + b.width - (freshImage.x + freshImage.width - 10)) < 2 && Math.abs(b.y - (freshImage.y + 10)) < 2;
      }, { timeout: 5_000 }).toBe(true);
      expect(image.width).toBeGreaterThan(0);
    }
    // The page moves the gallery (no scroll, no resize of the image): the button follows.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => { (document.querySelector('.product') as HTMLElement).style.paddingLeft = '220px'; });
    await expect.poll(async () => {
      const b = (await tryOnButtons(page).first().boundingBox())!;
      const img = (await page.locator('#main-image').boundingBox())!;
      return Math.abs(b.x + b.width - (img.x + img.width - 10)) < 2;
    }, { timeout: 5_000 }).toBe(true);
    // The page's own `button { all: unset; font-size: 40px !important }` does not reach it
    // (the host is the button's box: 13 px text and its padding, not 40 px text).
    const box = (await tryOnButtons(page).first().boundingBox())!;
    expect(box.height).toBeGreaterThan(20);
    expect(box.height).toBeLessThan(40);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'buttons-on-product-page');

    const kettle = await browser.context.newPage();
    await kettle.goto(servers.pageUrl('product-kettle.html'));
    // Once the content script has scanned the page, the buttons it puts there are on it.
    await expect.poll(() => contentScriptScans(kettle), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await tryOnButtons(kettle).count()).toBe(0);
    await kettle.close();
    await page.close();
  });

  // lib/page's fixture stores: the content script must show a button on the pictures the
  // page reader picks (a subset of what it picks without layout, in Node), and none on
  // pages selling something else.
  it.each(STORE_FIXTURES)('on the store fixture %s: buttons on its garment pictures only', async (file, kind) => {
    const page = await browser.context.newPage();
    const url = servers.pageUrl(file);
    await page.goto(url);
    await expect.poll(() => contentScriptScans(page), { timeout: 10_000 }).toBeGreaterThan(0);
    if (kind === 'garment') await expect.poll(() => tryOnButtons(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    else expect(await tryOnButtons(page).count()).toBe(0);
    const shown = await tryOnButtons(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-fitroom-src')));
    const html = await (await fetch(servers.localPageUrl(file))).text();
    const picked = findGarmentImages(parseHTML(html).document as unknown as Document, url).candidates.map((c) => c.src);
    for (const src of shown) expect(picked).toContain(src);
    await shot(page, `store-${file.replace('.html', '')}`);
    await page.close();
  });

  it('asks for a portrait first when there is none, and closes on Esc', async () => {
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl('product-shirt.html'));
    await tryOnButtons(page).first().click();
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 15_000 }).toBe('error');
    expect(await inOverlay(page, 'error').getAttribute('data-code')).toBe('no-portrait');
    expect(await inOverlay(page, 'add-portrait').isVisible()).toBe(true);
    await shot(page, 'overlay-no-portrait');
    await page.keyboard.press('Escape');
    await expect.poll(() => overlayFrames(page).count()).toBe(0);
    await page.close();
  });

  it('refuses files that are not pictures, or above 50 megapixels, before analysing them', async () => {
    const status = popup.locator('[data-fitroom="portrait-status"]');
    const input = popup.locator('[data-fitroom="portrait-input"]');
    await input.setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('these are my notes, not a photo') });
    await expect.poll(() => status.getAttribute('data-state')).toBe('error');
    expect(await status.locator('[data-code]').getAttribute('data-code')).toBe('not-an-image');
    // A PNG header declaring 10000x6000 pixels: refused from the header, nothing is decoded.
    const huge = Buffer.alloc(64);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(huge);
    huge.writeUInt32BE(10000, 16);
    huge.writeUInt32BE(6000, 20);
    await input.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: huge });
    await expect.poll(() => status.locator('[data-code]').getAttribute('data-code')).toBe('image-too-large');
    expect(await status.textContent()).toContain('10000x6000');
    await shot(popup, 'popup-image-too-large');
    // Nothing was stored: a fresh popup is still empty.
    const again = await browser.context.newPage();
    await again.goto(browser.extensionUrl('popup.html'));
    await expect.poll(() => again.locator('[data-fitroom="portrait-status"]').getAttribute('data-state')).toBe('empty');
    await again.close();
  });

  it('stores a portrait chosen in the popup and shows the detected body', async () => {
    await popup.reload(); // forget the errors of the test before
    const status = popup.locator('[data-fitroom="portrait-status"]');
    await expect.poll(() => status.getAttribute('data-state')).toBe('empty');
    const t0 = Date.now();
    await popup.locator('[data-fitroom="portrait-input"]').setInputFiles(samplePath(PORTRAIT));
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).not.toMatch(/empty|analysing/);
    timings.portraitAnalysis = Date.now() - t0;
    await shot(popup, 'popup-portrait');
    if ((await status.getAttribute('data-state')) === 'error') throw new Error(`The portrait analysis failed: ${(await status.textContent()) ?? ''}`);
    expect(await status.getAttribute('data-state')).toBe('ready');
    // Where the time went, as the offscreen document measured it (kept in the stored summary).
    const stages = await popup.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('fitroom');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      return new Promise<Record<string, number>>((resolve) => {
        const get = db.transaction('portrait').objectStore('portrait').get('summary');
        get.onsuccess = () => resolve((get.result as { timingsMs: Record<string, number> }).timingsMs);
      });
    });
    for (const [k, v] of Object.entries(stages)) timings[`portrait.${k}`] = Math.round(v);
    expect(await popup.locator('[data-fitroom="pose"] line').count()).toBeGreaterThan(4);
    expect(await popup.locator('[data-fitroom="portrait-verdict"]').isVisible()).toBe(true);
    // Stored: a fresh popup finds it again.
    const again = await browser.context.newPage();
    await again.goto(browser.extensionUrl('popup.html'));
    await expect.poll(() => again.locator('[data-fitroom="portrait-status"]').getAttribute('data-state')).toBe('ready');
    await again.close();
  });

  it('tries on from a Try on button: progress, the result, before/after, download, Esc', async () => {
    const page = await browser.context.newPage();
    page.on('console', (m) => { if (m.text().startsWith('Fitroom:')) console.info(m.text()); });
    await page.goto(servers.pageUrl('product-shirt.html'));
    const button = page.locator(`[data-fitroom="try-on"][data-fitroom-src="${servers.imageUrl(GARMENT)}"]`);
    await button.waitFor();
    const t0 = Date.now();
    await button.click();
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 5_000 }).toMatch(/working|result|error/);
    if ((await overlay(page).getAttribute('data-state')) === 'working') await shot(page, 'overlay-progress');
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 120_000 }).not.toBe('working');
    if ((await overlay(page).getAttribute('data-state')) === 'error') {
      await shot(page, 'overlay-error');
      throw new Error(`The try-on failed: ${await inOverlay(page, 'error').textContent()}`);
    }
    const image = inOverlay(page, 'result-image');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    timings.clickToResultFirst = Date.now() - t0;
    // The overlay measures click → result on screen itself, and logs it.
    await expect.poll(async () => Number(await overlay(page).getAttribute('data-fitroom-elapsed-ms'))).toBeGreaterThan(0);
    timings.clickToResultFirstInPage = Number(await overlay(page).getAttribute('data-fitroom-elapsed-ms'));
    await shot(page, 'overlay-result');
    expect(await inOverlay(page, 'download').getAttribute('download')).toMatch(/\.png$/);
    await inOverlay(page, 'compare').fill('50');
    await shot(page, 'overlay-before-after');

    await page.keyboard.press('Escape');
    await expect.poll(() => overlayFrames(page).count()).toBe(0);

    // The same garment again: its analysis is cached, only the rendering runs.
    const t1 = Date.now();
    await button.click();
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('result');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    timings.clickToResultCached = Date.now() - t1;

    // A click outside the panel closes too.
    await page.mouse.click(5, 5);
    await expect.poll(() => overlayFrames(page).count()).toBe(0);
    await page.close();
  });

  // Bottoms, a dress, and trousers shown only on a model (who also wears a T-shirt): the
  // button on each product photo gives a result; the background's own reply, asked without
  // the page's hint, says the engine reads the garment right from the photo alone.
  it.for([
    ['product-trousers.html', 'garments/051991_1.jpg', 'lower'],
    ['product-dress.html', 'garments/053319_1.jpg', 'dress'],
    ['product-on-model.html', 'persons/049447_0.jpg', 'lower'],
  ] as const)('tries on from %s (%s): a result, the garment read as %s', async ([file, sample, category]) => {
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl(file));
    const button = page.locator(`[data-fitroom="try-on"][data-fitroom-src="${servers.imageUrl(sample)}"]`);
    await button.waitFor({ timeout: 10_000 });
    const t0 = Date.now();
    await button.click();
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 120_000 }).not.toMatch(/^$|working/);
    if ((await overlay(page).getAttribute('data-state')) === 'error') {
      await shot(page, `overlay-error-${file.replace('.html', '')}`);
      throw new Error(`The try-on failed on ${file}: ${await inOverlay(page, 'error').textContent()}`);
    }
    const image = inOverlay(page, 'result-image');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    timings[`clickToResult.${file.replace('.html', '')}`] = Date.now() - t0;
    await shot(page, `overlay-result-${file.replace('.html', '')}`);
    // Only the overlay may ask for a try-on: ask from it, without the page's hint.
    const reply = await sendExtensionMessage<{ ok: boolean; value?: { garment: { category: string } }; error?: unknown }>(await overlayFrameOf(page), 'bg.tryOn', { jobId: `e2e-${file.replace('.html', '')}`, src: servers.imageUrl(sample) });
    await page.keyboard.press('Escape');
    await page.close();
    expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
    expect(reply.value!.garment.category).toBe(category);
  });

  it('opens the overlay from the context menu entry on an image', async () => {
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl('product-shirt.html'));
    // Playwright cannot click Chrome's native context menu: call the background's own
    // onClicked handler with the OnClickData a click on this image produces.
    const sent = await browser.serviceWorker.evaluate(async ([pageUrl, srcUrl]) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const click = (globalThis as unknown as { fitroomContextMenuClick: (info: unknown, tab: unknown) => Promise<unknown> }).fitroomContextMenuClick;
      return click({ menuItemId: 'fitroom-try-on', srcUrl, pageUrl, editable: false }, tab);
    }, [page.url(), servers.imageUrl(LATE_GARMENT)] as const);
    expect(sent).toEqual({ src: servers.imageUrl(LATE_GARMENT) });
    await expect.poll(() => overlayFrames(page).count(), { timeout: 5_000 }).toBe(1);
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 120_000 }).not.toBe('working');
    await shot(page, 'overlay-from-context-menu');
    const state = await overlay(page).getAttribute('data-state');
    expect(state, state === 'error' ? (await inOverlay(page, 'error').textContent()) ?? '' : '').toBe('result');
    await page.keyboard.press('Escape');
    await page.close();
  });

  // Each refusal is said in the overlay, with its reason. The addresses come from the
  // context menu, as any image's would; the CDN's own host name is public, its address is not.
  it.for([
    ['a missing picture', () => `${servers.imageOrigin}/samples/garments/missing.jpg`, 'fetch-failed', /404/],
    ['a private address', () => `${servers.imageOriginByAddress}/samples/${GARMENT}`, 'blocked-url', /this computer \(loopback\)/],
    ['localhost with a trailing dot', () => `http://localhost.:${new URL(servers.imageOrigin).port}/samples/${GARMENT}`, 'blocked-url', /this computer \(localhost\)/],
    ['a decimal IP', () => `http://2130706433:${new URL(servers.imageOrigin).port}/samples/${GARMENT}`, 'blocked-url', /this computer \(loopback\)/],
    ['a redirect to a private address', () => `${servers.imageOrigin}/redirect?to=${encodeURIComponent(`${servers.imageOriginByAddress}/samples/${GARMENT}`)}`, 'blocked-url', /redirects elsewhere, and http:\/\/127\.0\.0\.1/],
    ['a 48 MB picture sent without a length', () => `${servers.imageOrigin}/generated/endless.jpg`, 'image-too-large', /at most 40 MB .* sent over 40\.0 MB/],
    ['a page that is not a picture', () => `${servers.imageOrigin}/generated/page.html`, 'not-an-image', /says it is text\/html/],
    ['HTML calling itself a JPEG', () => `${servers.imageOrigin}/generated/fake.jpg`, 'not-an-image', /they start 3c 68 74 6d/],
  ] as const)('refuses %s, and says why in the overlay', async ([name, src, code, why]) => {
    // The portrait stored above is needed: without one the request stops earlier, at "no portrait".
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl('product-shirt.html'));
    await browser.serviceWorker.evaluate(async ([pageUrl, srcUrl]) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const click = (globalThis as unknown as { fitroomContextMenuClick: (info: unknown, tab: unknown) => Promise<unknown> }).fitroomContextMenuClick;
      return click({ menuItemId: 'fitroom-try-on', srcUrl, pageUrl, editable: false }, tab);
    }, [page.url(), src()] as const);
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('error');
    const error = inOverlay(page, 'error');
    expect(await error.getAttribute('data-code')).toBe(code);
    expect((await error.textContent()) ?? '').toMatch(why);
    await shot(page, `overlay-refused-${name.replace(/\W+/g, '-')}`);
    await page.close();
  });

  it('refuses messages from a context that may not send them, or with extra or wrong fields', async () => {
    const refused = (type: string, data?: unknown) => sendExtensionMessage(popup, type, data).then(() => 'answered', (e: Error) => e.message);
    // Only an overlay frame asks for try-ons; only the background talks to the offscreen document.
    expect(await refused('bg.tryOn', { jobId: 'x', src: servers.imageUrl(GARMENT) })).toMatch(/Fitroom refused this message/);
    expect(await refused('offscreen.status')).toMatch(/Fitroom refused this message/);
    // The popup may ask for the status, but not with data the message does not have.
    expect(await refused('bg.status', { extra: true })).toMatch(/Fitroom refused this message/);
    expect(await refused('bg.analysePortrait', { jobId: 'x', image: { base64: 'aGk=', mimeType: 'image/jpeg' }, keep: 'original' })).toMatch(/Fitroom refused this message/);
    expect(await refused('bg.status')).toBe('answered');
  });
});

describe.skipIf(!runnable)('portraits as phones make them', () => {
  // A separate browser: this replaces and deletes the portrait.
  let browser: ExtensionBrowser;
  let popup: Page;
  beforeAll(async () => {
    browser = await launchWithExtension();
    popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
  });
  afterAll(async () => browser?.close());

  const choose = async (name: string, buffer: Buffer) => {
    const status = popup.locator('[data-fitroom="portrait-status"]');
    await popup.locator('[data-fitroom="portrait-input"]').setInputFiles({ name, mimeType: 'image/jpeg', buffer });
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 90_000 }).not.toMatch(/empty|analysing/);
    return { state: await status.getAttribute('data-state'), text: (await status.textContent()) ?? '' };
  };
  // The size the analysis ran at, from the drawn body's coordinate system.
  const analysedSize = async () => (await popup.locator('[data-fitroom="pose"]').getAttribute('viewBox'))?.split(' ').slice(2).join('x');

  /** The photo bytes and summary as stored in the extension's IndexedDB. */
  const stored = () => popup.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('fitroom');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = <T,>(key: string) => new Promise<T>((resolve) => {
      const req = db.transaction('portrait').objectStore('portrait').get(key);
      req.onsuccess = () => resolve(req.result as T);
    });
    const photo = await get<{ bytes: Uint8Array; mimeType: string; reencoded?: boolean }>('photo');
    const summary = await get<{ mimeType: string }>('summary');
    return { bytes: Array.from(photo.bytes), mimeType: photo.mimeType, reencoded: photo.reencoded, summaryType: summary.mimeType };
  });

  it('applies EXIF orientation, stores the photo without its EXIF and GPS, scales a 12 MP photo to 2048 px, and deletes', async () => {
    const sharp = (await import('sharp')).default;
    // Stored on its side with orientation 6 ("rotate 90° clockwise to show"), with the camera and a GPS position, as phones do.
    const sideways = await sharp(samplePath(PORTRAIT)).rotate(270).withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Pocket 12' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 300/100' } })
      .jpeg({ quality: 90 }).toBuffer();
    expect(jpegMetadataMarkers(sideways)).toContain('APP1');
    const first = await choose('sideways.jpg', sideways);
    expect(first.state, first.text).toBe('ready');
    expect(await analysedSize()).toBe('768x1024');
    await popup.screenshot({ path: join(artefactsDir, 'popup-portrait-exif.png') });
    // What the extension keeps: its own JPEG, upright, and no metadata at all.
    const kept = await stored();
    const bytes = Buffer.from(kept.bytes);
    expect(kept).toMatchObject({ mimeType: 'image/jpeg', reencoded: true, summaryType: 'image/jpeg' });
    expect(jpegMetadataMarkers(bytes)).toEqual([]);
    expect(bytes.toString('latin1')).not.toMatch(/Exif|PhoneCo|Pocket/);
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height, meta.exif, meta.orientation]).toEqual([768, 1024, undefined, undefined]);

    const big = await sharp(samplePath(PORTRAIT)).resize(3000, 4000).jpeg({ quality: 85 }).toBuffer();
    const second = await choose('big.jpg', big);
    expect(second.state, second.text).toBe('ready');
    expect(await analysedSize()).toBe('1536x2048');
    const bigMeta = await sharp(Buffer.from((await stored()).bytes)).metadata();
    expect([bigMeta.width, bigMeta.height]).toEqual([1536, 2048]);

    await popup.locator('[data-fitroom="portrait-delete"]').click();
    await expect.poll(() => popup.locator('[data-fitroom="portrait-status"]').getAttribute('data-state')).toBe('empty');
    const again = await browser.context.newPage();
    await again.goto(browser.extensionUrl('popup.html'));
    await expect.poll(() => again.locator('[data-fitroom="portrait-status"]').getAttribute('data-state')).toBe('empty');
  });
});

describe.skipIf(!runnable)('what the engine refuses, said plainly', () => {
  let browser: ExtensionBrowser;
  let servers: TestServers;
  beforeAll(async () => {
    servers = await startTestServers();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  it('a photo with nobody in it: "no person found", with what to do', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const status = popup.locator('[data-fitroom="portrait-status"]');
    await popup.locator('[data-fitroom="portrait-input"]').setInputFiles(samplePath(GARMENT));
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 90_000 }).not.toMatch(/empty|analysing/);
    const text = (await status.textContent()) ?? '';
    expect(await status.getAttribute('data-state')).toBe('error');
    expect(await status.locator('[data-code]').getAttribute('data-code'), text).toBe('no-person');
    expect(text).toMatch(/No person found/);
    await popup.screenshot({ path: join(artefactsDir, 'popup-no-person.png') });
  });

  it('a picture with no garment in it, from the context menu: "no garment found"', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.locator('[data-fitroom="portrait-input"]').setInputFiles(samplePath(PORTRAIT));
    const status = popup.locator('[data-fitroom="portrait-status"]');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 90_000 }).not.toMatch(/empty|analysing/);
    const text = (await status.textContent()) ?? '';
    expect(await status.getAttribute('data-state'), text).toBe('ready');

    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl('product-kettle.html'));
    await browser.serviceWorker.evaluate(async ([pageUrl, srcUrl]) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const click = (globalThis as unknown as { fitroomContextMenuClick: (info: unknown, tab: unknown) => Promise<unknown> }).fitroomContextMenuClick;
      return click({ menuItemId: 'fitroom-try-on', srcUrl, pageUrl, editable: false }, tab);
    }, [page.url(), `${servers.imageOrigin}/generated/busy.png`] as const);
    const overlay = overlayFrame(page).locator('[data-fitroom="result"]');
    await expect.poll(() => overlay.getAttribute('data-state'), { timeout: 5_000 }).toMatch(/working|error|result/);
    await expect.poll(() => overlay.getAttribute('data-state'), { timeout: 120_000 }).not.toBe('working');
    expect(await overlay.getAttribute('data-state')).toBe('error');
    expect(await overlayFrame(page).locator('[data-fitroom="error"]').getAttribute('data-code')).toBe('no-garment');
    await page.screenshot({ path: join(artefactsDir, 'overlay-no-garment.png') });
    await page.close();
  });

  it('a dress from a store page: dressed, no longer "can’t be tried on yet"', async () => {
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl('bigcommerce-dress.html'));
    const button = page.locator('[data-fitroom="try-on"]').first();
    await button.waitFor();
    await button.click();
    const overlay = overlayFrame(page).locator('[data-fitroom="result"]');
    await expect.poll(() => overlay.getAttribute('data-state'), { timeout: 120_000 }).not.toBe('working');
    const error = overlayFrame(page).locator('[data-fitroom="error"]');
    await page.screenshot({ path: join(artefactsDir, 'overlay-store-dress.png') });
    if ((await overlay.getAttribute('data-state')) === 'error') throw new Error(`The dress was refused: ${await error.textContent()}`);
    expect(await overlay.getAttribute('data-state')).toBe('result');
  });
});

declare const chrome: { tabs: { query(q: { url: string }): Promise<unknown[]> } };
