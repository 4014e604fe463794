import { describe, expect, it, vi } from 'vitest';
import { base64ToBytes } from '../../lib/base64';
import { lookFromSaveRequest, saveLookRequest } from '../../lib/looks/save-look';
import type { OverlayRequest, TryOnResponse } from '../../lib/messaging';
import { createOverlayController, type OverlayView } from '../../lib/overlay/overlay-controller';

const product = { title: 'Oxford Cotton Shirt', price: { amount: '49.00', currency: 'EUR' }, url: 'https://shop.fitroom.test/p', store: 'Example Outfitters' };
const response = {
  resultPng: 'data:image/png;base64,iVBORw0K', portrait: 'data:image/jpeg;base64,/9j/', width: 768, height: 1024,
  garment: { category: 'upper', sleeve: 'short', fromCache: false }, backend: 'wasm', timingsMs: {},
  portraitId: 'portrait-a', garmentPhoto: 'data:image/jpeg;base64,/9j/4AAQ',
} as TryOnResponse;

describe('a try-on becoming a saved look', () => {
  it('is sent with the result, the garment photo, the product and the size on show', () => {
    expect(saveLookRequest(response, { src: 'https://cdn.fitroom.test/shirt.jpg', product, size: 'M' })).toEqual({
      portraitId: 'portrait-a',
      result: { base64: 'iVBORw0K', mimeType: 'image/png', width: 768, height: 1024 },
      garment: { url: 'https://cdn.fitroom.test/shirt.jpg', category: 'upper', photo: { base64: '/9j/4AAQ', mimeType: 'image/jpeg' } },
      product,
      size: 'M',
    });
    // Without a photo, a product or a size, those fields are left out (the message shape is strict).
    const bare = saveLookRequest({ ...response, garmentPhoto: undefined }, { src: 'https://cdn.fitroom.test/shirt.jpg' });
    expect(bare).toEqual({ portraitId: 'portrait-a', result: expect.any(Object), garment: { url: 'https://cdn.fitroom.test/shirt.jpg', category: 'upper' } });
  });

  it('refuses a result that is not a base64 data URL', () => {
    expect(() => saveLookRequest({ ...response, resultPng: 'blob:chrome-extension://x/1' }, { src: 'https://cdn/x.jpg' })).toThrow(/Expected a base64 data URL/);
  });

  it('is stored with its pictures as bytes, the id and time it was given', () => {
    const request = saveLookRequest(response, { src: 'https://cdn.fitroom.test/shirt.jpg', product, size: 'M' });
    expect(lookFromSaveRequest(request, { id: 'look-1', savedAt: 1_800_000_000_000 })).toEqual({
      id: 'look-1',
      portraitId: 'portrait-a',
      savedAt: 1_800_000_000_000,
      result: { bytes: base64ToBytes('iVBORw0K'), mimeType: 'image/png', width: 768, height: 1024 },
      garment: { url: 'https://cdn.fitroom.test/shirt.jpg', category: 'upper', photo: { bytes: base64ToBytes('/9j/4AAQ'), mimeType: 'image/jpeg' } },
      product,
      size: 'M',
    });
    expect(lookFromSaveRequest({ ...request, product: undefined, size: undefined }, { id: 'l', savedAt: 1 })).toMatchObject({ product: null });
  });

  it('gets its product from the overlay\'s request', async () => {
    const request: OverlayRequest = { src: 'https://cdn.fitroom.test/shirt.jpg', chart: null, clickedAt: 1000, product };
    const views: OverlayView[] = [];
    const overlay = createOverlayController({
      ticket: { overlayId: 'ov-1' },
      overlayRequest: async () => request,
      sizeAdvice: async () => ({ ok: true, value: { status: 'no-chart' } }),
      tryOn: async () => ({ ok: true, value: response }),
      close: vi.fn(async () => {}),
      openPortraitPage: vi.fn(),
      paint: (v) => views.push(v),
      log: () => {},
    });
    await overlay.start();
    expect(overlay.view.product).toEqual(product);
  });
});
