import { describe, expect, it } from 'vitest';
import { lastIndexBefore, lastIndexOnOrBefore, periodReturn, simpleReturn } from '../../src/analytics/returns.js';

// A small named series: a Hong Kong-like calendar across New Year.
const DATES = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06'];
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
    expect(lastIndexBefore(DATES, date)).toBe(before);
    expect(lastIndexOnOrBefore(DATES, date)).toBe(onOrBefore);
  });

  it('finds nothing in an empty series', () => {
    expect(lastIndexBefore([], '2025-01-01')).toBe(-1);
    expect(lastIndexOnOrBefore([], '2025-01-01')).toBe(-1);
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
    const out = periodReturn(DATES, PRICES, '2025-01-01', '2025-01-05');
    // start 2024-12-31 at 104, end 2025-01-03 at 99: 99 / 104 − 1 = −0.04807692307692…
    expect(out).toEqual({
      ok: true,
      value: { startDate: '2024-12-31', startPrice: 104, endDate: '2025-01-03', endPrice: 99, return: expect.any(Number) },
    });
    if (out.ok) expect(out.value.return).toBeCloseTo(99 / 104 - 1, 9);
  });

  it('a period starting on a trading day starts from the close before it', () => {
    const out = periodReturn(DATES, PRICES, '2025-01-02', '2025-01-02');
    // start 2024-12-31 (104), end 2025-01-02 (110): 110 / 104 − 1 = 0.0576923076923…
    expect(out.ok && out.value.return).toBeCloseTo(110 / 104 - 1, 9);
  });

  it('no close before the period: no-start-price', () => {
    expect(periodReturn(DATES, PRICES, '2024-12-30', '2025-01-06')).toEqual({ ok: false, reason: 'no-start-price' });
  });

  it('no close inside the period (a weekend): no-end-price, never a return of 0', () => {
    expect(periodReturn(DATES, PRICES, '2025-01-04', '2025-01-05')).toEqual({ ok: false, reason: 'no-end-price' });
  });

  it('rejects programmer errors', () => {
    expect(() => periodReturn(DATES, PRICES.slice(1), '2025-01-01', '2025-01-06')).toThrow(RangeError);
    expect(() => periodReturn(DATES, PRICES, '2025-01-06', '2025-01-01')).toThrow(RangeError);
  });

  it('invariant: rebasing (scaling) prices does not change the return', () => {
    const base = periodReturn(DATES, PRICES, '2025-01-01', '2025-01-06');
    for (const k of [0.001, 7.5, 1e6]) {
      const scaled = periodReturn(DATES, PRICES.map((p) => p * k), '2025-01-01', '2025-01-06');
      expect(scaled.ok && scaled.value.return).toBeCloseTo(base.ok ? base.value.return : Number.NaN, 9);
    }
  });
});
