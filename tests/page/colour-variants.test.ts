import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_COLOUR_VARIANTS, readColourVariants } from '../../lib/page/colour-variants';
import { jsonLdColourVariants } from '../../lib/page/json-ld';
import { FIXTURE_IMAGE_ORIGIN, FIXTURE_PAGE_ORIGIN } from '../fixtures/pages/origins';
import { loadPage, pageFrom } from '../helpers/fixture-page';

const PAGE = `${FIXTURE_PAGE_ORIGIN}/products/tee`;
const CDN = FIXTURE_IMAGE_ORIGIN;
const sample = (file: string) => `${CDN}/samples/garments/${file}`;

/** One of the end-to-end fixture pages, its `{{IMAGES}}` pointed at the fixtures' CDN. */
function e2ePage(file: string): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures/e2e', file), 'utf8').replaceAll('{{IMAGES}}', CDN);
  return pageFrom(html);
}

describe('readColourVariants on the fixture pages', () => {
  it('JSON-LD ProductGroup: one entry per colour (sizes repeat colours), images as strings, lists and ImageObjects', () => {
    expect(readColourVariants(e2ePage('product-colours-json-ld.html'), PAGE)).toEqual([
      { name: 'Lilac', src: sample('00055_00.jpg') },
      { name: 'Red and navy', src: sample('00126_00.jpg') },
      { name: 'Black', src: sample('03032_00.jpg') },
    ]);
  });

  it('image swatches in a colour fieldset: named by their radio, the size fieldset left alone', () => {
    expect(readColourVariants(e2ePage('product-colours-swatches.html'), PAGE)).toEqual([
      { name: 'Red and navy', src: sample('00126_00.jpg') },
      { name: 'Black print', src: sample('03244_00.jpg') },
      { name: 'Yellow', src: sample('02015_00.jpg') },
    ]);
  });

  it('WooCommerce colour select: photos from the variation data, names from the options', () => {
    expect(readColourVariants(e2ePage('product-colours-select.html'), PAGE)).toEqual([
      { name: 'Striped navy', src: sample('00151_00.jpg') },
      { name: 'Floral black', src: sample('00470_00.jpg') },
    ]);
  });

  it('pages without colour choices offer none (Dawn\'s color-scheme classes are not a picker)', () => {
    for (const file of ['shopify-dawn-shirt.html', 'woocommerce-hoodie.html', 'taobao-dress.html', 'jd-shirt.html', 'bigcommerce-dress.html', 'magento-jeans.html']) {
      expect(readColourVariants(loadPage(file), PAGE), file).toEqual([]);
    }
    for (const file of ['product-shirt.html', 'product-on-model.html', 'product-shirt-size-chart.html']) {
      expect(readColourVariants(e2ePage(file), PAGE), file).toEqual([]);
    }
  });
});

describe('readColourVariants on other markup', () => {
  it("Shopify's product JSON: the colour option's values with each variant's featured image, full size", () => {
    const json = {
      title: 'Crew Tee',
      options: ['Size', 'Color'],
      variants: [
        { id: 1, option1: 'S', option2: 'Forest', featured_image: { src: '//cdn.shopify.com/s/files/1/tee-forest_300x300.jpg?v=17' } },
        { id: 2, option1: 'M', option2: 'Forest', featured_image: { src: '//cdn.shopify.com/s/files/1/tee-forest_300x300.jpg?v=17' } },
        { id: 3, option1: 'S', option2: 'Oat', featured_media: { preview_image: { src: 'https://example.com/cdn/shop/files/tee-oat.jpg?width=200' } } },
        { id: 4, option1: 'S', option2: 'No photo', featured_image: null },
      ],
    };
    const doc = pageFrom(`<script type="application/json" id="ProductJson-main">${JSON.stringify(json)}</script>`);
    expect(readColourVariants(doc, PAGE)).toEqual([
      { name: 'Forest', src: 'https://cdn.shopify.com/s/files/1/tee-forest.jpg?v=17' },
      { name: 'Oat', src: 'https://example.com/cdn/shop/files/tee-oat.jpg' },
    ]);
    // /products/x.js spells options as objects and variants' values as a list.
    const js = { options: [{ name: 'Colour', position: 1 }], variants: [{ options: ['Sky'], featured_image: 'https://cdn.shopify.com/a.jpg' }, { options: ['Rose'], featured_image: 'https://cdn.shopify.com/b.jpg' }] };
    expect(readColourVariants(pageFrom(`<script data-product-json>${JSON.stringify(js)}</script>`), PAGE).map((v) => v.name)).toEqual(['Sky', 'Rose']);
  });

  it("Taobao's older SKU list: names from title, photos from the swatch's background, suffixes removed", () => {
    const doc = pageFrom(`
      <dl class="tb-prop tm-sale-prop"><dt class="tb-metatit">颜色分类</dt><dd><ul data-property="颜色分类" class="tm-clear J_TSaleProp tb-img">
        <li data-value="1627207:28341" title="藏青色"><a href="#" style="background:url(//img.alicdn.com/bao/uploaded/i1/navy.jpg_40x40q90.jpg) center no-repeat;"><span>藏青色</span></a></li>
        <li data-value="1627207:28320" title="白色"><a href="#" style="background:url(//img.alicdn.com/bao/uploaded/i2/white.jpg_40x40q90.jpg) center no-repeat;"><span>白色</span></a></li>
      </ul></dd></dl>
      <dl class="tb-prop"><dt>尺码</dt><dd><ul data-property="尺码" class="J_TSaleProp"><li data-value="20509:28314"><a href="#"><span>S</span></a></li></ul></dd></dl>`);
    expect(readColourVariants(doc, 'https://detail.tmall.com/item.htm?id=1')).toEqual([
      { name: '藏青色', src: 'https://img.alicdn.com/bao/uploaded/i1/navy.jpg' },
      { name: '白色', src: 'https://img.alicdn.com/bao/uploaded/i2/white.jpg' },
    ]);
  });

  it('a colour select whose options name their photos', () => {
    const doc = pageFrom(`
      <label for="c">Colour</label>
      <select id="c"><option value="">Pick one</option><option value="1" data-image="/img/tee-red.jpg">Red</option><option value="2" data-image="/img/tee-blue.jpg">Blue</option></select>`);
    expect(readColourVariants(doc, PAGE)).toEqual([
      { name: 'Red', src: `${FIXTURE_PAGE_ORIGIN}/img/tee-red.jpg` },
      { name: 'Blue', src: `${FIXTURE_PAGE_ORIGIN}/img/tee-blue.jpg` },
    ]);
  });

  it('swatches naming their photo in data-variant-image, inside a product form that also says "colour"', () => {
    const doc = pageFrom(`
      <form aria-label="Choose colour and size"><p>Colour and size</p>
        <ul class="colour-swatches">
          <li data-color="Sage" data-variant-image="/img/sage.jpg"><span class="dot"></span></li>
          <li data-color="Rust" data-variant-image="/img/rust.jpg"><span class="dot"></span></li>
        </ul>
      </form>`);
    expect(readColourVariants(doc, PAGE)).toEqual([
      { name: 'Sage', src: `${FIXTURE_PAGE_ORIGIN}/img/sage.jpg` },
      { name: 'Rust', src: `${FIXTURE_PAGE_ORIGIN}/img/rust.jpg` },
    ]);
  });

  it('one colour, or colours without photos, is no choice', () => {
    expect(readColourVariants(pageFrom('<fieldset><legend>Color</legend><label><img src="/img/a.jpg" alt="Red"></label></fieldset>'), PAGE)).toEqual([]);
    expect(readColourVariants(pageFrom('<fieldset><legend>Color</legend><label>Red</label><label>Blue</label></fieldset>'), PAGE)).toEqual([]);
    expect(readColourVariants(pageFrom('<fieldset><legend>Size</legend><label><img src="/img/a.jpg" alt="S"></label><label><img src="/img/b.jpg" alt="M"></label></fieldset>'), PAGE)).toEqual([]);
  });

  it('colours sharing one photo count once; long lists and names are cut; bad JSON is skipped', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ '@type': 'Product', color: `Colour ${i} ${'x'.repeat(100)}`, image: `/img/c${i}.jpg` }));
    const same = [{ '@type': 'Product', color: 'A', image: '/img/same.jpg' }, { '@type': 'Product', color: 'B', image: '/img/same.jpg' }];
    const ld = (variants: unknown[]) => `<script type="application/ld+json">{ broken</script><script type="application/ld+json">${JSON.stringify({ '@type': 'ProductGroup', hasVariant: variants })}</script>`;
    const found = readColourVariants(pageFrom(ld(many)), PAGE);
    expect(found).toHaveLength(MAX_COLOUR_VARIANTS);
    expect(found[0].name).toHaveLength(80);
    expect(readColourVariants(pageFrom(ld(same)), PAGE)).toEqual([]);
  });
});

describe('jsonLdColourVariants', () => {
  it('Products of one group given side by side (inProductGroupWithID, isVariantOf)', () => {
    const nodes = [
      { '@type': 'Product', url: PAGE, name: 'Tee', color: 'Navy', image: '/img/navy.jpg', inProductGroupWithID: 'G1' },
      { '@type': 'Product', name: 'Tee', color: 'Sand', image: '/img/sand.jpg', isVariantOf: { '@type': 'ProductGroup', productGroupID: 'G1' } },
      { '@type': 'Product', name: 'Other', color: 'Red', image: '/img/other.jpg', inProductGroupWithID: 'G2' },
    ];
    expect(jsonLdColourVariants(pageFrom(`<script type="application/ld+json">${JSON.stringify(nodes)}</script>`), PAGE).map((v) => v.name)).toEqual(['Navy', 'Sand']);
  });
});
