/**
 * The person mask at the photo's resolution: BlazePose's 256x256 segmentation
 * laid onto the working copy perception ran on (long side 480-640 px),
 * sharpened there against the photo's own colours, then enlarged to the photo.
 * Solving at the working size (384x512 for a 768x1024 portrait) costs a
 * quarter of full size, for edges about one photo pixel softer.
 */
import { mapToImage } from '../affine';
import type { GrayImage, RgbaImage } from '../image';
import { resizeGray } from '../image';
import { refineMask } from '../matting';
import type { PoseResult } from './pose';

/**
 * @example const mask = personMask(photo, pose); // GrayImage at the photo's size, 1 = person
 */
export function personMask(image: RgbaImage, pose: PoseResult): GrayImage {
  const work = pose.working;
  const { width: w, height: h } = work;
  // Tuned on 1024-px-tall portraits; scale the pixel distances with the working copy.
  const scale = Math.max(w, h) / 1024;
  const coarse = mapToImage(pose.segmentation, pose.segmentationToWorking, w, h, 0);
  const refined = refineMask(work, coarse, { band: Math.max(1, Math.round(10 * scale)), colorRadius: Math.max(1, Math.round(12 * scale)) });
  return w === image.width && h === image.height ? refined : resizeGray(refined, image.width, image.height);
}
