/**
 * A store page that attacks the extension (tests/fixtures/e2e/hostile-shop.html): its
 * own script fires synthetic clicks and key presses, catches every shadow root it can,
 * frames the overlay page itself, and sweeps every shadow root, iframe and image it can
 * reach for pixels (canvas) and bytes (fetch of blob:, data: and extension URLs). It
 * must not start a try-on, nor shut one, and when the shopper starts one it must get
 * nothing of the portrait or the result. The claims are docs/privacy.md's.
 *
 * Needs `npm run build` first (npm test does it), /usr/bin/chromium and the sample photos.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { NO_REQUEST_MESSAGE } from '../../lib/overlay/overlay-controller';
import { artefactsDir, haveChromium } from '../helpers/chromium';
import { closeExtensionSession, openExtensionSession, type ExtensionSession } from '../helpers/e2e-session';
import { haveSamples, samplePath } from '../helpers/samples';

const PORTRAIT = 'persons/01008_00.jpg';
const GARMENT = 'garments/00055_00.jpg';
const runnable = haveChromium && haveSamples;

type Read = { ok: boolean; error?: string; bytes?: number; width?: number; height?: number };

interface HostileReport {
  syntheticClicks: number;
  syntheticEscapes: number;
  innerButtonClicks: number;
  attachShadowCalls: number;
  openShadowRoots: string[];
  overlayFramesAdded: { src: string; at: number }[];
  /** Every iframe state it saw, and those of its last sweep. */
  frames: { src: string; copy: boolean; readable: boolean; href: string | null }[];
  framesNow: { src: string; copy: boolean; readable: boolean; href: string | null }[];
  framedCopies: number;
  images: string[];
  pixelReads: Record<string, Read>;
  fetches: Record<string, Read>;
  leakedAttributes: string[];
  messages: { origin: string; data: string }[];
  runtime: string;
  sweeps: number;
}

/** A DOM.Node of the DevTools protocol, as far as this reads it. */
interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = findNode(child, test);
    if (hit) return hit;
  }
  return null;
}

/**
 * Clicks the button inside the Try on button's closed shadow root with a script's
 * click, as a page would if it ever got hold of it: the DevTools protocol sees closed
 * roots, and runs the click in the page's own world. Returns the root's mode.
 */
async function scriptClickInsideButton(cdp: CDPSession): Promise<string | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const host = findNode(root, (n) => {
    const a = n.attributes ?? [];
    const i = a.indexOf('data-fitroom');
    return i >= 0 && i % 2 === 0 && a[i + 1] === 'try-on';
  });
  if (!host?.shadowRoots?.length) throw new Error('Expected the Try on button host to have a shadow root the DevTools protocol can see.');
  const shadow = host.shadowRoots[0];
  const button = findNode(shadow, (n) => n.nodeName === 'BUTTON');
  if (!button) throw new Error('Expected a <button> inside the Try on button\'s shadow root.');
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: button.backendNodeId })) as { object: { objectId: string } };
  await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function () {
      // Count what arrives, so the test knows the clicks reached the real button.
      this.addEventListener('click', () => { window.__hostile.innerButtonClicks++; });
      this.click();
      this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      this.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }`,
  });
  return shadow.shadowRootType;
}

describe.skipIf(!runnable)('a hostile store page', () => {
  let session: ExtensionSession;
  let page: Page;
  const report = () => page.evaluate(() => (window as unknown as { __hostile: HostileReport }).__hostile);
  const sweepsPast = async (n: number) => expect.poll(async () => (await report()).sweeps, { timeout: 15_000 }).toBeGreaterThan(n);
  const overlayFrames = () => page.frames().filter((f) => f.url().includes('overlay.html'));
  const button = () => page.locator(`[data-fitroom="try-on"][data-fitroom-src="${session.servers.imageUrl(GARMENT)}"]`);

  beforeAll(async () => { session = await openExtensionSession(); });
  afterAll(() => closeExtensionSession(session ?? {}, {}, 'hostile-timings.json', ''));

  it('(a portrait is stored first)', async () => {
    const status = session.popup.locator('[data-fitroom="portrait-status"]');
    await session.popup.locator('[data-fitroom="portrait-input"]').setInputFiles(samplePath(PORTRAIT));
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 120_000 }).not.toMatch(/empty|analysing/);
    expect(await status.getAttribute('data-state'), (await status.textContent()) ?? '').toBe('ready');
    page = await session.browser.context.newPage();
    await page.goto(session.servers.pageUrl('hostile-shop.html'));
  });

  it('cannot start a try-on with synthetic clicks, even on the button inside the closed root; the shopper\'s click can', async () => {
    await button().waitFor({ timeout: 15_000 });
    // The page's own sweeps click the host, its pointer and key events, what is under its centre.
    await expect.poll(async () => (await report()).syntheticClicks, { timeout: 15_000 }).toBeGreaterThan(3);
    // And a script holding the inner button itself clicks it.
    const cdp = await session.browser.context.newCDPSession(page);
    expect(await scriptClickInsideButton(cdp)).toBe('closed');
    await cdp.detach();
    expect((await report()).innerButtonClicks).toBe(2); // both clicks reached the button: only isTrusted stops them

    const r = await report();
    expect(r.openShadowRoots).toEqual(['hostile-widget']); // its own; the button's root is closed
    expect(r.attachShadowCalls).toBe(0); // made in the content script's world, where the page's patch does not reach
    expect(r.runtime).toBe('undefined'); // no way to message the extension from the page
    expect(await button().evaluate((host) => host.shadowRoot)).toBeNull();
    expect(r.overlayFramesAdded).toEqual([]);

    // The shopper's click goes through the same content script, after all of those: had any
    // of them opened an overlay, its frame would have been added first (the page notes every one).
    const clickedAt = await page.evaluate(() => performance.now());
    await button().click();
    await expect.poll(() => page.locator('iframe[data-fitroom="overlay-frame"]').count(), { timeout: 15_000 }).toBe(1);
    const added = (await report()).overlayFramesAdded;
    expect(added).toHaveLength(1);
    expect(added[0].at).toBeGreaterThan(clickedAt);
  });

  it('gets nothing of the portrait or the result while the shopper tries on, and cannot shut the overlay', async () => {
    // The page framed the overlay page too, racing ours for the request: one of the two
    // gets it (the id is good once), the other says no try-on is waiting.
    await expect.poll(() => overlayFrames().length, { timeout: 15_000 }).toBe(2);
    const stateOf = (f: Frame) => f.locator('[data-fitroom="result"]').getAttribute('data-state', { timeout: 1_000 }).catch(() => null);
    const states = () => Promise.all(overlayFrames().map(stateOf));
    await expect.poll(async () => (await states()).sort(), { timeout: 120_000 }).toEqual(['error', 'result']);
    const frames = overlayFrames();
    const shown = frames[(await states()).indexOf('result')];
    const refused = frames[(await states()).indexOf('error')];
    const copyWon = (await (await shown.frameElement()).getAttribute('data-copy')) !== null;
    console.info(`Fitroom hostile page: the request went to ${copyWon ? 'the page\'s copy' : 'the real overlay frame'}.`);
    expect(await refused.locator('[data-fitroom="error"]').textContent()).toContain(NO_REQUEST_MESSAGE);
    expect(await refused.locator('[data-fitroom="result-image"]').count()).toBe(0);

    const result = shown.locator('[data-fitroom="result-image"]');
    await expect.poll(() => result.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const resultSrc = (await result.getAttribute('src'))!;
    const portraitSrc = (await shown.locator('[data-fitroom="before-image"]').getAttribute('src'))!;
    expect(resultSrc).toMatch(/^data:image\/png;base64,/);
    expect(portraitSrc).toMatch(/^data:image\/jpeg;base64,/);
    // The page's CSS (opacity: 0 on [data-fitroom] and iframes) does not hide our overlay from the shopper.
    for (const sel of ['[data-fitroom="overlay"]', 'iframe[data-fitroom="overlay-frame"]']) {
      expect(await page.locator(sel).evaluate((el) => getComputedStyle(el).opacity), sel).toBe('1');
    }
    await page.screenshot({ path: join(artefactsDir, 'hostile-page-result.png') });

    // Let the page sweep at least twice more with the result on screen, Esc presses included.
    const before = await report();
    await sweepsPast(before.sweeps + 2);
    const r = await report();
    expect(r.syntheticEscapes).toBeGreaterThan(before.syntheticEscapes);
    expect(await page.locator('iframe[data-fitroom="overlay-frame"]').count()).toBe(1); // still open

    // It saw the overlay's iframe, and its own copy of it, but could read neither once
    // loaded. Before a frame's navigation commits, a sweep may catch its initial empty
    // about:blank document, which is the page's own; nothing else was ever readable.
    expect(r.framedCopies).toBe(1);
    expect(r.framesNow.map((f) => [f.copy, f.src.includes('overlay.html'), f.readable, f.href]).sort())
      .toEqual([[false, true, false, null], [true, true, false, null]]);
    expect(r.frames.filter((f) => (f.readable || f.href !== null) && f.href !== 'about:blank')).toEqual([]);

    // Its sweep works: its own data: picture in its open shadow root and its blob: picture it read, pixels and bytes.
    const own = Object.entries(r.pixelReads).filter(([src]) => /^(data|blob):/.test(src));
    expect(own.map(([src]) => src.slice(0, 5)).sort()).toEqual(['blob:', 'data:']);
    for (const [src, read] of own) {
      expect(read, src).toMatchObject({ ok: true, width: 4, height: 4 });
      expect(r.fetches[src], src).toMatchObject({ ok: true });
    }
    // Every other picture it found is its own product photo, on the CDN, which it could not read (another origin).
    const others = r.images.filter((src) => !/^(data|blob):/.test(src));
    expect(others).toEqual([session.servers.imageUrl(GARMENT)]);
    expect(r.pixelReads[others[0]]).toEqual({ ok: false, error: 'SecurityError' });
    // Nothing else was fetched: no picture of ours, no extension URL.
    expect(Object.keys(r.fetches).sort()).toEqual(own.map(([src]) => src).sort());
    expect(r.leakedAttributes).toEqual([]);
    // Nothing of either picture anywhere in what it collected, nor in what was posted to it.
    const everything = JSON.stringify(r);
    for (const src of [resultSrc, portraitSrc]) {
      const sample = src.slice(src.indexOf(',') + 1).slice(200, 264); // past the format's common header
      expect(everything.includes(sample)).toBe(false);
    }
    expect(r.messages.filter((m) => /data:|blob:|base64/.test(m.data))).toEqual([]);
  });
});
