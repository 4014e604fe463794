/**
 * Size advice from a saved product page:
 *
 *   npm run size -- --page FILE.html [--height CM] [--chest CM] [--waist CM] [--hips CM]
 *                   [--shoulder CM] [--sleeve CM] [--inseam CM] [--fit snug|regular|loose] [--portrait FILE] [--json]
 *
 * With --json the only stdout line is `{"chart": {...} | null, "recommendation": {...} | null}`,
 * plus `"body": {...}` (the measures with ranges and confidences) when --portrait is given.
 * --portrait needs --height (the photo's scale comes from it); tape flags (--chest …) win over the photo.
 * Bad input (missing file, not HTML, bad numbers, a photo without a person) exits 2 with one line on stderr.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { readSizeChart } from '../lib/page/size-chart';
import { recommendSize, type BodyMeasures, type Fit, type SizeRecommendation } from '../lib/size/recommend';
import { measurePortraitFile } from '../lib/node/portrait-measurer';
import { toBodyMeasures, type PortraitMeasures } from '../lib/size/portrait-measures';
import { isFitroomError } from '../lib/engine/errors';
import type { SizeChart } from '../lib/page/size-chart-types';

export interface SizeCliResult {
  code: number;
  stdout: string[];
  stderr: string[];
}

class UsageError extends Error {}

const BODY_FLAGS = ['height', 'chest', 'waist', 'hips', 'shoulder', 'sleeve', 'inseam'] as const;
const FITS = ['snug', 'regular', 'loose'];

function readPage(file: string): Document {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new UsageError(`--page ${file} is not a file`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--page ${file}: no such readable file`);
  }
  const head = bytes.subarray(0, 8192);
  const text = bytes.toString('utf8');
  if (head.includes(0) || !/<(!doctype|html|head|body|main|div|table|section|p|span)[\s>/]/i.test(text)) {
    throw new UsageError(`--page ${file} is not an HTML page (expected markup such as <html> or <table>)`);
  }
  const full = /<html[\s>]/i.test(text) ? text : `<!doctype html><html><head></head><body>${text}</body></html>`;
  return parseHTML(full).document as unknown as Document;
}

function positiveCm(name: string, raw: string): number {
  const n = Number(raw);
  if (!raw.trim() || !Number.isFinite(n) || n <= 0 || n >= 400) throw new UsageError(`Expected --${name} in cm between 0 and 400 but received ${JSON.stringify(raw)}`);
  return n;
}

function bodyLines(m: PortraitMeasures | null): string[] {
  if (!m) return [];
  const lines = [`Your measures (height ${m.heightCm} cm; photo scale ±${Math.round(m.scale.relError * 100)} % from ${m.scale.basis}):`];
  for (const [name, e] of Object.entries(m.measures)) lines.push(`  ${name}: ${e.value} cm (${e.range[0]}–${e.range[1]}, ${e.confidence} confidence; ${e.basis})`);
  return [...lines, ...m.notes.map((n) => `  ${n}`)];
}

function human(chart: SizeChart | null, rec: SizeRecommendation | null, measured: PortraitMeasures | null): string[] {
  if (!chart) return [...bodyLines(measured), 'No size chart found on this page.'];
  const lines = [...bodyLines(measured), `Size chart (${chart.kind} measurements, cm):`];
  for (const s of chart.sizes) {
    const parts = Object.entries(s.measures).map(([m, v]) => `${m} ${Array.isArray(v) ? `${v[0]}–${v[1]}` : v}`);
    lines.push(`  ${s.label}: ${parts.join(', ')}`);
  }
  lines.push(rec ? `Recommended: ${rec.size}. ${rec.reason}` : 'No recommendation: give measurements the chart also has (e.g. --chest 94).');
  return lines;
}

/**
 * Run the size CLI on `argv` (without node and script), returning its exit code and output lines.
 *
 * @example
 * await runSizeCli(['--page', 'tests/fixtures/pages/size-charts/rows-cm-body-details.html', '--chest', '94', '--json'])
 * // → { code: 0, stdout: ['{"chart":{…},"recommendation":{"size":"M",…}}'], stderr: [] }
 */
export async function runSizeCli(argv: string[]): Promise<SizeCliResult> {
  try {
    let args;
    try {
      args = parseArgs({
        args: argv,
        options: {
          page: { type: 'string' },
          fit: { type: 'string', default: 'regular' },
          portrait: { type: 'string' },
          json: { type: 'boolean', default: false },
          ...Object.fromEntries(BODY_FLAGS.map((f) => [f, { type: 'string' as const }])),
        },
        strict: true,
        allowPositionals: false,
      });
    } catch (e) {
      throw new UsageError((e as Error).message.split('\n')[0]);
    }
    const v = args.values as Record<string, string | boolean | undefined>;
    if (typeof v.page !== 'string') throw new UsageError('Expected --page FILE.html (a saved product page)');
    const fit = v.fit as string;
    if (!FITS.includes(fit)) throw new UsageError(`Expected --fit to be one of snug, regular, loose but received ${JSON.stringify(fit)}`);
    const flags: BodyMeasures = {};
    for (const f of BODY_FLAGS) if (typeof v[f] === 'string') flags[f] = positiveCm(f, v[f] as string);
    const doc = readPage(v.page);
    let measured: PortraitMeasures | null = null;
    if (typeof v.portrait === 'string') {
      if (typeof flags.height !== 'number') throw new UsageError(`Expected --height CM with --portrait ${v.portrait}: the photo's scale in centimetres comes from your height`);
      const tape = Object.fromEntries((['shoulder', 'chest', 'waist', 'hips'] as const).filter((m) => typeof flags[m] === 'number').map((m) => [m, flags[m]]));
      measured = await measurePortraitFile(v.portrait, flags.height, tape);
    }
    // Tape flags win over the photo's estimates.
    const body: BodyMeasures = { ...(measured ? toBodyMeasures(measured) : {}), ...flags };
    const chart = readSizeChart(doc);
    const rec = chart ? recommendSize(chart, body, fit as Fit) : null;
    const out = measured ? { chart, recommendation: rec, body: measured } : { chart, recommendation: rec };
    const stdout = v.json ? [JSON.stringify(out)] : human(chart, rec, measured);
    return { code: 0, stdout, stderr: [] };
  } catch (e) {
    if (e instanceof UsageError || isFitroomError(e)) return { code: 2, stdout: [], stderr: [`size: ${(e as Error).message}`] };
    return { code: 1, stdout: [], stderr: [`size: internal error: ${(e as Error)?.stack ?? String(e)}`] };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runSizeCli(process.argv.slice(2));
  for (const line of result.stdout) process.stdout.write(line + '\n');
  for (const line of result.stderr) process.stderr.write(line + '\n');
  process.exitCode = result.code;
}
