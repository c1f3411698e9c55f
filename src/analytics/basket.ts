/**
 * Basket returns and daily level series from member prices. Pure.
 *
 * Alignment policy: the basket's days are the union of its members' trading
 * days in the window; on a day a member's market is closed its price is its
 * last close. The level is 1 at the base (the latest of the members' start
 * closes, all before `from`) and the basket's return is the final level − 1.
 */
import type { IsoDate } from '../domain/types.js';
import { lastIndexBefore, lastIndexOnOrBefore } from './returns.js';

export interface BasketReturn {
  /** The basket's return, a fraction; `null` when no member has one. */
  readonly value: number | null;
  /** Members whose return went into `value`. */
  readonly included: number;
  /** All members. */
  readonly total: number;
}

/**
 * Equal-weighted buy-and-hold return: equal money in each member at the start,
 * held to the end, which is the arithmetic mean of the members' returns,
 * `(1/n) Σ rᵢ` over the n members that have a return. Members with `null`
 * (no data for the period) are left out and counted, never taken as 0.
 */
export function equalWeightBuyAndHold(memberReturns: readonly (number | null)[]): BasketReturn {
  let sum = 0;
  let included = 0;
  for (const r of memberReturns) {
    if (r === null) continue;
    if (!Number.isFinite(r)) throw new RangeError(`member return is not finite: ${r}`);
    sum += r;
    included += 1;
  }
  return { value: included > 0 ? sum / included : null, included, total: memberReturns.length };
}

/**
 * Weighted buy-and-hold return, `Σ wᵢ rᵢ` over members with a weight and a
 * return (weights already sum to 1 over them); `null` when there are none.
 */
export function weightedBuyAndHold(weights: readonly (number | null)[], memberReturns: readonly (number | null)[]): number | null {
  if (weights.length !== memberReturns.length) throw new RangeError('weights and returns differ in length');
  let sum = 0;
  let any = false;
  weights.forEach((w, i) => {
    const r = memberReturns[i] ?? null;
    if (w === null || r === null) return;
    if (!Number.isFinite(w) || !Number.isFinite(r)) throw new RangeError(`weight ${w} and return ${r} must be finite`);
    sum += w * r;
    any = true;
  });
  return any ? sum : null;
}

export const REBALANCES = ['none', 'daily', 'weekly', 'monthly', 'quarterly'] as const;
export type Rebalance = (typeof REBALANCES)[number];
export type RebalanceCalendar = Exclude<Rebalance, 'none'>;

/** A member's prices on its own trading days, ascending, all positive. */
export interface MemberPrices {
  readonly dates: readonly IsoDate[];
  readonly prices: readonly number[];
}

/** A basket's daily level over a window. */
export interface BasketPath {
  /** The base date, then every day of the union of the members' trading days in [from, asOf]. */
  readonly dates: readonly IsoDate[];
  /** The basket's value, 1 at the base. */
  readonly levels: readonly number[];
  /** Each member's share of `levels.at(-1) − 1` (Σ hᵢ ΔPᵢ over the days); they sum to the return. */
  readonly contributions: readonly number[];
}

const DAY_MS = 86_400_000;

function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/**
 * The rebalancing period a date falls in, as a key compared for equality: the
 * date itself (daily), the day number of the Monday of its ISO week (weekly),
 * `YYYY-MM` (monthly), `YYYY-Qn` (quarterly).
 */
export function rebalancePeriodKey(date: IsoDate, calendar: RebalanceCalendar): string {
  switch (calendar) {
    case 'daily':
      return date;
    case 'weekly': {
      const day = dayNumber(date);
      return String(day - ((day + 3) % 7)); // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays
    }
    case 'monthly':
      return date.slice(0, 7);
    case 'quarterly':
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  }
}

function checkWeights(members: readonly MemberPrices[], weights: readonly number[]): void {
  if (members.length !== weights.length) throw new RangeError('members and weights differ in length');
  if (members.length === 0) throw new RangeError('a basket path needs at least one member');
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.some((w) => !(w >= 0)) || Math.abs(sum - 1) > 1e-9) throw new RangeError(`weights must be ≥ 0 and sum to 1, got ${sum}`);
}

function simulate(
  members: readonly MemberPrices[],
  weights: readonly number[],
  from: IsoDate,
  asOf: IsoDate,
  calendar: RebalanceCalendar | null,
): BasketPath {
  checkWeights(members, weights);
  const start = members.map((m, i) => {
    if (m.dates.length !== m.prices.length) throw new RangeError(`member ${i}: dates and prices differ in length`);
    const k = lastIndexBefore(m.dates, from);
    if (k < 0) throw new RangeError(`member ${i} has no close before ${from}`);
    return k;
  });
  const base = members.reduce((latest, m, i) => {
    const d = m.dates[start[i] as number] as IsoDate;
    return d > latest ? d : latest;
  }, '');
  const days = new Set<IsoDate>();
  for (const m of members) {
    const last = lastIndexOnOrBefore(m.dates, asOf);
    for (let k = lastIndexBefore(m.dates, from) + 1; k <= last; k++) days.add(m.dates[k] as IsoDate);
  }
  const union = [...days].sort();
  const cursor = [...start];
  const price = members.map((m, i) => m.prices[start[i] as number] as number);
  const holdings = weights.map((w, i) => w / (price[i] as number));
  const contributions = members.map(() => 0);
  const dates: IsoDate[] = [base];
  const levels: number[] = [1];
  union.forEach((day, t) => {
    let level = 0;
    members.forEach((m, i) => {
      let k = cursor[i] as number;
      while (k + 1 < m.dates.length && (m.dates[k + 1] as IsoDate) <= day) k += 1;
      cursor[i] = k;
      const p = m.prices[k] as number;
      contributions[i] = (contributions[i] as number) + (holdings[i] as number) * (p - (price[i] as number));
      price[i] = p;
      level += (holdings[i] as number) * p;
    });
    dates.push(day);
    levels.push(level);
    const next = union[t + 1];
    if (calendar && next !== undefined && rebalancePeriodKey(day, calendar) !== rebalancePeriodKey(next, calendar)) {
      weights.forEach((w, i) => {
        holdings[i] = (w * level) / (price[i] as number);
      });
    }
  });
  return { dates, levels, contributions };
}

/**
 * Buy-and-hold: money split by `weights` at each member's start close (the
 * last close before `from`), then held. Final level − 1 = `Σ wᵢ rᵢ`.
 */
export function buyAndHoldPath(members: readonly MemberPrices[], weights: readonly number[], from: IsoDate, asOf: IsoDate): BasketPath {
  return simulate(members, weights, from, asOf, null);
}

/**
 * Rebalanced: as buy-and-hold, but at the close of the last basket day of each
 * day, ISO week, month or quarter the holdings are reset to `weights` of the
 * basket's value then (`hᵢ = wᵢ L / Pᵢ`), and held until the next reset.
 */
export function rebalancedPath(
  members: readonly MemberPrices[],
  weights: readonly number[],
  from: IsoDate,
  asOf: IsoDate,
  calendar: RebalanceCalendar,
): BasketPath {
  return simulate(members, weights, from, asOf, calendar);
}
