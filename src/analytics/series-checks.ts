/**
 * Checks that catch bad price series before they are averaged in. Pure.
 */
import type { DayNumber, Split } from '../domain/types.js';

/** Default: a gap of more calendar days than this between two closes is flagged (Lunar New Year is 5–6). */
export const MAX_GAP_DAYS = 10;
/** Default: a one-day move larger than this fraction (either way) is flagged. */
export const MAX_DAILY_MOVE = 0.4;
/** How close `p₀ / p₁` must be to a whole ratio (relative) for a move to look like an unadjusted split. */
const SPLIT_TOLERANCE = 0.05;

export interface Gap {
  /** The close before the gap and the one after it. */
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly days: number;
}

/** Consecutive closes more than `maxGapDays` calendar days apart, within `days[start, end)`. */
export function findGaps(days: ArrayLike<DayNumber>, maxGapDays: number = MAX_GAP_DAYS, start = 0, end = days.length): Gap[] {
  const gaps: Gap[] = [];
  const last = Math.min(end, days.length);
  for (let i = Math.max(0, start) + 1; i < last; i++) {
    const gap = (days[i] as DayNumber) - (days[i - 1] as DayNumber);
    if (gap > maxGapDays) gaps.push({ from: days[i - 1] as DayNumber, to: days[i] as DayNumber, days: gap });
  }
  return gaps;
}

export interface Jump {
  readonly day: DayNumber;
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
export function findJumps(
  days: ArrayLike<DayNumber>,
  prices: ArrayLike<number>,
  maxMove: number = MAX_DAILY_MOVE,
  start = 0,
  end = prices.length,
): Jump[] {
  if (days.length !== prices.length) throw new RangeError('days and prices differ in length');
  const jumps: Jump[] = [];
  const last = Math.min(end, prices.length);
  for (let i = Math.max(0, start) + 1; i < last; i++) {
    const p0 = prices[i - 1] as number;
    const p1 = prices[i] as number;
    const move = p1 / p0 - 1;
    if (Math.abs(move) <= maxMove) continue;
    const down = wholeRatio(p0 / p1);
    const up = wholeRatio(p1 / p0);
    jumps.push({ day: days[i] as DayNumber, move, splitRatio: down ?? (up === null ? null : 1 / up) });
  }
  return jumps;
}

export interface SplitAdjustment {
  /** The closes with every split applied that they still showed (the input itself when none was). */
  readonly prices: ArrayLike<number>;
  /** The recorded splits found unadjusted in the closes, and applied. */
  readonly applied: readonly Split[];
}

/**
 * Recorded splits applied to closes that still show them. A split of ratio r
 * on day t shows when the day's fall `f = pₜ₋₁ / pₜ` is nearer r than 1 on a
 * log scale, `|ln(f / r)| < |ln r| / 2` (a 3-for-1 split shows as a fall to a
 * third, give or take the day's own move). Then every close before t is
 * divided by r, as an adjusted series would have it. A split the closes
 * already account for (no such move) is left alone: a recorded split is
 * used, never guessed.
 */
export function adjustRecordedSplits(days: ArrayLike<DayNumber>, prices: ArrayLike<number>, splits: readonly Split[]): SplitAdjustment {
  if (days.length !== prices.length) throw new RangeError('days and prices differ in length');
  let out: Float64Array | null = null;
  const applied: Split[] = [];
  for (const split of splits) {
    if (!(split.ratio > 0) || !Number.isFinite(split.ratio)) throw new RangeError(`split ratio must be positive and finite, got ${split.ratio}`);
    let t = 0;
    while (t < days.length && (days[t] as DayNumber) < split.day) t++;
    if (t === 0 || t === days.length || days[t] !== split.day) continue;
    const current: ArrayLike<number> = out ?? prices;
    const fall = (current[t - 1] as number) / (current[t] as number);
    if (!(Math.abs(Math.log(fall / split.ratio)) < Math.abs(Math.log(split.ratio)) / 2)) continue;
    out ??= Float64Array.from(prices);
    for (let i = 0; i < t; i++) out[i] = (out[i] as number) / split.ratio;
    applied.push(split);
  }
  return { prices: out ?? prices, applied };
}
