/**
 * 0 below `a`, 1 above `b`, and a smooth S-curve between: the soft threshold the
 * maps use to turn likelihoods into weights without hard edges.
 * @example smoothstep(0.3, 0.7, 0.5); // 0.5
 */
export function smoothstep(a: number, b: number, v: number): number {
  const t = Math.min(1, Math.max(0, (v - a) / (b - a)));
  return t * t * (3 - 2 * t);
}
