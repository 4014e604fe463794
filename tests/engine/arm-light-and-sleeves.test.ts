/**
 * Painted bare arms and the arms in front of a new top, on synthetic arms: a
 * painted arm is lit as a cylinder (brightest on its axis), and an arm shows in
 * front of the garment's body only below its new sleeve's hem.
 */
import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../lib/engine/image';
import { createRgba } from '../../lib/engine/image';
import type { Limb } from '../../lib/engine/portrait/body-geometry';
import { cylinderLight, limbLight, SILHOUETTE_LIGHT } from '../../lib/engine/portrait/limb-shading';
import { armsBelowSleeves } from '../../lib/engine/render/arms-below-sleeves';

/** An arm hanging straight down at column x: shoulder at y 20, elbow at 100, wrist at 180. */
function hangingArm(x: number, r = 12): Limb {
  return { points: [[x, 20], [x, 100], [x, 180]], radii: [r, r, r * 0.8] };
}

/** A layer with opaque grey in columns x0..x1 of rows y0..y1. */
function block(w: number, h: number, x0: number, x1: number, y0: number, y1: number): RgbaImage {
  const out = createRgba(w, h);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) out.data.set([90, 90, 90, 255], (y * w + x) * 4);
  return out;
}

describe('limb light', () => {
  it('is full on the axis, the silhouette light at the outline, and falls monotonically between', () => {
    expect(cylinderLight(0)).toBe(1);
    expect(cylinderLight(1)).toBeCloseTo(SILHOUETTE_LIGHT, 6);
    for (let a = 0.1; a <= 1; a += 0.1) expect(cylinderLight(a)).toBeLessThan(cylinderLight(a - 0.1));
  });

  it('lights a painted arm across its width, and hands over from the torso near the shoulder', () => {
    const arm = hangingArm(50);
    const { light, weight } = limbLight([arm], [arm.radii], 100, 200, 1);
    const at = (x: number, y: number) => light.data[y * 100 + x];
    expect(at(50, 140)).toBeCloseTo(1, 2);
    expect(at(60, 140)).toBeLessThan(at(55, 140));
    expect(at(40, 140)).toBeCloseTo(at(60, 140), 6); // symmetric across the axis
    expect(weight.data[140 * 100 + 50]).toBe(1);
    expect(weight.data[22 * 100 + 50]).toBeLessThan(0.1); // just below the shoulder joint: still the torso's light
    expect(weight.data[(10) * 100 + 50]).toBe(0); // the round cap above the joint, in the torso
    expect(weight.data[140 * 100 + 80]).toBe(0); // away from the arm
  });
});

describe('armsBelowSleeves', () => {
  it('keeps an arm behind the body down to its short sleeve\'s hem, even where the sleeve is drawn narrower than the arm', () => {
    const w = 120, h = 200, arm = hangingArm(60);
    // a short sleeve to y 70, drawn only on the outer half of the arm (a sleeve placed off the arm's axis)
    const free = armsBelowSleeves([arm], block(w, h, 62, 72, 15, 70));
    const at = (x: number, y: number) => free.data[y * w + x];
    expect(at(52, 50)).toBe(0); // the arm's inner side, beside the sleeve: inside the sleeve, not bare in front
    expect(at(60, 60)).toBe(0);
    expect(at(60, 90)).toBe(1); // below the hem: the bare arm, in front
    expect(at(60, 150)).toBe(1);
    expect(at(10, 50)).toBe(1); // away from every arm: untouched
  });

  it('leaves the whole arm in front when the garment has no sleeves', () => {
    const free = armsBelowSleeves([hangingArm(60)], createRgba(120, 200));
    expect(free.data.every((v) => v === 1)).toBe(true);
  });

  it('ignores the other arm\'s sleeve', () => {
    const w = 200, h = 200;
    // a long sleeve on the right arm only
    const free = armsBelowSleeves([hangingArm(40), hangingArm(160)], block(w, h, 150, 170, 15, 175));
    expect(free.data[120 * w + 40]).toBe(1);
    expect(free.data[120 * w + 160]).toBe(0);
  });
});
