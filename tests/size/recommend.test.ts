import { describe, expect, it } from 'vitest';
import { recommendSize } from '../../lib/size/recommend';
import { easeBand } from '../../lib/size/ease';
import type { SizeChart } from '../../lib/page/size-chart-types';

const bodyChart: SizeChart = {
  unit: 'cm', kind: 'body',
  sizes: [
    { label: 'S', measures: { chest: [86, 91], waist: [72, 77] } },
    { label: 'M', measures: { chest: [91, 97], waist: [77, 83] } },
    { label: 'L', measures: { chest: [97, 103], waist: [83, 89] } },
  ],
};

const garmentChart: SizeChart = {
  unit: 'cm', kind: 'garment',
  sizes: [
    { label: 'S', measures: { chest: 96, length: 68 } },
    { label: 'M', measures: { chest: 102, length: 70 } },
    { label: 'L', measures: { chest: 108, length: 72 } },
  ],
};

describe('recommendSize, body chart', () => {
  it('inside a range: that size, with distances for the others', () => {
    expect(recommendSize(bodyChart, { chest: 94, waist: 80 }, 'regular')).toEqual({
      size: 'M',
      fit: {
        S: { chest: { verdict: 'tight', diffCm: -3 }, waist: { verdict: 'tight', diffCm: -3 } },
        M: { chest: { verdict: 'regular', diffCm: 0 }, waist: { verdict: 'regular', diffCm: 0 } },
        L: { chest: { verdict: 'loose', diffCm: 3 }, waist: { verdict: 'loose', diffCm: 3 } },
      },
      reason: "M: your chest 94 cm is within M's 91–97 cm; your waist 80 cm is within M's 77–83 cm.",
    });
  });

  it('on the boundary between two sizes, the fit preference decides', () => {
    const body = { chest: 97 };
    expect(recommendSize(bodyChart, body, 'snug')?.size).toBe('M');
    expect(recommendSize(bodyChart, body, 'loose')).toMatchObject({
      size: 'L',
      reason: "L: your chest 97 cm is within L's 97–103 cm.",
    });
    expect(recommendSize(bodyChart, body, 'regular')?.reason).toBe("L: your chest 97 cm is within L's 97–103 cm. Between M and L, a regular fit prefers L.");
  });

  it('single-value body charts get a half-step tolerance', () => {
    const chart: SizeChart = { unit: 'cm', kind: 'body', sizes: [{ label: '36', measures: { hips: 92 } }, { label: '38', measures: { hips: 96 } }, { label: '40', measures: { hips: 100 } }] };
    expect(recommendSize(chart, { hips: 97 })).toEqual({
      size: '38',
      fit: { 36: { hips: { verdict: 'tight', diffCm: -5 } }, 38: { hips: { verdict: 'regular', diffCm: -1 } }, 40: { hips: { verdict: 'loose', diffCm: 3 } } },
      reason: '38: hips 96 cm is 1 cm below your 97 cm.',
    });
  });

  it('body ranges and confidences: the midpoint is used, low confidence counts less', () => {
    const r = recommendSize(bodyChart, { chest: [92, 96], waist: { value: 88, confidence: 0.1 } });
    expect(r?.size).toBe('M');
    expect(r?.fit.M).toEqual({ chest: { verdict: 'regular', diffCm: 0 }, waist: { verdict: 'tight', diffCm: -5 } });
  });
});

describe('recommendSize, garment chart', () => {
  it('compares ease with the target band of the chosen fit', () => {
    expect(recommendSize(garmentChart, { chest: 94 }, 'regular')).toEqual({
      size: 'M',
      fit: {
        S: { chest: { verdict: 'tight', diffCm: 2 } },
        M: { chest: { verdict: 'regular', diffCm: 8 } },
        L: { chest: { verdict: 'loose', diffCm: 14 } },
      },
      reason: 'M: chest 102 cm gives 8 cm of ease over your 94 cm (regular wants 8–12).',
    });
    expect(recommendSize(garmentChart, { chest: 94 }, 'snug')?.reason).toBe('M: chest 102 cm gives 8 cm of ease over your 94 cm (snug wants 4–8).');
    expect(recommendSize(garmentChart, { chest: 94 }, 'loose')?.size).toBe('L');
  });

  it('bottoms use trouser ease at the waist', () => {
    const jeans: SizeChart = { unit: 'cm', kind: 'garment', sizes: [{ label: '30', measures: { waist: 78, hips: 98 } }, { label: '32', measures: { waist: 83, hips: 103 } }] };
    expect(easeBand('waist', 'bottom', 'regular')).toEqual([1, 4]);
    expect(recommendSize(jeans, { waist: 76, hips: 94 })).toMatchObject({
      size: '30',
      reason: '30: waist 78 cm gives 2 cm of ease over your 76 cm (regular wants 1–4); hips 98 cm gives 4 cm of ease over your 94 cm (regular wants 4–8).',
    });
  });

  it('says when a garment is smaller than the body', () => {
    const r = recommendSize({ unit: 'cm', kind: 'garment', sizes: [{ label: 'S', measures: { chest: 90 } }, { label: 'M', measures: { chest: 96 } }] }, { chest: 110 });
    expect(r).toMatchObject({ size: 'M', reason: 'M: chest 96 cm is 14 cm smaller than your 110 cm.' });
    expect(r?.fit.M.chest).toEqual({ verdict: 'tight', diffCm: -14 });
  });
});

describe('recommendSize, no answer and bad input', () => {
  it('null when chart and body share no measure', () => {
    expect(recommendSize(garmentChart, { hips: 100, height: 175 })).toBeNull();
  });
  it('names the bad value', () => {
    expect(() => recommendSize(garmentChart, { chest: -3 })).toThrow('Expected body.chest in cm as a number or [min, max] between 0 and 400 but received -3');
    expect(() => recommendSize(garmentChart, { chest: 94 }, 'baggy' as never)).toThrow('Expected fit to be one of snug, regular, loose but received "baggy"');
    expect(() => recommendSize(garmentChart, { neck: 40 } as never)).toThrow('Expected body measures among chest, waist, hips, length, shoulder, sleeve, inseam, height but received neck');
    expect(() => recommendSize({ unit: 'cm', kind: 'body', sizes: [] }, { chest: 94 })).toThrow('Expected a size chart with at least one size');
  });
});
