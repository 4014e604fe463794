/**
 * What makes a portrait a poor base for try-on, each with a tip a person can act on.
 */
import type { PortraitIssue } from '../analysis';
import type { Keypoints } from '../types';

const VISIBLE = 0.5;

/**
 * @example const issues = portraitIssues(keypoints, 768, 1024, 1); // [] for a good portrait
 */
export function portraitIssues(kp: Keypoints, width: number, height: number, people: number): PortraitIssue[] {
  const issues: PortraitIssue[] = [];
  const inside = (p: { x: number; y: number }, margin = 0) => p.x >= -margin && p.y >= -margin && p.x < width + margin && p.y < height + margin;
  const seen = (p: { x: number; y: number; score: number }) => p.score >= VISIBLE && inside(p);
  const span = Math.hypot(kp.left_shoulder.x - kp.right_shoulder.x, kp.left_shoulder.y - kp.right_shoulder.y);
  const torso = Math.hypot((kp.left_shoulder.x + kp.right_shoulder.x - kp.left_hip.x - kp.right_hip.x) / 2, (kp.left_shoulder.y + kp.right_shoulder.y - kp.left_hip.y - kp.right_hip.y) / 2);

  if (people > 1) issues.push({ code: 'several-people', message: 'More than one person is in the photo; Fitroom uses the largest, most central one. A photo of just you works best.' });
  if (Math.max(span, torso) < Math.min(width, height) * 0.12) {
    issues.push({ code: 'person-too-small', message: 'You look small in this photo. Use one where you fill most of the frame, from head to at least the hips.' });
  }
  if (!seen(kp.nose) || !inside(kp.left_eye) || !inside(kp.right_eye) || kp.nose.y - span * 0.35 < 0) {
    issues.push({ code: 'face-cut-off', message: 'Your face is cut off or hidden. Use a photo where your whole head is in the frame.' });
  }
  if (!seen(kp.left_shoulder) || !seen(kp.right_shoulder) || Math.min(kp.left_shoulder.x, kp.right_shoulder.x) - span * 0.2 < 0 || Math.max(kp.left_shoulder.x, kp.right_shoulder.x) + span * 0.2 > width) {
    issues.push({ code: 'shoulders-cut-off', message: 'A shoulder is cut off or hidden. Use a photo showing both shoulders with some space around them.' });
  }
  if (!inside(kp.left_hip) || !inside(kp.right_hip)) {
    issues.push({ code: 'hips-cut-off', message: 'The photo ends above your hips, so tops cannot be shown to their full length. A photo down to at least mid-thigh works best.' });
  }
  // Facing the camera, the shoulders are about 1.2 torso widths apart; side-on they overlap.
  if (span < torso * 0.45) {
    issues.push({ code: 'side-view', message: 'You seem to be turned sideways. Face the camera with both shoulders visible.' });
  }
  const armSeen = (s: 'left' | 'right') => kp[`${s}_elbow`].score >= VISIBLE && kp[`${s}_wrist`].score >= 0.3;
  if (!armSeen('left') || !armSeen('right')) {
    issues.push({ code: 'arms-hidden', message: 'An arm is hidden or out of the frame. Sleeves fit best when both arms are visible, away from the body or along it.' });
  }
  return issues;
}
