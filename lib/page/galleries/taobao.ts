/**
 * Taobao/Tmall galleries. Class names are hashed per build (`PicGallery--mainPicWrap--juPDFPo`),
 * so only their readable parts are matched; the older item page uses `#J_ImgBooth`, on the
 * `<img>` itself or on a wrapper around it (`<div id="J_ImgBooth"><a><img></a></div>`).
 * Image URLs carry resize/format suffixes (`_60x60q50.jpg_.webp`) that are removed.
 */
import { pushUnique, type FoundImage } from './found-image';
import { largestImageUrl } from '../image-source';
import { firstImageAt } from '../image-element';
import { stripTaobaoSuffix, imageKey } from '../url';

// Each may be the <img> or a wrapper of it (firstImageAt finds the picture inside).
const MAIN = '[class*="mainPicWrap--"], [class*="mainPic--"], #J_ImgBooth';
const GALLERY = '[class*="PicGallery--"], #J_UlThumb';

/**
 * The main picture attached to its element, then the thumbnails' full pictures
 * without an element.
 *
 * @example
 * readTaobaoGallery(document, pageUrl)[0].src // → 'https://img.fitroom.test/imgextra/i1/O1CN01dress.jpg'
 */
export function readTaobaoGallery(doc: Document, pageUrl: string): FoundImage[] {
  const out: FoundImage[] = [];
  const main = firstImageAt(doc, MAIN, pageUrl);
  const full = (img: Element) => {
    const u = largestImageUrl(img, pageUrl);
    return u ? stripTaobaoSuffix(u) : null;
  };
  const mainSrc = main ? full(main) : null;
  if (main && mainSrc) out.push({ element: main, src: mainSrc, source: 'taobao', rank: 0 });
  // Hashed wrappers nest (`PicGallery--root` > `PicGallery--mainPicWrap`): take the outermost.
  let gallery = main?.closest(GALLERY) ?? doc.querySelector(GALLERY);
  for (let up = gallery?.parentElement?.closest(GALLERY); up; up = up.parentElement?.closest(GALLERY)) gallery = up;
  for (const img of Array.from(gallery?.querySelectorAll('img') ?? [])) {
    if (img === main) continue;
    const src = full(img);
    if (src) pushUnique(out, { element: null, src, source: 'taobao' }, imageKey);
  }
  return out;
}
