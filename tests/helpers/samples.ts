/**
 * Where the sample photos live for tests: `FITROOM_SAMPLES`, default `../shared/data`
 * (relative to the project root). They are never copied into the repository.
 *
 * When the folder is missing, tests that need it are skipped with a message that
 * names the variable, except under CI=true, where a missing folder is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '..', '..');
export const samplesDir = resolve(projectRoot, process.env.FITROOM_SAMPLES ?? '../shared/data');
export const haveSamples = existsSync(resolve(samplesDir, 'manifest.json'));

if (!haveSamples) {
  const msg = `Sample photos not found at ${samplesDir}: set FITROOM_SAMPLES to the folder holding manifest.json.`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`${msg} Tests that need them are skipped.`);
}

export interface SampleEntry {
  file: string;
  framing?: string;
  category?: 'upper' | 'lower' | 'dress';
  view?: string;
  size: string;
}

interface Manifest {
  persons: SampleEntry[];
  garments: SampleEntry[];
}

/** The manifest of the sample folder, or empty lists when it is absent. */
export function sampleManifest(): Manifest {
  if (!haveSamples) return { persons: [], garments: [] };
  return JSON.parse(readFileSync(resolve(samplesDir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Absolute path of a sample, e.g. `samplePath('persons/01008_00.jpg')`. */
export function samplePath(file: string): string {
  return resolve(samplesDir, file);
}
