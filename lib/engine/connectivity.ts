/**
 * Connected regions of pixels: flood fill from seeds, and labelling of components.
 */

/**
 * Marks every pixel reachable from `seeds` through pixels where `passable(i)` is true (4-neighbours).
 * @example const outside = floodFill(w, h, borderPixels, (i) => isBackdrop[i] === 1);
 */
export function floodFill(width: number, height: number, seeds: Iterable<number>, passable: (i: number) => boolean): Uint8Array {
  const reached = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  let top = 0;
  for (const s of seeds) {
    if (reached[s] || !passable(s)) continue;
    reached[s] = 1;
    stack[top++] = s;
  }
  while (top > 0) {
    const i = stack[--top];
    const x = i % width;
    const visit = (j: number) => {
      if (!reached[j] && passable(j)) {
        reached[j] = 1;
        stack[top++] = j;
      }
    };
    if (x > 0) visit(i - 1);
    if (x < width - 1) visit(i + 1);
    if (i >= width) visit(i - width);
    if (i < width * (height - 1)) visit(i + width);
  }
  return reached;
}

/** The indices of the pixels on the image's border, clockwise from the top-left. */
export function borderPixels(width: number, height: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < width; x++) out.push(x, (height - 1) * width + x);
  for (let y = 1; y < height - 1; y++) out.push(y * width, y * width + width - 1);
  return out;
}

export interface Components {
  /** Component id per pixel, 0 = not in any. */
  labels: Int32Array;
  /** Pixel count per id (index 0 unused). */
  sizes: number[];
}

/**
 * Labels the 4-connected components (8-connected with `diagonal`) of the pixels where `inside(i)` is true.
 * @example const { labels, sizes } = labelComponents(w, h, (i) => mask[i] > 0.5);
 */
export function labelComponents(width: number, height: number, inside: (i: number) => boolean, diagonal = false): Components {
  const labels = new Int32Array(width * height);
  const sizes = [0];
  const stack = new Int32Array(width * height);
  for (let s = 0; s < width * height; s++) {
    if (labels[s] || !inside(s)) continue;
    const id = sizes.length;
    let count = 0, top = 0;
    labels[s] = id;
    stack[top++] = s;
    while (top > 0) {
      const i = stack[--top];
      count++;
      const x = i % width;
      const n = [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width];
      if (diagonal) n.push(x > 0 ? i - width - 1 : -1, x < width - 1 ? i - width + 1 : -1, x > 0 ? i + width - 1 : -1, x < width - 1 ? i + width + 1 : -1);
      for (const j of n) {
        if (j < 0 || j >= width * height || labels[j] || !inside(j)) continue;
        labels[j] = id;
        stack[top++] = j;
      }
    }
    sizes.push(count);
  }
  return { labels, sizes };
}
