/**
 * npm run sheet -- --out DIR [--category upper|lower|dress|on-model] [--set samples|review|all]
 *   [--portraits a.jpg,persons-more/b.png] [--garments c.jpg,...] [--tile 192] [--html] [--json] [--pairs]
 *
 * Renders portraits x garments from the samples folder, for people to judge the engine:
 * - always a contact sheet, DIR/sheet-<category>.png: garments along the top, portraits down the
 *   side; failed cells are grey with the reason logged;
 * - with --html, every result at full size (DIR/<category>/<portrait>__<garment>.png) and a review
 *   page DIR/<category>/index.html: portrait, product photo and try-on side by side with the cell's
 *   numbers (lib/review/), the set's sums on top; downscaled inputs in DIR/inputs/;
 * - with --json, one `{"cell": ...}` line per cell as it is done, a last `{"summary": ...}` line, and
 *   DIR/<category>/metrics.json with everything;
 * - with --pairs (default for --category upper with --set review or all), the manifest's pairs: a person
 *   tried on in the garment they wear, compared with their photo (SSIM, shoulders to hips).
 * `on-model` takes photos of people as the garments (worn by a model), with the category read from the
 * photo. Files are relative to the samples folder; bare names are read from persons/ (portraits, on-model
 * garments) or garments/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { isFitroomError } from '../lib/engine/index';
import type { Engine, GarmentAnalysis, GarmentCategory, PortraitAnalysis, RgbaImage } from '../lib/engine/index';
import { encodePng, readImageFile } from '../lib/node/image-file';
import { createNodeEngine } from '../lib/node/node-engine';
import { round, runCli, UsageError } from '../lib/node/cli';
import { writeInputCopy } from '../lib/node/review-inputs';
import type { Backdrop } from '../lib/review/backdrop-in-body';
import { backdropOf } from '../lib/review/backdrop-in-body';
import { cellNumbers, NO_NUMBERS } from '../lib/review/cell-numbers';
import type { Rgb } from '../lib/review/pixels';
import { oldTopColours } from '../lib/review/old-top-colours';
import { shouldersToHips } from '../lib/review/pair-box';
import { reviewPage } from '../lib/review/review-page';
import type { ReviewCategory, ReviewManifest, ReviewPair, ReviewSet } from '../lib/review/review-sets';
import { fileStems, REVIEW_CATEGORIES, REVIEW_SETS, reviewLists, sampleFile } from '../lib/review/review-sets';
import { ssim } from '../lib/review/ssim';
import type { ReviewCell } from '../lib/review/summary';
import { summarise } from '../lib/review/summary';

/** Photos are analysed at most this large, as the extension does. */
const MAX_LONG_SIDE = 2048;

/** An analysis, or the engine's reason for refusing the photo. */
type Analysed<T> = { ok: T; refused: null } | { ok: null; refused: string };

async function analysed<T>(run: () => Promise<T>): Promise<Analysed<T>> {
  try {
    return { ok: await run(), refused: null };
  } catch (e) {
    if (!isFitroomError(e)) throw e;
    return { ok: null, refused: e.message };
  }
}

interface Garment {
  file: string;
  stem: string;
  image: RgbaImage | null;
  analysis: Analysed<GarmentAnalysis>;
  backdrop: Backdrop | null;
}

async function analyseGarment(engine: Engine, samples: string, file: string, stem: string, category: GarmentCategory | null): Promise<Garment> {
  let image: RgbaImage | null = null;
  const analysis = await analysed(async () => engine.analyseGarment((image = await readImageFile(resolve(samples, file), { maxLongSide: MAX_LONG_SIDE })), category ? { category } : {}));
  const g = analysis.ok;
  return { file, stem, image, analysis, backdrop: g ? backdropOf(g.image, g.mask) : null };
}

interface Portrait {
  file: string;
  image: RgbaImage | null;
  analysis: Analysed<PortraitAnalysis>;
  oldColours: Rgb[];
}

async function analysePortrait(engine: Engine, samples: string, file: string): Promise<Portrait> {
  let image: RgbaImage | null = null;
  const analysis = await analysed(async () => engine.analysePortrait((image = await readImageFile(resolve(samples, file), { maxLongSide: MAX_LONG_SIDE }))));
  return { file, image, analysis, oldColours: analysis.ok ? oldTopColours(analysis.ok) : [] };
}

/** One try-on and its numbers; the result image too, for the sheet and the page. */
async function tryCell(engine: Engine, p: Portrait, g: Garment): Promise<{ cell: ReviewCell; image: RgbaImage | null; portrait: PortraitAnalysis | null }> {
  const base = { portrait: p.file, garment: g.file, category: g.analysis.ok?.category ?? null, file: null, ms: null };
  const refused = p.analysis.refused ?? g.analysis.refused;
  if (refused !== null || !p.analysis.ok || !g.analysis.ok || !g.backdrop) return { cell: { ...base, ...NO_NUMBERS, refused }, image: null, portrait: null };
  const portrait = p.analysis.ok, garment = g.analysis.ok;
  const t0 = performance.now();
  const result = await analysed(() => engine.tryOn(portrait, garment, { layers: true }));
  const ms = round(performance.now() - t0, 0);
  if (!result.ok) return { cell: { ...base, ...NO_NUMBERS, refused: result.refused }, image: null, portrait };
  const { image, layers } = result.ok;
  if (!layers) throw new Error(`Expected try-on layers for ${p.file} x ${g.file} (asked with { layers: true }) but the engine returned none.`);
  const numbers = cellNumbers({ portrait, oldColours: p.oldColours, category: garment.category, backdrop: g.backdrop, result: { image, layers } });
  return { cell: { ...base, ...numbers, refused: null, ms }, image, portrait };
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        out: { type: 'string' }, portraits: { type: 'string' }, garments: { type: 'string' }, category: { type: 'string' }, tile: { type: 'string' },
        set: { type: 'string' }, html: { type: 'boolean' }, json: { type: 'boolean' }, pairs: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

runCli(async () => {
  const values = parseOptions();
  if (!values.out) throw new UsageError('Expected --out DIR.');
  const out = resolve(values.out);
  const samples = resolve(process.env.FITROOM_SAMPLES ?? resolve(import.meta.dirname, '..', '..', 'shared', 'data'));
  if (!existsSync(resolve(samples, 'manifest.json'))) throw new UsageError(`Sample photos not found at ${samples}: set FITROOM_SAMPLES.`);
  const manifest = JSON.parse(readFileSync(resolve(samples, 'manifest.json'), 'utf8')) as ReviewManifest;
  const category = (values.category ?? 'upper') as ReviewCategory;
  if (!REVIEW_CATEGORIES.includes(category)) throw new UsageError(`Expected --category upper, lower, dress or on-model but received "${category}".`);
  const set = (values.set ?? 'all') as ReviewSet;
  if (!REVIEW_SETS.includes(set)) throw new UsageError(`Expected --set samples, review or all but received "${set}".`);
  if (set !== 'samples' && !manifest.review) throw new UsageError(`Expected a "review" section in ${resolve(samples, 'manifest.json')} for --set ${set}.`);
  const tw = Number(values.tile ?? 192), th = Math.round((tw * 4) / 3);
  if (!Number.isInteger(tw) || tw < 16) throw new UsageError(`Expected --tile a whole number of pixels from 16 up but received "${values.tile}".`);
  const onModel = category === 'on-model';
  const lists = reviewLists(manifest, category, set);
  const portraits = values.portraits?.split(',').map((f) => sampleFile(f, 'persons')) ?? lists.portraits;
  const garmentFiles = values.garments?.split(',').map((f) => sampleFile(f, onModel ? 'persons' : 'garments')) ?? lists.garments;
  if (!portraits.length || !garmentFiles.length) throw new UsageError(`Expected portraits and garments for --category ${category} --set ${set} but found ${portraits.length} and ${garmentFiles.length}.`);
  for (const f of [...portraits, ...garmentFiles]) if (!existsSync(resolve(samples, f))) throw new UsageError(`Sample file ${f} not found in ${samples}.`);
  const pairs: ReviewPair[] = values.pairs || (category === 'upper' && set !== 'samples') ? (manifest.review?.pairs ?? []) : [];
  if (values.pairs && !pairs.length) throw new UsageError(`Expected pairs in ${resolve(samples, 'manifest.json')} (review.pairs) for --pairs but found none.`);

  const pageDir = resolve(out, category);
  mkdirSync(values.html || values.json ? pageDir : out, { recursive: true });
  const written = new Set<string>();
  const inputs = new Map<string, string>();
  const copyInput = async (file: string) => { if (values.html) inputs.set(file, await writeInputCopy(samples, file, out, written)); };
  const writeResult = async (name: string, image: RgbaImage | null): Promise<string | null> => {
    if (!values.html || !image) return null;
    writeFileSync(resolve(pageDir, name), await encodePng(image));
    return name;
  };
  const emit = (cell: ReviewCell) => { if (values.json) console.log(JSON.stringify({ cell })); };

  const engine = await createNodeEngine();
  const tiles: { input: Buffer; left: number; top: number }[] = [];
  const thumb = async (img: RgbaImage) => sharp(await encodePng(img)).resize(tw, th, { fit: 'contain', background: '#ffffff' }).png().toBuffer();

  const garmentStems = fileStems(garmentFiles), portraitStems = fileStems(portraits);
  const garments: Garment[] = [];
  for (let j = 0; j < garmentFiles.length; j++) {
    const file = garmentFiles[j];
    const g = await analyseGarment(engine, samples, file, garmentStems[j], onModel ? null : (category as GarmentCategory));
    garments.push(g);
    if (g.image) tiles.push({ input: await thumb(g.image), left: (j + 1) * tw, top: 0 });
    await copyInput(file);
    if (g.analysis.refused !== null) console.error(`${file}: ${g.analysis.refused}`);
    else if (onModel) console.error(`${file}: worn by a model, taken as ${g.analysis.ok.category}${g.analysis.ok.model ? '' : ' (no model found: read as a flat photo)'}`);
  }

  const cells: ReviewCell[] = [];
  for (let i = 0; i < portraits.length; i++) {
    const p = await analysePortrait(engine, samples, portraits[i]);
    if (p.image) tiles.push({ input: await thumb(p.image), left: 0, top: (i + 1) * th });
    await copyInput(portraits[i]);
    if (p.analysis.refused !== null) console.error(`${portraits[i]}: ${p.analysis.refused}`);
    for (let j = 0; j < garments.length; j++) {
      const { cell, image } = await tryCell(engine, p, garments[j]);
      cell.file = await writeResult(`${portraitStems[i]}__${garments[j].stem}.png`, image);
      if (image) tiles.push({ input: await thumb(image), left: (j + 1) * tw, top: (i + 1) * th });
      else if (p.analysis.refused === null && garments[j].analysis.refused === null) console.error(`${portraits[i]} x ${garments[j].file}: ${cell.refused}`);
      cells.push(cell);
      emit(cell);
    }
    console.error(`${portraits[i]} done`);
  }

  const pairCells: ReviewCell[] = [];
  const pairStems = fileStems(pairs.map((q) => q.person));
  for (let k = 0; k < pairs.length; k++) {
    const { person, garment, category: pairCategory } = pairs[k];
    const p = await analysePortrait(engine, samples, person);
    const g = await analyseGarment(engine, samples, garment, `pair-${pairStems[k]}`, pairCategory);
    await copyInput(person);
    await copyInput(garment);
    const { cell, image, portrait } = await tryCell(engine, p, g);
    cell.ssim = image && portrait ? round(ssim(portrait.image, image, shouldersToHips(portrait.keypoints, image.width, image.height)), 4) : null;
    cell.file = await writeResult(`pair__${pairStems[k]}.png`, image);
    pairCells.push(cell);
    emit(cell);
    console.error(`pair ${person}: SSIM ${cell.ssim ?? cell.refused}`);
  }
  await engine.dispose();

  const sheet = resolve(out, `sheet-${category}.png`);
  await sharp({ create: { width: (garmentFiles.length + 1) * tw, height: (portraits.length + 1) * th, channels: 3, background: '#bbbbbb' } }).composite(tiles).png().toFile(sheet);
  const summary = summarise(cells, pairCells);
  const page = values.html ? resolve(pageDir, 'index.html') : null;
  if (page) {
    writeFileSync(page, reviewPage({
      title: `Fitroom review: ${category}, ${set} set`,
      summary,
      cells,
      pairs: pairCells,
      // the copies sit in DIR/inputs, the page in DIR/<category>; a click opens the original sample
      input: (file) => ({ img: relative(pageDir, resolve(out, inputs.get(file)!)), href: pathToFileURL(resolve(samples, file)).href }),
    }));
  }
  if (values.json) {
    writeFileSync(resolve(pageDir, 'metrics.json'), `${JSON.stringify({ category, set, summary, cells, pairs: pairCells }, null, 1)}\n`);
    console.log(JSON.stringify({ summary: { category, set, ...summary, sheet, page } }));
  } else {
    const failed = cells.filter((c) => c.refused !== null).length;
    console.log(JSON.stringify({ sheet, page, portraits: portraits.length, garments: garmentFiles.length, cells: cells.length, failed }));
  }
});
