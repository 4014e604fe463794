/**
 * Runs the try-on overlay of a page: mounts it (once, in an open shadow root over
 * the page), sends the request to the background, feeds progress and the reply into
 * the overlay's state, and closes it on Esc.
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Overlay } from '@/components/overlay/Overlay';
import type { SizeAdvice } from '@/components/overlay/SizeAdviceSlot';
import type { TryOnOptions } from '../engine/analysis';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { toErrorInfo, type Result } from '../error-info';
import { newJobId, type ProgressEvent, type ShowTryOnRequest, type TryOnRequest, type TryOnResponse } from '../messaging';
import { CLOSED, overlayReducer, type OverlayAction, type OverlayState } from './overlay-state';

export interface OverlayDeps {
  tryOn(request: TryOnRequest): Promise<Result<TryOnResponse>>;
  openPortraitPage(): Promise<void>;
  now?: () => number;
}

export interface OverlayController {
  /**
   * Opens the overlay and starts trying on `request.src`, with a size's fit if given;
   * a promised fit (the recommended size's, while its advice is on the way) is awaited
   * before the request goes out, with the overlay already showing progress.
   */
  open(request: ShowTryOnRequest, fit?: TryOnOptions | Promise<TryOnOptions | undefined>): void;
  /** Size buttons and advice for the garment on show; null hides them. The recommended size becomes the chosen one. */
  setSizeAdvice(advice: SizeAdvice | null): void;
  /** The size whose fit is on show, if any. */
  readonly chosenSize: string | undefined;
  progress(event: ProgressEvent): void;
  close(): void;
  readonly state: OverlayState;
}

// The inner <html>/<body> WXT creates in the shadow root get the browser's default margins otherwise.
const RESET_CSS = 'html, body { margin: 0 !important; padding: 0 !important; }';

/**
 * @example
 *   const overlay = createOverlayController(ctx, { tryOn: (r) => sendMessage('bg.tryOn', r), openPortraitPage });
 *   overlay.open({ src: 'https://cdn.shop.example/shirt.jpg', categoryHint: 'upper' });
 */
export function createOverlayController(ctx: ContentScriptContext, deps: OverlayDeps): OverlayController {
  const now = deps.now ?? (() => performance.now());
  let state: OverlayState = CLOSED;
  let last: ShowTryOnRequest | null = null;
  let ui: Promise<ShadowRootContentScriptUi<void>> | null = null;
  let shownJob: string | null = null;
  let sizeAdvice: SizeAdvice | null = null;
  let chosenSize: string | undefined;
  // Where focus was before the overlay took it, to give it back on close.
  let returnFocus: HTMLElement | null = null;

  const mountUi = () =>
    (ui ??= createShadowRootUi<void>(ctx, {
      name: 'fitroom-overlay',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: `${RESET_CSS}\n${overlayCss}`,
      onMount: () => {},
    }).then((u) => {
      u.shadowHost.setAttribute('data-fitroom', 'host'); // page watchers skip our own elements by this
      u.mount();
      return u;
    }));

  const paint = async () => {
    const u = await mountUi();
    render(
      <Overlay
        state={state}
        onClose={controller.close}
        onRetry={() => last && controller.open(last)}
        onAddPortrait={() => void deps.openPortraitPage()}
        onResultShown={onResultShown}
        sizeAdvice={sizeAdvice}
        chosenSize={chosenSize}
        // Another size re-renders the same garment with that size's fit: its analysis is cached.
        onChooseSize={(size) => {
          if (!last) return;
          chosenSize = size.label;
          controller.open(last, size.fit);
        }}
      />,
      u.uiContainer,
    );
  };

  const dispatch = (action: OverlayAction) => {
    const next = overlayReducer(state, action);
    if (next === state) return;
    state = next;
    void paint();
  };

  // The time from the click to the result on screen, logged and kept on the overlay for tests.
  const onResultShown = () => {
    if (state.view !== 'result' || shownJob === state.jobId) return;
    shownJob = state.jobId;
    const ms = Math.round(now() - state.startedAt);
    console.info(`Fitroom: try-on shown ${ms} ms after the click (engine ${state.response.backend}; stages ${JSON.stringify(state.response.timingsMs)})`);
    void mountUi().then((u) => u.uiContainer.querySelector('[data-fitroom="result"]')?.setAttribute('data-fitroom-elapsed-ms', String(ms)));
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && state.view !== 'closed') {
      e.stopPropagation();
      controller.close();
    }
  };
  ctx.addEventListener(window, 'keydown', onKey, { capture: true });

  const controller: OverlayController = {
    open(request, fit) {
      if (state.view === 'closed') returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      last = request;
      const jobId = newJobId();
      dispatch({ type: 'open', jobId, src: request.src, now: now() });
      void Promise.resolve(fit)
        .catch(() => undefined) // no advice: the default fit
        .then((f) => deps.tryOn({ jobId, src: request.src, categoryHint: request.categoryHint, fit: f }))
        .then(
          (reply) => dispatch(reply.ok ? { type: 'done', jobId, response: reply.value } : { type: 'failed', jobId, error: reply.error }),
          (e: unknown) => dispatch({ type: 'failed', jobId, error: toErrorInfo(e) }),
        );
    },
    setSizeAdvice(advice) {
      sizeAdvice = advice;
      chosenSize = advice?.status === 'advice' ? advice.recommended : undefined;
      if (state.view !== 'closed') void paint();
    },
    progress: (event) => dispatch({ type: 'progress', event }),
    close() {
      if (state.view === 'closed') return;
      dispatch({ type: 'close' });
      returnFocus?.focus({ preventScroll: true });
      returnFocus = null;
    },
    get state() {
      return state;
    },
    get chosenSize() {
      return chosenSize;
    },
  };
  return controller;
}
