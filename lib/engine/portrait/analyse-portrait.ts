/**
 * Portrait analysis, done once per portrait and cached: pose, person mask,
 * face, body shape, skin colour and the regions a try-on needs.
 */
import type { PortraitAnalysis } from '../analysis';
import { FitroomError } from '../errors';
import type { RgbaImage } from '../image';
import { resizeRgba } from '../image';
import { personMask } from '../perception/person-mask';
import type { PoseModels } from '../perception/pose';
import { estimatePose } from '../perception/pose';
import { bodyGeometry } from './body-geometry';
import { portraitIssues } from './issues';
import { portraitRegions } from './regions';
import { renderMaps } from './render-maps';
import { learnSkin } from './skin';
import { stopwatch } from '../stopwatch';

/**
 * Bump when PortraitAnalysis changes shape, or its maps change meaning, so stored analyses
 * are redone (5: the body zone's edge crisp, its yoke ending at the bare shoulder's round).
 */
export const PORTRAIT_VERSION = 5;
/** Portraits are analysed and rendered at most this big on the long side. */
export const MAX_PORTRAIT_SIDE = 2048;

/**
 * @throws FitroomError('no-person') when nobody is in the photo.
 * @example const portrait = await analysePortraitImage({ detector, landmarks }, photo);
 */
export async function analysePortraitImage(models: PoseModels, input: RgbaImage): Promise<PortraitAnalysis> {
  const { timingsMs, lap } = stopwatch();
  const long = Math.max(input.width, input.height);
  const image = long > MAX_PORTRAIT_SIDE
    ? resizeRgba(input, Math.round((input.width * MAX_PORTRAIT_SIDE) / long), Math.round((input.height * MAX_PORTRAIT_SIDE) / long))
    : input;
  lap('resize');
  const pose = await estimatePose(models, image);
  lap('pose');
  if (!pose) throw new FitroomError('no-person', 'No person was found in the portrait. Use a photo of yourself facing the camera.');
  const mask = personMask(image, pose);
  lap('mask');
  const body = bodyGeometry(pose.keypoints, mask);
  const skin = learnSkin(image, pose.keypoints, mask);
  const regions = portraitRegions(image, mask, body, skin);
  lap('regions');
  const render = renderMaps(image, mask, pose.keypoints, body, regions, skin);
  lap('renderMaps');
  return {
    version: PORTRAIT_VERSION,
    image,
    keypoints: pose.keypoints,
    personMask: mask,
    faceBox: body.faceBox,
    issues: portraitIssues(pose.keypoints, image.width, image.height, pose.people),
    people: pose.people,
    body,
    regions,
    skin,
    render,
    timingsMs,
  };
}
