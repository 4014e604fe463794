/**
 * What the shopper reads when something goes wrong: a title, a sentence saying what
 * to do, and the one action that helps. Shared by the overlay and the popup.
 */
import type { ErrorInfo } from './error-info';

export type ErrorAction = 'add-portrait' | 'retry' | null;

export interface ErrorText {
  title: string;
  detail: string;
  action: ErrorAction;
}

/**
 * The words for an error `{ code, message }`.
 * @example describeError({ code: 'no-portrait', message: '…' }).title // 'Add a photo of yourself first'
 */
export function describeError(error: ErrorInfo): ErrorText {
  switch (error.code) {
    case 'no-portrait':
      return { title: 'Add a photo of yourself first', detail: 'Fitroom dresses your own photo. Choose one in the Fitroom window: it stays on this device.', action: 'add-portrait' };
    case 'no-person':
      return { title: 'No person found in the photo', detail: 'Choose a photo where you stand facing the camera, head to at least the hips in the frame, in good light.', action: 'add-portrait' };
    case 'no-garment':
      return { title: 'No garment found in this image', detail: 'Try the main product photo, where the garment is shown whole, on its own or worn by a model.', action: null };
    case 'unsupported-category':
      // The engine's message says which kinds it dresses today; it changes as the engine grows.
      return { title: 'This item can’t be tried on yet', detail: error.message, action: null };
    case 'body-out-of-frame':
      // The engine's message says which part of the body is missing and what photo to use.
      return { title: 'Your photo doesn’t show where this goes', detail: error.message, action: 'add-portrait' };
    case 'fetch-failed':
      return { title: 'The image could not be loaded', detail: `${error.message} Check your connection, or try another photo of the product.`, action: 'retry' };
    case 'blocked-url':
      // Not a connection problem, so no "retry": the address itself is refused.
      return { title: 'Fitroom won’t load this image', detail: `${error.message} Fitroom downloads product photos only from public web addresses, so that no page can use it to reach this computer or your network.`, action: null };
    case 'not-an-image':
      return { title: 'This isn’t a picture Fitroom can read', detail: error.message, action: null };
    case 'image-too-large':
      return { title: 'This picture is too large', detail: `${error.message} Use a smaller version of it.`, action: null };
    case 'engine-unavailable':
      return { title: 'The try-on engine could not start', detail: error.message, action: 'retry' };
    default:
      return { title: 'Something went wrong', detail: error.message, action: 'retry' };
  }
}

/**
 * The words for a progress stage.
 * @example stageLabel('analysing-garment') // 'Looking at the garment…'
 */
export function stageLabel(stage: string): string {
  const labels: Record<string, string> = {
    'starting-engine': 'Starting the try-on engine…',
    'fetching-garment': 'Loading the product photo…',
    decoding: 'Reading the picture…',
    'analysing-portrait': 'Finding you in the photo…',
    'analysing-garment': 'Looking at the garment…',
    fitting: 'Fitting it to your body…',
    encoding: 'Finishing the picture…',
    saving: 'Saving on this device…',
  };
  return labels[stage] ?? 'Working…';
}
