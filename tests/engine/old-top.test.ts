/**
 * What a new top replaces: the old top's whole region, a white tee's lit shoulders and
 * shadowed folds included (pale skin's colour is near a white tee's), and never the skin
 * beside it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortraitAnalysis } from '../../lib/engine/index';
import { readImageFile } from '../../lib/node/image-file';
import { testEngine } from '../helpers/engine';
import { haveSamples, samplePath } from '../helpers/samples';

describe.skipIf(!haveSamples)('the old top a new top replaces', () => {
  let shopper: PortraitAnalysis; // a pale woman in a white tee and a tan corduroy skirt, arms down
  beforeAll(async () => {
    shopper = await (await testEngine()).analysePortrait(await readImageFile(samplePath('persons-more/03191_00.jpg')));
  });

  it('clears the whole white tee, sleeves included, and keeps the bare arms and the neck', () => {
    const { image, personMask, render, regions, body } = shopper;
    const d = image.data;
    let tee = 0, teeCleared = 0, skin = 0, skinCleared = 0;
    for (let i = 0; i < personMask.data.length; i++) {
      const y = Math.floor(i / image.width);
      // above the skirt (the hips' joints) and below the chin, on the person
      if (personMask.data[i] < 0.9 || y < body.chin[1] || y > body.hipCenter[1]) continue;
      const r = d[i * 4], g = d[i * 4 + 1], b = d[i * 4 + 2];
      // the tee is the only near-white, near-grey thing on her there (its folds in shadow too)
      const white = Math.min(r, g, b) > 170 && Math.max(r, g, b) - Math.min(r, g, b) < 14;
      if (white) { tee++; if (render.clearTop.data[i] > 0.5) teeCleared++; }
      // sure skin the skin model finds (forearms, neck) stays
      if (regions.skin.data[i] > 0.95 && !white) { skin++; if (render.clearTop.data[i] > 0.5) skinCleared++; }
    }
    // at most a speck of the outline left: 1 % of a tee is a visible white fringe along a dark new
    // garment (the skin model alone cleared 97.2 %: the lit sleeve's edge was taken for pale skin)
    expect(teeCleared / tee, `${tee - teeCleared} of ${tee} tee pixels left`).toBeGreaterThan(0.99);
    expect(skinCleared / skin, `${skinCleared} of ${skin} skin pixels cleared`).toBeLessThan(0.05);
  });
});
