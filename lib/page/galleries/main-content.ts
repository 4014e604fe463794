/**
 * The fallback when no store platform is recognised: large images in the page's
 * main content, minus page chrome, logos, badges, banners and other products.
 */
import type { FoundImage } from './found-image';
import type { MeasureElement } from '../types';
import { estimateImageSize, largestImageUrl } from '../image-source';
import { hardRejectReason, strictRejectReason } from '../image-filter';

/** Smallest known side, in CSS pixels, for an image found by scanning to count as a product photo. */
export const MIN_MAIN_IMAGE_SIDE = 300;
const MAIN_ROOTS = 'main, [role="main"], #main, #content, #MainContent';

/**
 * Large images in `<main>` (or the body when there is none), in document order. An
 * image counts only when its size is known (measured, attributes, srcset or URL)
 * and its larger side reaches MIN_MAIN_IMAGE_SIDE: scanning must not guess.
 *
 * @example
 * readMainContentImages(document, pageUrl) // → [{ element: <img>, src: '…/img/jacket-1.jpg', source: 'main-content', rank: 0 }]
 */
export function readMainContentImages(doc: Document, pageUrl: string, measure?: MeasureElement): FoundImage[] {
  const root = doc.querySelector(MAIN_ROOTS) ?? doc.body;
  if (!root) return [];
  const out: FoundImage[] = [];
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = largestImageUrl(img, pageUrl);
    if (!src) continue;
    const size = estimateImageSize(img, measure, pageUrl);
    if (!size || Math.max(size.width ?? 0, size.height ?? 0) < MIN_MAIN_IMAGE_SIDE) continue;
    if (hardRejectReason(src, size) || strictRejectReason(img, src)) continue;
    out.push({ element: img, src, source: 'main-content', rank: out.length });
  }
  return out;
}
