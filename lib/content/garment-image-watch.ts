/**
 * Which images of the page get a Try on button, now and as the page changes: lib/page's
 * findGarmentImages re-run by its watchPage on DOM changes, and also when an image
 * finishes loading (a lazy image has no size until then, and loading changes no attribute).
 */
import { findGarmentImages, watchPage, type GarmentImages, type ImageCandidate, type MeasureElement } from '../page/index';

/** The on-screen size of an element, or null when it is not rendered. */
const measure: MeasureElement = (element) => {
  const r = element.getBoundingClientRect();
  return r.width > 0 || r.height > 0 ? { width: r.width, height: r.height } : null;
};

/**
 * The candidates that get a button: none on a page selling something else; on a page
 * that says nothing either way ('unknown'), the store's own gallery pictures, which the
 * engine then judges (it answers "no garment found" for a mug).
 * @example buttonCandidates(findGarmentImages(document, location.href)) // [{ element: img, src: 'https://…', … }]
 */
export function buttonCandidates(result: GarmentImages): ImageCandidate[] {
  if (result.verdict.kind === 'not-garment') return [];
  return result.candidates.filter((c) => c.element !== null);
}

/**
 * Calls `onCandidates` now and whenever the page's garment images may have changed.
 * Returns a function that stops watching.
 * @example const stop = watchGarmentImageCandidates(document, () => location.href, (cs) => buttons.sync(cs));
 */
export function watchGarmentImageCandidates(doc: Document, pageUrl: () => string, onCandidates: (candidates: ImageCandidate[]) => void): () => void {
  const detect = () => onCandidates(buttonCandidates(findGarmentImages(doc, pageUrl(), { measure })));
  detect();
  const watch = watchPage(doc.documentElement, detect);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const onLoad = (e: Event) => {
    if ((e.target as Element | null)?.tagName !== 'IMG' || timer) return;
    timer = setTimeout(() => { timer = null; detect(); }, 100);
  };
  doc.addEventListener('load', onLoad, true);
  return () => {
    watch.disconnect();
    doc.removeEventListener('load', onLoad, true);
    if (timer) clearTimeout(timer);
  };
}
