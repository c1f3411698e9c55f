import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/domain/calendar.js';
import { periodReturn, simpleReturn } from '../../src/analytics/returns.js';
import { lastIndexBefore, lastIndexOnOrBefore } from '../../src/domain/series.js';

const d = toDayNumber;

// A small named series: a Hong Kong-like calendar across New Year.
const DATES = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06'];
const DAYS = Int32Array.from(DATES, d);
const PRICES = [100, 104, 110, 99, 120];

describe('lastIndexBefore / lastIndexOnOrBefore', () => {
  it.each([
    ['2024-12-29', -1, -1],
    ['2024-12-30', -1, 0],
    ['2025-01-01', 1, 1],
    ['2025-01-02', 1, 2],
    ['2025-01-05', 3, 3],
    ['2025-12-31', 4, 4],
  ])('%s → before %i, on or before %i', (date, before, onOrBefore) => {
    expect(lastIndexBefore(DAYS, d(date))).toBe(before);
    expect(lastIndexOnOrBefore(DAYS, d(date))).toBe(onOrBefore);
    // the same on a plain array of day numbers
    expect(lastIndexBefore([...DAYS], d(date))).toBe(before);
    expect(lastIndexOnOrBefore([...DAYS], d(date))).toBe(onOrBefore);
  });

  it('finds nothing in an empty series', () => {
    expect(lastIndexBefore([], d('2025-01-01'))).toBe(-1);
    expect(lastIndexOnOrBefore([], d('2025-01-01'))).toBe(-1);
  });

  it('works before 1970 (negative day numbers)', () => {
    const old = Int32Array.from(['1969-12-30', '1969-12-31', '1970-01-01', '1970-01-02'], d);
    expect(Array.from(old)).toEqual([-2, -1, 0, 1]);
    expect(lastIndexBefore(old, d('1970-01-01'))).toBe(1);
    expect(lastIndexOnOrBefore(old, d('1969-12-31'))).toBe(1);
    expect(lastIndexBefore(old, d('1969-12-30'))).toBe(-1);
  });
});

describe('simpleReturn', () => {
  it.each([
    [100, 110, 110 / 100 - 1], // +10%
    [104, 99, 99 / 104 - 1], // −4.8077%
    [50, 50, 0],
  ])('(%f → %f)', (p0, p1, expected) => {
    expect(simpleReturn(p0, p1)).toBeCloseTo(expected, 9);
  });

  it.each([
    [0, 1],
    [-1, 1],
    [1, Number.NaN],
    [Number.POSITIVE_INFINITY, 1],
  ])('throws on a price that is not positive and finite (%f, %f)', (p0, p1) => {
    expect(() => simpleReturn(p0, p1)).toThrow(RangeError);
  });
});

describe('periodReturn', () => {
  it('YTD: start = last close before 1 January, end = last close on or before as-of', () => {
    const out = periodReturn(DAYS, PRICES, d('2025-01-01'), d('2025-01-05'));
    // start 2024-12-31 at 104, end 2025-01-03 at 99: 99 / 104 − 1 = −0.04807692307692…
    expect(out).toEqual({
      ok: true,
      value: {
        startIndex: 1,
        endIndex: 3,
        startDay: d('2024-12-31'),
        startPrice: 104,
        endDay: d('2025-01-03'),
        endPrice: 99,
        return: expect.any(Number),
      },
    });
    if (out.ok) {
      expect(fromDayNumber(out.value.startDay)).toBe('2024-12-31');
      expect(fromDayNumber(out.value.endDay)).toBe('2025-01-03');
      expect(out.value.return).toBeCloseTo(99 / 104 - 1, 9);
    }
  });

  it('a period starting on a trading day starts from the close before it', () => {
    const out = periodReturn(DAYS, PRICES, d('2025-01-02'), d('2025-01-02'));
    // start 2024-12-31 (104), end 2025-01-02 (110): 110 / 104 − 1 = 0.0576923076923…
    expect(out.ok && out.value.return).toBeCloseTo(110 / 104 - 1, 9);
    expect(out).toMatchObject({ ok: true, value: { startIndex: 1, endIndex: 2 } });
  });

  it('takes typed-array columns as well as plain arrays', () => {
    const typed = periodReturn(DAYS, Float64Array.from(PRICES), d('2025-01-01'), d('2025-01-06'));
    const plain = periodReturn(DATES.map(d), PRICES, d('2025-01-01'), d('2025-01-06'));
    expect(typed).toEqual(plain);
    expect(typed.ok && typed.value.return).toBeCloseTo(120 / 104 - 1, 9);
  });

  it('no close before the period: no-start-price', () => {
    expect(periodReturn(DAYS, PRICES, d('2024-12-30'), d('2025-01-06'))).toEqual({ ok: false, reason: 'no-start-price' });
  });

  it('no close inside the period (a weekend): no-end-price, never a return of 0', () => {
    expect(periodReturn(DAYS, PRICES, d('2025-01-04'), d('2025-01-05'))).toEqual({ ok: false, reason: 'no-end-price' });
  });

  it('rejects programmer errors', () => {
    expect(() => periodReturn(DAYS, PRICES.slice(1), d('2025-01-01'), d('2025-01-06'))).toThrow(RangeError);
    expect(() => periodReturn(DAYS, PRICES, d('2025-01-06'), d('2025-01-01'))).toThrow(RangeError);
  });

  it('invariant: rebasing (scaling) prices does not change the return', () => {
    const base = periodReturn(DAYS, PRICES, d('2025-01-01'), d('2025-01-06'));
    for (const k of [0.001, 7.5, 1e6]) {
      const scaled = periodReturn(DAYS, PRICES.map((p) => p * k), d('2025-01-01'), d('2025-01-06'));
      expect(scaled.ok && scaled.value.return).toBeCloseTo(base.ok ? base.value.return : Number.NaN, 9);
    }
  });

  it('invariant: shifting every day (series and window) by a constant does not change the result', () => {
    const base = periodReturn(DAYS, PRICES, d('2025-01-01'), d('2025-01-05'));
    for (const k of [-20_000, -1, 7, 36_500]) {
      const shifted = periodReturn(DAYS.map((x) => x + k), PRICES, d('2025-01-01') + k, d('2025-01-05') + k);
      expect(shifted.ok && shifted.value.return).toBeCloseTo(base.ok ? base.value.return : Number.NaN, 12);
      expect(shifted).toMatchObject({ ok: true, value: { startIndex: 1, endIndex: 3, startDay: d('2024-12-31') + k } });
    }
  });
});
