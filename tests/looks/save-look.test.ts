import { describe, expect, it, vi } from 'vitest';
import { base64ToBytes } from '../../lib/base64';
import { lookFromSaveRequest, saveLookRequest } from '../../lib/looks/save-look';
import type { OverlayRequest, TryOnRequest, TryOnResponse } from '../../lib/messaging';
import { createOverlayController, type OverlayView } from '../../lib/overlay/overlay-controller';
import { sizeOnShow } from '../../lib/overlay/size-on-show';
import type { SizeAdvice } from '../../lib/size/size-advice';

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

  it('after a colour pick keeps that colour\'s photo and the same product; after a kind correction, the kind shown', async () => {
    const variants = [{ name: 'Navy', src: 'https://cdn.fitroom.test/navy.jpg' }, { name: 'Sand', src: 'https://cdn.fitroom.test/sand.jpg' }];
    const request: OverlayRequest = { src: variants[0].src, categoryHint: 'upper', chart: { unit: 'cm', kind: 'body', sizes: [] }, variants, clickedAt: 1000, product };
    const advice = {
      status: 'advice', recommended: 'M', reason: 'r', measuresNote: 'n',
      sizes: [{ label: 'M', fit: { ease: 0.06 } }, { label: 'L', fit: { ease: 0.1 } }],
    } as SizeAdvice;
    // The engine's reply names the kind asked for and carries the photo it downloaded; the sand photo is worn by a model.
    const photoOf = (src: string) => `data:image/jpeg;base64,${btoa(src)}`;
    const tryOn = async (r: TryOnRequest) => ({
      ok: true as const,
      value: { ...response, garment: { category: r.categoryHint!, sleeve: 'short', fromCache: false, onModel: r.src === variants[1].src }, garmentPhoto: photoOf(r.src) } as TryOnResponse,
    });
    const overlay = createOverlayController({
      ticket: { overlayId: 'ov-1' },
      overlayRequest: async () => request,
      sizeAdvice: async () => ({ ok: true, value: advice }),
      tryOn,
      close: vi.fn(async () => {}),
      openPortraitPage: vi.fn(),
      paint: () => {},
      log: () => {},
    });
    const settled = () => vi.waitFor(() => expect(overlay.view.state.view).toBe('result'));
    const saved = () => {
      const { view } = overlay;
      if (view.state.view !== 'result') throw new Error(`Expected a result on show, not ${view.state.view}`);
      return saveLookRequest(view.state.response, { src: view.state.src, product: view.product, size: sizeOnShow(view) });
    };
    await overlay.start();
    await settled();
    overlay.chooseSize(advice.status === 'advice' ? advice.sizes[1] : (undefined as never));
    await settled();
    expect(saved()).toMatchObject({ garment: { url: variants[0].src, category: 'upper', photo: { base64: btoa(variants[0].src) } }, product, size: 'L' });

    overlay.chooseVariant(variants[1]);
    await settled();
    // The sand photo on a model: no size changes the picture, and the recommendation is the size shown.
    expect(saved()).toEqual(expect.objectContaining({ garment: { url: variants[1].src, category: 'upper', photo: { base64: btoa(variants[1].src), mimeType: 'image/jpeg' } }, product, size: 'M' }));

    overlay.chooseKind('dress');
    await settled();
    expect(saved()).toMatchObject({ garment: { url: variants[1].src, category: 'dress', photo: { base64: btoa(variants[1].src) } }, product, size: 'M' });

    overlay.chooseVariant(variants[0]);
    await settled();
    // Back on a product photo: the size chosen is drawn again, the kind corrected is kept.
    expect(saved()).toMatchObject({ garment: { url: variants[0].src, category: 'dress' }, product, size: 'L' });
  });
});
