/**
 * JD.com item pages: the main picture is `#spec-img` (its `data-origin` names the larger file).
 */
import type { FoundImage } from './found-image';
import { largestImageUrl } from '../image-source';

/**
 * The main picture, with a trailing `.avif`/`.webp` conversion after the real extension removed.
 *
 * @example
 * readJdGallery(document, pageUrl)[0].src // → 'https://img.fitroom.test/n1/jfs/t1/1001/shirt.jpg'
 */
export function readJdGallery(doc: Document, pageUrl: string): FoundImage[] {
  const img = doc.querySelector('#spec-img');
  const src = img ? largestImageUrl(img, pageUrl) : null;
  if (!img || !src) return [];
  return [{ element: img, src: src.replace(/(\.(?:jpe?g|png))\.(?:avif|webp)$/i, '$1'), source: 'jd', rank: 0 }];
}
