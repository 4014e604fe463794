import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { readSizeChart, readSizeCharts } from '../../lib/page/size-chart';
import { parseMeasureCell, toCentimetres } from '../../lib/page/size-chart-values';
import { isSizeLabel, measureOfHeader, unitOfText } from '../../lib/page/size-chart-vocabulary';
import { tableGrid } from '../../lib/page/size-chart-grid';
import { watchPage } from '../../lib/page/watch-page';
import { fixtureHtml, loadPage, pageFrom } from '../helpers/fixture-page';

const chartOf = (file: string) => readSizeChart(loadPage(`size-charts/${file}`));

describe('readSizeChart on fixtures', () => {
  it('sizes as rows, cm ranges, body chart in a collapsed <details>', () => {
    expect(chartOf('rows-cm-body-details.html')).toEqual({
      unit: 'cm', kind: 'body',
      sizes: [
        { label: 'XS', measures: { chest: [82, 86], waist: [68, 72], hips: [84, 88], sleeve: 60 } },
        { label: 'S', measures: { chest: [86, 91], waist: [72, 77], hips: [88, 93], sleeve: 61 } },
        { label: 'M', measures: { chest: [91, 97], waist: [77, 83], hips: [93, 99], sleeve: 62 } },
        { label: 'L', measures: { chest: [97, 103], waist: [83, 89], hips: [99, 105], sleeve: 63 } },
        { label: 'XL', measures: { chest: [103, 109], waist: [89, 95], hips: [105, 111], sleeve: 64 } },
        { label: 'XXL', measures: { chest: [109, 116], waist: [95, 102], hips: [111, 118], sleeve: 65 } },
      ],
    });
  });

  it('sizes as columns, inches, half chest doubled, fractions, garment chart in a hidden tab', () => {
    expect(chartOf('columns-inches-garment.html')).toEqual({
      unit: 'cm', kind: 'garment',
      sizes: [
        { label: 'S', measures: { chest: 101.6, length: 68.6, sleeve: 20.3 } },
        { label: 'M', measures: { chest: 109.2, length: 71.1, sleeve: 21 } },
        { label: 'L', measures: { chest: 116.8, length: 73.7, sleeve: 21.6 } },
        { label: 'XL', measures: { chest: 124.5, length: 76.2, sleeve: 22.2 } },
      ],
    });
  });

  it('Chinese garment chart (平铺, 号型 labels)', () => {
    expect(chartOf('chinese-garment.html')).toEqual({
      unit: 'cm', kind: 'garment',
      sizes: [
        { label: 'S(165/84A)', measures: { length: 68, shoulder: 44, chest: 104, sleeve: 20 } },
        { label: 'M(170/88A)', measures: { length: 70, shoulder: 46, chest: 108, sleeve: 21 } },
        { label: 'L(175/92A)', measures: { length: 72, shoulder: 48, chest: 112, sleeve: 22 } },
        { label: 'XL(180/96A)', measures: { length: 74, shoulder: 50, chest: 116, sleeve: 23 } },
        { label: '2XL(185/100A)', measures: { length: 76, shoulder: 52, chest: 120, sleeve: 24 } },
      ],
    });
  });

  it('Chinese body chart with sizes as columns and ~ ranges', () => {
    expect(chartOf('chinese-body-columns.html')).toEqual({
      unit: 'cm', kind: 'body',
      sizes: [
        { label: 'S', measures: { waist: [64, 68], hips: [88, 92], inseam: 72 } },
        { label: 'M', measures: { waist: [68, 72], hips: [92, 96], inseam: 73 } },
        { label: 'L', measures: { waist: [72, 76], hips: [96, 100], inseam: 74 } },
        { label: 'XL', measures: { waist: [76, 80], hips: [100, 104], inseam: 75 } },
      ],
    });
  });

  it('body chart preferred over the shown garment chart; both read with the right kind', () => {
    const all = readSizeCharts(loadPage('size-charts/tabs-garment-and-body.html')).map((f) => f.chart);
    expect(all).toEqual([
      { unit: 'cm', kind: 'garment', sizes: [
        { label: 'S', measures: { chest: 104, length: 66, sleeve: 62 } },
        { label: 'M', measures: { chest: 110, length: 68, sleeve: 63 } },
        { label: 'L', measures: { chest: 116, length: 70, sleeve: 64 } },
      ] },
      { unit: 'cm', kind: 'body', sizes: [
        { label: 'S', measures: { chest: [88, 94], waist: [76, 82] } },
        { label: 'M', measures: { chest: [94, 100], waist: [82, 88] } },
        { label: 'L', measures: { chest: [100, 106], waist: [88, 94] } },
      ] },
    ]);
    expect(chartOf('tabs-garment-and-body.html')).toEqual(all[1]);
  });

  it('hidden modal with Tops and Bottoms: the trousers get the Bottoms chart', () => {
    const doc = loadPage('size-charts/modal-tops-and-bottoms.html');
    const bottoms = { unit: 'cm', kind: 'body', sizes: [
      { label: 'XS', measures: { waist: 62, hips: 88, inseam: 78 } },
      { label: 'S', measures: { waist: 66, hips: 92, inseam: 79 } },
      { label: 'M', measures: { waist: 70, hips: 96, inseam: 80 } },
      { label: 'L', measures: { waist: 76, hips: 102, inseam: 81 } },
    ] };
    expect(readSizeChart(doc)).toEqual(bottoms);
    expect(readSizeCharts(doc).map((f) => f.category)).toEqual(['upper', 'lower']);
    // Told the product is a top, the Tops chart wins.
    expect(readSizeChart(doc, { categoryHint: 'upper' })?.sizes[0]).toEqual({ label: 'XS', measures: { chest: 80, waist: 62 } });
  });

  it('numeric EU labels, two-row header with spans, every range separator, closed <dialog>', () => {
    expect(chartOf('numeric-eu-ranges.html')).toEqual({
      unit: 'cm', kind: 'body',
      sizes: [
        { label: '34', measures: { chest: [80, 84], waist: [62, 66], hips: [88, 92] } },
        { label: '36', measures: { chest: [84, 88], waist: [66, 70], hips: [92, 96] } },
        { label: '38', measures: { chest: [88, 92], waist: [70, 74], hips: [96, 100] } },
        { label: '40', measures: { chest: [92, 96], waist: [74, 78], hips: [100, 104] } },
      ],
    });
  });

  it('jeans with inch and cm columns: cm kept, inch-only inseam converted', () => {
    expect(chartOf('jeans-inches-two-units.html')).toEqual({
      unit: 'cm', kind: 'unknown',
      sizes: [
        { label: '28', measures: { waist: 71, hips: 93, inseam: 81.3 } },
        { label: '30', measures: { waist: 76, hips: 98, inseam: 81.3 } },
        { label: '32', measures: { waist: 81, hips: 103, inseam: 81.3 } },
        { label: '34', measures: { waist: 86, hips: 108, inseam: 86.4 } },
      ],
    });
  });

  it('Kiwi Sizing renders late: null first, then the chart in inches converted, seen by the watcher', async () => {
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const doc = loadPage('size-charts/kiwi-late.html');
    expect(readSizeChart(doc)).toBeNull();
    const seen: unknown[] = [];
    const watch = watchPage(doc.body, () => seen.push(readSizeChart(doc)), { debounceMs: 10 });
    doc.getElementById('KiwiSizingChart')!.innerHTML = fixtureHtml('size-charts/kiwi-late.render.html');
    // The change reaches the watcher (a MutationObserver microtask); then the debounce passes.
    await vi.advanceTimersByTimeAsync(10);
    watch.disconnect();
    expect(seen).toEqual([{
      unit: 'cm', kind: 'body',
      sizes: [
        { label: 'XS', measures: { chest: [78.7, 81.3], waist: [61, 63.5], shoulder: 36.8 } },
        { label: 'S', measures: { chest: [83.8, 86.4], waist: [66, 68.6], shoulder: 38.1 } },
        { label: 'M', measures: { chest: [88.9, 91.4], waist: [71.1, 73.7], shoulder: 39.4 } },
        { label: 'L', measures: { chest: [94, 99.1], waist: [76.2, 81.3], shoulder: 40.6 } },
      ],
    }]);
  });

  it('no chart → null; spec, stock, conversion and care tables are not charts', () => {
    expect(chartOf('no-chart.html')).toBeNull();
    expect(chartOf('spec-tables.html')).toBeNull();
    expect(readSizeCharts(loadPage('size-charts/spec-tables.html'))).toEqual([]);
  });
});

describe('size-chart details', () => {
  it('unlabelled inch values on a letter-size chart are recognised as inches', () => {
    const doc = pageFrom('<table><tr><th>Size</th><th>Chest</th><th>Waist</th></tr><tr><td>S</td><td>36</td><td>30</td></tr><tr><td>M</td><td>40</td><td>34</td></tr></table>');
    expect(readSizeChart(doc)).toEqual({ unit: 'cm', kind: 'unknown', sizes: [
      { label: 'S', measures: { chest: 91.4, waist: 76.2 } },
      { label: 'M', measures: { chest: 101.6, waist: 86.4 } },
    ] });
  });
  it('a toggle with the CM side active wins over nothing said; radio toggles count', () => {
    const doc = pageFrom('<div><label><input type="radio" name="u" value="cm" checked> CM</label><label><input type="radio" name="u" value="in"> IN</label><table><tr><th>Size</th><th>Bust</th></tr><tr><td>S</td><td>36</td></tr><tr><td>M</td><td>40</td></tr></table></div>');
    expect(readSizeChart(doc)?.sizes.map((s) => s.measures.chest)).toEqual([36, 40]);
  });
  it('ARIA grids and cells with a hidden other-unit span', () => {
    const doc = pageFrom(`<div role="table"><div role="row"><span role="columnheader">Size</span><span role="columnheader">Waist</span></div>
      <div role="row"><span role="cell">M</span><span role="cell">76 cm<span hidden>30 in</span></span></div>
      <div role="row"><span role="cell">L</span><span role="cell">81 cm<span style="display:none">32 in</span></span></div></div>`);
    expect(readSizeChart(doc)).toEqual({ unit: 'cm', kind: 'unknown', sizes: [{ label: 'M', measures: { waist: 76 } }, { label: 'L', measures: { waist: 81 } }] });
  });
  it('empty cells are left out, never invented', () => {
    const doc = pageFrom('<table><tr><th>Size</th><th>Chest (cm)</th><th>Length (cm)</th></tr><tr><td>S</td><td>96</td><td>-</td></tr><tr><td>M</td><td>100</td><td>70</td></tr></table>');
    expect(readSizeChart(doc)?.sizes).toEqual([{ label: 'S', measures: { chest: 96 } }, { label: 'M', measures: { chest: 100, length: 70 } }]);
  });
  it('cells, labels, headers and units', () => {
    expect(parseMeasureCell('88 - 94')).toEqual({ value: [88, 94] });
    expect(parseMeasureCell('94–88')).toEqual({ value: [88, 94] });
    expect(parseMeasureCell('34½"')).toEqual({ value: 34.5, unit: 'in' });
    expect(parseMeasureCell('96cm')).toEqual({ value: 96, unit: 'cm' });
    expect(parseMeasureCell('７２')).toEqual({ value: 72 });
    expect(parseMeasureCell('100% cotton')).toBeNull();
    expect(parseMeasureCell('50 × 28 × 24 cm')).toBeNull();
    expect(toCentimetres([34, 36], 'in')).toEqual([86.4, 91.4]);
    expect(toCentimetres(52, 'cm', 2)).toBe(104);
    expect(['XS', 'xxl', '3XL', 'S/M', 'One Size', '均码', 'EU 38', 'US 4', '160/84A', 'M(165/88A)', 'W30 L32', '30x32'].every((l) => isSizeLabel(l))).toBe(true);
    expect(['38', 'Chest', 'In stock', '100% cotton', ''].some((l) => isSizeLabel(l))).toBe(false);
    expect(isSizeLabel('38', true)).toBe(true);
    expect(['Sleeve length', 'Inside leg', '胸围', '肩宽', 'Hip', 'Body length', '衣长', '袖长', '内长', 'Height'].map(measureOfHeader))
      .toEqual(['sleeve', 'inseam', 'chest', 'shoulder', 'hips', 'length', 'length', 'sleeve', 'inseam', 'other']);
    expect(['Chest (in)', 'Waist in', 'Measurements in cm', 'inches', '胸围(厘米)', 'Chest'].map(unitOfText)).toEqual(['in', 'in', 'cm', 'in', 'cm', null]);
    expect(tableGrid(pageFrom('<table><tr><td rowspan="2">a</td><td colspan="2">b</td></tr><tr><td>c</td><td>d</td></tr></table>').querySelector('table')!))
      .toEqual([['a', 'b', 'b'], ['a', 'c', 'd']]);
  });
  it('rejects a bad root', () => {
    expect(() => readSizeChart(null as unknown as Document)).toThrow('Expected a Document or Element for root but received null');
  });
});
