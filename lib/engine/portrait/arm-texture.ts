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
/** How far out from the upper arm's line its pixels are drawn, in its half thicknesses (the body zone decides the outline). */
const REACH = 1.4;

/**
 * Overwrites `fill` (the skin painted where clothes are cleared) along each upper
 * arm whose forearm shows bare, with that forearm's skin.
 * @example paintUpperArms(skinFill, photo, portrait.regions, portrait.body);
 */
export function paintUpperArms(fill: RgbaImage, image: RgbaImage, regions: PortraitRegions, body: BodyGeometry): void {
  for (const arm of [body.leftArm, body.rightArm]) {
    if (bareForearm(arm, regions)) drawFromForearm(fill, image, regions.skin, arm);
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

function drawFromForearm(fill: RgbaImage, image: RgbaImage, skin: GrayImage, arm: Limb): void {
  const { width: w, height: h } = fill;
  const [s, e, wr] = arm.points;
  const [r0, r1, r2] = arm.radii;
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
    const k = smoothstep(SHOULDER_BLEND[0], SHOULDER_BLEND[1], t) * smoothstep(0.5, 0.9, sampleGray(skin, fx, fy));
    const p = (y * w + x) * 4;
    for (let c = 0; c < 3; c++) fill.data[p + c] = fill.data[p + c] * (1 - k) + sampleRgba(image, fx, fy, c) * k;
  }
}

/** A segment's unit direction, its left-hand normal and its length. */
function frame(a: Point, b: Point): { dir: Point; normal: Point; length: number } {
  const length = Math.max(1e-6, Math.hypot(b[0] - a[0], b[1] - a[1]));
  const dir: Point = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
  return { dir, normal: [-dir[1], dir[0]], length };
}
