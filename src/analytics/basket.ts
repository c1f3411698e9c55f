/**
 * Basket returns and daily level series from member prices. Pure.
 *
 * Alignment policy: the basket's days are the union of its members' trading
 * days in the window; on a day a member's market is closed its price is its
 * last close. The level is 1 at the base (the latest of the members' start
 * closes, all before `from`) and the basket's return is the final level − 1.
 */
import type { Rebalance } from '../domain/options.js';
import type { DayNumber } from '../domain/types.js';
import { daysToCivil } from '../domain/calendar.js';
import { lastIndexBefore, lastIndexOnOrBefore } from '../domain/series.js';

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

export type RebalanceCalendar = Exclude<Rebalance, 'none'>;

/** A member's prices on its own trading days, ascending, all positive. */
export interface MemberPrices {
  readonly days: ArrayLike<DayNumber>;
  readonly prices: ArrayLike<number>;
}

/** A basket's daily level over a window. */
export interface BasketPath {
  /** The base day, then every day of the union of the members' trading days in [from, asOf]. */
  readonly days: readonly DayNumber[];
  /** The basket's value, 1 at the base. */
  readonly levels: readonly number[];
  /** Each member's share of `levels.at(-1) − 1` (Σ hᵢ ΔPᵢ over the days); they sum to the return. */
  readonly contributions: readonly number[];
}

/**
 * The rebalancing period a day falls in, as a number compared for equality:
 * the day itself (daily), the day number of the Monday of its ISO week
 * (weekly), year × 12 + month (monthly), year × 4 + quarter (quarterly).
 */
export function rebalancePeriodKey(day: DayNumber, calendar: RebalanceCalendar): number {
  switch (calendar) {
    case 'daily':
      return day;
    case 'weekly':
      return day - ((((day + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays
    case 'monthly': {
      const [y, m] = daysToCivil(day);
      return y * 12 + (m - 1);
    }
    case 'quarterly': {
      const [y, m] = daysToCivil(day);
      return y * 4 + Math.floor((m - 1) / 3);
    }
  }
}

function checkWeights(members: readonly MemberPrices[], weights: readonly number[]): void {
  if (members.length !== weights.length) throw new RangeError('members and weights differ in length');
  if (members.length === 0) throw new RangeError('a basket path needs at least one member');
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.some((w) => !(w >= 0)) || Math.abs(sum - 1) > 1e-9) throw new RangeError(`weights must be ≥ 0 and sum to 1, got ${sum}`);
}

/** The ascending union of the members' days in (days[first[i]], days[last[i]]]: a mark per day of the span. */
function unionOfDays(members: readonly MemberPrices[], first: readonly number[], last: readonly number[]): DayNumber[] {
  let lo = Infinity;
  let hi = -Infinity;
  members.forEach((m, i) => {
    const a = (first[i] as number) + 1;
    const b = last[i] as number;
    if (a > b) return;
    lo = Math.min(lo, m.days[a] as DayNumber);
    hi = Math.max(hi, m.days[b] as DayNumber);
  });
  if (lo > hi) return [];
  const seen = new Uint8Array(hi - lo + 1);
  members.forEach((m, i) => {
    for (let k = (first[i] as number) + 1; k <= (last[i] as number); k++) seen[(m.days[k] as DayNumber) - lo] = 1;
  });
  const union: DayNumber[] = [];
  for (let d = 0; d < seen.length; d++) if (seen[d] === 1) union.push(lo + d);
  return union;
}

function simulate(
  members: readonly MemberPrices[],
  weights: readonly number[],
  from: DayNumber,
  asOf: DayNumber,
  calendar: RebalanceCalendar | null,
): BasketPath {
  checkWeights(members, weights);
  const start = members.map((m, i) => {
    if (m.days.length !== m.prices.length) throw new RangeError(`member ${i}: days and prices differ in length`);
    const k = lastIndexBefore(m.days, from);
    if (k < 0) throw new RangeError(`member ${i} has no close before day ${from}`);
    return k;
  });
  const base = members.reduce((latest, m, i) => Math.max(latest, m.days[start[i] as number] as DayNumber), -Infinity);
  const union = unionOfDays(
    members,
    start,
    members.map((m) => lastIndexOnOrBefore(m.days, asOf)),
  );
  const n = members.length;
  const cursor = Int32Array.from(start);
  const price = Float64Array.from(members, (m, i) => m.prices[start[i] as number] as number);
  const holdings = Float64Array.from(weights, (w, i) => w / (price[i] as number));
  const contributions = new Float64Array(n);
  const levels = new Float64Array(union.length + 1);
  levels[0] = 1;
  // holdings change only between rebalancing periods: within one, the days are run member by member
  // (each member's cursor in a tight loop), adding to each day's level in member order — the same sums,
  // in the same order, as running day by day
  let t0 = 0;
  while (t0 < union.length) {
    let t1 = t0 + 1; // the period is union[t0 .. t1)
    if (calendar) {
      const key = rebalancePeriodKey(union[t0] as DayNumber, calendar);
      while (t1 < union.length && rebalancePeriodKey(union[t1] as DayNumber, calendar) === key) t1 += 1;
    } else t1 = union.length;
    for (let i = 0; i < n; i++) {
      const m = members[i] as MemberPrices;
      const mDays = m.days;
      const mPrices = m.prices;
      const last = mDays.length - 1;
      const h = holdings[i] as number;
      let k = cursor[i] as number;
      let prev = price[i] as number;
      let contribution = contributions[i] as number;
      for (let t = t0; t < t1; t++) {
        const day = union[t] as DayNumber;
        while (k < last && (mDays[k + 1] as DayNumber) <= day) k += 1;
        const p = mPrices[k] as number;
        contribution += h * (p - prev);
        prev = p;
        levels[t + 1] = (levels[t + 1] as number) + h * p;
      }
      cursor[i] = k;
      price[i] = prev;
      contributions[i] = contribution;
    }
    if (calendar && t1 < union.length) {
      const level = levels[t1] as number;
      for (let i = 0; i < n; i++) holdings[i] = ((weights[i] as number) * level) / (price[i] as number);
    }
    t0 = t1;
  }
  return { days: [base, ...union], levels: Array.from(levels), contributions: Array.from(contributions) };
}

/**
 * Buy-and-hold: money split by `weights` at each member's start close (the
 * last close before `from`), then held. Final level − 1 = `Σ wᵢ rᵢ`.
 */
export function buyAndHoldPath(members: readonly MemberPrices[], weights: readonly number[], from: DayNumber, asOf: DayNumber): BasketPath {
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
  from: DayNumber,
  asOf: DayNumber,
  calendar: RebalanceCalendar,
): BasketPath {
  return simulate(members, weights, from, asOf, calendar);
}
