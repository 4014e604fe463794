/**
 * Arithmetic on 2-D points (photo pixels), for the fitting stages.
 * @example mid([0, 0], lerp([0, 0], [10, 4], 0.5)); // [2.5, 1]
 */
import type { Point } from './shapes';

/** a + k·b */
export const add = (a: Point, b: Point, k = 1): Point => [a[0] + b[0] * k, a[1] + b[1] * k];
export const sub = (a: Point, b: Point): Point => [a[0] - b[0], a[1] - b[1]];
export const len = (v: Point): number => Math.hypot(v[0], v[1]);
export const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
export const mid = (a: Point, b: Point): Point => lerp(a, b, 0.5);
export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
