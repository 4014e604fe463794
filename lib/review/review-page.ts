/**
 * The review page: every try-on at full size beside its portrait and product
 * photo, its numbers below it, and the set's sums on top. A plain HTML string,
 * no scripts, so it opens from disk in any browser.
 */
import type { ReviewCell, ReviewSummary } from './summary';

/** Each picture of a cell is shown this tall: large enough to judge edges, three fit side by side. */
export const PICTURE_HEIGHT_PX = 480;

export interface ReviewPage {
  title: string;
  summary: ReviewSummary;
  cells: readonly ReviewCell[];
  pairs: readonly ReviewCell[];
  /** Where the page finds a sample's picture (a downscaled copy) and its full-size original. */
  input(file: string): { img: string; href: string };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const show = (v: number | null | undefined, digits = 0) => (v === null || v === undefined ? '–' : v.toFixed(digits));

/** The summary as a two-column table (the pairs get their own section). */
function summaryTable(s: ReviewSummary): string {
  const rows: [string, string][] = [
    ['cells', show(s.cells)],
    ['refused', show(s.refused)],
    ['garment in one piece / several / none', `${s.onePiece} / ${s.severalPieces} / ${s.noPieces}`],
    ['extra pieces (sum of pieces over 1)', show(s.extraPieces)],
    ['backdrop in body: sum / median / cannot tell', `${show(s.backdropInBody)} / ${show(s.backdropInBodyMedian)} / ${s.backdropInBodyNull}`],
    ['old garment left (sum)', show(s.oldGarmentLeft)],
    ['cleared and filled, not covered (sum)', show(s.clearedFilled)],
    ['try-on ms (median)', show(s.medianMs)],
    ['paired SSIM (median)', show(s.medianSsim, 3)],
  ];
  return `<table class="summary">${rows.map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`).join('')}</table>`;
}

/** A picture that opens its full-size file. */
const picture = (img: string, href: string, alt: string) => `<a href="${escape(href)}"><img src="${escape(img)}" alt="${escape(alt)}" loading="lazy"></a>`;

/** Numbers that mean something went wrong are marked (a top or dress in several pieces, any backdrop in the body). */
function numbers(c: ReviewCell): string {
  const onePieceExpected = c.category === 'upper' || c.category === 'dress';
  const item = (label: string, v: string, bad: boolean) => `<span${bad ? ' class="bad"' : ''}>${escape(label)} <b>${escape(v)}</b></span>`;
  const parts = [
    item('pieces', show(c.pieces), onePieceExpected && c.pieces !== null && c.pieces !== 1),
    item('backdrop in body', c.backdropInBody === null && c.refused === null ? 'cannot tell' : show(c.backdropInBody), (c.backdropInBody ?? 0) > 0),
    item('old garment left', show(c.oldGarmentLeft), false),
    item('cleared, not covered', show(c.clearedFilled), false),
    item('ms', show(c.ms), false),
  ];
  if (c.ssim !== undefined) parts.push(item('SSIM', show(c.ssim, 3), false));
  return `<p class="numbers">${c.category ? `${escape(c.category)} · ` : ''}${parts.join(' · ')}</p>`;
}

function cell(c: ReviewCell, page: ReviewPage): string {
  const p = page.input(c.portrait), g = page.input(c.garment);
  const result = c.refused !== null || c.file === null
    ? `<div class="refused">${escape(c.refused ?? 'no result')}</div>`
    : picture(c.file, c.file, `${c.portrait} wearing ${c.garment}`);
  return `<figure class="cell" id="${escape(`${c.portrait}__${c.garment}`)}"><figcaption>${escape(c.portrait)} × ${escape(c.garment)}</figcaption>`
    + `<div class="row">${picture(p.img, p.href, c.portrait)}${picture(g.img, g.href, c.garment)}${result}</div>${numbers(c)}</figure>`;
}

/**
 * @example writeFileSync('out/upper/index.html', reviewPage({ title: 'upper, review set', summary, cells, pairs, input }));
 */
export function reviewPage(page: ReviewPage): string {
  const style = `body{font:14px system-ui,sans-serif;margin:16px;background:#f4f4f4}
table.summary{border-collapse:collapse;margin-bottom:16px}table.summary th,table.summary td{border:1px solid #ccc;padding:3px 8px;text-align:left;background:#fff}
.cell{margin:0 0 28px;padding:8px;background:#fff;border:1px solid #ddd}.cell figcaption{font-weight:600;margin-bottom:6px}
.row{display:flex;gap:8px;align-items:flex-start;overflow-x:auto}.row img{height:${PICTURE_HEIGHT_PX}px;width:auto;display:block;background:#ddd}
.refused{height:${PICTURE_HEIGHT_PX}px;width:${Math.round(PICTURE_HEIGHT_PX * 0.75)}px;background:#eee;color:#a00;padding:12px;box-sizing:border-box;overflow:auto}
.numbers{margin:6px 0 0}.numbers .bad b{color:#c00}`;
  const byPortrait = new Map<string, ReviewCell[]>();
  for (const c of page.cells) byPortrait.set(c.portrait, [...(byPortrait.get(c.portrait) ?? []), c]);
  const pairs = page.pairs.length
    ? `<h2>Pairs: the person's own garment, tried on them (SSIM shoulders to hips against their photo)</h2>${page.pairs.map((c) => cell(c, page)).join('\n')}`
    : '';
  const sections = [...byPortrait].map(([portrait, cells]) => `<section><h2>${escape(portrait)}</h2>\n${cells.map((c) => cell(c, page)).join('\n')}</section>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(page.title)}</title><style>${style}</style></head><body>
<h1>${escape(page.title)}</h1>
${summaryTable(page.summary)}
${pairs}
${sections.join('\n')}
</body></html>
`;
}
