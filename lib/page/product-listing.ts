/**
 * What a shopping list needs of a product page: the product's title, its price, the
 * page's address and the store's name. Read when the shopper clicks Try on, sent with
 * the overlay's request, and kept with a saved look. Everything here is the page's own
 * public text: nothing of the shopper is in it.
 */
import { jsonLdNodes } from './json-ld';
import { readProductTexts } from './product-data';

/** A price as the page states it: the amount in plain digits with a dot for decimals, and its ISO 4217 currency when the page says. */
export interface ProductPrice {
  amount: string;
  currency?: string;
}

export interface ProductListing {
  /** The product's name (structured data or heading), else the document title without the store. */
  title?: string;
  price?: ProductPrice;
  /** The page's address (http or https), without its fragment. */
  url: string;
  /** og:site_name, else the part of the document title after the product, else the host name. */
  store?: string;
}

/** Longer texts are cut: a title or store name past these is junk, and the overlay's request has a size limit. */
export const MAX_TITLE_CHARS = 300;
export const MAX_STORE_CHARS = 120;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function meta(doc: Document, key: string): string {
  return clean(doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)?.getAttribute('content'));
}

/**
 * A price text as plain digits with a dot for decimals, or null when it is not a price.
 * @example normaliseAmount('1.299,00') // '1299.00'
 * @example normaliseAmount(89) // '89'
 */
export function normaliseAmount(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string') return null;
  let s = value.replace(/[^\d.,]/g, '');
  if (!/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the later one is the decimal mark, the other groups thousands.
    const decimal = lastDot > lastComma ? '.' : ',';
    s = s.split(decimal === '.' ? ',' : '.').join('').replace(',', '.');
  } else if (lastComma >= 0) {
    // A comma alone is a decimal mark only before one or two digits at the end ("49,90"); else it groups ("1,299").
    s = /,\d{1,2}$/.test(s) && s.indexOf(',') === lastComma ? s.replace(',', '.') : s.split(',').join('');
  } else if (lastDot >= 0 && s.indexOf('.') !== lastDot) {
    s = s.split('.').join(''); // several dots group thousands ("1.299.000")
  }
  return /^\d+(\.\d+)?$/.test(s) ? s : null;
}

function currencyOf(value: unknown): string | undefined {
  const c = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return /^[A-Z]{3}$/.test(c) ? c : undefined;
}

function priceFromOffer(offer: Json): ProductPrice | null {
  const spec = asArray(offer['priceSpecification']).find(isObj);
  const amount = normaliseAmount(offer['price'] ?? offer['lowPrice'] ?? spec?.['price']);
  if (!amount) return null;
  const currency = currencyOf(offer['priceCurrency'] ?? spec?.['priceCurrency']);
  return currency ? { amount, currency } : { amount };
}

function isProduct(node: Json): boolean {
  return asArray(node['@type']).some((t) => typeof t === 'string' && /(^|[/#])(Product|ProductGroup|IndividualProduct|ProductModel)$/.test(t));
}

/** The first offer's price of the page's JSON-LD products (a ProductGroup's from its variants). */
function jsonLdPrice(doc: Document): ProductPrice | null {
  for (const product of jsonLdNodes(doc).filter(isProduct)) {
    const offers = [...asArray(product['offers']), ...asArray(product['hasVariant']).filter(isObj).flatMap((v) => asArray(v['offers']))];
    for (const offer of offers.filter(isObj)) {
      // An AggregateOffer may list its offers instead of a low price.
      const price = priceFromOffer(offer) ?? asArray(offer['offers']).filter(isObj).map(priceFromOffer).find((p) => p !== null);
      if (price) return price;
    }
  }
  return null;
}

/** Open Graph / Facebook product tags, then schema.org microdata. */
function markupPrice(doc: Document): ProductPrice | null {
  for (const [amountKey, currencyKey] of [['product:price:amount', 'product:price:currency'], ['og:price:amount', 'og:price:currency']]) {
    const amount = normaliseAmount(meta(doc, amountKey));
    if (!amount) continue;
    const currency = currencyOf(meta(doc, currencyKey));
    return currency ? { amount, currency } : { amount };
  }
  const el = doc.querySelector('[itemprop="price"]');
  const amount = normaliseAmount(el?.getAttribute('content') ?? el?.textContent);
  if (!amount) return null;
  const currencyEl = doc.querySelector('[itemprop="priceCurrency"]');
  const currency = currencyOf(currencyEl?.getAttribute('content') ?? currencyEl?.textContent);
  return currency ? { amount, currency } : { amount };
}

/** A store's name from the document title: the last of " – "-separated parts, or a CJK suffix such as "-京东". */
function storeFromTitle(title: string): string | undefined {
  const parts = clean(title).split(/\s[|–—-]\s/);
  if (parts.length >= 2) return clean(parts[parts.length - 1]) || undefined;
  const cjk = /-([^\s-]*[\u3040-\u30ff\u3400-\u9fff][^\s-]*)$/.exec(clean(title));
  return cjk?.[1];
}

function withoutFragment(pageUrl: string): string | null {
  try {
    const u = new URL(pageUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/**
 * The product's title, price, address and store, as far as the page says them; null on
 * a page that is not http(s) (a local file), whose address a shopping list could not use.
 * @example
 *   readProductListing(document, 'https://shop.fitroom.test/product-shirt.html#reviews')
 *   // { title: 'Oxford Cotton Shirt', price: { amount: '49.00', currency: 'EUR' },
 *   //   url: 'https://shop.fitroom.test/product-shirt.html', store: 'Example Outfitters' }
 */
export function readProductListing(doc: Document, pageUrl: string): ProductListing | null {
  const url = withoutFragment(pageUrl);
  if (!url) return null;
  const texts = readProductTexts(doc, pageUrl);
  const listing: ProductListing = { url };
  const title = texts.productName ?? texts.title;
  if (title) listing.title = cut(title, MAX_TITLE_CHARS);
  const price = jsonLdPrice(doc) ?? markupPrice(doc);
  if (price) listing.price = price;
  const store = meta(doc, 'og:site_name') || storeFromTitle(doc.title ?? '') || new URL(url).hostname.replace(/^www\./, '');
  if (store) listing.store = cut(store, MAX_STORE_CHARS);
  return listing;
}
