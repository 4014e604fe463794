import { describe, expect, it } from 'vitest';
import { largestSrcsetCandidate, parseSrcset } from '../../lib/page/srcset';
import { fillShopifyWidthTemplate, imageKey, stripTaobaoSuffix, toAbsoluteUrl, urlSizeHint } from '../../lib/page/url';
import { estimateImageSize, largestImageUrl } from '../../lib/page/image-source';
import { hardRejectReason, strictRejectReason } from '../../lib/page/image-filter';
import { pageFrom } from '../helpers/fixture-page';
import { rewriteImageOrigin } from '../fixtures/pages/origins';

const PAGE = 'https://shop.fitroom.test/p/x';

describe('srcset', () => {
  it('parses w and x descriptors, commas inside URLs, missing descriptors', () => {
    expect(parseSrcset('a.jpg 100w, b.jpg 400w')).toEqual([{ url: 'a.jpg', width: 100 }, { url: 'b.jpg', width: 400 }]);
    expect(parseSrcset('https://res.test/w_100,h_100/a.jpg 1x,https://res.test/w_200,h_200/a.jpg 2x')).toEqual([
      { url: 'https://res.test/w_100,h_100/a.jpg', density: 1 },
      { url: 'https://res.test/w_200,h_200/a.jpg', density: 2 },
    ]);
    expect(parseSrcset('only.jpg')).toEqual([{ url: 'only.jpg', density: 1 }]);
  });
  it('picks the largest, width descriptors first', () => {
    expect(largestSrcsetCandidate('s.jpg 1x, l.jpg 2x')?.url).toBe('l.jpg');
    expect(largestSrcsetCandidate('a.jpg 3x, b.jpg 800w, c.jpg 400w')?.url).toBe('b.jpg');
    expect(largestSrcsetCandidate('')).toBeNull();
  });
});

describe('image URLs', () => {
  it('resolves relative and protocol-relative URLs, refuses data: and garbage', () => {
    expect(toAbsoluteUrl('//cdn.fitroom.test/a.jpg', PAGE)).toBe('https://cdn.fitroom.test/a.jpg');
    expect(toAbsoluteUrl('/img/a.jpg', PAGE)).toBe('https://shop.fitroom.test/img/a.jpg');
    expect(toAbsoluteUrl('data:image/gif;base64,R0l', PAGE)).toBeNull();
    expect(toAbsoluteUrl('  ', PAGE)).toBeNull();
  });
  it('strips Taobao suffixes', () => {
    expect(stripTaobaoSuffix('https://img.test/i1/O1CN01a_!!1.jpg_60x60q50.jpg_.webp')).toBe('https://img.test/i1/O1CN01a_!!1.jpg');
    expect(stripTaobaoSuffix('https://img.test/i1/O1CN01a.png_.webp')).toBe('https://img.test/i1/O1CN01a.png');
    expect(stripTaobaoSuffix('https://img.test/i1/plain.jpg')).toBe('https://img.test/i1/plain.jpg');
  });
  it('fills Shopify {width} templates', () => {
    expect(fillShopifyWidthTemplate('//c.test/a_{width}x.jpg', [360, 720])).toBe('//c.test/a_720x.jpg');
    expect(fillShopifyWidthTemplate('//c.test/a_{width}x.jpg?v=1')).toBe('//c.test/a.jpg?v=1');
  });
  it('reads size hints from URLs', () => {
    expect(urlSizeHint('https://c.test/a.jpg_60x60q50.jpg_.webp')).toEqual({ width: 60, height: 60 });
    expect(urlSizeHint('https://c.test/products/a_400x.jpg')).toEqual({ width: 400 });
    expect(urlSizeHint('https://c.test/n1/s450x450_jfs/a.jpg')).toEqual({ width: 450, height: 450 });
    expect(urlSizeHint('https://c.test/images/stencil/50x50/a.jpg')).toEqual({ width: 50, height: 50 });
    expect(urlSizeHint('https://c.test/a.jpg?width=120')).toEqual({ width: 120 });
    expect(urlSizeHint('https://c.test/xray.jpg')).toBeNull();
  });
  it('gives the same key to sizes and formats of one picture', () => {
    expect(imageKey('https://c.test/a_400x.jpg?v=2&width=800')).toBe(imageKey('http://c.test/a.jpg'));
    expect(imageKey('https://c.test/i/x.jpg_60x60q50.jpg_.webp')).toBe(imageKey('https://c.test/i/x.jpg'));
    expect(imageKey('https://c.test/images/stencil/50x50/p/1.jpg?c=1')).toBe(imageKey('https://c.test/images/stencil/1280x1280/p/1.jpg?c=1'));
    expect(imageKey('https://c.test/image.php?id=1')).not.toBe(imageKey('https://c.test/image.php?id=2'));
  });
  it('rewrites the fixture image origin in all its spellings', () => {
    const html = `<img src="https://cdn.fitroom.test/a.jpg"><img src="//cdn.fitroom.test/b.jpg"><script>{"img":"https:\\/\\/cdn.fitroom.test\\/c.jpg"}</script>`;
    expect(rewriteImageOrigin(html, 'http://127.0.0.1:4322')).toBe(`<img src="http://127.0.0.1:4322/a.jpg"><img src="//127.0.0.1:4322/b.jpg"><script>{"img":"http:\\/\\/127.0.0.1:4322\\/c.jpg"}</script>`);
    expect(() => rewriteImageOrigin('', 'http://127.0.0.1:1/x')).toThrow('Expected an origin like');
  });
});

describe('reading an image element', () => {
  const img = (html: string) => pageFrom(html).querySelector('img')!;
  it('prefers full-size attributes, then srcset (incl. <picture>), then data-src, then src', () => {
    expect(largestImageUrl(img('<img src="/s.jpg" data-zoom-image="/z.jpg" srcset="/l.jpg 2000w">'), PAGE)).toBe('https://shop.fitroom.test/z.jpg');
    expect(largestImageUrl(img('<picture><source srcset="/w.webp 1600w, /v.webp 800w" type="image/webp"><img src="/s.jpg" srcset="/m.jpg 900w"></picture>'), PAGE)).toBe('https://shop.fitroom.test/w.webp');
    expect(largestImageUrl(img('<img src="data:image/gif;base64,R0l" data-srcset="/a.jpg 300w, /b.jpg 900w">'), PAGE)).toBe('https://shop.fitroom.test/b.jpg');
    expect(largestImageUrl(img('<img src="/placeholder.gif" data-src="/real.jpg">'), PAGE)).toBe('https://shop.fitroom.test/real.jpg');
    expect(largestImageUrl(img('<img src="data:,">'), PAGE)).toBeNull();
  });
  it('estimates the shown size from measure, attributes, srcset, URL', () => {
    expect(estimateImageSize(img('<img src="/a.jpg" width="10" height="10">'), () => ({ width: 500, height: 600 }))).toEqual({ width: 500, height: 600, from: 'measure' });
    expect(estimateImageSize(img('<img src="/a.jpg" width="300" height="400">'), () => ({ width: 0, height: 0 }))).toEqual({ width: 300, height: 400, from: 'attributes' });
    expect(estimateImageSize(img('<img src="/a.jpg" width="100%">'))).toBeNull();
    expect(estimateImageSize(img('<img srcset="/a.jpg 54w, /b.jpg 108w">'))).toEqual({ width: 108, from: 'srcset' });
    expect(estimateImageSize(img('<img src="/a.jpg_60x60q50.jpg">'))).toEqual({ width: 60, height: 60, from: 'url' });
  });
});

describe('image filters', () => {
  it('hard rules: vectors, sprites, small, banner-shaped', () => {
    expect(hardRejectReason('https://c.test/logo.svg', null)).toBe('vector image');
    expect(hardRejectReason('https://c.test/ui-sprite.png', null)).toBe('sprite sheet');
    expect(hardRejectReason('https://c.test/a.jpg', { width: 104, height: 104, from: 'attributes' })).toBe('too small (104x104)');
    expect(hardRejectReason('https://c.test/a.jpg', { width: 1440, height: 480, from: 'attributes' })).toBe('banner shape (1440x480)');
    expect(hardRejectReason('https://c.test/a.jpg', { width: 800, height: 1000, from: 'attributes' })).toBeNull();
    expect(hardRejectReason('https://c.test/a.jpg', null)).toBeNull();
  });
  it('strict rules: chrome, other products, junk words near the image or in the file name', () => {
    const doc = pageFrom(`<footer><img id="f" src="/a.jpg"></footer><div role="navigation"><img id="n" src="/a.jpg"></div>
      <section class="relatedProducts"><div><div><div><div><img id="r" src="/a.jpg"></div></div></div></div></section>
      <div class="payment-icons"><img id="p" src="/a.jpg"></div><div class="x"><img id="ok" src="/a.jpg"></div>`);
    const reason = (id: string, src = 'https://c.test/shirt.jpg') => strictRejectReason(doc.getElementById(id)!, src);
    expect(reason('f')).toBe('in page chrome (footer)');
    expect(reason('n')).toBe('in page chrome (role=navigation)');
    expect(reason('r')).toBe('in a section of other products (related)');
    expect(reason('p')).toBe('marked as payment');
    expect(reason('ok')).toBeNull();
    expect(reason('ok', 'https://c.test/img/badges/secure.png')).toBe('file name says badge');
  });
});
