/**
 * Parsing `srcset` strings and picking the largest candidate.
 *
 * Follows the HTML parsing rules closely enough for store pages: URLs may contain
 * commas (Cloudinary `w_100,h_100`), descriptors are `Nw` or `Nx`, a missing
 * descriptor means `1x`.
 */

export interface SrcsetCandidate {
  url: string;
  /** Width descriptor in pixels, when given as `Nw`. */
  width?: number;
  /** Pixel density, when given as `Nx` or no descriptor (1). */
  density?: number;
}

/**
 * Split a srcset attribute into its candidates, in order.
 *
 * @example
 * parseSrcset('a.jpg 100w, b.jpg 400w')
 * // → [{ url: 'a.jpg', width: 100 }, { url: 'b.jpg', width: 400 }]
 */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  const s = srcset;
  let i = 0;
  while (i < s.length) {
    while (i < s.length && (/\s/.test(s[i]) || s[i] === ',')) i++;
    if (i >= s.length) break;
    let start = i;
    while (i < s.length && !/\s/.test(s[i])) i++;
    let url = s.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      let depth = 0;
      while (i < s.length) {
        const c = s[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
      descriptor = s.slice(start, i).trim();
      i++; // past the comma
    }
    if (!url) continue;
    const candidate: SrcsetCandidate = { url };
    const w = /^(\d+(?:\.\d+)?)w$/i.exec(descriptor);
    const x = /^(\d+(?:\.\d+)?)x$/i.exec(descriptor);
    if (w) candidate.width = Number(w[1]);
    else if (x) candidate.density = Number(x[1]);
    else candidate.density = 1; // no or unknown descriptor: the spec's default
    out.push(candidate);
  }
  return out;
}

/**
 * The largest candidate of a srcset: the biggest `w` if any candidate has one,
 * otherwise the biggest `x`. Ties keep the first. Null for an empty srcset.
 *
 * @example
 * largestSrcsetCandidate('s.jpg 1x, l.jpg 2x')?.url // → 'l.jpg'
 */
export function largestSrcsetCandidate(srcset: string | null | undefined): SrcsetCandidate | null {
  if (!srcset) return null;
  const all = parseSrcset(srcset);
  if (all.length === 0) return null;
  const withWidth = all.filter((c) => c.width !== undefined);
  const pool = withWidth.length > 0 ? withWidth : all;
  const size = (c: SrcsetCandidate) => c.width ?? c.density ?? 1;
  return pool.reduce((best, c) => (size(c) > size(best) ? c : best));
}
