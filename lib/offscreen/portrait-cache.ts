/**
 * The shopper's portrait analysis, loaded from storage once and kept until the stored
 * portrait changes (its summary's id). A photo stored before portraits were re-encoded
 * is re-encoded here, and an analysis this engine or packer cannot use is redone; both
 * are stored back, so it happens once.
 */
import { bytesToDataUrl } from '../base64';
import { ExtensionError, NO_PORTRAIT_MESSAGE } from '../error-info';
import type { Engine, PortraitAnalysis, RgbaImage } from '../engine/index';
import { PORTRAIT_VERSION } from '../engine/portrait/analyse-portrait';
import { PORTRAIT_MAX_LONG_SIDE } from '../image-io/size';
import type { PortraitSummary } from '../messaging';
import { packPortraitAnalysis, unpackPortraitAnalysis, type PackedPortraitAnalysis } from '../portrait-pack';
import { PORTRAIT_MIME_TYPE } from '../portrait-reencode';
import type { PortraitStore, StoredPhoto } from '../storage';
import type { StageTimer, StageTimings } from './stage-timer';

export interface CachedPortrait {
  id: string;
  analysis: PortraitAnalysis;
  photoDataUrl: string;
}

export interface PortraitCacheDeps {
  store: PortraitStore;
  decode(bytes: Uint8Array, options?: { maxLongSide?: number }): Promise<RgbaImage>;
  reencodePortrait(bytes: Uint8Array): Promise<Uint8Array>;
}

export interface PortraitCache {
  /** The stored portrait's analysis and photo; throws 'no-portrait' when there is none (or it is incomplete). */
  load(timings: StageTimings): Promise<CachedPortrait>;
  /** Keeps a portrait just analysed and stored, so the next load need not read it back. */
  remember(portrait: CachedPortrait): void;
}

/**
 * The portrait cache over a store; `engine` gives the engine for an analysis that must be redone.
 * @example
 *   const portraits = createPortraitCache({ store, decode, reencodePortrait }, engines.get, createStageTimer());
 *   const { analysis, photoDataUrl } = await portraits.load(timings);
 */
export function createPortraitCache(deps: PortraitCacheDeps, engine: () => Promise<Engine>, timer: StageTimer): PortraitCache {
  let portrait: CachedPortrait | null = null;

  /** Redoes the analysis of the stored photo and stores it with an updated summary. */
  const reanalyse = async (summary: PortraitSummary, stored: StoredPhoto, image: RgbaImage, timings: StageTimings): Promise<PortraitAnalysis> => {
    const eng = await engine();
    const fresh = await timer.timed(timings, 'portraitReanalyse', () => eng.analysePortrait(image));
    const updated: PortraitSummary = { ...summary, mimeType: stored.mimeType, width: image.width, height: image.height, keypoints: fresh.keypoints, faceBox: fresh.faceBox, issues: fresh.issues, backend: eng.backend };
    await deps.store.save({ summary: updated, photo: stored, analysis: packPortraitAnalysis(fresh) });
    return fresh;
  };

  const load = async (timings: StageTimings): Promise<CachedPortrait> => {
    const summary = await deps.store.loadSummary();
    if (!summary) throw new ExtensionError('no-portrait', NO_PORTRAIT_MESSAGE);
    if (portrait?.id === summary.id) return portrait;
    let [photo, packed] = await Promise.all([deps.store.loadPhoto(), deps.store.loadAnalysis()]);
    if (!photo || !packed) throw new ExtensionError('no-portrait', 'The stored portrait is incomplete: choose your photo again in the Fitroom popup.');
    if (!photo.reencoded) {
      // Stored before photos were re-encoded: it may carry EXIF. Replace it, and analyse the new pixels.
      photo = { bytes: await timer.timed(timings, 'portraitReencode', () => deps.reencodePortrait(photo!.bytes)), mimeType: PORTRAIT_MIME_TYPE, reencoded: true };
      packed = null;
    }
    const stored: StoredPhoto = photo;
    const image = await timer.timed(timings, 'portraitDecode', () => deps.decode(stored.bytes, { maxLongSide: PORTRAIT_MAX_LONG_SIDE }));
    // Stored by an older version of the engine or packer, or just re-encoded: analyse the stored photo again.
    const analysis = (packed && storedAnalysis(packed, image)) || (await reanalyse(summary, stored, image, timings));
    portrait = { id: summary.id, analysis, photoDataUrl: bytesToDataUrl(stored.bytes, stored.mimeType) };
    return portrait;
  };

  return {
    load,
    remember(next) {
      portrait = next;
    },
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
