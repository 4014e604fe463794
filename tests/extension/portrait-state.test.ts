import { describe, expect, it } from 'vitest';
import type { PortraitSummary } from '../../lib/messaging';
import { exposedStatus, portraitReducer, type PortraitState, type StoredView } from '../../lib/popup/portrait-state';

const stored: StoredView = { summary: { id: 'p1' } as PortraitSummary, photoUrl: 'blob:x' };

describe('popup portrait state', () => {
  it('exposes empty | analysing | ready | error', () => {
    let s: PortraitState = { status: 'loading' };
    expect(exposedStatus(s)).toBe('empty');
    s = portraitReducer(s, { type: 'loaded', stored: null });
    expect(exposedStatus(s)).toBe('empty');
    s = portraitReducer(s, { type: 'analyse', jobId: 'j' });
    expect(exposedStatus(s)).toBe('analysing');
    s = portraitReducer(s, { type: 'progress', event: { jobId: 'j', stage: 'analysing-portrait', fraction: 0.3 } });
    expect(s).toMatchObject({ stage: 'analysing-portrait', fraction: 0.3 });
    s = portraitReducer(s, { type: 'analysed', stored });
    expect(exposedStatus(s)).toBe('ready');
    s = portraitReducer(s, { type: 'deleted' });
    expect(exposedStatus(s)).toBe('empty');
  });

  it('keeps the previous portrait when a replacement fails', () => {
    let s: PortraitState = { status: 'ready', stored };
    s = portraitReducer(s, { type: 'analyse', jobId: 'j' });
    s = portraitReducer(s, { type: 'failed', error: { code: 'no-person', message: 'Nobody.' } });
    expect(s).toEqual({ status: 'error', error: { code: 'no-person', message: 'Nobody.' }, stored });
  });
});
