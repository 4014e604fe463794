/**
 * Body measures from the sample portraits with a stated height: plausible human
 * values, stable when the same photo comes at half the resolution, and tape
 * measurements winning over the photo.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortraitAnalysis } from '../../lib/engine/index';
import { resizeRgba } from '../../lib/engine/image';
import { readImageFile } from '../../lib/node/image-file';
import { BODY_MEASURE_NAMES, measurePortrait, toBodyMeasures, type PortraitMeasures } from '../../lib/size/portrait-measures';
import { ellipsePerimeterPerWidth, girthPerWidth } from '../../lib/size/body-proportions';
import { testEngine } from '../helpers/engine';
import { haveSamples, sampleManifest, samplePath } from '../helpers/samples';

const HEIGHT = 170;
/** Adult ranges wide enough for everyone from XS to plus sizes (cm). */
const PLAUSIBLE = { shoulder: [28, 50], chest: [65, 140], waist: [52, 125], hips: [75, 150] } as const;

describe('girth ratios', () => {
  it('an ellipse of equal axes is a circle', () => {
    expect(ellipsePerimeterPerWidth(1)).toBeCloseTo(Math.PI, 6);
  });
  it('turn a width into a girth as documented', () => {
    expect(girthPerWidth('chest')).toBeCloseTo(3.17, 2);
    expect(girthPerWidth('waist')).toBeCloseTo(2.88, 2);
    expect(girthPerWidth('hips')).toBeCloseTo(2.92, 2);
  });
});

describe.skipIf(!haveSamples)('measures from sample portraits', () => {
  const portraits = sampleManifest().persons.map((p) => p.file);
  // Every other portrait is also analysed at half its resolution.
  const halved = portraits.filter((_, i) => i % 2 === 0);
  const full = new Map<string, PortraitMeasures>();
  const half = new Map<string, PortraitMeasures>();
  const analyses = new Map<string, PortraitAnalysis>();

  beforeAll(async () => {
    const engine = await testEngine();
    for (const f of portraits) {
      const image = await readImageFile(samplePath(f));
      const a = await engine.analysePortrait(image);
      analyses.set(f, a);
      full.set(f, measurePortrait(a, HEIGHT));
      if (halved.includes(f)) {
        const small = resizeRgba(image, Math.round(image.width / 2), Math.round(image.height / 2));
        half.set(f, measurePortrait(await engine.analysePortrait(small), HEIGHT));
      }
    }
    const table = [...full].map(([f, m]) => `${f}: ${BODY_MEASURE_NAMES.map((n) => `${n} ${m.measures[n]?.value ?? '-'} (${m.measures[n]?.confidence ?? '-'})`).join(', ')}; scale ±${Math.round(m.scale.relError * 100)} % from ${m.scale.basis}`);
    console.info(`Measures at ${HEIGHT} cm:\n${table.join('\n')}`);
  }, 600_000);

  it('gives every measure in a plausible adult range, inside its own range', () => {
    for (const [f, m] of full) {
      for (const name of BODY_MEASURE_NAMES) {
        const e = m.measures[name];
        expect(e, `${f} ${name}`).toBeDefined();
        const [lo, hi] = PLAUSIBLE[name];
        expect(e!.value, `${f} ${name}`).toBeGreaterThanOrEqual(lo);
        expect(e!.value, `${f} ${name}`).toBeLessThanOrEqual(hi);
        expect(e!.range[0], `${f} ${name}`).toBeLessThan(e!.value);
        expect(e!.range[1], `${f} ${name}`).toBeGreaterThan(e!.value);
        expect(e!.source).toBe('photo');
        expect(['low', 'medium', 'high']).toContain(e!.confidence);
      }
      // A waist narrower than the hips, as in nearly every adult (over clothes, dresses included).
      expect(m.measures.waist!.value, f).toBeLessThan(m.measures.hips!.value);
    }
  });

  it('says what each estimate rests on, and that clothes count', () => {
    const m = full.get(portraits[0])!;
    expect(m.measures.chest!.basis).toMatch(/outline [\d.]+ cm, less 1\.5 cm .* × 3\.17/);
    expect(m.notes.join(' ')).toMatch(/over clothes/i);
  });

  it('rests the scale on the whole body when head and ankles show', () => {
    const fullBody = [...full].filter(([, m]) => m.scale.fullBody);
    expect(fullBody.length).toBeGreaterThan(0);
    for (const [, m] of fullBody) expect(m.scale.relError).toBeLessThan(0.04);
  });

  it('agrees with itself at half the resolution', () => {
    const diffs: { what: string; d: number }[] = [];
    for (const [f, small] of half) {
      const big = full.get(f)!;
      for (const name of BODY_MEASURE_NAMES) {
        const a = big.measures[name]!.value, b = small.measures[name]!.value;
        diffs.push({ what: `${f} ${name} ${a} vs ${b}`, d: Math.abs(a / b - 1) });
      }
    }
    diffs.sort((x, y) => x.d - y.d);
    const at = (q: number) => diffs[Math.min(diffs.length - 1, Math.floor(q * diffs.length))].d;
    console.info(`Half resolution: median difference ${(at(0.5) * 100).toFixed(1)} %, 90th percentile ${(at(0.9) * 100).toFixed(1)} %, largest ${diffs.at(-1)!.what}`);
    expect(at(0.5)).toBeLessThan(0.02);
    expect(at(0.9)).toBeLessThan(0.05);
    // Each estimate stays inside the other's range: the ranges are honest about the jitter.
    for (const [f, small] of half) {
      for (const name of BODY_MEASURE_NAMES) {
        const e = full.get(f)!.measures[name]!;
        expect(small.measures[name]!.value, `${f} ${name}`).toBeGreaterThanOrEqual(e.range[0]);
        expect(small.measures[name]!.value, `${f} ${name}`).toBeLessThanOrEqual(e.range[1]);
      }
    }
  });

  it('scales with the stated height', () => {
    const a = analyses.get(portraits[0])!;
    const tall = measurePortrait(a, 187), short = measurePortrait(a, 170);
    expect(tall.measures.chest!.value / short.measures.chest!.value).toBeCloseTo(1.1, 1);
  });

  it('lets tape measurements win, with full confidence', () => {
    const m = measurePortrait(analyses.get(portraits[0])!, HEIGHT, { chest: 92, waist: 74 });
    expect(m.measures.chest).toEqual({ value: 92, range: [92, 92], confidence: 'high', basis: 'your tape measurement', source: 'tape' });
    expect(m.measures.hips!.source).toBe('photo');
    const body = toBodyMeasures(m);
    expect(body.chest).toEqual({ value: 92, confidence: 1 });
    expect(body.height).toBe(HEIGHT);
    expect((body.hips as { confidence: number }).confidence).toBeLessThan(1);
  });

  it('refuses a missing or impossible height, and bad tape values, naming them', () => {
    const a = analyses.get(portraits[0])!;
    expect(() => measurePortrait(a, 17)).toThrow('Expected height in cm between 100 and 230 but received 17');
    expect(() => measurePortrait(a, Number.NaN)).toThrow(/received NaN/);
    expect(() => measurePortrait(a, HEIGHT, { chest: -4 })).toThrow('Expected tape.chest in cm between 10 and 300 but received -4');
  });
});
