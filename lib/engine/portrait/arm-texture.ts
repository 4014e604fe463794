/**
 * Skin for an upper arm whose sleeve is taken away, from the same arm's visible
 * forearm: each upper-arm pixel takes the forearm's pixel at the same place along
 * the limb (a stretch of the forearm clear of the elbow's crease and the wrist)
 * and across it (as a share of each part's half thickness). The painted arm gets
 * the forearm's tone and its shading across the limb, where one smooth colour
 * would look like a flat cut-out and meet the bare skin below the old hem with a step.
 */
import type { GrayImage, RgbaImage } from '../image';
import { sampleGray, sampleRgba } from '../image';
import type { Point } from '../shapes';
import { segmentDistance } from '../shapes';
import { smoothstep } from '../smoothstep';
import type { BodyGeometry, Limb } from './body-geometry';
import type { PortraitRegions } from './regions';

/** The stretch of the forearm the upper arm is drawn from, as shares of elbow to wrist. */
const FOREARM_FROM = 0.15, FOREARM_TO = 0.65;
/** Share of that stretch that must be bare skin (not sleeve, hand or bracelet) for it to be used. */
const MIN_BARE = 0.8;
/** Along the upper arm, the painted forearm fades in over this share from the shoulder (the torso's fill meets it there). */
const SHOULDER_BLEND: [number, number] = [0.05, 0.3];
/** The share of the forearm's half thickness its pixels are taken from. */
const FOREARM_INNER = 0.85;
/** The bands either side of the old hem that are compared, as shares of shoulder to elbow from the hem (clear of the hem's own mixed pixels). */
const HEM_BAND: [number, number] = [0.05, 0.2];
/** How sure of skin the upper arm's own pixels below the hem must be to be compared. */
const OWN_SKIN = 0.8;
/** Fewest pixels in each band for the comparison (about a 7x7 patch): fewer say nothing of the light. */
const MIN_BAND_PIXELS = 50;
/**
 * How far out from the upper arm's line its pixels are drawn, in its bare half thicknesses: in full
 * to its outline, fading out by REACH (past it lies the torso's side, where the forearm's edge
 * repeated along the arm drew streaks).
 */
const REACH = 1.4;

/**
 * Overwrites `fill` (the skin painted where clothes are cleared) along each upper
 * arm whose forearm shows bare, with that forearm's skin, shifted to meet the upper
 * arm's own bare skin below the old sleeve's hem without a step.
 * @param armRadii each arm's bare half thicknesses (portrait/bare-arms.ts), left arm first.
 * @example paintUpperArms(skinFill, photo, portrait.regions, portrait.body, oldTop, armRadii);
 */
export function paintUpperArms(fill: RgbaImage, image: RgbaImage, regions: PortraitRegions, body: BodyGeometry, oldTop: GrayImage, armRadii: number[][]): void {
  for (const [arm, radii] of [[body.leftArm, armRadii[0]], [body.rightArm, armRadii[1]]] as const) {
    if (!bareForearm(arm, regions)) continue;
    const painted = drawFromForearm(fill, image, regions.skin, arm, radii);
    meetAtHem(fill, image, regions.skin, oldTop, painted);
  }
}

/** Whether the forearm's middle stretch is bare skin along its line. */
function bareForearm(arm: Limb, regions: PortraitRegions): boolean {
  const [, e, wr] = arm.points;
  const { width: w, height: h } = regions.skin;
  let bare = 0, n = 0;
  for (let k = 0; k <= 10; k++) {
    const t = FOREARM_FROM + ((FOREARM_TO - FOREARM_FROM) * k) / 10;
    const x = Math.round(e[0] + (wr[0] - e[0]) * t), y = Math.round(e[1] + (wr[1] - e[1]) * t);
    n++;
    if (x < 0 || y < 0 || x >= w || y >= h) continue;
    const i = y * w + x;
    if (regions.skin.data[i] > 0.5 && regions.hands.data[i] < 0.5) bare++;
  }
  return bare / n >= MIN_BARE;
}

/** An upper-arm pixel the forearm painted: where, how far along the upper arm (0 shoulder, 1 elbow), whether well inside the arm, and how much was painted. */
interface Painted { i: number; t: number; inner: boolean; k: number }

function drawFromForearm(fill: RgbaImage, image: RgbaImage, skin: GrayImage, arm: Limb, radii: readonly number[]): Painted[] {
  const painted: Painted[] = [];
  const { width: w, height: h } = fill;
  const [s, e, wr] = arm.points;
  const [r0, r1, r2] = radii;
  const up = frame(s, e), fore = frame(e, wr);
  const reach = Math.max(r0, r1) * REACH;
  const x0 = Math.max(0, Math.floor(Math.min(s[0], e[0]) - reach)), x1 = Math.min(w - 1, Math.ceil(Math.max(s[0], e[0]) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(s[1], e[1]) - reach)), y1 = Math.min(h - 1, Math.ceil(Math.max(s[1], e[1]) + reach));
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const along = (x - s[0]) * up.dir[0] + (y - s[1]) * up.dir[1];
    if (along <= 0 || along > up.length) continue;
    const { d, t } = segmentDistance(x, y, s, e);
    const rU = r0 + (r1 - r0) * t;
    if (d > rU * REACH) continue;
    // across as a share of the half thickness, signed by the segment's left-hand normal on both parts
    const across = Math.max(-1, Math.min(1, ((x - s[0]) * up.normal[0] + (y - s[1]) * up.normal[1]) / rU));
    const tf = FOREARM_FROM + (FOREARM_TO - FOREARM_FROM) * t;
    // (within the forearm's inner part: its measured outline can take in a fringe of backdrop)
    const rF = (r1 + (r2 - r1) * tf) * FOREARM_INNER;
    const fx = e[0] + fore.dir[0] * fore.length * tf + fore.normal[0] * across * rF;
    const fy = e[1] + fore.dir[1] * fore.length * tf + fore.normal[1] * across * rF;
    // where the forearm's pixel is not skin after all (a watch, a fold of the sleeve), the smooth fill stays
    const k = smoothstep(SHOULDER_BLEND[0], SHOULDER_BLEND[1], t) * smoothstep(0.5, 0.9, sampleGray(skin, fx, fy)) * (1 - smoothstep(1, REACH, d / rU));
    const p = (y * w + x) * 4;
    for (let c = 0; c < 3; c++) fill.data[p + c] = fill.data[p + c] * (1 - k) + sampleRgba(image, fx, fy, c) * k;
    painted.push({ i: y * w + x, t, inner: d <= rU * FOREARM_INNER, k });
  }
  return painted;
}

/**
 * The forearm lends its texture, not always its light: it often turns more to the light
 * than the upper arm. The painted colour is shifted by the difference across the old hem
 * (the upper arm's own bare skin just below it against the paint just above), in full at
 * the hem and fading to none at the shoulder, where the torso's paint takes over, so
 * paint and skin meet without a step.
 */
function meetAtHem(fill: RgbaImage, image: RgbaImage, skin: GrayImage, oldTop: GrayImage, painted: Painted[]): void {
  // the old sleeve's lowest reach along the upper arm
  let hem = -1;
  for (const q of painted) if (q.inner && oldTop.data[q.i] > 0.5) hem = Math.max(hem, q.t);
  if (hem <= 0) return;
  const above = [0, 0, 0], below = [0, 0, 0];
  let na = 0, nb = 0;
  for (const q of painted) {
    if (!q.inner) continue;
    if (q.t >= hem - HEM_BAND[1] && q.t <= hem - HEM_BAND[0] && oldTop.data[q.i] > 0.5 && q.k > 0.5) {
      na++;
      for (let c = 0; c < 3; c++) above[c] += fill.data[q.i * 4 + c];
    } else if (q.t >= hem + HEM_BAND[0] && q.t <= hem + HEM_BAND[1] && oldTop.data[q.i] < 0.1 && skin.data[q.i] > OWN_SKIN) {
      nb++;
      for (let c = 0; c < 3; c++) below[c] += image.data[q.i * 4 + c];
    }
  }
  if (na < MIN_BAND_PIXELS || nb < MIN_BAND_PIXELS) return;
  const shift = [0, 1, 2].map((c) => below[c] / nb - above[c] / na);
  for (const q of painted) {
    if (q.t > hem) continue;
    const wt = q.k * (q.t / hem);
    for (let c = 0; c < 3; c++) fill.data[q.i * 4 + c] += shift[c] * wt;
  }
}

/** A segment's unit direction, its left-hand normal and its length. */
function frame(a: Point, b: Point): { dir: Point; normal: Point; length: number } {
  const length = Math.max(1e-6, Math.hypot(b[0] - a[0], b[1] - a[1]));
  const dir: Point = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
  return { dir, normal: [-dir[1], dir[0]], length };
}
