import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../lib/base64';
import { FitroomError } from '../../lib/engine/errors';
import type { ProgressEvent } from '../../lib/messaging';
import { PORTRAIT_VERSION } from '../../lib/engine/portrait/analyse-portrait';
import { createTryOnService } from '../../lib/offscreen/tryon-service';
import { memoryPortraitStore } from '../../lib/storage';
import { fakeDecode, fakeEncodePng, fakeEngine, fakeImageBytes, fakeReencode, REENCODED_TAG } from './fakes';

function setup(engine = fakeEngine()) {
  const events: ProgressEvent[] = [];
  const store = memoryPortraitStore();
  let starts = 0;
  const service = createTryOnService({
    startEngine: async () => { starts++; return engine; },
    decode: fakeDecode,
    encodePng: fakeEncodePng,
    reencodePortrait: fakeReencode,
    store,
    progress: (e) => events.push(e),
  });
  return { service, store, events, engine, starts: () => starts };
}

const portraitImage = { base64: bytesToBase64(fakeImageBytes(30, 40, 7)), mimeType: 'image/jpeg' };
const garment = (url: string, tag = 1) => ({ url, image: { base64: bytesToBase64(fakeImageBytes(20, 20, tag)), mimeType: 'image/jpeg' } });

describe('the offscreen try-on service', () => {
  it('analyses, stores and summarises a portrait, reporting progress', async () => {
    const { service, store, events } = setup();
    const summary = await service.analysePortrait({ jobId: 'p', image: portraitImage });
    expect(summary).toMatchObject({ width: 30, height: 40, issues: [], backend: 'wasm', mimeType: 'image/jpeg' });
    expect(await store.loadSummary()).toEqual(summary);
    // Only the re-encoded photo is stored, never the chosen file's bytes.
    expect(await store.loadPhoto()).toEqual({ bytes: fakeImageBytes(30, 40, REENCODED_TAG), mimeType: 'image/jpeg', reencoded: true });
    expect(events.map((e) => e.stage)).toEqual(['starting-engine', 'decoding', 'analysing-portrait', 'saving']);
    expect(events.every((e) => e.jobId === 'p')).toBe(true);
  });

  it('analyses the re-encoded photo, not the chosen file', async () => {
    const engine = fakeEngine();
    const seen: number[] = [];
    const analyse = engine.analysePortrait.bind(engine);
    engine.analysePortrait = async (image) => { seen.push(image.data[0]); return analyse(image); };
    const { service } = setup(engine);
    await service.analysePortrait({ jobId: 'p', image: portraitImage });
    expect(seen).toEqual([REENCODED_TAG]);
  });

  it('re-encodes a photo stored before re-encoding existed, and analyses it again', async () => {
    const first = setup();
    await first.service.analysePortrait({ jobId: 'p', image: portraitImage });
    const original = fakeImageBytes(30, 40, 7);
    // As an older version stored it: the chosen file's own bytes.
    await first.store.save({ summary: { ...(await first.store.loadSummary())!, mimeType: 'image/png' }, photo: { bytes: original, mimeType: 'image/png' }, analysis: (await first.store.loadAnalysis())! });
    const engine = fakeEngine();
    const service = createTryOnService({ startEngine: async () => engine, decode: fakeDecode, encodePng: fakeEncodePng, reencodePortrait: fakeReencode, store: first.store, progress: () => {} });
    const result = await service.tryOn({ jobId: 't', garment: garment('https://cdn/x.jpg') });
    expect(result.timingsMs).toHaveProperty('portraitReencode');
    expect(result.timingsMs).toHaveProperty('portraitReanalyse');
    expect(await first.store.loadPhoto()).toEqual({ bytes: fakeImageBytes(30, 40, REENCODED_TAG), mimeType: 'image/jpeg', reencoded: true });
    expect((await first.store.loadSummary())!.mimeType).toBe('image/jpeg');
    expect(result.portrait).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('refuses to try on without a portrait, and says what to do', async () => {
    const { service } = setup();
    expect(await service.prepare({ url: 'https://cdn/x.jpg' })).toEqual({ hasPortrait: false, hasGarment: false });
    await expect(service.tryOn({ jobId: 't', garment: garment('https://cdn/x.jpg') })).rejects.toMatchObject({ code: 'no-portrait' });
  });

  it('tries on, then re-renders a cached garment without its bytes', async () => {
    const { service, engine, starts } = setup();
    await service.analysePortrait({ jobId: 'p', image: portraitImage });
    const first = await service.tryOn({ jobId: 't1', garment: garment('https://cdn/x.jpg'), categoryHint: 'upper' });
    expect(first).toMatchObject({ width: 30, height: 40, garment: { category: 'upper', fromCache: false, onModel: false } });
    expect(first.resultPng).toMatch(/^data:image\/png;base64,/);
    expect(first.portrait).toMatch(/^data:image\/jpeg;base64,/);
    expect(first.timingsMs).toHaveProperty('engine.warp', 1);

    expect(await service.prepare({ url: 'https://cdn/x.jpg', categoryHint: 'upper' })).toEqual({ hasPortrait: true, hasGarment: true });
    // Same garment, another category: another analysis.
    expect((await service.prepare({ url: 'https://cdn/x.jpg', categoryHint: 'dress' })).hasGarment).toBe(false);
    const again = await service.tryOn({ jobId: 't2', garment: { url: 'https://cdn/x.jpg' }, categoryHint: 'upper', fit: { ease: 0.1 } });
    expect(again.garment.fromCache).toBe(true);
    expect(engine.calls).toEqual(['portrait 30x40', 'garment 20x20 upper', 'tryOn upper ease=-', 'tryOn upper ease=0.1']);
    expect(starts()).toBe(1);
  });

  it('gives each try-on its portrait\'s id and a small product photo for a saved look, made once per garment', async () => {
    const encoded: string[] = [];
    const engine = fakeEngine();
    const service = createTryOnService({
      startEngine: async () => engine, decode: fakeDecode, encodePng: fakeEncodePng, reencodePortrait: fakeReencode, store: memoryPortraitStore(), progress: () => {},
      encodeJpeg: async (image, quality) => { encoded.push(`${image.width}x${image.height} q${quality} fill ${image.data[0]}`); return new Uint8Array([0xff, 0xd8, image.data[0]]); },
    });
    const summary = await service.analysePortrait({ jobId: 'p', image: portraitImage });
    const first = await service.tryOn({ jobId: 't1', garment: garment('https://cdn/x.jpg', 42) });
    expect(first.portraitId).toBe(summary.id);
    expect(first.garmentPhoto).toBe(`data:image/jpeg;base64,${bytesToBase64(new Uint8Array([0xff, 0xd8, 42]))}`);
    // The size switch re-renders the cached garment: the same photo, not made again.
    const again = await service.tryOn({ jobId: 't2', garment: { url: 'https://cdn/x.jpg' }, fit: { ease: 0.1 } });
    expect(again.garmentPhoto).toBe(first.garmentPhoto);
    expect(encoded).toEqual(['20x20 q0.85 fill 42']);
    // Without an encoder (or when it fails) the try-on goes on without the photo.
    const { service: plain } = setup();
    await plain.analysePortrait({ jobId: 'p', image: portraitImage });
    expect(await plain.tryOn({ jobId: 't', garment: garment('https://cdn/x.jpg') })).not.toHaveProperty('garmentPhoto');
    const failing = createTryOnService({
      startEngine: async () => fakeEngine(), decode: fakeDecode, encodePng: fakeEncodePng, reencodePortrait: fakeReencode, store: memoryPortraitStore(), progress: () => {},
      encodeJpeg: async () => { throw new Error('no canvas'); },
    });
    await failing.analysePortrait({ jobId: 'p', image: portraitImage });
    const result = await failing.tryOn({ jobId: 't', garment: garment('https://cdn/x.jpg') });
    expect(result.resultPng).toMatch(/^data:image\/png/);
    expect(result).not.toHaveProperty('garmentPhoto');
  });

  it('reloads the portrait from storage when it was replaced elsewhere', async () => {
    const { service, store, engine } = setup();
    await service.analysePortrait({ jobId: 'p', image: portraitImage });
    // Another document (a second popup) replaced it: the summary id changes.
    const other = setup();
    await other.service.analysePortrait({ jobId: 'p2', image: { base64: bytesToBase64(fakeImageBytes(50, 60, 9)), mimeType: 'image/png' } });
    await store.save({ summary: (await other.store.loadSummary())!, photo: (await other.store.loadPhoto())!, analysis: (await other.store.loadAnalysis())! });
    const result = await service.tryOn({ jobId: 't', garment: garment('https://cdn/y.jpg') });
    expect(result).toMatchObject({ width: 50, height: 60 });
    expect(result.portrait).toBe(`data:image/jpeg;base64,${bytesToBase64(fakeImageBytes(50, 60, REENCODED_TAG))}`);
    expect(engine.calls[0]).toBe('portrait 30x40');
  });

  it('warms up: engine started and its models run once, the portrait loaded before the first try-on', async () => {
    const first = setup();
    // no portrait yet (the popup waits for one): the engine starts, its models run once, nothing else
    await first.service.warmUp();
    await first.service.warmUp();
    expect(first.starts()).toBe(1);
    expect(first.engine.calls).toEqual(['warm-up']);
    await first.service.analysePortrait({ jobId: 'p', image: portraitImage });
    // A new offscreen document over the same storage (the old one was closed).
    let starts = 0;
    const service = createTryOnService({
      startEngine: async () => { starts++; return fakeEngine(); },
      decode: fakeDecode, encodePng: fakeEncodePng, reencodePortrait: fakeReencode, store: first.store, progress: () => {},
    });
    await service.warmUp();
    expect(starts).toBe(1);
    const result = await service.tryOn({ jobId: 't', garment: garment('https://cdn/x.jpg') });
    expect(result.timingsMs).not.toHaveProperty('portraitDecode');
    expect(starts).toBe(1);
  });

  it('analyses the stored photo again when the analysis is from another engine version', async () => {
    const first = setup();
    await first.service.analysePortrait({ jobId: 'p', image: portraitImage });
    const old = (await first.store.loadAnalysis())!;
    await first.store.save({ summary: (await first.store.loadSummary())!, photo: (await first.store.loadPhoto())!, analysis: { ...old, tree: { ...old.tree, version: -1 } } });
    const engine = fakeEngine();
    const service = createTryOnService({ startEngine: async () => engine, decode: fakeDecode, encodePng: fakeEncodePng, reencodePortrait: fakeReencode, store: first.store, progress: () => {} });
    const result = await service.tryOn({ jobId: 't', garment: garment('https://cdn/x.jpg') });
    expect(result.timingsMs).toHaveProperty('portraitReanalyse');
    expect(engine.calls[0]).toBe('portrait 30x40');
    expect((await first.store.loadAnalysis())!.tree.version).toBe(PORTRAIT_VERSION);
  });

  it('passes engine errors through with their code', async () => {
    const { service } = setup(fakeEngine({ failGarment: new FitroomError('unsupported-category', 'Shoes are not dressed.') }));
    await service.analysePortrait({ jobId: 'p', image: portraitImage });
    await expect(service.tryOn({ jobId: 't', garment: garment('https://cdn/shoe.jpg') })).rejects.toMatchObject({ code: 'unsupported-category' });
  });

  it('reports an engine that cannot start, and tries again next time', async () => {
    let attempts = 0;
    const service = createTryOnService({
      startEngine: async () => { attempts++; throw new Error('model pose.onnx missing'); },
      decode: fakeDecode, encodePng: fakeEncodePng, reencodePortrait: fakeReencode, store: memoryPortraitStore(), progress: () => {},
    });
    await expect(service.analysePortrait({ jobId: 'p', image: portraitImage })).rejects.toMatchObject({ code: 'engine-unavailable', message: expect.stringContaining('model pose.onnx missing') });
    await expect(service.analysePortrait({ jobId: 'p', image: portraitImage })).rejects.toMatchObject({ code: 'engine-unavailable' });
    expect(attempts).toBe(2);
  });

  it('runs one request at a time', async () => {
    const engine = fakeEngine();
    const order: string[] = [];
    const slowTryOn = engine.tryOn.bind(engine);
    engine.tryOn = async (p, g, f) => { order.push('start'); await new Promise((r) => setTimeout(r, 20)); order.push('end'); return slowTryOn(p, g, f); };
    const { service } = setup(engine);
    await service.analysePortrait({ jobId: 'p', image: portraitImage });
    await Promise.all([service.tryOn({ jobId: 'a', garment: garment('https://cdn/a.jpg') }), service.tryOn({ jobId: 'b', garment: garment('https://cdn/b.jpg') })]);
    expect(order).toEqual(['start', 'end', 'start', 'end']);
  });
});
