/**
 * Reading schema.org structured data (`<script type="application/ld+json">`):
 * the page's Product or ProductGroup, its colour variants and its BreadcrumbList.
 */
import type { ColourVariant } from './types';
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

function productNodes(doc: Document): Json[] {
  return jsonLdNodes(doc).filter((n) => hasType(n, 'Product', 'ProductGroup', 'IndividualProduct', 'ProductModel'));
}

/** The Product/ProductGroup whose `url` is this page, else the first group, else the first product. */
function pageProduct(products: Json[], pageUrl: string): Json | null {
  if (products.length === 0) return null;
  return products.find((p) => samePage(text(p['url']), pageUrl)) ?? products.find((p) => hasType(p, 'ProductGroup')) ?? products[0];
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
  const chosen = pageProduct(productNodes(doc), pageUrl);
  if (!chosen) return null;
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

/** Names of the group a node is (a ProductGroup's id) or belongs to (a Product's `inProductGroupWithID`, `isVariantOf`). */
function groupKeys(node: Json): string[] {
  const keys: (string | undefined)[] = [];
  if (hasType(node, 'ProductGroup')) keys.push(text(node['productGroupID']) && `id:${text(node['productGroupID'])}`, text(node['@id']) && `ref:${text(node['@id'])}`);
  keys.push(text(node['inProductGroupWithID']) && `id:${text(node['inProductGroupWithID'])}`);
  const of = node['isVariantOf'];
  if (isObj(of)) keys.push(text(of['productGroupID']) && `id:${text(of['productGroupID'])}`, text(of['@id']) && `ref:${text(of['@id'])}`);
  else if (typeof of === 'string') keys.push(`ref:${of}`);
  return keys.filter((k): k is string => !!k);
}

/**
 * The colours of the page's product from JSON-LD, each with its first image, in the
 * page's order, one per colour name (variants that differ only in size repeat a colour):
 * a ProductGroup's (or Product's) `hasVariant`, else the Products that share the page
 * product's group (`inProductGroupWithID`, `isVariantOf`). Variants without a `color`
 * or an `image` are left out: there is nothing to name or nothing to try on.
 *
 * @example
 * jsonLdColourVariants(document, 'https://shop.fitroom.test/products/tee')
 * // → [{ name: 'Navy', src: 'https://cdn.fitroom.test/tee-navy.jpg' }, { name: 'Sand', src: 'https://cdn.fitroom.test/tee-sand.jpg' }]
 */
export function jsonLdColourVariants(doc: Document, pageUrl: string): ColourVariant[] {
  const products = productNodes(doc);
  const chosen = pageProduct(products, pageUrl);
  if (!chosen) return [];
  let variants = asArray(chosen['hasVariant'] as unknown).filter(isObj);
  if (variants.length === 0) {
    const group = new Set(groupKeys(chosen));
    if (group.size > 0) variants = products.filter((p) => !hasType(p, 'ProductGroup') && groupKeys(p).some((k) => group.has(k)));
  }
  const out: ColourVariant[] = [];
  const seen = new Set<string>();
  for (const v of variants) {
    const name = text(v['color']);
    const src = imageUrls(v['image'], pageUrl)[0];
    if (!name || !src || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push({ name, src });
  }
  return out;
}
