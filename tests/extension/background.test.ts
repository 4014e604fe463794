import { describe, expect, it, vi } from 'vitest';
import { base64ToBytes } from '../../lib/base64';
import { createTryOnMenu, CONTEXT_MENU_ID, handleTryOnMenuClick } from '../../lib/background/context-menu';
import { backgroundHandlers, type BackgroundDeps } from '../../lib/background/handlers';
import { offscreenDocumentKeeper, OFFSCREEN_REASONS, whenListening, type OffscreenApi } from '../../lib/background/offscreen-document';
import { MAX_WAITING_OVERLAYS, OVERLAY_CLAIM_MS, overlayRequests } from '../../lib/background/overlay-requests';
import { progressRoutes } from '../../lib/background/progress-routes';
import { hostPattern, webRequestRedirectWatch, type HeadersReceivedDetails, type WebRequestApi } from '../../lib/background/redirect-watch';
import { ExtensionError } from '../../lib/error-info';
import type { OffscreenTryOnRequest, ProgressEvent, TryOnResponse } from '../../lib/messaging';
import { memoryLookStore } from '../../lib/storage';

describe('the offscreen document keeper', () => {
  function fakeApi(existing = 0) {
    let documents = existing;
    const created: unknown[] = [];
    const api: OffscreenApi = {
      runtime: {
        getURL: (p) => `chrome-extension://id${p}`,
        getContexts: async () => Array.from({ length: documents }, () => ({})),
      },
      offscreen: {
        createDocument: async (params) => {
          await new Promise((r) => setTimeout(r, 10));
          if (documents > 0) throw new Error('Only a single offscreen document may be created.');
          created.push(params);
          documents++;
        },
      },
    };
    return { api, created, close: () => { documents = 0; } };
  }

  it('creates one document however many callers ask at once, and again after it closed', async () => {
    const { api, created, close } = fakeApi();
    const ensure = offscreenDocumentKeeper(api);
    await Promise.all([ensure(), ensure(), ensure()]);
    expect(created).toEqual([{ url: 'chrome-extension://id/offscreen.html', reasons: OFFSCREEN_REASONS, justification: expect.stringContaining('onnxruntime-web') }]);
    await ensure();
    expect(created).toHaveLength(1);
    close();
    await ensure();
    expect(created).toHaveLength(2);
  });

  it('does not create one when it exists', async () => {
    const { api, created } = fakeApi(1);
    await offscreenDocumentKeeper(api)();
    expect(created).toHaveLength(0);
  });

  it('asks a document still loading again until it listens, and passes other errors on', async () => {
    let calls = 0;
    const notYet = async () => {
      if (++calls < 3) throw new Error('The message port closed before a response was received.');
      return 'ready';
    };
    expect(await whenListening(notYet, 5, 1)).toBe('ready');
    expect(calls).toBe(3);
    calls = 0;
    await expect(whenListening(async () => { calls++; throw new Error('engine failed'); }, 5, 1)).rejects.toThrow('engine failed');
    expect(calls).toBe(1);
    await expect(whenListening(async () => { throw new Error('Could not establish connection. Receiving end does not exist.'); }, 3, 1)).rejects.toThrow('Receiving end');
  });
});

describe('the context menu', () => {
  it('is an image entry named "Try on with Fitroom"', () => {
    const create = vi.fn();
    createTryOnMenu({ create });
    expect(create).toHaveBeenCalledWith({ id: CONTEXT_MENU_ID, title: 'Try on with Fitroom', contexts: ['image'] }, undefined);
  });

  it('hands a click on an image to the top frame of its tab', async () => {
    const show = vi.fn(async () => {});
    expect(await handleTryOnMenuClick({ menuItemId: CONTEXT_MENU_ID, srcUrl: 'https://cdn/x.jpg' }, { id: 7 }, show)).toEqual({ src: 'https://cdn/x.jpg' });
    expect(show).toHaveBeenCalledWith(7, { src: 'https://cdn/x.jpg' });
    expect(await handleTryOnMenuClick({ menuItemId: 'other', srcUrl: 'https://cdn/x.jpg' }, { id: 7 }, show)).toBeNull();
    expect(await handleTryOnMenuClick({ menuItemId: CONTEXT_MENU_ID }, { id: 7 }, show)).toBeNull();
    expect(show).toHaveBeenCalledTimes(1);
  });
});

describe('progress routes', () => {
  it('sends a job’s progress to the overlay frames or to the popup, and drops the rest', async () => {
    const toOverlay = vi.fn(async () => {});
    const toPopup = vi.fn(async () => { throw new Error('Receiving end does not exist.'); });
    const routes = progressRoutes({ toOverlay, toPopup });
    const e = (jobId: string): ProgressEvent => ({ jobId, stage: 'fitting', fraction: 0.5 });
    routes.start('a', { kind: 'overlay' });
    routes.start('b', { kind: 'popup' });
    expect(await routes.forward(e('a'))).toBe(true);
    expect(toOverlay).toHaveBeenCalledWith(e('a'));
    expect(toPopup).not.toHaveBeenCalledWith(e('a'));
    expect(await routes.forward(e('b'))).toBe(false); // the popup closed: ignored
    expect(await routes.forward(e('zzz'))).toBe(false);
    routes.finish('a');
    routes.finish('b');
    expect(routes.size).toBe(0);
  });
});

describe('the background handlers', () => {
  const response = { resultPng: 'data:image/png;base64,', width: 1, height: 1 } as TryOnResponse;
  function deps(overrides: { hasPortrait?: boolean; hasGarment?: boolean; fetchFails?: boolean } = {}) {
    const stored = overrides.hasPortrait ?? true;
    const sent: OffscreenTryOnRequest[] = [];
    const progress: ProgressEvent[] = [];
    const owners: unknown[] = [];
    const d: BackgroundDeps = {
      ensureOffscreen: vi.fn(async () => {}),
      fetchImage: vi.fn(async (url: string) => {
        if (overrides.fetchFails) throw new ExtensionError('fetch-failed', `Could not download ${url}: 404.`);
        return { bytes: new Uint8Array([1, 2, 3]), mimeType: 'image/jpeg', format: 'jpeg' as const };
      }),
      offscreen: {
        analysePortrait: vi.fn(),
        prepare: vi.fn(async () => ({ hasPortrait: stored, hasGarment: overrides.hasGarment ?? false })),
        tryOn: vi.fn(async (r: OffscreenTryOnRequest) => { sent.push(r); return { ok: true as const, value: response }; }),
        status: vi.fn(),
        warmUp: vi.fn(async () => {}),
        sizeAdvice: vi.fn(async () => ({ ok: true as const, value: { status: 'no-height' as const, sizes: [] } })),
      },
      hasPortrait: async () => stored,
      overlays: overlayRequests({ newId: () => 'ov-1' }),
      closeOverlayInTab: vi.fn(async () => {}),
      looks: memoryLookStore(),
      newLookId: () => 'look-1',
      progress: {
        start: (jobId, owner) => owners.push([jobId, owner]),
        finish: () => {},
        forward: async (e) => { progress.push(e); return true; },
      },
    };
    return { d, sent, progress, owners };
  }

  it('downloads the garment and passes it on with the request', async () => {
    const { d, sent, progress, owners } = deps();
    const reply = await backgroundHandlers(d).tryOn({ jobId: 'j', src: 'https://cdn.example/x.jpg', categoryHint: 'dress', fit: { ease: 0.05 } });
    expect(reply).toEqual({ ok: true, value: response });
    expect(owners).toEqual([['j', { kind: 'overlay' }]]);
    expect(sent[0]).toMatchObject({ jobId: 'j', categoryHint: 'dress', fit: { ease: 0.05 }, garment: { url: 'https://cdn.example/x.jpg', image: { mimeType: 'image/jpeg' } } });
    expect(base64ToBytes(sent[0].garment.image!.base64)).toEqual(new Uint8Array([1, 2, 3]));
    expect(progress.map((e) => e.stage)).toEqual(['starting-engine', 'fetching-garment']);
  });

  it('does not download a garment the offscreen has analysed', async () => {
    const { d, sent } = deps({ hasGarment: true });
    await backgroundHandlers(d).tryOn({ jobId: 'j', src: 'https://cdn.example/x.jpg' });
    expect(d.fetchImage).not.toHaveBeenCalled();
    expect(sent[0].garment).toEqual({ url: 'https://cdn.example/x.jpg' });
  });

  it('answers no-portrait before downloading anything', async () => {
    const { d } = deps({ hasPortrait: false });
    const reply = await backgroundHandlers(d).tryOn({ jobId: 'j', src: 'https://cdn.example/x.jpg' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'no-portrait' } });
    expect(d.fetchImage).not.toHaveBeenCalled();
  });

  it('refuses a private or non-http address before waking the offscreen document', async () => {
    for (const src of ['http://192.168.0.10/cam.jpg', 'http://localhost./x.jpg', 'data:image/png;base64,AAAA']) {
      const { d } = deps();
      const reply = await backgroundHandlers(d).tryOn({ jobId: 'j', src });
      expect(reply, src).toMatchObject({ ok: false, error: { code: 'blocked-url' } });
      expect(d.ensureOffscreen).not.toHaveBeenCalled();
      expect(d.fetchImage).not.toHaveBeenCalled();
    }
  });

  it('hands an overlay frame its tab’s request once, and tells only that tab to close it', async () => {
    const { d } = deps();
    const handlers = backgroundHandlers(d);
    const request = { src: 'https://cdn.example/x.jpg', chart: null, clickedAt: 1_800_000_000_000 };
    expect(handlers.openOverlay(request, 4)).toEqual({ overlayId: 'ov-1' });
    expect(handlers.overlayRequest({ overlayId: 'ov-1' }, 5)).toBeNull(); // a frame in another tab
    expect(handlers.overlayRequest({ overlayId: 'ov-1' }, 4)).toEqual(request);
    expect(handlers.overlayRequest({ overlayId: 'ov-1' }, 4)).toBeNull(); // claimed already
    await handlers.closeOverlay({ overlayId: 'ov-1' }, 4);
    expect(d.closeOverlayInTab).toHaveBeenCalledWith(4, { overlayId: 'ov-1' });
  });

  it('stores a saved look with a new id and the time, its pictures as bytes', async () => {
    const { d } = deps();
    const looks = memoryLookStore();
    d.looks = looks;
    const before = Date.now();
    const reply = await backgroundHandlers(d).saveLook({
      portraitId: 'portrait-a',
      result: { base64: 'iVBORw==', mimeType: 'image/png', width: 2, height: 3 },
      garment: { url: 'https://cdn.example/x.jpg', photo: { base64: '/9j/', mimeType: 'image/jpeg' }, category: 'upper' },
      product: { title: 'Oxford Cotton Shirt', url: 'https://shop.example/p' },
      size: 'M',
    });
    expect(reply).toEqual({ ok: true, value: { id: 'look-1' } });
    const [look] = await looks.list();
    expect(look).toMatchObject({ id: 'look-1', portraitId: 'portrait-a', size: 'M', product: { title: 'Oxford Cotton Shirt' }, garment: { url: 'https://cdn.example/x.jpg', category: 'upper' } });
    expect(look.result).toEqual({ bytes: base64ToBytes('iVBORw=='), mimeType: 'image/png', width: 2, height: 3 });
    expect(look.garment.photo).toEqual({ bytes: base64ToBytes('/9j/'), mimeType: 'image/jpeg' });
    expect(look.savedAt).toBeGreaterThanOrEqual(before);
    expect(d.ensureOffscreen).not.toHaveBeenCalled();
  });

  it('says "no chart" without waking the offscreen document, and asks it otherwise', async () => {
    const { d } = deps();
    expect(await backgroundHandlers(d).sizeAdvice({ chart: null })).toEqual({ ok: true, value: { status: 'no-chart' } });
    expect(d.ensureOffscreen).not.toHaveBeenCalled();
    const chart = { unit: 'cm' as const, kind: 'body' as const, sizes: [{ label: 'S', measures: { chest: 88 } }, { label: 'M', measures: { chest: 94 } }] };
    expect(await backgroundHandlers(d).sizeAdvice({ chart })).toEqual({ ok: true, value: { status: 'no-height', sizes: [] } });
    expect(d.offscreen.sizeAdvice).toHaveBeenCalledWith({ chart });
  });

  it('warms the engine up for the popup even without a portrait (one is about to be picked)', async () => {
    const without = deps({ hasPortrait: false });
    await backgroundHandlers(without.d).warmUpForPortrait();
    expect(without.d.ensureOffscreen).toHaveBeenCalled();
    expect(without.d.offscreen.warmUp).toHaveBeenCalled();
  });

  it('warms the engine up for a store page only when a portrait is stored', async () => {
    const without = deps({ hasPortrait: false });
    expect(await backgroundHandlers(without.d).warmUp()).toBe(false);
    expect(without.d.ensureOffscreen).not.toHaveBeenCalled();
    const withPortrait = deps();
    expect(await backgroundHandlers(withPortrait.d).warmUp()).toBe(true);
    expect(withPortrait.d.offscreen.warmUp).toHaveBeenCalled();
  });

  it('replies with fetch-failed when the image cannot be downloaded', async () => {
    const { d } = deps({ fetchFails: true });
    const reply = await backgroundHandlers(d).tryOn({ jobId: 'j', src: 'https://cdn.example/gone.jpg' });
    expect(reply).toEqual({ ok: false, error: { code: 'fetch-failed', message: 'Could not download https://cdn.example/gone.jpg: 404.' } });
  });
});

describe('overlay requests', () => {
  const request = (src: string) => ({ src, chart: null, clickedAt: 1_800_000_000_000 });

  it('forget a request nobody claimed in time', () => {
    let t = 0;
    let n = 0;
    const overlays = overlayRequests({ now: () => t, newId: () => `id${n++}` });
    const id = overlays.register(1, request('https://a.example/1.jpg'));
    t = OVERLAY_CLAIM_MS + 1;
    expect(overlays.claim(id, 1)).toBeNull();
    expect(overlays.size).toBe(0);
  });

  it('keep at most MAX_WAITING_OVERLAYS, dropping the oldest', () => {
    let n = 0;
    const overlays = overlayRequests({ newId: () => `id${n++}` });
    const ids = Array.from({ length: MAX_WAITING_OVERLAYS + 3 }, (_, i) => overlays.register(1, request(`https://a.example/${i}.jpg`)));
    expect(overlays.size).toBe(MAX_WAITING_OVERLAYS);
    expect(overlays.claim(ids[0], 1)).toBeNull();
    expect(overlays.claim(ids.at(-1)!, 1)?.src).toBe(`https://a.example/${MAX_WAITING_OVERLAYS + 2}.jpg`);
  });
});

describe('the redirect watch', () => {
  function fakeWebRequest() {
    const listeners: { cb: (d: HeadersReceivedDetails) => void; filter: { urls: string[]; tabId?: number } }[] = [];
    const api: WebRequestApi = {
      onHeadersReceived: {
        addListener: (cb, filter) => void listeners.push({ cb, filter }),
        removeListener: (cb) => void listeners.splice(listeners.findIndex((l) => l.cb === cb), 1),
      },
    };
    const emit = (d: Partial<HeadersReceivedDetails>) => listeners.forEach((l) => l.cb({ url: '', statusCode: 302, tabId: -1, initiator: 'chrome-extension://me', ...d }));
    return { api, listeners, emit };
  }
  const location = (value: string) => [{ name: 'Location', value }];

  it('reads the Location of the extension’s own redirect for that URL, and only that', async () => {
    const { api, listeners, emit } = fakeWebRequest();
    const probe = webRequestRedirectWatch(api, 'chrome-extension://me')('https://cdn.example:8443/a.jpg?w=1#top');
    expect(listeners[0].filter).toEqual({ urls: ['https://cdn.example/*'], tabId: -1 });
    emit({ url: 'https://cdn.example:8443/a.jpg?w=1', initiator: 'https://evil.example', responseHeaders: location('http://10.0.0.1/') }); // a page's request
    emit({ url: 'https://cdn.example:8443/other.jpg', responseHeaders: location('http://10.0.0.2/') });
    emit({ url: 'https://cdn.example:8443/a.jpg?w=1', statusCode: 200, responseHeaders: location('http://10.0.0.3/') });
    expect(await probe.location(5)).toBeNull();
    emit({ url: 'https://cdn.example:8443/a.jpg?w=1', responseHeaders: location('https://cdn2.example/a.jpg') });
    expect(await probe.location(5)).toBe('https://cdn2.example/a.jpg');
    probe.stop();
    expect(listeners).toHaveLength(0);
  });

  it('waits for an event that arrives after fetch has answered', async () => {
    const { api, emit } = fakeWebRequest();
    const probe = webRequestRedirectWatch(api, 'chrome-extension://me')('https://cdn.example/a.jpg');
    const pending = probe.location(1000);
    emit({ url: 'https://cdn.example/a.jpg', responseHeaders: location('/b.jpg') });
    expect(await pending).toBe('/b.jpg');
  });

  it('writes a match pattern for the host, any port', () => {
    expect(hostPattern('http://cdn.fitroom.test:4321/x?y=1')).toBe('http://cdn.fitroom.test/*');
  });
});
