/**
 * Shopify product galleries: Dawn and other Online Store 2.0 themes
 * (`media-gallery ul.product__media-list li.product__media-item[data-media-id]`),
 * and older themes (`.product-single__photo`, `{width}` lazy templates).
 */
import { pushUnique, type FoundImage } from './found-image';
import { largestImageUrl } from '../image-source';
import { imageKey } from '../url';

const ITEM = 'ul.product__media-list li.product__media-item[data-media-id]';
const OLD_THEME_IMAGES = '.product-single__media img, .product-single__photo img, [data-product-single-media-wrapper] img, .product__main-photos img';
// Videos and 3D models show a poster image that is not the garment photo we want.
const NOT_PHOTO = 'deferred-media, product-model, video, .product__modal-opener--video, model-viewer';

/**
 * The product's photos from a Shopify theme, in gallery order.
 *
 * @example
 * readShopifyGallery(document, 'https://shop.fitroom.test/products/linen-shirt')[0].src
 * // → 'https://cdn.fitroom.test/cdn/shop/products/linen-shirt-1.jpg?v=1&width=1946'
 */
export function readShopifyGallery(doc: Document, pageUrl: string): FoundImage[] {
  const out: FoundImage[] = [];
  const items = Array.from(doc.querySelectorAll(ITEM));
  const imgs: Element[] = items.length > 0
    ? items.filter((li) => !li.querySelector(NOT_PHOTO)).flatMap((li) => Array.from(li.querySelectorAll('img')).slice(0, 1))
    : Array.from(doc.querySelectorAll(OLD_THEME_IMAGES));
  for (const img of imgs) {
    const src = largestImageUrl(img, pageUrl);
    if (src) pushUnique(out, { element: img, src, source: 'shopify' }, imageKey);
  }
  return out;
}
