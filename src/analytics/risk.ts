/**
 * Risk figures of a daily level (or close) series. Pure. Every function
 * takes the series in date order, all values positive.
 */
import type { DayNumber } from '../domain/types.js';

/** Trading days in a year, to annualise daily volatility. */
export const TRADING_DAYS_PER_YEAR = 252;

/**
 * Annualised volatility: the sample standard deviation (n − 1) of the daily
 * returns `Lₜ / Lₜ₋₁ − 1`, times √252, a fraction. `null` with fewer than two
 * daily returns.
 */
export function annualisedVolatility(levels: ArrayLike<number>): number | null {
  const n = levels.length - 1;
  if (n < 2) return null;
  let mean = 0;
  for (let t = 1; t <= n; t++) mean += (levels[t] as number) / (levels[t - 1] as number) - 1;
  mean /= n;
  let ss = 0;
  for (let t = 1; t <= n; t++) {
    const d = (levels[t] as number) / (levels[t - 1] as number) - 1 - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1)) * Math.sqrt(TRADING_DAYS_PER_YEAR);
}

export interface Drawdown {
  /** `min over t of Lₜ / max(L₀…Lₜ) − 1`: 0 or negative, a fraction. */
  readonly value: number;
  /** The peak before the deepest fall (the first day of that high), and its trough (`null` when there was no fall). */
  readonly peakDay: DayNumber | null;
  readonly troughDay: DayNumber | null;
}

/** Maximum drawdown over the series; `null` for an empty series. */
export function maxDrawdown(days: ArrayLike<DayNumber>, levels: ArrayLike<number>): Drawdown | null {
  if (days.length !== levels.length) throw new RangeError('days and levels differ in length');
  if (levels.length === 0) return null;
  let peak = 0;
  let worst = 0;
  let at: { peak: number; trough: number } | null = null;
  for (let t = 0; t < levels.length; t++) {
    if ((levels[t] as number) > (levels[peak] as number)) peak = t;
    const dd = (levels[t] as number) / (levels[peak] as number) - 1;
    if (dd < worst) {
      worst = dd;
      at = { peak, trough: t };
    }
  }
  return {
    value: worst,
    peakDay: at ? (days[at.peak] as DayNumber) : null,
    troughDay: at ? (days[at.trough] as DayNumber) : null,
  };
}

/**
 * "Highest since": the most recent earlier day whose value is above the last
 * one, i.e. the last value is the highest since the day after it. `null` when
 * no earlier value is higher: the last value is the high of the series.
 */
export function higherBefore(days: ArrayLike<DayNumber>, levels: ArrayLike<number>): DayNumber | null {
  if (days.length !== levels.length) throw new RangeError('days and levels differ in length');
  if (levels.length === 0) return null;
  const last = levels[levels.length - 1] as number;
  for (let t = levels.length - 2; t >= 0; t--) if ((levels[t] as number) > last) return days[t] as DayNumber;
  return null;
}
