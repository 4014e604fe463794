/**
 * Reading schema.org structured data (`<script type="application/ld+json">`):
 * the page's Product or ProductGroup and its BreadcrumbList.
 */
import { toAbsoluteUrl } from './url';

/** What we keep of a JSON-LD Product/ProductGroup. */
export interface JsonLdProduct {
  type: 'Product' | 'ProductGroup';
  name?: string;
  category?: string;
  description?: string;
  /** Absolute image URLs in document order: the product's own, then its variants', without repeats. */
  images: string[];
  url?: string;
}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function hasType(node: Json, ...types: string[]): boolean {
  return asArray(node['@type'] as string | string[]).some((t) => typeof t === 'string' && types.includes(t.replace(/^.*[/#]/, '')));
}

/** JSON.parse, then a second try with raw control characters (common in hand-made JSON-LD) turned into spaces. */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/**
 * Every JSON-LD node on the page, flattened: top-level objects and arrays, `@graph`
 * members and `mainEntity` objects. Scripts that do not parse are skipped.
 *
 * @example
 * jsonLdNodes(document).filter((n) => n['@type'] === 'Product')
 */
export function jsonLdNodes(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    for (const node of asArray(v)) {
      if (!isObj(node)) continue;
      out.push(node);
      if (node['@graph']) visit(node['@graph']);
      if (isObj(node['mainEntity'])) visit(node['mainEntity']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    visit(parseLenient(script.textContent ?? ''));
  }
  return out;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (isObj(v)) return text(v['name']);
  if (Array.isArray(v)) {
    const parts = v.map(text).filter((s): s is string => !!s);
    return parts.length > 0 ? parts.join(' > ') : undefined;
  }
  return undefined;
}

function imageUrls(v: unknown, pageUrl: string): string[] {
  const out: string[] = [];
  for (const item of asArray(v)) {
    const raw = typeof item === 'string' ? item : isObj(item) ? (item['contentUrl'] ?? item['url']) : undefined;
    for (const r of asArray(raw)) {
      const u = typeof r === 'string' ? toAbsoluteUrl(r, pageUrl) : null;
      if (u) out.push(u);
    }
  }
  return out;
}

function samePage(a: string | undefined, pageUrl: string): boolean {
  if (!a) return false;
  try {
    const x = new URL(a, pageUrl);
    const y = new URL(pageUrl);
    return x.host === y.host && x.pathname.replace(/\/$/, '') === y.pathname.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/**
 * The page's product from JSON-LD: the Product/ProductGroup whose `url` is this page,
 * else the first one. Products of an ItemList (related products) are not considered.
 * Null when the page has none.
 *
 * @example
 * findJsonLdProduct(document, 'https://shop.fitroom.test/products/linen-shirt')?.images[0]
 * // → 'https://cdn.fitroom.test/img/shirt-1.jpg'
 */
export function findJsonLdProduct(doc: Document, pageUrl: string): JsonLdProduct | null {
  const products = jsonLdNodes(doc).filter((n) => hasType(n, 'Product', 'ProductGroup', 'IndividualProduct', 'ProductModel'));
  if (products.length === 0) return null;
  const chosen = products.find((p) => samePage(text(p['url']), pageUrl)) ?? products.find((p) => hasType(p, 'ProductGroup')) ?? products[0];
  const images = imageUrls(chosen['image'], pageUrl);
  for (const variant of asArray(chosen['hasVariant'] as unknown)) {
    if (isObj(variant)) images.push(...imageUrls(variant['image'], pageUrl));
  }
  const product: JsonLdProduct = { type: hasType(chosen, 'ProductGroup') ? 'ProductGroup' : 'Product', images: [...new Set(images)] };
  const name = text(chosen['name']);
  const category = text(chosen['category']);
  const description = text(chosen['description']);
  const url = text(chosen['url']);
  if (name) product.name = name;
  if (category) product.category = category;
  if (description) product.description = description;
  if (url) product.url = url;
  return product;
}

/**
 * Breadcrumb names from a JSON-LD BreadcrumbList, in order; empty when there is none.
 *
 * @example
 * jsonLdBreadcrumbs(document) // → ['Home', 'Women', 'Dresses']
 */
export function jsonLdBreadcrumbs(doc: Document): string[] {
  const list = jsonLdNodes(doc).find((n) => hasType(n, 'BreadcrumbList'));
  if (!list) return [];
  const items = asArray(list['itemListElement'] as unknown).filter(isObj);
  items.sort((a, b) => Number(a['position'] ?? 0) - Number(b['position'] ?? 0));
  return items.map((i) => text(i['name']) ?? (isObj(i['item']) ? text(i['item']['name']) : undefined)).filter((s): s is string => !!s);
}
