/**
 * The person mask at the photo's resolution: BlazePose's 256x256 segmentation
 * laid back onto the photo, then sharpened against the photo's own edges.
 */
import { mapToImage } from '../affine';
import type { GrayImage, RgbaImage } from '../image';
import { refineMask } from '../matting';
import type { PoseResult } from './pose';

/**
 * @example const mask = personMask(photo, pose); // GrayImage at the photo's size, 1 = person
 */
export function personMask(image: RgbaImage, pose: PoseResult): GrayImage {
  const { width: w, height: h } = image;
  // Tuned on 1024-px-tall portraits; scale the pixel distances with the photo.
  const scale = Math.max(w, h) / 1024;
  const coarse = mapToImage(pose.segmentation, pose.segmentationToImage, w, h, 0);
  return refineMask(image, coarse, { band: Math.max(1, Math.round(10 * scale)), colorRadius: Math.max(1, Math.round(12 * scale)) });
}
