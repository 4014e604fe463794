/**
 * Deciding from one piece of text (a category path, a product name, a title)
 * whether it names a garment, and which kind.
 *
 * The rule: the last product word wins, because names and category paths put
 * the head noun last ("Shirt Dress" is a dress, "Dress Shoes" are shoes,
 * "Apparel > Shoes" are shoes). Words after "with"/"for" describe something
 * else ("Jeans with Belt", "Bag for Shirts") and are dropped first.
 */
import type { GarmentCategory } from '../engine/types';
import { GARMENT_VOCABULARY, SET_WORDS, type VocabularyTerm } from './garment-vocabulary';

export interface TextVerdict {
  kind: 'garment' | 'not-garment';
  categoryHint?: GarmentCategory;
  /** The deciding vocabulary term. */
  term: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termPattern(term: string): RegExp {
  const latin = /^[a-z][a-z -]*$/.test(term);
  if (latin) {
    // 't-shirt' also matches 't shirt' and 'tshirt'; plural s/es.
    const body = term.split(/[ -]/).map(escape).join('[ -]?');
    return new RegExp(`(?<![a-z0-9])${body}(?:s|es)?(?![a-z0-9])`, 'g');
  }
  // Chinese, possibly with a Latin head ('t恤', 'polo衫'): no Latin letter may precede it.
  return new RegExp(`${/^[a-z]/.test(term) ? '(?<![a-z])' : ''}${escape(term)}`, 'g');
}

const COMPILED = GARMENT_VOCABULARY.map((t) => ({ ...t, re: termPattern(t.term) }));

/** Drop clauses that describe something other than the product: "… with …", "… for …" (per path segment). */
function headClauses(text: string): string {
  return text
    .split(/\s*(?:>|›|»|\s\/\s|\|)\s*/)
    .map((seg) => seg.replace(/\s(?:with|w\/|for|featuring|including|incl\.?)\s.*$/i, ''))
    .join(' > ');
}

interface Match {
  t: VocabularyTerm;
  start: number;
  end: number;
}

/**
 * What a text says about the product, or null when it names no product word.
 *
 * @example
 * classifyProductText('Linen Shirt Dress') // → { kind: 'garment', categoryHint: 'dress', term: 'dress' }
 * classifyProductText('Leather Dress Shoes') // → { kind: 'not-garment', term: 'shoe' }
 * classifyProductText('夏季新款纯棉短袖T恤女') // → { kind: 'garment', categoryHint: 'upper', term: 't恤' }
 */
export function classifyProductText(text: string): TextVerdict | null {
  // 包邮 = "free shipping", not a bag (包).
  const lower = headClauses(text.toLowerCase().replace(/包邮/g, '  '));
  const matches: Match[] = [];
  for (const t of COMPILED) {
    t.re.lastIndex = 0;
    for (const m of lower.matchAll(t.re)) matches.push({ t, start: m.index, end: m.index + m[0].length });
  }
  if (matches.length === 0) return null;
  const specific = matches.filter((m) => !m.t.generic);
  const pool = specific.length > 0 ? specific : matches;
  // Last end wins; at the same end the longest (earliest start) term.
  const best = pool.reduce((a, b) => (b.end > a.end || (b.end === a.end && b.start < a.start) ? b : a));
  const verdict: TextVerdict = { kind: best.t.kind, term: best.t.term };
  if (best.t.kind === 'garment') {
    const categories = new Set(specific.filter((m) => m.t.kind === 'garment' && m.t.category).map((m) => m.t.category));
    const isSet = SET_WORDS.some((w) => termPattern(w).test(lower));
    if (best.t.category && !(isSet && categories.size > 1)) verdict.categoryHint = best.t.category;
    // A word without a place ('裙子', 'co-ord') takes the one place the other words agree on.
    else if (!best.t.category && categories.size === 1) verdict.categoryHint = [...categories][0];
  }
  return verdict;
}
