/**
 * Saved looks and the fitting room in the built extension: a try-on saved from the
 * overlay with the product's title, price, page, store and size; the fitting room
 * opened from the overlay and from the popup; two looks compared side by side; a look's
 * picture copied to the clipboard and downloaded; the shopping list exported as CSV and
 * text; the product page opened; a look deleted; store pages kept out of the fitting
 * room; deleting the portrait offering to delete the looks made from it; looks saved after
 * a colour pick (that colour's photo, the same product) and after a kind correction (the
 * kind and the size shown); and the portrait taken with a camera (Chromium's fake one,
 * filming a sample portrait), refused, allowed, or missing.
 *
 * Needs `npm run build` first (npm test does it), /usr/bin/chromium and the sample
 * photos. Screenshots go to test-results/e2e/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { artefactsDir, haveChromium, launchWithExtension, overlayFrame, type ExtensionBrowser } from '../helpers/chromium';
import { stillVideo } from '../helpers/fake-camera';
import { haveSamples, samplePath } from '../helpers/samples';
import type { TestServers } from '../helpers/static-server';
import { closeExtensionSession, openExtensionSession } from '../helpers/e2e-session';

const PORTRAIT = 'persons/01008_00.jpg';
/** A tee with a size chart (its sizes are offered without a height) and a dress without one. */
const TEE_PAGE = 'product-shirt-size-chart.html';
const DRESS_PAGE = 'product-dress.html';
const TEE = { title: 'Relaxed Cotton Tee', price: '€29.00', store: 'Example Outfitters', size: 'L' };
const DRESS = { title: 'Cabbage Print Midi Dress', price: '€149.00', store: 'Example Outfitters' };
const runnable = haveChromium && haveSamples;

/** The calendar day in this machine's time zone, as the extension writes it (same machine, same zone). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe.skipIf(!runnable)('saved looks and the fitting room in Chromium', () => {
  let browser: ExtensionBrowser;
  let servers: TestServers;
  let popup: Page;
  let room: Page;
  /** The result PNG each saved look showed in the overlay, by product title. */
  const shownResults: Record<string, string> = {};

  beforeAll(async () => {
    ({ browser, servers, popup } = await openExtensionSession());
    // The test reads the clipboard back (the fitting room only writes it, which a click allows
    // with no permission). Granted for every origin: the DevTools protocol takes no chrome-extension: origin.
    await browser.context.grantPermissions(['clipboard-read']);
  });
  afterAll(() => closeExtensionSession({ browser, servers }, {}, 'fitting-room-timings.json', ''));

  const inOverlay = (page: Page, hook: string) => overlayFrame(page).locator(`[data-fitroom="${hook}"]`);
  const inRoom = (hook: string) => room.locator(`[data-fitroom="${hook}"]`);
  const lookCards = () => room.locator('[data-fitroom="look"]');
  const lookCard = (title: string) => lookCards().filter({ has: room.locator('[data-fitroom="look-title"]', { hasText: title }) });
  const shot = (page: Page, name: string) => page.screenshot({ path: join(artefactsDir, `${name}.png`), fullPage: true });
  const loaded = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
  const downloadText = async (download: Download) => readFileSync(await download.path()).toString('utf8');

  async function storePortrait(page: Page) {
    const status = page.locator('[data-fitroom="portrait-status"]');
    await page.locator('[data-fitroom="portrait-input"]').setInputFiles(samplePath(PORTRAIT));
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 120_000 }).not.toMatch(/empty|analysing/);
    expect(await status.getAttribute('data-state'), (await status.textContent()) ?? '').toBe('ready');
  }

  /** Tries the page's first garment on, optionally switches to a size, saves the look; returns the page with its overlay open. */
  async function tryOnAndSave(file: string, size?: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl(file));
    await page.locator('[data-fitroom="try-on"]').first().click({ timeout: 15_000 });
    const result = inOverlay(page, 'result');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 120_000 }).toBe('result');
    if (size) {
      await overlayFrame(page).locator(`[data-fitroom="size-option"][data-size="${size}"]`).click();
      await expect.poll(() => overlayFrame(page).locator('[data-fitroom="size-option"][data-active="true"]').getAttribute('data-size')).toBe(size);
      await expect.poll(() => result.getAttribute('data-state'), { timeout: 60_000 }).toBe('result');
    }
    const save = inOverlay(page, 'save-look');
    expect(await save.getAttribute('data-state')).toBe('idle');
    await inOverlay(page, 'save-look-button').click();
    await expect.poll(() => save.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    return page;
  }

  it('stores a portrait', async () => {
    await storePortrait(popup);
  });

  it('saves a try-on from the overlay and opens the fitting room from there', async () => {
    const tee = await tryOnAndSave(TEE_PAGE, TEE.size);
    shownResults[TEE.title] = (await inOverlay(tee, 'result-image').getAttribute('src'))!;
    await shot(tee, 'looks-overlay-saved');
    await tee.close();

    const dress = await tryOnAndSave(DRESS_PAGE);
    shownResults[DRESS.title] = (await inOverlay(dress, 'result-image').getAttribute('src'))!;
    const opened = browser.context.waitForEvent('page');
    await inOverlay(dress, 'open-fitting-room').click();
    room = await opened;
    await room.waitForLoadState();
    expect(room.url()).toBe(browser.extensionUrl('fitting-room.html'));
    await dress.close();
  });

  it('shows the saved looks, newest first, with their title, price, size, store, date and pictures', async () => {
    await expect.poll(() => lookCards().count(), { timeout: 10_000 }).toBe(2);
    expect(await room.locator('[data-fitroom="look-title"]').allTextContents()).toEqual([DRESS.title, TEE.title]);
    const tee = lookCard(TEE.title);
    expect(await tee.locator('[data-fitroom="look-price"]').textContent()).toBe(TEE.price);
    expect(await tee.locator('[data-fitroom="look-size"]').textContent()).toBe(`Size: ${TEE.size}`);
    expect(await tee.locator('[data-fitroom="look-store"]').textContent()).toBe(TEE.store);
    expect(await tee.locator('[data-fitroom="look-date"]').textContent()).toBe(`Saved on ${today()}`);
    // The dress page has no size chart: no size is claimed.
    expect(await lookCard(DRESS.title).locator('[data-fitroom="look-size"]').count()).toBe(0);
    expect(await lookCard(DRESS.title).locator('[data-fitroom="look-price"]').textContent()).toBe(DRESS.price);

    await expect.poll(() => loaded(room, '[data-fitroom="look-image"], [data-fitroom="look-garment"]')).toEqual([true, true, true, true]);
    // The saved picture is the very PNG the overlay showed (the size switch's, for the tee).
    for (const [title, shown] of Object.entries(shownResults)) {
      const saved = await lookCard(title).locator('[data-fitroom="look-image"]').evaluate(async (img: HTMLImageElement) => {
        const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return `data:image/png;base64,${btoa(binary)}`;
      });
      expect(saved === shown, `${title}: the saved picture differs from the one shown`).toBe(true);
    }
    // The product photo is the small copy made from the downloaded bytes.
    const photo = await lookCard(TEE.title).locator('[data-fitroom="look-garment"]').evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }));
    expect(Math.max(photo.w, photo.h)).toBeLessThanOrEqual(480);
    expect(Math.min(photo.w, photo.h)).toBeGreaterThan(100);
    await shot(room, 'looks-fitting-room');
  });

  it('is reached from the popup too, and not from a store page', async () => {
    const opened = browser.context.waitForEvent('page');
    await popup.locator('[data-fitroom="open-fitting-room"]').click();
    const second = await opened;
    await second.waitForLoadState();
    expect(second.url()).toBe(browser.extensionUrl('fitting-room.html'));
    await expect.poll(() => second.locator('[data-fitroom="look"]').count(), { timeout: 10_000 }).toBe(2);
    await second.close();

    // Not web-accessible: a store page can neither fetch nor frame it, even at the extension's
    // per-run address, which it learns from the overlay's frame (the one web-accessible page).
    const shop = await browser.context.newPage();
    await shop.goto(servers.pageUrl('product-shirt.html'));
    await shop.locator('[data-fitroom="try-on"]').first().click({ timeout: 15_000 });
    const overlaySrc = (await (await shop.waitForSelector('iframe[data-fitroom="overlay-frame"]', { state: 'attached' })).getAttribute('src'))!;
    const dynamic = new URL(overlaySrc);
    // Not URL.origin: Node calls a chrome-extension: URL's origin 'null'.
    const origins = [`${dynamic.protocol}//${dynamic.host}`, `chrome-extension://${browser.extensionId}`];
    const probe = (u: string) => shop.evaluate(async (url) => fetch(url).then((r) => (r.ok ? 'read' : `status ${r.status}`), () => 'refused'), u);
    // The probe works: the overlay page itself can be fetched at the per-run address.
    expect(await probe(`${origins[0]}/overlay.html`)).toBe('read');
    for (const origin of origins) {
      expect(await probe(`${origin}/fitting-room.html`), origin).toBe('refused');
      const frame = await shop.evaluate((u) => {
        const f = document.createElement('iframe');
        f.src = u;
        f.setAttribute('data-probe', '');
        document.body.append(f);
      }, `${origin}/fitting-room.html`).then(() => shop.waitForSelector('iframe[data-probe]:last-of-type')).then((h) => h.contentFrame());
      await frame!.waitForLoadState();
      // Chromium's error page is in the frame, not the fitting room (which this test, unlike the page, could read).
      expect(await frame!.locator('[data-fitroom="looks"]').count(), origin).toBe(0);
      await shop.evaluate(() => document.querySelector('iframe[data-probe]')?.remove());
    }
    await shop.close();
  });

  it('compares two looks side by side', async () => {
    const compare = inRoom('compare');
    expect(await compare.isDisabled()).toBe(true);
    await lookCard(TEE.title).locator('[data-fitroom="look-select"]').check();
    expect(await compare.isDisabled()).toBe(true);
    await lookCard(DRESS.title).locator('[data-fitroom="look-select"]').check();
    await compare.click();
    const items = room.locator('[data-fitroom="compare-item"]');
    await expect.poll(() => items.count()).toBe(2);
    await expect.poll(() => loaded(room, '[data-fitroom="compare-image"]')).toEqual([true, true]);
    // In the order picked, side by side, each far larger than a grid card's picture.
    expect(await items.locator('figcaption strong').allTextContents()).toEqual([TEE.title, DRESS.title]);
    const [a, b] = [(await items.nth(0).locator('img').boundingBox())!, (await items.nth(1).locator('img').boundingBox())!];
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
    expect(a.height).toBeGreaterThan(500);
    await shot(room, 'looks-compare');
    await inRoom('compare-close').click();
    await expect.poll(() => lookCards().count()).toBe(2);
  });

  it('copies a look\'s picture to the clipboard as a PNG, and downloads it', async () => {
    const tee = lookCard(TEE.title);
    await room.bringToFront();
    await tee.locator('[data-fitroom="look-copy"]').click();
    await expect.poll(() => tee.locator('[data-fitroom="look-copy-status"]').getAttribute('data-state')).toBe('copied');
    const fromClipboard = await room.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item.getType('image/png');
      const bitmap = await createImageBitmap(blob);
      return { types: item.types, width: bitmap.width, height: bitmap.height };
    });
    const saved = await tee.locator('[data-fitroom="look-image"]').evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
    expect(fromClipboard).toEqual({ types: ['image/png'], ...saved });

    const downloading = room.waitForEvent('download');
    await tee.locator('[data-fitroom="look-download"]').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`fitroom-relaxed-cotton-tee-${today()}.png`);
    const png = readFileSync(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(saved.width);
  });

  it('exports the looks as a shopping list, in CSV and in text', async () => {
    const csvDownload = room.waitForEvent('download');
    await inRoom('export-csv').click();
    const csvFile = await csvDownload;
    expect(csvFile.suggestedFilename()).toBe(`fitroom-shopping-list-${today()}.csv`);
    const csv = await downloadText(csvFile);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Title,Size,Price,Link,Store,Date',
      `${DRESS.title},,${DRESS.price},${servers.pageUrl(DRESS_PAGE)},${DRESS.store},${today()}`,
      `${TEE.title},${TEE.size},${TEE.price},${servers.pageUrl(TEE_PAGE)},${TEE.store},${today()}`,
      '',
    ]);

    const textDownload = room.waitForEvent('download');
    await inRoom('export-text').click();
    const text = await downloadText(await textDownload);
    expect(text).toContain([TEE.title, `Size: ${TEE.size}`, `Price: ${TEE.price}`, `Store: ${TEE.store}`, `Saved on ${today()}`, servers.pageUrl(TEE_PAGE)].join('\n'));
    expect(text.startsWith('Fitroom shopping list\n\n')).toBe(true);
  });

  it('opens a look\'s product page, and deletes a look', async () => {
    const opened = browser.context.waitForEvent('page');
    await lookCard(TEE.title).locator('[data-fitroom="look-open"]').click();
    const product = await opened;
    await product.waitForLoadState();
    expect(product.url()).toBe(servers.pageUrl(TEE_PAGE));
    await product.close();

    await lookCard(DRESS.title).locator('[data-fitroom="look-delete"]').click();
    await expect.poll(() => room.locator('[data-fitroom="look-title"]').allTextContents()).toEqual([TEE.title]);
    // The deleted look left the comparison too.
    expect(await inRoom('compare').isDisabled()).toBe(true);
  });

  it('deleting the portrait offers to delete the looks made from it', async () => {
    const status = popup.locator('[data-fitroom="portrait-status"]');
    const offer = popup.locator('[data-fitroom="portrait-delete-offer"]');
    await popup.reload();
    await expect.poll(() => status.getAttribute('data-state')).toBe('ready');

    // Asked, and cancelled: nothing is deleted.
    await popup.locator('[data-fitroom="portrait-delete"]').click();
    await expect.poll(() => offer.getAttribute('data-count')).toBe('1');
    expect(await offer.textContent()).toContain('One saved look was made with this photo.');
    await popup.locator('[data-fitroom="delete-cancel"]').click();
    expect(await offer.count()).toBe(0);
    expect(await status.getAttribute('data-state')).toBe('ready');

    // The photo goes, its look stays.
    await popup.locator('[data-fitroom="portrait-delete"]').click();
    await popup.locator('[data-fitroom="delete-photo-only"]').click();
    await expect.poll(() => status.getAttribute('data-state')).toBe('empty');
    await room.reload();
    await expect.poll(() => room.locator('[data-fitroom="look-title"]').allTextContents()).toEqual([TEE.title]);

    // A new portrait and a look made from it: deleting that portrait counts only its own look.
    await storePortrait(room);
    const dress = await tryOnAndSave(DRESS_PAGE);
    await dress.close();
    await room.reload();
    await expect.poll(() => lookCards().count()).toBe(2);
    await room.locator('[data-fitroom="portrait-delete"]').click();
    const roomOffer = inRoom('portrait-delete-offer');
    await expect.poll(() => roomOffer.getAttribute('data-count')).toBe('1');
    await shot(room, 'looks-delete-offer');
    await inRoom('delete-with-looks').click();
    await expect.poll(() => room.locator('[data-fitroom="portrait-status"]').getAttribute('data-state')).toBe('empty');
    await expect.poll(() => room.locator('[data-fitroom="look-title"]').allTextContents()).toEqual([TEE.title]);
  });

  /** Waits for the overlay's result to be one other than `previous` (a re-render the shopper asked for); returns its PNG. */
  async function nextResult(page: Page, previous: string): Promise<string> {
    const result = inOverlay(page, 'result');
    const shown = async () => {
      const state = await result.getAttribute('data-state');
      if (state !== 'result') return state ?? 'none';
      const src = await inOverlay(page, 'result-image').evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? img.src : ''));
      return src && src !== previous ? 'new result' : 'waiting';
    };
    await expect.poll(shown, { timeout: 120_000 }).toMatch(/^(new result|error)$/);
    if ((await result.getAttribute('data-state')) === 'error') throw new Error(`The try-on failed: ${await inOverlay(page, 'error').textContent()}`);
    return (await inOverlay(page, 'result-image').getAttribute('src'))!;
  }

  /** Saves the result on show from an open overlay; returns the PNG it showed. */
  async function saveShown(page: Page): Promise<string> {
    const save = inOverlay(page, 'save-look');
    expect(await save.getAttribute('data-state')).toBe('idle');
    await inOverlay(page, 'save-look-button').click();
    await expect.poll(() => save.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    return (await inOverlay(page, 'result-image').getAttribute('src'))!;
  }

  /** The looks as stored, read from the extension's own IndexedDB (the fitting room is on its origin). */
  const storedLooks = () => room.evaluate(() => new Promise<{ id: string; garment: { url: string; category: string }; product: unknown; size?: string }[]>((resolve, reject) => {
    const open = indexedDB.open('fitroom');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('looks').objectStore('looks').getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => {
        resolve(all.result.map((l: { id: string; garment: { url: string; category: string }; product: unknown; size?: string }) => ({ id: l.id, garment: { url: l.garment.url, category: l.garment.category }, product: l.product, size: l.size })));
        db.close();
      };
    };
  }));

  it('a look saved after a colour pick keeps that colour\'s photo and the same product; after a kind correction, the kind and size shown', async () => {
    await storePortrait(room);
    const before = (await storedLooks()).length;
    // A height and tape measures, so the trousers below get a recommended size (their chart's M: waist 70–76, hips 94–100 cm).
    await popup.reload();
    await popup.locator('[data-fitroom="profile-height"]').fill('170');
    await popup.locator('[data-fitroom="profile-waist"]').fill('73');
    await popup.locator('[data-fitroom="profile-hips"]').fill('97');
    await popup.locator('[data-fitroom="profile-save"]').click();
    await expect.poll(() => popup.locator('[data-fitroom="profile-status"]').getAttribute('data-state')).toBe('saved');

    // The tee in lilac (the photo clicked), saved; then in black, saved again.
    const colours = await browser.context.newPage();
    await colours.goto(servers.pageUrl('product-colours-json-ld.html'));
    await colours.locator('[data-fitroom="try-on"]').first().click({ timeout: 15_000 });
    const lilacShown = await nextResult(colours, '');
    await saveShown(colours);
    await overlayFrame(colours).locator('[data-fitroom="variant-option"][data-variant="Black"]').click();
    const blackShown = await nextResult(colours, lilacShown);
    expect(await overlayFrame(colours).locator('[data-fitroom="variant-option"][data-active="true"]').getAttribute('data-variant')).toBe('Black');
    expect(await saveShown(colours)).toBe(blackShown);
    await shot(colours, 'looks-saved-after-colour');
    await colours.close();

    // Trousers on a model, corrected to the model's top: no size buttons, the recommended size as advice.
    const model = await browser.context.newPage();
    await model.goto(servers.pageUrl('product-on-model-size-chart.html'));
    await model.locator('[data-fitroom="try-on"]').first().click({ timeout: 15_000 });
    const trousers = await nextResult(model, '');
    expect(await inOverlay(model, 'kind-picker').getAttribute('data-kind')).toBe('lower');
    await overlayFrame(model).locator('[data-fitroom="kind-option"][data-kind="upper"]').click();
    const topShown = await nextResult(model, trousers);
    expect(await inOverlay(model, 'kind-picker').getAttribute('data-kind')).toBe('upper');
    await expect.poll(() => inOverlay(model, 'size-advice').getAttribute('data-on-model')).toBe('true');
    expect(await inOverlay(model, 'size-option').count()).toBe(0);
    expect(await inOverlay(model, 'size-reason').textContent()).toMatch(/^Recommended: M\. /);
    expect(await saveShown(model)).toBe(topShown);
    await model.close();

    await room.reload();
    await expect.poll(() => lookCards().count(), { timeout: 10_000 }).toBe(before + 3);
    const looks = await storedLooks();
    // The tee saved first shows the lilac photo too: each look is told by its page and its photo's address.
    const find = (page: string, photo: string) => looks.filter((l) => (l.product as { url?: string } | null)?.url === servers.pageUrl(page) && l.garment.url === servers.imageUrl(photo));
    const [lilac] = find('product-colours-json-ld.html', 'garments/00055_00.jpg');
    const [black] = find('product-colours-json-ld.html', 'garments/03032_00.jpg');
    const [top] = find('product-on-model-size-chart.html', 'persons/049447_0.jpg');
    expect(lilac && black && top, JSON.stringify(looks.map((l) => [l.product, l.garment]))).toBeTruthy();
    // The colour changes the photo, not the product: the same title, price, page and store, read when Try on was clicked.
    expect(black.product).toEqual(lilac.product);
    expect(black.product).toMatchObject({ title: 'Logo Ringer Tee', url: servers.pageUrl('product-colours-json-ld.html') });
    expect([lilac.garment.category, black.garment.category]).toEqual(['upper', 'upper']);
    // The kind corrected is the kind kept, with the size the overlay showed (advice, on a model).
    expect(top).toMatchObject({ garment: { category: 'upper' }, size: 'M', product: { title: 'Printed Wide-Leg Trousers' } });

    const card = (id: string) => room.locator(`[data-fitroom="look"][data-look-id="${id}"]`);
    expect(await card(top.id).locator('[data-fitroom="look-size"]').textContent()).toBe('Size: M');
    expect(await card(black.id).locator('[data-fitroom="look-title"]').textContent()).toBe('Logo Ringer Tee');
    expect(await card(black.id).locator('[data-fitroom="look-open"]').getAttribute('href')).toBe(servers.pageUrl('product-colours-json-ld.html'));
    // Each saved picture is the PNG the overlay showed.
    const savedPng = (id: string) => card(id).locator('[data-fitroom="look-image"]').evaluate(async (img: HTMLImageElement) => {
      const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return `data:image/png;base64,${btoa(binary)}`;
    });
    expect((await savedPng(black.id)) === blackShown, 'the black look differs from the result shown').toBe(true);
    expect((await savedPng(lilac.id)) === lilacShown, 'the lilac look differs from the result shown').toBe(true);

    // Each look's product photo is its own colour's: closer, pixel for pixel at 16x16, to that sample than to the other.
    await expect.poll(() => loaded(room, '[data-fitroom="look-garment"]')).toEqual(Array(before + 3).fill(true));
    const sample = (file: string) => `data:image/jpeg;base64,${readFileSync(samplePath(file)).toString('base64')}`;
    const distances = async (id: string) => card(id).locator('[data-fitroom="look-garment"]').evaluate(async (img: HTMLImageElement, refs: string[]) => {
      const pixels = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = new OffscreenCanvas(16, 16);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0, 16, 16);
        return ctx.getImageData(0, 0, 16, 16).data;
      };
      const own = await pixels(img.src);
      return Promise.all(refs.map(async (ref) => {
        const other = await pixels(ref);
        let sum = 0;
        for (let i = 0; i < own.length; i++) if (i % 4 !== 3) sum += Math.abs(own[i] - other[i]);
        return sum / ((own.length / 4) * 3);
      }));
    }, [sample('garments/00055_00.jpg'), sample('garments/03032_00.jpg')]);
    const [lilacToLilac, lilacToBlack] = await distances(lilac.id);
    const [blackToLilac, blackToBlack] = await distances(black.id);
    expect(lilacToLilac).toBeLessThan(lilacToBlack);
    expect(blackToBlack).toBeLessThan(blackToLilac);
    expect(blackToBlack).toBeLessThan(10);
    await shot(room, 'looks-after-colour-and-kind');
  });
});

describe.skipIf(!runnable)('the portrait from the camera in Chromium', () => {
  let browser: ExtensionBrowser;
  let videoDir: string;
  let frame: { width: number; height: number };
  // Chromium's fake camera, filming the sample portrait: the run does not depend on the machine's camera.
  beforeAll(async () => {
    videoDir = mkdtempSync(join(tmpdir(), 'fitroom-camera-'));
    const video = join(videoDir, 'portrait.y4m');
    frame = await stillVideo(samplePath(PORTRAIT), video);
    browser = await launchWithExtension(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  });
  afterAll(async () => {
    await browser?.close();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  });

  async function openRoom(): Promise<Page> {
    const room = await browser.context.newPage();
    await room.goto(browser.extensionUrl('fitting-room.html'));
    return room;
  }
  const camera = (room: Page) => room.locator('[data-fitroom="camera"]');

  it('says plainly when the device has no camera', async () => {
    const room = await browser.context.newPage();
    // A device without one: the browser lists no video input.
    await room.addInitScript(() => {
      navigator.mediaDevices.enumerateDevices = async () => [];
    });
    await room.goto(browser.extensionUrl('fitting-room.html'));
    await expect.poll(() => camera(room).getAttribute('data-problem')).toBe('no-camera');
    expect(await room.locator('[data-fitroom="camera-problem"]').textContent()).toBe('No camera was found on this device. Choose a photo instead.');
    expect(await room.locator('[data-fitroom="camera-open"]').count()).toBe(0);
    await room.close();
  });

  it('says plainly when the camera is refused, and once allowed takes the photo through the portrait pipeline', async () => {
    await browser.context.clearPermissions(); // as on a first visit (and when this test runs again)
    const room = await openRoom();
    await expect.poll(() => camera(room).getAttribute('data-state')).toBe('ready');
    // Headless Chromium answers the permission prompt with no, as a shopper might.
    await room.locator('[data-fitroom="camera-open"]').click();
    await expect.poll(() => camera(room).getAttribute('data-problem'), { timeout: 10_000 }).toBe('refused');
    expect(await room.locator('[data-fitroom="camera-problem"]').textContent()).toContain('Fitroom may not use the camera.');

    await browser.context.grantPermissions(['camera']);
    await room.locator('[data-fitroom="camera-open"]').click();
    await expect.poll(() => camera(room).getAttribute('data-state'), { timeout: 10_000 }).toBe('live');
    const video = room.locator('[data-fitroom="camera-view"]');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    await room.screenshot({ path: join(artefactsDir, 'looks-camera-live.png') });
    await room.locator('[data-fitroom="camera-take"]').click();
    // The frame goes where a chosen file goes: re-encoded and analysed in the offscreen document,
    // then stored; the camera filmed the sample portrait, which the popup's test finds good.
    const status = room.locator('[data-fitroom="portrait-status"]');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 120_000 }).not.toMatch(/empty|analysing/);
    expect(await status.getAttribute('data-state'), (await status.textContent()) ?? '').toBe('ready');
    const stored = room.locator('[data-fitroom="portrait-image"]');
    await expect.poll(() => stored.evaluate((img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`)).toBe(`${frame.width}x${frame.height}`);
    await room.screenshot({ path: join(artefactsDir, 'looks-camera-portrait.png') });
    // The camera is closed again (its light off), ready for another try.
    expect(await camera(room).getAttribute('data-state')).toBe('ready');
    await room.close();
  });
});
