/**
 * Measure every converted model and precision: file size, session load time,
 * median inference time (onnxruntime-web WASM in Node, 2 threads), agreement
 * with the fp32 conversion and with the original TF.js model on real photos,
 * and the TF.js CPU-backend time for context. Writes the table into
 * assets/models/README.md between the `measurements` markers and prints it.
 *
 * Needs the sample photos (FITROOM_SAMPLES, default ../shared/data).
 *
 * @example
 *   npm run models && npx tsx scripts/models/measure-models.ts
 *   npx tsx scripts/models/measure-models.ts --photos 28 --runs 20 --rounds 5 --only blazepose-full
 *   npx tsx scripts/models/measure-models.ts --no-write   # print only
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import { configureWasm, createSession, releaseSession, runNhwc, type ModelSession } from '../../lib/engine/perception/runtime';
import { MODELS, modelsOutDir, onnxPath, type ModelSpec } from './catalog';
import type { Precision } from './precision';
import { letterboxRgb } from './sample-input';
import { loadReference, runReference } from './tfjs-reference';

const THREADS = 2;
const WARMUP = 5;
const readmePath = resolve(modelsOutDir, 'README.md');
const START = '<!-- measurements:start -->';
const END = '<!-- measurements:end -->';

interface Options {
  photos: number;
  runs: number;
  rounds: number;
  only?: string[];
  write: boolean;
}

interface VariantResult {
  precision: Precision;
  bytes: number;
  loadMs: number;
  medianMs: number;
  /** output → max |Δ| against the fp32 conversion over the photos */
  vsFp32: Record<string, number>;
  /** output → max |Δ| against TF.js over the photos */
  vsTfjs: Record<string, number>;
  /** What the differences from fp32 mean for a caller (landmark pixels, mask pixels, detection). */
  effect: string;
}

interface ModelResult {
  spec: ModelSpec;
  tfjsMs: number;
  variants: VariantResult[];
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > m || Number.isNaN(d)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}

/**
 * The differences from fp32 in a caller's terms, worst over the photos:
 * landmark x/y error in input pixels, share of mask pixels that change side of 0.5,
 * whether the detector's best anchor stays the same.
 */
function effectVsFp32(spec: ModelSpec, outs: Record<string, Float32Array>[], base: Record<string, Float32Array>[]): string {
  const parts: string[] = [];
  const names = spec.outputs.map((o) => o.name);
  if (names.includes('ld_3d')) {
    let px = 0;
    outs.forEach((o, k) => {
      for (let p = 0; p < 39; p++) px = Math.max(px, Math.hypot(o.ld_3d[p * 5] - base[k].ld_3d[p * 5], o.ld_3d[p * 5 + 1] - base[k].ld_3d[p * 5 + 1]));
    });
    parts.push(`landmarks x/y ≤ ${px.toFixed(2)} px`);
  }
  for (const mask of ['activation_segmentation', 'segmentation']) {
    if (!names.includes(mask)) continue;
    let flipped = 0;
    outs.forEach((o, k) => {
      let n = 0;
      for (let i = 0; i < o[mask].length; i++) if (o[mask][i] > 0.5 !== base[k][mask][i] > 0.5) n++;
      flipped = Math.max(flipped, n / o[mask].length);
    });
    parts.push(`mask pixels flipped ≤ ${(flipped * 100).toFixed(2)} %`);
  }
  if (names.includes('person')) {
    const best = (d: Float32Array) => {
      let b = 0;
      for (let i = 1; i < d.length / 13; i++) if (d[i * 13] > d[b * 13]) b = i;
      return b;
    };
    const same = outs.filter((o, k) => best(o.person) === best(base[k].person)).length;
    parts.push(`best anchor same on ${same}/${outs.length}`);
  }
  return parts.join('<br>');
}

function samplePhotos(count: number): string[] {
  const dir = resolve(process.env.FITROOM_SAMPLES ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data'));
  const manifest = resolve(dir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`Sample photos not found at ${dir}: set FITROOM_SAMPLES to the folder holding manifest.json`);
  const persons = (JSON.parse(readFileSync(manifest, 'utf8')) as { persons: { file: string }[] }).persons;
  // spread the picks over the list (it mixes "thighs up" and "full body" framings)
  const step = Math.max(1, Math.floor(persons.length / count));
  return persons
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((p) => resolve(dir, p.file));
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function measureModel(spec: ModelSpec, photos: string[], opts: Options): Promise<ModelResult> {
  const s = spec.inputSize;
  const inputs = await Promise.all(photos.map((p) => letterboxRgb(p, s)));
  const shape: [number, number, number, number] = [1, s, s, 3];

  const ref = await loadReference(spec);
  const refOut: Record<string, Float32Array>[] = [];
  const tfTimes: number[] = [];
  await runReference(ref, inputs[0]); // warm-up
  for (const input of inputs) {
    let out: Record<string, Float32Array> = {};
    tfTimes.push(await timeIt(async () => (out = await runReference(ref, input))));
    refOut.push(out);
  }
  ref.model.dispose();

  // Load every variant (median of 3 loads each), then time them round-robin, so that
  // whatever else the machine is doing weighs on all variants alike.
  const sessions: { precision: Precision; bytes: number; loadMs: number; model: ModelSession; times: number[] }[] = [];
  for (const precision of spec.precisions) {
    const file = onnxPath(spec, precision);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run models first`);
    const bytes = readFileSync(file);
    const loads: number[] = [];
    let session: ModelSession | undefined;
    for (let i = 0; i < 3; i++) {
      if (session) await releaseSession(session);
      loads.push(await timeIt(async () => (session = await createSession(bytes))));
    }
    const model = session as ModelSession;
    for (let i = 0; i < WARMUP; i++) await runNhwc(model, inputs[0], shape); // warm-up: the first runs grow WASM memory and are slow
    sessions.push({ precision, bytes: bytes.byteLength, loadMs: median(loads), model, times: [] });
  }
  // Several rounds of `runs`; a round's median is kept per variant and the lowest is reported:
  // on a shared machine, bursts of other work inflate whole rounds, never deflate them.
  const roundMedians = sessions.map(() => [] as number[]);
  for (let r = 0; r < opts.rounds; r++) {
    const times = sessions.map(() => [] as number[]);
    for (let i = 0; i < opts.runs; i++) {
      for (let k = 0; k < sessions.length; k++) times[k].push(await timeIt(() => runNhwc(sessions[k].model, inputs[i % inputs.length], shape)));
    }
    times.forEach((t, k) => roundMedians[k].push(median(t)));
  }
  sessions.forEach((s, k) => (s.times = roundMedians[k]));

  const variants: VariantResult[] = [];
  let fp32Out: Record<string, Float32Array>[] | undefined;
  for (const s of sessions) {
    const outs: Record<string, Float32Array>[] = [];
    for (const input of inputs) {
      const o = await runNhwc(s.model, input, shape);
      outs.push(Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.data])));
    }
    await releaseSession(s.model);
    if (s.precision === 'fp32') fp32Out = outs;
    const vsFp32: Record<string, number> = {};
    const vsTfjs: Record<string, number> = {};
    for (const { name } of spec.outputs) {
      vsTfjs[name] = Math.max(...outs.map((o, i) => maxAbsDiff(o[name], refOut[i][name])));
      if (fp32Out) vsFp32[name] = Math.max(...outs.map((o, i) => maxAbsDiff(o[name], (fp32Out as Record<string, Float32Array>[])[i][name])));
    }
    const effect = s.precision === 'fp32' || !fp32Out ? '—' : effectVsFp32(spec, outs, fp32Out);
    variants.push({ precision: s.precision, bytes: s.bytes, loadMs: s.loadMs, medianMs: Math.min(...s.times), vsFp32, vsTfjs, effect });
    console.error(`  ${spec.name}.${s.precision}: ${(s.bytes / 1e6).toFixed(2)} MB, load ${s.loadMs.toFixed(0)} ms, run ${Math.min(...s.times).toFixed(1)} ms (round medians ${s.times.map((t) => t.toFixed(0)).join(', ')})`);
  }
  return { spec, tfjsMs: median(tfTimes), variants };
}

const fmtDiff = (d: number) => (d === 0 ? '0' : d.toExponential(1));
const fmtMB = (b: number) => `${(b / 1e6).toFixed(2)} MB`;

function table(results: ModelResult[], opts: Options, photos: number): string {
  const lines: string[] = [];
  lines.push(
    `Measured by \`npx tsx scripts/models/measure-models.ts --photos ${photos} --runs ${opts.runs} --rounds ${opts.rounds}\` on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ` +
      `Node ${process.versions.node}, onnxruntime-web ${ort.env.versions.web} (WASM, ${THREADS} threads), @tensorflow/tfjs CPU backend. ` +
      `Inference: median of ${opts.runs} runs after ${WARMUP} warm-up runs, variants of a model timed round-robin, lowest of ${opts.rounds} such rounds (this machine is shared: other work inflates whole rounds), input tensor ready (no decoding). Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')}. Load: median of 3 \`createSession\` calls from bytes in memory. ` +
      `Max |Δ|: largest absolute difference of any element, over ${photos} letterboxed person photos, per output in its natural scale.`,
  );
  lines.push('');
  lines.push('| model | variant | file | load | inference (median) | tfjs CPU (median) | max \\|Δ\\| vs fp32 ONNX | what that means | max \\|Δ\\| vs TF.js |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |');
  for (const r of results) {
    for (const v of r.variants) {
      const outs = r.spec.outputs.map((o) => o.name);
      const short = (n: string) => n.replace('activation_', '').replace('output_', '');
      const vsFp32 = v.precision === 'fp32' ? '—' : outs.map((n) => `${short(n)} ${fmtDiff(v.vsFp32[n])}`).join('<br>');
      const vsTfjs = outs.map((n) => `${short(n)} ${fmtDiff(v.vsTfjs[n])}`).join('<br>');
      lines.push(
        `| ${r.spec.name} | ${v.precision} | ${fmtMB(v.bytes)} | ${v.loadMs.toFixed(0)} ms | ${v.medianMs.toFixed(1)} ms | ${v.precision === r.variants[0].precision ? `${r.tfjsMs.toFixed(0)} ms` : ''} | ${vsFp32} | ${v.effect} | ${vsTfjs} |`,
      );
    }
  }
  return lines.join('\n');
}

function parseArgs(argv: string[]): Options {
  const o: Options = { photos: 5, runs: 10, rounds: 5, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name: string, min: number) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < min) throw new Error(`Expected an integer ≥ ${min} for ${name} but received ${argv[i]}`);
      return v;
    };
    if (a === '--photos') o.photos = num('--photos', 1);
    else if (a === '--runs') o.runs = num('--runs', 10);
    else if (a === '--rounds') o.rounds = num('--rounds', 1);
    else if (a === '--only') o.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a === '--no-write') o.write = false;
    else throw new Error(`Unknown argument '${a}': expected --photos N, --runs N (≥ 10), --rounds N, --only a,b or --no-write`);
  }
  return o;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  configureWasm({ numThreads: THREADS });
  const photos = samplePhotos(opts.photos);
  const specs = MODELS.filter((m) => !opts.only || opts.only.includes(m.name));
  const results: ModelResult[] = [];
  for (const spec of specs) {
    console.error(`measuring ${spec.name} on ${photos.length} photos ...`);
    results.push(await measureModel(spec, photos, opts));
  }
  const md = table(results, opts, photos.length);
  console.log(md);
  if (opts.write && !opts.only) {
    const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
    const block = `${START}\n${md}\n${END}`;
    const next = readme.includes(START) && readme.includes(END) ? readme.replace(new RegExp(`${START}[\\s\\S]*?${END}`), block) : `${readme}\n${block}\n`;
    writeFileSync(readmePath, next);
    console.error(`wrote ${readmePath}`);
  }
}

main().catch((e: Error) => {
  console.error(`measure-models: ${e.message}`);
  process.exit(1);
});
