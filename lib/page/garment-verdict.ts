/**
 * The page-level verdict: is this product a garment we could try on, and where
 * does it go on the body. Read only from the page's words; the content script
 * will also look at the image itself.
 */
import type { GarmentVerdict, VerdictField } from './types';
import { classifyProductText } from './garment-text';
import { readProductTexts, type ProductTexts } from './product-data';

// Most trusted first: a store's own category beats a marketing name, a name beats a description.
const FIELDS: [VerdictField, keyof ProductTexts][] = [
  ['json-ld-category', 'jsonLdCategory'],
  ['shopify-type', 'shopifyType'],
  ['breadcrumbs', 'breadcrumbs'],
  ['product-name', 'productName'],
  ['title', 'title'],
  ['description', 'description'],
];

/**
 * Decide from already gathered product texts: the first field (in trust order) that
 * names a product word decides; a garment verdict without a body part takes one from
 * a later field when that field names a garment with one.
 *
 * @example
 * verdictFromTexts({ productName: 'Oxford Shirt', productPage: true })
 * // → { kind: 'garment', categoryHint: 'upper', evidence: { field: 'product-name', term: 'shirt', text: 'Oxford Shirt' }, productPage: true }
 */
export function verdictFromTexts(texts: ProductTexts): GarmentVerdict {
  for (let i = 0; i < FIELDS.length; i++) {
    const [field, key] = FIELDS[i];
    const text = texts[key];
    if (typeof text !== 'string' || !text) continue;
    const v = classifyProductText(text);
    if (!v) continue;
    const verdict: GarmentVerdict = { kind: v.kind, evidence: { field, term: v.term, text: text.slice(0, 200) }, productPage: texts.productPage };
    if (v.categoryHint) verdict.categoryHint = v.categoryHint;
    if (v.kind === 'garment' && !v.categoryHint) {
      for (const [, laterKey] of FIELDS.slice(i + 1)) {
        const later = texts[laterKey];
        const lv = typeof later === 'string' && later ? classifyProductText(later) : null;
        if (lv?.kind === 'garment' && lv.categoryHint) {
          verdict.categoryHint = lv.categoryHint;
          break;
        }
      }
    }
    return verdict;
  }
  return { kind: 'unknown', evidence: null, productPage: texts.productPage };
}

/**
 * Read the page and decide whether its product is a garment.
 *
 * @example
 * judgeGarmentPage(document, location.href).kind // → 'garment' | 'not-garment' | 'unknown'
 */
export function judgeGarmentPage(doc: Document, pageUrl: string): GarmentVerdict {
  return verdictFromTexts(readProductTexts(doc, pageUrl));
}
