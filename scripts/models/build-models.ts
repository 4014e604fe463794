/**
 * `npm run models`: convert the TF.js graph models Fitroom uses to ONNX.
 *
 * Writes assets/models/<name>.<precision>.onnx for every model and precision
 * in catalog.ts (the models the extension ships, and selfie for the parity
 * test), and assets/models/models.json describing them (source package
 * and version, licences, input/output names and shapes, bytes, sha256).
 * Neither is committed: tests and the extension build run this first.
 *
 * Idempotent and quick: a model is rebuilt only when one of its outputs is
 * missing or older than its sources (model.json, weight shards, and the
 * converter's own scripts). `--force` rebuilds everything; `--only a,b` limits
 * the run to some models.
 *
 * @example
 *   npm run models                  # build what is stale
 *   npm run models -- --force       # rebuild all
 *   npx tsx scripts/models/build-models.ts --only selfie
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_PRECISION,
  MODELS,
  OPSET,
  SOURCE_PACKAGE,
  type ModelSpec,
  modelsOutDir,
  onnxPath,
  projectRoot,
  sourceDir,
  sourceJsonPath,
  sourceVersion,
} from './catalog';
import { encodeOnnxModel } from './onnx-writer';
import { applyPrecision, type Precision } from './precision';
import { convertTfjsGraph } from './tf-to-onnx';
import { loadTfjsGraph, type TfjsModelJson } from './tfjs-graph';

export const manifestPath = resolve(modelsOutDir, 'models.json');

export interface ModelVariantEntry {
  file: string;
  bytes: number;
  sha256: string;
}

export interface ModelEntry {
  name: string;
  description: string;
  input: { name: string; shape: number[]; layout: 'NHWC'; channels: 'RGB'; range: [number, number] };
  outputs: { name: string; shape: number[]; signatureKey: string }[];
  source: {
    package: string;
    version: string;
    files: string[];
    packageLicence: string;
    upstream: string;
    weightsLicence: string;
  };
  defaultPrecision: Precision;
  variants: Partial<Record<Precision, ModelVariantEntry>>;
}

export interface ModelsManifest {
  generatedBy: string;
  opset: number;
  defaultPrecision: Precision;
  models: ModelEntry[];
}

/** The scripts whose code decides the converted bytes. */
const CONVERTER_FILES = ['build-models.ts', 'catalog.ts', 'tfjs-graph.ts', 'tf-to-onnx.ts', 'onnx-writer.ts', 'precision.ts'];

/** Files whose change must trigger a rebuild of `spec`. */
function sourcesOf(spec: ModelSpec): string[] {
  const json = sourceJsonPath(spec);
  const manifest = JSON.parse(readFileSync(json, 'utf8')) as TfjsModelJson;
  const shards = manifest.weightsManifest.flatMap((g) => g.paths.map((p) => resolve(dirname(json), p)));
  const scripts = CONVERTER_FILES.map((f) => resolve(import.meta.dirname, f));
  return [json, ...shards, ...scripts];
}

const mtime = (p: string) => statSync(p).mtimeMs;

/** Write through a temporary file and a rename, so a concurrent reader never sees half a file. */
function writeAtomic(path: string, data: Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** True when every output of `spec` exists and is newer than every source. */
export function isFresh(spec: ModelSpec): boolean {
  const outs = spec.precisions.map((p) => onnxPath(spec, p));
  if (!outs.every(existsSync) || !existsSync(manifestPath)) return false;
  const newestSource = Math.max(...sourcesOf(spec).map(mtime));
  return outs.every((o) => mtime(o) > newestSource) && mtime(manifestPath) >= Math.max(...outs.map(mtime));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function packageLicence(): string {
  return (JSON.parse(readFileSync(resolve(sourceDir, 'package.json'), 'utf8')) as { license?: string }).license ?? 'unknown';
}

/** Convert one model and write its variants; returns its manifest entry. */
export function buildModel(spec: ModelSpec): ModelEntry {
  const graph = loadTfjsGraph(sourceJsonPath(spec));
  const { graph: onnxGraph } = convertTfjsGraph(graph, {
    name: spec.name,
    outputOrder: spec.outputs.map((o) => o.key),
    outputNames: Object.fromEntries(spec.outputs.map((o) => [o.key, o.name])),
  });
  const version = sourceVersion();
  const files = sourcesOf(spec)
    .filter((p) => p.startsWith(sourceDir))
    .map((p) => relative(sourceDir, p));
  const variants: ModelEntry['variants'] = {};
  for (const precision of spec.precisions) {
    const bytes = encodeOnnxModel(applyPrecision(onnxGraph, precision), {
      opset: OPSET,
      producerName: 'fitroom scripts/models',
      docString: `${spec.description}. Converted from ${SOURCE_PACKAGE}@${version} ${files[0]} (${precision} weights).`,
      metadata: {
        source: `${SOURCE_PACKAGE}@${version}/${files[0]}`,
        package_licence: packageLicence(),
        upstream: spec.upstream,
        weights_licence: spec.weightsLicence,
        precision,
        layout: 'NHWC input and outputs, as the TF.js model',
      },
    });
    const out = onnxPath(spec, precision);
    writeAtomic(out, bytes);
    variants[precision] = { file: basename(out), bytes: bytes.byteLength, sha256: sha256(bytes) };
  }
  return {
    name: spec.name,
    description: spec.description,
    input: { name: onnxGraph.inputs[0].name, shape: onnxGraph.inputs[0].shape, layout: 'NHWC', channels: 'RGB', range: [0, 1] },
    outputs: onnxGraph.outputs.map((o, i) => ({ name: o.name, shape: o.shape, signatureKey: spec.outputs[i].key })),
    source: { package: SOURCE_PACKAGE, version, files, packageLicence: packageLicence(), upstream: spec.upstream, weightsLicence: spec.weightsLicence },
    defaultPrecision: DEFAULT_PRECISION,
    variants,
  };
}

/**
 * Build every stale model (or all with `force`) and rewrite models.json.
 *
 * @param options.force rebuild even when outputs are fresh
 * @param options.only model names to consider (default: all)
 * @returns names built and skipped
 * @example await buildModels({ only: ['selfie'] })
 */
export function buildModels(options: { force?: boolean; only?: string[]; log?: (line: string) => void } = {}): { built: string[]; skipped: string[] } {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!existsSync(sourceDir)) throw new Error(`${SOURCE_PACKAGE} is not installed (${sourceDir}): run npm install`);
  for (const name of options.only ?? []) {
    if (!MODELS.some((m) => m.name === name)) throw new Error(`Expected one of ${MODELS.map((m) => m.name).join(', ')} for --only but received '${name}'`);
  }
  mkdirSync(modelsOutDir, { recursive: true });
  const previous: ModelsManifest | undefined = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ModelsManifest) : undefined;
  const built: string[] = [];
  const skipped: string[] = [];
  const entries: ModelEntry[] = [];
  for (const spec of MODELS) {
    const wanted = !options.only || options.only.includes(spec.name);
    const prev = previous?.models.find((m) => m.name === spec.name);
    if (!options.force && prev && (!wanted || isFresh(spec))) {
      // models.json is newer than these files, so its entry (sizes, hashes) still holds
      entries.push(prev);
      skipped.push(spec.name);
      continue;
    }
    if (!wanted) continue;
    const t0 = performance.now();
    entries.push(buildModel(spec));
    built.push(spec.name);
    log(`models: built ${spec.name} (${spec.precisions.join(', ')}) in ${Math.round(performance.now() - t0)} ms`);
  }
  // A model dropped from the catalog leaves models.json, even when nothing is rebuilt.
  const sameModels = previous?.models.map((m) => m.name).join() === entries.map((m) => m.name).join();
  if (built.length === 0 && previous && sameModels) {
    log(`models: up to date (${skipped.length} models in ${relative(projectRoot, modelsOutDir)})`);
    return { built, skipped };
  }
  const manifest: ModelsManifest = {
    generatedBy: 'scripts/models/build-models.ts (npm run models)',
    opset: OPSET,
    defaultPrecision: DEFAULT_PRECISION,
    models: entries,
  };
  writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  log(`models: wrote ${relative(projectRoot, manifestPath)}`);
  return { built, skipped };
}

function parseArgs(argv: string[]): { force: boolean; only?: string[] } {
  let force = false;
  let only: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') force = true;
    else if (a === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a.startsWith('--only=')) only = a.slice(7).split(',').filter(Boolean);
    else throw new Error(`Unknown argument '${a}': expected --force or --only name[,name]`);
  }
  return { force, only };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    buildModels(parseArgs(process.argv.slice(2)));
  } catch (e) {
    console.error(`models: ${(e as Error).message}`);
    process.exit(1);
  }
}
