/**
 * What a gallery reader reports before scoring and merging.
 */
import type { ImageSourceKind } from '../types';

export interface FoundImage {
  /** The element showing the picture, or null when only data or a thumbnail names it. */
  element: Element | null;
  /** Absolute URL of the largest version. */
  src: string;
  source: ImageSourceKind;
  /** 0 for the gallery's main picture, then 1, 2… in gallery order. */
  rank: number;
}

/** A gallery reader: the pictures one store platform shows for its product, main first. */
export type GalleryReader = (doc: Document, pageUrl: string) => FoundImage[];

/**
 * Append a picture unless the gallery already has it (same imageKey), ranking it
 * after the pictures already there. Returns whether it was added.
 *
 * @example
 * pushUnique(out, { element: img, src, source: 'taobao' }, imageKey)
 */
export function pushUnique(out: FoundImage[], image: Omit<FoundImage, 'rank'>, keyOf: (src: string) => string): boolean {
  const key = keyOf(image.src);
  if (out.some((f) => keyOf(f.src) === key)) return false;
  out.push({ ...image, rank: out.length });
  return true;
}
