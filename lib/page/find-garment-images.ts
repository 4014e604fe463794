/**
 * Finding the product's garment images on a store page: the entry point of lib/page
 * for the content script. Pure: reads a Document (real or linkedom), changes nothing.
 *
 * Order of trust: a recognised platform gallery (it knows which pictures are the
 * product's), then the page's JSON-LD Product images, then large images in the main
 * content. The same picture found twice is reported once, with a small bonus.
 */
import type { GarmentImages, ImageCandidate, ImageSourceKind, MeasureElement } from './types';
import type { FoundImage, GalleryReader } from './galleries/found-image';
import { readShopifyGallery } from './galleries/shopify';
import { readWooCommerceGallery } from './galleries/woocommerce';
import { readMagentoGallery } from './galleries/magento';
import { readBigCommerceGallery } from './galleries/bigcommerce';
import { readTaobaoGallery } from './galleries/taobao';
import { readJdGallery } from './galleries/jd';
import { readMainContentImages } from './galleries/main-content';
import { findJsonLdProduct } from './json-ld';
import { readProductTexts } from './product-data';
import { verdictFromTexts } from './garment-verdict';
import { displayedUrl, estimateImageSize, largestImageUrl } from './image-source';
import { hardRejectReason, MIN_PRODUCT_IMAGE_SIDE, strictRejectReason } from './image-filter';
import { imageKey } from './url';

export interface FindGarmentImagesOptions {
  /** On-screen size of an element (content script: getBoundingClientRect); absent in Node. */
  measure?: MeasureElement;
  /** Images shown smaller than this on either side are thumbnails or icons. Default MIN_PRODUCT_IMAGE_SIDE (200). */
  minSide?: number;
}

const PLATFORM_READERS: GalleryReader[] = [
  readShopifyGallery,
  readWooCommerceGallery,
  readMagentoGallery,
  readBigCommerceGallery,
  readTaobaoGallery,
  readJdGallery,
];

// Score = base for the source, minus a little per place in the gallery (later photos are
// more often details or backs), plus a bonus when a second source names the same picture.
const BASE_SCORE: Record<ImageSourceKind, number> = {
  shopify: 0.9, woocommerce: 0.9, magento: 0.9, bigcommerce: 0.9, taobao: 0.9, jd: 0.9,
  'json-ld': 0.8,
  'main-content': 0.6,
};
const RANK_PENALTY = 0.03;
const MAX_RANK_PENALTY = 0.3;
const AGREEMENT_BONUS = 0.05;
const round2 = (x: number) => Math.round(x * 100) / 100;
const scoreOf = (f: FoundImage) => round2(BASE_SCORE[f.source] - Math.min(MAX_RANK_PENALTY, f.rank * RANK_PENALTY));

/** The first image element on the page that shows `src` (any size) and passes the filters. */
function findElementShowing(doc: Document, src: string, pageUrl: string, opts: FindGarmentImagesOptions): Element | null {
  const key = imageKey(src);
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const urls = [largestImageUrl(img, pageUrl), displayedUrl(img, pageUrl)];
    if (!urls.some((u) => u && imageKey(u) === key)) continue;
    const size = estimateImageSize(img, opts.measure, pageUrl);
    if (hardRejectReason(src, size, opts.minSide) || strictRejectReason(img, src)) continue;
    return img;
  }
  return null;
}

/**
 * The product's garment image candidates and the page-level garment verdict.
 * When the verdict is 'not-garment' there are no candidates; when it is 'unknown'
 * candidates are still returned (the content script must then check the image),
 * except from the main-content scan, which runs only on pages that look like a
 * product page or name a garment.
 *
 * @param doc the page (a live document or linkedom's)
 * @param pageUrl absolute URL of the page, to resolve relative image URLs
 * @example
 * const { verdict, candidates } = findGarmentImages(document, location.href, { measure: (e) => e.getBoundingClientRect() });
 * // verdict → { kind: 'garment', categoryHint: 'upper', … }; candidates[0] → { element: <img>, src: 'https://…/shirt-1.jpg', source: 'shopify', score: 0.95, categoryHint: 'upper' }
 */
export function findGarmentImages(doc: Document, pageUrl: string, opts: FindGarmentImagesOptions = {}): GarmentImages {
  if (!doc || typeof doc.querySelectorAll !== 'function') throw new TypeError(`Expected a Document for doc but received ${String(doc)}`);
  try {
    new URL(pageUrl);
  } catch {
    throw new TypeError(`Expected an absolute URL for pageUrl but received ${JSON.stringify(pageUrl)}`);
  }
  const found: FoundImage[] = [];
  for (const read of PLATFORM_READERS) {
    const images = read(doc, pageUrl);
    if (images.length > 0) {
      found.push(...images);
      break; // one platform per page
    }
  }
  const texts = readProductTexts(doc, pageUrl);
  if (found.length > 0) texts.productPage = true;
  const verdict = verdictFromTexts(texts);
  if (verdict.kind === 'not-garment') return { verdict, candidates: [] };

  const ld = findJsonLdProduct(doc, pageUrl);
  (ld?.images ?? []).forEach((src, rank) => found.push({ element: findElementShowing(doc, src, pageUrl, opts), src, source: 'json-ld', rank }));
  const hasPlatform = found.some((f) => f.source !== 'json-ld');
  if (!hasPlatform && (verdict.productPage || verdict.kind === 'garment')) found.push(...readMainContentImages(doc, pageUrl, opts.measure));

  const merged = new Map<string, ImageCandidate & { order: number }>();
  // An element shows one picture: two sources naming it by different files (a <picture>'s
  // WebP source and the JSON-LD's JPEG) name the same picture.
  const keyOfElement = new Map<Element, string>();
  for (const f of found) {
    const size = f.element ? estimateImageSize(f.element, opts.measure, pageUrl) : null;
    if (hardRejectReason(f.src, size, opts.minSide ?? MIN_PRODUCT_IMAGE_SIDE)) continue;
    const key = (f.element && keyOfElement.get(f.element)) ?? imageKey(f.src);
    if (f.element) keyOfElement.set(f.element, key);
    const score = scoreOf(f);
    const seen = merged.get(key);
    if (!seen) {
      const c: ImageCandidate & { order: number } = { element: f.element, src: f.src, source: f.source, score, order: merged.size };
      if (verdict.categoryHint) c.categoryHint = verdict.categoryHint;
      merged.set(key, c);
      continue;
    }
    if (seen.source === f.source) continue; // the same gallery showing a picture twice is no agreement
    const better = score > seen.score;
    if (better) {
      seen.src = f.src;
      seen.source = f.source;
    }
    seen.element = (better ? f.element : seen.element) ?? f.element ?? seen.element;
    seen.score = round2(Math.min(1, Math.max(seen.score, score) + AGREEMENT_BONUS));
  }
  const candidates = [...merged.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _order, ...c }) => c);
  return { verdict, candidates };
}
