/**
 * The person's skin colour, learned from their own face (cheeks and nose,
 * between the eyes and the mouth), and a per-pixel likelihood of skin.
 * Used to find arms, hands and neck, and to paint skin where an old garment goes.
 */
import type { GrayImage, RgbaImage } from '../image';
import { createGray } from '../image';
import type { Point } from '../shapes';
import { drawCapsule, polygonMask } from '../shapes';
import type { Keypoints } from '../types';

export interface SkinModel {
  /** Mean colour in YCbCr (0..255 each). */
  mean: [number, number, number];
  /** Mean colour in RGB, for painting. */
  rgb: [number, number, number];
  /** Inverse covariance of (Cb, Cr). */
  invCov: [number, number, number];
  /** Standard deviation of Y. */
  sdY: number;
  /** How many pixels it was learned from; 0 = a generic prior (face not visible). */
  samples: number;
}

export function toYCbCr(r: number, g: number, b: number): [number, number, number] {
  return [0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b];
}

/**
 * Whether a colour is skin-toned at all: a broad chroma range covering most skin
 * tones, whatever the light (no face needed).
 * @example skinToned(207, 180, 165) // true: pale skin; skinToned(60, 90, 160) // false: denim
 */
export function skinToned(r: number, g: number, b: number): boolean {
  const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  return cb >= 77 && cb <= 127 && cr >= 137 && cr <= 173;
}

/** A broad prior covering most skin tones, for when neither a face nor bare forearms show. */
const GENERIC: SkinModel = { mean: [150, 112, 150], rgb: [200, 150, 125], invCov: [1 / 64, 0, 1 / 64], sdY: 50, samples: 0 };

/** Fewest forearm pixels the skin colour is learned from when the photo shows no face. */
const MIN_FOREARM_SAMPLES = 100;
/** How likely skin a forearm pixel must be under the broad prior to be learned from. */
const FOREARM_PRIOR = 0.6;

/**
 * Learns the skin colour from the face region of a photo; when the photo
 * crops the face off (stores and shoppers often do), from the middle of the
 * bare forearms; else a broad prior. (The broad prior takes cream and pale
 * grey cloth for pale skin: a white dress would be left uncleared as skin.)
 * @example const skin = learnSkin(photo, keypoints, personMask);
 */
export function learnSkin(image: RgbaImage, kp: Keypoints, person: GrayImage): SkinModel {
  const eyeL = kp.left_eye, eyeR = kp.right_eye, mouthL = kp.mouth_left, mouthR = kp.mouth_right;
  const { width: w, height: h } = image;
  const inFrame = [eyeL, eyeR, mouthL, mouthR].every((p) => p.x >= 0 && p.y >= 0 && p.x < w && p.y < h);
  if (!inFrame) return learnFromForearms(image, kp, person);
  // cheeks and nose: from a little below the eyes down to the mouth corners
  const down = (p: { x: number; y: number }, q: { x: number; y: number }, t: number): Point => [p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t];
  const poly: Point[] = [down(eyeL, mouthL, 0.3), down(eyeR, mouthR, 0.3), down(eyeR, mouthR, 0.85), down(eyeL, mouthL, 0.85)];
  const region = polygonMask(w, h, poly);
  const samples: [number, number, number][] = [];
  for (let i = 0; i < region.data.length; i++) {
    if (region.data[i] < 0.99 || person.data[i] < 0.9) continue;
    samples.push(toYCbCr(image.data[i * 4], image.data[i * 4 + 1], image.data[i * 4 + 2]));
  }
  if (samples.length < 30) return learnFromForearms(image, kp, person);
  return robustFit(samples, image, region, person);
}

/**
 * The skin colour of the forearms' middle (elbow to wrist, a band along the bone),
 * where the broad prior finds skin; the broad prior itself when too little shows
 * (long sleeves, arms out of the frame).
 */
function learnFromForearms(image: RgbaImage, kp: Keypoints, person: GrayImage): SkinModel {
  const { width: w, height: h } = image;
  const region = createGray(w, h);
  for (const [e, wr] of [[kp.left_elbow, kp.left_wrist], [kp.right_elbow, kp.right_wrist]]) {
    if (e.score < 0.5 || wr.score < 0.5) continue;
    const length = Math.hypot(wr.x - e.x, wr.y - e.y);
    const a: Point = [e.x + (wr.x - e.x) * 0.2, e.y + (wr.y - e.y) * 0.2], b: Point = [e.x + (wr.x - e.x) * 0.85, e.y + (wr.y - e.y) * 0.85];
    drawCapsule(region, [a, b], [length * 0.08, length * 0.08]);
  }
  const samples: [number, number, number][] = [];
  for (let i = 0; i < region.data.length; i++) {
    if (region.data[i] < 0.99 || person.data[i] < 0.9) continue;
    const s = toYCbCr(image.data[i * 4], image.data[i * 4 + 1], image.data[i * 4 + 2]);
    if (Math.exp(-0.5 * distance2(GENERIC, s[0], s[1], s[2]) / 4) >= FOREARM_PRIOR) samples.push(s);
    else region.data[i] = 0; // (nor painted with: a sleeve's cuff, a bracelet)
  }
  if (samples.length < MIN_FOREARM_SAMPLES) return GENERIC;
  return robustFit(samples, image, region, person);
}

/** Fit, drop the farthest quarter (nostrils, shadows, make-up, a bracelet), fit again. */
function robustFit(samples: [number, number, number][], image: RgbaImage, region: GrayImage, person: GrayImage): SkinModel {
  const model = fit(samples, image, region, person);
  const scored = samples.map((s) => ({ s, d: distance2(model, s[0], s[1], s[2]) })).sort((a, b) => a.d - b.d);
  return fit(scored.slice(0, Math.ceil(scored.length * 0.75)).map((x) => x.s), image, region, person);
}

function fit(samples: [number, number, number][], image: RgbaImage, region: GrayImage, person: GrayImage): SkinModel {
  const n = samples.length;
  const m = [0, 0, 0];
  for (const s of samples) for (let k = 0; k < 3; k++) m[k] += s[k] / n;
  let cbb = 0, cbr = 0, crr = 0, yy = 0;
  for (const [y, cb, cr] of samples) {
    cbb += (cb - m[1]) ** 2 / n;
    cbr += ((cb - m[1]) * (cr - m[2])) / n;
    crr += (cr - m[2]) ** 2 / n;
    yy += (y - m[0]) ** 2 / n;
  }
  // Floors keep the model from being too narrow for the rest of the body (arms are lit differently).
  cbb = Math.max(cbb, 40);
  crr = Math.max(crr, 40);
  const det = cbb * crr - cbr * cbr;
  let rgb: [number, number, number] = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < region.data.length; i++) {
    if (region.data[i] < 0.99 || person.data[i] < 0.9) continue;
    rgb = [rgb[0] + image.data[i * 4], rgb[1] + image.data[i * 4 + 1], rgb[2] + image.data[i * 4 + 2]];
    count++;
  }
  return {
    mean: [m[0], m[1], m[2]],
    rgb: [rgb[0] / count, rgb[1] / count, rgb[2] / count],
    invCov: [crr / det, -cbr / det, cbb / det],
    sdY: Math.max(Math.sqrt(yy), 10),
    samples: n,
  };
}

function distance2(m: SkinModel, y: number, cb: number, cr: number): number {
  const db = cb - m.mean[1], dr = cr - m.mean[2];
  const chroma = m.invCov[0] * db * db + 2 * m.invCov[1] * db * dr + m.invCov[2] * dr * dr;
  // Luminance varies a lot with light and shading (arms are often brighter or darker
  // than cheeks): only very dark pixels (black clothes, deep shadow) are penalised.
  const dark = Math.max(0, m.mean[0] * 0.45 - y) / 12;
  return chroma + dark * dark;
}

/**
 * Likelihood of skin per pixel, in [0, 1] (1 = the face's colour).
 * @example const p = skinLikelihood(photo, skin);
 */
export function skinLikelihood(image: RgbaImage, model: SkinModel): GrayImage {
  const out = createGray(image.width, image.height);
  const d = image.data;
  for (let i = 0; i < out.data.length; i++) {
    const [y, cb, cr] = toYCbCr(d[i * 4], d[i * 4 + 1], d[i * 4 + 2]);
    out.data[i] = Math.exp(-0.5 * distance2(model, y, cb, cr) / 4);
  }
  return out;
}

/**
 * A second look: the face's colour finds the surest skin on the arms and neck,
 * and the model is fitted again on face and those pixels together, so arms lit
 * differently from the cheeks still count as skin.
 * @example const skin2 = widenSkin(photo, skin, likelihood, armsAndNeck);
 */
export function widenSkin(image: RgbaImage, model: SkinModel, likelihood: GrayImage, where: GrayImage): SkinModel {
  if (model.samples === 0) return model;
  const extra: [number, number, number][] = [];
  for (let i = 0; i < likelihood.data.length; i += 2) {
    if (where.data[i] < 0.9 || likelihood.data[i] < 0.45) continue;
    extra.push(toYCbCr(image.data[i * 4], image.data[i * 4 + 1], image.data[i * 4 + 2]));
  }
  if (extra.length < 50) return model;
  // Weigh the face and the body alike: as many face samples as it was fitted on, repeated from its mean.
  const face: [number, number, number][] = Array.from({ length: Math.min(model.samples, extra.length) }, () => [...model.mean] as [number, number, number]);
  const combined = fitMoments([...face, ...extra]);
  // keep the face's own spread as a lower bound
  return { ...model, mean: combined.mean, invCov: wider(model.invCov, combined.invCov), samples: model.samples + extra.length };
}

function fitMoments(samples: [number, number, number][]): { mean: [number, number, number]; invCov: [number, number, number] } {
  const n = samples.length;
  const m = [0, 0, 0];
  for (const s of samples) for (let k = 0; k < 3; k++) m[k] += s[k] / n;
  let cbb = 0, cbr = 0, crr = 0;
  for (const [, cb, cr] of samples) {
    cbb += (cb - m[1]) ** 2 / n;
    cbr += ((cb - m[1]) * (cr - m[2])) / n;
    crr += (cr - m[2]) ** 2 / n;
  }
  cbb = Math.max(cbb, 40);
  crr = Math.max(crr, 40);
  const det = cbb * crr - cbr * cbr;
  return { mean: [m[0], m[1], m[2]], invCov: [crr / det, -cbr / det, cbb / det] };
}

/** The wider of two inverse covariances (smaller inverse variances on the diagonal). */
function wider(a: [number, number, number], b: [number, number, number]): [number, number, number] {
  return a[0] + a[2] < b[0] + b[2] ? a : b;
}
