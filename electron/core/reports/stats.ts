/**
 * The two statistics a report gives of how long acts took. Both are plain definitions, written
 * here once so the PDF, the spreadsheet and the page say the same thing:
 * - median: the middle value of the sorted values, the mean of the two middle ones when even;
 * - 90th percentile: nearest rank, the value at position ceil(0.9 × n) of the sorted values
 *   (so it is always one of the values, never an interpolation).
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}

/** Hours between two instants, to the minute (a report reads "71.5 h", not milliseconds). */
export function hoursBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 60_000) / 60;
}

/** Counts of codes, largest first, then in the order the codes were given (an enum's order). */
export function countBy(codes: readonly string[], order: readonly string[] = []): { key: string; count: number }[] {
  const m = new Map<string, number>();
  for (const c of codes) m.set(c, (m.get(c) ?? 0) + 1);
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...m.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}
