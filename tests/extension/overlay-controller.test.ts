import { describe, expect, it, vi } from 'vitest';
import type { OverlayRequest, TryOnRequest, TryOnResponse } from '../../lib/messaging';
import { createOverlayController, NO_REQUEST_MESSAGE, type OverlayView } from '../../lib/overlay/overlay-controller';
import type { SizeAdvice } from '../../lib/size/size-advice';

const response = { resultPng: 'data:image/png;base64,AAAA', portrait: 'data:image/jpeg;base64,AAAA', width: 2, height: 3, backend: 'wasm', timingsMs: {} } as unknown as TryOnResponse;
const request: OverlayRequest = { src: 'https://cdn.example/shirt.jpg', categoryHint: 'upper', chart: { unit: 'cm', kind: 'body', sizes: [] }, clickedAt: 1000 };
const advice: SizeAdvice = {
  status: 'advice', recommended: 'M', reason: 'r', measuresNote: 'n',
  sizes: [{ label: 'S', fit: { ease: 0.01, lengthScale: 1 } }, { label: 'M', fit: { ease: 0.06, lengthScale: 1 } }],
} as SizeAdvice;

function setup(options: { request?: OverlayRequest | null } = {}) {
  const views: OverlayView[] = [];
  const asked: TryOnRequest[] = [];
  let clock = 5000;
  const deps = {
    ticket: { overlayId: 'ov-1' },
    overlayRequest: vi.fn(async () => (options.request === undefined ? request : options.request)),
    sizeAdvice: vi.fn(async () => ({ ok: true as const, value: advice })),
    tryOn: vi.fn(async (r: TryOnRequest) => { asked.push(r); return { ok: true as const, value: response }; }),
    close: vi.fn(async () => {}),
    openPortraitPage: vi.fn(),
    paint: (v: OverlayView) => views.push(v),
    now: () => clock,
    log: () => {},
  };
  const overlay = createOverlayController(deps);
  return { overlay, deps, views, asked, tick: (ms: number) => { clock += ms; } };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the overlay page', () => {
  it('asks for its own request, then tries it on with the recommended size’s fit', async () => {
    const { overlay, deps, asked } = setup();
    await overlay.start();
    await settle();
    expect(deps.overlayRequest).toHaveBeenCalledWith({ overlayId: 'ov-1' });
    expect(deps.sizeAdvice).toHaveBeenCalledWith({ chart: request.chart });
    expect(asked).toEqual([{ jobId: expect.any(String), src: request.src, categoryHint: 'upper', fit: { ease: 0.06, lengthScale: 1 } }]);
    expect(overlay.view).toMatchObject({ state: { view: 'result', response }, chosenSize: 'M', sizeAdvice: advice });
  });

  it('times click → result from the click in the page, once per job', async () => {
    const { overlay, views } = setup();
    await overlay.start();
    await settle();
    overlay.resultShown();
    expect(overlay.view.elapsedMs).toBe(4000); // clicked at 1000, shown at 5000
    const painted = views.length;
    overlay.resultShown();
    expect(views.length).toBe(painted);
  });

  it('follows its own job’s progress only', async () => {
    const { overlay, deps } = setup();
    deps.tryOn.mockImplementation(() => new Promise(() => {})); // still working
    await overlay.start();
    await settle();
    const jobId = (overlay.view.state as { jobId: string }).jobId;
    overlay.progress({ jobId: 'someone-else', stage: 'fitting', fraction: 0.9 });
    expect(overlay.view.state).toMatchObject({ view: 'working', fraction: 0 });
    overlay.progress({ jobId, stage: 'analysing-garment', fraction: 0.4 });
    expect(overlay.view.state).toMatchObject({ view: 'working', stage: 'analysing-garment', fraction: 0.4 });
  });

  it('re-renders another size with its fit, timed from the size click', async () => {
    const { overlay, asked, tick } = setup();
    await overlay.start();
    await settle();
    overlay.chooseSize(advice.status === 'advice' ? advice.sizes[0] : (undefined as never));
    expect(overlay.view.chosenSize).toBe('S');
    expect(overlay.view.elapsedMs).toBeUndefined();
    await settle();
    expect(asked[1]).toMatchObject({ src: request.src, fit: { ease: 0.01 } });
    tick(300);
    overlay.resultShown();
    expect(overlay.view.elapsedMs).toBe(300);
  });

  it('tries another colour\'s photo on, keeping the size and kind; then another kind, keeping the colour and size', async () => {
    const variants = [{ name: 'Navy', src: 'https://cdn.example/shirt.jpg' }, { name: 'Sand', src: 'https://cdn.example/shirt-sand.jpg' }];
    const { overlay, asked } = setup({ request: { ...request, variants } });
    await overlay.start();
    await settle();
    expect(overlay.view).toMatchObject({ variants, garmentSrc: request.src });
    overlay.chooseSize(advice.status === 'advice' ? advice.sizes[0] : (undefined as never));
    await settle();
    overlay.chooseVariant(variants[1]);
    expect(overlay.view.garmentSrc).toBe(variants[1].src);
    await settle();
    expect(asked[2]).toEqual({ jobId: expect.any(String), src: variants[1].src, categoryHint: 'upper', fit: { ease: 0.01, lengthScale: 1 } });
    overlay.chooseKind('dress');
    expect(overlay.view.kindOverride).toBe('dress');
    await settle();
    expect(asked[3]).toEqual({ jobId: expect.any(String), src: variants[1].src, categoryHint: 'dress', fit: { ease: 0.01, lengthScale: 1 } });
    // A retry asks for the same again.
    overlay.retry();
    await settle();
    expect({ ...asked[4], jobId: '' }).toEqual({ ...asked[3], jobId: '' });
  });

  it('without colours on the page, offers none', async () => {
    const { overlay } = setup();
    await overlay.start();
    expect(overlay.view.variants).toEqual([]);
  });

  it('shows an error when no request waits for its id (a frame the page made itself, or a late one)', async () => {
    const { overlay, deps } = setup({ request: null });
    await overlay.start();
    expect(overlay.view.state).toMatchObject({ view: 'error', error: { code: 'internal', message: NO_REQUEST_MESSAGE } });
    expect(deps.tryOn).not.toHaveBeenCalled();
    expect(deps.sizeAdvice).not.toHaveBeenCalled();
  });

  it('shows a refused download as the error it is, and closes through the background', async () => {
    const { overlay, deps } = setup();
    deps.tryOn.mockResolvedValue({ ok: false, error: { code: 'blocked-url', message: 'http://10.0.0.1/x.jpg points at a private network (home or office), not at a public web server.' } } as never);
    await overlay.start();
    await settle();
    expect(overlay.view.state).toMatchObject({ view: 'error', error: { code: 'blocked-url' } });
    overlay.close();
    expect(overlay.view.state).toEqual({ view: 'closed' });
    expect(deps.close).toHaveBeenCalledWith({ overlayId: 'ov-1' });
  });
});
