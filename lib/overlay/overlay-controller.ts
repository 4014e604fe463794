/**
 * What the overlay page does, without the page: it asks the background for the
 * request its frame was opened with, gets size advice for the page's chart, asks for
 * the try-on with the recommended size's fit, follows progress, and re-renders on a
 * size switch or a retry. The reply (result and portrait) arrives here, in an
 * extension page, and goes nowhere else. Messaging and rendering are passed in, so
 * the flow is tested in Node.
 */
import { toErrorInfo, type Result } from '../error-info';
import { newJobId, type OverlayRequest, type OverlayTicket, type ProgressEvent, type SizeAdviceRequest, type TryOnRequest, type TryOnResponse } from '../messaging';
import type { GarmentFit } from '../engine/analysis';
import type { ProductListing } from '../page/product-listing';
import type { SizeAdvice, SizeOption } from '../size/size-advice';
import { CLOSED, overlayReducer, type OverlayAction, type OverlayState } from './overlay-state';

export interface OverlayView {
  state: OverlayState;
  sizeAdvice: SizeAdvice | null;
  /** The size whose fit is on show, if any. */
  chosenSize?: string;
  /** Click → result on screen for the job shown, once it is shown. */
  elapsedMs?: number;
  /** The product's title, price, page and store from the request, for a saved look. */
  product?: ProductListing;
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
  let view: OverlayView = { state: CLOSED, sizeAdvice: null };
  let request: OverlayRequest | null = null;
  let shownJob: string | null = null;

  const paint = (next: Partial<OverlayView>) => {
    view = { ...view, ...next };
    deps.paint(view);
  };
  const dispatch = (action: OverlayAction) => {
    const state = overlayReducer(view.state, action);
    if (state !== view.state) paint({ state });
  };

  /** Starts a try-on of the request, with a size's fit (a promised one is awaited while progress shows). */
  const run = (r: OverlayRequest, startedAt: number, fit?: GarmentFit | Promise<GarmentFit | undefined>) => {
    const jobId = newJobId();
    paint({ elapsedMs: undefined });
    dispatch({ type: 'open', jobId, src: r.src, now: startedAt });
    void Promise.resolve(fit)
      .catch(() => undefined) // no advice: the default fit
      .then((f) => deps.tryOn({ jobId, src: r.src, ...(r.categoryHint ? { categoryHint: r.categoryHint } : {}), ...(f ? { fit: f } : {}) }))
      .then(
        (reply) => dispatch(reply.ok ? { type: 'done', jobId, response: reply.value } : { type: 'failed', jobId, error: reply.error }),
        (e: unknown) => dispatch({ type: 'failed', jobId, error: toErrorInfo(e) }),
      );
  };

  const controller: OverlayController = {
    async start() {
      request = await deps.overlayRequest(deps.ticket).catch(() => null);
      if (!request) {
        const jobId = newJobId();
        dispatch({ type: 'open', jobId, src: '', now: now() });
        dispatch({ type: 'failed', jobId, error: { code: 'internal', message: NO_REQUEST_MESSAGE } });
        return;
      }
      const r = request;
      if (r.product) paint({ product: r.product });
      // Size advice travels with the first try-on: the recommended size's fit is the first one shown.
      const advice = deps.sizeAdvice({ chart: r.chart }).then((reply) => (reply.ok ? reply.value : null), () => null);
      run(r, r.clickedAt, advice.then((a) => {
        paint({ sizeAdvice: a, chosenSize: a?.status === 'advice' ? a.recommended : undefined });
        return a?.status === 'advice' ? a.sizes.find((s) => s.label === a.recommended)?.fit : undefined;
      }));
    },
    progress: (event) => dispatch({ type: 'progress', event }),
    retry() {
      if (request) run(request, now());
    },
    // Another size re-renders the same garment with that size's fit: its analysis is cached.
    chooseSize(size) {
      if (!request) return;
      paint({ chosenSize: size.label });
      run(request, now(), size.fit);
    },
    addPortrait: () => deps.openPortraitPage(),
    resultShown() {
      const { state } = view;
      if (state.view !== 'result' || shownJob === state.jobId) return;
      shownJob = state.jobId;
      const ms = Math.round(now() - state.startedAt);
      log(`Fitroom: try-on shown ${ms} ms after the click (engine ${state.response.backend}; stages ${JSON.stringify(state.response.timingsMs)})`);
      paint({ elapsedMs: ms });
    },
    close() {
      dispatch({ type: 'close' });
      void deps.close(deps.ticket).catch(() => {});
    },
    get view() {
      return view;
    },
  };
  return controller;
}
