/**
 * Loading the fixture pages of tests/fixtures/pages as linkedom documents.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';

export const pagesDir = resolve(import.meta.dirname, '..', 'fixtures', 'pages');

/** The fixture's HTML text, e.g. `fixtureHtml('shopify-dawn-shirt.html')` or `fixtureHtml('size-charts/kiwi-late.html')`. */
export function fixtureHtml(name: string): string {
  return readFileSync(resolve(pagesDir, name), 'utf8');
}

/** A fixture parsed into a Document. */
export function loadPage(name: string): Document {
  return parseHTML(fixtureHtml(name)).document as unknown as Document;
}

/** Parse a literal HTML page (a whole document, or a body fragment that is wrapped into one). */
export function pageFrom(html: string): Document {
  const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(full).document as unknown as Document;
}
