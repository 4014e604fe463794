/**
 * Image URL helpers: making URLs absolute, undoing CDN resizing suffixes, reading
 * size hints out of URLs and a key that says "same picture" across sizes.
 */

/**
 * Resolve `url` against `base`; null for empty, `data:`/`blob:`/`javascript:` or unparsable URLs.
 *
 * @example
 * toAbsoluteUrl('//cdn.fitroom.test/a.jpg', 'https://shop.fitroom.test/p') // → 'https://cdn.fitroom.test/a.jpg'
 */
export function toAbsoluteUrl(url: string | null | undefined, base: string): string | null {
  const trimmed = (url ?? '').trim();
  if (!trimmed || /^(data|blob|javascript|about):/i.test(trimmed)) return null;
  try {
    const u = new URL(trimmed, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
    return u.href;
  } catch {
    return null;
  }
}

// Taobao/Tmall (alicdn) append resize/format suffixes after the real extension:
// `x.jpg_60x60q50.jpg_.webp`, `x.jpg_.webp`, `x.png_q90.jpg`.
const TAOBAO_SUFFIX = /^(.*?\.(?:jpe?g|png|gif))_[^/]*$/i;

/**
 * Remove Taobao/Tmall resize and format suffixes to get the full image.
 *
 * @example
 * stripTaobaoSuffix('https://img.alicdn.com/i1/O1CN01a.jpg_60x60q50.jpg_.webp') // → 'https://img.alicdn.com/i1/O1CN01a.jpg'
 */
export function stripTaobaoSuffix(url: string): string {
  const q = url.search(/[?#]/);
  const path = q >= 0 ? url.slice(0, q) : url;
  const m = TAOBAO_SUFFIX.exec(path);
  return m ? m[1] : url;
}

/**
 * Fill a Shopify lazy-loading `{width}` template (older themes: `data-src="…_{width}x.jpg"`)
 * with the largest of `widths`, or drop the size suffix (= the original upload) when none are given.
 *
 * @example
 * fillShopifyWidthTemplate('//cdn.fitroom.test/a_{width}x.jpg', [360, 720]) // → '//cdn.fitroom.test/a_720x.jpg'
 */
export function fillShopifyWidthTemplate(url: string, widths: number[] = []): string {
  if (!url.includes('{width}')) return url;
  const max = widths.length > 0 ? Math.max(...widths) : 0;
  if (max > 0) return url.split('{width}').join(String(max));
  return url.replace(/_\{width\}x(@\d+x)?/g, '').replace(/([?&])width=\{width\}&?/g, '$1').replace(/[?&]$/, '');
}

/**
 * Size hinted by a URL: Shopify `_400x`, `_400x600`, `_x600`; Taobao `_60x60q50`; `/s450x450_`;
 * `?width=`/`w=`/`height=`/`h=` parameters. Null when the URL says nothing.
 *
 * @example
 * urlSizeHint('https://cdn.fitroom.test/a_60x60q50.jpg') // → { width: 60, height: 60 }
 */
export function urlSizeHint(url: string): { width?: number; height?: number } | null {
  let u: URL | null = null;
  try {
    u = new URL(url, 'https://x.invalid/');
  } catch {
    return null;
  }
  const file = u.pathname;
  const m = [...file.matchAll(/[_/]s?(\d{2,4})?x(\d{2,4})?(?:q\d+)?(?:@\d+x)?(?=[._/]|$)/gi)].find((x) => x[1] || x[2]);
  if (m) {
    const hint: { width?: number; height?: number } = {};
    if (m[1]) hint.width = Number(m[1]);
    if (m[2]) hint.height = Number(m[2]);
    return hint;
  }
  const p = u.searchParams;
  const w = Number(p.get('width') ?? p.get('w') ?? NaN);
  const h = Number(p.get('height') ?? p.get('h') ?? NaN);
  if (w > 0 || h > 0) {
    const hint: { width?: number; height?: number } = {};
    if (w > 0) hint.width = w;
    if (h > 0) hint.height = h;
    return hint;
  }
  return null;
}

// Query parameters that only choose a size, quality or format of the same picture.
const SIZE_PARAMS = new Set(['width', 'w', 'height', 'h', 'size', 'v', 'quality', 'q', 'fit', 'crop', 'format', 'fm', 'auto', 'dpr']);

/**
 * A key equal for two URLs of the same picture at different sizes or formats:
 * no protocol, no size suffixes, no size/version query parameters.
 *
 * @example
 * imageKey('https://cdn.fitroom.test/a_400x.jpg?v=2&width=800') === imageKey('http://cdn.fitroom.test/a.jpg') // → true
 */
export function imageKey(url: string): string {
  let u: URL;
  try {
    u = new URL(stripTaobaoSuffix(url));
  } catch {
    return url;
  }
  const path = u.pathname
    .replace(/_(\d+x\d*|\d*x\d+)(_crop_[a-z]+)?(@\d+x)?(?=\.[a-z]+$)/i, '') // Shopify size suffix
    .replace(/\/s\d+x\d+_/i, '/') // JD/Taobao path size prefix
    .replace(/\/\d+x\d+\//, '/_/') // size folder (BigCommerce /images/stencil/500x659/)
    .replace(/\/n\d\//, '/n/'); // JD size folder (n0 original, n1 350px, n5 50px)
  const kept = [...u.searchParams.entries()].filter(([k]) => !SIZE_PARAMS.has(k.toLowerCase()));
  kept.sort(([a], [b]) => a.localeCompare(b));
  const query = kept.length > 0 ? '?' + kept.map(([k, v]) => `${k}=${v}`).join('&') : '';
  return `${u.host.toLowerCase()}${path}${query}`;
}
