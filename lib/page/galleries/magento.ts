/**
 * Magento 2 galleries. The gallery DOM (Fotorama) is built late by JavaScript from
 * `<script type="text/x-magento-init">` JSON (`mage/gallery/gallery` → `data[]`
 * with `img`, `full`, `isMain`), so the JSON is the source of truth and the DOM is
 * only searched for the element to attach to.
 */
import type { FoundImage } from './found-image';
import { displayedUrl, largestImageUrl } from '../image-source';
import { imageKey, toAbsoluteUrl } from '../url';
import { parseScriptJson } from '../json-in-script';

interface MagentoImage {
  img?: string;
  full?: string;
  isMain?: boolean;
  position?: string | number;
  type?: string;
}

function findGalleryData(v: unknown): MagentoImage[] | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const g = o['mage/gallery/gallery'] as { data?: unknown } | undefined;
  if (g && Array.isArray(g.data)) return g.data as MagentoImage[];
  for (const child of Object.values(o)) {
    const found = findGalleryData(child);
    if (found) return found;
  }
  return undefined;
}

// Stage images (the big ones) and the placeholder shown before Fotorama runs; not the nav thumbnails.
const STAGE_IMAGES = '.fotorama__stage img, [data-gallery-role="gallery-placeholder"] img, .gallery-placeholder img';

/**
 * The product's photos from Magento's gallery JSON, main first then by position,
 * each attached to the stage or placeholder image showing it when there is one.
 *
 * @example
 * readMagentoGallery(document, pageUrl)[0] // → { element: <img class="gallery-placeholder__image">, src: '…/full/ms01-main.jpg', source: 'magento', rank: 0 }
 */
export function readMagentoGallery(doc: Document, pageUrl: string): FoundImage[] {
  let data: MagentoImage[] | undefined;
  for (const s of Array.from(doc.querySelectorAll('script[type="text/x-magento-init"]'))) {
    data = findGalleryData(parseScriptJson(s.textContent));
    if (data) break;
  }
  if (!data) return [];
  const shown = Array.from(doc.querySelectorAll(STAGE_IMAGES)).filter((i) => !i.closest('.fotorama__nav'));
  const byKey = new Map<string, Element>();
  for (const img of shown) {
    for (const u of [largestImageUrl(img, pageUrl), displayedUrl(img, pageUrl)]) if (u && !byKey.has(imageKey(u))) byKey.set(imageKey(u), img);
  }
  const photos = data
    .filter((d) => (d.type ?? 'image') === 'image')
    .map((d, i) => ({ d, i }))
    .sort((a, b) => Number(!!b.d.isMain) - Number(!!a.d.isMain) || Number(a.d.position ?? a.i) - Number(b.d.position ?? b.i) || a.i - b.i);
  const placeholder = doc.querySelector('[data-gallery-role="gallery-placeholder"] img, .gallery-placeholder img');
  const out: FoundImage[] = [];
  for (const { d } of photos) {
    const src = toAbsoluteUrl(d.full, pageUrl) ?? toAbsoluteUrl(d.img, pageUrl);
    if (!src) continue;
    const keys = [d.img, d.full].map((u) => toAbsoluteUrl(u, pageUrl)).filter((u): u is string => !!u).map(imageKey);
    let element = keys.map((k) => byKey.get(k)).find((e) => !!e) ?? null;
    // Before Fotorama runs the placeholder shows the main picture, sometimes at another cache size.
    if (!element && d.isMain && placeholder && !out.some((f) => f.element === placeholder)) element = placeholder;
    out.push({ element, src, source: 'magento', rank: out.length });
  }
  return out;
}
