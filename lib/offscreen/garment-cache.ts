/**
 * The latest garment analyses, by product photo URL and kind: analysed once, so
 * another size of the same garment costs only a re-render. Each keeps the small
 * product photo a saved look shows, made once with the analysis.
 */
import { base64ToBytes, bytesToDataUrl } from '../base64';
import { ExtensionError } from '../error-info';
import type { Engine, GarmentAnalysis, GarmentCategory, RgbaImage } from '../engine/index';
import type { OffscreenTryOnRequest, ProgressStage } from '../messaging';
import { LruCache } from './lru-cache';
import type { StageTimer, StageTimings } from './stage-timer';

/** Product photos are scaled to this long side before analysis: larger adds time, not detail. */
export const GARMENT_MAX_LONG_SIDE = 2048;
/** Garment analyses kept: a few, so going back and forth between products stays quick. */
export const GARMENT_CACHE_SIZE = 4;
/** The product photo a saved look keeps: sharp on the fitting room's cards (240 CSS px at 2x), about 30 KB as a JPEG. */
export const GARMENT_PHOTO_LONG_SIDE = 480;

export interface CachedGarment {
  analysis: GarmentAnalysis;
  /** GARMENT_PHOTO_LONG_SIDE JPEG data URL of the product photo, made once with the analysis. */
  photo?: string;
}

export interface GarmentCacheDeps {
  decode(bytes: Uint8Array, options?: { maxLongSide?: number }): Promise<RgbaImage>;
  /** Encodes the small product photo a saved look keeps; without it none is kept. */
  encodeJpeg?(image: RgbaImage, quality: number): Promise<Uint8Array>;
}

export interface GarmentCache {
  /** Whether this photo, as this kind (or as read), is analysed already. */
  has(url: string, categoryHint?: GarmentCategory): boolean;
  /**
   * The request's garment analysis: the cached one, or the request's bytes analysed now
   * (reporting 'decoding' and 'analysing-garment'); throws if neither is there.
   */
  analysed(request: OffscreenTryOnRequest, engine: Engine, timings: StageTimings, report: (stage: ProgressStage, fraction: number) => void): Promise<{ cached: CachedGarment; fromCache: boolean }>;
}

/**
 * @example
 *   const garments = createGarmentCache({ decode, encodeJpeg }, createStageTimer());
 *   const { cached, fromCache } = await garments.analysed(request, engine, timings, report);
 */
export function createGarmentCache(deps: GarmentCacheDeps, timer: StageTimer): GarmentCache {
  const garments = new LruCache<string, CachedGarment>(GARMENT_CACHE_SIZE);

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

  return {
    has: (url, categoryHint) => garments.has(garmentKey(url, categoryHint)),

    async analysed(request, engine, timings, report) {
      const key = garmentKey(request.garment.url, request.categoryHint);
      const hit = garments.get(key);
      if (hit) return { cached: hit, fromCache: true };
      const encoded = request.garment.image;
      if (!encoded) throw new ExtensionError('internal', `Expected the garment's bytes for ${request.garment.url}: its analysis is no longer cached.`);
      report('decoding', 0.25);
      const bytes = base64ToBytes(encoded.base64);
      const image = await timer.timed(timings, 'garmentDecode', () => deps.decode(bytes, { maxLongSide: GARMENT_MAX_LONG_SIDE }));
      report('analysing-garment', 0.35);
      const g = await timer.timed(timings, 'garmentAnalyse', () => engine.analyseGarment(image, request.categoryHint ? { category: request.categoryHint } : undefined));
      const cached: CachedGarment = { analysis: g, photo: await timer.timed(timings, 'garmentPhoto', () => garmentPhoto(bytes)) };
      garments.set(key, cached);
      return { cached, fromCache: false };
    },
  };
}

/** Cache key: the same photo tried as a different category is a different analysis. */
function garmentKey(url: string, categoryHint?: GarmentCategory): string {
  return `${categoryHint ?? 'auto'}|${url}`;
}
