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
import type { DayNumber } from '../domain/types.js';
import { lastIndexBefore, lastIndexOnOrBefore } from '../domain/series.js';

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
  /** Indexes of the start and end closes in the series. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startDay: DayNumber;
  readonly startPrice: number;
  readonly endDay: DayNumber;
  readonly endPrice: number;
  /** `endPrice / startPrice − 1`, a fraction. */
  readonly return: number;
}

export type PeriodOutcome =
  | { readonly ok: true; readonly value: PeriodPrices }
  | { readonly ok: false; readonly reason: 'no-start-price' | 'no-end-price' };

/**
 * The return of `prices` (aligned with ascending `days`) over [from, asOf]
 * under the policy above. `no-start-price`: no close before `from`;
 * `no-end-price`: no close in [from, asOf].
 */
export function periodReturn(
  days: ArrayLike<DayNumber>,
  prices: ArrayLike<number>,
  from: DayNumber,
  asOf: DayNumber,
): PeriodOutcome {
  if (days.length !== prices.length) {
    throw new RangeError(`days and prices differ in length (${days.length} vs ${prices.length})`);
  }
  if (from > asOf) throw new RangeError(`period starts on day ${from}, after it ends on day ${asOf}`);
  const i0 = lastIndexBefore(days, from);
  if (i0 < 0) return { ok: false, reason: 'no-start-price' };
  const i1 = lastIndexOnOrBefore(days, asOf);
  if (i1 <= i0) return { ok: false, reason: 'no-end-price' };
  const startPrice = prices[i0] as number;
  const endPrice = prices[i1] as number;
  return {
    ok: true,
    value: {
      startIndex: i0,
      endIndex: i1,
      startDay: days[i0] as DayNumber,
      startPrice,
      endDay: days[i1] as DayNumber,
      endPrice,
      return: simpleReturn(startPrice, endPrice),
    },
  };
}
