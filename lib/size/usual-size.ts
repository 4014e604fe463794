/**
 * Finding the shopper's usual size ('M', 'XXL', '38') among a chart's size labels,
 * which stores write in their own way: 'M(170/88A)' on Chinese charts, '2XL' for
 * 'XXL', 'Medium' for 'M', 'EU 38' for '38'.
 */

/** Letter sizes written out, as some stores label them. */
const WORDS: Record<string, string> = {
  XXSMALL: 'XXS', EXTRAEXTRASMALL: 'XXS', XSMALL: 'XS', EXTRASMALL: 'XS', SMALL: 'S', MEDIUM: 'M', LARGE: 'L',
  XLARGE: 'XL', EXTRALARGE: 'XL', XXLARGE: 'XXL', EXTRAEXTRALARGE: 'XXL',
};

/**
 * One spelling per size: upper case, no spaces or dashes, the part in brackets and a
 * region prefix dropped, `2XL` written `XXL` (and so on up to 5), words as letters.
 * @example normaliseSizeLabel('2XL(185/100A)') // 'XXL'
 * @example normaliseSizeLabel('EU 38') // '38'
 */
export function normaliseSizeLabel(label: string): string {
  let s = label.toUpperCase().replace(/[(（【[].*$/, '').replace(/[\s\-_.]+/g, '');
  s = s.replace(/^(EU|UK|US|IT|FR|DE|INT)(?=\d)/, '');
  s = s.replace(/^([2-5])X(S|L)$/, (_, n: string, end: string) => `${'X'.repeat(Number(n))}${end}`);
  return WORDS[s] ?? s;
}

/**
 * The chart's label for the shopper's usual size, or undefined when the chart has none
 * by that name.
 * @example matchUsualSize(['S(165/84A)', 'M(170/88A)', '2XL(185/100A)'], 'xxl') // '2XL(185/100A)'
 * @example matchUsualSize(['34', '36', '38'], 'M') // undefined
 */
export function matchUsualSize(labels: readonly string[], usual: string | undefined): string | undefined {
  const want = usual ? normaliseSizeLabel(usual) : '';
  if (!want) return undefined;
  return labels.find((l) => normaliseSizeLabel(l) === want);
}
