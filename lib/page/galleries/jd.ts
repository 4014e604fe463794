/**
 * JD.com item pages: the main picture is `#spec-img` (its `data-origin` names the larger file),
 * inside the zoom box `#spec-n1`; either id may sit on a wrapper of the `<img>`.
 */
import type { FoundImage } from './found-image';
import { largestImageUrl } from '../image-source';
import { firstImageAt } from '../image-element';

const MAIN = '#spec-img, #spec-n1';

/**
 * The main picture, with a trailing `.avif`/`.webp` conversion after the real extension removed.
 *
 * @example
 * readJdGallery(document, pageUrl)[0].src // → 'https://img.fitroom.test/n1/jfs/t1/1001/shirt.jpg'
 */
export function readJdGallery(doc: Document, pageUrl: string): FoundImage[] {
  const img = firstImageAt(doc, MAIN, pageUrl);
  const src = img ? largestImageUrl(img, pageUrl) : null;
  if (!img || !src) return [];
  return [{ element: img, src: src.replace(/(\.(?:jpe?g|png))\.(?:avif|webp)$/i, '$1'), source: 'jd', rank: 0 }];
}
