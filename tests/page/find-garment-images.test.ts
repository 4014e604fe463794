import { describe, expect, it } from 'vitest';
import { findGarmentImages } from '../../lib/page/find-garment-images';
import type { ImageCandidate } from '../../lib/page/types';
import { loadPage, pageFrom } from '../helpers/fixture-page';

const SHOP = 'https://shop.fitroom.test';
const CDN = 'https://cdn.fitroom.test';

/** Candidates without their element, for exact comparison; elements are checked by identity. */
const plain = (cs: ImageCandidate[]) => cs.map(({ element: _e, ...rest }) => rest);

describe('findGarmentImages on store fixtures', () => {
  it('Shopify Dawn: gallery photos (no video poster, no thumbnails), JSON-LD agreement bonus', () => {
    const doc = loadPage('shopify-dawn-shirt.html');
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/products/linen-camp-shirt`);
    expect(verdict).toEqual({ kind: 'garment', categoryHint: 'upper', evidence: { field: 'shopify-type', term: 'shirt', text: 'Shirts' }, productPage: true });
    const p = `${CDN}/cdn/shop/products/linen-camp-shirt`;
    expect(plain(candidates)).toEqual([
      { src: `${p}-1.jpg?v=1699&width=1946`, source: 'shopify', score: 0.95, categoryHint: 'upper' },
      { src: `${p}-2.jpg?v=1699&width=1946`, source: 'shopify', score: 0.92, categoryHint: 'upper' },
      { src: `${p}-3.jpg?v=1699&width=1500`, source: 'shopify', score: 0.84, categoryHint: 'upper' },
    ]);
    const slides = doc.querySelectorAll('li.product__media-item img');
    expect(candidates.map((c) => c.element)).toEqual([slides[0], slides[1], slides[3]]);
  });

  it('WooCommerce: data-large_image URLs, category path from JSON-LD in an array', () => {
    const doc = loadPage('woocommerce-hoodie.html');
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/product/organic-zip-hoodie/`);
    expect(verdict).toEqual({ kind: 'garment', categoryHint: 'upper', evidence: { field: 'json-ld-category', term: 'hoodie', text: 'Clothing > Hoodies' }, productPage: true });
    const u = `${CDN}/wp-content/uploads/2024/03`;
    expect(plain(candidates)).toEqual([
      { src: `${u}/zip-hoodie-grey.jpg`, source: 'woocommerce', score: 0.95, categoryHint: 'upper' },
      { src: `${u}/zip-hoodie-back.jpg`, source: 'woocommerce', score: 0.87, categoryHint: 'upper' },
    ]);
    const imgs = doc.querySelectorAll('.woocommerce-product-gallery__image img');
    expect(candidates.map((c) => c.element)).toEqual([imgs[0], imgs[1]]);
  });

  it('Magento 2: gallery JSON before the DOM is built, main first, video skipped, placeholder attached', () => {
    const doc = loadPage('magento-jeans.html');
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/slim-fit-selvedge-jeans.html`);
    expect(verdict).toEqual({
      kind: 'garment', categoryHint: 'lower', productPage: true,
      evidence: { field: 'breadcrumbs', term: 'jeans', text: 'Home > Men > Bottoms > Slim Fit Selvedge Jeans' },
    });
    const full = `${CDN}/media/catalog/product/cache/9c3e/m/j`;
    expect(plain(candidates)).toEqual([
      { src: `${full}/mj-slim-front.jpg`, source: 'magento', score: 0.9, categoryHint: 'lower' },
      { src: `${full}/mj-slim-back.jpg`, source: 'magento', score: 0.87, categoryHint: 'lower' },
      { src: `${full}/mj-slim-detail.jpg`, source: 'magento', score: 0.84, categoryHint: 'lower' },
    ]);
    expect(candidates.map((c) => c.element)).toEqual([doc.querySelector('img.gallery-placeholder__image'), null, null]);
  });

  it('Magento 2: once Fotorama has built the stage, its images are attached, nav thumbnails are not', () => {
    const doc = loadPage('magento-jeans.html');
    const c = `${CDN}/media/catalog/product/cache`;
    const placeholder = doc.querySelector('[data-gallery-role="gallery-placeholder"]')!;
    placeholder.innerHTML = `<div class="fotorama"><div class="fotorama__stage"><div class="fotorama__stage__frame"><img class="fotorama__img" src="${c}/5b2b/m/j/mj-slim-front.jpg"></div><div class="fotorama__stage__frame"><img class="fotorama__img" src="${c}/5b2b/m/j/mj-slim-back.jpg"></div></div><div class="fotorama__nav"><img src="${c}/a1f0/m/j/mj-slim-detail.jpg" width="88" height="110"></div></div>`;
    const { candidates } = findGarmentImages(doc, `${SHOP}/slim-fit-selvedge-jeans.html`);
    const stage = doc.querySelectorAll('.fotorama__stage img');
    expect(candidates.map((x) => x.element)).toEqual([stage[0], stage[1], null]);
  });

  it('BigCommerce: zoom image on the main figure, thumbnails as element-less candidates', () => {
    const doc = loadPage('bigcommerce-dress.html');
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/floral-wrap-midi-dress/`);
    expect(verdict).toEqual({ kind: 'garment', categoryHint: 'dress', evidence: { field: 'breadcrumbs', term: 'dress', text: 'Home > Women > Floral Wrap Midi Dress' }, productPage: true });
    const s = `${CDN}/images/stencil/1280x1280/products/112`;
    expect(plain(candidates)).toEqual([
      { src: `${s}/401/floral-wrap-dress-front__12345.1700000000.jpg?c=1`, source: 'bigcommerce', score: 0.9, categoryHint: 'dress' },
      { src: `${s}/402/floral-wrap-dress-side__12346.1700000000.jpg?c=1`, source: 'bigcommerce', score: 0.87, categoryHint: 'dress' },
    ]);
    expect(candidates.map((c) => c.element)).toEqual([doc.querySelector('img.productView-image--default'), null]);
  });

  it('Taobao: hashed class names, suffixes stripped, Chinese title', () => {
    const doc = loadPage('taobao-dress.html');
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/item.htm?id=7000001`);
    expect(verdict).toEqual({
      kind: 'garment', categoryHint: 'dress', productPage: true,
      evidence: { field: 'product-name', term: '长裙', text: '法式碎花连衣裙女夏季2024新款收腰显瘦气质长裙' },
    });
    const base = `${CDN}/imgextra`;
    expect(plain(candidates)).toEqual([
      { src: `${base}/i1/2200000000001/O1CN01floraldress1_!!2200000000001.jpg`, source: 'taobao', score: 0.9, categoryHint: 'dress' },
      { src: `${base}/i3/2200000000001/O1CN01floraldress2_!!2200000000001.jpg`, source: 'taobao', score: 0.87, categoryHint: 'dress' },
      { src: `${base}/i4/2200000000001/O1CN01floraldress3_!!2200000000001.jpg`, source: 'taobao', score: 0.84, categoryHint: 'dress' },
    ]);
    expect(candidates.map((c) => c.element)).toEqual([doc.querySelector('[class*="mainPic--"]'), null, null]);
  });

  it('JD: #spec-img with data-origin, Chinese breadcrumbs', () => {
    const doc = loadPage('jd-shirt.html');
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/100012345678.html`);
    expect(verdict).toEqual({ kind: 'garment', categoryHint: 'upper', evidence: { field: 'breadcrumbs', term: '衬衫', text: '服饰内衣 > 男装 > 衬衫' }, productPage: true });
    expect(plain(candidates)).toEqual([{ src: `${CDN}/n1/jfs/t1/1001/20/123456/98765/shirt-white.jpg`, source: 'jd', score: 0.9, categoryHint: 'upper' }]);
    expect(candidates[0].element).toBe(doc.querySelector('#spec-img'));
  });

  it('generic page: the one large image in <main>', () => {
    const doc = loadPage('generic-main-image.html');
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/field-jacket`);
    expect(verdict).toEqual({ kind: 'garment', categoryHint: 'upper', evidence: { field: 'product-name', term: 'jacket', text: 'Waxed Cotton Field Jacket' }, productPage: true });
    expect(plain(candidates)).toEqual([{ src: `${CDN}/img/field-jacket-olive.jpg`, source: 'main-content', score: 0.6, categoryHint: 'upper' }]);
    expect(candidates[0].element).toBe(doc.querySelectorAll('main img')[1]);
  });

  it('a mug store: not a garment, no candidates (though the description mentions a shirt)', () => {
    const { verdict, candidates } = findGarmentImages(loadPage('mug-store.html'), `${SHOP}/products/speckled-stoneware-mug`);
    expect(verdict).toEqual({ kind: 'not-garment', evidence: { field: 'shopify-type', term: 'mug', text: 'Mugs' }, productPage: true });
    expect(candidates).toEqual([]);
  });

  it('a shoe store: not a garment, no candidates (though the description mentions jeans and a dress)', () => {
    const { verdict, candidates } = findGarmentImages(loadPage('shoe-store.html'), `${SHOP}/product/leather-chelsea-boots/`);
    expect(verdict).toEqual({ kind: 'not-garment', evidence: { field: 'json-ld-category', term: 'boot', text: 'Footwear > Boots' }, productPage: true });
    expect(candidates).toEqual([]);
  });

  it('logos, badges, banners, sprites, icons, avatars and other products are never picked', () => {
    const doc = loadPage('badges-and-banners.html');
    const { candidates } = findGarmentImages(doc, `${SHOP}/p/oversized-cotton-tee`);
    expect(plain(candidates)).toEqual([{ src: `${CDN}/img/tee-oversized-white.jpg`, source: 'main-content', score: 0.6, categoryHint: 'upper' }]);
    expect(candidates[0].element).toBe(doc.querySelector('.product-photo img'));
  });
});

describe('findGarmentImages on small pages', () => {
  it('JSON-LD ProductGroup inside @graph: images of the group and its variants, attached where shown', () => {
    const doc = pageFrom(`<html><head><title>Rib Tank</title><script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},{"@type":"ProductGroup","name":"Rib Tank Top","url":"/p/rib-tank",
       "image":{"@type":"ImageObject","contentUrl":"/img/tank-black.jpg"},
       "hasVariant":[{"@type":"Product","name":"Rib Tank Top - White","image":["/img/tank-white.jpg"]},{"@type":"Product","image":"/img/tank-black.jpg"}]}]}
      </script></head><body><main><img src="/img/tank-white.jpg" width="600" height="800"></main></body></html>`);
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/p/rib-tank`);
    expect(verdict.categoryHint).toBe('upper');
    expect(plain(candidates)).toEqual([
      { src: `${SHOP}/img/tank-white.jpg`, source: 'json-ld', score: 0.82, categoryHint: 'upper' },
      { src: `${SHOP}/img/tank-black.jpg`, source: 'json-ld', score: 0.8, categoryHint: 'upper' },
    ]);
    expect(candidates[0].element).toBe(doc.querySelector('img'));
    expect(candidates[1].element).toBeNull();
  });

  it('older Shopify theme: lazy {width} template filled from data-widths', () => {
    const doc = pageFrom(`<h1>Corduroy Overshirt</h1><div class="product-single__photo"><img class="lazyload" data-src="//cdn.fitroom.test/s/files/1/overshirt_{width}x.jpg?v=3" data-widths="[180, 360, 540, 720, 900, 1080]" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div>`);
    const { candidates } = findGarmentImages(doc, `${SHOP}/products/overshirt`);
    expect(plain(candidates)).toEqual([{ src: `${CDN}/s/files/1/overshirt_1080x.jpg?v=3`, source: 'shopify', score: 0.9, categoryHint: 'upper' }]);
  });

  it('older Taobao item page: #J_ImgBooth and #J_UlThumb thumbnails', () => {
    const doc = pageFrom(`<html><head><title>韩版宽松牛仔裤女-淘宝网</title></head><body><div class="tb-booth"><img id="J_ImgBooth" src="//cdn.fitroom.test/bao/uploaded/i2/jeans-a.jpg_400x400.jpg" data-hasZoom="700"></div>
      <ul id="J_UlThumb"><li><img src="//cdn.fitroom.test/bao/uploaded/i2/jeans-a.jpg_50x50.jpg"></li><li><img src="//cdn.fitroom.test/bao/uploaded/i3/jeans-b.jpg_50x50.jpg_.webp"></li></ul></body></html>`);
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/item.htm?id=1`);
    expect(verdict.evidence).toEqual({ field: 'title', term: '牛仔裤', text: '韩版宽松牛仔裤女' });
    expect(plain(candidates)).toEqual([
      { src: `${CDN}/bao/uploaded/i2/jeans-a.jpg`, source: 'taobao', score: 0.9, categoryHint: 'lower' },
      { src: `${CDN}/bao/uploaded/i3/jeans-b.jpg`, source: 'taobao', score: 0.87, categoryHint: 'lower' },
    ]);
    expect(candidates[0].element).toBe(doc.getElementById('J_ImgBooth'));
  });

  it('an injected measurement decides what is a thumbnail', () => {
    const doc = pageFrom(`<meta property="og:type" content="product"><h1>Pleated Skirt</h1><main><img id="a" src="/img/skirt.jpg"><img id="b" src="/img/skirt-detail.jpg"></main>`);
    const sizes: Record<string, { width: number; height: number }> = { a: { width: 500, height: 700 }, b: { width: 80, height: 100 } };
    const { candidates } = findGarmentImages(doc, `${SHOP}/p/skirt`, { measure: (e) => sizes[e.id] ?? null });
    expect(plain(candidates)).toEqual([{ src: `${SHOP}/img/skirt.jpg`, source: 'main-content', score: 0.6, categoryHint: 'lower' }]);
    // Without a measurement neither image has a known size: scanning does not guess.
    expect(findGarmentImages(doc, `${SHOP}/p/skirt`).candidates).toEqual([]);
  });

  it('a page that is not a product page and names no garment gets no scan of its images', () => {
    const doc = pageFrom(`<title>Our summer trip</title><main><img src="/img/beach.jpg" width="1200" height="900"></main>`);
    const r = findGarmentImages(doc, `${SHOP}/blog/summer`);
    expect(r).toEqual({ verdict: { kind: 'unknown', evidence: null, productPage: false }, candidates: [] });
  });

  it('rejects bad arguments with a message naming them', () => {
    expect(() => findGarmentImages(pageFrom('<p></p>'), 'not a url')).toThrow('Expected an absolute URL for pageUrl but received "not a url"');
    expect(() => findGarmentImages(null as unknown as Document, SHOP)).toThrow('Expected a Document for doc but received null');
  });
});
