/**
 * Downloads a garment image's bytes in the background service worker.
 *
 * Store images usually come from a CDN on another origin, whose pixels a content
 * script cannot read; the extension's host permission lets the background fetch
 * them. The bytes are checked to be a picture before anything decodes them.
 */
import { ExtensionError } from './error-info';
import { readImageHeader, type ImageFormat } from './engine/image-header';

/** Larger downloads are refused: no product photo needs more. */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;
/** A stuck CDN must not keep the overlay spinning forever. */
export const FETCH_TIMEOUT_MS = 30_000;

export interface FetchedImage {
  bytes: Uint8Array;
  mimeType: string;
  format: ImageFormat;
}

/**
 * Fetches an image URL (http, https or data) and checks the bytes are a picture.
 * @throws ExtensionError('fetch-failed') naming the URL and the reason (status, type, size, network);
 *         FitroomError('not-an-image') when the bytes are not a picture.
 * @example const { bytes, mimeType } = await fetchImageBytes('https://cdn.shop.example/shirt.jpg');
 */
export async function fetchImageBytes(url: string, fetchFn: typeof fetch = fetch): Promise<FetchedImage> {
  const shown = url.length > 120 ? `${url.slice(0, 117)}...` : url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ExtensionError('fetch-failed', `Expected an absolute image URL but received ${JSON.stringify(shown)}.`);
  }
  if (!['http:', 'https:', 'data:'].includes(parsed.protocol)) {
    throw new ExtensionError('fetch-failed', `Expected an http, https or data image URL but received a ${parsed.protocol} URL (${shown}).`);
  }
  let response: Response;
  try {
    // No cookies: product photos are public, and the extension should not act as the shopper.
    response = await fetchFn(url, { credentials: 'omit', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (e) {
    const reason = (e as Error).name === 'TimeoutError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : (e as Error).message;
    throw new ExtensionError('fetch-failed', `Could not download ${shown}: ${reason}.`);
  }
  if (!response.ok) throw new ExtensionError('fetch-failed', `Could not download ${shown}: the server answered ${response.status} ${response.statusText}.`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_IMAGE_BYTES) throw tooLarge(shown, declared);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_IMAGE_BYTES) throw tooLarge(shown, bytes.length);
  const header = readImageHeader(bytes); // throws not-an-image for HTML error pages and the like
  return { bytes, mimeType: `image/${header.format}`, format: header.format };
}

function tooLarge(url: string, n: number): ExtensionError {
  return new ExtensionError('fetch-failed', `Expected an image of at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB but ${url} is ${(n / 1024 / 1024).toFixed(1)} MB.`);
}
