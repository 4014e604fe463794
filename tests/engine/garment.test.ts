/**
 * Garment analysis on real product photos: category, a mask that covers the
 * garment and not the backdrop, landmarks in a garment's order, sleeve length.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { GarmentAnalysis } from '../../lib/engine/index';
import { analyseGarmentImage } from '../../lib/engine/garment/analyse-garment';
import { garmentMask } from '../../lib/engine/garment/garment-mask';
import { garmentShape } from '../../lib/engine/garment/garment-shape';
import { decodeImage, readImageFile } from '../../lib/node/image-file';
import { haveSamples, sampleManifest, samplePath } from '../helpers/samples';

describe.skipIf(!haveSamples)('garment analysis on sample photos', () => {
  const uppers = new Map<string, GarmentAnalysis>();
  beforeAll(async () => {
    for (const f of ['garments/00055_00.jpg', 'garments/00151_00.jpg', 'garments/02015_00.jpg', 'garments/050191_1.jpg']) {
      uppers.set(f, analyseGarmentImage(await readImageFile(samplePath(f))));
    }
  });

  it('tells tops, bottoms and dresses apart on at least 90% of the samples', async () => {
    const garments = sampleManifest().garments;
    let right = 0;
    const wrong: string[] = [];
    for (const g of garments) {
      const { mask } = garmentMask(await readImageFile(samplePath(g.file)));
      const shape = garmentShape(mask);
      if (shape?.category === g.category) right++;
      else wrong.push(`${g.file}: ${shape?.category} (is ${g.category})`);
    }
    expect(right / garments.length, wrong.join('; ')).toBeGreaterThanOrEqual(0.9);
    // every bottom is a bottom: trousers are never dressed as a top
    for (const g of garments.filter((x) => x.category === 'lower')) expect(wrong.some((w) => w.startsWith(g.file)), g.file).toBe(false);
  });

  it('masks the garment and not the backdrop', () => {
    for (const [f, g] of uppers) {
      const m = g.mask;
      const L = g.landmarks;
      const at = (p: [number, number]) => m.data[Math.round(p[1]) * m.width + Math.round(p[0])];
      // a point in the body of the garment, below the armpits
      const chest: [number, number] = [(L.left_armpit[0] + L.right_armpit[0]) / 2, L.left_armpit[1] + (L.left_hem[1] - L.left_armpit[1]) * 0.3];
      expect(at(chest), f).toBeGreaterThan(0.95);
      expect(m.data[0], f).toBe(0);
      expect(m.data[m.data.length - 1], f).toBe(0);
    }
  });

  it('keeps white tees on white backdrops whole: the body between the armpits and the hem is all garment', async () => {
    for (const f of ['garments/12562_00.jpg', 'garments/07764_00.jpg']) {
      const g = analyseGarmentImage(await readImageFile(samplePath(f)));
      const L = g.landmarks;
      const x0 = Math.round(L.right_armpit[0]) + 4, x1 = Math.round(L.left_armpit[0]) - 4;
      const y0 = Math.round(L.neck_front[1]) + 8, y1 = Math.round((L.left_hem[1] + L.right_hem[1]) / 2) - 12;
      let on = 0, all = 0;
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++, all++) if (g.mask.data[y * g.mask.width + x] > 0.5) on++;
      expect(on / all, f).toBeGreaterThan(0.97);
    }
  });

  it('finds landmarks in a garment\'s order', () => {
    for (const [f, g] of uppers) {
      const L = g.landmarks;
      // wearer's left is the image's right
      expect(L.left_shoulder[0], f).toBeGreaterThan(L.right_shoulder[0]);
      expect(L.left_hem[0], f).toBeGreaterThan(L.right_hem[0]);
      expect(L.neck_back[1], f).toBeLessThan(L.left_armpit[1]);
      expect(L.left_armpit[1], f).toBeLessThan(L.left_hem[1]);
      expect(L.neck_back[0], f).toBeGreaterThan(L.right_shoulder[0]);
      expect(L.neck_back[0], f).toBeLessThan(L.left_shoulder[0]);
    }
  });

  it('reads sleeve length: a tee is short, a striped top long, a crop top sleeveless', () => {
    expect(uppers.get('garments/00055_00.jpg')!.sleeve).toBe('short');
    expect(uppers.get('garments/050191_1.jpg')!.sleeve).toBe('short');
    expect(uppers.get('garments/00151_00.jpg')!.sleeve).toBe('long');
    expect(uppers.get('garments/02015_00.jpg')!.sleeve).toBe('none');
  });

  it('reads short sleeves as short and alike, whatever stray hem pixels lie past one of them', async () => {
    // a shirt, a peplum top and a tee whose sleeves were read as long (or one long, one short)
    for (const f of ['garments/049949_1.jpg', 'garments/049965_1.jpg', 'garments/050105_1.jpg']) {
      const g = analyseGarmentImage(await readImageFile(samplePath(f)));
      expect(g.sleeve, f).toBe('short');
      const [l, r] = [g.sleeves!.left.length, g.sleeves!.right.length];
      expect(Math.max(l, r) / Math.min(l, r), `${f}: ${Math.round(l)} and ${Math.round(r)} px`).toBeLessThan(1.25);
    }
    // a crop top's puffed sleeves are long for its short body, not for its chest
    expect(analyseGarmentImage(await readImageFile(samplePath('garments/10297_00.jpg'))).sleeve).toBe('short');
  });

  it('leaves out a patch of backdrop the photo\'s frame cuts below the garment', async () => {
    const tee = analyseGarmentImage(await readImageFile(samplePath('garments/050105_1.jpg'))); // a shaded floor edge at the bottom
    const { width: w, height: h, data } = tee.mask;
    let bottom = 0;
    for (let i = Math.floor(h * 0.95) * w; i < w * h; i++) bottom += data[i];
    expect(bottom / (w * h * 0.05)).toBeLessThan(0.01);
  });

  it('reads bottoms as trousers with two legs and dresses with a waist, no longer refusing them', async () => {
    const trousers = analyseGarmentImage(await readImageFile(samplePath('garments/051412_1.jpg')));
    expect(trousers.category).toBe('lower');
    expect(trousers.lowerKind).toBe('trousers');
    const T = trousers.landmarks;
    // waistband above the crotch above the hems; the wearer's left leg on the image's right
    expect(T.left_waist[1]).toBeLessThan(T.crotch[1]);
    expect(T.crotch[1]).toBeLessThan(T.left_hem_inner[1]);
    expect(T.left_hem_outer[0]).toBeGreaterThan(T.crotch[0]);
    expect(T.right_hem_outer[0]).toBeLessThan(T.crotch[0]);
    const dress = analyseGarmentImage(await readImageFile(samplePath('garments/053744_1.jpg')));
    expect(dress.category).toBe('dress');
    const D = dress.landmarks;
    expect(D.neck_back[1]).toBeLessThan(D.left_armpit[1]);
    expect(D.left_armpit[1]).toBeLessThan(D.left_waist[1]);
    expect(D.left_waist[1]).toBeLessThan(D.left_hem[1]);
  });

  it('reads long sleeves that hang against the body as long sleeves, apart from the body down to the cuffs', async () => {
    // the outline runs straight from shoulder to cuff: only the line where sleeve meets body tells them apart
    for (const f of ['garments/049805_1.jpg', 'garments-more/anydoor_43.jpg', 'garments/049947_1.jpg']) {
      const g = analyseGarmentImage(await readImageFile(samplePath(f)));
      expect(g.sleeve, f).toBe('long');
      const L = g.landmarks, w = g.image.width;
      // at the hem's height, beside the body's sides: sleeve; between them: body
      const y = Math.round((L.left_hem[1] + L.right_hem[1]) / 2 - (L.left_hem[1] - L.left_armpit[1]) * 0.1);
      const middle = g.parts![y * w + Math.round((L.left_hem[0] + L.right_hem[0]) / 2)];
      expect(middle, f).toBe(1);
      let beside = 0;
      for (let x = 0; x < Math.round(L.right_hem[0]) - 4; x++) if (g.parts![y * w + x] === 3) beside++;
      expect(beside, `${f}: right sleeve pixels beside the body at y ${y}`).toBeGreaterThan(w * 0.03);
    }
    // a camisole, whose body flares below its straps, has no sleeves to find
    expect(uppers.get('garments/02015_00.jpg')!.sleeve).toBe('none');
  });

  it('reads a product photo whatever its size or padding: small, square, letterboxed', async () => {
    const file = samplePath('garments/00055_00.jpg');
    const original = analyseGarmentImage(await readImageFile(file));
    const small = analyseGarmentImage(await decodeImage(await sharp(file).resize(192, 256).png().toBuffer()));
    // a store's square tile: the photo padded with its own backdrop to 1024 x 1024, then shown at 640 x 640
    const square = analyseGarmentImage(await decodeImage(await sharp(file).extend({ left: 128, right: 128, background: '#f4f4f4' }).resize(640, 640).png().toBuffer()));
    // length against width is the garment's own: the same whatever the photo's size or padding
    const ratio = (g: GarmentAnalysis) => {
      const L = g.landmarks;
      return ((L.left_hem[1] + L.right_hem[1]) / 2 - L.neck_back[1]) / Math.abs(L.left_armpit[0] - L.right_armpit[0]);
    };
    for (const g of [small, square]) {
      expect(g.category).toBe('upper');
      expect(g.sleeve).toBe(original.sleeve);
      // within 10 %: the small photo's 192 px hold its outline to a few pixels
      expect(Math.abs(ratio(g) / ratio(original) - 1)).toBeLessThan(0.1);
    }
  });

  it('finds no garment in a photo of a scene or an empty backdrop', async () => {
    const noise = await decodeImage(await sharp({ create: { width: 600, height: 800, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120, sigma: 60 } } }).png().toBuffer());
    expect(() => analyseGarmentImage(noise)).toThrow(expect.objectContaining({ code: 'no-garment' }));
    const blank = await decodeImage(await sharp({ create: { width: 600, height: 800, channels: 3, background: '#f4f4f4' } }).png().toBuffer());
    expect(() => analyseGarmentImage(blank)).toThrow(expect.objectContaining({ code: 'no-garment' }));
  });
});
