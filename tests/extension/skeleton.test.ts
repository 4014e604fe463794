import { describe, expect, it } from 'vitest';
import { BODY_POINT_NAMES, type Keypoints } from '../../lib/engine/types';
import { visibleBones, visiblePoints } from '../../lib/skeleton';

describe('skeleton drawing', () => {
  it('draws only bones whose both ends are confident', () => {
    const kp = Object.fromEntries(BODY_POINT_NAMES.map((n) => [n, { x: 1, y: 2, score: n.includes('knee') || n.includes('ankle') ? 0.1 : 0.9 }])) as Keypoints;
    const bones = visibleBones(kp).map((b) => b.name);
    expect(bones).toContain('left_shoulder-right_shoulder');
    expect(bones).not.toContain('left_hip-left_knee');
    expect(visiblePoints(kp).map((p) => p.name)).not.toContain('left_knee');
  });
});
