import { describe, expect, it, vi } from 'vitest';
import { admitMessage, logRefusalOnce } from '../../lib/message-guard/admit';
import { ALLOWED_SENDERS, identifySender, type SenderLike } from '../../lib/message-guard/senders';
import { PAYLOAD_CHECKS } from '../../lib/message-guard/payloads';
import { arrayOf, num, oneOf, optional, str, strict } from '../../lib/message-guard/shape';

const self = { id: 'fitroomid', origin: 'chrome-extension://fitroomid' };
const page = (path: string, tab?: number): SenderLike => ({ id: self.id, url: `${self.origin}${path}`, ...(tab === undefined ? {} : { tab: { id: tab }, frameId: 3 }) });
const SENDERS = {
  background: page('/background.js'),
  offscreen: page('/offscreen.html'),
  popup: page('/popup.html'),
  overlay: page('/overlay.html#abc', 7),
  content: { id: self.id, url: 'https://shop.example/p/shirt', tab: { id: 7 }, frameId: 0 } as SenderLike,
};
const tryOn = { jobId: 'job-1', src: 'https://cdn.example/shirt.jpg' };

describe('who sent a message', () => {
  it('tells our contexts apart by their URL, and content scripts by their tab', () => {
    expect(identifySender(SENDERS.background, self)).toEqual({ kind: 'background' });
    expect(identifySender(SENDERS.offscreen, self)).toEqual({ kind: 'offscreen' });
    expect(identifySender(SENDERS.popup, self)).toEqual({ kind: 'popup' });
    expect(identifySender(page('/popup.html', 9), self)).toEqual({ kind: 'popup', tabId: 9 }); // "Add my photo" opens it in a tab
    expect(identifySender(SENDERS.overlay, self)).toEqual({ kind: 'overlay', tabId: 7 });
    expect(identifySender(SENDERS.content, self)).toEqual({ kind: 'content', tabId: 7 });
  });

  it('knows no one else: another extension, an unknown page of ours, a sub-frame, an overlay outside a tab', () => {
    expect(identifySender({ ...SENDERS.popup, id: 'otherextension' }, self)).toBeNull();
    expect(identifySender({ id: 'otherextension', url: 'chrome-extension://otherextension/popup.html' }, self)).toBeNull();
    expect(identifySender(page('/options.html'), self)).toBeNull();
    expect(identifySender({ ...SENDERS.content, frameId: 2 }, self)).toBeNull();
    expect(identifySender({ id: self.id, url: 'https://shop.example/' }, self)).toBeNull(); // a web page without a tab
    expect(identifySender(page('/overlay.html'), self)).toBeNull();
    expect(identifySender({ id: self.id, url: 'not a url', tab: { id: 1 }, frameId: 0 }, self)).toBeNull();
    expect(identifySender(undefined, self)).toBeNull();
  });
});

describe('admitting a message', () => {
  it('lets each type through from its own senders only', () => {
    expect(admitMessage('bg.tryOn', tryOn, SENDERS.overlay, self)).toEqual({ ok: true, data: tryOn, from: { kind: 'overlay', tabId: 7 } });
    // The content script shares the store page's process: it may open an overlay, never ask for a result.
    expect(admitMessage('bg.tryOn', tryOn, SENDERS.content, self)).toEqual({ ok: false, reason: 'sender content may not send bg.tryOn' });
    expect(admitMessage('bg.tryOn', tryOn, SENDERS.popup, self)).toMatchObject({ ok: false });
    expect(admitMessage('offscreen.status', undefined, SENDERS.background, self)).toMatchObject({ ok: true });
    expect(admitMessage('offscreen.status', undefined, SENDERS.popup, self)).toEqual({ ok: false, reason: 'sender popup may not send offscreen.status' });
    expect(admitMessage('content.closeOverlay', { overlayId: 'a' }, SENDERS.overlay, self)).toMatchObject({ ok: false });
    expect(admitMessage('bg.openOverlay', { src: tryOn.src, chart: null, clickedAt: Date.now() }, SENDERS.content, self)).toMatchObject({ ok: true, from: { kind: 'content', tabId: 7 } });
  });

  it('refuses a foreign sender whatever it sends, naming it in the reason', () => {
    const other = { id: 'evil', url: 'chrome-extension://evil/bg.js' };
    for (const type of Object.keys(ALLOWED_SENDERS) as (keyof typeof ALLOWED_SENDERS)[]) {
      const r = admitMessage(type, undefined, other, self);
      expect(r.ok, type).toBe(false);
      if (!r.ok) expect(r.reason).toContain('id evil, chrome-extension://evil/bg.js');
    }
  });

  it('refuses data of the wrong shape, saying where and what was expected', () => {
    expect(admitMessage('bg.tryOn', { ...tryOn, jobId: 42 }, SENDERS.overlay, self))
      .toEqual({ ok: false, reason: 'Expected an id of letters, digits, _ and - at data.jobId but received number 42.' });
    expect(admitMessage('bg.tryOn', { jobId: 'j' }, SENDERS.overlay, self)).toMatchObject({ ok: false, reason: expect.stringContaining('at data.src but received nothing') });
    expect(admitMessage('bg.tryOn', { ...tryOn, categoryHint: 'shoes' }, SENDERS.overlay, self)).toMatchObject({ ok: false, reason: expect.stringContaining('one of upper, lower, dress') });
    expect(admitMessage('bg.tryOn', { ...tryOn, fit: { ease: 5 } }, SENDERS.overlay, self)).toMatchObject({ ok: false, reason: expect.stringContaining('data.fit.ease') });
    expect(admitMessage('bg.tryOn', 'x', SENDERS.overlay, self)).toMatchObject({ ok: false });
    expect(admitMessage('bg.tryOn', [tryOn], SENDERS.overlay, self)).toMatchObject({ ok: false });
    expect(admitMessage('bg.status', { sneaky: true }, SENDERS.popup, self)).toMatchObject({ ok: false, reason: expect.stringContaining('Expected no data') });
    expect(admitMessage('bg.progress', { jobId: 'j', stage: 'fitting', fraction: 1.5 }, SENDERS.offscreen, self)).toMatchObject({ ok: false });
    expect(admitMessage('bg.progress', { jobId: 'j', stage: 'fitting', fraction: Number.NaN }, SENDERS.offscreen, self)).toMatchObject({ ok: false });
    expect(admitMessage('bg.analysePortrait', { jobId: 'p', image: { base64: 'not base64!', mimeType: 'image/jpeg' } }, SENDERS.popup, self)).toMatchObject({ ok: false });
    expect(admitMessage('bg.analysePortrait', { jobId: 'p', image: { base64: 'aGk=', mimeType: 'text/html' } }, SENDERS.popup, self)).toMatchObject({ ok: false });
    expect(admitMessage('offscreen.prepare', { url: 'file:///etc/passwd' }, SENDERS.background, self)).toMatchObject({ ok: false });
  });

  it('refuses extra fields, at any depth', () => {
    expect(admitMessage('bg.tryOn', { ...tryOn, portrait: 'please' }, SENDERS.overlay, self))
      .toEqual({ ok: false, reason: 'Expected only jobId, src, categoryHint, fit at data but it also has portrait.' });
    expect(admitMessage('bg.analysePortrait', { jobId: 'p', image: { base64: 'aGk=', mimeType: 'image/jpeg', url: 'x' } }, SENDERS.popup, self))
      .toMatchObject({ ok: false, reason: expect.stringContaining('at data.image but it also has url') });
    const chart = { unit: 'cm', kind: 'body', sizes: [{ label: 'S', measures: { chest: [86, 91], waist: 70, elbow: 3 } }] };
    expect(admitMessage('bg.sizeAdvice', { chart }, SENDERS.overlay, self)).toMatchObject({ ok: false, reason: expect.stringContaining('data.chart.sizes[0].measures but it also has elbow') });
  });

  it('accepts a real size chart and a whole overlay request', () => {
    const chart = { unit: 'cm', kind: 'garment', sizes: [{ label: 'S', measures: { chest: [86, 91], length: 66 } }, { label: 'M', measures: { chest: [91, 96] } }] };
    expect(admitMessage('bg.sizeAdvice', { chart }, SENDERS.overlay, self)).toMatchObject({ ok: true, data: { chart } });
    const request = { src: tryOn.src, categoryHint: 'dress', chart, clickedAt: 1_800_000_000_000 };
    expect(admitMessage('bg.openOverlay', request, SENDERS.content, self)).toMatchObject({ ok: true, data: request });
    expect(admitMessage('bg.openOverlay', { ...request, clickedAt: 12 }, SENDERS.content, self)).toMatchObject({ ok: false });
  });

  it('takes the page\'s colours with the overlay request: named, at most 24, nothing else in them', () => {
    const base = { src: tryOn.src, chart: null, clickedAt: 1_800_000_000_000 };
    const variants = [{ name: 'Navy', src: 'https://cdn.example/navy.jpg' }, { name: '藏青色', src: 'https://cdn.example/x.jpg' }];
    expect(admitMessage('bg.openOverlay', { ...base, variants }, SENDERS.content, self)).toMatchObject({ ok: true, data: { variants } });
    const many = Array.from({ length: 25 }, (_, i) => ({ name: `C${i}`, src: `https://cdn.example/${i}.jpg` }));
    expect(admitMessage('bg.openOverlay', { ...base, variants: many }, SENDERS.content, self)).toMatchObject({ ok: false, reason: expect.stringContaining('an array of 0–24 items at data.variants') });
    expect(admitMessage('bg.openOverlay', { ...base, variants: [{ name: '', src: 'https://cdn.example/a.jpg' }] }, SENDERS.content, self)).toMatchObject({ ok: false, reason: expect.stringContaining('data.variants[0].name') });
    expect(admitMessage('bg.openOverlay', { ...base, variants: [{ name: 'Red', src: 'https://cdn.example/a.jpg', portrait: 'x' }] }, SENDERS.content, self)).toMatchObject({ ok: false, reason: expect.stringContaining('it also has portrait') });
  });

  it('has a sender rule and a payload check for every message type', () => {
    expect(Object.keys(PAYLOAD_CHECKS).sort()).toEqual(Object.keys(ALLOWED_SENDERS).sort());
  });

  it('logs each refusal once per type and reason', () => {
    const log = vi.fn();
    const reason = `sender content may not send bg.tryOn (${Math.random()})`;
    expect(logRefusalOnce('bg.tryOn', reason, log)).toBe(true);
    expect(logRefusalOnce('bg.tryOn', reason, log)).toBe(false);
    expect(logRefusalOnce('bg.status', reason, log)).toBe(true);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledWith(`Fitroom: refused a bg.tryOn message: ${reason}.`);
  });
});

describe('shape checks', () => {
  it('check lengths, ranges and lists, and name the path', () => {
    expect(() => str({ max: 3 })('abcd', 'data.x')).toThrow('Expected a string of 0–3 characters at data.x but received "abcd".');
    expect(() => num({ min: 0, max: 1, integer: true })(0.5, 'data.n')).toThrow('Expected an integer in [0, 1] at data.n but received number 0.5.');
    expect(() => arrayOf(num({ min: 0, max: 9 }), { max: 2 })([1, 2, 3], 'data.l')).toThrow('Expected an array of 0–2 items at data.l but received an array of 3.');
    expect(() => arrayOf(num({ min: 0, max: 9 }), { max: 3 })([1, 'x'], 'data.l')).toThrow('at data.l[1]');
    expect(() => oneOf(['a', 'b'] as const)('c', 'data.k')).toThrow('Expected one of a, b at data.k but received "c".');
    expect(optional(num({ min: 0, max: 1 }))(undefined, 'p')).toBeUndefined();
    // Objects made by a class (not plain JSON) are not plain data.
    expect(() => strict({})(new Date(), 'data')).toThrow('Expected an object with no fields at data');
    expect(strict({ a: optional(num({ min: 0, max: 1 })) })({}, 'data')).toEqual({});
  });
});

describe('saved looks and the fitting room', () => {
  const fittingRoom = page('/fitting-room.html');
  const look = {
    portraitId: 'portrait-mx1-abc',
    result: { base64: 'iVBORw==', mimeType: 'image/png', width: 768, height: 1024 },
    garment: { url: 'https://cdn.example/shirt.jpg', photo: { base64: '/9j/', mimeType: 'image/jpeg' }, category: 'upper' },
    product: { title: 'Oxford Cotton Shirt', price: { amount: '49.00', currency: 'EUR' }, url: 'https://shop.example/p/shirt', store: 'Example Outfitters' },
    size: 'M',
  };

  it('knows the fitting room, which manages the portrait as the popup does and nothing more', () => {
    expect(identifySender(fittingRoom, self)).toEqual({ kind: 'fitting-room' });
    expect(admitMessage('bg.analysePortrait', { jobId: 'p', image: { base64: 'aGk=', mimeType: 'image/jpeg' } }, fittingRoom, self)).toMatchObject({ ok: true });
    expect(admitMessage('bg.warmUpForPortrait', undefined, fittingRoom, self)).toMatchObject({ ok: true });
    expect(admitMessage('bg.tryOn', tryOn, fittingRoom, self)).toMatchObject({ ok: false });
  });

  it('tells the language choice to the overlay only, asked with no data', () => {
    expect(admitMessage('bg.language', undefined, SENDERS.overlay, self)).toMatchObject({ ok: true });
    expect(admitMessage('bg.language', undefined, SENDERS.content, self)).toMatchObject({ ok: false, reason: 'sender content may not send bg.language' });
    expect(admitMessage('bg.language', { language: 'en' }, SENDERS.overlay, self)).toMatchObject({ ok: false });
  });

  it('takes a look to save from the overlay only, of the expected shape', () => {
    expect(admitMessage('bg.saveLook', look, SENDERS.overlay, self)).toEqual({ ok: true, data: look, from: { kind: 'overlay', tabId: 7 } });
    // A store page's process (the content script) may not write looks.
    expect(admitMessage('bg.saveLook', look, SENDERS.content, self)).toMatchObject({ ok: false, reason: 'sender content may not send bg.saveLook' });
    expect(admitMessage('bg.saveLook', { ...look, result: { ...look.result, mimeType: 'image/svg+xml' } }, SENDERS.overlay, self)).toMatchObject({ ok: false });
    expect(admitMessage('bg.saveLook', { ...look, result: { ...look.result, width: 99999 } }, SENDERS.overlay, self)).toMatchObject({ ok: false });
    // The product's link is opened from the fitting room: never a script or data address.
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd']) {
      expect(admitMessage('bg.saveLook', { ...look, product: { ...look.product, url } }, SENDERS.overlay, self), url).toMatchObject({ ok: false, reason: expect.stringContaining('data.product.url') });
      expect(admitMessage('bg.openOverlay', { src: tryOn.src, chart: null, clickedAt: Date.now(), product: { url } }, SENDERS.content, self), url).toMatchObject({ ok: false });
    }
    expect(admitMessage('bg.saveLook', { ...look, product: { ...look.product, price: { amount: '1e9' } } }, SENDERS.overlay, self)).toMatchObject({ ok: false, reason: expect.stringContaining('data.product.price.amount') });
    expect(admitMessage('bg.saveLook', { ...look, product: { ...look.product, title: 'x'.repeat(301) } }, SENDERS.overlay, self)).toMatchObject({ ok: false });
    expect(admitMessage('bg.openOverlay', { src: tryOn.src, chart: null, clickedAt: Date.now(), product: look.product }, SENDERS.content, self)).toMatchObject({ ok: true });
  });
});
