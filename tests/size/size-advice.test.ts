import { describe, expect, it } from 'vitest';
import { buildSizeAdvice } from '../../lib/size/size-advice';
import { checkProfile, lengthFromInput, lengthToInput } from '../../lib/size/profile';
import type { SizeChart } from '../../lib/page/size-chart-types';
import type { PortraitMeasures } from '../../lib/size/portrait-measures';

const chart: SizeChart = {
  unit: 'cm', kind: 'body',
  sizes: [
    { label: 'S', measures: { chest: [80, 86] } },
    { label: 'M', measures: { chest: [86, 92] } },
    { label: 'L', measures: { chest: [92, 98] } },
  ],
};
const photo = (chest: number): PortraitMeasures => ({
  heightCm: 170,
  scale: { cmPerPx: 0.2, relError: 0.05, basis: 'shoulders to hips', fullBody: false },
  measures: { chest: { value: chest, range: [chest - 8, chest + 6], confidence: 'medium', basis: 'photo', source: 'photo' } },
  notes: [],
});

describe('buildSizeAdvice', () => {
  it('no chart: says so, offers nothing', () => {
    expect(buildSizeAdvice(null, { heightCm: 170, fit: 'regular', tape: {}, unit: 'cm' }, photo(90))).toEqual({ status: 'no-chart' });
  });

  it('no height: the sizes, and a request for the height', () => {
    const a = buildSizeAdvice(chart, null, null);
    expect(a.status).toBe('no-height');
    expect(a.status === 'no-height' && a.sizes.map((s) => s.label)).toEqual(['S', 'M', 'L']);
  });

  it('from the photo: the recommended size, its reason, where the numbers come from', () => {
    const a = buildSizeAdvice(chart, { heightCm: 170, fit: 'regular', tape: {}, unit: 'cm' }, photo(89));
    expect(a).toMatchObject({ status: 'advice', recommended: 'M', reason: "M: your chest 89 cm is within M's 86–92 cm." });
    expect(a.status === 'advice' && a.measuresNote).toContain('your photo and height (chest ≈ 89 cm (81–95)');
  });

  it('tape measurements win over the photo', () => {
    const a = buildSizeAdvice(chart, { heightCm: 170, fit: 'regular', tape: { chest: 95 }, unit: 'cm' }, photo(84));
    expect(a).toMatchObject({ status: 'advice', recommended: 'L' });
  });

  it('a chart with nothing to compare: sizes to try, and why there is no recommendation', () => {
    const lengths: SizeChart = { unit: 'cm', kind: 'garment', sizes: [{ label: 'S', measures: { sleeve: 60 } }, { label: 'M', measures: { sleeve: 62 } }] };
    const a = buildSizeAdvice(lengths, { heightCm: 170, fit: 'regular', tape: {}, unit: 'cm' }, photo(90));
    expect(a.status === 'advice' && a.recommended).toBeUndefined();
    expect(a.status === 'advice' && a.reason).toBe('This chart gives sleeve; none of them can be compared with your measurements yet.');
  });
});

describe('the profile', () => {
  it('converts inches and checks ranges, naming the bad value', () => {
    expect(lengthFromInput('37.5', 'in')).toBeCloseTo(95.25, 6);
    expect(lengthToInput(95.25, 'in')).toBe('37.5');
    expect(lengthFromInput(' ', 'cm')).toBeUndefined();
    expect(checkProfile({ heightCm: 170.04, fit: 'snug', tape: { chest: 92 }, unit: 'cm', usualSize: ' M ' })).toEqual({ heightCm: 170, fit: 'snug', tape: { chest: 92 }, unit: 'cm', usualSize: 'M' });
    expect(() => checkProfile({ heightCm: 17, fit: 'regular', tape: {}, unit: 'cm' })).toThrow('Expected height between 100 and 230 cm but received 17');
    expect(() => checkProfile({ heightCm: Number.NaN, fit: 'regular', tape: {}, unit: 'cm' })).toThrow('received NaN');
    expect(() => checkProfile({ fit: 'baggy' as never, tape: {}, unit: 'cm' })).toThrow('Expected fit to be one of snug, regular, loose but received "baggy"');
  });
});
