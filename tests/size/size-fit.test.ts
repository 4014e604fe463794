import { describe, expect, it } from 'vitest';
import { DEFAULT_EASE, fitForSize, fitsForChart } from '../../lib/size/size-fit';
import type { SizeChart } from '../../lib/page/size-chart-types';

const garment: SizeChart = {
  unit: 'cm', kind: 'garment',
  sizes: [
    { label: 'S', measures: { chest: 96, length: 68 } },
    { label: 'M', measures: { chest: 102, length: 70 } },
    { label: 'L', measures: { chest: 108, length: 72 } },
  ],
};
const body: SizeChart = {
  unit: 'cm', kind: 'body',
  sizes: [
    { label: 'S', measures: { chest: [86, 91] } },
    { label: 'M', measures: { chest: [91, 97] } },
    { label: 'L', measures: { chest: [97, 103] } },
  ],
};

describe('fitForSize', () => {
  it('garment chart: ease is the garment chest over yours, length relative to the middle size', () => {
    expect(fitForSize(garment, 'M', { chest: 94 })).toEqual({ ease: 0.085, lengthScale: 1 });
    expect(fitForSize(garment, 'L', { chest: 94 })).toEqual({ ease: 0.149, lengthScale: 1.029 });
    expect(fitForSize(garment, 'S', { chest: 94 })).toEqual({ ease: 0.021, lengthScale: 0.971 });
  });

  it('body chart: the regular ease (10 cm at the chest) shifted by how far the size is from you', () => {
    // M's middle is 94 = you: 10 cm of ease over 94 cm.
    expect(fitForSize(body, 'M', { chest: 94 }).ease).toBeCloseTo(10 / 94, 3);
    expect(fitForSize(body, 'S', { chest: 94 }).ease).toBeCloseTo((10 + 88.5 - 94) / 94, 3);
    expect(fitForSize(body, 'L', { chest: 94 }).lengthScale).toBe(1);
  });

  it('a bigger size is always drawn wider and, with lengths, longer', () => {
    for (const chart of [garment, body]) {
      for (const you of [{ chest: 88 }, { chest: 100 }, {}]) {
        const fits = fitsForChart(chart, you).map((f) => f.fit);
        for (let i = 1; i < fits.length; i++) {
          expect(fits[i].ease).toBeGreaterThan(fits[i - 1].ease);
          expect(fits[i].lengthScale).toBeGreaterThanOrEqual(fits[i - 1].lengthScale);
        }
      }
    }
  });

  it('without your measurements, the middle size stands in for you', () => {
    expect(fitForSize(garment, 'M').ease).toBeCloseTo(102 / 92 - 1, 3);
    expect(fitForSize(body, 'M').ease).toBeCloseTo(10 / 94, 3);
  });

  it('bottoms use the hips; charts without girths keep the default ease', () => {
    const trousers: SizeChart = { unit: 'cm', kind: 'body', sizes: [{ label: '30', measures: { waist: [74, 78], hips: [92, 96] } }, { label: '32', measures: { waist: [79, 83], hips: [97, 101] } }] };
    expect(fitForSize(trousers, '32', { hips: 94 }).ease).toBeCloseTo((6 + 99 - 94) / 94, 3);
    const lengths: SizeChart = { unit: 'cm', kind: 'garment', sizes: [{ label: 'S', measures: { sleeve: 60 } }, { label: 'M', measures: { sleeve: 62 } }] };
    expect(fitForSize(lengths, 'M')).toEqual({ ease: DEFAULT_EASE, lengthScale: 1 });
  });

  it('clamps to the engine ranges', () => {
    const tent: SizeChart = { unit: 'cm', kind: 'garment', sizes: [{ label: 'XS', measures: { chest: 60, length: 20 } }, { label: 'M', measures: { chest: 100, length: 50 } }, { label: 'XXXL', measures: { chest: 300, length: 120 } }] };
    expect(fitForSize(tent, 'XS', { chest: 100 })).toEqual({ ease: -0.1, lengthScale: 0.5 });
    expect(fitForSize(tent, 'XXXL', { chest: 100 }).ease).toBe(1);
  });

  it('names an unknown size and the sizes it expected', () => {
    expect(() => fitForSize(garment, 'XL')).toThrow('Expected a size of the chart (S, M, L) for label but received "XL"');
  });
});
