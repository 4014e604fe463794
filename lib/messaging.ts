/**
 * The typed protocol between the extension's contexts.
 *
 *   popup ──bg.analysePortrait──▶ background ──offscreen.analysePortrait──▶ offscreen
 *   content ──bg.openOverlay (a trusted click)──▶ background: keeps the request, answers an overlay id
 *   content mounts the overlay page (an extension iframe) with that id; the overlay page then:
 *     overlay ──bg.overlayRequest──▶ background (the request, once, to a frame of the same tab)
 *     overlay ──bg.sizeAdvice──▶ background ──offscreen.sizeAdvice──▶ offscreen
 *     overlay ──bg.tryOn──▶ background ──offscreen.prepare, (fetches the garment), offscreen.tryOn──▶ offscreen
 *       (again for another size, another colour of the product, or another kind of garment the shopper picks)
 *     overlay ──bg.closeOverlay──▶ background ──content.closeOverlay──▶ content (removes the iframe)
 *     overlay ──bg.saveLook──▶ background (writes the look to the extension's IndexedDB)
 *     overlay ──bg.language──▶ background (the shopper's choice of language, before the first paint)
 *   fitting room (an extension page) ──bg.analysePortrait──▶ background, as the popup does
 *   offscreen ──bg.progress──▶ background ──overlay.progress / popup.progress──▶ the asker (extension pages only)
 *   background ──content.showTryOn──▶ content (context menu "Try on with Fitroom")
 *   content ──bg.warmUp──▶ background ──offscreen.warmUp──▶ offscreen (buttons shown: load the models early)
 *   popup ──bg.warmUpForPortrait──▶ background ──offscreen.warmUp──▶ offscreen (no portrait yet: the same, before a photo is picked)
 *
 * The result and the portrait travel only between extension contexts: the content
 * script, which shares the store page's process, never receives them.
 *
 * Each message type is named after the context that listens to it (`bg.`, `offscreen.`,
 * `content.`, `popup.`, `overlay.`): runtime messages reach every extension page, and
 * exactly one context must answer each type. Who may send each, and the shape of its
 * data, are checked at run time (lib/message-guard/).
 *
 * Extension messaging serialises to JSON: bytes travel as base64 strings, images as
 * data URLs, errors as `{ code, message }` inside a Result (see error-info.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Result } from './error-info';
import type { Box, GarmentCategory, Keypoints, PortraitIssue, SleeveLength, TryOnOptions } from './engine/index';
import type { ProductListing } from './page/product-listing';
import type { SizeChart } from './page/size-chart-types';
import type { ColourVariant } from './page/types';
import type { Language } from './i18n/catalogues';
import type { SizeAdvice } from './size/size-advice';

export type { Result, ErrorInfo, ErrorCode } from './error-info';

/** Identifies one request end to end, so its progress events reach the right overlay. */
export type JobId = string;

/** Encoded picture bytes (JPEG, PNG, ...) as base64, the way they cross a message. */
export interface EncodedImage {
  base64: string;
  /** e.g. 'image/jpeg'; informative, the bytes' header decides the format. */
  mimeType: string;
}

/** The stages a request goes through, in order; `fraction` of ProgressEvent is overall. */
export type ProgressStage =
  | 'starting-engine'
  | 'fetching-garment'
  | 'decoding'
  | 'analysing-portrait'
  | 'analysing-garment'
  | 'fitting'
  | 'encoding'
  | 'saving';

export interface ProgressEvent {
  jobId: JobId;
  stage: ProgressStage;
  /** Overall progress of the request in [0, 1]. */
  fraction: number;
}

/** What the popup needs to show a stored portrait (small: no pixels, no masks). */
export interface PortraitSummary {
  /** Changes whenever the portrait is replaced; the offscreen cache is keyed by it. */
  id: string;
  savedAt: number;
  mimeType: string;
  /** Size of the analysed image (EXIF orientation applied, long side ≤ 2048 px); keypoints are in these pixels. */
  width: number;
  height: number;
  keypoints: Keypoints;
  faceBox: Box | null;
  issues: PortraitIssue[];
  /** Where the analysis ran. */
  backend: 'webgpu' | 'wasm';
  timingsMs: Record<string, number>;
}

export interface AnalysePortraitRequest {
  jobId: JobId;
  image: EncodedImage;
}

export interface TryOnRequest {
  jobId: JobId;
  /** Absolute URL of the garment image (http or https, on a public host). */
  src: string;
  categoryHint?: GarmentCategory;
  fit?: TryOnOptions;
}

export interface TryOnResponse {
  /** The portrait wearing the garment, as a PNG data URL at the analysed portrait's size. */
  resultPng: string;
  /** The shopper's own photo, as stored, for the before/after comparison. */
  portrait: string;
  width: number;
  height: number;
  /** The kind the garment was tried on as (read from the photo, or the hint), and whether a model wears it in the photo. */
  garment: { category: GarmentCategory; sleeve: SleeveLength; fromCache: boolean; onModel: boolean };
  backend: 'webgpu' | 'wasm';
  timingsMs: Record<string, number>;
  /** The id of the portrait the result was made from (PortraitSummary.id): a saved look keeps it. */
  portraitId: string;
  /** The product photo, small, as a JPEG data URL made from the bytes the background downloaded, for a saved look. */
  garmentPhoto?: string;
}

/** The offscreen request: the background adds the garment's bytes unless the offscreen has its analysis cached. */
export interface OffscreenTryOnRequest extends Omit<TryOnRequest, 'src'> {
  garment: { url: string; image?: EncodedImage };
}

export interface PrepareRequest {
  url: string;
  categoryHint?: GarmentCategory;
}

export interface PrepareReply {
  /** A portrait is stored: without one there is nothing to dress, so nothing is downloaded. */
  hasPortrait: boolean;
  /** The garment's analysis is cached (e.g. a size switch): its bytes are not needed again. */
  hasGarment: boolean;
}

export interface EngineStatus {
  /** Null until the engine has been started by a first request. */
  backend: 'webgpu' | 'wasm' | null;
  crossOriginIsolated: boolean;
  /** onnxruntime-web's WASM thread count after its initialisation (1 without cross-origin isolation). */
  wasmThreads: number;
  hardwareConcurrency: number;
  webgpu: boolean;
  /** Model files listed in the shipped models.json (empty when the build has no models). */
  models: string[];
}

export interface ShowTryOnRequest {
  src: string;
  categoryHint?: GarmentCategory;
}

/** What a click on a Try on button (or the context menu) asks the overlay to show. */
export interface OverlayRequest {
  src: string;
  categoryHint?: GarmentCategory;
  /** The page's size chart as read by lib/page when the overlay opened, or null. */
  chart: SizeChart | null;
  /** The product's other colours with a photo each, as read by lib/page (none: no choice to offer). */
  variants?: ColourVariant[];
  /** When the shopper clicked (ms since the epoch), so the overlay can time click → result. */
  clickedAt: number;
  /** The product's title, price, page and store as lib/page read them, for a saved look; absent off the web. */
  product?: ProductListing;
}

/** Names one open overlay: the content script's iframe and the request it shows. */
export interface OverlayTicket {
  overlayId: string;
}

export interface SizeAdviceRequest {
  /** The page's size chart as read by lib/page, or null when it has none. */
  chart: SizeChart | null;
}

/** A try-on the shopper saves from the overlay: the background adds its id and date and stores it. */
export interface SaveLookRequest {
  portraitId: string;
  /** The result PNG at the portrait's size. */
  result: EncodedImage & { width: number; height: number };
  garment: { url: string; photo?: EncodedImage; category: GarmentCategory };
  product?: ProductListing;
  /** The size on show: the one whose fit was drawn, or for a garment worn by a model the recommended one. */
  size?: string;
}

export interface SavedLookTicket {
  id: string;
}

export interface ProtocolMap {
  // Answered by the background.
  'bg.analysePortrait'(request: AnalysePortraitRequest): Result<PortraitSummary>;
  'bg.tryOn'(request: TryOnRequest): Result<TryOnResponse>;
  'bg.status'(): Result<EngineStatus>;
  'bg.progress'(event: ProgressEvent): void;
  /** A trusted click in a page: keep the request for the overlay frame the content script is about to mount. */
  'bg.openOverlay'(request: OverlayRequest): OverlayTicket;
  /** The overlay frame asks what to show: answered once, and only to a frame of the tab that opened it. */
  'bg.overlayRequest'(ticket: OverlayTicket): OverlayRequest | null;
  /** The overlay frame wants to close: its tab's content script removes it. */
  'bg.closeOverlay'(ticket: OverlayTicket): void;
  /** A page shows Try on buttons: start the engine now, if a portrait is stored, so the first click is quick. */
  'bg.warmUp'(): void;
  /** The popup is open and no portrait is stored: start the engine, so the photo the shopper picks is analysed sooner. */
  'bg.warmUpForPortrait'(): void;
  /** Size advice for the page's chart from the stored profile and portrait. */
  'bg.sizeAdvice'(request: SizeAdviceRequest): Result<SizeAdvice>;
  /** Keep the try-on on show as a saved look (the overlay frame may not write the extension's storage itself: see lib/looks/save-look.ts). */
  'bg.saveLook'(request: SaveLookRequest): Result<SavedLookTicket>;
  /**
   * The language the shopper chose in the fitting room, null for the browser's. The overlay
   * frame asks: framed in a store page, it reads a partitioned IndexedDB, not the extension's.
   */
  'bg.language'(): Language | null;

  // Answered by the offscreen document.
  'offscreen.analysePortrait'(request: AnalysePortraitRequest): Result<PortraitSummary>;
  /** What the offscreen has ready, so the background downloads nothing needlessly. */
  'offscreen.prepare'(request: PrepareRequest): PrepareReply;
  'offscreen.tryOn'(request: OffscreenTryOnRequest): Result<TryOnResponse>;
  'offscreen.status'(): Result<EngineStatus>;
  'offscreen.warmUp'(): void;
  'offscreen.sizeAdvice'(request: SizeAdviceRequest): Result<SizeAdvice>;

  // Answered by the content script of a tab.
  'content.showTryOn'(request: ShowTryOnRequest): void;
  'content.closeOverlay'(ticket: OverlayTicket): void;

  // Answered by an open popup or fitting room (each keeps only its own job's events).
  'popup.progress'(event: ProgressEvent): void;

  // Answered by the overlay frames (each keeps only its own job's events).
  'overlay.progress'(event: ProgressEvent): void;
}

/** The one messenger every context uses; each registers only its own prefix's listeners. */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

/**
 * A fresh job id.
 * @example const jobId = newJobId(); // 'job-lx3k9a-4f1c2e'
 */
export function newJobId(): JobId {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
