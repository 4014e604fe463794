/**
 * The shopper's choices in the overlay, in the built extension: the product's colours
 * read from the page (JSON-LD variants, image swatches, a WooCommerce colour select)
 * offered as buttons, a pick trying that colour's photo on; the kind of garment said
 * and corrected (trousers on a model re-tried as the model's top); no size buttons
 * for a garment worn by a model, with the size kept as advice; and the usual size
 * from the popup's profile in the size reason.
 *
 * Needs `npm run build` first (npm test does it), /usr/bin/chromium and the sample
 * photos. Screenshots and choices-timings.json go to test-results/e2e/.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artefactsDir, haveChromium, overlayFrame, type ExtensionBrowser } from '../helpers/chromium';
import { haveSamples, samplePath } from '../helpers/samples';
import type { TestServers } from '../helpers/static-server';
import { closeExtensionSession, openExtensionSession } from '../helpers/e2e-session';
import { changedShare } from '../helpers/changed-share';

const PORTRAIT = 'persons/01008_00.jpg';
const runnable = haveChromium && haveSamples;

describe.skipIf(!runnable)('choices in the overlay, in Chromium', () => {
  let browser: ExtensionBrowser;
  let servers: TestServers;
  let popup: Page;
  const timings: Record<string, number> = {};

  beforeAll(async () => ({ browser, servers, popup } = await openExtensionSession()));
  afterAll(() => closeExtensionSession({ browser, servers }, timings, 'choices-timings.json', 'Fitroom overlay-choices e2e timings (ms):'));
  afterEach(async () => {
    for (const p of browser?.context.pages() ?? []) if (p.url().startsWith(servers.storeOrigin)) await p.close();
  });

  const overlay = (page: Page) => overlayFrame(page).locator('[data-fitroom="result"]');
  const inOverlay = (page: Page, hook: string) => overlayFrame(page).locator(`[data-fitroom="${hook}"]`);
  /** The result image's data URL once it is decoded, else ''. */
  const resultSrc = (page: Page) => inOverlay(page, 'result-image').evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? img.src : ''));
  const attrs = (page: Page, hook: string, attr: string) => inOverlay(page, hook).evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), attr);
  const shot = (page: Page, name: string) => page.screenshot({ path: join(artefactsDir, `${name}.png`) });

  /** Waits for the overlay to settle on a result, failing with the overlay's error if it shows one. */
  async function result(page: Page, what: string): Promise<string> {
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 120_000 }).toMatch(/^(result|error)$/);
    if ((await overlay(page).getAttribute('data-state')) === 'error') {
      await shot(page, `choices-error-${what}`);
      throw new Error(`The try-on of ${what} failed: ${await inOverlay(page, 'error').textContent()}`);
    }
    await expect.poll(() => resultSrc(page), { timeout: 10_000 }).not.toBe('');
    return resultSrc(page);
  }

  /** Waits for a result other than `previous` (a re-render the shopper asked for), failing with the overlay's error if it shows one. */
  async function nextResult(page: Page, previous: string, what: string): Promise<string> {
    const settled = async () => {
      const state = await overlay(page).getAttribute('data-state');
      if (state === 'error') return 'error';
      return state === 'result' && (await resultSrc(page)) !== previous ? 'new result' : 'waiting';
    };
    await expect.poll(settled, { timeout: 120_000 }).not.toBe('waiting');
    return result(page, what);
  }

  /** Opens a fixture page and clicks Try on on its main photo. */
  async function tryOn(file: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl(file));
    const button = page.locator('[data-fitroom="try-on"]').first();
    await button.waitFor({ timeout: 15_000 });
    await button.click();
    return page;
  }

  it('stores a portrait', async () => {
    const status = popup.locator('[data-fitroom="portrait-status"]');
    await popup.locator('[data-fitroom="portrait-input"]').setInputFiles(samplePath(PORTRAIT));
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 120_000 }).not.toMatch(/empty|analysing/);
    expect(await status.getAttribute('data-state'), (await status.textContent()) ?? '').toBe('ready');
  });

  it('offers the colours of a JSON-LD ProductGroup, and a pick tries that colour\'s photo on', async () => {
    const page = await tryOn('product-colours-json-ld.html');
    const before = await result(page, 'the lilac tee');
    expect(await attrs(page, 'variant-option', 'data-variant')).toEqual(['Lilac', 'Red and navy', 'Black']);
    // The photo clicked is the lilac one.
    expect(await attrs(page, 'variant-option', 'data-active')).toEqual(['true', null, null]);
    await shot(page, 'choices-colours-json-ld');

    const t0 = Date.now();
    await overlayFrame(page).locator('[data-fitroom="variant-option"][data-variant="Black"]').click();
    const after = await nextResult(page, before, 'the black tee');
    timings.colourSwitch = Date.now() - t0;
    expect(await attrs(page, 'variant-option', 'data-active')).toEqual([null, null, 'true']);
    // Another garment on the same portrait: the garment's area changes, not the whole photo.
    const changed = await changedShare(page, before, after);
    timings.colourSwitchChangedPerMille = Math.round(changed * 1000);
    expect(changed).toBeGreaterThan(0.02);
    expect(changed).toBeLessThan(0.6);
    await shot(page, 'choices-colour-black');
  });

  it.for([
    ['product-colours-swatches.html', ['Red and navy', 'Black print', 'Yellow']],
    ['product-colours-select.html', ['Striped navy', 'Floral black']],
  ] as const)('offers the colours of %s', async ([file, names]) => {
    const page = await tryOn(file);
    await result(page, file);
    expect(await attrs(page, 'variant-option', 'data-variant')).toEqual(names);
    expect(await attrs(page, 'variant-option', 'data-active')).toEqual(names.map((_, i) => (i === 0 ? 'true' : null)));
    await shot(page, `choices-colours-${file.replace('.html', '')}`);
  });

  it('offers no colours on a page with one', async () => {
    const page = await tryOn('product-shirt.html');
    await result(page, 'the shirt');
    expect(await inOverlay(page, 'variant-picker').count()).toBe(0);
    expect(await inOverlay(page, 'variant-option').count()).toBe(0);
  });

  it('keeps the profile with a usual size, and says it in the size reason', async () => {
    await popup.locator('[data-fitroom="profile-height"]').fill('170');
    await popup.locator('[data-fitroom="profile-fit"]').selectOption('regular');
    await popup.locator('[data-fitroom="profile-chest"]').fill('89');
    await popup.locator('[data-fitroom="profile-waist"]').fill('73');
    await popup.locator('[data-fitroom="profile-usual-size"]').fill('L');
    expect(await popup.locator('[data-fitroom="profile-weight"]').count()).toBe(0);
    await popup.locator('[data-fitroom="profile-save"]').click();
    await expect.poll(() => popup.locator('[data-fitroom="profile-status"]').getAttribute('data-state')).toBe('saved');

    // The chart's M row is chest 86–92 and waist 70–76 cm: 89 and 73 cm sit at its middle, so M wins
    // clearly and the usual size is only compared with it.
    const page = await tryOn('product-shirt-size-chart.html');
    await result(page, 'the tee with a size chart');
    await expect.poll(() => inOverlay(page, 'size-advice').getAttribute('data-state')).toBe('advice');
    expect(await overlayFrame(page).locator('[data-fitroom="size-option"][data-active="true"]').getAttribute('data-size')).toBe('M');
    expect(await inOverlay(page, 'size-reason').textContent()).toContain('You usually wear L; for your chest and waist this chart gives M.');
    await shot(page, 'choices-usual-size');
  });

  it('trousers on a model: no size buttons, the size as advice; the kind said, and corrected to the model\'s top', async () => {
    const page = await tryOn('product-on-model-size-chart.html');
    const trousers = await result(page, 'the trousers on a model');
    // The engine's on-model path takes no fit: sizes would not change the picture.
    await expect.poll(() => inOverlay(page, 'size-advice').getAttribute('data-state')).toBe('advice');
    expect(await inOverlay(page, 'size-advice').getAttribute('data-on-model')).toBe('true');
    expect(await inOverlay(page, 'size-on-model').textContent()).toContain('sizes do not change the picture');
    expect(await inOverlay(page, 'size-option').count()).toBe(0);
    expect(await inOverlay(page, 'size-reason').textContent()).toMatch(/^Recommended: (S|M|L|XL)\. /);
    // The page's words say trousers.
    expect(await inOverlay(page, 'kind-picker').getAttribute('data-kind')).toBe('lower');
    expect(await inOverlay(page, 'kind-used').textContent()).toContain('as a bottom');
    await shot(page, 'choices-on-model-trousers');

    const t0 = Date.now();
    await overlayFrame(page).locator('[data-fitroom="kind-option"][data-kind="upper"]').click();
    const top = await nextResult(page, trousers, 'the model\'s top');
    timings.kindSwitch = Date.now() - t0;
    expect(await inOverlay(page, 'kind-picker').getAttribute('data-kind')).toBe('upper');
    expect(await inOverlay(page, 'kind-used').textContent()).toBe('Fitroom tried this on as a top.');
    expect(await attrs(page, 'kind-option', 'aria-pressed')).toEqual(['true', 'false', 'false']);
    const changed = await changedShare(page, trousers, top);
    timings.kindSwitchChangedPerMille = Math.round(changed * 1000);
    expect(changed).toBeGreaterThan(0.02);
    await shot(page, 'choices-on-model-top');
  });
});
