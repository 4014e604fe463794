/**
 * The page watcher's schedule, on Vitest's fake clock (setTimeout and performance.now):
 * the page's changes reach the watcher as linkedom's MutationObserver microtasks, which
 * advanceTimersByTimeAsync lets run before each timer, so no result depends on how busy
 * the machine is.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_NODES_CHECKED, watchGarmentImages, watchPage } from '../../lib/page/watch-page';
import type { GarmentImages } from '../../lib/page/types';
import { loadPage, pageFrom } from '../helpers/fixture-page';

/** Lets the page's pending changes reach the watcher, then moves the fake clock on by `ms`. */
const elapse = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchPage', () => {
  it('runs once, debounced, after a burst of relevant changes', async () => {
    const doc = pageFrom('<main><img id="a" src="/a.jpg"></main>');
    let calls = 0;
    const watch = watchPage(doc.body, () => calls++, { debounceMs: 30 });
    doc.getElementById('a')!.setAttribute('src', '/b.jpg');
    doc.querySelector('main')!.appendChild(doc.createElement('img'));
    doc.getElementById('a')!.setAttribute('srcset', '/c.jpg 800w');
    await elapse(29);
    expect(calls).toBe(0);
    await elapse(1);
    expect(calls).toBe(1);
    await elapse(200);
    expect(calls).toBe(1);
    watch.disconnect();
  });

  it('ignores our own UI, text-only changes and unwatched attributes', async () => {
    const doc = pageFrom('<main><img id="a" src="/a.jpg"><div data-fitroom="overlay"></div><p id="t">x</p></main>');
    let calls = 0;
    const watch = watchPage(doc.body, () => calls++, { debounceMs: 10 });
    const button = doc.createElement('button');
    button.setAttribute('data-fitroom', 'try-on');
    doc.querySelector('main')!.appendChild(button); // our button
    doc.querySelector('[data-fitroom="overlay"]')!.appendChild(doc.createElement('img')); // inside our overlay
    doc.getElementById('a')!.setAttribute('alt', 'new alt');
    doc.getElementById('t')!.textContent = 'y';
    await elapse(50);
    expect(calls).toBe(0);
    // The watcher is live: a change of the page's own picture is seen.
    doc.getElementById('a')!.setAttribute('src', '/b.jpg');
    await elapse(10);
    expect(calls).toBe(1);
    watch.disconnect();
  });

  it('stops after disconnect, dropping a pending run; flush runs a pending one now', async () => {
    const doc = pageFrom('<main></main>');
    let calls = 0;
    const watch = watchPage(doc.body, () => calls++, { debounceMs: 20 });
    doc.body.appendChild(doc.createElement('div'));
    await elapse(5); // the observer has queued a run
    expect(calls).toBe(0);
    watch.flush();
    expect(calls).toBe(1);
    doc.body.appendChild(doc.createElement('div'));
    await elapse(5);
    watch.disconnect();
    doc.body.appendChild(doc.createElement('div'));
    await elapse(50);
    expect(calls).toBe(1);
  });

  it('runs at least every maxWaitMs under a steady stream of changes', async () => {
    const doc = pageFrom('<main></main>');
    let calls = 0;
    const watch = watchPage(doc.body, () => calls++, { debounceMs: 40, maxWaitMs: 80 });
    // A change every 15 ms for 300 ms: never 40 ms of quiet, so only maxWaitMs makes it run.
    for (let i = 0; i < 20; i++) {
      doc.body.appendChild(doc.createElement('div'));
      await elapse(15);
    }
    expect(calls).toBeGreaterThanOrEqual(3);
    watch.disconnect();
  });

  it('checks its options', () => {
    const doc = pageFrom('<p></p>');
    expect(() => watchPage(doc.body, () => {}, { debounceMs: -1 })).toThrow('Expected debounceMs >= 0 but received -1');
    expect(() => watchPage(doc.body, () => {}, { debounceMs: 500, maxWaitMs: 100 })).toThrow('Expected maxWaitMs >= debounceMs (500) but received 100');
    expect(() => watchPage(doc.body, () => {}, { maxBusyShare: 0 })).toThrow('Expected maxBusyShare in (0, 1] but received 0');
  });

  it('request() asks for a run as a change does (debounced, one for a burst); none after disconnect', async () => {
    const doc = pageFrom('<main></main>');
    let calls = 0;
    const watch = watchPage(doc.body, () => calls++, { debounceMs: 20 });
    watch.request();
    watch.request();
    expect(calls).toBe(0);
    await elapse(19);
    expect(calls).toBe(0);
    await elapse(1);
    expect(calls).toBe(1);
    watch.request();
    watch.disconnect();
    await elapse(50);
    expect(calls).toBe(1);
  });

  it('a slow reading under changes that never settle takes at most maxBusyShare of the time', async () => {
    const doc = pageFrom('<main></main>');
    const BUSY_MS = 30;
    const starts: number[] = [];
    const slowRead = () => {
      starts.push(performance.now());
      // A page so big that reading it takes 30 ms: the fake clock moves on while it reads.
      vi.advanceTimersByTime(BUSY_MS);
    };
    const watch = watchPage(doc.body, slowRead, { debounceMs: 20, maxWaitMs: 60, maxBusyShare: 0.1 });
    const churnUntil = performance.now() + 1200;
    while (performance.now() < churnUntil) {
      doc.body.appendChild(doc.createElement('div'));
      await elapse(5);
    }
    watch.disconnect();
    // Without the bound it would run every 60 ms or so (about 15 times); with it, at least
    // 30 × 0.9 / 0.1 = 270 ms pass between the end of one run and the start of the next.
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts.length).toBeLessThanOrEqual(5);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(BUSY_MS + 270);
  });

  it(`reads at most ${MAX_NODES_CHECKED} nodes of a batch, and takes a bigger batch as a change`, async () => {
    const doc = pageFrom('<main><div data-fitroom="overlay"></div></main>');
    let checked = 0;
    const ours = (node: Node) => {
      checked++;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      return !!el?.closest('[data-fitroom]');
    };
    let calls = 0;
    const watch = watchPage(doc.body, () => calls++, { debounceMs: 10, ignore: ours });
    const own = doc.querySelector('[data-fitroom]')!;
    // A small batch inside our own UI: read whole, no run.
    for (let i = 0; i < 10; i++) own.appendChild(doc.createElement('span'));
    await elapse(30);
    expect(calls).toBe(0);
    // A huge batch of page nodes (text only, which alone would not matter): not read whole.
    checked = 0;
    const main = doc.querySelector('main')!;
    for (let i = 0; i < 20 * MAX_NODES_CHECKED; i++) main.appendChild(doc.createTextNode('x'));
    await elapse(10);
    expect(calls).toBe(1);
    expect(checked).toBeLessThanOrEqual(MAX_NODES_CHECKED + 1);
    watch.disconnect();
  });
});

describe('watchGarmentImages', () => {
  it('reports the first result, then again only when the gallery really changes', async () => {
    const doc = loadPage('magento-jeans.html');
    const results: GarmentImages[] = [];
    const watch = watchGarmentImages(doc, 'https://shop.fitroom.test/slim-fit-selvedge-jeans.html', (r) => results.push(r), { debounceMs: 10 });
    expect(results).toHaveLength(1);
    expect(results[0].candidates[1].element).toBeNull();

    // Our own button: no new result.
    const button = doc.createElement('button');
    button.setAttribute('data-fitroom', 'try-on');
    doc.body.appendChild(button);
    // A page change that does not change the result: no new result either.
    doc.querySelector('.product-info-main')!.appendChild(doc.createElement('span'));
    await elapse(40);
    expect(results).toHaveLength(1);

    // Fotorama builds the stage late: the back view now has an element.
    const c = 'https://cdn.fitroom.test/media/catalog/product/cache/5b2b/m/j';
    doc.querySelector('[data-gallery-role="gallery-placeholder"]')!.innerHTML =
      `<div class="fotorama__stage"><img class="fotorama__img" src="${c}/mj-slim-front.jpg"><img class="fotorama__img" src="${c}/mj-slim-back.jpg"></div>`;
    await elapse(10);
    expect(results).toHaveLength(2);
    expect(results[1].candidates.map((x) => x.element)).toEqual([...Array.from(doc.querySelectorAll('.fotorama__img')), null]);
    watch.disconnect();
  });
});
