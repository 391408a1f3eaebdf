/** Number formatting and percentiles shared by the benchmarks' reports. */

export interface Reporter {
  /** Progress, to stderr. */
  log(msg: string): void;
  /** Results, to stdout. */
  out(line?: string): void;
}

export const consoleReporter: Reporter = {
  log: (msg) => process.stderr.write(`${msg}\n`),
  out: (line = '') => process.stdout.write(`${line}\n`),
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '-');
export const pad = (s: string, w: number) => s.padStart(w);
export const padEnd = (s: string, w: number) => s.padEnd(w);
