/**
 * Words of size charts in English and Chinese: measure headers, size labels,
 * units, and the phrases that say body or garment measurements.
 */
import type { MeasureName } from './size-chart-types';

// Order matters: 'sleeve length' is a sleeve, 'inside leg length' an inseam, before plain 'length'.
const MEASURE_HEADERS: [MeasureName, RegExp][] = [
  ['sleeve', /sleeve|arm length|袖长|袖長/i],
  ['inseam', /inseam|inside leg|inner leg|leg length|内长|內長|内侧长|内裆长/i],
  ['shoulder', /shoulder|across back|肩宽|肩寬|肩/i],
  ['chest', /chest|bust|pit to pit|\bp2p\b|胸围|胸圍|胸/i],
  ['waist', /waist|腰围|腰圍|腰/i],
  ['hips', /\bhips?\b|\bseat\b|臀围|臀圍|臀/i],
  ['length', /length|\blong\b|衣长|衣長|裤长|褲長|裙长|裙長|后中长|全长|长度/i],
];

// Headers that are measurements we do not use: they make a table look like a size chart, nothing more.
const OTHER_MEASURE_HEADER = /height|weight|neck|collar|thigh|rise|leg opening|hem|cuff|bicep|foot|身高|体重|領围|领围|大腿|裤脚|下摆|袖口|前裆|后裆|袖肥/i;

/**
 * The measure a header names, 'other' for a measurement we do not use, or null.
 *
 * @example
 * measureOfHeader('Sleeve length (cm)') // → 'sleeve'
 * measureOfHeader('胸围') // → 'chest'
 */
export function measureOfHeader(text: string): MeasureName | 'other' | null {
  for (const [name, re] of MEASURE_HEADERS) if (re.test(text)) return name;
  return OTHER_MEASURE_HEADER.test(text) ? 'other' : null;
}

/**
 * A header that says its chest/waist/hips values are half the circumference (flat width).
 *
 * @example
 * isHalfMeasureHeader('1/2 Chest') // → true
 */
export function isHalfMeasureHeader(text: string): boolean {
  return /1\/2|\bhalf\b|\bflat\b|width|pit to pit|\bp2p\b|半胸|半腰|半臀/i.test(text);
}

/**
 * A header of the size-label column or row: 'Size', 'EU', '尺码'…
 *
 * @example
 * isSizeHeader('EU') // → true
 * isSizeHeader('Chest size') // → false
 */
export function isSizeHeader(text: string): boolean {
  return /^\s*(sizes?|size label|taille|größe|talla|tamaño|尺码|尺碼|码数|碼數|码|號型|号型|(?:us|uk|eu|it|fr|de|jp|au|cn|intl|international|alpha|letter)(?:\s+sizes?)?)\s*$/i.test(text.replace(/\(.*?\)/g, ''))
    || /\bsizes?\b|尺码|尺碼|号型/i.test(text) && !measureOfHeader(text);
}

const LETTER = String.raw`(?:x{0,4}s|m|x{0,6}l|[2-6]x(?:l)?|xxs|small|medium|large|x-small|x-large|xx-large|xxx-large|extra[ -]small|extra[ -]large|one size|os|free size|均码|均碼|f)`;
const SYSTEM = String.raw`(?:us|uk|eu|it|fr|de|jp|au|cn|w)`;
const LETTER_LABEL = new RegExp(String.raw`^${LETTER}(?:\s*[/\-]\s*${LETTER})?(?:\s*[(（][^)）]{1,20}[)）])?$`, 'i');
const SYSTEM_LABEL = new RegExp(String.raw`^${SYSTEM}\s*\d{1,2}(?:\.5)?(?:\s*[/\-]\s*\d{1,2})?(?:\s*[(（][^)）]{1,20}[)）])?$`, 'i');
// Chinese 号型 (height/chest + body type), alone or after a letter: '160/84A', 'M(165/88A)', 'M 165/88A'.
const CN_LABEL = new RegExp(String.raw`^(?:${LETTER}\s*)?[(（]?\d{3}\/\d{2,3}[a-z]?[)）]?(?:码)?$`, 'i');
const JEANS_LABEL = /^w?\d{2}(?:\s*[x/]\s*l?\d{2}|\s+l\d{2})$/i; // 30x32, W30 L32
const NUMERIC_LABEL = /^\d{1,2}(?:\.5)?$/;

/**
 * Whether a cell is a size label. Bare numbers ('38') count only when
 * `allowNumeric` (their line is headed 'Size', 'EU', '尺码'…), since they are
 * otherwise indistinguishable from measurements.
 *
 * @example
 * isSizeLabel('XL') // → true
 * isSizeLabel('S(160/84A)') // → true
 * isSizeLabel('38') // → false
 * isSizeLabel('38', true) // → true
 */
export function isSizeLabel(text: string, allowNumeric = false): boolean {
  const t = text.replace(/\s+/g, ' ').trim().replace(/(?<!均)码$/, ''); // 'M码' = 'M'
  if (!t || t.length > 30) return false;
  if (LETTER_LABEL.test(t) || SYSTEM_LABEL.test(t) || CN_LABEL.test(t) || JEANS_LABEL.test(t)) return true;
  return allowNumeric && NUMERIC_LABEL.test(t);
}

/**
 * Whether a size label is an adult letter size (for the unit check).
 *
 * @example
 * isLetterLabel('XL') // → true
 * isLetterLabel('38') // → false
 */
export function isLetterLabel(text: string): boolean {
  return LETTER_LABEL.test(text.trim());
}

/**
 * The unit a piece of text states, or null when it states none or both.
 *
 * @example
 * unitOfText('Chest (in)') // → 'in'
 * unitOfText('Measurements in cm') // → 'cm'
 */
export function unitOfText(text: string): 'cm' | 'in' | null {
  const cm = /(?<![a-z])cms?\b|centimet(?:er|re)s?|厘米|公分/i.test(text);
  const inch = /\binch(?:es)?\b|\(in\.?\)|\bin\.(?:\s|$)|(?:^|\s)in\s*$|["″]|英寸/i.test(text);
  if (cm === inch) return null;
  return cm ? 'cm' : 'in';
}

/**
 * Whether a text says the chart gives body or garment measurements, or null.
 *
 * @example
 * kindOfText('Body measurements') // → 'body'
 * kindOfText('平铺测量，误差1-3cm') // → 'garment'
 */
export function kindOfText(text: string): 'body' | 'garment' | null {
  const body = /body (?:measurement|size|chart|dimension)|to fit|fits? (?:chest|bust|waist|hips?)|your (?:body )?measurements|measure your(?:self| body)|身体尺寸|身体数据|人体尺寸|净体|净尺寸|适合身高|参考身高/i.test(text);
  const garment = /garment (?:measurement|size|dimension)|product (?:measurement|size|dimension)|item (?:measurement|dimension)|measured flat|laid flat|flat lay|平铺|成衣|衣服尺寸|商品尺寸|产品尺寸|实物测量|实物尺寸/i.test(text);
  if (body === garment) return null;
  return body ? 'body' : 'garment';
}
