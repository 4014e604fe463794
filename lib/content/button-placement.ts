/**
 * Where a Try on button goes: pure rectangle arithmetic, so it is tested without
 * a browser. The button sits inside the top-right corner of the part of its image
 * that is actually shown (galleries clip their slides with overflow: hidden), and of
 * that, the part inside the window: on an image taller or wider than the window the
 * button stays in view while the shopper scrolls along it.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Distance of the button from the image's corner, in CSS pixels. */
export const BUTTON_INSET = 10;
/** Below this share of the image shown (a slide scrolled out of its gallery), the button hides. */
export const MIN_VISIBLE_SHARE = 0.5;
/** Images shown smaller than this on a side get no button: it would cover them. */
export const MIN_SHOWN_SIDE = 120;

/**
 * The intersection of rectangles, or null when they do not overlap.
 * @example intersect({ left: 0, top: 0, width: 10, height: 10 }, { left: 5, top: 5, width: 10, height: 10 }) // { left: 5, top: 5, width: 5, height: 5 }
 */
export function intersect(a: Rect, b: Rect): Rect | null {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
}

/**
 * The anchor point of the button (its top-right corner) in viewport coordinates,
 * or null when the button should hide.
 * @param image the image's rectangle in the viewport (getBoundingClientRect)
 * @param clips rectangles of the ancestors that clip it (overflow other than visible)
 * @param viewport the window's rectangle; omitted, the image's own corner is used
 * @example buttonAnchor({ left: 100, top: 50, width: 400, height: 600 }, []) // { x: 490, y: 60 }
 */
export function buttonAnchor(image: Rect, clips: Rect[], viewport?: Rect): { x: number; y: number } | null {
  if (image.width < MIN_SHOWN_SIDE || image.height < MIN_SHOWN_SIDE) return null;
  let shown: Rect | null = image;
  for (const clip of clips) {
    shown = intersect(shown, clip);
    if (!shown) return null;
  }
  if (shown.width * shown.height < MIN_VISIBLE_SHARE * image.width * image.height) return null;
  // The window only moves the button (an image scrolled half out of view keeps its button).
  const inView = (viewport && intersect(shown, viewport)) || shown;
  return { x: inView.left + inView.width - BUTTON_INSET, y: inView.top + BUTTON_INSET };
}

/**
 * The `left`/`top` to give an absolutely positioned host so its box lands on `target`,
 * whatever its containing block: from where it is now (`hostRect`, viewport) and the
 * offsets that put it there (`current`). Exact in one step for any translation.
 * @example correctedOffset({ left: 0, top: 0 }, { left: 8, top: 20 }, { x: 490, y: 60 }) // { left: 482, top: 40 }
 */
export function correctedOffset(current: { left: number; top: number }, hostRect: { left: number; top: number }, target: { x: number; y: number }) {
  return { left: current.left + (target.x - hostRect.left), top: current.top + (target.y - hostRect.top) };
}
