import { describe, expect, it } from 'vitest';
import {
  type BasketPath,
  buyAndHoldPath,
  equalWeightBuyAndHold,
  type MemberPrices,
  rebalancedPath,
  rebalancePeriodKey,
  weightedBuyAndHold,
} from '../../src/analytics/basket.js';
import { fromDayNumber, toDayNumber } from '../../src/domain/calendar.js';

/** Dates are written as ISO strings here and converted to day numbers at the call. */
const d = toDayNumber;
const isoDates = (days: ArrayLike<number>) => Array.from(days, fromDayNumber);
/** A member from ISO dates and prices, in columns as a provider gives them. */
const member = (dates: readonly string[], prices: readonly number[]): MemberPrices => ({
  days: Int32Array.from(dates, d),
  prices: Float64Array.from(prices),
});

describe('equalWeightBuyAndHold', () => {
  it.each([
    ['one member', [0.25], 0.25, 1],
    ['two members', [0.1, -0.3], (0.1 + -0.3) / 2, 2],
    ['three members', [0.5, 0.2, -0.1], (0.5 + 0.2 - 0.1) / 3, 3],
    ['a member without data is left out, not counted as 0', [0.4, null, 0.1], (0.4 + 0.1) / 2, 2],
  ])('%s', (_name, returns, expected, included) => {
    const r = equalWeightBuyAndHold(returns);
    expect(r.value).toBeCloseTo(expected, 9);
    expect(r.included).toBe(included);
    expect(r.total).toBe(returns.length);
  });

  it('is null (unknown) when no member has data, and for an empty list', () => {
    expect(equalWeightBuyAndHold([null, null])).toEqual({ value: null, included: 0, total: 2 });
    expect(equalWeightBuyAndHold([])).toEqual({ value: null, included: 0, total: 0 });
  });

  it('equals the return of equal money held in each member', () => {
    // 1 000 in each of three stocks: 100 → 150, 20 → 24, 10 → 9.
    const start = [100, 20, 10];
    const end = [150, 24, 9];
    const shares = start.map((p) => 1000 / p);
    const value = shares.reduce((s, n, i) => s + n * (end[i] as number), 0); // 1500 + 1200 + 900 = 3600
    const held = value / 3000 - 1; // 0.2
    const r = equalWeightBuyAndHold(start.map((p, i) => (end[i] as number) / p - 1));
    expect(r.value).toBeCloseTo(held, 9);
    expect(r.value).toBeCloseTo(0.2, 9);
  });

  it('invariant: the order of members does not change the result', () => {
    const rs = [0.6899, 0.2708, 0.5685, 0.3323, 0.7224, 0.2517, 0.1627];
    const expected = equalWeightBuyAndHold(rs).value as number;
    for (const perm of [[...rs].reverse(), [...rs].sort(), [rs[3], rs[0], rs[6], rs[1], rs[5], rs[2], rs[4]] as number[]]) {
      expect(equalWeightBuyAndHold(perm).value).toBeCloseTo(expected, 12);
    }
  });

  it('throws on a non-finite return (a programmer error)', () => {
    expect(() => equalWeightBuyAndHold([0.1, Number.NaN])).toThrow(RangeError);
  });
});

describe('weightedBuyAndHold', () => {
  it.each([
    ['two members 0.6 / 0.4', [0.6, 0.4], [0.1, -0.05], 0.6 * 0.1 + 0.4 * -0.05],
    ['three members', [0.5, 0.3, 0.2], [0.2, 0.1, -0.3], 0.5 * 0.2 + 0.3 * 0.1 + 0.2 * -0.3],
    ['a member without weight or return is left out', [0.7, null, 0.3, 0.2], [0.1, 0.5, null, 0.4], 0.7 * 0.1 + 0.2 * 0.4],
  ])('%s', (_name, weights, returns, expected) => {
    expect(weightedBuyAndHold(weights, returns)).toBeCloseTo(expected, 9);
  });

  it('equal weights give the equal-weighted return', () => {
    const rs = [0.5, 0.2, -0.1];
    expect(weightedBuyAndHold([1 / 3, 1 / 3, 1 / 3], rs)).toBeCloseTo(equalWeightBuyAndHold(rs).value as number, 9);
  });

  it('is null (unknown, not 0) when no member has both', () => {
    expect(weightedBuyAndHold([null, 0.5], [0.1, null])).toBeNull();
    expect(weightedBuyAndHold([], [])).toBeNull();
  });

  it('throws when weights and returns differ in length', () => {
    expect(() => weightedBuyAndHold([1], [0.1, 0.2])).toThrow(RangeError);
  });
});

/** Element-wise at 1e-9. */
function expectSeries(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual).toHaveLength(expected.length);
  Array.from(expected).forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 9));
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('buyAndHoldPath', () => {
  // Two tiny members over Mon 6 – Wed 8 January 2025, starting from the Friday 3 January close.
  const A = member(['2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'], [100, 110, 99, 121]);
  const B = member(['2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'], [50, 45, 55, 60]);

  it('levels day by day: 0.6/100 shares of A and 0.4/50 of B, held', () => {
    const path = buyAndHoldPath([A, B], [0.6, 0.4], d('2025-01-06'), d('2025-01-08'));
    expect(isoDates(path.days)).toEqual(['2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08']);
    expectSeries(path.levels, [
      1, // 0.6 × 100/100 + 0.4 × 50/50
      0.6 * (110 / 100) + 0.4 * (45 / 50), // 0.66 + 0.36 = 1.02
      0.6 * (99 / 100) + 0.4 * (55 / 50), // 0.594 + 0.44 = 1.034
      0.6 * (121 / 100) + 0.4 * (60 / 50), // 0.726 + 0.48 = 1.206
    ]);
  });

  it('final level − 1 is Σ wᵢ rᵢ; contributions are wᵢ rᵢ and sum to the return', () => {
    const path = buyAndHoldPath([A, B], [0.6, 0.4], d('2025-01-06'), d('2025-01-08'));
    const rA = 121 / 100 - 1;
    const rB = 60 / 50 - 1;
    expect((path.levels.at(-1) as number) - 1).toBeCloseTo(0.6 * rA + 0.4 * rB, 9);
    expect(weightedBuyAndHold([0.6, 0.4], [rA, rB])).toBeCloseTo((path.levels.at(-1) as number) - 1, 9);
    expectSeries(path.contributions, [0.6 * rA, 0.4 * rB]);
    expect(sum(path.contributions)).toBeCloseTo((path.levels.at(-1) as number) - 1, 9);
  });

  it('ends at as-of and starts from the close before from', () => {
    const path = buyAndHoldPath([A, B], [0.6, 0.4], d('2025-01-07'), d('2025-01-07'));
    expect(isoDates(path.days)).toEqual(['2025-01-06', '2025-01-07']);
    expectSeries(path.levels, [1, 0.6 * (99 / 110) + 0.4 * (55 / 45)]);
  });

  it('a window with no trading day in it is the base alone, level 1, no contribution', () => {
    const path = buyAndHoldPath([A, B], [0.6, 0.4], d('2025-01-09'), d('2025-01-10'));
    expect(isoDates(path.days)).toEqual(['2025-01-08']);
    expectSeries(path.levels, [1]);
    expectSeries(path.contributions, [0, 0]);
  });

  it('the base is the latest of the start closes; each member starts from its own', () => {
    // B has no bar on Friday 3 January: it starts from its Thursday close (48).
    const B2 = member(['2025-01-02', '2025-01-06'], [48, 54]);
    const path = buyAndHoldPath([A, B2], [0.5, 0.5], d('2025-01-06'), d('2025-01-06'));
    expect(isoDates(path.days)).toEqual(['2025-01-03', '2025-01-06']);
    expectSeries(path.levels, [1, 0.5 * (110 / 100) + 0.5 * (54 / 48)]);
  });

  it('takes plain arrays of day numbers and prices as well as typed columns', () => {
    const plain = (m: MemberPrices): MemberPrices => ({ days: Array.from(m.days), prices: Array.from(m.prices) });
    const typed = buyAndHoldPath([A, B], [0.6, 0.4], d('2025-01-06'), d('2025-01-08'));
    expect(buyAndHoldPath([plain(A), plain(B)], [0.6, 0.4], d('2025-01-06'), d('2025-01-08'))).toEqual(typed);
  });

  it('programmer errors throw RangeError', () => {
    const [from, asOf] = [d('2025-01-06'), d('2025-01-08')];
    expect(() => buyAndHoldPath([A, B], [0.6, 0.3], from, asOf)).toThrow(RangeError); // sums to 0.9
    expect(() => buyAndHoldPath([A, B], [1.2, -0.2], from, asOf)).toThrow(RangeError); // a negative weight
    expect(() => buyAndHoldPath([A, B], [1], from, asOf)).toThrow(RangeError); // lengths differ
    expect(() => buyAndHoldPath([], [], from, asOf)).toThrow(RangeError); // no member
    expect(() => buyAndHoldPath([A, B], [0.6, 0.4], d('2025-01-03'), asOf)).toThrow(RangeError); // no close before from
    expect(() => buyAndHoldPath([{ days: [d('2025-01-03')], prices: [1, 2] }], [1], from, asOf)).toThrow(RangeError);
  });
});

describe('rebalancedPath', () => {
  // Mon 28 April – Mon 5 May 2025. A trades Mon–Fri; B has no bar on Wednesday 30 April (the month end)
  // nor on Friday 2 May, so on those days its price is its previous close. Weights 0.6 / 0.4.
  const A = member(['2025-04-28', '2025-04-29', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-05'], [100, 110, 121, 110, 132, 120]);
  const B = member(['2025-04-28', '2025-04-29', '2025-05-01', '2025-05-05'], [50, 40, 44, 55]);
  const W = [0.6, 0.4];
  const FROM = d('2025-04-29');
  const AS_OF = d('2025-05-05');
  const DATES = ['2025-04-28', '2025-04-29', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-05'];

  // Buy-and-hold from 28 April: B's price is 40 on 29 and 30 April, 44 on 1 and 2 May.
  const held = [
    1,
    0.6 * (110 / 100) + 0.4 * (40 / 50), // 0.98
    0.6 * (121 / 100) + 0.4 * (40 / 50), // 1.046
    0.6 * (110 / 100) + 0.4 * (44 / 50), // 1.012
    0.6 * (132 / 100) + 0.4 * (44 / 50), // 1.144
    0.6 * (120 / 100) + 0.4 * (55 / 50), // 1.16
  ];

  // Daily: reset to 0.6 / 0.4 at every close, so each day's growth is the weighted day's return.
  const d1 = 0.6 * (110 / 100) + 0.4 * (40 / 50);
  const d2 = d1 * (0.6 * (121 / 110) + 0.4 * (40 / 40)); // B closed: its price stays 40
  const d3 = d2 * (0.6 * (110 / 121) + 0.4 * (44 / 40));
  const d4 = d3 * (0.6 * (132 / 110) + 0.4 * (44 / 44)); // B closed again
  const d5 = d4 * (0.6 * (120 / 132) + 0.4 * (55 / 44));
  const daily = [1, d1, d2, d3, d4, d5];

  // Weekly: Mon 28 April – Sun 4 May is one ISO week; its last basket day is Friday 2 May, a day B
  // did not trade. The reset there uses B's Thursday close, 44.
  const w4 = held[4] as number; // 1.144, as buy-and-hold until the reset
  const weekly = [...held.slice(0, 5), w4 * (0.6 * (120 / 132) + 0.4 * (55 / 44))];

  // Monthly: the reset at the close of Wednesday 30 April, B's price then being its Tuesday close, 40.
  const m2 = held[2] as number; // 1.046
  const monthly = [
    ...held.slice(0, 3),
    m2 * (0.6 * (110 / 121) + 0.4 * (44 / 40)),
    m2 * (0.6 * (132 / 121) + 0.4 * (44 / 40)),
    m2 * (0.6 * (120 / 121) + 0.4 * (55 / 40)),
  ];

  // Quarterly: no quarter end inside Q2, so it is buy-and-hold.
  const quarterly = held;

  it.each([
    ['daily', daily],
    ['weekly', weekly],
    ['monthly', monthly],
    ['quarterly', quarterly],
  ] as const)('%s: levels by hand, with a holiday in one market only', (calendar, expected) => {
    const path = rebalancedPath([A, B], W, FROM, AS_OF, calendar);
    expect(isoDates(path.days)).toEqual(DATES);
    expectSeries(path.levels, expected);
    expect(sum(path.contributions)).toBeCloseTo((expected.at(-1) as number) - 1, 9);
  });

  it('buy-and-hold on the same case', () => {
    const path = buyAndHoldPath([A, B], W, FROM, AS_OF);
    expectSeries(path.levels, held);
  });

  it('contributions of a rebalanced path: each member’s hᵢ ΔPᵢ summed over the days (monthly)', () => {
    // Before the reset A holds 0.6/100, B 0.4/50; after it A holds 0.6 × m2 / 121, B 0.4 × m2 / 40.
    const path = rebalancedPath([A, B], W, FROM, AS_OF, 'monthly');
    expectSeries(path.contributions, [
      (0.6 / 100) * (121 - 100) + ((0.6 * m2) / 121) * (120 - 121),
      (0.4 / 50) * (40 - 50) + ((0.4 * m2) / 40) * (55 - 40),
    ]);
  });

  it('quarterly resets at a quarter end (31 March), as does monthly there', () => {
    // Thu 27 March – Wed 2 April 2025, weights 0.3 / 0.7; B has no bar on Wednesday 2 April.
    const P = member(['2025-03-27', '2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02'], [100, 105, 84, 92.4, 100.8]);
    const Q = member(['2025-03-27', '2025-03-28', '2025-03-31', '2025-04-01'], [20, 19, 24, 22.8]);
    const q2 = 0.3 * (84 / 100) + 0.7 * (24 / 20); // the value at the 31 March close, buy-and-hold until then
    const expected = [
      1,
      0.3 * (105 / 100) + 0.7 * (19 / 20),
      q2,
      q2 * (0.3 * (92.4 / 84) + 0.7 * (22.8 / 24)),
      q2 * (0.3 * (100.8 / 84) + 0.7 * (22.8 / 24)), // B closed: still 22.8
    ];
    for (const calendar of ['quarterly', 'monthly'] as const) {
      const path = rebalancedPath([P, Q], [0.3, 0.7], d('2025-03-28'), d('2025-04-02'), calendar);
      expect(isoDates(path.days)).toEqual(['2025-03-27', '2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02']);
      expectSeries(path.levels, expected);
    }
    // Weekly resets instead at the close of Friday 28 March.
    const w1 = 0.3 * (105 / 100) + 0.7 * (19 / 20);
    const weekly = rebalancedPath([P, Q], [0.3, 0.7], d('2025-03-28'), d('2025-04-02'), 'weekly');
    expectSeries(weekly.levels, [
      1,
      w1,
      w1 * (0.3 * (84 / 105) + 0.7 * (24 / 19)),
      w1 * (0.3 * (92.4 / 105) + 0.7 * (22.8 / 19)),
      w1 * (0.3 * (100.8 / 105) + 0.7 * (22.8 / 19)),
    ]);
  });

  it('programmer errors throw RangeError', () => {
    expect(() => rebalancedPath([A, B], [0.5, 0.6], FROM, AS_OF, 'daily')).toThrow(RangeError);
    expect(() => rebalancedPath([A, B], W, d('2025-04-28'), AS_OF, 'weekly')).toThrow(RangeError); // no close before 28 April
  });
});

describe('rebalancePeriodKey', () => {
  it('daily: the day itself', () => {
    expect(rebalancePeriodKey(d('2025-03-07'), 'daily')).toBe(d('2025-03-07'));
    expect(rebalancePeriodKey(d('2025-03-07'), 'daily')).not.toBe(rebalancePeriodKey(d('2025-03-08'), 'daily'));
  });

  it('weekly: ISO weeks, Monday to Sunday, across a year end', () => {
    const key = (date: string) => rebalancePeriodKey(d(date), 'weekly');
    // Mon 30 December 2024 – Sun 5 January 2025 is ISO week 2025-W01.
    expect(key('2024-12-30')).toBe(key('2025-01-03'));
    expect(key('2024-12-31')).toBe(key('2025-01-01'));
    expect(key('2025-01-05')).toBe(key('2024-12-30'));
    expect(key('2024-12-29')).not.toBe(key('2024-12-30')); // Sunday, the week before
    expect(key('2025-01-05')).not.toBe(key('2025-01-06')); // Sunday / next Monday
    expect(key('2024-02-29')).toBe(key('2024-03-03')); // Thu 29 Feb – Sun 3 March, leap day
    expect(key('2025-03-07')).not.toBe(key('2025-03-14')); // a week apart
  });

  it('weekly: the key is the day number of the week’s Monday, before 1970 too', () => {
    const monday = (date: string) => fromDayNumber(rebalancePeriodKey(d(date), 'weekly'));
    expect(monday('2025-01-05')).toBe('2024-12-30'); // Sunday
    expect(monday('2025-03-07')).toBe('2025-03-03'); // Friday
    expect(monday('2025-03-03')).toBe('2025-03-03'); // Monday
    // Thu 1 January 1970 is day 0; its Monday is 29 December 1969, day −3.
    expect(monday('1970-01-01')).toBe('1969-12-29');
    expect(rebalancePeriodKey(0, 'weekly')).toBe(-3);
    expect(monday('1970-01-04')).toBe('1969-12-29'); // Sunday, day 3
    expect(monday('1970-01-05')).toBe('1970-01-05'); // Monday, day 4
    expect(monday('1969-12-28')).toBe('1969-12-22'); // Sunday, day −4
    expect(monday('1900-01-01')).toBe('1900-01-01'); // a Monday
    expect(monday('1900-01-07')).toBe('1900-01-01');
  });

  it('monthly and quarterly', () => {
    const key = (date: string, calendar: 'monthly' | 'quarterly') => rebalancePeriodKey(d(date), calendar);
    expect(key('2025-03-31', 'monthly')).toBe(2025 * 12 + 2); // March: year × 12 + month − 1
    expect(key('2025-03-01', 'monthly')).toBe(key('2025-03-31', 'monthly'));
    expect(key('2025-03-31', 'monthly')).not.toBe(key('2025-04-01', 'monthly'));
    expect(key('2025-01-01', 'monthly') - key('2024-12-31', 'monthly')).toBe(1); // consecutive across a year end
    expect(key('2025-03-31', 'quarterly')).toBe(2025 * 4 + 0); // Q1: year × 4 + quarter − 1
    expect(key('2025-04-01', 'quarterly')).toBe(2025 * 4 + 1); // Q2
    expect(key('2025-09-30', 'quarterly')).toBe(2025 * 4 + 2); // Q3
    expect(key('2025-12-31', 'quarterly')).toBe(2025 * 4 + 3); // Q4
    expect(key('2026-01-01', 'quarterly')).toBe(2026 * 4 + 0); // Q1 of the next year
    expect(key('2025-03-31', 'quarterly')).not.toBe(key('2025-04-01', 'quarterly'));
    expect(key('2025-01-31', 'quarterly')).toBe(key('2025-03-01', 'quarterly'));
    expect(key('1969-12-31', 'monthly')).toBe(1969 * 12 + 11); // before 1970
    expect(key('1969-12-31', 'quarterly')).toBe(1969 * 4 + 3);
  });
});

describe('basket path invariants', () => {
  const CALENDARS = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
  type Run = (members: readonly MemberPrices[], weights: readonly number[], from: number, asOf: number) => BasketPath;
  const RUNS: [string, Run][] = [
    ['buy-and-hold', buyAndHoldPath],
    ...CALENDARS.map((c): [string, Run] => [c, (m, w, f, a) => rebalancedPath(m, w, f, a, c)]),
  ];

  // Three members over 20 February – 7 April 2025 (a month end, a quarter end, several weeks);
  // Y skips Wednesdays, Z trades only Monday, Tuesday and Thursday.
  const dow = (day: number) => new Date(fromDayNumber(day) + 'T00:00:00Z').getUTCDay();
  const weekdays: number[] = [];
  for (let day = d('2025-02-20'); day <= d('2025-04-07'); day += 1) {
    if (dow(day) >= 1 && dow(day) <= 5) weekdays.push(day);
  }
  const series = (keep: (day: number) => boolean, f: (k: number) => number): MemberPrices => {
    const days = Int32Array.from(weekdays.filter(keep));
    return { days, prices: Float64Array.from(days, (_, k) => f(k)) };
  };
  const X = series(() => true, (k) => 100 + 10 * Math.sin(k / 3) + k / 2);
  const Y = series((day) => dow(day) !== 3, (k) => 40 * (1 + 0.03 * Math.cos(k)) + k / 5);
  const Z = series((day) => [1, 2, 4].includes(dow(day)), (k) => 7 + (k % 4) - k / 20);
  const FROM = d('2025-02-24');
  const AS_OF = d('2025-04-07');
  /** Index of a member's last close before `from`. */
  const startIndex = (m: MemberPrices) => Array.from(m.days).findIndex((day) => day >= FROM) - 1;
  const slice = (xs: ArrayLike<number>, from: number) => Array.from(xs).slice(from);

  it('the fixture is what it says: weekdays, Y without Wednesdays, Z on Mon, Tue, Thu', () => {
    expect(fromDayNumber(X.days[0] as number)).toBe('2025-02-20');
    expect(fromDayNumber(X.days[X.days.length - 1] as number)).toBe('2025-04-07');
    expect(X.days.length).toBe(33); // 47 calendar days, 14 of them weekend days
    expect(isoDates(Y.days)).not.toContain('2025-03-05'); // a Wednesday
    expect(isoDates(Z.days).slice(0, 4)).toEqual(['2025-02-20', '2025-02-24', '2025-02-25', '2025-02-27']);
  });

  it.each(RUNS)('%s: a one-member basket is its member, level = price / start price', (_name, run) => {
    const path = run([Y], [1], FROM, AS_OF);
    const k0 = startIndex(Y); // the close before from
    const p0 = Y.prices[k0] as number;
    expect(path.days).toEqual(slice(Y.days, k0));
    expectSeries(path.levels, slice(Y.prices, k0).map((p) => p / p0));
    expectSeries(path.contributions, [(Y.prices[Y.prices.length - 1] as number) / p0 - 1]);
  });

  it('daily-rebalanced equals buy-and-hold over a single day', () => {
    for (const day of ['2025-02-24', '2025-03-31', '2025-04-07'].map(d)) {
      const held = buyAndHoldPath([X, Y, Z], [0.5, 0.3, 0.2], day, day);
      const daily = rebalancedPath([X, Y, Z], [0.5, 0.3, 0.2], day, day, 'daily');
      expect(daily.days).toEqual(held.days);
      expectSeries(daily.levels, held.levels);
      expectSeries(daily.contributions, held.contributions);
    }
  });

  it.each(RUNS)('%s: the order of members (with their weights) does not change the result', (_name, run) => {
    const base = run([X, Y, Z], [0.5, 0.3, 0.2], FROM, AS_OF);
    const perm = run([Z, X, Y], [0.2, 0.5, 0.3], FROM, AS_OF);
    expect(perm.days).toEqual(base.days);
    expectSeries(perm.levels, base.levels);
    const [cx, cy, cz] = base.contributions as [number, number, number];
    expectSeries(perm.contributions, [cz, cx, cy]);
  });

  it.each(RUNS)('%s: rebasing a member’s prices (× 3.7) does not change the basket', (_name, run) => {
    const base = run([X, Y, Z], [0.5, 0.3, 0.2], FROM, AS_OF);
    const rebased = run([X, { days: Y.days, prices: Float64Array.from(Y.prices, (p) => p * 3.7) }, Z], [0.5, 0.3, 0.2], FROM, AS_OF);
    expectSeries(rebased.levels, base.levels);
    expectSeries(rebased.contributions, base.contributions);
    expect((rebased.levels.at(-1) as number) - 1).toBeCloseTo((base.levels.at(-1) as number) - 1, 12);
  });

  it('buy-and-hold: shifting every day number by a constant and reordering the members leaves the return', () => {
    const shift = (m: MemberPrices, k: number): MemberPrices => ({ days: Int32Array.from(m.days, (day) => day + k), prices: m.prices });
    const base = buyAndHoldPath([X, Y, Z], [0.5, 0.3, 0.2], FROM, AS_OF);
    const expected = (base.levels.at(-1) as number) - 1;
    const memberReturn = (m: MemberPrices) => (m.prices[m.prices.length - 1] as number) / (m.prices[startIndex(m)] as number) - 1;
    expect(expected).toBeCloseTo(weightedBuyAndHold([0.5, 0.3, 0.2], [X, Y, Z].map(memberReturn)) as number, 12);
    // Whole days of any size, into the past (negative day numbers) or the future; an odd one moves the weekdays too.
    for (const k of [1, -3, 10_000, -20_143, -700_000, 2_000_000]) {
      const moved = buyAndHoldPath([shift(Z, k), shift(X, k), shift(Y, k)], [0.2, 0.5, 0.3], FROM + k, AS_OF + k);
      expect(moved.days).toEqual(base.days.map((day) => day + k));
      expect((moved.levels.at(-1) as number) - 1).toBeCloseTo(expected, 12);
      const [cx, cy, cz] = base.contributions as [number, number, number];
      expectSeries(moved.contributions, [cz, cx, cy]);
    }
  });

  it.each(RUNS)('%s: shifting every day by whole 400-year cycles (146 097 days, whole weeks too) changes nothing', (_name, run) => {
    const shift = (m: MemberPrices, k: number): MemberPrices => ({ days: Int32Array.from(m.days, (day) => day + k), prices: m.prices });
    const base = run([X, Y, Z], [0.5, 0.3, 0.2], FROM, AS_OF);
    for (const k of [-5 * 146_097, -146_097, 146_097, 10 * 146_097]) {
      const moved = run([shift(X, k), shift(Y, k), shift(Z, k)], [0.5, 0.3, 0.2], FROM + k, AS_OF + k);
      expect(moved.days).toEqual(base.days.map((day) => day + k));
      expectSeries(moved.levels, base.levels);
      expect((moved.levels.at(-1) as number) - 1).toBeCloseTo((base.levels.at(-1) as number) - 1, 12);
    }
  });

  it.each(RUNS)('%s: contributions sum to the final level − 1', (_name, run) => {
    const path = run([X, Y, Z], [0.5, 0.3, 0.2], FROM, AS_OF);
    expect(sum(path.contributions)).toBeCloseTo((path.levels.at(-1) as number) - 1, 9);
  });

  it('rebalancing makes a difference on this data (so the invariants above are not vacuous)', () => {
    const held = buyAndHoldPath([X, Y, Z], [0.5, 0.3, 0.2], FROM, AS_OF).levels.at(-1) as number;
    for (const c of CALENDARS) {
      const rebalanced = rebalancedPath([X, Y, Z], [0.5, 0.3, 0.2], FROM, AS_OF, c).levels.at(-1) as number;
      expect(Math.abs(rebalanced - held)).toBeGreaterThan(1e-6);
    }
  });

  it('identical members: every weighting and rebalancing gives the member’s own levels', () => {
    const k0 = startIndex(X);
    const own = slice(X.prices, k0).map((p) => p / (X.prices[k0] as number));
    for (const weights of [[1 / 3, 1 / 3, 1 / 3], [0.5, 0.3, 0.2], [0.05, 0.9, 0.05], [1, 0, 0]]) {
      for (const [, run] of RUNS) {
        expectSeries(run([X, X, X], weights, FROM, AS_OF).levels, own);
      }
    }
  });
});

describe('weightedBuyAndHold with a non-finite input', () => {
  it('throws rather than returning NaN', () => {
    expect(() => weightedBuyAndHold([0.5, 0.5], [0.1, Number.NaN])).toThrow(RangeError);
  });
});
