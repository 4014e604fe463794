/**
 * `npm run tryon` on good and bad input: bad input exits with code 2, says
 * what was wrong in one stderr line, and writes no output file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveSamples, samplePath } from '../helpers/samples';

const root = resolve(import.meta.dirname, '..', '..');
const tsx = resolve(root, 'node_modules', '.bin', 'tsx');

function tryon(args: string[]) {
  const r = spawnSync(tsx, ['scripts/tryon.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!haveSamples)('tryon CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fitroom-cli-'));
  const files: Record<string, string> = {};
  beforeAll(async () => {
    files.empty = join(dir, 'empty.jpg');
    writeFileSync(files.empty, '');
    files.text = join(dir, 'notes.jpg');
    writeFileSync(files.text, 'this is a text file pretending to be a photo\n'.repeat(10));
    const portrait = readFileSync(samplePath('persons/01008_00.jpg'));
    files.truncated = join(dir, 'truncated.jpg');
    writeFileSync(files.truncated, portrait.subarray(0, portrait.length >> 1));
    // a JPEG whose header declares 9000 x 6000 pixels (54 MP)
    const small = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).jpeg().toBuffer());
    for (let i = 2; i < small.length - 9; i++) if (small[i] === 0xff && small[i + 1] === 0xc0) { small[i + 5] = 6000 >> 8; small[i + 6] = 6000 & 255; small[i + 7] = 9000 >> 8; small[i + 8] = 9000 & 255; break; }
    files.huge = join(dir, 'huge.jpg');
    writeFileSync(files.huge, small);
    files.blank = join(dir, 'blank.png');
    await sharp({ create: { width: 768, height: 1024, channels: 3, background: '#f5f5f5' } }).png().toFile(files.blank);
  });

  const bad: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['--portrait', join(dir, 'nope.jpg'), '--garment', samplePath('garments/00055_00.jpg')], /Cannot read .*nope\.jpg: ENOENT/],
    ['an empty file', () => ['--portrait', files.empty, '--garment', samplePath('garments/00055_00.jpg')], /Expected an image file but received 0 bytes/],
    ['a file that is not an image', () => ['--portrait', samplePath('persons/01008_00.jpg'), '--garment', files.text], /not one/],
    ['a truncated image', () => ['--portrait', files.truncated, '--garment', samplePath('garments/00055_00.jpg')], /could not be decoded/],
    ['an image declaring over 50 megapixels', () => ['--portrait', files.huge, '--garment', samplePath('garments/00055_00.jpg')], /9000x6000 \(54\.0 megapixels\)/],
    ['a portrait without a person', () => ['--portrait', samplePath('garments/00055_00.jpg'), '--garment', samplePath('garments/00126_00.jpg')], /No person was found/],
    ['a garment photo without a garment', () => ['--portrait', samplePath('persons/01008_00.jpg'), '--garment', files.blank], /No garment was found/],
    ['an unknown category', () => ['--portrait', samplePath('persons/01008_00.jpg'), '--garment', samplePath('garments/051412_1.jpg'), '--category', 'hat'], /Expected --category upper, lower or dress but received "hat"/],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what}: exit 2, one stderr line, no output`, () => {
      const out = join(dir, `out-${what.replace(/\W+/g, '-')}.png`);
      const r = tryon([...args(), '--out', out]);
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('writes the try-on and describes it in JSON', async () => {
    const out = join(dir, 'ok.png');
    const r = tryon(['--portrait', samplePath('persons/model_7.png'), '--garment', samplePath('garments/00055_00.jpg'), '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const last = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(last).toMatchObject({ width: 768, height: 1024, garment: { category: 'upper' } });
    expect(Object.keys(last.garment.landmarks)).toEqual(expect.arrayContaining(['neck_back', 'left_shoulder', 'right_armpit', 'left_sleeve_end', 'left_hem']));
    expect(Object.keys(last.timingsMs)).toEqual(expect.arrayContaining(['portrait', 'garment', 'render', 'total']));
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 768, 1024]);
  });

  it('dresses trousers and a dress, the category read from the garment or given with --category', () => {
    for (const [garment, extra, category, landmark] of [
      ['garments/051412_1.jpg', [], 'lower', 'crotch'],
      ['garments/053744_1.jpg', ['--category', 'dress'], 'dress', 'left_waist'],
    ] as const) {
      const out = join(dir, `ok-${category}.png`);
      const r = tryon(['--portrait', samplePath('persons/model_8.png'), '--garment', samplePath(garment), '--out', out, '--json', ...extra]);
      expect(r.code, r.stderr).toBe(0);
      const last = JSON.parse(r.stdout.trim().split('\n').pop()!);
      expect(last).toMatchObject({ width: 768, height: 1024, garment: { category } });
      expect(Object.keys(last.garment.landmarks)).toContain(landmark);
      expect(existsSync(out)).toBe(true);
    }
  });
});
