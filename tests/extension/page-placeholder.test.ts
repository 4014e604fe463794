import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findGarmentImages } from '../../lib/page-placeholder';

const page = (title: string, body: string) => parseHTML(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`).document as unknown as Document;

describe('the page-reading placeholder', () => {
  it('finds the large images of a clothing product page, as absolute URLs', () => {
    const doc = page('Linen Dress – Shop', `
      <header><img src="/logo.png" width="300" height="300"></header>
      <main><img src="/img/dress-front.jpg" width="400" height="600" alt="Linen dress">
      <img src="/img/dress-thumb.jpg" width="60" height="80"></main>`);
    expect(findGarmentImages(doc, 'https://shop.example/p/linen-dress')).toEqual([
      { element: expect.anything(), src: 'https://shop.example/img/dress-front.jpg', categoryHint: 'dress' },
    ]);
  });

  it('finds nothing on a page that sells no clothing', () => {
    const doc = page('Stainless Steel Kettle', '<main><img src="/kettle.jpg" width="500" height="500"></main>');
    expect(findGarmentImages(doc, 'https://shop.example/kettle')).toEqual([]);
  });
});
