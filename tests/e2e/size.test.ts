/**
 * Size advice in the built extension: the profile in the popup, the store's size
 * chart read from the product page, the recommended size and its reason in the
 * overlay, and a size switch that re-renders the garment with that size's fit.
 *
 * Needs `npm run build` first (npm test does it), /usr/bin/chromium and the sample
 * photos. Screenshots and size-timings.json go to test-results/e2e/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artefactsDir, haveChromium, overlayFrame, type ExtensionBrowser } from '../helpers/chromium';
import { haveSamples, samplePath } from '../helpers/samples';
import type { TestServers } from '../helpers/static-server';
import { closeExtensionSession, openExtensionSession } from '../helpers/e2e-session';
import { changedShare } from '../helpers/changed-share';

const PORTRAIT = 'persons/01008_00.jpg';
const CHART_PAGE = 'product-shirt-size-chart.html';
// The shopper's profile as the popup takes it. Tape measurements win over the photo's
// estimates, so the recommended size follows from the profile and the chart alone.
const PROFILE = { heightCm: '170', fit: 'regular', chestCm: '89', waistCm: '73' } as const;
// The chart's M row is chest 86-92 cm and waist 70-76 cm: 89 and 73 cm sit at the middle of both, where a regular fit wants them.
const EXPECTED_SIZE = 'M';
const runnable = haveChromium && haveSamples;

describe.skipIf(!runnable)('size advice in Chromium', () => {
  let browser: ExtensionBrowser;
  let servers: TestServers;
  let popup: Page;
  const timings: Record<string, number> = {};

  beforeAll(async () => ({ browser, servers, popup } = await openExtensionSession()));
  afterAll(() => closeExtensionSession({ browser, servers }, timings, 'size-timings.json', 'Fitroom size e2e timings (ms):'));

  // The overlay is an extension iframe over the page: its elements are reached as a frame's.
  const overlay = (page: Page) => overlayFrame(page).locator('[data-fitroom="result"]');
  const advice = (page: Page) => overlayFrame(page).locator('[data-fitroom="size-advice"]');
  const resultSrc = (page: Page) => overlayFrame(page).locator('[data-fitroom="result-image"]').evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? img.src : ''));
  const shot = (page: Page, name: string) => page.screenshot({ path: join(artefactsDir, `${name}.png`) });

  async function tryOn(file: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl(file));
    const button = page.locator('[data-fitroom="try-on"]').first();
    await button.waitFor({ timeout: 15_000 });
    await button.click();
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 120_000 }).toBe('result');
    await expect.poll(() => resultSrc(page), { timeout: 10_000 }).not.toBe('');
    return page;
  }

  it('stores a portrait', async () => {
    const status = popup.locator('[data-fitroom="portrait-status"]');
    await popup.locator('[data-fitroom="portrait-input"]').setInputFiles(samplePath(PORTRAIT));
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 120_000 }).not.toMatch(/empty|analysing/);
    expect(await status.getAttribute('data-state'), (await status.textContent()) ?? '').toBe('ready');
  });

  it('without a height, offers the chart\'s sizes and asks for the height', async () => {
    const page = await tryOn(CHART_PAGE);
    await expect.poll(() => advice(page).getAttribute('data-state')).toBe('no-height');
    expect(await overlayFrame(page).locator('[data-fitroom="size-option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-size')))).toEqual(['XS', 'S', 'M', 'L', 'XL']);
    expect(await overlayFrame(page).locator('[data-fitroom="add-height"]').isVisible()).toBe(true);
    await shot(page, 'size-no-height');
    await page.close();
  });

  it('keeps the profile from the popup', async () => {
    await popup.locator('[data-fitroom="profile-height"]').fill(PROFILE.heightCm);
    await popup.locator('[data-fitroom="profile-fit"]').selectOption(PROFILE.fit);
    await popup.locator('[data-fitroom="profile-chest"]').fill(PROFILE.chestCm);
    await popup.locator('[data-fitroom="profile-waist"]').fill(PROFILE.waistCm);
    await popup.locator('[data-fitroom="profile-save"]').click();
    await expect.poll(() => popup.locator('[data-fitroom="profile-status"]').getAttribute('data-state')).toBe('saved');
    const again = await browser.context.newPage();
    await again.goto(browser.extensionUrl('popup.html'));
    await expect.poll(() => again.locator('[data-fitroom="profile-height"]').inputValue()).toBe(PROFILE.heightCm);
    expect(await again.locator('[data-fitroom="profile-chest"]').inputValue()).toBe(PROFILE.chestCm);
    expect(await again.locator('[data-fitroom="profile-waist"]').inputValue()).toBe(PROFILE.waistCm);
    // Inches show the same height converted.
    await again.locator('[data-fitroom="profile-unit-in"]').check();
    expect(await again.locator('[data-fitroom="profile-height"]').inputValue()).toBe('66.9');
    await again.screenshot({ path: join(artefactsDir, 'popup-profile.png'), fullPage: true });
    await again.close();
  });

  it('shows the recommended size with its reason, and a size switch changes the rendered fit', async () => {
    const page = await tryOn(CHART_PAGE);
    await expect.poll(() => advice(page).getAttribute('data-state')).toBe('advice');
    const active = overlayFrame(page).locator('[data-fitroom="size-option"][data-active="true"]');
    const recommended = await active.getAttribute('data-size');
    expect(recommended).toBe(EXPECTED_SIZE);
    const reason = (await overlayFrame(page).locator('[data-fitroom="size-reason"]').textContent()) ?? '';
    expect(reason).toContain(`Recommended: ${EXPECTED_SIZE}.`);
    expect(reason).toContain(`your chest ${PROFILE.chestCm} cm is within M's 86–92 cm`);
    expect(reason).toContain(`your waist ${PROFILE.waistCm} cm is within M's 70–76 cm`);
    await shot(page, 'size-recommended');
    const before = await resultSrc(page);

    // Two sizes above M, so the difference is plain to see.
    const other = 'XL';
    const t0 = Date.now();
    await overlayFrame(page).locator(`[data-fitroom="size-option"][data-size="${other}"]`).click();
    await expect.poll(() => overlay(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('result');
    await expect.poll(() => resultSrc(page), { timeout: 60_000 }).not.toBe('');
    timings.sizeSwitch = Date.now() - t0;
    await expect.poll(async () => Number(await overlay(page).getAttribute('data-fitroom-elapsed-ms'))).toBeGreaterThan(0);
    timings.sizeSwitchInPage = Number(await overlay(page).getAttribute('data-fitroom-elapsed-ms'));
    const after = await resultSrc(page);
    expect(after).not.toBe(before);
    expect(await overlayFrame(page).locator('[data-fitroom="size-option"][data-active="true"]').getAttribute('data-size')).toBe(other);
    // The recommendation stays marked while another size is on show.
    expect(await overlayFrame(page).locator(`[data-fitroom="size-option"][data-size="${recommended}"]`).getAttribute('class')).toContain('fr-size-recommended');
    await shot(page, `size-switched-to-${other}`);

    // How much of the picture changed: the garment's outline, not the whole photo.
    const changed = await changedShare(page, before, after);
    timings.sizeSwitchChangedPerMille = Math.round(changed * 1000);
    expect(changed).toBeGreaterThan(0.005);
    expect(changed).toBeLessThan(0.5);
    await page.close();
  });

  it('says plainly when the store shows no size chart', async () => {
    const page = await tryOn('product-shirt.html');
    await expect.poll(() => advice(page).getAttribute('data-state')).toBe('no-chart');
    expect(await advice(page).textContent()).toMatch(/no size chart/);
    expect(await overlayFrame(page).locator('[data-fitroom="size-option"]').count()).toBe(0);
    await shot(page, 'size-no-chart');
    await page.close();
  });
});
