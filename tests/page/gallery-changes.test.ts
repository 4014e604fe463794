/**
 * Galleries that change after the first load, read again by watchGarmentImages: a slide
 * the theme inserts late, one whose picture it swaps in place, one it removes. Each
 * fixture page holds the markup as it arrives; the test makes the change the page's own
 * script makes (the fixture says which). On Vitest's fake clock: the change is read after
 * the debounce whatever the machine's load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchGarmentImages } from '../../lib/page/watch-page';
import type { GarmentImages } from '../../lib/page/types';
import { loadPage } from '../helpers/fixture-page';

const SHOP = 'https://shop.fitroom.test';
const CDN = 'https://cdn.fitroom.test';
const FAST = { debounceMs: 10, maxWaitMs: 50 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets the page's change reach the watcher (a MutationObserver microtask) and the debounce pass. */
const afterDebounce = () => vi.advanceTimersByTimeAsync(FAST.debounceMs);

/** Watches `doc` and returns the results seen so far (the first at once). */
function watchResults(doc: Document, pageUrl: string) {
  const results: GarmentImages[] = [];
  const watch = watchGarmentImages(doc, pageUrl, (r) => results.push(r), FAST);
  return { results, watch };
}

describe('gallery changes after the first load', () => {
  it('slides the theme inserts late become candidates on their own <img>', async () => {
    const doc = loadPage('gallery-late-slide.html');
    const { results, watch } = watchResults(doc, `${SHOP}/products/ribbed-knit-polo`);
    expect(results).toHaveLength(1);
    expect(results[0].candidates.map((c) => c.src)).toEqual([`${CDN}/cdn/shop/products/ribbed-polo-1.jpg?v=2&width=1500`]);

    // As the theme does: the template's slides appended to the slider.
    const template = doc.getElementById('LateSlides') as HTMLTemplateElement;
    doc.getElementById('Slider-Gallery-main')!.insertAdjacentHTML('beforeend', template.innerHTML);
    await afterDebounce();
    expect(results).toHaveLength(2);
    const p = `${CDN}/cdn/shop/products/ribbed-polo`;
    expect(results[1].candidates.map((c) => c.src)).toEqual([`${p}-1.jpg?v=2&width=1500`, `${p}-2.jpg?v=2&width=1500`, `${p}-3.jpg?v=2&width=1500`]);
    expect(results[1].candidates.map((c) => c.element)).toEqual(Array.from(doc.querySelectorAll('li.product__media-item img')));
    watch.disconnect();
  });

  it('a picture swapped in place (WooCommerce variation): the same <img>, the new picture', async () => {
    const doc = loadPage('gallery-swapped-slide.html');
    const { results, watch } = watchResults(doc, `${SHOP}/product/cord-overshirt/`);
    const img = doc.querySelector('.woocommerce-product-gallery__image img')!;
    const u = `${CDN}/wp-content/uploads/2024/09`;
    expect(results[0].candidates[0]).toMatchObject({ element: img, src: `${u}/cord-overshirt-tan.jpg` });

    // As WooCommerce's variation script does for the navy variation (data-product_variations).
    const form = doc.querySelector('form.variations_form')!;
    const navy = (JSON.parse(form.getAttribute('data-product_variations')!) as { image: { src: string; srcset: string; full_src: string } }[])[1].image;
    img.setAttribute('src', navy.src);
    img.setAttribute('srcset', navy.srcset);
    img.setAttribute('data-src', navy.full_src);
    img.setAttribute('data-large_image', navy.full_src);
    img.closest('a')!.setAttribute('href', navy.full_src);
    await afterDebounce();
    expect(results).toHaveLength(2);
    expect(results[1].candidates[0]).toMatchObject({ element: img, src: `${u}/cord-overshirt-navy.jpg`, source: 'woocommerce' });
    // The tan picture is named by the JSON-LD only now: shown nowhere, so no button.
    expect(results[1].candidates.find((c) => c.src === `${u}/cord-overshirt-tan.jpg`)).toMatchObject({ element: null, source: 'json-ld' });
    // The back view is untouched.
    expect(results[1].candidates.find((c) => c.src === `${u}/cord-overshirt-back.jpg`)).toEqual(results[0].candidates[1]);
    watch.disconnect();
  });

  it('a slide the theme removes loses its element (the JSON-LD still names its picture: no button)', async () => {
    const doc = loadPage('gallery-removed-slide.html');
    const { results, watch } = watchResults(doc, `${SHOP}/products/pleated-midi-skirt`);
    const [sage, black] = Array.from(doc.querySelectorAll('li.product__media-item img'));
    expect(results[0].candidates.map((c) => c.element)).toEqual([sage, black]);

    // As the theme does on choosing Sage: the other colour's slides leave the slider.
    for (const li of Array.from(doc.querySelectorAll('li[data-media-colour]:not([data-media-colour="sage"])'))) li.remove();
    await afterDebounce();
    expect(results).toHaveLength(2);
    const s = `${CDN}/cdn/shop/products/pleated-skirt`;
    expect(results[1].candidates.map((c) => [c.src, c.element])).toEqual([
      [`${s}-sage.jpg?v=5&width=1200`, sage],
      [`${s}-black.jpg?v=5`, null],
    ]);
    watch.disconnect();
  });
});
