/**
 * The audit trail of a rebalanced return: the basket's level on each reset
 * day (the last basket day of each day, ISO week, month or quarter) and each
 * member's price then, read off the path the return came from and the
 * members' own prices, so that each step `L(next) = L(reset) × Σ wᵢ ×
 * Pᵢ(next) / Pᵢ(reset)` can be redone by hand. Pure.
 */
import { rebalancePeriodKey, type BasketPath } from '../analytics/basket.js';
import { fromDayNumber } from '../domain/calendar.js';
import type { Rebalance } from '../domain/options.js';
import { lastIndexBefore, lastIndexOnOrBefore } from '../domain/series.js';
import type { DayNumber } from '../domain/types.js';
import type { ResetInput } from './inputs.js';
import { isFailure, type Failure, type PreparedSeries, type Span } from './pricing.js';

/** Each reset of a rebalanced path, from its base to its last day; null for buy-and-hold or without a path. */
export function resetsOf(
  path: BasketPath | null,
  rebalance: Rebalance,
  weights: readonly (number | null)[],
  prepared: readonly (PreparedSeries | Failure | null)[],
  span: Span,
): ResetInput[] | null {
  if (rebalance === 'none' || path === null || path.days.length === 0) return null;
  const held = (i: number) => {
    const p = prepared[i];
    return weights[i] !== null && weights[i] !== undefined && p !== null && p !== undefined && !isFailure(p) ? p : null;
  };
  const priceOn = (i: number, day: DayNumber, base: boolean): number | null => {
    const p = held(i);
    if (p === null) return null;
    const { days, prices } = p.converted;
    const k = base ? lastIndexBefore(days, span.fromDay) : lastIndexOnOrBefore(days, day);
    return k < 0 ? null : (prices[k] as number);
  };
  const entry = (t: number): ResetInput => ({
    date: fromDayNumber(path.days[t] as DayNumber),
    level: 100 * (path.levels[t] as number),
    prices: weights.map((_, i) => priceOn(i, path.days[t] as DayNumber, t === 0)),
  });
  const out = [entry(0)];
  const last = path.days.length - 1;
  for (let t = 1; t <= last; t++) {
    const day = path.days[t] as DayNumber;
    if (t === last || rebalancePeriodKey(day, rebalance) !== rebalancePeriodKey(path.days[t + 1] as DayNumber, rebalance)) out.push(entry(t));
  }
  return out;
}
