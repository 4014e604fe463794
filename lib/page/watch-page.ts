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
}

const DEFAULT_ATTRIBUTES = ['src', 'srcset', 'data-src', 'data-srcset', 'data-zoom-image', 'data-large_image', 'hidden', 'open'];
const ELEMENT_NODE = 1;

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
 * Call `onChange` (debounced) whenever elements are added or removed under `root`
 * or a watched attribute changes, ignoring changes to our own UI and text-only changes.
 *
 * @example
 * const watch = watchPage(document.body, () => render(findGarmentImages(document, location.href)));
 * // later: watch.disconnect();
 */
export function watchPage(root: Node, onChange: () => void, options: WatchPageOptions = {}): PageWatch {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  if (!(debounceMs >= 0)) throw new RangeError(`Expected debounceMs >= 0 but received ${debounceMs}`);
  if (!(maxWaitMs >= debounceMs)) throw new RangeError(`Expected maxWaitMs >= debounceMs (${debounceMs}) but received ${maxWaitMs}`);
  const ignore = options.ignore ?? defaultIgnore;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let connected = true;

  const run = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (connected) onChange();
  };
  const relevant = (r: MutationRecord) => {
    if (r.type === 'attributes') return !ignore(r.target);
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    return nodes.some((n) => n.nodeType === ELEMENT_NODE && !ignore(n) && !ignore(r.target));
  };
  const Observer = observerCtorFor(root);
  const observer = new Observer((records) => {
    if (!connected || !records.some(relevant)) return;
    const now = Date.now();
    if (timer === null) firstPending = now;
    else clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - now));
    timer = setTimeout(run, wait);
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
