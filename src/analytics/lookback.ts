/**
 * A basket's level over a look-back span, whose members may start trading
 * after it begins, and the highs of a level or close series. Pure.
 *
 * Look-back level: the same target weights and rebalancing as the window's.
 * At the base (the latest start close of the members that have one before
 * `from`) those members hold their target weights, renormalised over them.
 * When no member has a close before `from`, the level starts at the first
 * close of the member whose history starts first (as far back as there is).
 * A member whose history starts later joins at the first rebalancing after
 * its first close, taking its target weight (renormalised over the members
 * then in); without rebalancing (buy-and-hold) it never joins. On a day a
 * member's market is closed its price is its last close.
 */
import type { DayNumber } from '../domain/types.js';
import { rebalancePeriodKey, type MemberPrices, type RebalanceCalendar } from './basket.js';
import { lastIndexBefore, lastIndexOnOrBefore } from '../domain/series.js';

export interface LookbackPath {
  /** The base day, then every day of the union of the members' trading days after it, to `asOf`. */
  readonly days: readonly DayNumber[];
  /** The basket's value, 1 at the base. */
  readonly levels: readonly number[];
  /** For each member: the day it joined (its start close's day for those in from the base), or `null` if it never did. */
  readonly joined: readonly (DayNumber | null)[];
}

/** The look-back level of a basket (rules above); `null` when no member has a close on or before `asOf`. */
export function lookbackPath(
  members: readonly MemberPrices[],
  weights: readonly number[],
  lookbackFrom: DayNumber,
  asOf: DayNumber,
  calendar: RebalanceCalendar | null,
): LookbackPath | null {
  if (members.length !== weights.length) throw new RangeError('members and weights differ in length');
  const firsts = members.flatMap((m) => (m.days.length > 0 && (m.days[0] as DayNumber) <= asOf ? [m.days[0] as DayNumber] : []));
  if (firsts.length === 0) return null;
  // history shorter than the look-back: start from the first close there is
  const from = members.some((m) => lastIndexBefore(m.days, lookbackFrom) >= 0) ? lookbackFrom : Math.min(...firsts) + 1;
  const start = members.map((m) => lastIndexBefore(m.days, from));
  const base = members.reduce((latest, m, i) => ((start[i] as number) >= 0 ? Math.max(latest, m.days[start[i] as number] as DayNumber) : latest), -Infinity);
  const seen = new Set<DayNumber>();
  members.forEach((m) => {
    const last = lastIndexOnOrBefore(m.days, asOf);
    for (let k = Math.max(0, lastIndexBefore(m.days, base + 1) + 1); k <= last; k++) seen.add(m.days[k] as DayNumber);
  });
  const union = [...seen].filter((d) => d > base).sort((a, b) => a - b);
  const n = members.length;
  const cursor = Int32Array.from(start);
  const price = members.map((m, i) => ((start[i] as number) >= 0 ? (m.prices[start[i] as number] as number) : null));
  const joined: (DayNumber | null)[] = members.map((m, i) => ((start[i] as number) >= 0 ? (m.days[start[i] as number] as DayNumber) : null));
  const holdings = new Float64Array(n);
  const reset = (level: number) => {
    let total = 0;
    for (let i = 0; i < n; i++) if (price[i] !== null) total += weights[i] as number;
    for (let i = 0; i < n; i++) holdings[i] = price[i] === null || total === 0 ? 0 : ((weights[i] as number) / total) * level / (price[i] as number);
  };
  reset(1);
  const levels = [1];
  for (let t = 0; t < union.length; t++) {
    const day = union[t] as DayNumber;
    let level = 0;
    for (let i = 0; i < n; i++) {
      const m = members[i] as MemberPrices;
      let k = cursor[i] as number;
      while (k + 1 < m.days.length && (m.days[k + 1] as DayNumber) <= day) k += 1;
      cursor[i] = k;
      if (k >= 0) price[i] = m.prices[k] as number;
      level += (holdings[i] as number) * (price[i] ?? 0);
    }
    levels.push(level);
    const next = union[t + 1];
    if (calendar && next !== undefined && rebalancePeriodKey(next, calendar) !== rebalancePeriodKey(day, calendar)) {
      for (let i = 0; i < n; i++) if (joined[i] === null && price[i] !== null) joined[i] = day;
      reset(level);
    }
  }
  return { days: [base, ...union], levels, joined };
}

export interface WindowHigh {
  /** The highest value among the days in [from, asOf] (the base before `from` is not in the window). */
  readonly value: number;
  /** Its day (the first, if reached more than once). */
  readonly day: DayNumber;
  /** `last / value − 1`: 0 at the high, negative below it. */
  readonly fromHigh: number;
}

/** The high of `values` within [from, asOf]; `null` when no day of the series falls in it. */
export function windowHigh(days: ArrayLike<DayNumber>, values: ArrayLike<number>, from: DayNumber, asOf: DayNumber): WindowHigh | null {
  if (days.length !== values.length) throw new RangeError('days and values differ in length');
  const a = lastIndexBefore(days, from) + 1;
  const b = lastIndexOnOrBefore(days, asOf);
  if (b < a) return null;
  let at = a;
  for (let t = a + 1; t <= b; t++) if ((values[t] as number) > (values[at] as number)) at = t;
  const high = values[at] as number;
  return { value: high, day: days[at] as DayNumber, fromHigh: (values[b] as number) / high - 1 };
}
