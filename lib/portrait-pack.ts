/**
 * Makes a PortraitAnalysis compact for storage, and whole again.
 *
 * A decoded portrait is large (768x1024 RGBA = 3 MB; a Float32 mask at that size = 3 MB),
 * so the stored form:
 * - leaves out the analysed RGBA image: it is rebuilt by decoding the stored photo bytes
 *   again with the same decoder (same browser, same bytes → same pixels);
 * - stores every soft mask (a GrayImage: Float32 values in [0, 1]) as 8-bit, value = round(v × 255),
 *   a quarter of the size, at most 1/510 off, which is finer than any edge in a photo;
 * - keeps everything else (keypoints, boxes, the engine's own extras) as it is: IndexedDB
 *   stores typed arrays natively.
 */
import type { GrayImage, RgbaImage } from './engine/image';
import type { PortraitAnalysis } from './engine/analysis';

/** Bump when the packed shape changes; older records are then analysed again. */
export const PACK_FORMAT = 1;

/** Marks a value replaced by the packer. */
const TAG = '__fitroomPacked';

interface PackedGray {
  [TAG]: 'gray8';
  width: number;
  height: number;
  data: Uint8Array;
}
interface PackedImageRef {
  [TAG]: 'portrait-image';
}

export interface PackedPortraitAnalysis {
  format: typeof PACK_FORMAT;
  /** The analysis with the portrait image replaced by a reference and masks quantised. */
  tree: Record<string, unknown>;
  /** Size of the analysed image, to check the rebuilt image against. */
  width: number;
  height: number;
}

/**
 * The compact stored form of an analysis (see the module comment).
 * @example const packed = packPortraitAnalysis(analysis); await db.put(packed);
 */
export function packPortraitAnalysis(analysis: PortraitAnalysis): PackedPortraitAnalysis {
  const image = analysis.image;
  const tree = packValue(analysis, image.data) as Record<string, unknown>;
  return { format: PACK_FORMAT, tree, width: image.width, height: image.height };
}

/**
 * The analysis again, given the analysed image rebuilt from the stored photo.
 * @throws Error when the image is not the size the analysis was made at, or the format is unknown.
 * @example const analysis = unpackPortraitAnalysis(packed, await decodeImage(bytes, { maxLongSide: 2048 }));
 */
export function unpackPortraitAnalysis(packed: PackedPortraitAnalysis, image: RgbaImage): PortraitAnalysis {
  if (packed.format !== PACK_FORMAT) throw new Error(`Expected stored analysis format ${PACK_FORMAT} but found ${String(packed.format)}.`);
  if (image.width !== packed.width || image.height !== packed.height) {
    throw new Error(`Expected the rebuilt portrait to be ${packed.width}x${packed.height} but it is ${image.width}x${image.height}.`);
  }
  return unpackValue(packed.tree, image) as PortraitAnalysis;
}

function packValue(value: unknown, imageData: Uint8ClampedArray): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  if (Array.isArray(value)) return value.map((v) => packValue(v, imageData));
  const record = value as Record<string, unknown>;
  if (record.data === imageData) return { [TAG]: 'portrait-image' } satisfies PackedImageRef;
  if (isUnitGrayImage(record)) return packGray(record);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = packValue(v, imageData);
  return out;
}

function unpackValue(value: unknown, image: RgbaImage): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  if (Array.isArray(value)) return value.map((v) => unpackValue(v, image));
  const record = value as Record<string, unknown>;
  if (record[TAG] === 'portrait-image') return image;
  if (record[TAG] === 'gray8') return unpackGray(record as unknown as PackedGray);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = unpackValue(v, image);
  return out;
}

/** A GrayImage whose values all lie in [0, 1] (a mask or matte): safe to store in 8 bits. */
function isUnitGrayImage(v: Record<string, unknown>): v is GrayImage & Record<string, unknown> {
  if (!(v.data instanceof Float32Array) || typeof v.width !== 'number' || typeof v.height !== 'number') return false;
  if (Object.keys(v).length !== 3 || v.data.length !== v.width * v.height) return false;
  for (let i = 0; i < v.data.length; i++) {
    const x = v.data[i];
    if (!(x >= 0 && x <= 1)) return false; // also rejects NaN
  }
  return true;
}

function packGray(g: GrayImage): PackedGray {
  const data = new Uint8Array(g.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(g.data[i] * 255);
  return { [TAG]: 'gray8', width: g.width, height: g.height, data };
}

function unpackGray(p: PackedGray): GrayImage {
  const data = new Float32Array(p.data.length);
  for (let i = 0; i < data.length; i++) data[i] = p.data[i] / 255;
  return { width: p.width, height: p.height, data };
}
