/**
 * The colours a product page offers, each with a photo of the product in that colour,
 * so the overlay can try another colour on: from structured data first (Shopify's
 * product JSON, JSON-LD `hasVariant`, WooCommerce's variation data), then from the
 * markup (swatches carrying a picture, a colour <select> whose options name one).
 * Pure DOM reading, like the rest of lib/page.
 */
import { jsonLdColourVariants } from './json-ld';
import { parseScriptJson } from './json-in-script';
import { largestImageUrl } from './image-source';
import type { ColourVariant } from './types';
import { stripTaobaoSuffix, toAbsoluteUrl } from './url';

/** More colours than this are not offered: a row of buttons, not a catalogue (and a cap on what a page can send). */
export const MAX_COLOUR_VARIANTS = 24;
/** Longer colour names are cut: they are button labels. */
export const MAX_COLOUR_NAME = 80;
/** Longer addresses are left out (the message guard refuses them too). */
const MAX_URL = 8192;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Words stores use to name the colour option (English, German, French, Italian, Spanish, Dutch, Chinese, Japanese). */
const COLOUR_WORD = /\b(colou?rs?|farben?|couleurs?|colore|colori|kleur(en)?)\b|颜色|顏色|色彩|カラー/i;
/** Class or id tokens of a colour picker: a colour word next to swatch, option, select, picker or list. */
const COLOUR_PICKER_TOKEN = /^(?=.*colou?r)(?=.*(swatch|option|select|picker|list|variant)).*$/i;
/** Attributes that name the full picture of a swatch's colour. */
const IMAGE_ATTRS = ['data-variant-image', 'data-image', 'data-swatch-image', 'data-large-image', 'data-large_image', 'data-zoom-image', 'data-full-image', 'data-img'];
/** Attributes that name a swatch's colour, best first. */
const NAME_ATTRS = ['data-color', 'data-colour', 'data-option-value', 'data-value', 'title', 'aria-label', 'data-name'];
/** What one swatch is, inside a colour picker. */
const ITEM_SELECTOR = 'li, button, label, a, [role="radio"], [role="option"], [data-value], [data-color], [data-colour]';

/**
 * The product's colours with a photo each, in the page's order, one per colour, at most
 * MAX_COLOUR_VARIANTS. Empty when the page offers fewer than two colours with photos:
 * one colour is no choice. Never throws: a page it cannot read has no colours to offer.
 *
 * @example
 * readColourVariants(document, 'https://shop.fitroom.test/products/tee')
 * // → [{ name: 'Navy', src: 'https://cdn.fitroom.test/tee-navy.jpg' }, { name: 'Sand', src: 'https://cdn.fitroom.test/tee-sand.jpg' }]
 */
export function readColourVariants(doc: Document, pageUrl: string): ColourVariant[] {
  const readers = [shopifyVariants, jsonLdColourVariants, wooCommerceVariants, swatchVariants, selectVariants];
  for (const read of readers) {
    let found: ColourVariant[];
    try {
      found = tidy(read(doc, pageUrl));
    } catch {
      continue; // one odd structure must not hide the others
    }
    if (found.length >= 2) return found;
  }
  return [];
}

/** Names cut to MAX_COLOUR_NAME, one entry per name and per picture, at most MAX_COLOUR_VARIANTS. */
function tidy(variants: ColourVariant[]): ColourVariant[] {
  const out: ColourVariant[] = [];
  const names = new Set<string>();
  const srcs = new Set<string>();
  for (const v of variants) {
    const name = clean(v.name).slice(0, MAX_COLOUR_NAME).trim();
    if (!name || !v.src || v.src.length > MAX_URL || !/^https?:\/\//i.test(v.src)) continue;
    // Two colours showing the same picture would try on the same thing.
    if (names.has(name.toLowerCase()) || srcs.has(v.src)) continue;
    names.add(name.toLowerCase());
    srcs.add(v.src);
    out.push({ name, src: v.src });
    if (out.length === MAX_COLOUR_VARIANTS) break;
  }
  return out;
}

/**
 * The absolute address of the full picture behind a swatch's thumbnail: Taobao's
 * suffixes and Shopify's `_60x60` and `width=` undone. Null when it is not a web address.
 */
function fullSize(url: string, pageUrl: string): string | null {
  const absolute = toAbsoluteUrl(url, pageUrl);
  if (!absolute) return null;
  const u = stripTaobaoSuffix(absolute);
  if (!/\/\/cdn\.shopify\.com\/|\/cdn\/shop\//.test(u)) return u;
  const parsed = new URL(u);
  parsed.pathname = parsed.pathname.replace(/_(\d+x\d*|\d*x\d+)(_crop_\w+)?(@\dx)?(?=\.\w+$)/, '');
  for (const p of ['width', 'height', 'crop']) parsed.searchParams.delete(p);
  return parsed.href;
}

// ── Shopify: the theme's product JSON ──────────────────────────────────────────

/** The product JSON a Shopify theme prints (`{{ product | json }}`), if the page has one with variants. */
function shopifyProductJson(doc: Document): Json | undefined {
  for (const s of Array.from(doc.querySelectorAll('script[id^="ProductJson"], script[data-product-json]'))) {
    const v = parseScriptJson(s.textContent);
    if (isObj(v) && Array.isArray(v['variants'])) return v;
  }
  return undefined;
}

/** Shopify's variants by their colour option's value, with the variant's featured picture. */
function shopifyVariants(doc: Document, pageUrl: string): ColourVariant[] {
  const product = shopifyProductJson(doc);
  if (!product) return [];
  // `options` is a list of names in the Liquid JSON, of { name } objects in /products/x.js.
  const names = (Array.isArray(product['options']) ? product['options'] : []).map((o) => (typeof o === 'string' ? o : isObj(o) ? String(o['name'] ?? '') : ''));
  const index = names.findIndex((n) => COLOUR_WORD.test(n));
  if (index < 0) return [];
  const out: ColourVariant[] = [];
  for (const v of product['variants'] as unknown[]) {
    if (!isObj(v)) continue;
    const value = Array.isArray(v['options']) ? v['options'][index] : v[`option${index + 1}`];
    const image = v['featured_image'];
    const media = isObj(v['featured_media']) && isObj(v['featured_media']['preview_image']) ? v['featured_media']['preview_image']['src'] : undefined;
    const raw = isObj(image) ? image['src'] : typeof image === 'string' ? image : media;
    const src = typeof raw === 'string' ? fullSize(raw, pageUrl) : null;
    if (typeof value === 'string' && src) out.push({ name: value, src });
  }
  return out;
}

// ── WooCommerce: the variation form's data ─────────────────────────────────────

/** WooCommerce's variations (`form.variations_form[data-product_variations]`) by their colour attribute. */
function wooCommerceVariants(doc: Document, pageUrl: string): ColourVariant[] {
  const form = doc.querySelector('[data-product_variations]');
  const data = form ? parseScriptJson(form.getAttribute('data-product_variations')) : undefined;
  if (!form || !Array.isArray(data)) return []; // "false" when the store loads them on demand
  const out: ColourVariant[] = [];
  for (const v of data) {
    if (!isObj(v) || !isObj(v['attributes']) || !isObj(v['image'])) continue;
    const key = Object.keys(v['attributes']).find((k) => COLOUR_WORD.test(k.replace(/^attribute_(pa_)?/, '').replace(/[-_]/g, ' ')));
    const value = key ? v['attributes'][key] : undefined;
    const raw = v['image']['full_src'] ?? v['image']['url'] ?? v['image']['src'];
    const src = typeof raw === 'string' ? toAbsoluteUrl(raw, pageUrl) : null;
    if (typeof value !== 'string' || !value || !src) continue;
    // The shopper reads the option's label ("Navy"), the data has its slug ("navy").
    const option = Array.from(form.querySelectorAll(`select[name="${key}"] option, [data-attribute_name="${key}"] option`)).find((o) => o.getAttribute('value') === value);
    out.push({ name: clean(option?.textContent) || value, src });
  }
  return out;
}

// ── Markup: swatches and selects ───────────────────────────────────────────────

/** What an element says it is about: its legend, its naming attributes, a heading just before it. */
function saysColour(el: Element): boolean {
  for (const attr of ['data-option-name', 'data-attribute_name', 'data-attribute-name', 'data-property', 'data-option', 'aria-label', 'name']) {
    if (COLOUR_WORD.test((el.getAttribute(attr) ?? '').replace(/[-_]/g, ' '))) return true;
  }
  const legend = el.tagName === 'FIELDSET' ? el.querySelector('legend') : null;
  if (legend && COLOUR_WORD.test(clean(legend.textContent))) return true;
  const tokens = [...(el.getAttribute('class') ?? '').split(/\s+/), el.getAttribute('id') ?? ''];
  if (tokens.some((t) => t && COLOUR_PICKER_TOKEN.test(t))) return true;
  // Taobao's older item page: <dl><dt>颜色分类</dt><dd><ul>…</ul></dd></dl>.
  const label = el.previousElementSibling;
  return !!label && ['DT', 'LABEL', 'LEGEND', 'H3', 'H4', 'SPAN'].includes(label.tagName) && COLOUR_WORD.test(clean(label.textContent).slice(0, 40));
}

/** The elements of the page that say they are about colour. */
function colourPickers(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('fieldset, ul, ol, div, dd, section, [role="radiogroup"], [role="listbox"]')).filter(saysColour);
}

/** The url() of an inline background, as Taobao's swatches show their picture. */
function backgroundUrl(el: Element): string | null {
  const m = /url\(\s*(['"]?)(.*?)\1\s*\)/.exec(el.getAttribute('style') ?? '');
  return m ? m[2] : null;
}

/** The full picture a swatch stands for: a naming attribute on it or inside it, its image, its background. */
function swatchImage(item: Element, pageUrl: string): string | null {
  const nodes = [item, ...Array.from(item.querySelectorAll('*'))];
  for (const attr of IMAGE_ATTRS) {
    const holder = nodes.find((n) => n.getAttribute(attr));
    if (holder) return fullSize(holder.getAttribute(attr)!, pageUrl);
  }
  const img = nodes.find((n) => n.tagName === 'IMG');
  const fromImg = img ? largestImageUrl(img, pageUrl) : null;
  if (fromImg) return fullSize(fromImg, pageUrl);
  const background = nodes.map(backgroundUrl).find((u) => u);
  return background ? fullSize(background, pageUrl) : null;
}

/** A colour's name as a swatch gives it; ids such as Taobao's `1627207:28341` are not names. */
function swatchName(item: Element): string {
  const linked = item.tagName === 'LABEL' && item.getAttribute('for') ? item.ownerDocument.getElementById(item.getAttribute('for')!) : null;
  const candidates = [
    ...NAME_ATTRS.slice(0, 4).map((a) => item.getAttribute(a)),
    linked?.getAttribute('value'),
    item.getAttribute('value'),
    ...NAME_ATTRS.slice(4).map((a) => item.getAttribute(a)),
    item.textContent,
    item.querySelector('img')?.getAttribute('alt'),
  ];
  for (const c of candidates) {
    const name = clean(c).replace(/^(colou?r|颜色)\s*[:：-]\s*/i, '');
    if (name && !/^[\d:;_.-]+$/.test(name)) return name;
  }
  return '';
}

/** The swatches of one picker that have a name and a picture. */
function pickerSwatches(picker: Element, pageUrl: string): ColourVariant[] {
  const items = Array.from(picker.querySelectorAll(ITEM_SELECTOR));
  // The outermost element of each swatch (li > a > span is one swatch).
  const swatches = items.filter((el) => !items.some((other) => other !== el && other.contains(el)));
  const out: ColourVariant[] = [];
  for (const item of swatches) {
    const src = swatchImage(item, pageUrl);
    const name = swatchName(item);
    if (src && name) out.push({ name, src });
  }
  return out;
}

/**
 * Swatches with a picture inside a colour picker (image swatches, Taobao's SKU list): the
 * first picker in the page's order with two or more, unless one inside it has them too
 * (a product form that says "colour" somewhere holds the picker; it is not one).
 */
function swatchVariants(doc: Document, pageUrl: string): ColourVariant[] {
  const found = colourPickers(doc).map((picker) => ({ picker, swatches: pickerSwatches(picker, pageUrl) })).filter((p) => p.swatches.length >= 2);
  const innermost = found.find((p) => !found.some((other) => other !== p && p.picker.contains(other.picker)));
  return innermost?.swatches ?? [];
}

/** A colour <select> whose options name their picture (`data-image` and the like). */
function selectVariants(doc: Document, pageUrl: string): ColourVariant[] {
  for (const select of Array.from(doc.querySelectorAll('select'))) {
    const id = select.getAttribute('id');
    const label = (id && doc.querySelector(`label[for="${id}"]`)) || select.closest('label');
    if (!saysColour(select) && !(label && COLOUR_WORD.test(clean(label.textContent)))) continue;
    const out: ColourVariant[] = [];
    for (const option of Array.from(select.querySelectorAll('option'))) {
      const attr = IMAGE_ATTRS.find((a) => option.getAttribute(a));
      const src = attr ? fullSize(option.getAttribute(attr)!, pageUrl) : null;
      if (src && option.getAttribute('value')) out.push({ name: clean(option.textContent) || option.getAttribute('value')!, src });
    }
    if (out.length >= 2) return out;
  }
  return [];
}
