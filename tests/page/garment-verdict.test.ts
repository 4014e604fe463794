import { describe, expect, it } from 'vitest';
import { classifyProductText } from '../../lib/page/garment-text';
import { judgeGarmentPage, verdictFromTexts } from '../../lib/page/garment-verdict';
import { findJsonLdProduct, jsonLdBreadcrumbs } from '../../lib/page/json-ld';
import { readProductTexts } from '../../lib/page/product-data';
import { pageFrom } from '../helpers/fixture-page';

describe('classifyProductText', () => {
  const cases: [string, ReturnType<typeof classifyProductText>][] = [
    ['Linen Shirt Dress', { kind: 'garment', categoryHint: 'dress', term: 'dress' }],
    ['Oxford Dress Shirt', { kind: 'garment', categoryHint: 'upper', term: 'shirt' }],
    ['Leather Dress Shoes', { kind: 'not-garment', term: 'shoe' }],
    ['Classic Crew T-Shirt', { kind: 'garment', categoryHint: 'upper', term: 't-shirt' }],
    ['Bootcut Jeans', { kind: 'garment', categoryHint: 'lower', term: 'jeans' }],
    ['Slim Jeans with Leather Belt', { kind: 'garment', categoryHint: 'lower', term: 'jeans' }],
    ['Laundry Bag for Shirts', { kind: 'not-garment', term: 'bag' }],
    ['Apparel & Accessories > Shoes', { kind: 'not-garment', term: 'shoe' }],
    ['Apparel & Accessories > Clothing > Shirts & Tops', { kind: 'garment', categoryHint: 'upper', term: 'top' }],
    ['Gifts for Him > Mugs', { kind: 'not-garment', term: 'mug' }],
    ['Clothing', { kind: 'garment', term: 'clothing' }],
    ['Accessories', { kind: 'not-garment', term: 'accessories' }],
    ['Top and Skirt Co-ord Set', { kind: 'garment', term: 'co-ord' }],
    ['Pleated Midi Skirt', { kind: 'garment', categoryHint: 'lower', term: 'skirt' }],
    ['Utility Jumpsuit', { kind: 'garment', categoryHint: 'dress', term: 'jumpsuit' }],
    ['Stainless Steel Watch', { kind: 'not-garment', term: 'watch' }],
    ['The Aurora', null],
    ['夏季新款纯棉短袖T恤女', { kind: 'garment', categoryHint: 'upper', term: '短袖t恤' }],
    ['2024秋冬新款宽松连帽卫衣', { kind: 'garment', categoryHint: 'upper', term: '卫衣' }],
    ['高腰阔腿裤女垂感', { kind: 'garment', categoryHint: 'lower', term: '阔腿裤' }],
    ['百褶半身裙中长款', { kind: 'garment', categoryHint: 'lower', term: '半身裙' }],
    ['连衣裙女夏季收腰长裙子', { kind: 'garment', categoryHint: 'dress', term: '裙子' }],
    ['真皮单肩包女斜挎包包邮', { kind: 'not-garment', term: '斜挎包' }],
    ['男士休闲运动鞋透气', { kind: 'not-garment', term: '运动鞋' }],
    ['陶瓷马克杯', { kind: 'not-garment', term: '马克杯' }],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(classifyProductText(text)).toEqual(expected);
  });
});

describe('verdictFromTexts', () => {
  it('trusts the category over the name, and takes a body part from a later field', () => {
    expect(verdictFromTexts({ jsonLdCategory: 'Clothing', productName: 'Harbour Linen Shirt', productPage: true })).toEqual({
      kind: 'garment', categoryHint: 'upper', evidence: { field: 'json-ld-category', term: 'clothing', text: 'Clothing' }, productPage: true,
    });
    expect(verdictFromTexts({ breadcrumbs: 'Home > Accessories > Belts', productName: 'Jeans Belt', productPage: true }).kind).toBe('not-garment');
  });
  it('is unknown when nothing is named', () => {
    expect(verdictFromTexts({ productName: 'The Aurora', productPage: true })).toEqual({ kind: 'unknown', evidence: null, productPage: true });
  });
});

describe('reading product data from markup', () => {
  it('JSON-LD: picks the product of this page among several, reads category object and breadcrumbs', () => {
    const doc = pageFrom(`<html><head><script type="application/ld+json">[
      {"@type":"Product","name":"Other Tee","url":"https://shop.fitroom.test/p/other","image":"/img/other.jpg"},
      {"@type":["Product","Thing"],"name":"Wool Coat","url":"https://shop.fitroom.test/p/coat/","category":{"@type":"Thing","name":"Outerwear"},"image":[{"@type":"ImageObject","url":"/img/coat-1.jpg"},"/img/coat-2.jpg"]},
      {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":2,"item":{"@id":"/w","name":"Women"}},{"@type":"ListItem","position":1,"name":"Home"}]}
    ]</script><script type="application/ld+json">{ not json</script></head><body></body></html>`);
    expect(findJsonLdProduct(doc, 'https://shop.fitroom.test/p/coat')).toEqual({
      type: 'Product', name: 'Wool Coat', category: 'Outerwear', url: 'https://shop.fitroom.test/p/coat/',
      images: ['https://shop.fitroom.test/img/coat-1.jpg', 'https://shop.fitroom.test/img/coat-2.jpg'],
    });
    expect(jsonLdBreadcrumbs(doc)).toEqual(['Home', 'Women']);
  });
  it('tolerates raw newlines inside JSON-LD strings', () => {
    const doc = pageFrom(`<script type="application/ld+json">{"@type":"Product","name":"Cable
Knit Sweater"}</script>`);
    expect(findJsonLdProduct(doc, 'https://shop.fitroom.test/p')?.name).toBe('Cable Knit Sweater');
  });
  it('reads the document title without the store name, and Shopify product JSON', () => {
    const doc = pageFrom(`<html><head><title>Ribbed Beanie | Tee Shop</title><script type="application/json" id="ProductJson-product-template">{"title":"Ribbed Beanie","type":"Hats"}</script></head><body></body></html>`);
    expect(readProductTexts(doc, 'https://shop.fitroom.test/p')).toEqual({ productPage: true, shopifyType: 'Hats', productName: 'Ribbed Beanie', title: 'Ribbed Beanie' });
    expect(judgeGarmentPage(doc, 'https://shop.fitroom.test/p').kind).toBe('not-garment');
  });
});
