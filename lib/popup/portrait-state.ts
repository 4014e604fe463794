/**
 * The popup's portrait panel as a pure state machine. `status` is what the page
 * exposes as `data-state` on `[data-fitroom="portrait-status"]`.
 */
import type { ErrorInfo } from '../error-info';
import type { JobId, PortraitSummary, ProgressEvent, ProgressStage } from '../messaging';

export interface StoredView {
  summary: PortraitSummary;
  /** An object URL of the stored photo bytes. */
  photoUrl: string;
}

export type PortraitState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'analysing'; jobId: JobId; stage: ProgressStage; fraction: number; previous: StoredView | null }
  | { status: 'ready'; stored: StoredView }
  | { status: 'error'; error: ErrorInfo; stored: StoredView | null };

export type PortraitAction =
  | { type: 'loaded'; stored: StoredView | null }
  | { type: 'analyse'; jobId: JobId }
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'analysed'; stored: StoredView }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'deleted' };

/** The portrait on screen in a state, if any. */
export function storedOf(state: PortraitState): StoredView | null {
  switch (state.status) {
    case 'ready': return state.stored;
    case 'error': return state.stored;
    case 'analysing': return state.previous;
    default: return null;
  }
}

/**
 * The next state of the portrait panel. A failed analysis keeps the previous portrait
 * (it is still the stored one).
 * @example portraitReducer({ status: 'empty' }, { type: 'analyse', jobId: 'j1' }).status // 'analysing'
 */
export function portraitReducer(state: PortraitState, action: PortraitAction): PortraitState {
  switch (action.type) {
    case 'loaded':
      return action.stored ? { status: 'ready', stored: action.stored } : { status: 'empty' };
    case 'analyse':
      return { status: 'analysing', jobId: action.jobId, stage: 'starting-engine', fraction: 0, previous: storedOf(state) };
    case 'progress':
      if (state.status !== 'analysing' || state.jobId !== action.event.jobId || action.event.fraction < state.fraction) return state;
      return { ...state, stage: action.event.stage, fraction: action.event.fraction };
    case 'analysed':
      return { status: 'ready', stored: action.stored };
    case 'failed':
      return { status: 'error', error: action.error, stored: storedOf(state) };
    case 'deleted':
      return { status: 'empty' };
  }
}

/**
 * The four states the page exposes (loading shows as empty: nothing stored is known yet).
 * @example exposedStatus({ status: 'loading' }) // 'empty'
 */
export function exposedStatus(state: PortraitState): 'empty' | 'analysing' | 'ready' | 'error' {
  return state.status === 'loading' ? 'empty' : state.status;
}
