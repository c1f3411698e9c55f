/**
 * Checks that catch bad price series before they are averaged in. Pure.
 */
import type { IsoDate } from '../domain/types.js';
import { daysBetween } from './calendar.js';

/** Default: a gap of more calendar days than this between two closes is flagged (Lunar New Year is 5–6). */
export const MAX_GAP_DAYS = 10;
/** Default: a one-day move larger than this fraction (either way) is flagged. */
export const MAX_DAILY_MOVE = 0.4;
/** How close `p₀ / p₁` must be to a whole ratio (relative) for a move to look like an unadjusted split. */
const SPLIT_TOLERANCE = 0.05;

export interface Gap {
  /** The close before the gap and the one after it. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
}

/** Consecutive closes more than `maxGapDays` calendar days apart. */
export function findGaps(dates: readonly IsoDate[], maxGapDays: number = MAX_GAP_DAYS): Gap[] {
  const gaps: Gap[] = [];
  for (let i = 1; i < dates.length; i++) {
    const days = daysBetween(dates[i - 1] as IsoDate, dates[i] as IsoDate);
    if (days > maxGapDays) gaps.push({ from: dates[i - 1] as IsoDate, to: dates[i] as IsoDate, days });
  }
  return gaps;
}

export interface Jump {
  readonly date: IsoDate;
  /** `pₜ / pₜ₋₁ − 1`. */
  readonly move: number;
  /**
   * When the move looks like an unadjusted split: the ratio written `n:1`
   * (`3` for a 3-for-1 split, price ÷ 3; `0.5` for a 1-for-2 reverse split),
   * else `null`.
   */
  readonly splitRatio: number | null;
}

/** A whole ratio near `r` (≥ 2), or null. */
function wholeRatio(r: number): number | null {
  const n = Math.round(r);
  return n >= 2 && Math.abs(r / n - 1) <= SPLIT_TOLERANCE ? n : null;
}

/**
 * One-day moves larger than `maxMove` either way, `|pₜ / pₜ₋₁ − 1| > maxMove`,
 * each with whether it looks like an unadjusted split: `pₜ₋₁ / pₜ` within 5%
 * of a whole number n ≥ 2 (an n-for-1 split), or `pₜ / pₜ₋₁` is (a reverse split).
 */
export function findJumps(dates: readonly IsoDate[], prices: readonly number[], maxMove: number = MAX_DAILY_MOVE): Jump[] {
  if (dates.length !== prices.length) throw new RangeError('dates and prices differ in length');
  const jumps: Jump[] = [];
  for (let i = 1; i < prices.length; i++) {
    const p0 = prices[i - 1] as number;
    const p1 = prices[i] as number;
    const move = p1 / p0 - 1;
    if (Math.abs(move) <= maxMove) continue;
    const down = wholeRatio(p0 / p1);
    const up = wholeRatio(p1 / p0);
    jumps.push({ date: dates[i] as IsoDate, move, splitRatio: down ?? (up === null ? null : 1 / up) });
  }
  return jumps;
}
