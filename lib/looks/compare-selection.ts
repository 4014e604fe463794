/**
 * Which saved looks are picked for comparing side by side: two to four, in the order
 * they were picked.
 */

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/**
 * The selection after the shopper toggles one look: picked again it leaves; a fifth is
 * refused (the selection stays as it was) so the comparison stays readable.
 * @example toggleCompare(['a', 'b'], 'c') // ['a', 'b', 'c']
 * @example toggleCompare(['a', 'b'], 'a') // ['b']
 */
export function toggleCompare(selected: readonly string[], id: string): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  return selected.length >= COMPARE_MAX ? [...selected] : [...selected, id];
}

/**
 * The selection without looks that no longer exist (deleted meanwhile).
 * @example keepExisting(['a', 'gone'], new Set(['a', 'b'])) // ['a']
 */
export function keepExisting(selected: readonly string[], ids: ReadonlySet<string>): string[] {
  return selected.filter((id) => ids.has(id));
}

/**
 * @example canCompare(['a']) // false: two at least
 */
export function canCompare(selected: readonly string[]): boolean {
  return selected.length >= COMPARE_MIN && selected.length <= COMPARE_MAX;
}
