/**
 * The texts a page gives about its product (category, type, breadcrumbs, name,
 * title, description), gathered from structured data first and markup second.
 */
import { findJsonLdProduct, jsonLdBreadcrumbs } from './json-ld';
import { extractJsonObject, parseScriptJson } from './json-in-script';

export interface ProductTexts {
  jsonLdCategory?: string;
  shopifyType?: string;
  /** Breadcrumb names joined with ' > '. */
  breadcrumbs?: string;
  productName?: string;
  /** The document title without the store's name. */
  title?: string;
  description?: string;
  /** Structured data, og:type or microdata say this is a product page. */
  productPage: boolean;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function meta(doc: Document, key: string): string {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return clean(el?.getAttribute('content'));
}

/** Shopify's product JSON (theme `ProductJson-*` scripts) or the `ShopifyAnalytics` meta object. */
function shopifyProduct(doc: Document): { type?: string; title?: string } | undefined {
  for (const s of Array.from(doc.querySelectorAll('script[id^="ProductJson"], script[data-product-json]'))) {
    const v = parseScriptJson(s.textContent);
    if (v && typeof v === 'object') return v as { type?: string; title?: string };
  }
  for (const s of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const t = s.textContent ?? '';
    const at = t.indexOf('var meta = {');
    if (at < 0) continue;
    const m = extractJsonObject(t, at);
    const product = m?.['product'];
    if (product && typeof product === 'object') return product as { type?: string };
  }
  return undefined;
}

const BREADCRUMB_SELECTORS = [
  '[itemtype*="BreadcrumbList"]',
  'nav[aria-label*="readcrumb"]',
  '.breadcrumb',
  '.breadcrumbs',
  '#breadcrumbs',
  '.woocommerce-breadcrumb',
  '.crumb', // JD
  '[class*="breadcrumb"]',
];

function domBreadcrumbs(doc: Document): string[] {
  for (const sel of BREADCRUMB_SELECTORS) {
    const root = doc.querySelector(sel);
    if (!root) continue;
    const items = Array.from(root.querySelectorAll('li, [itemprop="itemListElement"]'));
    const texts = (items.length > 0 ? items : Array.from(root.querySelectorAll('a, span'))).map((e) => clean(e.textContent));
    const parts = texts.length > 0 ? texts : clean(root.textContent).split(/\s*[>›»/]\s*/);
    const kept = parts.map((p) => p.replace(/^[>›»/\s]+|[>›»/\s]+$/g, '')).filter(Boolean);
    if (kept.length > 0) return [...new Set(kept)];
  }
  return [];
}

const NAME_SELECTORS = ['[itemtype*="schema.org/Product"] [itemprop="name"]', '.product__title h1', '.product_title', '.product-name h1', '.page-title', 'main h1', 'h1', '[class*="mainTitle--"]', '.sku-name'];

/** The document title without a store name after " | ", " – ", " — ", " - ". */
function titleWithoutStore(title: string): string {
  return clean(title.split(/\s[|–—-]\s|-淘宝网|-tmall|【[^】]*】/i)[0]);
}

/**
 * Gather what the page says about its product.
 *
 * @example
 * readProductTexts(document, 'https://shop.fitroom.test/products/linen-shirt').productName // → 'Linen Shirt'
 */
export function readProductTexts(doc: Document, pageUrl: string): ProductTexts {
  const ld = findJsonLdProduct(doc, pageUrl);
  const shopify = shopifyProduct(doc);
  const ogType = meta(doc, 'og:type').toLowerCase();
  const texts: ProductTexts = {
    productPage:
      !!ld || !!shopify || ogType.startsWith('product') || ogType === 'og:product' ||
      !!doc.querySelector('[itemtype*="schema.org/Product"], meta[property="product:price:amount"]'),
  };
  if (ld?.category) texts.jsonLdCategory = ld.category;
  if (shopify?.type && clean(shopify.type)) texts.shopifyType = clean(shopify.type);
  const crumbs = jsonLdBreadcrumbs(doc);
  const crumbList = crumbs.length > 0 ? crumbs : domBreadcrumbs(doc);
  if (crumbList.length > 0) texts.breadcrumbs = crumbList.join(' > ');
  let name = ld?.name ?? clean(shopify?.title);
  for (const sel of NAME_SELECTORS) {
    if (name) break;
    const el = doc.querySelector(sel);
    name = clean(el?.getAttribute('content') ?? el?.textContent);
  }
  if (!name) name = meta(doc, 'og:title');
  if (name) texts.productName = name;
  const title = titleWithoutStore(doc.title ?? '');
  if (title) texts.title = title;
  const description = ld?.description ?? (meta(doc, 'description') || meta(doc, 'og:description'));
  if (description) texts.description = description;
  return texts;
}
