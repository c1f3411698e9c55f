/**
 * Period returns of one price series. Pure: arrays in, numbers out.
 *
 * Alignment policy (named, explicit): each series keeps its own exchange's
 * dates. A period [from, asOf] is priced at
 *   start = the last close strictly before `from` (the close the period starts from),
 *   end   = the last close on or before `asOf`,
 * and a member needs a close inside [from, asOf] (end strictly after start) to
 * have a return for the period.
 */
import type { IsoDate } from '../domain/types.js';

/** Index of the last date strictly before `date` in ascending `dates`, or -1. O(log n). */
export function lastIndexBefore(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length; // first index with dates[i] >= date
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as IsoDate) < date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the last date on or before `date` in ascending `dates`, or -1. O(log n). */
export function lastIndexOnOrBefore(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length; // first index with dates[i] > date
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as IsoDate) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Simple return `(p1 / p0) − 1`, a fraction. Prices must be positive and finite
 * (a provider guarantees it); anything else is a programmer error and throws.
 */
export function simpleReturn(p0: number, p1: number): number {
  if (!(p0 > 0) || !(p1 > 0) || !Number.isFinite(p0) || !Number.isFinite(p1)) {
    throw new RangeError(`simpleReturn needs positive finite prices, got ${p0} and ${p1}`);
  }
  return p1 / p0 - 1;
}

export interface PeriodPrices {
  readonly startDate: IsoDate;
  readonly startPrice: number;
  readonly endDate: IsoDate;
  readonly endPrice: number;
  /** `endPrice / startPrice − 1`, a fraction. */
  readonly return: number;
}

export type PeriodOutcome =
  | { readonly ok: true; readonly value: PeriodPrices }
  | { readonly ok: false; readonly reason: 'no-start-price' | 'no-end-price' };

/**
 * The return of `prices` (aligned with ascending `dates`) over [from, asOf]
 * under the policy above. `no-start-price`: no close before `from`;
 * `no-end-price`: no close in [from, asOf].
 */
export function periodReturn(
  dates: readonly IsoDate[],
  prices: readonly number[],
  from: IsoDate,
  asOf: IsoDate,
): PeriodOutcome {
  if (dates.length !== prices.length) {
    throw new RangeError(`dates and prices differ in length (${dates.length} vs ${prices.length})`);
  }
  if (from > asOf) throw new RangeError(`period starts ${from}, after it ends ${asOf}`);
  const i0 = lastIndexBefore(dates, from);
  if (i0 < 0) return { ok: false, reason: 'no-start-price' };
  const i1 = lastIndexOnOrBefore(dates, asOf);
  if (i1 <= i0) return { ok: false, reason: 'no-end-price' };
  const startPrice = prices[i0] as number;
  const endPrice = prices[i1] as number;
  return {
    ok: true,
    value: {
      startDate: dates[i0] as IsoDate,
      startPrice,
      endDate: dates[i1] as IsoDate,
      endPrice,
      return: simpleReturn(startPrice, endPrice),
    },
  };
}
