/** Sparklines: a level series as a few block characters (▁▂▃▄▅▆▇█). Pure. */

export const SPARK_BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** Characters of a sparkline in the table and Markdown. */
export const SPARK_WIDTH = 12;

/**
 * At most `width` bars: `min(width, n)` values sampled evenly from the n
 * (the first and the last always among them), each scaled between the
 * samples' lowest (▁) and highest (█). A flat series is all ▄; no values or
 * `width` < 1 give `''`. Throws on a non-finite value.
 */
export function sparkline(values: readonly number[], width: number): string {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('sparkline values must be finite');
  const n = values.length;
  const w = Math.min(Math.floor(width), n);
  if (w < 1) return '';
  const samples = Array.from({ length: w }, (_, k) => values[w === 1 ? n - 1 : Math.round((k * (n - 1)) / (w - 1))] as number);
  const lo = Math.min(...samples);
  const hi = Math.max(...samples);
  const top = SPARK_BARS.length - 1;
  return samples.map((v) => SPARK_BARS[hi === lo ? Math.floor(top / 2) : Math.round(((v - lo) / (hi - lo)) * top)]).join('');
}
