/**
 * The shopper's usual size in the size advice, on charts read from the fixture store
 * pages (tests/fixtures/pages/size-charts/): a tie-break between two neighbouring sizes,
 * a cross-check said in the reason otherwise, and the best guess when nothing on the
 * chart can be compared with the shopper's measurements.
 */
import { describe, expect, it } from 'vitest';
import { readSizeChart } from '../../lib/page/size-chart';
import type { SizeChart } from '../../lib/page/size-chart-types';
import { checkProfile, type ShopperProfile } from '../../lib/size/profile';
import { recommendSize } from '../../lib/size/recommend';
import { buildSizeAdvice } from '../../lib/size/size-advice';
import { matchUsualSize, normaliseSizeLabel } from '../../lib/size/usual-size';
import { loadPage } from '../helpers/fixture-page';

function chart(file: string): SizeChart {
  const c = readSizeChart(loadPage(`size-charts/${file}`));
  if (!c) throw new Error(`Expected a size chart in ${file}`);
  return c;
}
// Body chart, rows: chest XS 82–86, S 86–91, M 91–97, L 97–103, XL 103–109, XXL 109–116 cm.
const ROWS_BODY = 'rows-cm-body-details.html';
// Chinese garment chart: S(165/84A) … 2XL(185/100A), chest 104–120 cm.
const CHINESE = 'chinese-garment.html';
// Numeric EU sizes 34–40.
const EU = 'numeric-eu-ranges.html';

describe('the usual size among a chart\'s labels', () => {
  it('matches the store\'s spelling of it', () => {
    const chinese = chart(CHINESE).sizes.map((s) => s.label);
    expect(matchUsualSize(chinese, 'm')).toBe('M(170/88A)');
    expect(matchUsualSize(chinese, 'XXL')).toBe('2XL(185/100A)');
    expect(matchUsualSize(chart(ROWS_BODY).sizes.map((s) => s.label), 'x-large')).toBe('XL');
    expect(matchUsualSize(chart(EU).sizes.map((s) => s.label), 'EU 38')).toBe('38');
    expect(matchUsualSize(chart(EU).sizes.map((s) => s.label), 'M')).toBeUndefined();
    expect(matchUsualSize(chinese, '  ')).toBeUndefined();
    expect(normaliseSizeLabel('3XL')).toBe('XXXL');
    expect(normaliseSizeLabel('Medium')).toBe('M');
  });
});

describe('recommendSize with the usual size', () => {
  // 97 cm is the boundary of M (91–97) and L (97–103): both fit about equally.
  const between = { chest: 97 };

  it('breaks a tie between two neighbouring sizes, before the fit preference', () => {
    const c = chart(ROWS_BODY);
    expect(recommendSize(c, between, 'regular')?.size).toBe('L');
    expect(recommendSize(c, between, 'regular', 'M')).toMatchObject({
      size: 'M',
      reason: "M: your chest 97 cm is within M's 91–97 cm. Between M and L, M is the size you usually wear.",
    });
    expect(recommendSize(c, between, 'regular', 'L')).toMatchObject({ size: 'L', reason: expect.stringContaining('Between M and L, L is the size you usually wear.') });
    // A usual size that is neither of the two leaves the choice to the fit preference, and says so.
    expect(recommendSize(c, between, 'regular', 'XS')).toMatchObject({
      size: 'L',
      reason: "L: your chest 97 cm is within L's 97–103 cm. Between M and L, a regular fit prefers L. You usually wear XS; for your chest this chart gives L.",
    });
    // A snug fit wants the chest near the top of a size's range: M fits clearly better, whatever the usual size.
    expect(recommendSize(c, between, 'snug', 'L')).toMatchObject({ size: 'M', reason: expect.stringContaining('You usually wear L; for your chest this chart gives M.') });
  });

  it('does not overrule the chart when one size fits clearly better: says how the two compare', () => {
    const c = chart(ROWS_BODY);
    const body = { chest: 100, waist: 86 };
    expect(recommendSize(c, body, 'regular', 'M')).toMatchObject({
      size: 'L',
      reason: "L: your chest 100 cm is within L's 97–103 cm; your waist 86 cm is within L's 83–89 cm. You usually wear M; for your chest and waist this chart gives L.",
    });
    expect(recommendSize(c, body, 'regular', 'l')?.reason).toMatch(/ L is also the size you usually wear\.$/);
    expect(recommendSize(c, body, 'regular', '38')?.reason).toMatch(/ Your usual size 38 is not one of this chart's sizes\.$/);
    expect(recommendSize(c, body, 'regular')?.reason).not.toMatch(/usual/);
  });

  it('on a Chinese garment chart, by the store\'s own label', () => {
    const c = chart(CHINESE);
    const rec = recommendSize(c, { chest: 96 }, 'regular', 'xl');
    expect(rec?.size).toBe('M(170/88A)');
    expect(rec?.reason).toMatch(/ You usually wear xl; for your chest this chart gives M\(170\/88A\)\.$/);
  });
});

describe('buildSizeAdvice with the profile\'s usual size', () => {
  const profile = (p: Partial<ShopperProfile>): ShopperProfile => checkProfile({ heightCm: 170, fit: 'regular', tape: {}, unit: 'cm', ...p });

  it('passes it to the recommendation', () => {
    const a = buildSizeAdvice(chart(ROWS_BODY), profile({ tape: { chest: 97 }, usualSize: 'M' }), null);
    expect(a).toMatchObject({ status: 'advice', recommended: 'M', reason: expect.stringContaining('M is the size you usually wear') });
  });

  it('with nothing on the chart to compare, shows the usual size, saying why', () => {
    // A trousers chart (waist, hips, inseam) and only a chest measurement.
    const c = chart('chinese-body-columns.html');
    const a = buildSizeAdvice(c, profile({ tape: { chest: 92 }, usualSize: 'L' }), null);
    expect(a).toMatchObject({
      status: 'advice',
      recommended: 'L',
      reason: 'This chart gives waist, hips, inseam, which cannot be compared with your measurements yet: L is the size you usually wear.',
    });
    const none = buildSizeAdvice(c, profile({ tape: { chest: 92 }, usualSize: 'XXS' }), null);
    expect(none.status === 'advice' && none.recommended).toBeUndefined();
  });
});

describe('the profile', () => {
  it('keeps no weight: one stored by an earlier version is dropped when checked', () => {
    const stored = { heightCm: 170, weightKg: 60, fit: 'regular', tape: {}, unit: 'cm', usualSize: 'M' } as ShopperProfile;
    expect(checkProfile(stored)).toEqual({ heightCm: 170, fit: 'regular', tape: {}, unit: 'cm', usualSize: 'M' });
  });
});
