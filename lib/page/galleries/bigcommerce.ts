/**
 * BigCommerce (Cornerstone) galleries: `figure.productView-image[data-zoom-image] img.productView-image--default`,
 * with the other photos named by the thumbnail links' `data-image-gallery-zoom-image-url`.
 */
import { pushUnique, type FoundImage } from './found-image';
import { largestImageUrl } from '../image-source';
import { toAbsoluteUrl, imageKey } from '../url';

/**
 * The main photo (zoom URL) attached to its element, then the thumbnails' zoom
 * photos without an element (a thumbnail gets no button).
 *
 * @example
 * readBigCommerceGallery(document, pageUrl)[0].source // → 'bigcommerce'
 */
export function readBigCommerceGallery(doc: Document, pageUrl: string): FoundImage[] {
  const out: FoundImage[] = [];
  for (const figure of Array.from(doc.querySelectorAll('figure.productView-image'))) {
    const img = figure.querySelector('img.productView-image--default') ?? figure.querySelector('img');
    if (!img) continue;
    const src = toAbsoluteUrl(figure.getAttribute('data-zoom-image'), pageUrl) ?? largestImageUrl(img, pageUrl);
    if (src) pushUnique(out, { element: img, src, source: 'bigcommerce' }, imageKey);
  }
  for (const link of Array.from(doc.querySelectorAll('.productView-thumbnails [data-image-gallery-zoom-image-url]'))) {
    const src = toAbsoluteUrl(link.getAttribute('data-image-gallery-zoom-image-url'), pageUrl);
    if (src) pushUnique(out, { element: null, src, source: 'bigcommerce' }, imageKey);
  }
  return out;
}
