import { describe, expect, it } from 'vitest';
import { FitroomError } from '../../lib/engine/errors';
import { ExtensionError, toErrorInfo, toResult, unwrap } from '../../lib/error-info';
import { describeError } from '../../lib/error-messages';

describe('errors across contexts', () => {
  it('keeps the code of engine and extension errors, calls the rest internal', () => {
    expect(toErrorInfo(new FitroomError('no-person', 'No person.'))).toEqual({ code: 'no-person', message: 'No person.' });
    expect(toErrorInfo(new ExtensionError('fetch-failed', 'Gone.'))).toEqual({ code: 'fetch-failed', message: 'Gone.' });
    expect(toErrorInfo(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined' });
    // As it arrives after JSON: a plain object with a code.
    expect(toErrorInfo(JSON.parse(JSON.stringify({ code: 'no-garment', message: 'None.' })))).toEqual({ code: 'no-garment', message: 'None.' });
  });

  it('wraps values and errors in Results and back', async () => {
    expect(await toResult(async () => 42)).toEqual({ ok: true, value: 42 });
    const failed = await toResult(() => { throw new FitroomError('image-too-large', 'Too big.'); });
    expect(failed).toEqual({ ok: false, error: { code: 'image-too-large', message: 'Too big.' } });
    expect(() => unwrap(failed)).toThrow(expect.objectContaining({ code: 'image-too-large', message: 'Too big.' }));
    expect(() => unwrap(undefined)).toThrow(expect.objectContaining({ code: 'no-receiver' }));
  });

  it('has words and an action for the errors a shopper meets', () => {
    expect(describeError({ code: 'no-portrait', message: '' }).action).toBe('add-portrait');
    expect(describeError({ code: 'no-garment', message: '' }).title).toMatch(/No garment/);
    expect(describeError({ code: 'unsupported-category', message: 'Shoes are not dressed.' }).detail).toContain('Shoes are not dressed.');
    expect(describeError({ code: 'fetch-failed', message: 'Could not download x: 404.' }).action).toBe('retry');
    // a portrait too short for the garment: the engine's words, and the way to a better photo
    const short = describeError({ code: 'body-out-of-frame', message: 'Your photo ends above your hips.' });
    expect(short.detail).toContain('ends above your hips');
    expect(short.action).toBe('add-portrait');
  });
});
