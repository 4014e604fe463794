/**
 * What the offscreen document does, without the offscreen document: it owns the
 * engine (started once, its ONNX sessions kept), the shopper's portrait analysis
 * (loaded from storage once, re-loaded when the portrait changes) and the latest
 * garment analyses (by URL), and turns requests into progress events and replies.
 *
 * A new portrait is re-encoded before anything else (portrait-reencode.ts): the stored
 * photo, the analysis and the before/after image all come from the re-encoded bytes,
 * which carry no metadata; the chosen file's bytes are dropped.
 *
 * Platform pieces (decoder, encoders, storage, engine factory) are passed in, so
 * this runs in Node tests with fakes.
 */
import { base64ToBytes, bytesToBase64, bytesToDataUrl } from '../base64';
import { ExtensionError, NO_PORTRAIT_MESSAGE } from '../error-info';
import type { Engine, GarmentAnalysis, GarmentCategory, PortraitAnalysis, RgbaImage } from '../engine/index';
import { PORTRAIT_MAX_LONG_SIDE } from '../image-io/size';
import type { AnalysePortraitRequest, JobId, OffscreenTryOnRequest, PortraitSummary, PrepareReply, PrepareRequest, ProgressEvent, ProgressStage, SizeAdviceRequest, TryOnResponse } from '../messaging';
import { PORTRAIT_VERSION } from '../engine/portrait/analyse-portrait';
import { packPortraitAnalysis, unpackPortraitAnalysis, type PackedPortraitAnalysis } from '../portrait-pack';
import { PORTRAIT_MIME_TYPE } from '../portrait-reencode';
import type { PortraitStore, ProfileStore, StoredPhoto } from '../storage';
import { measurePortrait, type PortraitMeasures } from '../size/portrait-measures';
import { buildSizeAdvice, type SizeAdvice } from '../size/size-advice';
import { LruCache } from './lru-cache';

/** Product photos are scaled to this long side before analysis: larger adds time, not detail. */
export const GARMENT_MAX_LONG_SIDE = 2048;
/** Garment analyses kept: a few, so going back and forth between products stays quick. */
export const GARMENT_CACHE_SIZE = 4;
/** The product photo a saved look keeps: sharp on the fitting room's cards (240 CSS px at 2x), about 30 KB as a JPEG. */
export const GARMENT_PHOTO_LONG_SIDE = 480;

export interface TryOnServiceDeps {
  /** Creates the engine; called once, on the first request that needs it. */
  startEngine(): Promise<Engine>;
  decode(bytes: Uint8Array, options?: { maxLongSide?: number }): Promise<RgbaImage>;
  encodePng(image: RgbaImage): Promise<Uint8Array>;
  /** Encodes the small product photo a saved look keeps; without it a reply carries none. */
  encodeJpeg?(image: RgbaImage, quality: number): Promise<Uint8Array>;
  /** The chosen photo as it may be stored: oriented, capped, a JPEG without metadata (portrait-reencode.ts). */
  reencodePortrait(bytes: Uint8Array): Promise<Uint8Array>;
  store: PortraitStore;
  /** The shopper's profile for size advice; without it, advice asks for a height. */
  profiles?: ProfileStore;
  progress(event: ProgressEvent): void;
  now?: () => number;
}

export interface TryOnService {
  analysePortrait(request: AnalysePortraitRequest): Promise<PortraitSummary>;
  prepare(request: PrepareRequest): Promise<PrepareReply>;
  /** Starts the engine and runs its models once, then loads the stored portrait if there is one: ahead of a first analysis or try-on. */
  warmUp(): Promise<void>;
  tryOn(request: OffscreenTryOnRequest): Promise<TryOnResponse>;
  /** Size advice for a page's chart: the profile, and the stored portrait measured with the profile's height. */
  sizeAdvice(request: SizeAdviceRequest): Promise<SizeAdvice>;
  /** The engine if it has been started, for status reports. */
  readonly engine: Engine | null;
}

interface CachedGarment {
  analysis: GarmentAnalysis;
  /** GARMENT_PHOTO_LONG_SIDE JPEG data URL of the product photo, made once with the analysis. */
  photo?: string;
}

interface CachedPortrait {
  id: string;
  analysis: PortraitAnalysis;
  photoDataUrl: string;
}

/**
 * The service behind the offscreen document's messages.
 * @example
 *   const service = createTryOnService({ startEngine, decode: decodeImage, encodePng: encodePngBytes, store, progress });
 *   const summary = await service.analysePortrait({ jobId, image: { base64, mimeType: 'image/jpeg' } });
 */
export function createTryOnService(deps: TryOnServiceDeps): TryOnService {
  const now = deps.now ?? (() => performance.now());
  const garments = new LruCache<string, CachedGarment>(GARMENT_CACHE_SIZE);
  let engine: Engine | null = null;
  let starting: Promise<Engine> | null = null;
  /** Whether the models have had their first (blank) run. */
  let primed = false;
  let portrait: CachedPortrait | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  // One request at a time: the ONNX sessions are shared and not re-entrant.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };

  const getEngine = (): Promise<Engine> => {
    starting ??= deps.startEngine().then(
      (e) => (engine = e),
      (e: unknown) => {
        starting = null; // let a later request try again
        throw new ExtensionError('engine-unavailable', `The try-on engine could not start: ${(e as Error).message ?? String(e)}`);
      },
    );
    return starting;
  };

  const timed = async <T>(timings: Record<string, number>, name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = now();
    try {
      return await fn();
    } finally {
      timings[name] = Math.round((now() - t0) * 10) / 10;
    }
  };

  const report = (jobId: JobId, stage: ProgressStage, fraction: number) => deps.progress({ jobId, stage, fraction });

  /** The product photo, small, for a saved look; none if it cannot be made (the try-on goes on without it). */
  const garmentPhoto = async (bytes: Uint8Array): Promise<string | undefined> => {
    if (!deps.encodeJpeg) return undefined;
    try {
      const small = await deps.decode(bytes, { maxLongSide: GARMENT_PHOTO_LONG_SIDE });
      return bytesToDataUrl(await deps.encodeJpeg(small, 0.85), 'image/jpeg');
    } catch (e) {
      console.warn('Fitroom: no small garment photo for saved looks:', e);
      return undefined;
    }
  };

  const loadPortrait = async (timings: Record<string, number>): Promise<CachedPortrait> => {
    const summary = await deps.store.loadSummary();
    if (!summary) throw new ExtensionError('no-portrait', NO_PORTRAIT_MESSAGE);
    if (portrait?.id === summary.id) return portrait;
    let [photo, packed] = await Promise.all([deps.store.loadPhoto(), deps.store.loadAnalysis()]);
    if (!photo || !packed) throw new ExtensionError('no-portrait', 'The stored portrait is incomplete: choose your photo again in the Fitroom popup.');
    if (!photo.reencoded) {
      // Stored before photos were re-encoded: it may carry EXIF. Replace it, and analyse the new pixels.
      photo = { bytes: await timed(timings, 'portraitReencode', () => deps.reencodePortrait(photo!.bytes)), mimeType: PORTRAIT_MIME_TYPE, reencoded: true };
      packed = null;
    }
    const stored: StoredPhoto = photo;
    const image = await timed(timings, 'portraitDecode', () => deps.decode(stored.bytes, { maxLongSide: PORTRAIT_MAX_LONG_SIDE }));
    let analysis = packed && storedAnalysis(packed, image);
    if (!analysis) {
      // Stored by an older version of the engine or packer, or just re-encoded: analyse the stored photo again.
      const eng = await getEngine();
      const fresh = await timed(timings, 'portraitReanalyse', () => eng.analysePortrait(image));
      const updated: PortraitSummary = { ...summary, mimeType: stored.mimeType, width: image.width, height: image.height, keypoints: fresh.keypoints, faceBox: fresh.faceBox, issues: fresh.issues, backend: eng.backend };
      await deps.store.save({ summary: updated, photo: stored, analysis: packPortraitAnalysis(fresh) });
      analysis = fresh;
    }
    portrait = { id: summary.id, analysis, photoDataUrl: bytesToDataUrl(stored.bytes, stored.mimeType) };
    return portrait;
  };

  return {
    get engine() {
      return engine;
    },

    analysePortrait: (request) => serial(async () => {
      const timings: Record<string, number> = {};
      const t0 = now();
      report(request.jobId, 'starting-engine', 0.05);
      const eng = await timed(timings, 'engineStart', getEngine);
      report(request.jobId, 'decoding', 0.2);
      // The chosen file's bytes go no further than this: only the re-encoded ones are analysed and stored.
      const chosen = base64ToBytes(request.image.base64);
      const bytes = await timed(timings, 'reencode', () => deps.reencodePortrait(chosen));
      const image = await timed(timings, 'decode', () => deps.decode(bytes, { maxLongSide: PORTRAIT_MAX_LONG_SIDE }));
      report(request.jobId, 'analysing-portrait', 0.3);
      const analysis = await timed(timings, 'analyse', () => eng.analysePortrait(image));
      // the engine's own stages, so slow ones can be found from the popup's stored summary
      for (const [stage, ms] of Object.entries(analysis.timingsMs)) timings[`engine.${stage}`] = Math.round(ms);
      report(request.jobId, 'saving', 0.9);
      const id = `portrait-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      timings.total = Math.round((now() - t0) * 10) / 10;
      const summary: PortraitSummary = {
        id,
        savedAt: Date.now(),
        mimeType: PORTRAIT_MIME_TYPE,
        width: image.width,
        height: image.height,
        keypoints: analysis.keypoints,
        faceBox: analysis.faceBox,
        issues: analysis.issues,
        backend: eng.backend,
        timingsMs: timings,
      };
      await deps.store.save({ summary, photo: { bytes, mimeType: PORTRAIT_MIME_TYPE, reencoded: true }, analysis: packPortraitAnalysis(analysis) });
      portrait = { id, analysis, photoDataUrl: bytesToDataUrl(bytes, PORTRAIT_MIME_TYPE) };
      return summary;
    }),

    warmUp: () => serial(async () => {
      const eng = await getEngine();
      if (!primed) {
        primed = true;
        await eng.warmUp();
      }
      if (await deps.store.loadSummary()) await loadPortrait({});
    }),

    prepare: async ({ url, categoryHint }) => ({
      hasPortrait: (await deps.store.loadSummary()) !== null,
      hasGarment: garments.has(garmentKey(url, categoryHint)),
    }),

    sizeAdvice: (request) => serial(async () => {
      const profile = (await deps.profiles?.load()) ?? null;
      let measures: PortraitMeasures | null = null;
      if (request.chart && profile?.heightCm && (await deps.store.loadSummary())) {
        const { chest, waist, hips, shoulder } = profile.tape;
        const tape = Object.fromEntries(Object.entries({ chest, waist, hips, shoulder }).filter(([, v]) => v !== undefined));
        try {
          measures = measurePortrait((await loadPortrait({})).analysis, profile.heightCm, tape);
        } catch (e) {
          // A photo that cannot be measured (no hips in it): the profile's tape measures still advise.
          console.warn('Fitroom: the portrait could not be measured:', e);
        }
      }
      return buildSizeAdvice(request.chart, profile, measures);
    }),

    tryOn: (request) => serial(async () => {
      const timings: Record<string, number> = {};
      const t0 = now();
      const { jobId } = request;
      const current = await loadPortrait(timings);
      report(jobId, 'starting-engine', 0.15);
      const eng = await timed(timings, 'engineStart', getEngine);
      const key = garmentKey(request.garment.url, request.categoryHint);
      let cached = garments.get(key);
      const fromCache = cached !== undefined;
      if (!cached) {
        const encoded = request.garment.image;
        if (!encoded) throw new ExtensionError('internal', `Expected the garment's bytes for ${request.garment.url}: its analysis is no longer cached.`);
        report(jobId, 'decoding', 0.25);
        const bytes = base64ToBytes(encoded.base64);
        const image = await timed(timings, 'garmentDecode', () => deps.decode(bytes, { maxLongSide: GARMENT_MAX_LONG_SIDE }));
        report(jobId, 'analysing-garment', 0.35);
        const g = await timed(timings, 'garmentAnalyse', () => eng.analyseGarment(image, request.categoryHint ? { category: request.categoryHint } : undefined));
        cached = { analysis: g, photo: await timed(timings, 'garmentPhoto', () => garmentPhoto(bytes)) };
        garments.set(key, cached);
      }
      const garment = cached.analysis;
      report(jobId, 'fitting', 0.6);
      const result = await timed(timings, 'tryOn', () => eng.tryOn(current.analysis, garment, request.fit));
      report(jobId, 'encoding', 0.9);
      const png = await timed(timings, 'encode', () => deps.encodePng(result.image));
      timings.total = Math.round((now() - t0) * 10) / 10;
      for (const [k, v] of Object.entries(result.timingsMs)) timings[`engine.${k}`] = v;
      return {
        resultPng: `data:image/png;base64,${bytesToBase64(png)}`,
        portrait: current.photoDataUrl,
        width: result.image.width,
        height: result.image.height,
        garment: { category: garment.category, sleeve: garment.sleeve, fromCache, onModel: garment.model !== undefined },
        backend: eng.backend,
        timingsMs: timings,
        portraitId: current.id,
        ...(cached.photo ? { garmentPhoto: cached.photo } : {}),
      };
    }),
  };
}

/** The stored analysis if this engine and packer can use it as it is, else null. */
function storedAnalysis(packed: PackedPortraitAnalysis, image: RgbaImage): PortraitAnalysis | null {
  try {
    const analysis = unpackPortraitAnalysis(packed, image);
    return analysis.version === PORTRAIT_VERSION ? analysis : null;
  } catch {
    return null; // another pack format, or the photo decodes to another size in this browser
  }
}

/** Cache key: the same photo tried as a different category is a different analysis. */
function garmentKey(url: string, categoryHint?: GarmentCategory): string {
  return `${categoryHint ?? 'auto'}|${url}`;
}
