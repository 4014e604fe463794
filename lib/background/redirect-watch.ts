/**
 * Where a redirect points, when fetch will not say. A browser answers
 * `fetch(url, { redirect: 'manual' })` with an opaque redirect: status 0, no
 * Location header, even for an extension. To follow redirects one hop at a time,
 * checking each target before anything is sent to it, the background reads the
 * Location from chrome.webRequest's onHeadersReceived, which sees the 3xx response
 * before the browser drops it.
 *
 * The listener exists only while one hop of a garment download is in flight, is
 * filtered to that URL's host and to requests outside tabs, and keeps only the
 * Location of the extension's own request for that exact URL.
 */

/** The fields of webRequest's onHeadersReceived details this reads. */
export interface HeadersReceivedDetails {
  url: string;
  statusCode: number;
  initiator?: string;
  tabId: number;
  responseHeaders?: { name: string; value?: string }[];
}

/** The part of chrome.webRequest this needs. */
export interface WebRequestApi {
  onHeadersReceived: {
    addListener(callback: (details: HeadersReceivedDetails) => void, filter: { urls: string[]; tabId?: number }, extraInfoSpec?: string[]): void;
    removeListener(callback: (details: HeadersReceivedDetails) => void): void;
  };
}

/** Watches one request for its redirect target. */
export interface RedirectProbe {
  /** The Location the response carried, or null when none was seen within `waitMs`. */
  location(waitMs?: number): Promise<string | null>;
  stop(): void;
}

/** How long to wait for the webRequest event after fetch has answered: they travel separately. */
export const LOCATION_WAIT_MS = 2_000;

/**
 * A probe factory: call it before fetching `url`, read `location()` when fetch
 * answered with a redirect, `stop()` in any case.
 * @example
 *   const watch = webRequestRedirectWatch(chrome.webRequest, 'chrome-extension://abc');
 *   const probe = watch(url);
 *   const response = await fetch(url, { redirect: 'manual' });
 *   const target = response.type === 'opaqueredirect' ? await probe.location() : null;
 *   probe.stop();
 */
export function webRequestRedirectWatch(api: WebRequestApi, ownOrigin: string): (url: string) => RedirectProbe {
  return (url) => {
    const wanted = withoutFragment(url);
    let seen: string | null = null;
    let wake: (() => void) | null = null;
    const onHeaders = (d: HeadersReceivedDetails) => {
      if (d.url !== wanted || d.initiator !== ownOrigin || d.tabId !== -1 || d.statusCode < 300 || d.statusCode >= 400) return;
      seen = d.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value ?? null;
      wake?.();
    };
    try {
      api.onHeadersReceived.addListener(onHeaders, { urls: [hostPattern(wanted)], tabId: -1 }, ['responseHeaders']);
    } catch {
      // A host the match-pattern syntax cannot write: watch every request outside tabs instead.
      api.onHeadersReceived.addListener(onHeaders, { urls: ['<all_urls>'], tabId: -1 }, ['responseHeaders']);
    }
    return {
      location: (waitMs = LOCATION_WAIT_MS) =>
        seen !== null
          ? Promise.resolve(seen)
          : new Promise<string | null>((resolve) => {
              const timer = setTimeout(() => resolve(seen), waitMs);
              wake = () => {
                clearTimeout(timer);
                resolve(seen);
              };
            }),
      stop: () => api.onHeadersReceived.removeListener(onHeaders),
    };
  };
}

/**
 * A match pattern for every path on the URL's host (ports match any).
 * @example hostPattern('https://cdn.example:8443/a.jpg?w=1') // 'https://cdn.example/*'
 */
export function hostPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

function withoutFragment(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}
