/**
 * A garment photographed on a model, moved onto the shopper body to body:
 * the torso (and skirt, or a bottom's hips) through a thin-plate spline from
 * the shopper's body points to the model's, each sleeve and trouser leg joint
 * to joint along its limb; then composited as a top, a bottom or a dress.
 */
import type { GarmentAnalysis, PortraitAnalysis, TryOnLayers, TryOnResult } from './analysis';
import { FitroomError } from './errors';
import type { GrayImage, RgbaImage } from './image';
import { createGray, createRgba } from './image';
import { MODEL_PART } from './garment/on-model';
import { bodyTransfer, scaleTransferBody } from './fit/body-transfer';
import { composeUpper } from './render/compose';
import { composeDress, composeLower } from './render/compose-lower';
import { drawTorso } from './render/garment-layers';
import { scaledSource } from './render/garment-source';
import { drawLimb } from './render/limb-warp';
import { closeSeamGaps } from './render/seam-gaps';
import type { SeamLine } from './render/leg-seam';
import { blendLegSeam } from './render/leg-seam';
import type { BodyGeometry } from './portrait/body-geometry';
import { lowerMaps } from './render/lower-maps';
import { topAndBottom } from './portrait/clothes-split';
import { stopwatch } from './stopwatch';

/** How far a gap between a garment's body and a sleeve may reach from both, in shoulder spans. */
const SEAM_REACH = 0.12;

/**
 * @example const { image } = tryOnModelGarment(portrait, garmentOnModel);
 */
export function tryOnModelGarment(portrait: PortraitAnalysis, garment: GarmentAnalysis, report?: TryOnLayers): TryOnResult {
  if (!garment.model || !garment.parts) throw new FitroomError('bad-argument', `Expected a garment photographed on a model (with the model's body) but the ${garment.category} has none.`);
  const { timingsMs, lap } = stopwatch();
  const { body, keypoints, personMask, regions } = portrait;
  // the model photo brought to the shopper's scale first (area averaging keeps prints sharp, not aliased)
  const k = body.shoulderSpan / Math.max(1, garment.model.body.shoulderSpan);
  const { src, scale, factor } = scaledSource(garment, k);
  const model = scaleTransferBody(garment.model, scale, factor);
  const category = garment.category;
  const transfer = bodyTransfer({ keypoints, body }, model, category !== 'upper');
  lap('scale');
  const { width: W, height: H } = portrait.image;
  const fit = { torso: transfer.torso, box: transfer.box, leftSleeve: null, rightSleeve: null, hemY: 0 };
  const sleeves = createRgba(W, H);
  let main: RgbaImage;
  const legged = category === 'lower' && src.parts.some((p) => p === MODEL_PART.leftLeg || p === MODEL_PART.rightLeg);
  if (legged) {
    // the spline moves the whole bottom, each leg also moves along its limb: one hands over to the other below the crotch
    main = drawTorso({ ...src, parts: src.parts.map((p) => (p === MODEL_PART.leftLeg || p === MODEL_PART.rightLeg ? MODEL_PART.torso : p)) }, fit, W, H);
    const legs = createRgba(W, H);
    drawLimb(legs, src, transfer.leftLeg, MODEL_PART.leftLeg);
    drawLimb(legs, src, transfer.rightLeg, MODEL_PART.rightLeg);
    blendLegSeam(main, legs, seamLine(body));
  } else {
    main = drawTorso(src, fit, W, H, category === 'lower' ? undefined : behindArms(portrait));
    if (category !== 'lower') {
      drawLimb(sleeves, src, transfer.leftArm, MODEL_PART.leftArm);
      drawLimb(sleeves, src, transfer.rightArm, MODEL_PART.rightArm);
      closeSeamGaps(main, sleeves, portrait.render.clearTop, body.shoulderSpan * SEAM_REACH);
    }
  }
  lap('warp');
  let image;
  if (category === 'upper') image = composeUpper(portrait, { torso: main, sleeves }, report);
  else {
    const maps = lowerMaps(portrait);
    if (category === 'dress') image = composeDress(portrait, maps, { body: main, sleeves }, report);
    else image = composeLower(portrait, maps, topAndBottom(personMask, regions, maps.split, maps.split.waistY ?? maps.defaultWaistY, body), main, maps.bottomRoom, report);
  }
  lap('compose');
  return { image, timingsMs };
}

/**
 * Where a garment's body goes on behind the model's arms: the shopper's old top over the
 * torso (not over the shopper's own arms, which their sleeves or skin cover).
 */
function behindArms(portrait: PortraitAnalysis): GrayImage {
  let out = behindArmsCache.get(portrait);
  if (out) return out;
  const { clearTop } = portrait.render, { arms } = portrait.regions;
  out = createGray(clearTop.width, clearTop.height);
  for (let i = 0; i < out.data.length; i++) out.data[i] = clearTop.data[i] * (1 - arms.data[i]);
  behindArmsCache.set(portrait, out);
  return out;
}
const behindArmsCache = new WeakMap<PortraitAnalysis, GrayImage>();

/** The shopper's crotch (a fifth of the thigh below the hips' centre) and the body's downward axis. */
function seamLine(body: BodyGeometry): SeamLine {
  const [hip, knee] = body.leftLeg.points;
  const thigh = Math.max(1, Math.hypot(knee[0] - hip[0], knee[1] - hip[1]));
  const down: [number, number] = [-body.up[0], -body.up[1]];
  return { crotch: [body.hipCenter[0] + down[0] * thigh * 0.2, body.hipCenter[1] + down[1] * thigh * 0.2], down, thigh };
}
