/** Saved looks for the looks' unit tests: plain data, tiny fake pictures. */
import type { Look } from '../../lib/looks/look';

/** A look with every field filled; `over` replaces any of them. */
export function sampleLook(over: Partial<Look> = {}): Look {
  return {
    id: 'look-1',
    portraitId: 'portrait-a',
    savedAt: new Date(2026, 11, 2, 15, 30).getTime(),
    result: { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), mimeType: 'image/png', width: 2, height: 3 },
    garment: { url: 'https://cdn.fitroom.test/shirt.jpg', photo: { bytes: new Uint8Array([0xff, 0xd8]), mimeType: 'image/jpeg' }, category: 'upper' },
    product: { title: 'Oxford Cotton Shirt', price: { amount: '49.00', currency: 'EUR' }, url: 'https://shop.fitroom.test/product-shirt.html', store: 'Example Outfitters' },
    size: 'M',
    ...over,
  };
}
