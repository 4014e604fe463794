import { describe, expect, it } from 'vitest';
import { firstImageAt, imageElementIn, MAX_IMAGES_IN_WRAPPER } from '../../lib/page/image-element';
import { pageFrom } from '../helpers/fixture-page';

const PAGE = 'https://shop.fitroom.test/item.htm?id=1';

describe('imageElementIn', () => {
  it('an <img> is its own picture', () => {
    const doc = pageFrom('<img id="a" src="/img/a.jpg">');
    const img = doc.getElementById('a')!;
    expect(imageElementIn(img, PAGE)).toBe(img);
  });

  it('finds the <img> in a div > a wrapper, a <picture>, spans', () => {
    const doc = pageFrom(`
      <div id="booth"><a href="#"><img id="b" src="//cdn.fitroom.test/a.jpg_400x400.jpg"></a><span class="zoom"></span></div>
      <picture id="pic"><source srcset="/img/p.webp 800w"><img id="p" alt=""></picture>
      <span id="s"><a href="#"><span><img id="si" data-src="/img/s.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></span></a></span>`);
    expect(imageElementIn(doc.getElementById('booth')!, PAGE)).toBe(doc.getElementById('b'));
    // The <img> of a <picture> names its picture through the sources.
    expect(imageElementIn(doc.getElementById('pic')!, PAGE)).toBe(doc.getElementById('p'));
    expect(imageElementIn(doc.getElementById('s')!, PAGE)).toBe(doc.getElementById('si'));
  });

  it('skips images that name no picture (a data: placeholder, an empty src) and wrappers without one', () => {
    const doc = pageFrom(`
      <div id="w"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img src=""><img id="real" src="/img/r.jpg"></div>
      <div id="none"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div><div id="empty"><span>text</span></div>`);
    expect(imageElementIn(doc.getElementById('w')!, PAGE)).toBe(doc.getElementById('real'));
    expect(imageElementIn(doc.getElementById('none')!, PAGE)).toBeNull();
    expect(imageElementIn(doc.getElementById('empty')!, PAGE)).toBeNull();
  });

  it(`looks at the first ${MAX_IMAGES_IN_WRAPPER} images of a wrapper only`, () => {
    const placeholders = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'.repeat(MAX_IMAGES_IN_WRAPPER);
    const doc = pageFrom(`<div id="region">${placeholders}<img src="/img/late.jpg"></div>`);
    expect(imageElementIn(doc.getElementById('region')!, PAGE)).toBeNull();
  });
});

describe('firstImageAt', () => {
  it('the first match that has a picture, in document order, whether the match is the <img> or its wrapper', () => {
    const doc = pageFrom(`
      <div class="mainPicWrap--x"><div class="mainPicVideo--y"></div></div>
      <div id="J_ImgBooth"><a><img id="inside" src="/img/booth.jpg"></a></div>
      <img id="later" class="mainPic--z" src="/img/later.jpg">`);
    expect(firstImageAt(doc, '[class*="mainPicWrap--"], [class*="mainPic--"], #J_ImgBooth', PAGE)).toBe(doc.getElementById('inside'));
    expect(firstImageAt(doc, '[class*="mainPic--"]', PAGE)).toBe(doc.getElementById('later'));
    expect(firstImageAt(doc, '#nothing', PAGE)).toBeNull();
  });
});
