/**
 * WooCommerce galleries: `div.woocommerce-product-gallery__image[data-thumb] > a[href=full] > img[data-large_image]`.
 */
import { pushUnique, type FoundImage } from './found-image';
import { largestImageUrl } from '../image-source';
import { toAbsoluteUrl, imageKey } from '../url';

/**
 * The product's photos from a WooCommerce gallery, in order; the URL is
 * `data-large_image`, else the link's `href`, else the largest srcset candidate.
 *
 * @example
 * readWooCommerceGallery(document, pageUrl).map((f) => f.src)
 */
export function readWooCommerceGallery(doc: Document, pageUrl: string): FoundImage[] {
  const out: FoundImage[] = [];
  for (const item of Array.from(doc.querySelectorAll('.woocommerce-product-gallery__image'))) {
    const img = item.querySelector('img');
    if (!img) continue;
    const src = toAbsoluteUrl(img.getAttribute('data-large_image'), pageUrl)
      ?? toAbsoluteUrl(item.querySelector('a[href]')?.getAttribute('href'), pageUrl)
      ?? largestImageUrl(img, pageUrl);
    if (src) pushUnique(out, { element: img, src, source: 'woocommerce' }, imageKey);
  }
  return out;
}
