import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/domain/calendar.js';
import { lookbackPath, windowHigh } from '../../src/analytics/lookback.js';
import { higherBefore } from '../../src/analytics/risk.js';
import { buyAndHoldPath } from '../../src/analytics/basket.js';

const d = toDayNumber;
const member = (dates: string[], prices: number[]) => ({ days: dates.map(d), prices });

describe('windowHigh', () => {
  // the base (2024-12-31) is not in the window: its 200 does not count
  const days = ['2024-12-31', '2025-01-02', '2025-02-19', '2025-03-06', '2025-03-07'].map(d);
  const values = [200, 100, 120, 110, 108];

  it('is the highest value in [from, asOf], its day, and the fall from it to the last', () => {
    expect(windowHigh(days, values, d('2025-01-01'), d('2025-03-07'))).toEqual({ value: 120, day: d('2025-02-19'), fromHigh: 108 / 120 - 1 });
  });

  it('is 0 below the high when the last value is the high', () => {
    expect(windowHigh(days, values, d('2025-03-07'), d('2025-03-07'))).toEqual({ value: 108, day: d('2025-03-07'), fromHigh: 0 });
  });

  it('is null without a day in the window', () => {
    expect(windowHigh(days, values, d('2025-03-08'), d('2025-03-09'))).toBeNull();
  });
});

describe('lookbackPath', () => {
  it('with one member is that member rebased: highest-since reads the same on its closes', () => {
    const a = member(['2020-12-31', '2021-12-09', '2024-12-31', '2025-03-06'], [100, 130, 80, 125]);
    const p = lookbackPath([a], [1], d('2021-01-01'), d('2025-03-06'), null);
    expect(p?.days).toEqual(a.days);
    expect(p?.levels).toEqual([1, 1.3, 0.8, 1.25]);
    // 125 is the highest since 2021-12-09's 130
    expect(higherBefore(p?.days ?? [], p?.levels ?? [])).toBe(d('2021-12-09'));
  });

  it('buy-and-hold: equal money in the members there at the base; one that starts later never joins', () => {
    const a = member(['2020-12-31', '2021-06-30', '2025-03-06'], [10, 20, 15]);
    const b = member(['2020-12-31', '2021-06-30', '2025-03-06'], [50, 50, 100]);
    const late = member(['2021-06-30', '2025-03-06'], [1, 100]);
    const p = lookbackPath([a, b, late], [1 / 3, 1 / 3, 1 / 3], d('2021-01-01'), d('2025-03-06'), null);
    // a and b hold 1/2 each: 0.5 × 20/10 + 0.5 × 50/50 = 1.5; then 0.5 × 15/10 + 0.5 × 100/50 = 1.75
    expect(p?.levels).toEqual([1, 0.5 * (20 / 10) + 0.5 * (50 / 50), 0.5 * (15 / 10) + 0.5 * (100 / 50)]);
    expect(p?.joined).toEqual([d('2020-12-31'), d('2020-12-31'), null]);
  });

  it('is the window path itself when every member is there from the base', () => {
    const a = member(['2024-12-31', '2025-01-02', '2025-01-03'], [10, 11, 12]);
    const b = member(['2024-12-31', '2025-01-02', '2025-01-03'], [20, 19, 21]);
    const p = lookbackPath([a, b], [0.5, 0.5], d('2025-01-01'), d('2025-01-03'), null);
    const path = buyAndHoldPath([a, b], [0.5, 0.5], d('2025-01-01'), d('2025-01-03'));
    expect(p?.days).toEqual(path.days);
    p?.levels.forEach((l, i) => expect(l).toBeCloseTo(path.levels[i] as number, 12));
  });

  it('rebalanced: a late member joins at the first rebalancing after its first close, at its target weight', () => {
    // monthly; A from the base, B's first close on 2021-01-15: it joins at the close of 2021-01-29, the last day of January
    const a = member(['2020-12-31', '2021-01-15', '2021-01-29', '2021-02-26'], [100, 110, 120, 120]);
    const b = member(['2021-01-15', '2021-01-29', '2021-02-26'], [50, 50, 75]);
    const p = lookbackPath([a, b], [0.5, 0.5], d('2021-01-01'), d('2021-02-26'), 'monthly');
    // January: A alone (1.1, 1.2); at the reset L = 1.2 splits 0.6 / 0.6; February: 0.6 × 120/120 + 0.6 × 75/50 = 1.5
    expect(p?.levels).toEqual([1, 1.1, 1.2, 0.6 * (120 / 120) + 0.6 * (75 / 50)]);
    expect(p?.joined).toEqual([d('2020-12-31'), d('2021-01-29')]);
  });

  it('starts at the first close there is when no member reaches back to the look-back start', () => {
    const a = member(['2020-12-31', '2021-12-09', '2025-03-06'], [100, 130, 125]);
    const b = member(['2021-06-30', '2025-03-06'], [10, 20]);
    const p = lookbackPath([a, b], [0.5, 0.5], d('2020-01-01'), d('2025-03-06'), null);
    expect(p?.days[0]).toBe(d('2020-12-31'));
    // b starts later: buy-and-hold, it never joins (its first day is a day of the basket, a's price unchanged)
    expect(p?.levels).toEqual([1, 1, 1.3, 1.25]);
    expect(p?.joined).toEqual([d('2020-12-31'), null]);
  });

  it('is null when no member has a close by the as-of date', () => {
    expect(lookbackPath([member(['2025-01-02'], [1])], [1], d('2020-01-01'), d('2024-12-31'), null)).toBeNull();
  });
});
