/**
 * The detected body drawn over the portrait: bones and joints in the analysed
 * image's pixels, scaled with the picture by the SVG viewBox.
 */
import type { Box, Keypoints } from '@/lib/engine/types';
import { visibleBones, visiblePoints } from '@/lib/skeleton';

export interface PoseOverlayProps {
  width: number;
  height: number;
  keypoints: Keypoints;
  faceBox: Box | null;
}

/**
 * @example <PoseOverlay width={768} height={1024} keypoints={summary.keypoints} faceBox={summary.faceBox} />
 */
export function PoseOverlay({ width, height, keypoints, faceBox }: PoseOverlayProps) {
  const stroke = Math.max(2, Math.round(Math.max(width, height) / 220));
  return (
    <svg class="pose" data-fitroom="pose" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
      {faceBox && (
        <rect x={faceBox.x} y={faceBox.y} width={faceBox.width} height={faceBox.height} class="pose-face" stroke-width={stroke} stroke-dasharray={`${stroke * 3} ${stroke * 2}`} />
      )}
      {visibleBones(keypoints).map((b) => (
        <line key={b.name} x1={b.from.x} y1={b.from.y} x2={b.to.x} y2={b.to.y} class="pose-bone" stroke-width={stroke} />
      ))}
      {visiblePoints(keypoints).map((p) => (
        <circle key={p.name} cx={p.x} cy={p.y} r={stroke * 1.8} class="pose-joint" data-point={p.name} />
      ))}
    </svg>
  );
}
