/**
 * Membrane (harmonic) interpolation: unknown pixels take the smoothest values
 * that meet the known ones, as a soap film stretched over them. Used to paint
 * skin where an old garment is taken away: each painted pixel takes the tone
 * of the skin around it, a shoulder from the neck and the upper arm, a midriff
 * from the chest and the hands, with no seam where regions meet.
 *
 * Solved coarse to fine (a pull-push pyramid, Gortler et al. 1996, "The
 * Lumigraph"), with a few relaxation sweeps of the Laplace equation at each
 * level: the pyramid carries values across wide holes, the sweeps remove its
 * blockiness, so the cost stays a few passes over the pixels.
 */
import type { GrayImage } from './image';

/** Relaxation sweeps at each pyramid level: enough to smooth the 2x2 blocks that pushing down leaves. */
const SWEEPS = 6;

/**
 * Fills the pixels where `known` is below 1 with a membrane over `values`
 * (weights in between blend the known value with the membrane's).
 * @param values channels of a width x height image, interleaved (`channels` per pixel).
 * @param known per pixel 0..1: how far the value there is known.
 * @returns a new array like `values`, everywhere defined; unchanged where known is 1.
 * @example const skin = membraneFill(rgb, 3, skinPixels); // skin tone spread over the cleared top
 */
export function membraneFill(values: Float32Array, channels: number, known: GrayImage): Float32Array {
  const { width: w, height: h } = known;
  if (values.length !== w * h * channels) {
    throw new RangeError(`Expected ${w * h * channels} values (${w}x${h}x${channels}) but received ${values.length}.`);
  }
  let any = false;
  for (let i = 0; i < w * h && !any; i++) any = known.data[i] > 0;
  if (!any) return new Float32Array(values.length);
  return solve(values, known.data, w, h, channels);
}

/** One level: fill from the half-size level below, then relax where unknown. */
function solve(values: Float32Array, weight: Float32Array, w: number, h: number, ch: number): Float32Array {
  const out = new Float32Array(values.length);
  if (w <= 2 && h <= 2) {
    // the coarsest level: the weighted mean everywhere unknown
    const mean = new Float64Array(ch);
    let sw = 0;
    for (let i = 0; i < w * h; i++) {
      sw += weight[i];
      for (let c = 0; c < ch; c++) mean[c] += values[i * ch + c] * weight[i];
    }
    for (let i = 0; i < w * h; i++) for (let c = 0; c < ch; c++) {
      const m = sw > 0 ? mean[c] / sw : 0;
      out[i * ch + c] = values[i * ch + c] * weight[i] + m * (1 - weight[i]);
    }
    return out;
  }
  // Pull: the half-size level's values are weighted means of 2x2 blocks, its weights their sum (capped at 1).
  const hw = Math.max(1, (w + 1) >> 1), hh = Math.max(1, (h + 1) >> 1);
  const hv = new Float32Array(hw * hh * ch), hwgt = new Float32Array(hw * hh);
  for (let y = 0; y < hh; y++) for (let x = 0; x < hw; x++) {
    let sw = 0;
    const acc = new Float64Array(ch);
    for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) {
      const xx = 2 * x + dx, yy = 2 * y + dy;
      if (xx >= w || yy >= h) continue;
      const i = yy * w + xx, wt = weight[i];
      if (wt <= 0) continue;
      sw += wt;
      for (let c = 0; c < ch; c++) acc[c] += values[i * ch + c] * wt;
    }
    const j = y * hw + x;
    hwgt[j] = Math.min(1, sw);
    if (sw > 0) for (let c = 0; c < ch; c++) hv[j * ch + c] = acc[c] / sw;
  }
  const coarse = solve(hv, hwgt, hw, hh, ch);
  // Push: unknown pixels take the coarse level's value (bilinear), known ones keep theirs.
  for (let y = 0; y < h; y++) {
    const fy = Math.min(hh - 1, Math.max(0, (y - 0.5) / 2)), y0 = Math.floor(fy), y1 = Math.min(hh - 1, y0 + 1), ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(hw - 1, Math.max(0, (x - 0.5) / 2)), x0 = Math.floor(fx), x1 = Math.min(hw - 1, x0 + 1), tx = fx - x0;
      const i = y * w + x, wt = weight[i];
      for (let c = 0; c < ch; c++) {
        const up = (coarse[(y0 * hw + x0) * ch + c] * (1 - tx) + coarse[(y0 * hw + x1) * ch + c] * tx) * (1 - ty)
          + (coarse[(y1 * hw + x0) * ch + c] * (1 - tx) + coarse[(y1 * hw + x1) * ch + c] * tx) * ty;
        out[i * ch + c] = wt >= 1 ? values[i * ch + c] : values[i * ch + c] * wt + up * (1 - wt);
      }
    }
  }
  relax(out, values, weight, w, h, ch);
  return out;
}

/** Gauss-Seidel sweeps of the Laplace equation on the pixels not fully known (known ones pull by their weight). */
function relax(out: Float32Array, values: Float32Array, weight: Float32Array, w: number, h: number, ch: number): void {
  for (let s = 0; s < SWEEPS; s++) {
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const i = y * w + x, wt = weight[i];
      if (wt >= 1) continue;
      let n = 0;
      for (let c = 0; c < ch; c++) {
        let sum = 0;
        n = 0;
        if (x > 0) { sum += out[(i - 1) * ch + c]; n++; }
        if (x + 1 < w) { sum += out[(i + 1) * ch + c]; n++; }
        if (y > 0) { sum += out[(i - w) * ch + c]; n++; }
        if (y + 1 < h) { sum += out[(i + w) * ch + c]; n++; }
        const smooth = sum / n;
        out[i * ch + c] = values[i * ch + c] * wt + smooth * (1 - wt);
      }
    }
  }
}
