/**
 * A garment's mask broken at a pixel-wide join (a strap at the bodice, a hem's edge) is sewn
 * back into one piece; pieces far from the garment and specks stay apart.
 */
import { describe, expect, it } from 'vitest';
import { bridgePieces } from '../../lib/engine/garment/bridge-pieces';
import { createGray, createRgba } from '../../lib/engine/image';
import { labelComponents } from '../../lib/engine/connectivity';

function scene() {
  const w = 120, h = 120;
  const mask = createGray(w, h), image = createRgba(w, h);
  const fill = (x0: number, y0: number, x1: number, y1: number, rgb: number[]) => {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
      mask.data[y * w + x] = 1;
      image.data.set([...rgb, 255], (y * w + x) * 4);
    }
  };
  fill(20, 40, 99, 110, [20, 20, 80]); // the bodice, 80 px wide
  fill(30, 10, 31, 37, [200, 30, 30]); // a strap ending 2 px above it
  fill(5, 5, 8, 8, [0, 200, 0]); // a piece far away (15 px from the bodice)
  return { w, h, mask, image };
}

const pieces = (mask: { width: number; height: number; data: Float32Array }) =>
  labelComponents(mask.width, mask.height, (i) => mask.data[i] >= 0.5, true).sizes.length - 1;

describe('bridgePieces', () => {
  it('sews a strap a couple of pixels off the bodice back on, in the strap\'s colour', () => {
    const { w, mask, image } = scene();
    expect(pieces(mask)).toBe(3);
    expect(bridgePieces(image, mask)).toBe(1);
    expect(pieces(mask)).toBe(2);
    // the join between strap (ends at y 37) and bodice (starts at y 40)
    const join = 38 * w + 30;
    expect(mask.data[join]).toBeGreaterThanOrEqual(0.5);
    expect(Array.from(image.data.slice(join * 4, join * 4 + 3))).toEqual([200, 30, 30]);
  });

  it('leaves a piece beyond its reach (3 % of the garment\'s width) apart', () => {
    const { mask, image } = scene();
    bridgePieces(image, mask);
    expect(mask.data[6 * 120 + 6]).toBe(1);
    expect(mask.data[20 * 120 + 12]).toBe(0); // nothing drawn between the far piece and the bodice
  });
});
