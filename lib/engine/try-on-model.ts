/**
 * A garment photographed on a model, moved onto the shopper body to body. A top
 * or a dress as one sheet (render/garment-sheet.ts), pulled by the model's body
 * points to the shopper's and its sleeves' sides along the arms joint to joint;
 * a bottom's hips through a thin-plate spline and each trouser leg along its
 * leg. Then composited as a top, a bottom or a dress.
 */
import type { GarmentAnalysis, PortraitAnalysis, TryOnLayers, TryOnResult } from './analysis';
import { FitroomError } from './errors';
import type { RgbaImage } from './image';
import { createRgba } from './image';
import { MODEL_PART, SLEEVE_OUTER_REACH } from './garment/on-model';
import { bodyTransfer, scaleTransferBody } from './fit/body-transfer';
import { composeUpper } from './render/compose';
import { composeDress, composeLower } from './render/compose-lower';
import { drawTorso } from './render/garment-layers';
import { scaledSource } from './render/garment-source';
import { drawLimb } from './render/limb-warp';
import { drawSheet } from './render/garment-sheet';
import { SEAM_REACH, closeSeamGaps } from './render/seam-gaps';
import type { PartScales } from './fit/sheet-handles';
import { modelSheetHandles, modelSheetSeams } from './fit/model-sheet-handles';
import type { SeamLine } from './render/leg-seam';
import { blendLegSeam } from './render/leg-seam';
import type { BodyGeometry } from './portrait/body-geometry';
import { lowerMaps } from './render/lower-maps';
import { topAndBottom } from './portrait/clothes-split';
import { stopwatch } from './stopwatch';
import type { GarmentSource } from './render/garment-layers';
import type { SheetHandle } from './fit/sheet-handles';
import type { TransferBody } from './fit/body-transfer';
import { torsoOutline } from './render/body-zone';
import { polygonMask } from './shapes';
import type { Point } from './shapes';

/** A garment worn by a model is already at the shopper's scale: its parts keep their shape. */
const AS_PHOTOGRAPHED: PartScales = { body: () => [1, 0, 0, 1], leftSleeve: null, rightSleeve: null };

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
  let main: RgbaImage, sleeves: RgbaImage;
  if (category === 'lower') {
    const fit = { torso: transfer.torso, box: transfer.box, leftSleeve: null, rightSleeve: null, hemY: 0 };
    sleeves = createRgba(W, H);
    const legged = src.parts.some((p) => p === MODEL_PART.leftLeg || p === MODEL_PART.rightLeg);
    if (legged) {
      // the spline moves the whole bottom, each leg also moves along its limb: one hands over to the other below the crotch
      main = drawTorso({ ...src, parts: src.parts.map((p) => (p === MODEL_PART.leftLeg || p === MODEL_PART.rightLeg ? MODEL_PART.torso : p)) }, fit, W, H);
      const legs = createRgba(W, H);
      drawLimb(legs, src, transfer.leftLeg, MODEL_PART.leftLeg);
      drawLimb(legs, src, transfer.rightLeg, MODEL_PART.rightLeg);
      blendLegSeam(main, legs, seamLine(body));
    } else main = drawTorso(src, fit, W, H);
  } else {
    // a top or a dress: one sheet, the model's body points and arms onto the shopper's
    const sheetSource = { ...src, parts: src.parts.map((p) => (p === MODEL_PART.leftLeg || p === MODEL_PART.rightLeg ? MODEL_PART.torso : p)) };
    const handles = modelSheetHandles(transfer, body, model.body);
    const { source, backingHandles } = withBacking(sheetSource, model, handles);
    const layers = drawSheet(source, modelSheetSeams(model.body, SLEEVE_OUTER_REACH), [...handles, ...backingHandles], AS_PHOTOGRAPHED, W, H);
    closeSeamGaps(layers.body, layers.sleeves, portrait.personMask, body.shoulderSpan * SEAM_REACH);
    main = layers.body;
    sleeves = layers.sleeves;
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
 * The garment's body behind the model's arms. Where the model's arms hung over the torso, the
 * garment's sides are hidden; a shopper whose arms stand out from the body shows them. The
 * sleeves' pixels there (the same cloth, for a one-colour garment) are laid, as body, on a copy
 * of the source below the garment, pulled by the body's own handles: drawn under the body,
 * they show only where the body has none.
 */
function withBacking(src: GarmentSource, model: TransferBody, handles: SheetHandle[]): { source: GarmentSource; backingHandles: SheetHandle[] } {
  const { width: w, height: h } = src.image;
  const torso = polygonMask(w, h, torsoOutline(model.body, model.keypoints));
  const image = createRgba(w, 2 * h), mask = new Float32Array(w * 2 * h), parts = new Uint8Array(w * 2 * h);
  image.data.set(src.image.data);
  mask.set(src.mask);
  parts.set(src.parts);
  let any = false;
  for (let i = 0; i < w * h; i++) {
    if ((src.parts[i] !== MODEL_PART.leftArm && src.parts[i] !== MODEL_PART.rightArm) || torso.data[i] < 0.5) continue;
    const j = i + w * h;
    for (let c = 0; c < 4; c++) image.data[j * 4 + c] = src.image.data[i * 4 + c];
    mask[j] = src.mask[i];
    parts[j] = MODEL_PART.torso;
    any = true;
  }
  if (!any) return { source: src, backingHandles: [] };
  const backingHandles = handles.filter((p) => p.part === MODEL_PART.torso).map((p) => ({ ...p, at: [p.at[0], p.at[1] + h] as Point }));
  return { source: { image, mask, parts }, backingHandles };
}

/** The shopper's crotch (a fifth of the thigh below the hips' centre) and the body's downward axis. */
function seamLine(body: BodyGeometry): SeamLine {
  const [hip, knee] = body.leftLeg.points;
  const thigh = Math.max(1, Math.hypot(knee[0] - hip[0], knee[1] - hip[1]));
  const down: [number, number] = [-body.up[0], -body.up[1]];
  return { crotch: [body.hipCenter[0] + down[0] * thigh * 0.2, body.hipCenter[1] + down[1] * thigh * 0.2], down, thigh };
}
