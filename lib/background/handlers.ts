/**
 * What the background does with each `bg.*` message, given its collaborators, so it
 * can be tested without a browser: make sure the offscreen document exists, fetch the
 * garment's bytes (the service worker has the host permissions), pass the request on,
 * route progress to whoever asked, and hand each overlay frame its request.
 * Senders and payloads are checked before these run (lib/message-guard/).
 */
import { bytesToBase64 } from '../base64';
import { checkDownloadUrl } from '../download/host-guard';
import { ExtensionError, NO_PORTRAIT_MESSAGE, toResult, unwrap, type Result } from '../error-info';
import type { FetchedImage } from '../fetch-image';
import { lookFromSaveRequest } from '../looks/save-look';
import type {
  AnalysePortraitRequest, EngineStatus, OffscreenTryOnRequest, OverlayRequest, OverlayTicket, PrepareReply, PrepareRequest, PortraitSummary, ProgressEvent, SaveLookRequest,
  SavedLookTicket, SizeAdviceRequest, TryOnRequest, TryOnResponse,
} from '../messaging';
import type { LookStore } from '../storage';
import type { SizeAdvice } from '../size/size-advice';
import type { OverlayRequests } from './overlay-requests';
import type { JobOwner } from './progress-routes';

export interface BackgroundDeps {
  ensureOffscreen(): Promise<void>;
  fetchImage(url: string): Promise<FetchedImage>;
  offscreen: {
    analysePortrait(request: AnalysePortraitRequest): Promise<Result<PortraitSummary>>;
    prepare(request: PrepareRequest): Promise<PrepareReply>;
    tryOn(request: OffscreenTryOnRequest): Promise<Result<TryOnResponse>>;
    status(): Promise<Result<EngineStatus>>;
    warmUp(): Promise<void>;
    sizeAdvice(request: SizeAdviceRequest): Promise<Result<SizeAdvice>>;
  };
  /** Whether a portrait is stored (the service worker reads the extension's IndexedDB too). */
  hasPortrait(): Promise<boolean>;
  progress: {
    start(jobId: string, owner: JobOwner): void;
    finish(jobId: string): void;
    forward(event: ProgressEvent): Promise<boolean>;
  };
  /** Requests waiting for their overlay frame. */
  overlays: OverlayRequests;
  /** Tells the content script of a tab to remove an overlay frame. */
  closeOverlayInTab(tabId: number, ticket: OverlayTicket): Promise<void>;
  /** Where saved looks go (the extension's IndexedDB). */
  looks: Pick<LookStore, 'save'>;
  /** A saved look's id; crypto.randomUUID by default. */
  newLookId?: () => string;
}

/**
 * The background's handlers, one per `bg.*` message.
 * @example
 *   const handlers = backgroundHandlers(deps);
 *   listen('bg.tryOn', (request) => handlers.tryOn(request));
 */
export function backgroundHandlers(deps: BackgroundDeps) {
  return {
    analysePortrait: (request: AnalysePortraitRequest): Promise<Result<PortraitSummary>> =>
      withJob(deps, request.jobId, { kind: 'popup' }, async () => {
        await deps.ensureOffscreen();
        return unwrap(await deps.offscreen.analysePortrait(request));
      }),

    /** Asked by an overlay frame; its progress goes to the overlay frames. */
    tryOn: (request: TryOnRequest): Promise<Result<TryOnResponse>> =>
      withJob(deps, request.jobId, { kind: 'overlay' }, async () => {
        const report = (stage: ProgressEvent['stage'], fraction: number) => void deps.progress.forward({ jobId: request.jobId, stage, fraction });
        // A refused address is said at once, before the offscreen document is even woken.
        checkDownloadUrl(request.src);
        report('starting-engine', 0.02);
        await deps.ensureOffscreen();
        const { src: url, ...rest } = request;
        const offscreenRequest: OffscreenTryOnRequest = { ...rest, garment: { url } };
        const ready = await deps.offscreen.prepare({ url, categoryHint: request.categoryHint });
        if (!ready.hasPortrait) throw new ExtensionError('no-portrait', NO_PORTRAIT_MESSAGE);
        // A size switch re-renders a garment the offscreen has analysed: no download then.
        if (!ready.hasGarment) {
          report('fetching-garment', 0.05);
          const fetched = await deps.fetchImage(url);
          offscreenRequest.garment.image = { base64: bytesToBase64(fetched.bytes), mimeType: fetched.mimeType };
        }
        return unwrap(await deps.offscreen.tryOn(offscreenRequest));
      }),

    status: (): Promise<Result<EngineStatus>> =>
      toResult(async () => {
        await deps.ensureOffscreen();
        return unwrap(await deps.offscreen.status());
      }),

    progress: (event: ProgressEvent): Promise<boolean> => deps.progress.forward(event),

    /** A trusted click in tab `tabId`: the request waits for the overlay frame the content script mounts. */
    openOverlay: (request: OverlayRequest, tabId: number): OverlayTicket => ({ overlayId: deps.overlays.register(tabId, request) }),

    /** The overlay frame in tab `tabId` asks what to show. */
    overlayRequest: (ticket: OverlayTicket, tabId: number): OverlayRequest | null => deps.overlays.claim(ticket.overlayId, tabId),

    /** The overlay frame asks to be closed: only its own tab's content script is told. */
    closeOverlay: (ticket: OverlayTicket, tabId: number): Promise<void> => deps.closeOverlayInTab(tabId, ticket),

    /** No chart, no advice: said without waking the offscreen document. */
    sizeAdvice: (request: SizeAdviceRequest): Promise<Result<SizeAdvice>> =>
      toResult(async () => {
        if (!request.chart) return { status: 'no-chart' } as const;
        await deps.ensureOffscreen();
        return unwrap(await deps.offscreen.sizeAdvice(request));
      }),

    /** The overlay keeps the try-on it shows: stored with a new id and the time. */
    saveLook: (request: SaveLookRequest): Promise<Result<SavedLookTicket>> =>
      toResult(async () => {
        const look = lookFromSaveRequest(request, { id: (deps.newLookId ?? (() => crypto.randomUUID()))(), savedAt: Date.now() });
        await deps.looks.save(look);
        return { id: look.id };
      }),

    /** Without a portrait there is nothing to try on: no offscreen document, no models loaded. */
    warmUp: async (): Promise<boolean> => {
      if (!(await deps.hasPortrait())) return false;
      await deps.ensureOffscreen();
      await deps.offscreen.warmUp();
      return true;
    },

    /** The popup waits for a first portrait: the engine starts while the shopper picks a photo. */
    warmUpForPortrait: async (): Promise<void> => {
      await deps.ensureOffscreen();
      await deps.offscreen.warmUp();
    },
  };
}

async function withJob<T>(deps: BackgroundDeps, jobId: string, owner: JobOwner, fn: () => Promise<T>): Promise<Result<T>> {
  deps.progress.start(jobId, owner);
  try {
    return await toResult(fn);
  } finally {
    deps.progress.finish(jobId);
  }
}
