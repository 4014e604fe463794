/**
 * Sharing a saved look without uploading anything: its picture copied to the clipboard
 * (as a PNG, the one image type every browser's clipboard takes) or downloaded, and the
 * shopping list downloaded as a file. All of it stays on the shopper's computer.
 */
import type { Look } from './look';
import { lookDate } from './shopping-list';

/**
 * Copies a PNG to the clipboard.
 * @throws Error (the browser's NotAllowedError) when the page has no permission or no focus.
 * @example await copyPngToClipboard(new Blob([look.result.bytes], { type: 'image/png' }));
 */
export async function copyPngToClipboard(png: Blob, clipboard: Clipboard = navigator.clipboard): Promise<void> {
  if (png.type !== 'image/png') throw new Error(`Expected a PNG to copy but received ${png.type || 'a blob without a type'}.`);
  await clipboard.write([new ClipboardItem({ 'image/png': png })]);
}

/**
 * Saves a blob as a file through the browser's download, from the page itself (no
 * `downloads` permission, nothing leaves the computer).
 * @example downloadBlob(new Blob([csv], { type: 'text/csv' }), 'fitroom-shopping-list-2026-12-02.csv');
 */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next turn; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Letters and digits of a title for a file name: 'Oxford Cotton Shirt' → 'oxford-cotton-shirt'. */
function slug(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/**
 * @example lookFileName(look) // 'fitroom-oxford-cotton-shirt-2026-12-02.png'
 */
export function lookFileName(look: Look): string {
  const name = slug(look.product?.title ?? '') || 'look';
  return `fitroom-${name}-${lookDate(look.savedAt)}.png`;
}

/**
 * @example shoppingListFileName('csv', Date.now()) // 'fitroom-shopping-list-2026-12-02.csv'
 */
export function shoppingListFileName(extension: 'txt' | 'csv', now: number): string {
  return `fitroom-shopping-list-${lookDate(now)}.${extension}`;
}
