import { describe, expect, it } from 'vitest';
import { oldTopColours, torsoCore } from '../../lib/review/old-top-colours';
import { gray, paintGray, paintRgba, point, rgba } from './synthetic';

const RED: [number, number, number] = [180, 30, 40];
const NAVY: [number, number, number] = [20, 30, 80];

/** A 100 x 140 shopper facing the camera: shoulders at y 30 (x 30 and 70), hips at y 110 (x 35 and 65). */
const keypoints = { left_shoulder: point(70, 30), right_shoulder: point(30, 30), left_hip: point(65, 110), right_hip: point(35, 110) };

function shopper() {
  const image = paintRgba(rgba(100, 140, [230, 230, 230]), { x0: 20, y0: 25, x1: 80, y1: 139 }, RED);
  const regions = { skin: gray(100, 140), hands: gray(100, 140), hair: gray(100, 140), face: gray(100, 140) };
  const personMask = paintGray(gray(100, 140), { x0: 20, y0: 0, x1: 80, y1: 139 }, 1);
  return { image, personMask, keypoints, regions };
}

describe('torsoCore', () => {
  it('spans the middle half between the shoulders, 15 % to 55 % of the way down to the hips', () => {
    expect(torsoCore(keypoints)).toEqual({ x0: 40, x1: 60, y0: 42, y1: 74 });
  });
});

describe('oldTopColours', () => {
  it('learns a striped top\'s two colours and drops a necklace, the chest\'s skin and a strand of hair', () => {
    const p = shopper();
    paintRgba(p.image, { x0: 40, y0: 60, x1: 60, y1: 69 }, NAVY); // a stripe across the core
    paintRgba(p.image, { x0: 40, y0: 50, x1: 55, y1: 51 }, [200, 170, 60]); // a necklace: 32 px, about 5 %
    paintRgba(p.image, { x0: 45, y0: 42, x1: 55, y1: 47 }, [225, 170, 140]); // a V-neck's skin
    paintGray(p.regions.skin, { x0: 45, y0: 42, x1: 55, y1: 47 }, 1);
    paintRgba(p.image, { x0: 58, y0: 42, x1: 60, y1: 74 }, [15, 12, 10]); // long hair: 99 px, 14 % if it counted
    paintGray(p.regions.hair, { x0: 58, y0: 42, x1: 60, y1: 74 }, 1);
    expect(oldTopColours(p)).toEqual([RED, NAVY]);
  });

  it('skips pixels that are not well inside the person', () => {
    const p = shopper();
    paintRgba(p.image, { x0: 40, y0: 42, x1: 60, y1: 60 }, NAVY);
    paintGray(p.personMask, { x0: 40, y0: 42, x1: 60, y1: 60 }, 0.85);
    expect(oldTopColours(p)).toEqual([RED]);
  });

  it('is empty for a bare torso', () => {
    const p = shopper();
    paintGray(p.regions.skin, { x0: 0, y0: 0, x1: 99, y1: 139 }, 0.9);
    expect(oldTopColours(p)).toEqual([]);
  });
});
