/**
 * A try-on on its way to becoming a saved look: the overlay turns what it shows into a
 * `bg.saveLook` request, and the background turns the request into a stored Look.
 *
 * The overlay does not write the looks itself: it is a frame inside a store's tab, a
 * third-party context, where the browser keeps storage apart from the extension's own
 * (partitioned by the tab's site) or refuses it: in Chromium 156 the overlay frame's
 * `indexedDB.open('fitroom')` fails with "The user denied permission to access the
 * database". The service worker's IndexedDB is the one the popup, the fitting room and
 * the offscreen document use.
 */
import { base64ToBytes, dataUrlMimeType } from '../base64';
import type { EncodedImage, SaveLookRequest, TryOnResponse } from '../messaging';
import type { ProductListing } from '../page/product-listing';
import type { Look } from './look';

/** What the overlay knows about the try-on on show besides the engine's reply. */
export interface ShownTryOn {
  /** The garment photo's address the try-on was asked for. */
  src: string;
  product?: ProductListing;
  size?: string;
}

/** A data URL's payload and type, as a message carries pictures. */
function encoded(dataUrl: string): EncodedImage {
  const mimeType = dataUrlMimeType(dataUrl);
  const comma = dataUrl.indexOf(',');
  if (!mimeType || comma < 0 || !dataUrl.slice(0, comma).endsWith(';base64')) {
    throw new Error(`Expected a base64 data URL of a picture but received ${JSON.stringify(dataUrl.slice(0, 40))}.`);
  }
  return { base64: dataUrl.slice(comma + 1), mimeType };
}

/**
 * The request that saves the try-on on show.
 * @example sendMessage('bg.saveLook', saveLookRequest(state.response, { src: state.src, product: view.product, size: view.chosenSize }))
 */
export function saveLookRequest(response: TryOnResponse, shown: ShownTryOn): SaveLookRequest {
  const request: SaveLookRequest = {
    portraitId: response.portraitId,
    result: { ...encoded(response.resultPng), width: response.width, height: response.height },
    garment: { url: shown.src, category: response.garment.category, ...(response.garmentPhoto ? { photo: encoded(response.garmentPhoto) } : {}) },
  };
  if (shown.product) request.product = shown.product;
  if (shown.size) request.size = shown.size;
  return request;
}

/**
 * The look to store for a request, with the id and time the background gives it.
 * @example await looks.save(lookFromSaveRequest(request, { id: crypto.randomUUID(), savedAt: Date.now() }));
 */
export function lookFromSaveRequest(request: SaveLookRequest, made: { id: string; savedAt: number }): Look {
  const { base64, mimeType, width, height } = request.result;
  const photo = request.garment.photo;
  return {
    id: made.id,
    portraitId: request.portraitId,
    savedAt: made.savedAt,
    result: { bytes: base64ToBytes(base64), mimeType, width, height },
    garment: { url: request.garment.url, category: request.garment.category, ...(photo ? { photo: { bytes: base64ToBytes(photo.base64), mimeType: photo.mimeType } } : {}) },
    product: request.product ?? null,
    ...(request.size ? { size: request.size } : {}),
  };
}
