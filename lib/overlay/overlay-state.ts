/**
 * The overlay's state and how it changes: a pure reducer, so the flow (working →
 * result or error, stale replies ignored) is tested without a page.
 */
import type { ErrorInfo } from '../error-info';
import type { JobId, ProgressEvent, ProgressStage, TryOnResponse } from '../messaging';

export type OverlayState =
  | { view: 'closed' }
  | { view: 'working'; jobId: JobId; src: string; stage: ProgressStage; fraction: number; startedAt: number }
  | { view: 'result'; jobId: JobId; src: string; response: TryOnResponse; startedAt: number }
  | { view: 'error'; jobId: JobId; src: string; error: ErrorInfo };

export type OverlayAction =
  | { type: 'open'; jobId: JobId; src: string; now: number }
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'done'; jobId: JobId; response: TryOnResponse }
  | { type: 'failed'; jobId: JobId; error: ErrorInfo }
  | { type: 'close' };

export const CLOSED: OverlayState = { view: 'closed' };

/**
 * The next state. Replies and progress for any job but the current one are ignored
 * (the shopper closed the overlay or started another try-on meanwhile).
 * @example overlayReducer(CLOSED, { type: 'open', jobId: 'j1', src: 'https://…', now: 0 }).view // 'working'
 */
export function overlayReducer(state: OverlayState, action: OverlayAction): OverlayState {
  switch (action.type) {
    case 'open':
      return { view: 'working', jobId: action.jobId, src: action.src, stage: 'starting-engine', fraction: 0, startedAt: action.now };
    case 'close':
      return CLOSED;
    case 'progress':
      if (state.view !== 'working' || state.jobId !== action.event.jobId) return state;
      // Events can arrive out of order across contexts: progress only moves forward.
      if (action.event.fraction < state.fraction) return state;
      return { ...state, stage: action.event.stage, fraction: action.event.fraction };
    case 'done':
      if (state.view !== 'working' || state.jobId !== action.jobId) return state;
      return { view: 'result', jobId: state.jobId, src: state.src, response: action.response, startedAt: state.startedAt };
    case 'failed':
      if (state.view === 'closed' || state.jobId !== action.jobId) return state;
      return { view: 'error', jobId: state.jobId, src: state.src, error: action.error };
  }
}
