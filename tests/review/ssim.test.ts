import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../lib/engine/index';
import { SSIM_C1, ssim } from '../../lib/review/ssim';
import { cloneRgba, paintRgba, rgba } from './synthetic';

/** A 64 x 64 picture with texture: diagonal stripes and a bright square. */
function textured(): RgbaImage {
  const img = rgba(64, 64, [0, 0, 0]);
  for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) {
    const v = ((x + 2 * y) % 12) < 6 ? 60 : 190;
    img.data.set([v, v * 0.8, v * 0.5, 255], (y * 64 + x) * 4);
  }
  return paintRgba(img, { x0: 20, y0: 20, x1: 40, y1: 40 }, [240, 230, 210]);
}

/** The picture moved right by `dx` pixels (the left columns repeat). */
function shifted(img: RgbaImage, dx: number): RgbaImage {
  const out = cloneRgba(img);
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) {
    const sx = Math.max(0, x - dx);
    out.data.set(img.data.subarray((y * img.width + sx) * 4, (y * img.width + sx) * 4 + 4), (y * img.width + x) * 4);
  }
  return out;
}

/** Deterministic noise of ±amplitude on every channel. */
function noised(img: RgbaImage, amplitude: number): RgbaImage {
  const out = cloneRgba(img);
  let s = 12345;
  for (let i = 0; i < out.data.length; i++) {
    if (i % 4 === 3) continue;
    s = (s * 1103515245 + 12345) >>> 0;
    out.data[i] += ((s >>> 16) / 65535 - 0.5) * 2 * amplitude;
  }
  return out;
}

describe('ssim', () => {
  it('is 1 for identical pictures', () => {
    expect(ssim(textured(), textured())).toBeCloseTo(1, 10);
  });

  it('falls for a shifted or noised copy, more for more shift or noise', () => {
    const a = textured();
    const one = ssim(a, shifted(a, 1)), three = ssim(a, shifted(a, 3));
    expect(one).toBeLessThan(0.95);
    expect(three).toBeLessThan(one);
    const light = ssim(a, noised(a, 10)), heavy = ssim(a, noised(a, 60));
    expect(light).toBeLessThan(1);
    expect(heavy).toBeLessThan(light);
  });

  it('compares flat pictures by their luminance alone, as the paper\'s formula says', () => {
    // no variance: SSIM = (2ab + C1) / (a² + b² + C1) for luminances a and b
    const v = ssim(rgba(20, 20, [100, 100, 100]), rgba(20, 20, [110, 110, 110]));
    expect(v).toBeCloseTo((2 * 100 * 110 + SSIM_C1) / (100 ** 2 + 110 ** 2 + SSIM_C1), 10);
    // luminance weights 0.299, 0.587, 0.114: pure red of 255 is Y = 76.245
    expect(ssim(rgba(20, 20, [255, 0, 0]), rgba(20, 20, [76, 76, 76]))).toBeGreaterThan(0.99999);
  });

  it('sees only the box', () => {
    const a = textured();
    const b = paintRgba(cloneRgba(a), { x0: 0, y0: 0, x1: 63, y1: 9 }, [255, 0, 255]); // spoiled above y 10
    const box = { x: 0, y: 10, width: 64, height: 54 };
    expect(ssim(a, b, box)).toBeCloseTo(1, 10);
    expect(ssim(a, b)).toBeLessThan(0.95);
    expect(ssim(a, b, { x: 0, y: 9, width: 64, height: 55 })).toBeLessThan(1); // one spoiled row inside
  });

  it('clips the box to the picture and refuses one smaller than the window', () => {
    const a = textured(), b = shifted(a, 2);
    expect(ssim(a, b, { x: -20, y: -20, width: 200, height: 200 })).toBeCloseTo(ssim(a, b), 10);
    expect(() => ssim(a, b, { x: 60, y: 0, width: 30, height: 30 })).toThrow(/at least 11x11/);
    expect(() => ssim(a, rgba(10, 64, [0, 0, 0]))).toThrow(/64x64 and 10x64/);
  });
});
