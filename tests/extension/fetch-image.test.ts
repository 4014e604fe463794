import { describe, expect, it } from 'vitest';
import type { RedirectProbe } from '../../lib/background/redirect-watch';
import { fetchImageBytes, MAX_IMAGE_BYTES, MAX_REDIRECTS } from '../../lib/fetch-image';

const PNG_HEADER = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0, 0, 0]);
const PNG = { 'content-type': 'image/png' };

/** A fake network: each URL answers what `routes` says; every request is recorded. */
function network(routes: Record<string, () => Response>) {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    const route = routes[url];
    if (!route) throw new TypeError(`Failed to fetch ${url}`);
    return route();
  }) as unknown as typeof fetch;
  return { fetch: fetchFn, asked };
}
const redirect = (to: string, status = 302) => () => new Response(null, { status, headers: { location: to } });
const png = (headers: Record<string, string> = PNG) => () => new Response(PNG_HEADER, { headers });

/** A body sent in `chunks` chunks of `size` bytes, counting what was pulled, with no declared length. */
function streamed(chunks: number, size: number, first: Uint8Array = PNG_HEADER) {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      const chunk = new Uint8Array(size);
      if (pulled === 0) chunk.set(first);
      pulled++;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { body, pulled: () => pulled, cancelled: () => cancelled };
}

describe('fetchImageBytes', () => {
  it('returns the bytes of a picture and its type from its header, without cookies, referrer or automatic redirects', async () => {
    const net = network({ 'https://cdn.example/a.png': png() });
    const got = await fetchImageBytes('https://cdn.example/a.png', net);
    expect(got).toMatchObject({ mimeType: 'image/png', format: 'png' });
    expect(got.bytes).toEqual(PNG_HEADER);
    expect(net.asked[0].init).toMatchObject({ credentials: 'omit', redirect: 'manual', referrerPolicy: 'no-referrer' });
  });

  it('names the URL and the status of a failed download', async () => {
    const net = network({ 'https://cdn.example/gone.jpg': () => new Response('no', { status: 404, statusText: 'Not Found' }) });
    await expect(fetchImageBytes('https://cdn.example/gone.jpg', net))
      .rejects.toMatchObject({ code: 'fetch-failed', message: 'Could not download https://cdn.example/gone.jpg: the server answered 404 Not Found.' });
    await expect(fetchImageBytes('https://cdn.example/a.jpg', network({}))).rejects.toMatchObject({ code: 'fetch-failed', message: expect.stringContaining('Failed to fetch') });
  });

  it('refuses a private address before sending anything', async () => {
    const net = network({ 'http://192.168.1.1/a.png': png() });
    await expect(fetchImageBytes('http://192.168.1.1/a.png', net)).rejects.toMatchObject({ code: 'blocked-url', message: expect.stringContaining('private network') });
    await expect(fetchImageBytes('http://localhost./a.png', net)).rejects.toMatchObject({ code: 'blocked-url' });
    expect(net.asked).toHaveLength(0);
  });

  describe('redirects', () => {
    it('follows public ones itself, checking each hop', async () => {
      const net = network({
        'http://cdn.example/a.png': redirect('https://cdn.example/a.png', 301),
        'https://cdn.example/a.png': redirect('/v2/a.png', 307), // relative to the hop
        'https://cdn.example/v2/a.png': png(),
      });
      expect((await fetchImageBytes('http://cdn.example/a.png', net)).format).toBe('png');
      expect(net.asked.map((a) => a.url)).toEqual(['http://cdn.example/a.png', 'https://cdn.example/a.png', 'https://cdn.example/v2/a.png']);
      expect(net.asked.every((a) => a.init.redirect === 'manual')).toBe(true);
    });

    it('refuses one to a private address, a local name or another scheme, without requesting it', async () => {
      for (const [to, why] of [
        ['http://127.0.0.1:8080/admin', /this computer/], ['http://2130706433/x', /this computer/], ['http://[::ffff:10.0.0.1]/x', /private network/],
        ['http://localhost./x', /localhost/], ['http://printer.local/x', /\.local/], ['file:///etc/passwd', /file: address/],
      ] as const) {
        const net = network({ 'https://cdn.example/a.png': redirect(to), [to]: png() });
        const error = await fetchImageBytes('https://cdn.example/a.png', net).catch((e) => e);
        expect(error, to).toMatchObject({ code: 'blocked-url' });
        expect(error.message).toMatch(/^https:\/\/cdn\.example\/a\.png redirects elsewhere, and /);
        expect(error.message).toMatch(why);
        expect(net.asked.map((a) => a.url)).toEqual(['https://cdn.example/a.png']);
      }
    });

    it('stops after MAX_REDIRECTS', async () => {
      const routes: Record<string, () => Response> = {};
      for (let i = 0; i < 10; i++) routes[`https://cdn.example/${i}.png`] = redirect(`https://cdn.example/${i + 1}.png`);
      const net = network(routes);
      await expect(fetchImageBytes('https://cdn.example/0.png', net)).rejects.toMatchObject({ code: 'fetch-failed', message: expect.stringContaining(`at most ${MAX_REDIRECTS} redirects`) });
      expect(net.asked).toHaveLength(MAX_REDIRECTS + 1);
    });

    it('reads an opaque redirect’s target from the probe, and refuses one it cannot see', async () => {
      const opaque = () => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
      const probes: string[] = [];
      const watch = (target: string | null) => (url: string): RedirectProbe => {
        probes.push(url);
        return { location: async () => target, stop: () => probes.push(`stop ${url}`) };
      };
      const net = network({ 'https://cdn.example/a.png': opaque, 'https://cdn2.example/a.png': png() });
      expect((await fetchImageBytes('https://cdn.example/a.png', { ...net, watchRedirect: watch('https://cdn2.example/a.png') })).format).toBe('png');
      expect(probes).toEqual(['https://cdn.example/a.png', 'stop https://cdn.example/a.png', 'https://cdn2.example/a.png', 'stop https://cdn2.example/a.png']);
      await expect(fetchImageBytes('https://cdn.example/a.png', { ...network({ 'https://cdn.example/a.png': opaque }), watchRedirect: watch('http://10.1.1.1/x') }))
        .rejects.toMatchObject({ code: 'blocked-url', message: expect.stringContaining('private network') });
      await expect(fetchImageBytes('https://cdn.example/a.png', { ...network({ 'https://cdn.example/a.png': opaque }), watchRedirect: watch(null) }))
        .rejects.toMatchObject({ code: 'blocked-url', message: expect.stringContaining('cannot see') });
      await expect(fetchImageBytes('https://cdn.example/a.png', network({ 'https://cdn.example/a.png': opaque })))
        .rejects.toMatchObject({ code: 'blocked-url', message: expect.stringContaining('cannot see') });
    });
  });

  describe('the size cap', () => {
    it('refuses a declared length over the cap without reading the body', async () => {
      const body = streamed(3, 1024);
      const net = network({ 'https://cdn.example/huge.png': () => new Response(body.body, { headers: { ...PNG, 'content-length': String(MAX_IMAGE_BYTES + 1) } }) });
      await expect(fetchImageBytes('https://cdn.example/huge.png', net))
        .rejects.toMatchObject({ code: 'image-too-large', message: 'Expected an image of at most 40 MB but https://cdn.example/huge.png declares 40.0 MB (41943041 bytes).' });
      expect(body.pulled()).toBeLessThanOrEqual(1);
    });

    it('stops an undeclared body at the cap, cancelling the rest', async () => {
      const chunk = 4 * 1024 * 1024;
      const body = streamed(100, chunk); // 400 MB if read whole
      const net = network({ 'https://cdn.example/endless.png': () => new Response(body.body, { headers: PNG }) });
      await expect(fetchImageBytes('https://cdn.example/endless.png', net))
        .rejects.toMatchObject({ code: 'image-too-large', message: expect.stringContaining('sent over 40.0 MB (the download was stopped there)') });
      expect(body.pulled()).toBe(MAX_IMAGE_BYTES / chunk + 1);
      expect(body.cancelled()).toBe(true);
    });

    it('stops a body that sends more than it declared', async () => {
      const body = streamed(12, 4 * 1024 * 1024);
      const net = network({ 'https://cdn.example/liar.png': () => new Response(body.body, { headers: { ...PNG, 'content-length': '1000' } }) });
      await expect(fetchImageBytes('https://cdn.example/liar.png', net)).rejects.toMatchObject({ code: 'image-too-large' });
      expect(body.cancelled()).toBe(true);
    });

    it('takes a picture just under the cap whole', async () => {
      const body = streamed(10, 4 * 1024 * 1024); // exactly 40 MB
      const net = network({ 'https://cdn.example/big.png': () => new Response(body.body, { headers: PNG }) });
      expect((await fetchImageBytes('https://cdn.example/big.png', net)).bytes.length).toBe(MAX_IMAGE_BYTES);
    });
  });

  describe('what a picture is', () => {
    it('refuses a response the server does not call an image, before reading it', async () => {
      for (const [type, said] of [['text/html; charset=utf-8', 'says it is text/html'], ['application/json', 'says it is application/json'], ['application/octet-stream', 'says it is application/octet-stream']] as const) {
        const body = streamed(3, 1024);
        const net = network({ 'https://shop.example/login': () => new Response(body.body, { headers: { 'content-type': type } }) });
        await expect(fetchImageBytes('https://shop.example/login', net), type).rejects.toMatchObject({ code: 'not-an-image', message: expect.stringContaining(said) });
        expect(body.pulled()).toBeLessThanOrEqual(1);
      }
      const net = network({ 'https://shop.example/x': () => new Response(PNG_HEADER) });
      await expect(fetchImageBytes('https://shop.example/x', net)).rejects.toMatchObject({ code: 'not-an-image', message: expect.stringContaining('does not say what it is') });
    });

    it('refuses bytes that are not a picture even when the server calls them one', async () => {
      const net = network({ 'https://cdn.example/fake.jpg': () => new Response('<html>router login</html>', { headers: { 'content-type': 'image/jpeg' } }) });
      await expect(fetchImageBytes('https://cdn.example/fake.jpg', net))
        .rejects.toMatchObject({ code: 'not-an-image', message: expect.stringMatching(/^Expected the bytes of a JPEG, PNG, GIF, WebP, AVIF or HEIF picture from https:\/\/cdn\.example\/fake\.jpg but they start 3c 68 74 6d/) });
    });
  });
});
