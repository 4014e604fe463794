/**
 * The plain data that store-page reading returns. Structured-clonable, so the
 * content script can send it to the background as it is (minus `element`).
 */
import type { GarmentCategory } from '../engine/types';

/** Where a candidate image was found; platform galleries first, then fallbacks. */
export type ImageSourceKind =
  | 'json-ld'
  | 'shopify'
  | 'woocommerce'
  | 'magento'
  | 'bigcommerce'
  | 'taobao'
  | 'jd'
  | 'main-content';

/** One image of the product that may show the garment. */
export interface ImageCandidate {
  /** The element showing it on the page (where a Try-on button goes), or null when only the data names it. */
  element: Element | null;
  /** Absolute URL of the largest version the page offers. */
  src: string;
  source: ImageSourceKind;
  /** In [0, 1], two decimals; higher = more likely the product's main garment photo. */
  score: number;
  categoryHint?: GarmentCategory;
}

/** Which piece of page text decided the verdict. */
export type VerdictField =
  | 'json-ld-category'
  | 'shopify-type'
  | 'breadcrumbs'
  | 'product-name'
  | 'title'
  | 'description';

export interface VerdictEvidence {
  field: VerdictField;
  /** The vocabulary term that matched, as written in our tables (e.g. 't-shirt', '连衣裙'). */
  term: string;
  /** The page text it matched in, trimmed to 200 characters. */
  text: string;
}

/** Whether the page's product is a garment we could try on. */
export interface GarmentVerdict {
  /** 'unknown' when the page says nothing clear either way: the image itself must decide. */
  kind: 'garment' | 'not-garment' | 'unknown';
  categoryHint?: GarmentCategory;
  evidence: VerdictEvidence | null;
  /** True when the page shows signs of being a product page (structured data, og:type, a store gallery). */
  productPage: boolean;
}

/** What findGarmentImages returns. */
export interface GarmentImages {
  verdict: GarmentVerdict;
  /** Best first. Empty when the product is not a garment. */
  candidates: ImageCandidate[];
}

/** Size of an element on screen in CSS pixels, or null when it is not rendered. */
export type MeasureElement = (element: Element) => { width: number; height: number } | null;

/** A size estimate and where it came from; either side may be unknown. */
export interface SizeEstimate {
  width?: number;
  height?: number;
  from: 'measure' | 'attributes' | 'srcset' | 'url';
}

/** One colour of the product the page offers, with a photo of the product in it. */
export interface ColourVariant {
  /** The colour's name as the page writes it ('Navy', '藏青色'), at most MAX_COLOUR_NAME characters. */
  name: string;
  /** Absolute URL of a photo of the product in this colour. */
  src: string;
}
