/**
 * Telling product photos from the rest of a page's pictures: logos, icons,
 * payment badges, banners, thumbnails, other products' tiles.
 *
 * Two levels: `hard` rules apply to every candidate (even from a platform
 * gallery, whose selector we otherwise trust); `strict` adds the word and
 * position rules used for images found by scanning the main content, where
 * anything can turn up.
 */
import type { SizeEstimate } from './types';

/** Smallest side, in CSS pixels, that a product photo is shown at; below is a thumbnail or icon. */
export const MIN_PRODUCT_IMAGE_SIDE = 200;

// Banners are wide strips; product photos are portrait, square or mildly landscape.
const MAX_ASPECT = 2.2;

// Words in class/id/file names that mark non-product pictures. Plurals are matched too.
const JUNK_WORDS = new Set([
  'logo', 'icon', 'sprite', 'badge', 'payment', 'banner', 'avatar', 'flag', 'rating', 'star', 'trust', 'seal',
  'promo', 'advert', 'ad', 'ads', 'placeholder', 'spinner', 'loader', 'social', 'swatch', 'emoji', 'spacer', 'pixel',
  'visa', 'mastercard', 'paypal', 'amex', 'klarna', 'afterpay', 'applepay', 'gpay', 'alipay', 'wechatpay', 'thumb', 'thumbnail',
]);
// Sections that show other products than this one.
const OTHER_PRODUCTS_WORDS = new Set(['related', 'recommend', 'recommended', 'recommendation', 'upsell', 'upsells', 'crosssell', 'recently', 'similar']);
const CHROME_TAGS = new Set(['HEADER', 'FOOTER', 'NAV', 'ASIDE']);
const CHROME_ROLES = new Set(['banner', 'navigation', 'contentinfo', 'complementary']);

/** Lower-case words of a class, id or file name: split on non-letters and camelCase humps. */
function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/cross-sell/g, 'crosssell')
    .replace(/apple-pay/g, 'applepay')
    .split(/[^a-z]+/)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

function hasWord(el: Element, set: Set<string>): string | null {
  for (const w of words(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) if (set.has(w)) return w;
  return null;
}

function fileWords(src: string): string[] {
  try {
    return words(new URL(src).pathname);
  } catch {
    return words(src);
  }
}

/**
 * Why an image can never be a product photo whatever found it (vector/sprite files,
 * thumbnails, banner-shaped strips), or null.
 *
 * @example
 * hardRejectReason('https://cdn.fitroom.test/img/logo.svg', null) // → 'vector image'
 */
export function hardRejectReason(src: string, size: SizeEstimate | null, minSide = MIN_PRODUCT_IMAGE_SIDE): string | null {
  let path = src;
  try {
    path = new URL(src).pathname;
  } catch {
    /* keep the raw string */
  }
  if (/\.svg$/i.test(path)) return 'vector image';
  if (/sprite/i.test(path)) return 'sprite sheet';
  if (size) {
    const { width, height } = size;
    if ((width !== undefined && width < minSide) || (height !== undefined && height < minSide)) return `too small (${width ?? '?'}x${height ?? '?'})`;
    if (width !== undefined && height !== undefined && width / height > MAX_ASPECT) return `banner shape (${width}x${height})`;
  }
  return null;
}

/**
 * Why an image found by scanning the page is not this product's photo: it sits in
 * header/footer/nav/aside, in a related-products section, or its element, near
 * wrappers or file name say logo/icon/badge/payment/banner…; null when none applies.
 *
 * @example
 * strictRejectReason(footerImg, 'https://cdn.fitroom.test/img/visa.png') // → 'in page chrome (footer)'
 */
export function strictRejectReason(img: Element, src: string): string | null {
  let depth = 0;
  for (let el: Element | null = img; el && el.tagName !== 'BODY'; el = el.parentElement, depth++) {
    if (CHROME_TAGS.has(el.tagName)) return `in page chrome (${el.tagName.toLowerCase()})`;
    const role = el.getAttribute('role');
    if (role && CHROME_ROLES.has(role)) return `in page chrome (role=${role})`;
    const other = hasWord(el, OTHER_PRODUCTS_WORDS);
    if (other) return `in a section of other products (${other})`;
    // Junk words only count close to the image: far wrappers name whole page regions.
    if (depth <= 3) {
      const junk = hasWord(el, JUNK_WORDS);
      if (junk) return `marked as ${junk}`;
    }
  }
  const fileJunk = fileWords(src).find((w) => JUNK_WORDS.has(w));
  if (fileJunk) return `file name says ${fileJunk}`;
  return null;
}
