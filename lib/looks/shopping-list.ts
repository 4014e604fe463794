/**
 * The saved looks as a shopping list the shopper can keep or send: plain text to read,
 * and CSV (RFC 4180) for a spreadsheet. Made in the fitting room page and downloaded
 * from there: nothing is uploaded.
 *
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula, and a store writes the product's title: such cells get a leading apostrophe,
 * which spreadsheets show as text (OWASP's advice against CSV injection).
 * Headers and labels are in the shopper's language (lib/i18n/).
 */
import type { Look } from './look';
import type { ProductPrice } from '../page/product-listing';
import type { MessageKey } from '../i18n/catalogues';
import { t } from '../i18n/translate';

const COLUMNS = ['title', 'size', 'price', 'link', 'store', 'date'] as const;

/** The header of each CSV column, in the catalogues (lib/i18n/). */
const COLUMN_KEY: Record<(typeof COLUMNS)[number], MessageKey> = {
  title: 'list_column_title', size: 'list_column_size', price: 'list_column_price', link: 'list_column_link', store: 'list_column_store', date: 'list_column_date',
};

/** One look as a row of the list: every value as text, empty when unknown. */
export interface ShoppingListRow {
  title: string;
  size: string;
  price: string;
  link: string;
  store: string;
  date: string;
}


/**
 * A price as the shopper reads it, in `locale`'s way; the bare amount when the currency is unknown.
 * @example formatPrice({ amount: '49.00', currency: 'EUR' }) // '€49.00'
 * @example formatPrice({ amount: '120' }) // '120'
 */
export function formatPrice(price: ProductPrice | undefined, locale = 'en'): string {
  if (!price) return '';
  if (!price.currency) return price.amount;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency }).format(Number(price.amount));
  } catch {
    return `${price.amount} ${price.currency}`; // a code Intl does not know
  }
}

/**
 * The calendar day of a time, in the browser's time zone, as YYYY-MM-DD.
 * @example lookDate(new Date(2026, 11, 2, 15, 30).getTime()) // '2026-12-02'
 */
export function lookDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * @example shoppingListRows([look])[0] // { title: 'Oxford Cotton Shirt', size: 'M', price: '€49.00', link: 'https://…', store: 'Example Outfitters', date: '2026-12-02' }
 */
export function shoppingListRows(looks: readonly Look[], locale = 'en'): ShoppingListRow[] {
  return looks.map((look) => ({
    title: look.product?.title ?? '',
    size: look.size ?? '',
    price: formatPrice(look.product?.price, locale),
    link: look.product?.url ?? '',
    store: look.product?.store ?? '',
    date: lookDate(look.savedAt),
  }));
}

/**
 * One CSV field: made inert for spreadsheets if it starts like a formula, then quoted as
 * RFC 4180 says when it holds a comma, a quote or a line break (quotes doubled).
 * @example csvCell('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 * @example csvCell('Shirt, blue') // '"Shirt, blue"'
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/**
 * The looks as CSV: a header row, then one row per look, lines ended by CRLF (RFC 4180).
 * @example shoppingListCsv([look]) // 'Title,Size,Price,Link,Store,Date\r\nOxford Cotton Shirt,M,€49.00,https://…,Example Outfitters,2026-12-02\r\n'
 */
export function shoppingListCsv(looks: readonly Look[], locale = 'en'): string {
  const header = COLUMNS.map((c) => csvCell(t(COLUMN_KEY[c])));
  const rows = shoppingListRows(looks, locale).map((row) => COLUMNS.map((c) => csvCell(row[c])));
  return [header, ...rows].map((cells) => `${cells.join(',')}\r\n`).join('');
}

/**
 * The looks as plain text: a heading, then per look its title, size, price, store, date and link, a blank line between looks.
 * @example shoppingListText([look]).split('\n').slice(0, 4) // ['Fitroom shopping list', '', 'Oxford Cotton Shirt', 'Size: M']
 */
export function shoppingListText(looks: readonly Look[], locale = 'en'): string {
  const blocks = shoppingListRows(looks, locale).map((row) => {
    const lines = [row.title || t('look_untitled')];
    if (row.size) lines.push(t('look_size', { value: row.size }));
    if (row.price) lines.push(t('look_price', { value: row.price }));
    if (row.store) lines.push(t('look_store', { value: row.store }));
    lines.push(t('look_saved_on', { value: row.date }));
    if (row.link) lines.push(row.link);
    return lines.join('\n');
  });
  return `${[t('list_heading'), ...blocks].join('\n\n')}\n`;
}
