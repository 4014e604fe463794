/** The median of a list of numbers, the review's robust middle value. */

/**
 * The median (the mean of the two middle values for an even count); null for an empty list.
 * @example median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
