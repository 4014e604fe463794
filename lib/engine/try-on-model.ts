/**
 * A garment photographed on a model, moved onto the shopper body to body:
 * the torso (and skirt, or a bottom's hips) through a thin-plate spline from
 * the shopper's body points to the model's, each sleeve and trouser leg joint
 * to joint along its limb; then composited as a top, a bottom or a dress.
 */
import type { GarmentAnalysis, PortraitAnalysis, TryOnResult } from './analysis';
import { FitroomError } from './errors';
import { createRgba } from './image';
import { MODEL_PART } from './garment/on-model';
import { bodyTransfer, scaleTransferBody } from './fit/body-transfer';
import { composeUpper } from './render/compose';
import { composeDress, composeLower } from './render/compose-lower';
import { drawTorso } from './render/garment-layers';
import { scaledSource } from './render/garment-source';
import { drawLimb } from './render/limb-warp';
import { lowerMaps } from './render/lower-maps';
import { topAndBottom, wornClothes } from './portrait/clothes-split';

/**
 * @example const { image } = tryOnModelGarment(portrait, garmentOnModel);
 */
export function tryOnModelGarment(portrait: PortraitAnalysis, garment: GarmentAnalysis): TryOnResult {
  if (!garment.model || !garment.parts) throw new FitroomError('bad-argument', `Expected a garment photographed on a model (with the model's body) but the ${garment.category} has none.`);
  const timingsMs: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timingsMs[name] = now - t;
    t = now;
  };
  const { body, keypoints, personMask, regions } = portrait;
  // the model photo brought to the shopper's scale first (area averaging keeps prints sharp, not aliased)
  const k = body.shoulderSpan / Math.max(1, garment.model.body.shoulderSpan);
  const { src, scale, factor } = scaledSource(garment, k);
  const model = scaleTransferBody(garment.model, scale, factor);
  const category = garment.category;
  const transfer = bodyTransfer({ keypoints, body }, model, category !== 'upper');
  lap('scale');
  const { width: W, height: H } = portrait.image;
  const main = drawTorso(src, { torso: transfer.torso, box: transfer.box, leftSleeve: null, rightSleeve: null, hemY: 0 }, W, H);
  const sleeves = createRgba(W, H);
  if (category !== 'lower') {
    drawLimb(sleeves, src, transfer.leftArm, MODEL_PART.leftArm);
    drawLimb(sleeves, src, transfer.rightArm, MODEL_PART.rightArm);
  } else {
    drawLimb(main, src, transfer.leftLeg, MODEL_PART.leftLeg);
    drawLimb(main, src, transfer.rightLeg, MODEL_PART.rightLeg);
  }
  lap('warp');
  let image;
  if (category === 'upper') image = composeUpper(portrait, { torso: main, sleeves });
  else {
    const maps = lowerMaps(portrait);
    if (category === 'dress') image = composeDress(portrait, maps, wornClothes(personMask, regions, maps.split, body), { body: main, sleeves });
    else image = composeLower(portrait, maps, topAndBottom(personMask, regions, maps.split, maps.split.waistY ?? maps.defaultWaistY, body), main);
  }
  lap('compose');
  return { image, timingsMs };
}
