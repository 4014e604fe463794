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
import type { Engine, RgbaImage } from '../engine/index';
import { PORTRAIT_MAX_LONG_SIDE } from '../image-io/size';
import type { AnalysePortraitRequest, JobId, OffscreenTryOnRequest, PortraitSummary, PrepareReply, PrepareRequest, ProgressEvent, ProgressStage, SizeAdviceRequest, TryOnResponse } from '../messaging';
import { packPortraitAnalysis } from '../portrait-pack';
import { PORTRAIT_MIME_TYPE } from '../portrait-reencode';
import type { PortraitStore, ProfileStore } from '../storage';
import { measurePortrait, type PortraitMeasures } from '../size/portrait-measures';
import { buildSizeAdvice, type SizeAdvice } from '../size/size-advice';
import { createEngineStarter, type EngineStarter } from './engine-starter';
import { createGarmentCache, type GarmentCache } from './garment-cache';
import { createPortraitCache, type PortraitCache } from './portrait-cache';
import { createSerialRunner } from './serial-runner';
import { createStageTimer, type StageTimer, type StageTimings } from './stage-timer';

export { GARMENT_CACHE_SIZE, GARMENT_MAX_LONG_SIDE, GARMENT_PHOTO_LONG_SIDE } from './garment-cache';

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

/** The parts a request is served with, made once per service. */
interface ServiceParts {
  deps: TryOnServiceDeps;
  timer: StageTimer;
  engines: EngineStarter;
  portraits: PortraitCache;
  garments: GarmentCache;
  report(jobId: JobId, stage: ProgressStage, fraction: number): void;
}

/**
 * The service behind the offscreen document's messages.
 * @example
 *   const service = createTryOnService({ startEngine, decode: decodeImage, encodePng: encodePngBytes, store, progress });
 *   const summary = await service.analysePortrait({ jobId, image: { base64, mimeType: 'image/jpeg' } });
 */
export function createTryOnService(deps: TryOnServiceDeps): TryOnService {
  const timer = createStageTimer(deps.now);
  const engines = createEngineStarter(() => deps.startEngine());
  const parts: ServiceParts = {
    deps,
    timer,
    engines,
    portraits: createPortraitCache(deps, engines.get, timer),
    garments: createGarmentCache(deps, timer),
    report: (jobId, stage, fraction) => deps.progress({ jobId, stage, fraction }),
  };
  // One request at a time: the ONNX sessions are shared and not re-entrant.
  const serial = createSerialRunner();

  return {
    get engine() {
      return engines.engine;
    },
    analysePortrait: (request) => serial(() => analyseNewPortrait(parts, request)),
    warmUp: () => serial(async () => {
      await engines.warmUp();
      if (await deps.store.loadSummary()) await parts.portraits.load({});
    }),
    prepare: async ({ url, categoryHint }) => ({
      hasPortrait: (await deps.store.loadSummary()) !== null,
      hasGarment: parts.garments.has(url, categoryHint),
    }),
    sizeAdvice: (request) => serial(() => adviseSize(parts, request)),
    tryOn: (request) => serial(() => tryOnGarment(parts, request)),
  };
}

/** A newly chosen photo: re-encoded, analysed, stored and kept as the portrait; its summary is the reply. */
async function analyseNewPortrait({ deps, timer, engines, portraits, report }: ServiceParts, request: AnalysePortraitRequest): Promise<PortraitSummary> {
  const timings: StageTimings = {};
  const t0 = timer.now();
  report(request.jobId, 'starting-engine', 0.05);
  const eng = await timer.timed(timings, 'engineStart', engines.get);
  report(request.jobId, 'decoding', 0.2);
  // The chosen file's bytes go no further than this: only the re-encoded ones are analysed and stored.
  const chosen = base64ToBytes(request.image.base64);
  const bytes = await timer.timed(timings, 'reencode', () => deps.reencodePortrait(chosen));
  const image = await timer.timed(timings, 'decode', () => deps.decode(bytes, { maxLongSide: PORTRAIT_MAX_LONG_SIDE }));
  report(request.jobId, 'analysing-portrait', 0.3);
  const analysis = await timer.timed(timings, 'analyse', () => eng.analysePortrait(image));
  // the engine's own stages, so slow ones can be found from the popup's stored summary
  for (const [stage, ms] of Object.entries(analysis.timingsMs)) timings[`engine.${stage}`] = Math.round(ms);
  report(request.jobId, 'saving', 0.9);
  const id = `portrait-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  timings.total = timer.since(t0);
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
  portraits.remember({ id, analysis, photoDataUrl: bytesToDataUrl(bytes, PORTRAIT_MIME_TYPE) });
  return summary;
}

/** Advice from the profile, and from the stored portrait measured with the profile's height when the page has a chart. */
async function adviseSize({ deps, portraits }: ServiceParts, request: SizeAdviceRequest): Promise<SizeAdvice> {
  const profile = (await deps.profiles?.load()) ?? null;
  let measures: PortraitMeasures | null = null;
  if (request.chart && profile?.heightCm && (await deps.store.loadSummary())) {
    const { chest, waist, hips, shoulder } = profile.tape;
    const tape = Object.fromEntries(Object.entries({ chest, waist, hips, shoulder }).filter(([, v]) => v !== undefined));
    try {
      measures = measurePortrait((await portraits.load({})).analysis, profile.heightCm, tape);
    } catch (e) {
      // A photo that cannot be measured (no hips in it): the profile's tape measures still advise.
      console.warn('Fitroom: the portrait could not be measured:', e);
    }
  }
  return buildSizeAdvice(request.chart, profile, measures);
}

/** The garment (cached or analysed now) fitted on the stored portrait, encoded for the overlay. */
async function tryOnGarment({ deps, timer, engines, portraits, garments, report }: ServiceParts, request: OffscreenTryOnRequest): Promise<TryOnResponse> {
  const timings: StageTimings = {};
  const t0 = timer.now();
  const { jobId } = request;
  const current = await portraits.load(timings);
  report(jobId, 'starting-engine', 0.15);
  const eng = await timer.timed(timings, 'engineStart', engines.get);
  const { cached, fromCache } = await garments.analysed(request, eng, timings, (stage, fraction) => report(jobId, stage, fraction));
  const garment = cached.analysis;
  report(jobId, 'fitting', 0.6);
  const result = await timer.timed(timings, 'tryOn', () => eng.tryOn(current.analysis, garment, request.fit));
  report(jobId, 'encoding', 0.9);
  const png = await timer.timed(timings, 'encode', () => deps.encodePng(result.image));
  timings.total = timer.since(t0);
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
}
