/**
 * The picture element a reader means when its selector lands on a wrapper: store themes
 * put the id or class a reader knows on the `<img>` itself or on something around it
 * (older Taobao/Tmall: `<div id="J_ImgBooth"><a><img></a></div>`; other themes: links,
 * `<picture>`, spans). The button goes on the `<img>`, and only it names the picture.
 */
import { largestImageUrl } from './image-source';

/**
 * How many `<img>`s inside a wrapper are looked at: a gallery's main picture is among its
 * first; past them, a selector has landed on a whole page region, not on a picture's wrapper.
 */
export const MAX_IMAGES_IN_WRAPPER = 8;

/**
 * `element` when it is an `<img>`, else the first `<img>` inside it (within the first
 * MAX_IMAGES_IN_WRAPPER) that names a picture (an http(s) URL in src, srcset, data-src,
 * a zoom attribute or its `<picture>`'s sources); null when there is none.
 *
 * @example
 * // <div id="J_ImgBooth"><a href="#"><img src="//img.alicdn.com/…/a.jpg_400x400.jpg"></a></div>
 * imageElementIn(doc.getElementById('J_ImgBooth')!, pageUrl) // → the <img>
 */
export function imageElementIn(element: Element, pageUrl: string): Element | null {
  if (element.tagName === 'IMG') return element;
  const images = Array.from(element.querySelectorAll('img')).slice(0, MAX_IMAGES_IN_WRAPPER);
  return images.find((img) => largestImageUrl(img, pageUrl) !== null) ?? null;
}

/**
 * The picture element of the first match of `selectors` (in document order) that has one:
 * an `<img>` matched itself, or the one inside a matched wrapper; null when none has.
 *
 * @example
 * firstImageAt(doc, '[class*="mainPic--"], #J_ImgBooth', pageUrl) // → <img>
 */
export function firstImageAt(root: ParentNode, selectors: string, pageUrl: string): Element | null {
  for (const match of Array.from(root.querySelectorAll(selectors))) {
    const img = imageElementIn(match, pageUrl);
    if (img) return img;
  }
  return null;
}
