/**
 * The overlay's view, held in one place: every change is merged into it and painted at
 * once, and state actions go through the overlay's reducer (painted only when they
 * change the state, so a late progress event of an old job costs nothing).
 */
import type { OverlayView } from './overlay-controller';
import { CLOSED, overlayReducer, type OverlayAction } from './overlay-state';

export interface OverlayViewStore {
  readonly view: OverlayView;
  /** Merges `next` into the view and paints it. */
  paint(next: Partial<OverlayView>): void;
  /** Applies a state action; paints when the state changed. */
  dispatch(action: OverlayAction): void;
}

/**
 * A closed overlay with no advice and no colours, painted by `paint` on each change.
 * @example
 *   const store = createOverlayViewStore((view) => render(<Overlay view={view} />, root));
 *   store.dispatch({ type: 'close' });
 */
export function createOverlayViewStore(paint: (view: OverlayView) => void): OverlayViewStore {
  let view: OverlayView = { state: CLOSED, sizeAdvice: null, variants: [] };
  const store: OverlayViewStore = {
    get view() {
      return view;
    },
    paint(next) {
      view = { ...view, ...next };
      paint(view);
    },
    dispatch(action) {
      const state = overlayReducer(view.state, action);
      if (state !== view.state) store.paint({ state });
    },
  };
  return store;
}
