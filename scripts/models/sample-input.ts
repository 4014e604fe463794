/**
 * Model inputs from photos, for the parity test and the measurements (Node only: uses sharp).
 *
 * One concern: turning a photo file into the NHWC float32 tensor the models
 * take. The whole photo is resized to fit a size x size square, keeping its
 * aspect ratio, centred, with black letterbox bars (as Human's blazepose.ts
 * pads to a square and resizes); RGB values are divided by 255 to [0, 1]
 * (Human divides by 255 for the BlazePose detector, landmarks and selfie
 * models alike: src/body/blazepose.ts prepareImage, src/segmentation/selfie.ts).
 */
import sharp from 'sharp';

/**
 * Letterbox a photo into a size x size RGB NHWC Float32Array in [0, 1].
 *
 * @param path image file (any format sharp reads)
 * @param size output side in pixels, 1..4096
 * @example const input = await letterboxRgb('persons/01008_00.jpg', 256); // length 256*256*3
 */
export async function letterboxRgb(path: string, size: number): Promise<Float32Array> {
  if (!Number.isInteger(size) || size < 1 || size > 4096) throw new Error(`Expected an integer 1..4096 for size but received ${size}`);
  const { data, info } = await sharp(path)
    .removeAlpha()
    .toColourspace('srgb')
    .resize(size, size, { fit: 'contain', position: 'centre', background: { r: 0, g: 0, b: 0 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== size || info.height !== size || info.channels !== 3) {
    throw new Error(`Decoded ${path} to ${info.width}x${info.height}x${info.channels}, expected ${size}x${size}x3`);
  }
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] / 255;
  return out;
}
