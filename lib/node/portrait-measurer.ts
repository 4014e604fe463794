/**
 * Measuring the person in a portrait file, in Node (the size CLI): decode, analyse
 * with the engine from assets/models, then measure with lib/size.
 */
import { readImageFile } from './image-file';
import { createNodeEngine } from './node-engine';
import { PORTRAIT_MAX_LONG_SIDE } from '../image-io/size';
import { measurePortrait, type PortraitMeasures, type TapeMeasures } from '../size/portrait-measures';

/**
 * @param file a portrait photo (JPEG, PNG, WebP, ...)
 * @param heightCm the person's height in cm (100–230): the photo's scale comes from it
 * @param tape tape measurements in cm that replace the photo's estimates
 * @throws FitroomError('not-an-image' | 'image-too-large' | 'no-person' | 'bad-argument')
 * @example const m = await measurePortraitFile('me.jpg', 170); m.measures.chest?.value // → 88.2
 */
export async function measurePortraitFile(file: string, heightCm: number, tape: TapeMeasures = {}): Promise<PortraitMeasures> {
  const image = await readImageFile(file, { maxLongSide: PORTRAIT_MAX_LONG_SIDE });
  const engine = await createNodeEngine();
  return measurePortrait(await engine.analysePortrait(image), heightCm, tape);
}
