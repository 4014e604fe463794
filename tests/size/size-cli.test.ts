import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { runSizeCli } from '../../scripts/size';
import { haveSamples, samplePath } from '../helpers/samples';

const root = resolve(import.meta.dirname, '..', '..');
const chart = (f: string) => resolve(root, 'tests/fixtures/pages/size-charts', f);

describe('size CLI', () => {
  it('--json prints the chart and the recommendation as one line', async () => {
    const r = await runSizeCli(['--page', chart('tabs-garment-and-body.html'), '--chest', '95', '--waist', '84', '--fit', 'regular', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toHaveLength(1);
    expect(JSON.parse(r.stdout[0])).toEqual({
      chart: { unit: 'cm', kind: 'body', sizes: [
        { label: 'S', measures: { chest: [88, 94], waist: [76, 82] } },
        { label: 'M', measures: { chest: [94, 100], waist: [82, 88] } },
        { label: 'L', measures: { chest: [100, 106], waist: [88, 94] } },
      ] },
      recommendation: {
        size: 'M',
        fit: {
          S: { chest: { verdict: 'tight', diffCm: -1 }, waist: { verdict: 'tight', diffCm: -2 } },
          M: { chest: { verdict: 'regular', diffCm: 0 }, waist: { verdict: 'regular', diffCm: 0 } },
          L: { chest: { verdict: 'loose', diffCm: 5 }, waist: { verdict: 'loose', diffCm: 4 } },
        },
        reason: "M: your chest 95 cm is within M's 94–100 cm; your waist 84 cm is within M's 82–88 cm.",
      },
    });
  });

  it('no chart, or no shared measure: nulls', async () => {
    expect((await runSizeCli(['--page', chart('no-chart.html'), '--chest', '94', '--json'])).stdout).toEqual(['{"chart":null,"recommendation":null}']);
    const r = await runSizeCli(['--page', chart('chinese-body-columns.html'), '--chest', '94', '--json']);
    expect(JSON.parse(r.stdout[0]).recommendation).toBeNull();
  });

  it('bad input exits 2 with one line on stderr', async () => {
    const cases: [string[], string][] = [
      [[], 'size: Expected --page FILE.html (a saved product page)'],
      [['--page', chart('missing.html')], `size: --page ${chart('missing.html')}: no such readable file`],
      [['--page', resolve(root, 'package.json')], `size: --page ${resolve(root, 'package.json')} is not an HTML page (expected markup such as <html> or <table>)`],
      [['--page', chart('no-chart.html'), '--chest', 'ninety'], 'size: Expected --chest in cm between 0 and 400 but received "ninety"'],
      [['--page', chart('no-chart.html'), '--fit', 'baggy'], 'size: Expected --fit to be one of snug, regular, loose but received "baggy"'],
      [['--page', chart('no-chart.html'), '--portrait', 'me.jpg'], "size: Expected --height CM with --portrait me.jpg: the photo's scale in centimetres comes from your height"],
    ];
    for (const [argv, message] of cases) {
      expect(await runSizeCli(argv)).toEqual({ code: 2, stdout: [], stderr: [message] });
    }
    const unknown = await runSizeCli(['--page', chart('no-chart.html'), '--neck', '40']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toHaveLength(1);
  });

  it('runs as `npm run size` with the JSON as the last stdout line, and exit 2 on bad input', () => {
    const out = execFileSync('npm', ['run', 'size', '--', '--page', chart('chinese-garment.html'), '--chest', '96', '--json'], { cwd: root, encoding: 'utf8' });
    const last = out.trim().split('\n').at(-1)!;
    expect(JSON.parse(last).recommendation.size).toBe('M(170/88A)');
    const bad = spawnSync('npm', ['run', '-s', 'size', '--', '--page', chart('missing.html')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(!haveSamples)('--portrait with --height measures the photo, and tape flags win', async () => {
    const r = await runSizeCli(['--page', chart('tabs-garment-and-body.html'), '--portrait', samplePath('persons/model_8.png'), '--height', '170', '--json']);
    expect(r.code, r.stderr.join('\n')).toBe(0);
    const out = JSON.parse(r.stdout[0]);
    expect(out.chart.kind).toBe('body');
    expect(out.body.heightCm).toBe(170);
    for (const m of ['shoulder', 'chest', 'waist', 'hips']) {
      expect(out.body.measures[m].source).toBe('photo');
      expect(out.body.measures[m].range[0]).toBeLessThan(out.body.measures[m].value);
    }
    expect(['S', 'M', 'L']).toContain(out.recommendation.size);
    expect(out.recommendation.reason).toContain(`your chest ${out.body.measures.chest.value} cm`);

    const taped = JSON.parse((await runSizeCli(['--page', chart('tabs-garment-and-body.html'), '--portrait', samplePath('persons/model_8.png'), '--height', '170', '--chest', '103', '--json'])).stdout[0]);
    expect(taped.body.measures.chest).toMatchObject({ value: 103, source: 'tape', confidence: 'high' });
    expect(taped.recommendation.reason).toContain('your chest 103 cm');

    const noPerson = await runSizeCli(['--page', chart('no-chart.html'), '--portrait', samplePath('garments/00055_00.jpg'), '--height', '170']);
    expect(noPerson.code).toBe(2);
    expect(noPerson.stderr).toHaveLength(1);
  });
});
