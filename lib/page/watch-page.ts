/**
 * Watching a store page for late content (galleries built by JavaScript, lazy
 * images swapping `src`, variant changes, size-chart apps rendering late) and
 * re-running detection, debounced, without reacting to our own UI.
 */
import type { GarmentImages } from './types';
import { findGarmentImages, type FindGarmentImagesOptions } from './find-garment-images';

export interface WatchPageOptions {
  /** Quiet time after the last relevant change before `onChange` runs. Default 300 ms. */
  debounceMs?: number;
  /** Longest delay under a steady stream of changes (carousels): `onChange` runs at least this often. Default 2000 ms. */
  maxWaitMs?: number;
  /**
   * Most of the page's main thread `onChange` may take under a steady stream of changes:
   * after a run that took t ms, the next waits at least t × (1 − share) / share ms, even past
   * maxWaitMs. Keeps a page with a huge, ever-changing DOM usable. Default 0.1 (a tenth).
   */
  maxBusyShare?: number;
  /** Attributes whose change matters. Default: src, srcset, data-src, data-srcset, data-zoom-image, data-large_image, hidden, open. */
  attributes?: string[];
  /** Nodes whose changes are ours and must not trigger a re-run. Default: inside an element with `data-fitroom`. */
  ignore?: (node: Node) => boolean;
}

export interface PageWatch {
  /** Stop watching and drop a pending run. */
  disconnect(): void;
  /** Run a pending `onChange` now (tests, or before the content script reads results). */
  flush(): void;
  /** Ask for a run as a relevant change would (an image finished loading: no attribute changed). */
  request(): void;
}

const DEFAULT_ATTRIBUTES = ['src', 'srcset', 'data-src', 'data-srcset', 'data-zoom-image', 'data-large_image', 'hidden', 'open'];
const ELEMENT_NODE = 1;
/**
 * Most records and added or removed nodes one observer callback looks at before it takes
 * the batch as relevant: a page that rebuilds thousands of nodes at a time is changing, and
 * the run that follows is bounded by maxWaitMs and maxBusyShare, not by the batch's size.
 */
export const MAX_NODES_CHECKED = 500;

function defaultIgnore(node: Node): boolean {
  const el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el?.closest('[data-fitroom]');
}

type MutationObserverCtor = new (cb: (records: MutationRecord[]) => void) => MutationObserver;

function observerCtorFor(root: Node): MutationObserverCtor {
  const doc = root.ownerDocument ?? (root as Document);
  const view = doc.defaultView as unknown as { MutationObserver?: MutationObserverCtor } | null;
  const ctor = view?.MutationObserver ?? (globalThis as { MutationObserver?: MutationObserverCtor }).MutationObserver;
  if (!ctor) throw new TypeError(`Expected a DOM with MutationObserver for root but received ${String(root)} without one`);
  return ctor;
}

/**
 * Whether a batch of records holds a change that matters: a watched attribute or an element
 * added or removed, outside our own UI. Looks at MAX_NODES_CHECKED at most.
 */
function anyRelevant(records: MutationRecord[], ignore: (node: Node) => boolean): boolean {
  let budget = MAX_NODES_CHECKED;
  for (const r of records) {
    if (--budget < 0) return true;
    if (r.type === 'attributes') {
      if (!ignore(r.target)) return true;
      continue;
    }
    if (ignore(r.target)) continue;
    for (const list of [r.addedNodes, r.removedNodes]) {
      for (let i = 0; i < list.length; i++) {
        if (--budget < 0) return true;
        if (list[i].nodeType === ELEMENT_NODE && !ignore(list[i])) return true;
      }
    }
  }
  return false;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Call `onChange` (debounced) whenever elements are added or removed under `root`
 * or a watched attribute changes, ignoring changes to our own UI and text-only changes.
 * Under a steady stream of changes it runs every maxWaitMs, and never takes more than
 * maxBusyShare of the time.
 *
 * @example
 * const watch = watchPage(document.body, () => render(findGarmentImages(document, location.href)));
 * // later: watch.disconnect();
 */
export function watchPage(root: Node, onChange: () => void, options: WatchPageOptions = {}): PageWatch {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const share = options.maxBusyShare ?? 0.1;
  if (!(debounceMs >= 0)) throw new RangeError(`Expected debounceMs >= 0 but received ${debounceMs}`);
  if (!(maxWaitMs >= debounceMs)) throw new RangeError(`Expected maxWaitMs >= debounceMs (${debounceMs}) but received ${maxWaitMs}`);
  if (!(share > 0 && share <= 1)) throw new RangeError(`Expected maxBusyShare in (0, 1] but received ${share}`);
  const ignore = options.ignore ?? defaultIgnore;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let due = 0;
  /** Earliest time of the next run: the last run's end plus its share-keeping rest. */
  let notBefore = -Infinity;
  let connected = true;

  const run = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!connected) return;
    const start = now();
    try {
      onChange();
    } finally {
      const end = now();
      notBefore = end + ((end - start) * (1 - share)) / share;
    }
  };
  const schedule = () => {
    const t = now();
    if (timer === null) firstPending = t;
    const at = Math.max(notBefore, Math.min(t + debounceMs, firstPending + maxWaitMs));
    if (timer !== null) {
      if (at === due) return;
      clearTimeout(timer);
    }
    due = at;
    timer = setTimeout(run, Math.max(0, at - t));
  };
  const Observer = observerCtorFor(root);
  const observer = new Observer((records) => {
    if (!connected) return;
    // A run already due as late as it may be cannot move: no need to read the batch.
    if (timer !== null && due >= Math.max(notBefore, firstPending + maxWaitMs)) return;
    if (anyRelevant(records, ignore)) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: options.attributes ?? DEFAULT_ATTRIBUTES });
  return {
    disconnect() {
      connected = false;
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    flush() {
      if (timer !== null) run();
    },
    request() {
      if (connected) schedule();
    },
  };
}

/** A short fingerprint of a result: which pictures, from where, on which elements (by a stable id). */
function fingerprint(r: GarmentImages, idOf: (e: Element) => number): string {
  return JSON.stringify([r.verdict.kind, r.verdict.categoryHint, r.candidates.map((c) => [c.src, c.source, c.score, c.element ? idOf(c.element) : -1])]);
}

/**
 * Run findGarmentImages now and again after page changes; `onResult` is called
 * with the first result and then only when the result differs.
 *
 * @example
 * const watch = watchGarmentImages(document, location.href, ({ candidates }) => mountButtons(candidates));
 */
export function watchGarmentImages(
  doc: Document,
  pageUrl: string,
  onResult: (result: GarmentImages) => void,
  options: WatchPageOptions & FindGarmentImagesOptions = {},
): PageWatch {
  // Weak, so elements the page removes are not kept alive by us.
  const ids = new WeakMap<Element, number>();
  let nextId = 0;
  const idOf = (e: Element) => {
    if (!ids.has(e)) ids.set(e, nextId++);
    return ids.get(e)!;
  };
  let last = '';
  const detect = () => {
    const result = findGarmentImages(doc, pageUrl, options);
    const fp = fingerprint(result, idOf);
    if (fp === last) return;
    last = fp;
    onResult(result);
  };
  detect();
  return watchPage(doc.documentElement ?? doc, detect, options);
}
