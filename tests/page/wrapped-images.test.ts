/**
 * Readers find the picture inside a wrapper where they expect an image: older Taobao's
 * `<div id="J_ImgBooth"><a><img></a></div>`, JD's zoom box, themes that nest the <img> in
 * links, <picture> and spans.
 */
import { describe, expect, it } from 'vitest';
import { findGarmentImages } from '../../lib/page/find-garment-images';
import type { ImageCandidate } from '../../lib/page/types';
import { loadPage, pageFrom } from '../helpers/fixture-page';

const SHOP = 'https://shop.fitroom.test';
const CDN = 'https://cdn.fitroom.test';
const plain = (cs: ImageCandidate[]) => cs.map(({ element: _e, ...rest }) => rest);

describe('pictures inside wrappers', () => {
  it('older Taobao: #J_ImgBooth on a div around a link around the <img>: the button goes on the <img>', () => {
    const doc = loadPage('taobao-imgbooth.html');
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/item.htm?id=2209000000001`);
    expect(verdict.kind).toBe('garment');
    expect(verdict.categoryHint).toBe('upper');
    const u = `${CDN}/bao/uploaded`;
    expect(plain(candidates)).toEqual([
      { src: `${u}/i1/2209000000001/O1CN01plaidshirt1_!!2209000000001.jpg`, source: 'taobao', score: 0.9, categoryHint: 'upper' },
      { src: `${u}/i2/2209000000001/O1CN01plaidshirt2_!!2209000000001.jpg`, source: 'taobao', score: 0.87, categoryHint: 'upper' },
      { src: `${u}/i3/2209000000001/O1CN01plaidshirt3_!!2209000000001.jpg`, source: 'taobao', score: 0.84, categoryHint: 'upper' },
    ]);
    expect(candidates.map((c) => c.element)).toEqual([doc.querySelector('#J_ImgBooth img'), null, null]);
  });

  it.each([
    ['on the <img>', '<div class="tb-booth"><a href="#"><img id="J_ImgBooth" src="//cdn.fitroom.test/bao/uploaded/i2/jeans-a.jpg_400x400.jpg"></a></div>'],
    ['on the link', '<div class="tb-booth"><a id="J_ImgBooth" href="#"><span><img src="//cdn.fitroom.test/bao/uploaded/i2/jeans-a.jpg_400x400.jpg"></span></a></div>'],
    ['on a div, behind a zoom lens that names no picture', '<div id="J_ImgBooth"><img class="lens" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="#"><img src="//cdn.fitroom.test/bao/uploaded/i2/jeans-a.jpg_400x400.jpg"></a></div>'],
  ])('older Taobao with J_ImgBooth %s', (_where, booth) => {
    const doc = pageFrom(`<html><head><title>韩版宽松牛仔裤女-淘宝网</title></head><body>${booth}</body></html>`);
    const { candidates } = findGarmentImages(doc, `${SHOP}/item.htm?id=1`);
    expect(plain(candidates)).toEqual([{ src: `${CDN}/bao/uploaded/i2/jeans-a.jpg`, source: 'taobao', score: 0.9, categoryHint: 'lower' }]);
    expect(candidates[0].element).toBe(doc.querySelector('img[src*="jeans-a"]'));
  });

  it('newer Taobao: the mainPic class on a span around a <picture>', () => {
    const doc = pageFrom(`<html><head><title>法式碎花连衣裙-淘宝网</title></head><body><div class="PicGallery--root--a"><div class="PicGallery--mainPicWrap--b">
      <span class="PicGallery--mainPic--c"><picture><img src="https://cdn.fitroom.test/imgextra/i1/dress1.jpg_q50.jpg_.webp"></picture></span></div></div></body></html>`);
    const { candidates } = findGarmentImages(doc, `${SHOP}/item.htm?id=2`);
    expect(plain(candidates)).toEqual([{ src: `${CDN}/imgextra/i1/dress1.jpg`, source: 'taobao', score: 0.9, categoryHint: 'dress' }]);
    expect(candidates[0].element).toBe(doc.querySelector('picture img'));
  });

  it('JD: the zoom box #spec-n1 around a link around the <img> (no #spec-img)', () => {
    const doc = pageFrom(`<html><head><title>纯棉衬衫男长袖-京东</title></head><body><div id="spec-n1" class="jqzoom"><a href="#">
      <img data-origin="//cdn.fitroom.test/n1/jfs/t1/shirt.jpg" src="//cdn.fitroom.test/n1/jfs/t1/shirt.jpg.avif" width="450" height="450"></a></div></body></html>`);
    const { candidates } = findGarmentImages(doc, `${SHOP}/100012345678.html`);
    expect(plain(candidates)).toEqual([{ src: `${CDN}/n1/jfs/t1/shirt.jpg`, source: 'jd', score: 0.9, categoryHint: 'upper' }]);
    expect(candidates[0].element).toBe(doc.querySelector('#spec-n1 img'));
  });

  it('a theme nesting photos in links, <picture> and spans: one candidate per photo, on its <img>; thumbnails and other products left out', () => {
    const doc = loadPage('nested-link-picture-span.html');
    const { verdict, candidates } = findGarmentImages(doc, `${SHOP}/products/linen-wrap-dress`);
    expect(verdict.categoryHint).toBe('dress');
    // The <picture>'s WebP source and the JSON-LD's JPEG name one picture: one candidate,
    // the two sources agreeing (0.8 + 0.05), not two buttons on one photo.
    expect(plain(candidates)).toEqual([
      { src: `${CDN}/media/linen-wrap-dress-front.jpg`, source: 'json-ld', score: 0.85, categoryHint: 'dress' },
      { src: `${CDN}/media/linen-wrap-dress-back.jpg`, source: 'json-ld', score: 0.82, categoryHint: 'dress' },
    ]);
    const slides = doc.querySelectorAll('.gallery__slide img');
    expect(candidates.map((c) => c.element)).toEqual([slides[0], slides[1]]);
  });
});
