/**
 * The engine's public API. Data flows one way:
 *   image bytes → decode (platform) → analysePortrait / analyseGarment (cacheable plain data) → tryOn → RGBA result.
 *
 * Runs unchanged in the extension's offscreen document and in Node (CLI, tests, bench).
 */
import type { RgbaImage } from './image';
import type { GarmentAnalysis, PortraitAnalysis, TryOnOptions, TryOnResult } from './analysis';

export type { RgbaImage, GrayImage } from './image';
export * from './types';
export * from './analysis';
export { FitroomError, isFitroomError } from './errors';

/** How the engine gets its models and where it runs them. */
export interface EngineOptions {
  /** Returns the bytes of a file from assets/models, e.g. `loadModel('pose-landmark-full.fp16.onnx')`. */
  loadModel(file: string): Promise<Uint8Array>;
  /** Execution providers in order of preference; default ['wasm']. The offscreen document passes ['webgpu', 'wasm'] when WebGPU exists. */
  executionProviders?: ('webgpu' | 'wasm')[];
  /** Model precision variant to load (file suffix); default 'fp16' (see assets/models/README.md). */
  precision?: 'fp32' | 'fp16' | 'int8';
}

export interface Engine {
  /** The execution provider the sessions ended up on. */
  readonly backend: 'webgpu' | 'wasm';
  /** Pose, person mask, face, skin and clothing regions of the shopper's portrait. Throws FitroomError('no-person'). */
  analysePortrait(image: RgbaImage): Promise<PortraitAnalysis>;
  /**
   * Mask, category, landmarks of a product photo: a top, a bottom or a dress, photographed flat or
   * worn by a model (then `model` holds the model's body). `category` picks the garment (and overrides
   * the one read from the photo). Throws FitroomError('no-garment' | 'unsupported-category').
   */
  analyseGarment(image: RgbaImage, options?: { category?: GarmentAnalysis['category'] }): Promise<GarmentAnalysis>;
  /** The portrait wearing the garment, at the portrait's size. */
  tryOn(portrait: PortraitAnalysis, garment: GarmentAnalysis, options?: TryOnOptions): Promise<TryOnResult>;
  /**
   * Runs each model once on a blank input, so the first real analysis does not pay
   * ONNX Runtime's first-run setup (about 0.4 s in Node on a 2-core machine, more in a browser).
   * @example await engine.warmUp(); // while the shopper is still choosing a photo
   */
  warmUp(): Promise<void>;
  /** Frees the ONNX sessions. */
  dispose(): Promise<void>;
}

export { createEngine } from './engine';
