import { describe, expect, it } from 'vitest';
import { CLOSED, overlayReducer, type OverlayState } from '../../lib/overlay/overlay-state';
import type { TryOnResponse } from '../../lib/messaging';

const response = { resultPng: 'data:image/png;base64,', portrait: 'data:image/jpeg;base64,', width: 2, height: 3 } as TryOnResponse;

describe('overlay state', () => {
  it('goes working → progress → result', () => {
    let s: OverlayState = overlayReducer(CLOSED, { type: 'open', jobId: 'j1', src: 'https://a/b.jpg', now: 5 });
    expect(s).toMatchObject({ view: 'working', stage: 'starting-engine', fraction: 0, startedAt: 5 });
    s = overlayReducer(s, { type: 'progress', event: { jobId: 'j1', stage: 'fitting', fraction: 0.6 } });
    expect(s).toMatchObject({ stage: 'fitting', fraction: 0.6 });
    // Late, out-of-order progress does not move it back.
    expect(overlayReducer(s, { type: 'progress', event: { jobId: 'j1', stage: 'decoding', fraction: 0.2 } })).toBe(s);
    s = overlayReducer(s, { type: 'done', jobId: 'j1', response });
    expect(s).toMatchObject({ view: 'result', src: 'https://a/b.jpg', startedAt: 5, response });
  });

  it('ignores replies for another job and after closing', () => {
    const s = overlayReducer(CLOSED, { type: 'open', jobId: 'j2', src: 'x', now: 0 });
    expect(overlayReducer(s, { type: 'done', jobId: 'j1', response })).toBe(s);
    expect(overlayReducer(s, { type: 'progress', event: { jobId: 'j1', stage: 'fitting', fraction: 0.5 } })).toBe(s);
    const closed = overlayReducer(s, { type: 'close' });
    expect(overlayReducer(closed, { type: 'failed', jobId: 'j2', error: { code: 'internal', message: '' } })).toBe(closed);
  });

  it('shows errors of the current job', () => {
    const s = overlayReducer(CLOSED, { type: 'open', jobId: 'j3', src: 'x', now: 0 });
    expect(overlayReducer(s, { type: 'failed', jobId: 'j3', error: { code: 'no-garment', message: 'None.' } })).toMatchObject({ view: 'error', error: { code: 'no-garment' } });
  });
});
