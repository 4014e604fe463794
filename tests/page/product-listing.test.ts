import { describe, expect, it } from 'vitest';
import { normaliseAmount, readProductListing } from '../../lib/page/product-listing';
import { loadPage, pageFrom } from '../helpers/fixture-page';

describe('readProductListing', () => {
  it('reads title, price and store from JSON-LD and the document title, and drops the fragment', () => {
    const doc = pageFrom(`<html><head><title>Oxford Cotton Shirt – Example Outfitters</title>
      <script type="application/ld+json">{"@type":"Product","name":"Oxford Cotton Shirt","offers":{"price":"49.00","priceCurrency":"EUR"}}</script>
      </head><body><h1>Oxford Cotton Shirt</h1></body></html>`);
    expect(readProductListing(doc, 'https://shop.fitroom.test/p/oxford#reviews')).toEqual({
      title: 'Oxford Cotton Shirt',
      price: { amount: '49.00', currency: 'EUR' },
      url: 'https://shop.fitroom.test/p/oxford',
      store: 'Example Outfitters',
    });
  });

  it('prefers og:site_name and reads Open Graph prices (a Shopify theme)', () => {
    const listing = readProductListing(loadPage('shopify-dawn-shirt.html'), 'https://harbour.fitroom.test/products/linen-camp-shirt');
    expect(listing?.store).toBe('Harbour & Mug Co.');
    expect(listing?.price?.currency).toBe('USD');
    expect(Number(listing?.price?.amount)).toBe(89);
    expect(listing?.title).toMatch(/Linen Camp Shirt/);
  });

  it('reads a ProductGroup variant\'s offer, an AggregateOffer\'s offers, and microdata', () => {
    const group = pageFrom(`<script type="application/ld+json">{"@type":"ProductGroup","name":"Tee","hasVariant":[{"@type":"Product","offers":{"@type":"Offer","price":19.5,"priceCurrency":"gbp"}}]}</script>`);
    expect(readProductListing(group, 'https://s.fitroom.test/t')?.price).toEqual({ amount: '19.5', currency: 'GBP' });
    const aggregate = pageFrom(`<script type="application/ld+json">{"@type":"Product","name":"Coat","offers":{"@type":"AggregateOffer","offers":[{"price":"120","priceCurrency":"USD"}]}}</script>`);
    expect(readProductListing(aggregate, 'https://s.fitroom.test/c')?.price).toEqual({ amount: '120', currency: 'USD' });
    const micro = pageFrom(`<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Jeans</h1><span itemprop="price" content="59,90">59,90 €</span><meta itemprop="priceCurrency" content="EUR"></div>`);
    expect(readProductListing(micro, 'https://s.fitroom.test/j')?.price).toEqual({ amount: '59.90', currency: 'EUR' });
  });

  it('takes a CJK store suffix of the title, else the host name', () => {
    const jd = pageFrom('<html><head><title>男士纯棉衬衫 白色 40-京东</title></head><body><h1>男士纯棉衬衫</h1></body></html>');
    expect(readProductListing(jd, 'https://item.jd.com/1.html')?.store).toBe('京东');
    const plain = pageFrom('<html><head><title>Crew-neck T-shirt</title></head><body></body></html>');
    expect(readProductListing(plain, 'https://www.shop.fitroom.test/t')?.store).toBe('shop.fitroom.test');
  });

  it('says nothing of a price the page does not give, and nothing for a page that is not on the web', () => {
    const doc = pageFrom('<html><head><title>Scarf</title></head><body><h1>Scarf</h1></body></html>');
    expect(readProductListing(doc, 'https://s.fitroom.test/scarf')).toEqual({ title: 'Scarf', url: 'https://s.fitroom.test/scarf', store: 's.fitroom.test' });
    expect(readProductListing(doc, 'file:///home/me/scarf.html')).toBeNull();
  });

  it('cuts an overlong title', () => {
    const doc = pageFrom(`<html><head><title>x</title></head><body><h1>${'a'.repeat(1000)}</h1></body></html>`);
    expect(readProductListing(doc, 'https://s.fitroom.test/a')!.title!.length).toBe(300);
  });
});

describe('normaliseAmount', () => {
  it.each([
    ['49.00', '49.00'], ['€49.00', '49.00'], ['1.299,00', '1299.00'], ['1,299.00', '1299.00'], ['49,90', '49.90'],
    ['1,299', '1299'], ['1.299.000', '1299000'], [89, '89'], ['free', null], [-3, null], [Number.NaN, null], [null, null],
  ] as const)('%s → %s', (input, expected) => {
    expect(normaliseAmount(input)).toBe(expected);
  });
});
