/**
 * The size a saved look names: the one the overlay shows with the result. On a product
 * photo that is the size whose fit is drawn (chosen, or the recommended one). A garment
 * worn by a model is drawn as the model wears it, whatever size was chosen before (a colour
 * or kind pick can lead there): the overlay then shows only the recommendation, as advice,
 * and that is the size kept; none without one.
 */
import type { OverlayView } from './overlay-controller';

/**
 * @example sizeOnShow(overlay.view) // 'L' after the L button, on a product photo
 */
export function sizeOnShow(view: Pick<OverlayView, 'state' | 'sizeAdvice' | 'chosenSize'>): string | undefined {
  if (view.state.view !== 'result') return undefined;
  if (!view.state.response.garment.onModel) return view.chosenSize;
  return view.sizeAdvice?.status === 'advice' ? view.sizeAdvice.recommended : undefined;
}
