/**
 * Downloads a garment image's bytes in the background service worker.
 *
 * Store images usually come from a CDN on another origin, whose pixels a content
 * script cannot read; the extension's host permission lets the background fetch
 * them. That same power is why every download is guarded (docs/privacy.md):
 * - only public http(s) addresses (host-guard.ts), checked again at every redirect,
 *   which is followed here, one hop at a time, never by the browser;
 * - no cookies, no referrer;
 * - the server must call it an image, and its bytes must be one;
 * - the body is counted as it arrives and cut at MAX_IMAGE_BYTES.
 */
import { ExtensionError } from './error-info';
import { readImageHeader, type ImageFormat } from './engine/image-header';
import { readBodyWithCap } from './download/bounded-body';
import { checkDownloadUrl, shownUrl } from './download/host-guard';
import { assertPictureBytes, checkImageContentType } from './download/image-type';
import type { RedirectProbe } from './background/redirect-watch';

/** Larger downloads are refused: no product photo needs more. */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;
/** A stuck CDN must not keep the overlay spinning forever (the whole download, redirects included). */
export const FETCH_TIMEOUT_MS = 30_000;
/** CDNs redirect once or twice (http → https, a resizer); more is a loop or a trick. */
export const MAX_REDIRECTS = 5;

export interface FetchedImage {
  bytes: Uint8Array;
  mimeType: string;
  format: ImageFormat;
}

export interface FetchImageOptions {
  fetch?: typeof fetch;
  /**
   * Where the platform hides a redirect's target (a browser's opaque redirect), a probe
   * that reads it (redirect-watch.ts). Without one, such a redirect is refused.
   */
  watchRedirect?: (url: string) => RedirectProbe;
}

/**
 * Fetches a garment image over http(s) and checks it is a picture.
 * @throws ExtensionError('blocked-url') for a non-http(s) URL or a host that is not public, at the start or after a redirect;
 *         ExtensionError('fetch-failed') naming the URL and the reason (status, network, timeout, too many redirects);
 *         ExtensionError('not-an-image') when the server does not call it an image or its bytes are not one;
 *         ExtensionError('image-too-large') past MAX_IMAGE_BYTES, declared or not.
 * @example const { bytes, mimeType } = await fetchImageBytes('https://cdn.shop.example/shirt.jpg');
 */
export async function fetchImageBytes(url: string, options: FetchImageOptions = {}): Promise<FetchedImage> {
  const fetchFn = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  let current = checkDownloadUrl(url);
  for (let hop = 0; ; hop++) {
    const shown = shownUrl(current.href);
    const probe = options.watchRedirect?.(current.href);
    let response: Response;
    let target: string | null = null;
    try {
      // No cookies: product photos are public, and the extension should not act as the shopper.
      response = await fetchFn(current.href, { credentials: 'omit', redirect: 'manual', referrerPolicy: 'no-referrer', signal });
      if (isRedirect(response)) target = response.headers.get('location') ?? (await probe?.location()) ?? null;
    } catch (e) {
      throw new ExtensionError('fetch-failed', `Could not download ${shown}: ${networkReason(e)}.`);
    } finally {
      probe?.stop();
    }
    if (isRedirect(response)) {
      if (hop >= MAX_REDIRECTS) throw new ExtensionError('fetch-failed', `Could not download ${shownUrl(url)}: expected at most ${MAX_REDIRECTS} redirects but the servers sent more.`);
      if (target === null) throw new ExtensionError('blocked-url', `${shown} redirects to an address Fitroom cannot see, so it cannot check that the address is public.`);
      let next: URL;
      try {
        next = new URL(target, current);
      } catch {
        throw new ExtensionError('fetch-failed', `Could not download ${shown}: it redirects to ${JSON.stringify(shownUrl(target))}, which is not an address.`);
      }
      try {
        current = checkDownloadUrl(next.href);
      } catch (e) {
        const why = (e as Error).message;
        throw new ExtensionError('blocked-url', `${shown} redirects elsewhere, and ${why.charAt(0).toLowerCase()}${why.slice(1)}`);
      }
      continue;
    }
    if (!response.ok) throw new ExtensionError('fetch-failed', `Could not download ${shown}: the server answered ${[response.status, response.statusText].filter(Boolean).join(' ')}.`);
    checkImageContentType(response.headers.get('content-type'), shown);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_IMAGE_BYTES) {
      void response.body?.cancel().catch(() => {});
      throw tooLarge(shown, declared, 'declares');
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBodyWithCap(response.body, MAX_IMAGE_BYTES, (seen) => tooLarge(shown, seen, 'sent over'));
    } catch (e) {
      if (e instanceof ExtensionError) throw e;
      throw new ExtensionError('fetch-failed', `Could not download ${shown}: ${networkReason(e)}.`);
    }
    assertPictureBytes(bytes, shown);
    const header = readImageHeader(bytes); // the engine's own check: a format it decodes, and its size
    return { bytes, mimeType: `image/${header.format}`, format: header.format };
  }
}

/** Opaque (a browser's `redirect: 'manual'`) or plain 3xx with a target (Node, tests). */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || ([301, 302, 303, 307, 308].includes(response.status));
}

function networkReason(e: unknown): string {
  const name = (e as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no complete answer within ${FETCH_TIMEOUT_MS / 1000} s`;
  return (e as Error)?.message || String(e);
}

function tooLarge(shown: string, n: number, how: 'declares' | 'sent over'): ExtensionError {
  const mb = (x: number) => (x / 1024 / 1024).toFixed(1);
  const size = how === 'declares' ? `declares ${mb(n)} MB (${n} bytes)` : `sent over ${mb(MAX_IMAGE_BYTES)} MB (the download was stopped there)`;
  return new ExtensionError('image-too-large', `Expected an image of at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB but ${shown} ${size}.`);
}
