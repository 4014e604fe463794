/**
 * SSD anchors of BlazePose's person detector (224x224 input): feature maps of
 * strides 8, 16 and three of 32, two anchors per cell for the first two maps
 * and six per cell for the stride-32 maps merged into one (2254 anchors in all).
 * All anchors have size 1 (MediaPipe's `fixed_anchor_size`), so only centres matter.
 */
export const DETECTOR_INPUT = 224;
const STRIDES = [8, 16, 32, 32, 32];

/** Anchor centres as [x0, y0, x1, y1, ...] in [0, 1]. */
export function detectorAnchors(): Float32Array {
  const out: number[] = [];
  let layer = 0;
  while (layer < STRIDES.length) {
    let perCell = 0;
    let last = layer;
    while (last < STRIDES.length && STRIDES[last] === STRIDES[layer]) {
      perCell += 2;
      last++;
    }
    const cells = Math.ceil(DETECTOR_INPUT / STRIDES[layer]);
    for (let y = 0; y < cells; y++) {
      for (let x = 0; x < cells; x++) {
        for (let k = 0; k < perCell; k++) out.push((x + 0.5) / cells, (y + 0.5) / cells);
      }
    }
    layer = last;
  }
  return Float32Array.from(out);
}
