/**
 * Highs for the report: the window high of a series or basket level, and
 * "highest since" over the window or, with --lookback, the look-back. Pure.
 */
import type { Rebalance, Lookback } from '../domain/options.js';
import { fromDayNumber, shiftMonths } from '../domain/calendar.js';
import { lookbackPath, windowHigh } from '../analytics/lookback.js';
import { higherBefore } from '../analytics/risk.js';
import { lastIndexBefore, lastIndexOnOrBefore } from '../domain/series.js';
import type { DayNumber, IsoDate, SymbolIssue } from '../domain/types.js';
import type { MemberPrices } from '../analytics/basket.js';
import type { PreparedSeries, Span } from './pricing.js';
import { LEVEL_BASE } from './levels.js';
import type { Highs } from './types.js';

export const NO_HIGHS: Highs = { highestSince: null, windowHigh: null, windowHighDate: null, fromWindowHigh: null };

/** The look-back's first day: `from` less the period (`max`: all the history there is). */
export function lookbackStartOf(lookback: Lookback, from: IsoDate): IsoDate {
  if (lookback === 'max') return '1970-01-01';
  // the same day `years` earlier; 29 February becomes 28 February
  return shiftMonths(from, -12 * Number.parseInt(lookback, 10));
}

const iso = (day: DayNumber | null) => (day === null ? null : fromDayNumber(day));

/**
 * Highs of one series (member or benchmark) in the report currency: its
 * window high, and the most recent earlier close above its last, from the
 * window's base or, with a look-back, from the look-back's base.
 */
export function seriesHighs(s: PreparedSeries, span: Span, lookbackFromDay: DayNumber | null): Highs {
  const { days, prices } = s.converted;
  const high = windowHigh(days, prices, span.fromDay, span.asOfDay);
  const from = Math.max(0, lastIndexBefore(days, lookbackFromDay ?? span.fromDay));
  const to = lastIndexOnOrBefore(days, span.asOfDay);
  if (high === null || to < from) return NO_HIGHS;
  // higherBefore over [from, to], in place: a member's closes are not copied
  const last = prices[to] as number;
  let since: DayNumber | null = null;
  for (let t = to - 1; t >= from; t--) {
    if ((prices[t] as number) > last) {
      since = days[t] as DayNumber;
      break;
    }
  }
  return { highestSince: iso(since), windowHigh: high.value, windowHighDate: fromDayNumber(high.day), fromWindowHigh: high.fromHigh };
}

/** The window high of a basket's level path (1 at the base), as a level rebased to 100. */
export function levelHigh(days: readonly DayNumber[], levels: readonly number[], span: Span): Omit<Highs, 'highestSince'> {
  const high = windowHigh(days, levels, span.fromDay, span.asOfDay);
  if (high === null) return { windowHigh: null, windowHighDate: null, fromWindowHigh: null };
  return { windowHigh: LEVEL_BASE * high.value, windowHighDate: fromDayNumber(high.day), fromWindowHigh: high.fromHigh };
}

/**
 * A basket's highest-since over the look-back: its level under the same
 * target weights and rebalancing, from the look-back's start (analytics/
 * lookback.ts). Members that join late, or never (buy-and-hold), are noted.
 */
export function basketLookbackSince(
  prices: readonly (MemberPrices | null)[],
  weights: readonly (number | null)[],
  symbols: readonly string[],
  basket: string,
  lookbackFrom: Span,
  rebalance: Rebalance,
  note: (issue: SymbolIssue) => void,
): IsoDate | null {
  const held = weights.flatMap((w, i) => (w === null || prices[i] === null ? [] : [i]));
  if (held.length === 0) return null;
  const path = lookbackPath(
    held.map((i) => prices[i] as MemberPrices),
    held.map((i) => weights[i] as number),
    lookbackFrom.fromDay,
    lookbackFrom.asOfDay,
    rebalance === 'none' ? null : rebalance,
  );
  if (path === null) return null;
  held.forEach((i, k) => {
    const joined = path.joined[k] ?? null;
    if (joined !== null && joined <= (path.days[0] as DayNumber)) return;
    const symbol = symbols[i] as string;
    note({
      symbol,
      basket,
      code: 'no-lookback',
      message:
        joined === null
          ? `no close before the look-back start ${lookbackFrom.from}: left out of the look-back level of ${basket} (buy-and-hold)`
          : `no close before the look-back start ${lookbackFrom.from}: joins the look-back level of ${basket} at the rebalancing of ${fromDayNumber(joined)}`,
    });
  });
  return iso(higherBefore(path.days, path.levels));
}
