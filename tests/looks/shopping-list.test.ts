import { describe, expect, it } from 'vitest';
import { csvCell, formatPrice, lookDate, shoppingListCsv, shoppingListText } from '../../lib/looks/shopping-list';
import { sampleLook } from './look-fixtures';

/** RFC 4180 read back: fields, quoted ones with doubled quotes, records ended by CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') { field += '"'; i += 2; } else if (text[i] === '"') { i++; break; } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; } else if (i < text.length) throw new Error(`Expected , or CRLF at ${i} but found ${JSON.stringify(text[i])}.`);
  }
  return rows;
}

describe('the shopping list as CSV', () => {
  it('has a header and one CRLF-ended row per look, in the order given', () => {
    const csv = shoppingListCsv([sampleLook(), sampleLook({ id: 'l2', size: undefined, product: { url: 'https://s.fitroom.test/x', title: 'Wool Coat' } })]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(parseCsv(csv)).toEqual([
      ['Title', 'Size', 'Price', 'Link', 'Store', 'Date'],
      ['Oxford Cotton Shirt', 'M', '€49.00', 'https://shop.fitroom.test/product-shirt.html', 'Example Outfitters', '2026-12-02'],
      ['Wool Coat', '', '', 'https://s.fitroom.test/x', '', '2026-12-02'],
    ]);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const title = 'Shirt, "blue"\nslim';
    const csv = shoppingListCsv([sampleLook({ product: { url: 'https://s.fitroom.test/a', title } })]);
    expect(csv).toContain('"Shirt, ""blue""\nslim"');
    expect(parseCsv(csv)[1][0]).toBe(title);
  });

  it('makes cells that start like a formula inert, whatever the store wrote', () => {
    for (const evil of ['=HYPERLINK("https://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const row = parseCsv(shoppingListCsv([sampleLook({ product: { url: 'https://s.fitroom.test/a', title: evil, store: evil } })]))[1];
      expect(row[0]).toBe(`'${evil}`);
      expect(row[4]).toBe(`'${evil}`);
    }
    expect(csvCell('Plain = fine')).toBe('Plain = fine');
  });
});

describe('the shopping list as text', () => {
  it('gives each look its title, size, price, store, date and link', () => {
    const text = shoppingListText([sampleLook(), sampleLook({ id: 'l2', size: undefined, product: null })]);
    expect(text).toBe([
      'Fitroom shopping list',
      '',
      'Oxford Cotton Shirt',
      'Size: M',
      'Price: €49.00',
      'Store: Example Outfitters',
      'Saved on 2026-12-02',
      'https://shop.fitroom.test/product-shirt.html',
      '',
      'Untitled garment',
      'Saved on 2026-12-02',
      '',
    ].join('\n'));
  });
});

describe('formatPrice and lookDate', () => {
  it('formats with the currency, or the bare amount, or the code Intl does not know', () => {
    expect(formatPrice({ amount: '49', currency: 'EUR' })).toBe('€49.00');
    expect(formatPrice({ amount: '1299.5', currency: 'CNY' }, 'en')).toBe('CN¥1,299.50');
    expect(formatPrice({ amount: '12' })).toBe('12');
    expect(formatPrice({ amount: '12', currency: 'ZZZ' })).toMatch(/12/);
    expect(formatPrice(undefined)).toBe('');
  });

  it('gives the local calendar day', () => {
    expect(lookDate(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
  });
});
