/**
 * Reading an image element: the URL of the largest version it offers, and how big
 * it is shown, without layout APIs (an optional measurement function is injected
 * by the content script; Node has none).
 */
import type { MeasureElement, SizeEstimate } from './types';
import { largestSrcsetCandidate, parseSrcset } from './srcset';
import { fillShopifyWidthTemplate, toAbsoluteUrl, urlSizeHint } from './url';

// Attributes that name the full-size picture directly (WooCommerce, BigCommerce, zoom plugins, JD).
const FULL_SIZE_ATTRS = ['data-large_image', 'data-zoom-image', 'data-zoom-src', 'data-full', 'data-origin'];

/** Every srcset an image offers: its own (eager or lazy) and those of its <picture>'s <source>s. */
function srcsets(img: Element): string[] {
  const sets = [img.getAttribute('srcset'), img.getAttribute('data-srcset')];
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
  if (picture) {
    for (const source of Array.from(picture.querySelectorAll('source'))) {
      sets.push(source.getAttribute('srcset'), source.getAttribute('data-srcset'));
    }
  }
  return sets.filter((s): s is string => !!s && s.trim().length > 0);
}

function dataWidths(img: Element): number[] {
  const raw = img.getAttribute('data-widths');
  if (!raw) return [];
  return (raw.match(/\d+/g) ?? []).map(Number).filter((n) => n > 0);
}

/**
 * Absolute URL of the largest picture an element offers: a full-size attribute
 * (`data-large_image`, `data-zoom-image`, `data-origin`…), else the widest srcset
 * candidate (eager, lazy or from <picture>), else `data-src`, else `src`.
 * Null when none resolves to an http(s) URL.
 *
 * @example
 * largestImageUrl(img, 'https://shop.fitroom.test/p') // → 'https://cdn.fitroom.test/img/shirt-1.jpg'
 */
export function largestImageUrl(img: Element, pageUrl: string): string | null {
  const widths = dataWidths(img);
  const resolve = (u: string | null | undefined) => toAbsoluteUrl(u ? fillShopifyWidthTemplate(u, widths) : u, pageUrl);
  for (const attr of FULL_SIZE_ATTRS) {
    const u = resolve(img.getAttribute(attr));
    if (u) return u;
  }
  let best: { url: string; size: number; byWidth: boolean } | null = null;
  for (const set of srcsets(img)) {
    const c = largestSrcsetCandidate(set);
    const u = c ? resolve(c.url) : null;
    if (!c || !u) continue;
    const byWidth = c.width !== undefined;
    const size = c.width ?? c.density ?? 1;
    // A width descriptor beats a density one: it says how big the file really is.
    if (!best || (byWidth && !best.byWidth) || (byWidth === best.byWidth && size > best.size)) best = { url: u, size, byWidth };
  }
  if (best) return best.url;
  return resolve(img.getAttribute('data-src')) ?? resolve(img.getAttribute('src'));
}

/**
 * The URL the element displays now (for size hints): `src` unless it is a placeholder, else `data-src`.
 *
 * @example
 * displayedUrl(img, 'https://shop.fitroom.test/p') // → 'https://cdn.fitroom.test/a_60x60q50.jpg'
 */
export function displayedUrl(img: Element, pageUrl: string): string | null {
  return toAbsoluteUrl(img.getAttribute('src'), pageUrl) ?? toAbsoluteUrl(img.getAttribute('data-src'), pageUrl);
}

function intAttr(el: Element, name: string): number | undefined {
  const raw = el.getAttribute(name);
  if (!raw || !/^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(raw)) return undefined;
  const n = parseFloat(raw);
  return n > 0 ? n : undefined;
}

/**
 * How big an image is shown, best source first: the injected `measure` (ignored
 * when it reports 0x0, e.g. an inactive gallery slide), the width/height
 * attributes, the widest srcset `w` descriptor, then a size hint in the URL.
 * Null when nothing tells.
 *
 * @example
 * estimateImageSize(img) // → { width: 60, height: 60, from: 'url' } for `…_60x60q50.jpg`
 */
export function estimateImageSize(img: Element, measure?: MeasureElement, pageUrl = 'https://x.invalid/'): SizeEstimate | null {
  const m = measure?.(img);
  if (m && m.width > 0 && m.height > 0) return { width: m.width, height: m.height, from: 'measure' };
  const width = intAttr(img, 'width');
  const height = intAttr(img, 'height');
  if (width !== undefined || height !== undefined) {
    const est: SizeEstimate = { from: 'attributes' };
    if (width !== undefined) est.width = width;
    if (height !== undefined) est.height = height;
    return est;
  }
  let widest = 0;
  for (const set of srcsets(img)) for (const c of parseSrcset(set)) widest = Math.max(widest, c.width ?? 0);
  if (widest > 0) return { width: widest, from: 'srcset' };
  const shown = displayedUrl(img, pageUrl);
  const hint = shown ? urlSizeHint(shown) : null;
  return hint ? { ...hint, from: 'url' } : null;
}
