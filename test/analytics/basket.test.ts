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
import { shiftDays } from '../../src/analytics/calendar.js';

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
function expectSeries(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 9));
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('buyAndHoldPath', () => {
  // Two tiny members over Mon 6 – Wed 8 January 2025, starting from the Friday 3 January close.
  const A: MemberPrices = { dates: ['2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'], prices: [100, 110, 99, 121] };
  const B: MemberPrices = { dates: ['2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'], prices: [50, 45, 55, 60] };

  it('levels day by day: 0.6/100 shares of A and 0.4/50 of B, held', () => {
    const path = buyAndHoldPath([A, B], [0.6, 0.4], '2025-01-06', '2025-01-08');
    expect(path.dates).toEqual(['2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08']);
    expectSeries(path.levels, [
      1, // 0.6 × 100/100 + 0.4 × 50/50
      0.6 * (110 / 100) + 0.4 * (45 / 50), // 0.66 + 0.36 = 1.02
      0.6 * (99 / 100) + 0.4 * (55 / 50), // 0.594 + 0.44 = 1.034
      0.6 * (121 / 100) + 0.4 * (60 / 50), // 0.726 + 0.48 = 1.206
    ]);
  });

  it('final level − 1 is Σ wᵢ rᵢ; contributions are wᵢ rᵢ and sum to the return', () => {
    const path = buyAndHoldPath([A, B], [0.6, 0.4], '2025-01-06', '2025-01-08');
    const rA = 121 / 100 - 1;
    const rB = 60 / 50 - 1;
    expect((path.levels.at(-1) as number) - 1).toBeCloseTo(0.6 * rA + 0.4 * rB, 9);
    expect(weightedBuyAndHold([0.6, 0.4], [rA, rB])).toBeCloseTo((path.levels.at(-1) as number) - 1, 9);
    expectSeries(path.contributions, [0.6 * rA, 0.4 * rB]);
    expect(sum(path.contributions)).toBeCloseTo((path.levels.at(-1) as number) - 1, 9);
  });

  it('ends at as-of and starts from the close before from', () => {
    const path = buyAndHoldPath([A, B], [0.6, 0.4], '2025-01-07', '2025-01-07');
    expect(path.dates).toEqual(['2025-01-06', '2025-01-07']);
    expectSeries(path.levels, [1, 0.6 * (99 / 110) + 0.4 * (55 / 45)]);
  });

  it('a window with no trading day in it is the base alone, level 1, no contribution', () => {
    const path = buyAndHoldPath([A, B], [0.6, 0.4], '2025-01-09', '2025-01-10');
    expect(path.dates).toEqual(['2025-01-08']);
    expectSeries(path.levels, [1]);
    expectSeries(path.contributions, [0, 0]);
  });

  it('the base is the latest of the start closes; each member starts from its own', () => {
    // B has no bar on Friday 3 January: it starts from its Thursday close (48).
    const B2: MemberPrices = { dates: ['2025-01-02', '2025-01-06'], prices: [48, 54] };
    const path = buyAndHoldPath([A, B2], [0.5, 0.5], '2025-01-06', '2025-01-06');
    expect(path.dates).toEqual(['2025-01-03', '2025-01-06']);
    expectSeries(path.levels, [1, 0.5 * (110 / 100) + 0.5 * (54 / 48)]);
  });

  it('programmer errors throw RangeError', () => {
    expect(() => buyAndHoldPath([A, B], [0.6, 0.3], '2025-01-06', '2025-01-08')).toThrow(RangeError); // sums to 0.9
    expect(() => buyAndHoldPath([A, B], [1.2, -0.2], '2025-01-06', '2025-01-08')).toThrow(RangeError); // a negative weight
    expect(() => buyAndHoldPath([A, B], [1], '2025-01-06', '2025-01-08')).toThrow(RangeError); // lengths differ
    expect(() => buyAndHoldPath([], [], '2025-01-06', '2025-01-08')).toThrow(RangeError); // no member
    expect(() => buyAndHoldPath([A, B], [0.6, 0.4], '2025-01-03', '2025-01-08')).toThrow(RangeError); // no close before from
    expect(() => buyAndHoldPath([{ dates: ['2025-01-03'], prices: [1, 2] }], [1], '2025-01-06', '2025-01-08')).toThrow(RangeError);
  });
});

describe('rebalancedPath', () => {
  // Mon 28 April – Mon 5 May 2025. A trades Mon–Fri; B has no bar on Wednesday 30 April (the month end)
  // nor on Friday 2 May, so on those days its price is its previous close. Weights 0.6 / 0.4.
  const A: MemberPrices = {
    dates: ['2025-04-28', '2025-04-29', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-05'],
    prices: [100, 110, 121, 110, 132, 120],
  };
  const B: MemberPrices = {
    dates: ['2025-04-28', '2025-04-29', '2025-05-01', '2025-05-05'],
    prices: [50, 40, 44, 55],
  };
  const W = [0.6, 0.4];
  const FROM = '2025-04-29';
  const AS_OF = '2025-05-05';
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
    expect(path.dates).toEqual(DATES);
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
    const P: MemberPrices = { dates: ['2025-03-27', '2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02'], prices: [100, 105, 84, 92.4, 100.8] };
    const Q: MemberPrices = { dates: ['2025-03-27', '2025-03-28', '2025-03-31', '2025-04-01'], prices: [20, 19, 24, 22.8] };
    const q2 = 0.3 * (84 / 100) + 0.7 * (24 / 20); // the value at the 31 March close, buy-and-hold until then
    const expected = [
      1,
      0.3 * (105 / 100) + 0.7 * (19 / 20),
      q2,
      q2 * (0.3 * (92.4 / 84) + 0.7 * (22.8 / 24)),
      q2 * (0.3 * (100.8 / 84) + 0.7 * (22.8 / 24)), // B closed: still 22.8
    ];
    for (const calendar of ['quarterly', 'monthly'] as const) {
      const path = rebalancedPath([P, Q], [0.3, 0.7], '2025-03-28', '2025-04-02', calendar);
      expect(path.dates).toEqual(['2025-03-27', '2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02']);
      expectSeries(path.levels, expected);
    }
    // Weekly resets instead at the close of Friday 28 March.
    const w1 = 0.3 * (105 / 100) + 0.7 * (19 / 20);
    const weekly = rebalancedPath([P, Q], [0.3, 0.7], '2025-03-28', '2025-04-02', 'weekly');
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
    expect(() => rebalancedPath([A, B], W, '2025-04-28', AS_OF, 'weekly')).toThrow(RangeError); // no close before 28 April
  });
});

describe('rebalancePeriodKey', () => {
  it('daily: the date itself', () => {
    expect(rebalancePeriodKey('2025-03-07', 'daily')).toBe('2025-03-07');
    expect(rebalancePeriodKey('2025-03-07', 'daily')).not.toBe(rebalancePeriodKey('2025-03-08', 'daily'));
  });

  it('weekly: ISO weeks, Monday to Sunday, across a year end', () => {
    const key = (d: string) => rebalancePeriodKey(d, 'weekly');
    // Mon 30 December 2024 – Sun 5 January 2025 is ISO week 2025-W01.
    expect(key('2024-12-30')).toBe(key('2025-01-03'));
    expect(key('2024-12-31')).toBe(key('2025-01-01'));
    expect(key('2025-01-05')).toBe(key('2024-12-30'));
    expect(key('2024-12-29')).not.toBe(key('2024-12-30')); // Sunday, the week before
    expect(key('2025-01-05')).not.toBe(key('2025-01-06')); // Sunday / next Monday
    expect(key('2024-02-29')).toBe(key('2024-03-03')); // Thu 29 Feb – Sun 3 March, leap day
    expect(key('2025-03-07')).not.toBe(key('2025-03-14')); // a week apart
  });

  it('monthly and quarterly', () => {
    expect(rebalancePeriodKey('2025-03-31', 'monthly')).toBe('2025-03');
    expect(rebalancePeriodKey('2025-03-31', 'monthly')).not.toBe(rebalancePeriodKey('2025-04-01', 'monthly'));
    expect(rebalancePeriodKey('2025-03-31', 'quarterly')).toBe('2025-Q1');
    expect(rebalancePeriodKey('2025-04-01', 'quarterly')).toBe('2025-Q2');
    expect(rebalancePeriodKey('2025-09-30', 'quarterly')).toBe('2025-Q3');
    expect(rebalancePeriodKey('2025-12-31', 'quarterly')).toBe('2025-Q4');
    expect(rebalancePeriodKey('2026-01-01', 'quarterly')).toBe('2026-Q1');
    expect(rebalancePeriodKey('2025-01-31', 'quarterly')).toBe(rebalancePeriodKey('2025-03-01', 'quarterly'));
  });
});

describe('basket path invariants', () => {
  const CALENDARS = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
  type Run = (members: readonly MemberPrices[], weights: readonly number[], from: string, asOf: string) => BasketPath;
  const RUNS: [string, Run][] = [
    ['buy-and-hold', buyAndHoldPath],
    ...CALENDARS.map((c): [string, Run] => [c, (m, w, f, a) => rebalancedPath(m, w, f, a, c)]),
  ];

  // Three members over 20 February – 7 April 2025 (a month end, a quarter end, several weeks);
  // Y skips Wednesdays, Z trades only Monday, Tuesday and Thursday.
  const weekdays: string[] = [];
  for (let d = '2025-02-20'; d <= '2025-04-07'; d = shiftDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow >= 1 && dow <= 5) weekdays.push(d);
  }
  const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
  const series = (keep: (d: string) => boolean, f: (k: number) => number): MemberPrices => {
    const dates = weekdays.filter(keep);
    return { dates, prices: dates.map((_, k) => f(k)) };
  };
  const X = series(() => true, (k) => 100 + 10 * Math.sin(k / 3) + k / 2);
  const Y = series((d) => dow(d) !== 3, (k) => 40 * (1 + 0.03 * Math.cos(k)) + k / 5);
  const Z = series((d) => [1, 2, 4].includes(dow(d)), (k) => 7 + (k % 4) - k / 20);
  const FROM = '2025-02-24';
  const AS_OF = '2025-04-07';

  it.each(RUNS)('%s: a one-member basket is its member, level = price / start price', (_name, run) => {
    const path = run([Y], [1], FROM, AS_OF);
    const k0 = Y.dates.findIndex((d) => d >= FROM) - 1; // the close before from
    const p0 = Y.prices[k0] as number;
    expect(path.dates).toEqual(Y.dates.slice(k0));
    expectSeries(path.levels, Y.prices.slice(k0).map((p) => p / p0));
    expectSeries(path.contributions, [(Y.prices.at(-1) as number) / p0 - 1]);
  });

  it('daily-rebalanced equals buy-and-hold over a single day', () => {
    for (const day of ['2025-02-24', '2025-03-31', '2025-04-07']) {
      const held = buyAndHoldPath([X, Y, Z], [0.5, 0.3, 0.2], day, day);
      const daily = rebalancedPath([X, Y, Z], [0.5, 0.3, 0.2], day, day, 'daily');
      expect(daily.dates).toEqual(held.dates);
      expectSeries(daily.levels, held.levels);
      expectSeries(daily.contributions, held.contributions);
    }
  });

  it.each(RUNS)('%s: the order of members (with their weights) does not change the result', (_name, run) => {
    const base = run([X, Y, Z], [0.5, 0.3, 0.2], FROM, AS_OF);
    const perm = run([Z, X, Y], [0.2, 0.5, 0.3], FROM, AS_OF);
    expect(perm.dates).toEqual(base.dates);
    expectSeries(perm.levels, base.levels);
    const [cx, cy, cz] = base.contributions as [number, number, number];
    expectSeries(perm.contributions, [cz, cx, cy]);
  });

  it.each(RUNS)('%s: rebasing a member’s prices (× 3.7) does not change the basket', (_name, run) => {
    const base = run([X, Y, Z], [0.5, 0.3, 0.2], FROM, AS_OF);
    const rebased = run([X, { dates: Y.dates, prices: Y.prices.map((p) => p * 3.7) }, Z], [0.5, 0.3, 0.2], FROM, AS_OF);
    expectSeries(rebased.levels, base.levels);
    expectSeries(rebased.contributions, base.contributions);
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
    const k0 = X.dates.findIndex((d) => d >= FROM) - 1;
    const own = X.prices.slice(k0).map((p) => p / (X.prices[k0] as number));
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
