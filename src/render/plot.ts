/**
 * What the terminal chart and the HTML report's SVG chart share: the series
 * to draw (each basket, then its benchmark) from the report's level series,
 * a time axis in calendar days, and round ticks. Pure.
 */
import { monthIndex, monthStartsAfter, toDayNumber } from '../domain/calendar.js';
import type { IsoDate } from '../domain/types.js';
import type { LevelSeries, Report } from '../report/types.js';

export interface PlotSeries {
  /** `China tech titans`, `benchmark ^NDX`. */
  readonly label: string;
  /** Index of its basket in the report (the colour family). */
  readonly basket: number;
  readonly benchmark: boolean;
  /** The series' return, for the legend (`null`: no data). */
  readonly return: number | null;
  /** `null` when the series has no data in the window. */
  readonly levels: LevelSeries | null;
}

/** Each basket's level, then its benchmark's. Throws when the report was built without `levels: true`. */
export function plotSeries(r: Report): PlotSeries[] {
  return r.baskets.flatMap((b, i) => {
    if (b.levels === undefined) throw new Error('the report has no level series: build it with levels: true');
    const basket: PlotSeries = { label: b.name, basket: i, benchmark: false, return: b.return, levels: b.levels };
    const bm = b.benchmarkResult;
    if (!bm) return [basket];
    return [basket, { label: `benchmark ${bm.symbol}`, basket: i, benchmark: true, return: bm.return, levels: bm.levels ?? null }];
  });
}

/** The first and last day drawn: the earliest base date and the latest last date of the series with data. */
export function dayRange(series: readonly PlotSeries[]): { first: number; last: number } | null {
  const drawn = series.flatMap((s) => (s.levels && s.levels.dates.length > 0 ? [s.levels] : []));
  if (drawn.length === 0) return null;
  return {
    first: Math.min(...drawn.map((l) => toDayNumber(l.dates[0] as IsoDate))),
    last: Math.max(...drawn.map((l) => toDayNumber(l.dates.at(-1) as IsoDate))),
  };
}

/** Lowest and highest value of the series with data. */
export function valueRange(series: readonly PlotSeries[]): { lo: number; hi: number } | null {
  const values = series.flatMap((s) => s.levels?.values ?? []);
  if (values.length === 0) return null;
  return { lo: Math.min(...values), hi: Math.max(...values) };
}

/**
 * The level on a day, linearly interpolated between the series' closes by
 * calendar day; `null` before its first date or after its last.
 */
export function levelSampler(levels: LevelSeries): (day: number) => number | null {
  const days = levels.dates.map(toDayNumber);
  const n = days.length;
  return (day) => {
    if (n === 0 || day < (days[0] as number) || day > (days[n - 1] as number)) return null;
    let lo = 0; // the last index with days[lo] <= day
    let hi = n - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((days[mid] as number) <= day) lo = mid;
      else hi = mid - 1;
    }
    const d0 = days[lo] as number;
    const v0 = levels.values[lo] as number;
    if (d0 === day || lo + 1 >= n) return v0;
    const d1 = days[lo + 1] as number;
    return v0 + (((levels.values[lo + 1] as number) - v0) * (day - d0)) / (d1 - d0);
  };
}

/**
 * Round ticks covering [lo, hi]: a step of 1, 2, 2.5 or 5 × 10ᵏ giving at
 * most `maxTicks` ticks (at least two), from the multiple of the step at or
 * below `lo` to the one at or above `hi`.
 */
export function niceTicks(lo: number, hi: number, maxTicks: number): number[] {
  if (!(hi >= lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`bad range [${lo}, ${hi}]`);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const most = Math.max(2, Math.floor(maxTicks));
  const raw = (hi - lo) / (most - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10, 20]) {
    const step = m * magnitude;
    const first = Math.floor(lo / step + 1e-9) * step;
    const last = Math.ceil(hi / step - 1e-9) * step;
    const count = Math.round((last - first) / step) + 1;
    if (count <= most) return Array.from({ length: count }, (_, i) => Number((first + i * step).toPrecision(12)));
  }
  return [lo, hi];
}

/**
 * Dates for ticks between two days: the first days of months (every 1, 2, 3,
 * 6 or 12 months, then every few years) strictly after `first` and up to
 * `last`, at most `maxTicks` of them.
 */
export function dateTicks(first: number, last: number, maxTicks: number): number[] {
  if (maxTicks < 1 || last <= first) return [];
  const months = monthStartsAfter(first, last);
  for (const every of [1, 2, 3, 6, 12, 24, 60, 120]) {
    // every k months counted from January, so quarters and years fall on round dates
    const picked = months.filter((day) => monthIndex(day) % every === 0);
    if (picked.length <= maxTicks) return picked;
  }
  return [];
}
