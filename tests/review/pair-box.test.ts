import { describe, expect, it } from 'vitest';
import { shouldersToHips } from '../../lib/review/pair-box';
import { point } from './synthetic';

describe('shouldersToHips', () => {
  it('reaches a quarter shoulder span past the outermost joint and a tenth above the higher shoulder', () => {
    // shoulders 100 px apart (span 100); hips narrower, the right one lower
    const kp = { left_shoulder: point(300, 200), right_shoulder: point(200, 200), left_hip: point(290, 420), right_hip: point(215, 430) };
    expect(shouldersToHips(kp, 500, 800)).toEqual({ x: 175, y: 190, width: 150, height: 240 });
    kp.left_hip = point(340, 425); // a hip further out than the shoulders sets the right side
    expect(shouldersToHips(kp, 500, 800)).toEqual({ x: 175, y: 190, width: 190, height: 240 });
  });

  it('is clipped to the picture', () => {
    const kp = { left_shoulder: point(90, 10), right_shoulder: point(10, 10), left_hip: point(80, 300), right_hip: point(20, 300) };
    expect(shouldersToHips(kp, 100, 200)).toEqual({ x: 0, y: 2, width: 100, height: 198 });
  });
});
