/**
 * The shopper's photo as Fitroom keeps it: decoded (EXIF orientation applied,
 * scaled to at most PORTRAIT_MAX_LONG_SIDE), flattened onto white and encoded again
 * as a plain JPEG, with every metadata segment removed (jpeg-metadata.ts). Phones
 * write the camera, the time and often the GPS position into a photo; none of it is
 * needed to dress the shopper, so none of it is kept. The chosen file's own bytes are
 * used once, here, and never stored.
 *
 * The decoder and encoder are passed in: the browser's in the offscreen document,
 * sharp in Node tests.
 */
import type { RgbaImage } from './engine/image';
import { PORTRAIT_MAX_LONG_SIDE } from './image-io/size';
import { jpegMetadataMarkers, stripJpegMetadata } from './jpeg-metadata';

/** High enough that the analysis sees what the original shows; a 2048 px portrait stays around 1 MB. */
export const PORTRAIT_JPEG_QUALITY = 0.92;
export const PORTRAIT_MIME_TYPE = 'image/jpeg';

export interface PortraitCodec {
  /** Decodes with EXIF orientation applied, scaled down to maxLongSide. */
  decode(bytes: Uint8Array, options: { maxLongSide: number }): Promise<RgbaImage>;
  /** Encodes RGBA as JPEG at quality in (0, 1]. */
  encodeJpeg(image: RgbaImage, quality: number): Promise<Uint8Array>;
}

/**
 * The photo re-encoded for storage: oriented, at most PORTRAIT_MAX_LONG_SIDE px, opaque, JPEG, no metadata.
 * @throws what `decode` throws for bytes that are not a picture; Error when the encoder's output is not a clean JPEG.
 * @example const stored = await reencodePortrait(chosenFileBytes, { decode: decodeImage, encodeJpeg: encodeJpegBytes });
 */
export async function reencodePortrait(bytes: Uint8Array, codec: PortraitCodec): Promise<Uint8Array> {
  const image = await codec.decode(bytes, { maxLongSide: PORTRAIT_MAX_LONG_SIDE });
  const encoded = await codec.encodeJpeg(flattenOnWhite(image), PORTRAIT_JPEG_QUALITY);
  // Whatever the encoder wrote besides the picture goes too.
  const clean = stripJpegMetadata(encoded);
  const left = jpegMetadataMarkers(clean);
  if (left.length) throw new Error(`Expected no metadata in the re-encoded portrait but found ${left.join(', ')}.`);
  return clean;
}

/**
 * The image with transparency composited over white (JPEG has no alpha; a cut-out portrait
 * on white reads as one photographed on a plain wall).
 * @example flattenOnWhite({ width: 1, height: 1, data: new Uint8ClampedArray([0, 0, 0, 0]) }).data // [255, 255, 255, 255]
 */
export function flattenOnWhite(image: RgbaImage): RgbaImage {
  const { data } = image;
  let opaque = true;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) { opaque = false; break; }
  if (opaque) return image;
  const out = new Uint8ClampedArray(data.length);
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3] / 255;
    for (let c = 0; c < 3; c++) out[i + c] = Math.round(data[i + c] * a + 255 * (1 - a));
    out[i + 3] = 255;
  }
  return { width: image.width, height: image.height, data: out };
}
