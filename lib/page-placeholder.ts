/**
 * PLACEHOLDER for the store-page reader (lib/page/, written on the `page` branch).
 * When that branch is merged, this file is replaced by re-exports of the real
 * `findGarmentImages` / `observeGarmentImages`; nothing else in the extension changes,
 * as the content script imports only from here.
 *
 * Until then: a minimal heuristic, enough for the extension's own fixture pages.
 * A page is read as a clothing product page when its title, main heading or JSON-LD
 * product data names a garment; its garment images are the large images outside
 * header, navigation and footer.
 */

export type CategoryHint = 'upper' | 'lower' | 'dress';

export interface GarmentImageCandidate {
  /** The element showing the image, or null for images known only from page data. */
  element: Element | null;
  /** Absolute URL of the best available version of the image. */
  src: string;
  categoryHint?: CategoryHint;
}

/** Images smaller than this on either side are thumbnails, icons or logos. */
const MIN_SIDE = 160;

const CATEGORY_WORDS: [CategoryHint, RegExp][] = [
  ['dress', /\b(dress|gown|jumpsuit|playsuit)\b/i],
  ['lower', /\b(trousers?|pants|jeans|shorts|skirt|leggings|chinos|joggers)\b/i],
  ['upper', /\b(t-?shirt|tee|shirt|blouse|top|sweater|jumper|hoodie|sweatshirt|cardigan|jacket|coat|blazer|polo|vest|tank)\b/i],
];

/**
 * The garment images of a product page.
 * @example findGarmentImages(document, location.href) // [{ element: img, src: 'https://cdn…/shirt.jpg', categoryHint: 'upper' }]
 */
export function findGarmentImages(doc: Document, pageUrl: string): GarmentImageCandidate[] {
  const pageCategory = categoryOf(pageText(doc));
  if (!pageCategory) return [];
  const out: GarmentImageCandidate[] = [];
  const seen = new Set<string>();
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (img.closest('header, nav, footer, [role="banner"], [role="navigation"]')) continue;
    if (!isLarge(img)) continue;
    const raw = img.getAttribute('data-large_image') ?? img.getAttribute('data-zoom-image') ?? (img.currentSrc || img.getAttribute('src'));
    if (!raw) continue;
    let src: string;
    try {
      src = new URL(raw, pageUrl).href;
    } catch {
      continue;
    }
    if (seen.has(src)) continue;
    seen.add(src);
    out.push({ element: img, src, categoryHint: categoryOf(img.getAttribute('alt') ?? '') ?? pageCategory });
  }
  return out;
}

/**
 * Calls `onChange` (at most once per animation frame) when the page adds, removes or
 * swaps images below `root`. Returns a function that stops watching.
 * @example const stop = observeGarmentImages(document.body, () => buttons.sync(findGarmentImages(document, location.href)));
 */
export function observeGarmentImages(root: Node, onChange: () => void): () => void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => { scheduled = false; onChange(); }, 50);
  };
  const observer = new MutationObserver((records) => {
    if (records.some(touchesImages)) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'srcset', 'style', 'class'] });
  // A lazily loaded image gets its size only when it loads.
  const onLoad = (e: Event) => { if ((e.target as Element | null)?.tagName === 'IMG') schedule(); };
  root.addEventListener('load', onLoad, true);
  return () => {
    observer.disconnect();
    root.removeEventListener('load', onLoad, true);
  };
}

function touchesImages(r: MutationRecord): boolean {
  if (r.type === 'attributes') return (r.target as Element).tagName === 'IMG' || (r.target as Element).querySelector?.('img') != null;
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  return nodes.some((n) => n instanceof Element && (n.tagName === 'IMG' || n.querySelector('img') != null));
}

function pageText(doc: Document): string {
  const parts = [doc.title, doc.querySelector('h1')?.textContent ?? ''];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const m = /"name"\s*:\s*"([^"]*)"/.exec(s.textContent ?? '');
    if (m) parts.push(m[1]);
  }
  return parts.join(' ');
}

function categoryOf(text: string): CategoryHint | undefined {
  return CATEGORY_WORDS.find(([, re]) => re.test(text))?.[0];
}

function isLarge(img: HTMLImageElement): boolean {
  const rect = img.getBoundingClientRect();
  const w = rect.width || Number(img.getAttribute('width') ?? 0);
  const h = rect.height || Number(img.getAttribute('height') ?? 0);
  return w >= MIN_SIDE && h >= MIN_SIDE;
}
