/**
 * A strappy top's landmarks on a drawn mask (no photos needed): each strap's top is
 * found on that strap even when the photo hangs the top askew, one strap higher.
 */
import { describe, expect, it } from 'vitest';
import type { UpperLandmarks } from '../../lib/engine/garment/garment-shape';
import { garmentShape } from '../../lib/engine/garment/garment-shape';
import type { GrayImage } from '../../lib/engine/image';
import { polygonMask } from '../../lib/engine/shapes';

/** A camisole: a body from y 380 to 800 with a V neckline, and two thin straps up to their tops. */
function cami(leftTopY: number, rightTopY: number): GrayImage {
  const body = polygonMask(768, 1024, [[100, 380], [300, 380], [384, 500], [468, 380], [668, 380], [680, 800], [90, 800]]);
  // image-left strap from (140, 380) up to (120, leftTopY); image-right from (628, 380) up to (648, rightTopY)
  const left = polygonMask(768, 1024, [[130, 390], [150, 390], [130, leftTopY], [110, leftTopY]]);
  const right = polygonMask(768, 1024, [[618, 390], [638, 390], [658, rightTopY], [638, rightTopY]]);
  for (let i = 0; i < body.data.length; i++) body.data[i] = Math.max(body.data[i], left.data[i], right.data[i]);
  return body;
}

describe('strap tops', () => {
  for (const [name, l, r] of [['level', 200, 200], ['the image-left strap lower', 215, 200], ['the image-right strap lower', 200, 215]] as const) {
    it(`puts each collar corner on its own strap's top (${name})`, () => {
      const shape = garmentShape(cami(l, r));
      expect(shape?.landmarks).toBeTruthy();
      const g = shape!.landmarks as unknown as UpperLandmarks;
      // the wearer's right strap is on the image's left
      expect(Math.abs(g.right_neck[0] - 120)).toBeLessThan(25);
      expect(Math.abs(g.right_neck[1] - l)).toBeLessThan(10);
      expect(Math.abs(g.left_neck[0] - 648)).toBeLessThan(25);
      expect(Math.abs(g.left_neck[1] - r)).toBeLessThan(10);
    });
  }
});
