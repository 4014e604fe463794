/**
 * The proportions that turn a photo's pixels into centimetres: where BlazePose's
 * points sit as fractions of stature, and how a torso's frontal width becomes a
 * girth. Kept apart from the code that uses them, so they can be checked and
 * re-calibrated in one place.
 *
 * Stature fractions. Drillis & Contini (1966, "Body segment parameters", New York
 * University report 1166-03) give heights as fractions of stature H: acromion
 * 0.818 H, greater trochanter 0.530 H, knee 0.285 H, ankle 0.039 H, chin 0.870 H.
 * BlazePose's points are joint centres, not those bony landmarks (its "shoulder"
 * is the shoulder joint, below the acromion; its "hip" the hip joint), so the
 * fractions below are measured on the two sample portraits that show a whole
 * standing person head to feet (model_8, model_9) and checked against the
 * literature: shoulder-to-hip 0.273 and 0.287 of stature (Drillis & Contini:
 * 0.288), hip-to-ankle 0.485 and 0.473 (0.491), ankle 0.022 and 0.024 (0.039).
 *
 * Girths. A horizontal cross-section of the torso is modelled as an ellipse whose
 * width is what the photo shows and whose depth is a typical fraction of it, and
 * the ellipse's perimeter is scaled up by how much a real torso's tape girth
 * exceeds that ellipse (a torso is flatter at the back and sides than an ellipse).
 * Both numbers come from the US Army's ANSUR II survey means (Gordon et al. 2014,
 * NATICK/TR-15/007; men and women pooled, rounded):
 *
 * | girth | breadth, depth (men / women, cm) | depth/width | ellipse perimeter / width | tape / ellipse | girth / width |
 * | --- | --- | --- | --- | --- | --- |
 * | chest | 28.9, 25.4 / 26.9, 24.7 | 0.90 | 2.98 | 1.20 (we use 1.06) | 3.58 (we use 3.17) |
 * | waist | 32.6, 23.8 / 30.0, 21.3 | 0.72 | 2.72 | 1.06 | 2.88 |
 * | hips (buttocks) | 34.6, 24.6 / 35.4, 23.3 | 0.69 | 2.68 | 1.09 | 2.92 |
 *
 * (girths 105.9 / 94.7, 94.1 / 86.1, 102.0 / 102.1 cm). At the chest the survey's
 * tape/ellipse factor is 1.20, because its caliper breadth is taken across the
 * front of the chest while the tape passes round the back muscles (latissimus),
 * which are wider; a front photo's outline at that height shows those muscles, so
 * its width is already wider than the caliper's. We therefore use the waist's and
 * hips' factor there too (1.06, so chest girth ≈ 3.17 × the photo's width), an
 * assumption that makes the chest the least certain girth (SHAPE_ERROR).
 * The person mask is of the clothed body: see CLOTHES_WIDTH_CM and CLOTHES_ALLOWANCE.
 *
 * Shoulder width (biacromial, shoulder point to shoulder point across the back)
 * is narrower than the photo's outer shoulder outline (bideltoid: the deltoid
 * muscles and the sleeves add to it); ANSUR II's means put biacromial breadth at
 * ≈ 0.81 of bideltoid breadth.
 */

/** Fractions of stature between BlazePose's points (and the top of the head). */
export const STATURE_FRACTION = {
  /** Mid-shoulders (joints) to mid-hips (joints). */
  shoulderToHip: 0.28,
  /** Top of the head (hair included) to mid-hips. */
  headTopToHip: 0.498,
  /** Mid-hips to mid-ankles, standing straight. */
  hipToAnkle: 0.479,
  /** Mid-ankles above the floor. */
  ankleHeight: 0.023,
} as const;

/**
 * How far each stature estimate can be off, as a fraction (one standard deviation),
 * from the spread of these proportions between people (the coefficient of variation
 * of segment-length ratios in adults is 3–5 %) plus posture and camera tilt.
 */
export const STATURE_ERROR = {
  /** Head top to ankles, both in the frame: only posture and hair volume. */
  headToAnkle: 0.025,
  headTopToHip: 0.05,
  hipToAnkle: 0.06,
  /** The torso is short, and leaning or a camera above the chest foreshortens it. */
  shoulderToHip: 0.08,
} as const;

/** Depth over width of the torso's cross-section at each girth (see the table above). */
export const DEPTH_RATIO = { chest: 0.9, waist: 0.72, hips: 0.69 } as const;

/** Tape girth over the perimeter of an ellipse of the same width and depth (see the table above). */
export const TAPE_OVER_ELLIPSE = { chest: 1.06, waist: 1.06, hips: 1.09 } as const;

/**
 * Perimeter of an ellipse of width 1 and depth `d` (Ramanujan's first approximation, exact to 0.01 % here).
 * @example ellipsePerimeterPerWidth(0.72) // → 2.72
 */
export function ellipsePerimeterPerWidth(d: number): number {
  const a = 0.5, b = d / 2;
  return Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
}

/**
 * Tape girth over the photo's width for a girth: the ellipse with the region's depth, times the tape factor.
 * @example girthPerWidth('waist') // → 2.88
 */
export function girthPerWidth(region: keyof typeof DEPTH_RATIO): number {
  return ellipsePerimeterPerWidth(DEPTH_RATIO[region]) * TAPE_OVER_ELLIPSE[region];
}

/** Biacromial (tape) shoulder width over the photo's outer shoulder outline. */
export const SHOULDER_OUTLINE_TO_BIACROMIAL = 0.81;

/**
 * Where to look for each girth, as fractions of the way from the shoulder joints'
 * line (0) to the hip joints' line (1), and whether its width is the widest or the
 * narrowest in that band. From the same stature fractions: bust point ≈ 0.72 H
 * (0.35 of the way), natural waist ≈ 0.63 H (0.65), hips' widest ≈ 0.48–0.50 H
 * (just below the hip joints).
 */
export const GIRTH_BANDS = {
  chest: { from: 0.25, to: 0.45, pick: 'widest' },
  waist: { from: 0.5, to: 0.85, pick: 'narrowest' },
  hips: { from: 0.95, to: 1.2, pick: 'widest' },
} as const;

/**
 * How far a girth from a photo can be off from the shape assumption alone (depth
 * ratios vary between people by about this much, one standard deviation).
 */
export const SHAPE_ERROR = { chest: 0.09, waist: 0.1, hips: 0.07, shoulder: 0.06 } as const;

/**
 * Clothes make the outline wider than the body: a close-fitting top adds about
 * 0.5–1 cm each side (fabric and the little air under it), a loose one 3 cm or
 * more. This much width is taken off every girth's photo width before it becomes
 * a girth (a close fit's allowance) ...
 */
export const CLOTHES_WIDTH_CM = 1.5;

/**
 * ... and because looser clothes add more, ranges reach this fraction further
 * below the estimate than above it.
 */
export const CLOTHES_ALLOWANCE = 0.06;
