/**
 * Starts the overlay's try-ons: each asks for the garment, kind and fit picked so far
 * (each of the shopper's picks changes one of them) under a new job id, and its reply
 * or error lands in the overlay's state for that job only.
 */
import { toErrorInfo, type Result } from '../error-info';
import type { GarmentFit } from '../engine/analysis';
import type { GarmentCategory } from '../engine/types';
import { newJobId, type TryOnRequest, type TryOnResponse } from '../messaging';
import type { OverlayViewStore } from './overlay-view-store';

/** What the next try-on asks for. */
export interface TryOnPicks {
  /** The garment photo's URL. */
  src: string;
  kind?: GarmentCategory;
  fit?: GarmentFit;
}

/**
 * Starts a try-on of the garment picked, with the size's fit; a promised fit (the first
 * try-on's, from size advice) is awaited while progress shows, and becomes the fit picked.
 * @example
 *   const run = createTryOnRunner(picks, store, (request) => sendMessage('bg.tryOn', request));
 *   run(clickedAt);
 */
export function createTryOnRunner(picks: TryOnPicks, store: OverlayViewStore, tryOn: (request: TryOnRequest) => Promise<Result<TryOnResponse>>) {
  return (startedAt: number, promisedFit?: Promise<GarmentFit | undefined>): void => {
    const jobId = newJobId();
    const garment = { src: picks.src, ...(picks.kind ? { categoryHint: picks.kind } : {}) };
    store.paint({ elapsedMs: undefined });
    store.dispatch({ type: 'open', jobId, src: garment.src, now: startedAt });
    void (promisedFit ?? Promise.resolve(picks.fit))
      .catch(() => undefined) // no advice: the default fit
      .then((f) => {
        picks.fit = f;
        return tryOn({ jobId, ...garment, ...(f ? { fit: f } : {}) });
      })
      .then(
        (reply) => store.dispatch(reply.ok ? { type: 'done', jobId, response: reply.value } : { type: 'failed', jobId, error: reply.error }),
        (e: unknown) => store.dispatch({ type: 'failed', jobId, error: toErrorInfo(e) }),
      );
  };
}
