/**
 * What the overlay page does, without the page: it asks the background for the
 * request its frame was opened with, gets size advice for the page's chart, asks for
 * the try-on with the recommended size's fit, follows progress, and re-renders with
 * what the shopper picks: a size, another colour of the product, another kind of
 * garment (when Fitroom read it wrongly), or a retry. Each pick keeps the others. The reply (result and portrait) arrives here, in an
 * extension page, and goes nowhere else. Messaging and rendering are passed in, so
 * the flow is tested in Node.
 */
import type { Result } from '../error-info';
import { newJobId, type OverlayRequest, type OverlayTicket, type ProgressEvent, type SizeAdviceRequest, type TryOnRequest, type TryOnResponse } from '../messaging';
import type { GarmentFit } from '../engine/analysis';
import type { GarmentCategory } from '../engine/types';
import type { ProductListing } from '../page/product-listing';
import type { ColourVariant } from '../page/types';
import type { SizeAdvice, SizeOption } from '../size/size-advice';
import type { OverlayState } from './overlay-state';
import { createOverlayViewStore, type OverlayViewStore } from './overlay-view-store';
import { createTryOnRunner, type TryOnPicks } from './try-on-runner';

export interface OverlayView {
  state: OverlayState;
  sizeAdvice: SizeAdvice | null;
  /** The size whose fit is on show, if any. */
  chosenSize?: string;
  /** Click → result on screen for the job shown, once it is shown. */
  elapsedMs?: number;
  /** The product's title, price, page and store from the request, for a saved look (the same whichever colour is picked). */
  product?: ProductListing;
  /** The product's colours the shopper may pick (empty: none to offer). */
  variants: ColourVariant[];
  /** The garment photo on show: the one clicked, or a colour's. */
  garmentSrc?: string;
  /** The kind the shopper said the garment is, when they corrected Fitroom's reading. */
  kindOverride?: GarmentCategory;
}

export interface OverlayControllerDeps {
  ticket: OverlayTicket;
  overlayRequest(ticket: OverlayTicket): Promise<OverlayRequest | null>;
  sizeAdvice(request: SizeAdviceRequest): Promise<Result<SizeAdvice>>;
  tryOn(request: TryOnRequest): Promise<Result<TryOnResponse>>;
  /** Asks the content script (through the background) to remove this frame. */
  close(ticket: OverlayTicket): Promise<void>;
  openPortraitPage(): void;
  paint(view: OverlayView): void;
  /** Wall-clock ms: the click was timed in another document. */
  now?: () => number;
  log?: (message: string) => void;
}

export interface OverlayController {
  /** Fetches the request and starts the try-on. */
  start(): Promise<void>;
  progress(event: ProgressEvent): void;
  retry(): void;
  chooseSize(size: SizeOption): void;
  /** Another colour of the product: its photo is tried on, with the size and kind chosen. */
  chooseVariant(variant: ColourVariant): void;
  /** The shopper says what the garment is: it is analysed again as that kind. */
  chooseKind(kind: GarmentCategory): void;
  /** "Add my photo" / "Add my height": the popup page, in a tab. */
  addPortrait(): void;
  /** The result image is on screen: times it, once per job. */
  resultShown(): void;
  close(): void;
  readonly view: OverlayView;
}

/** Said when the frame's id names no waiting request (opened by something else, or too late). */
export const NO_REQUEST_MESSAGE = 'Expected a try-on started by a click on a Try on button in this tab, but this window has none waiting: close it and click Try on again.';

/**
 * @example
 *   const overlay = createOverlayController({ ticket, overlayRequest, sizeAdvice, tryOn, close, openPortraitPage, paint });
 *   await overlay.start();
 */
export function createOverlayController(deps: OverlayControllerDeps): OverlayController {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((m: string) => console.info(m));
  const store = createOverlayViewStore((view) => deps.paint(view));
  // What the next try-on asks for; each of the shopper's picks changes one of them.
  const picks: TryOnPicks = { src: '' };
  const run = createTryOnRunner(picks, store, (request) => deps.tryOn(request));
  let request: OverlayRequest | null = null;
  let shownJob: string | null = null;

  const controller: OverlayController = {
    async start() {
      request = await deps.overlayRequest(deps.ticket).catch(() => null);
      if (!request) return showNoRequest(store, now());
      const r = request;
      picks.src = r.src;
      picks.kind = r.categoryHint;
      store.paint({ variants: r.variants ?? [], garmentSrc: picks.src, ...(r.product ? { product: r.product } : {}) });
      run(r.clickedAt, recommendedFit(deps, r, store));
    },
    progress: (event) => store.dispatch({ type: 'progress', event }),
    retry() {
      if (request) run(now());
    },
    // Another size re-renders the same garment with that size's fit: its analysis is cached.
    chooseSize(size) {
      if (!request) return;
      picks.fit = size.fit;
      store.paint({ chosenSize: size.label });
      run(now());
    },
    // Another colour is another photo: downloaded and analysed, with the kind and size kept.
    chooseVariant(variant) {
      if (!request) return;
      picks.src = variant.src;
      store.paint({ garmentSrc: picks.src });
      run(now());
    },
    // The engine takes the kind as given (its analysis is cached per kind).
    chooseKind(next) {
      if (!request) return;
      picks.kind = next;
      store.paint({ kindOverride: next });
      run(now());
    },
    addPortrait: () => deps.openPortraitPage(),
    resultShown() {
      const { state } = store.view;
      if (state.view !== 'result' || shownJob === state.jobId) return;
      shownJob = state.jobId;
      const ms = Math.round(now() - state.startedAt);
      log(`Fitroom: try-on shown ${ms} ms after the click (engine ${state.response.backend}; stages ${JSON.stringify(state.response.timingsMs)})`);
      store.paint({ elapsedMs: ms });
    },
    close() {
      store.dispatch({ type: 'close' });
      void deps.close(deps.ticket).catch(() => {});
    },
    get view() {
      return store.view;
    },
  };
  return controller;
}

/** A frame whose id names no waiting request: opened, then failed with NO_REQUEST_MESSAGE. */
function showNoRequest(store: OverlayViewStore, now: number): void {
  const jobId = newJobId();
  store.dispatch({ type: 'open', jobId, src: '', now });
  store.dispatch({ type: 'failed', jobId, error: { code: 'internal', message: NO_REQUEST_MESSAGE } });
}

/**
 * Size advice for the page's chart, painted when it comes; the recommended size's fit, if any.
 * Size advice travels with the first try-on: the recommended size's fit is the first one shown.
 */
function recommendedFit(deps: OverlayControllerDeps, request: OverlayRequest, store: OverlayViewStore): Promise<GarmentFit | undefined> {
  const advice = deps.sizeAdvice({ chart: request.chart }).then((reply) => (reply.ok ? reply.value : null), () => null);
  return advice.then((a) => {
    store.paint({ sizeAdvice: a, chosenSize: a?.status === 'advice' ? a.recommended : undefined });
    return a?.status === 'advice' ? a.sizes.find((s) => s.label === a.recommended)?.fit : undefined;
  });
}
