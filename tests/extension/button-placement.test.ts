import { describe, expect, it } from 'vitest';
import { buttonAnchor, correctedOffset, intersect } from '../../lib/content/button-placement';

describe('button placement', () => {
  it('anchors the button inside the top-right corner of the image', () => {
    expect(buttonAnchor({ left: 100, top: 50, width: 400, height: 600 }, [])).toEqual({ x: 490, y: 60 });
  });
  it('uses the shown part of a clipped image', () => {
    // A slide half scrolled out of its gallery on the right.
    const gallery = { left: 100, top: 50, width: 300, height: 600 };
    expect(buttonAnchor({ left: 100, top: 50, width: 400, height: 600 }, [gallery])).toEqual({ x: 390, y: 60 });
  });
  it('keeps the button in the window on an image larger than the window', () => {
    const viewport = { left: 0, top: 0, width: 1280, height: 900 };
    // 1600 px wide, scrolled so its top is 300 px above the window.
    expect(buttonAnchor({ left: 48, top: -300, width: 1600, height: 2100 }, [], viewport)).toEqual({ x: 1270, y: 10 });
    // Entirely below the window: its own corner (out of view anyway).
    expect(buttonAnchor({ left: 100, top: 1000, width: 400, height: 600 }, [], viewport)).toEqual({ x: 490, y: 1010 });
  });

  it('hides for small images and slides mostly out of view', () => {
    expect(buttonAnchor({ left: 0, top: 0, width: 80, height: 100 }, [])).toBeNull();
    expect(buttonAnchor({ left: 500, top: 0, width: 400, height: 600 }, [{ left: 0, top: 0, width: 600, height: 600 }])).toBeNull();
    expect(buttonAnchor({ left: 700, top: 0, width: 400, height: 600 }, [{ left: 0, top: 0, width: 600, height: 600 }])).toBeNull();
  });
  it('intersects rectangles', () => {
    expect(intersect({ left: 0, top: 0, width: 10, height: 10 }, { left: 5, top: 5, width: 10, height: 10 })).toEqual({ left: 5, top: 5, width: 5, height: 5 });
    expect(intersect({ left: 0, top: 0, width: 10, height: 10 }, { left: 10, top: 0, width: 10, height: 10 })).toBeNull();
  });
  it('corrects the host offset for any containing block in one step', () => {
    // Containing block at (8, 20) in the viewport: the host at offset (0, 0) shows at (8, 20).
    const next = correctedOffset({ left: 0, top: 0 }, { left: 8, top: 20 }, { x: 490, y: 60 });
    expect(next).toEqual({ left: 482, top: 40 });
    expect(correctedOffset(next, { left: 490, top: 60 }, { x: 490, y: 60 })).toEqual(next);
  });
});
