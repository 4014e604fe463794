/**
 * Which images of the page get a Try on button, now and as the page changes: lib/page's
 * findGarmentImages re-run by its watchPage on DOM changes, and also when an image
 * finishes loading, all through the same bounded schedule.
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
 * How the page is watched for gallery changes. A slide a theme adds, swaps or removes must
 * gain or lose its button within a second: a burst of changes (a slider rebuilding its
 * track) is read once, 150 ms after it settles, and under changes that never settle the
 * page is read every 500 ms, which leaves half a second for reading it and mounting the
 * button. On a page whose reading is slow, watchPage's busy share (a tenth) spaces the runs
 * further: the shopper's page stays usable before the button is quick.
 */
export const GALLERY_WATCH = { debounceMs: 150, maxWaitMs: 500 } as const;

/**
 * Calls `onCandidates` now and whenever the page's garment images may have changed: elements
 * added or removed, a picture's src or srcset changed, an image finished loading (a lazy
 * image has no size until then, and loading changes no attribute).
 * Returns a function that stops watching.
 * @example const stop = watchGarmentImageCandidates(document, () => location.href, (cs) => buttons.sync(cs));
 */
export function watchGarmentImageCandidates(doc: Document, pageUrl: () => string, onCandidates: (candidates: ImageCandidate[]) => void): () => void {
  const detect = () => onCandidates(buttonCandidates(findGarmentImages(doc, pageUrl(), { measure })));
  detect();
  const watch = watchPage(doc.documentElement, detect, GALLERY_WATCH);
  const onLoad = (e: Event) => {
    if ((e.target as Element | null)?.tagName === 'IMG') watch.request();
  };
  doc.addEventListener('load', onLoad, true);
  return () => {
    watch.disconnect();
    doc.removeEventListener('load', onLoad, true);
  };
}
