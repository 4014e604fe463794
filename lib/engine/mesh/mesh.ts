/**
 * A garment as one deformable sheet: triangles over its cut-out in the flat
 * product photo, each labelled with the part it belongs to (body, a sleeve,
 * a strap...). Parts share vertices only where they are sewn together, so a
 * deformation can move a sleeve away from the body beside it but not off the
 * shoulder it hangs from.
 *
 * Orientation, the same for every triangle: for triangle (i, j, k) the cross
 * product (r_j − r_i) × (r_k − r_i) = (xj − xi)(yk − yi) − (yj − yi)(xk − xi)
 * is positive in image coordinates (x to the right, y down). That is
 * counter-clockwise for those axes as written, and clockwise as one sees the
 * picture on screen.
 */
import { FitroomError } from '../errors';

export type Pt = [number, number];

export interface Mesh {
  /** Rest positions in source (garment) pixels, x,y interleaved; a pixel's centre is at its integer coordinates. */
  rest: Float64Array;
  /** Vertex indices, 3 per triangle, each triangle with a positive cross product in image coordinates (see above). */
  triangles: Uint32Array;
  /** Part label of each triangle (the caller's labels, e.g. 1 body, 2 left sleeve, 3 right sleeve). */
  parts: Uint8Array;
}

/** @example vertexCount(mesh) === mesh.rest.length / 2 */
export function vertexCount(mesh: Mesh): number {
  return mesh.rest.length >> 1;
}

/** @example triangleCount(mesh) === mesh.parts.length */
export function triangleCount(mesh: Mesh): number {
  return (mesh.triangles.length / 3) | 0;
}

/**
 * Signed area of triangle `t` with its vertices at `positions` (x,y interleaved):
 * positive when it keeps the mesh's orientation, negative when turned over.
 * @example signedArea(mesh.rest, mesh, 0); // > 0
 */
export function signedArea(positions: ArrayLike<number>, mesh: Mesh, t: number): number {
  const tri = mesh.triangles;
  const a = tri[3 * t] * 2, b = tri[3 * t + 1] * 2, c = tri[3 * t + 2] * 2;
  const ax = positions[a], ay = positions[a + 1];
  return 0.5 * ((positions[b] - ax) * (positions[c + 1] - ay) - (positions[b + 1] - ay) * (positions[c] - ax));
}

/**
 * The point with barycentric coordinates `bary` in triangle `t` of `positions`.
 * @example const p = pointAt(deformed, mesh, h.triangle, h.bary);
 */
export function pointAt(positions: ArrayLike<number>, mesh: Mesh, t: number, bary: readonly [number, number, number]): Pt {
  const tri = mesh.triangles;
  const a = tri[3 * t] * 2, b = tri[3 * t + 1] * 2, c = tri[3 * t + 2] * 2;
  return [
    bary[0] * positions[a] + bary[1] * positions[b] + bary[2] * positions[c],
    bary[0] * positions[a + 1] + bary[1] * positions[b + 1] + bary[2] * positions[c + 1],
  ];
}

/**
 * Throws unless `positions` holds one x,y pair per vertex of `mesh`.
 * @example checkPositions(mesh, deformed, 'the deformed positions');
 */
export function checkPositions(mesh: Mesh, positions: ArrayLike<number>, what: string): void {
  if (positions.length !== mesh.rest.length) {
    throw new FitroomError('bad-argument', `Expected ${what} to hold ${mesh.rest.length} numbers (x,y for each of ${vertexCount(mesh)} vertices) but received ${positions.length}.`);
  }
}
