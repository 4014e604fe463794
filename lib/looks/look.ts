/**
 * A saved look: one try-on the shopper kept, with what they need to find the garment
 * again (the product's title, price, page and store) and to tell looks apart (the
 * garment's photo, the size on show, the date). Kept in the extension's IndexedDB
 * (lib/storage.ts, store `looks`), never readable by store pages.
 */
import type { GarmentCategory } from '../engine/index';
import type { ProductListing } from '../page/product-listing';

/** Picture bytes as stored (not base64: IndexedDB keeps typed arrays as they are). */
export interface StoredImage {
  bytes: Uint8Array;
  /** e.g. 'image/png'. */
  mimeType: string;
}

export interface Look {
  /** Made when the look is saved (crypto.randomUUID). */
  id: string;
  /** The PortraitSummary id of the portrait the try-on was made from: deleting that portrait offers to delete its looks. */
  portraitId: string;
  /** Ms since the epoch. */
  savedAt: number;
  /** The try-on, a PNG at the portrait's analysed size. */
  result: StoredImage & { width: number; height: number };
  garment: {
    /** The product photo's address as the page gave it (for reference: extension pages cannot show it from there). */
    url: string;
    /** A small JPEG of the product photo, from the bytes the extension downloaded for the try-on. */
    photo?: StoredImage;
    category: GarmentCategory;
  };
  /** What the page said of its product when Try on was clicked; null when it was not a web page. */
  product: ProductListing | null;
  /** The size on show, when the page had a size chart: the one whose fit was drawn, or for a garment worn by a model the recommended one. */
  size?: string;
}
