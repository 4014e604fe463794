/**
 * Two local HTTP servers for the end-to-end tests, on two origins as in the wild,
 * reached by name (shop.fitroom.test, cdn.fitroom.test: Chromium maps them to
 * 127.0.0.1, see chromium.ts) since the extension refuses private addresses:
 * - the store: fixture pages (ours in tests/fixtures/e2e with `{{IMAGES}}` for the CDN's
 *   origin; lib/page's in tests/fixtures/pages, whose CDN URLs `rewriteImageOrigin` points
 *   here), and the pages' own `/img/…` pictures;
 * - the CDN: sample photos from the sample folder by name (`/samples/garments/…`), and for
 *   any other picture path a sample garment of the kind its name suggests (dress, trousers,
 *   top), so every fixture page shows real photos, at the size its URL hints (`_60x60`,
 *   `?width=`) and small for logos, icons and badges, so unstyled fixture pages lay out
 *   as they would in the wild; generated pictures that are not garments (a kettle on
 *   white, and a busy scene with no product on a plain backdrop); 404 for
 *   `/samples/` names that do not exist; and what a hostile or broken server sends:
 *   a redirect to any address (`/redirect?to=…`), a picture of more than 40 MB sent
 *   without a Content-Length (`/generated/endless.jpg`), an HTML page calling itself a
 *   page (`/generated/page.html`) and HTML calling itself a JPEG (`/generated/fake.jpg`).
 * Samples are served from the sample folder, never copied into the repository.
 * The CDN sends no CORS or CORP headers, like most real ones.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { urlSizeHint } from '../../lib/page/url';
import { rewriteImageOrigin } from '../fixtures/pages/origins';
import { sampleManifest, samplesDir } from './samples';

const projectRoot = resolve(import.meta.dirname, '..', '..');
/** Folders of fixture store pages: our own, and the page-reading branch's. */
export const PAGE_DIRS = [resolve(projectRoot, 'tests/fixtures/e2e'), resolve(projectRoot, 'tests/fixtures/pages')];

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };

/** The fixture pages' domain (tests/fixtures/pages/origins.ts): Chromium resolves it to 127.0.0.1. */
export const FIXTURE_DOMAIN = 'fitroom.test';
/** A picture this large is past the extension's 40 MB cap. */
const ENDLESS_BYTES = 48 * 1024 * 1024;

export interface TestServers {
  storeOrigin: string;
  imageOrigin: string;
  /** The image server by its address (127.0.0.1): what the extension must refuse. */
  imageOriginByAddress: string;
  /** Absolute URL of a sample on the image server, e.g. imageUrl('garments/00055_00.jpg'). */
  imageUrl(sample: string): string;
  /** Absolute URL of a fixture page on the store server, e.g. pageUrl('product-shirt.html'). */
  pageUrl(file: string): string;
  /** The same page by address, for Node's own fetch (which does not know the names). */
  localPageUrl(file: string): string;
  close(): Promise<void>;
}

/**
 * Starts both servers on free localhost ports.
 * @example const servers = await startTestServers(); await page.goto(servers.pageUrl('product-shirt.html'));
 */
export async function startTestServers(): Promise<TestServers> {
  let imageOrigin = '';
  const store = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    if (path.startsWith('img/')) return void sendGarmentFor(res, req.url ?? path);
    const file = PAGE_DIRS.map((d) => safeJoin(d, path)).find((f) => f && existsSync(f) && statSync(f).isFile() && f.endsWith('.html'));
    if (!file) return notFound(res);
    // Rewritten before {{IMAGES}} is filled in: the image origin is itself on cdn.fitroom.test.
    const html = rewriteImageOrigin(readFileSync(file, 'utf8'), imageOrigin).replaceAll('{{IMAGES}}', imageOrigin);
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
    res.end(html);
  });
  const images = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/generated/kettle.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(kettlePng());
    }
    if (path === '/generated/busy.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(busyPng());
    }
    if (path === '/redirect') {
      res.writeHead(302, { location: new URL(req.url ?? '/', 'http://x').searchParams.get('to') ?? '/' });
      return res.end();
    }
    if (path === '/generated/endless.jpg') return void sendEndless(res);
    if (path === '/generated/page.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html><body>Router admin: please log in</body></html>');
    }
    if (path === '/generated/fake.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      return res.end('<html><body>not a picture</body></html>');
    }
    const m = /^\/samples\/(.+)$/.exec(path);
    if (!m) return void sendGarmentFor(res, req.url ?? path);
    const file = safeJoin(samplesDir, m[1]);
    if (!file || !existsSync(file) || !statSync(file).isFile()) return notFound(res);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  const storePort = await listen(store);
  const imagePort = await listen(images);
  // Two origins, as a store and its CDN.
  const storeOrigin = `http://shop.${FIXTURE_DOMAIN}:${storePort}`;
  imageOrigin = `http://cdn.${FIXTURE_DOMAIN}:${imagePort}`;
  return {
    storeOrigin,
    imageOrigin,
    imageOriginByAddress: `http://127.0.0.1:${imagePort}`,
    imageUrl: (sample) => `${imageOrigin}/samples/${sample}`,
    pageUrl: (file) => `${storeOrigin}/${file}`,
    localPageUrl: (file) => `http://127.0.0.1:${storePort}/${file}`,
    close: async () => {
      await Promise.all([store, images].map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); })));
    },
  };
}

const KIND_WORDS: [string, RegExp][] = [
  ['dress', /dress|gown|连衣裙|裙/i],
  ['lower', /jeans|trouser|pant|skirt|short|bottom|裤/i],
];

/** Pictures that are not product photos; served small. */
const SMALL_WORDS = /logo|icon|badge|guarantee|avatar|sprite|payment|visa|mastercard|paypal|star|flag/i;
const pictures = new Map<string, Promise<Buffer>>();

/** A sample garment photo of the kind the path names (any picture path of a fixture page). */
async function sendGarmentFor(res: import('node:http').ServerResponse, path: string) {
  const kind = KIND_WORDS.find(([, re]) => re.test(path))?.[0] ?? 'upper';
  const garments = sampleManifest().garments.filter((g) => (g.category ?? 'upper') === kind);
  if (garments.length === 0) return notFound(res);
  let hash = 0;
  for (const ch of path) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const file = resolve(samplesDir, garments[hash % garments.length].file);
  if (!pictures.has(path)) pictures.set(path, pictureAtHintedSize(file, path));
  res.writeHead(200, { 'content-type': 'image/jpeg' }); // served whatever the extension (.webp, .avif): browsers sniff
  res.end(await pictures.get(path)!);
}

function pictureAtHintedSize(file: string, path: string): Promise<Buffer> {
  const hint = urlSizeHint(path);
  const small = SMALL_WORDS.test(path) ? { width: 64, height: 64 } : null;
  const size = small ?? (hint && { width: hint.width, height: hint.height });
  if (!size) return Promise.resolve(readFileSync(file));
  return sharp(file).resize(size.width, size.height, { fit: size.width && size.height ? 'fill' : 'inside' }).jpeg({ quality: 85 }).toBuffer();
}

/** A JPEG's first bytes, then zeros past the cap, in chunks and with no Content-Length: only counting stops it. */
function sendEndless(res: import('node:http').ServerResponse) {
  res.writeHead(200, { 'content-type': 'image/jpeg' }); // no content-length: sent chunked
  const zeros = Buffer.alloc(1024 * 1024);
  const first = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), zeros.subarray(4)]);
  let sent = 0;
  const more = () => {
    while (sent < ENDLESS_BYTES && !res.destroyed) {
      const chunk = sent === 0 ? first : zeros;
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end();
  };
  more();
}

function safeJoin(dir: string, rel: string): string | null {
  const full = resolve(dir, rel);
  return full.startsWith(dir + sep) ? full : null;
}

function notFound(res: import('node:http').ServerResponse) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

let kettle: Buffer | null = null;
/** A 600x600 picture of something that is not clothing (a grey kettle shape on white). */
function kettlePng(): Buffer {
  if (kettle) return kettle;
  const png = new PNG({ width: 600, height: 600 });
  for (let y = 0; y < 600; y++) {
    for (let x = 0; x < 600; x++) {
      const i = (y * 600 + x) * 4;
      const inBody = ((x - 300) / 170) ** 2 + ((y - 340) / 190) ** 2 < 1;
      const inHandle = Math.abs(Math.hypot(x - 470, y - 330) - 90) < 18 && x > 470;
      const v = inBody ? 150 + Math.round((60 * (x - 130)) / 340) : inHandle ? 60 : 255;
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = inBody ? v + 10 : v;
      png.data[i + 3] = 255;
    }
  }
  kettle = PNG.sync.write(png);
  return kettle;
}

let busy: Buffer | null = null;
/** A 600x800 busy scene (coloured blocks and noise): nothing on a plain backdrop. */
function busyPng(): Buffer {
  if (busy) return busy;
  const png = new PNG({ width: 600, height: 800 });
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let y = 0; y < 800; y++) {
    for (let x = 0; x < 600; x++) {
      const i = (y * 600 + x) * 4;
      const block = ((x >> 6) * 7 + (y >> 6) * 13) % 5;
      png.data[i] = (block * 50 + rand() * 60) & 255;
      png.data[i + 1] = (200 - block * 30 + rand() * 60) & 255;
      png.data[i + 2] = (block * 90 + rand() * 60) & 255;
      png.data[i + 3] = 255;
    }
  }
  busy = PNG.sync.write(png);
  return busy;
}
