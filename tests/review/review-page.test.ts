import { describe, expect, it } from 'vitest';
import { PICTURE_HEIGHT_PX, reviewPage } from '../../lib/review/review-page';
import type { ReviewCell } from '../../lib/review/summary';
import { summarise } from '../../lib/review/summary';

function cell(over: Partial<ReviewCell>): ReviewCell {
  return { portrait: 'persons/a.jpg', garment: 'garments/b.jpg', category: 'upper', file: 'a__b.png', refused: null, ms: 512, pieces: 1, backdropInBody: 0, oldGarmentLeft: 12, clearedFilled: 3, ...over };
}

const input = (file: string) => ({ img: `../inputs/${file}`, href: `file:///data/${file}` });

describe('reviewPage', () => {
  const cells = [
    cell({}),
    cell({ garment: 'garments/c.jpg', file: 'a__c.png', pieces: 3, backdropInBody: 40 }),
    cell({ portrait: 'persons/z.jpg', file: null, refused: 'No person <found> & "nothing" drawn.', pieces: null, backdropInBody: null, oldGarmentLeft: null, clearedFilled: null, ms: null }),
  ];
  const pairs = [cell({ portrait: 'paired/person/p.jpg', garment: 'paired/garment/p.jpg', file: 'pair__p.png', ssim: 0.8123 })];
  const html = reviewPage({ title: 'upper, review set', summary: summarise(cells, pairs), cells, pairs, input });

  it('shows each cell\'s portrait, product photo and full-size try-on, each opening its file', () => {
    expect(html).toContain('<a href="a__c.png"><img src="a__c.png"');
    expect(html).toContain('<a href="file:///data/persons/a.jpg"><img src="../inputs/persons/a.jpg"');
    expect(html).toContain('<a href="file:///data/garments/c.jpg"><img src="../inputs/garments/c.jpg"');
    expect(html).toContain(`height:${PICTURE_HEIGHT_PX}px`);
  });

  it('shows a refused cell\'s message, escaped, in place of the try-on', () => {
    expect(html).toContain('<div class="refused">No person &#60;found&#62; &#38; &#34;nothing&#34; drawn.</div>');
    expect(html).not.toContain('<found>');
  });

  it('puts the sums on top, the pairs with their SSIM next, and marks a top in several pieces', () => {
    const summaryAt = html.indexOf('<table class="summary">'), pairsAt = html.indexOf('pair__p.png'), cellsAt = html.indexOf('a__b.png');
    expect(summaryAt).toBeGreaterThan(0);
    expect(summaryAt).toBeLessThan(pairsAt);
    expect(pairsAt).toBeLessThan(cellsAt);
    expect(html).toContain('<th>extra pieces (sum of pieces over 1)</th><td>2</td>');
    expect(html).toContain('SSIM <b>0.812</b>');
    expect(html).toContain('<span class="bad">pieces <b>3</b></span>');
    expect(html).toContain('<span>pieces <b>1</b></span>');
  });
});
