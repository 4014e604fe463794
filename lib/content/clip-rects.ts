/**
 * The rectangles that clip an element on screen: every ancestor box whose overflow is
 * not `visible` (a gallery's track, a carousel's viewport). Read from the live DOM.
 */
import type { Rect } from './button-placement';

/**
 * @example buttonAnchor(img.getBoundingClientRect(), clipRects(img))
 */
export function clipRects(element: Element): Rect[] {
  const out: Rect[] = [];
  const view = element.ownerDocument.defaultView;
  if (!view) return out;
  for (let node = element.parentElement; node && node !== element.ownerDocument.documentElement; node = node.parentElement) {
    const style = view.getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return [{ left: 0, top: 0, width: 0, height: 0 }];
    // Overflow does not apply to inline boxes (a link or span around the picture: its box is
    // a line of text, not the picture's) nor to `display: contents`, which has no box.
    if (style.display === 'inline' || style.display === 'contents') continue;
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const r = node.getBoundingClientRect();
      out.push({ left: r.left, top: r.top, width: r.width, height: r.height });
    }
  }
  return out;
}
