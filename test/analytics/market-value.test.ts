import { describe, expect, it } from 'vitest';
import { marketValueFromCap, marketValueFromShares, sumKnown } from '../../src/analytics/market-value.js';

// Market values are in the trillions, where one unit in the last place is ~5e-4: the comparisons
// below are of the values divided by the cap (dimensionless), at 1e-9.

describe('marketValueFromCap, the cap taken at the end close (an undated quote)', () => {
  it('no FX: end = cap, start = cap × rawStart / rawEnd, change = end − start', () => {
    const cap = 3.674405863424e12; // at the end close, 244.6
    const mv = marketValueFromCap(cap, 244.6, 250.42, 244.6);
    expect(mv.end / cap).toBeCloseTo(1, 9);
    expect(mv.start / cap).toBeCloseTo(250.42 / 244.6, 9);
    expect(mv.change / cap).toBeCloseTo(1 - 250.42 / 244.6, 9); // a fall: the price went 250.42 → 244.6
    expect(mv.change).toBeLessThan(0);
    expect(mv.change).toBe(mv.end - mv.start);
  });

  it('FX rates 1 and 1 are the defaults', () => {
    expect(marketValueFromCap(3.674405863424e12, 244.6, 250.42, 244.6, 1, 1)).toEqual(marketValueFromCap(3.674405863424e12, 244.6, 250.42, 244.6));
  });

  it('with FX: an HKD cap in USD through USDHKD 7.7635 at the start and 7.7724 at the end', () => {
    const cap = 4.8e12; // HKD, at the end close 510
    const mv = marketValueFromCap(cap, 510, 382.2, 510, 1 / 7.7635, 1 / 7.7724);
    expect(mv.end / cap).toBeCloseTo(1 / 7.7724, 9);
    expect(mv.start / cap).toBeCloseTo((382.2 / 510) * (1 / 7.7635), 9);
    expect(mv.change / cap).toBeCloseTo(1 / 7.7724 - (382.2 / 510) / 7.7635, 9);
    // the change in USD is the start value times the USD return of the stock
    expect(mv.change / mv.start).toBeCloseTo((510 / 382.2) * (7.7635 / 7.7724) - 1, 9);
  });

  it.each([
    ['cap 0', [0, 250.42, 244.6, 1, 1]],
    ['negative cap', [-1e12, 250.42, 244.6, 1, 1]],
    ['start close 0', [1e12, 0, 244.6, 1, 1]],
    ['negative end close', [1e12, 250.42, -244.6, 1, 1]],
    ['start rate 0', [1e12, 250.42, 244.6, 0, 1]],
    ['negative end rate', [1e12, 250.42, 244.6, 1, -0.128]],
    ['NaN cap', [Number.NaN, 250.42, 244.6, 1, 1]],
    ['infinite end close', [1e12, 250.42, Number.POSITIVE_INFINITY, 1, 1]],
  ])('throws RangeError on %s', (_name, args) => {
    const [cap, s, e, f0, f1] = args as [number, number, number, number, number];
    expect(() => marketValueFromCap(cap, e, s, e, f0, f1)).toThrow(RangeError);
  });
});

describe('sumKnown', () => {
  it.each([
    ['all known', [300, 100, 50], 300 + 100 + 50, 3],
    ['unknown values are left out and counted', [300, null, 100], 300 + 100, 2],
    ['negative changes are summed too', [120, -80, null, -15.5], 120 - 80 - 15.5, 3],
    ['0 is a known value', [0, null], 0, 1],
  ])('%s', (_name, values, expected, included) => {
    const out = sumKnown(values);
    expect(out.value).toBeCloseTo(expected, 9);
    expect(out.included).toBe(included);
    expect(out.total).toBe(values.length);
  });

  it('is null (unknown, not 0) when nothing is known', () => {
    expect(sumKnown([null, null])).toEqual({ value: null, included: 0, total: 2 });
    expect(sumKnown([])).toEqual({ value: null, included: 0, total: 0 });
  });
});

describe('sumKnown with a non-finite value', () => {
  it('throws: NaN is a programmer error, never summed', () => {
    expect(() => sumKnown([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('marketValueFromCap and marketValueFromShares (point in time)', () => {
  it('a cap dated after the window: MV(d) = cap × close(d) / price at the cap date', () => {
    // SMIC: 533.65 bn HKD on 2025-03-07 at 54.60; the window's closes 31.70 (start) and 49.85 (end)
    const cap = 533.65e9;
    const mv = marketValueFromCap(cap, 54.6, 31.7, 49.85);
    expect(mv.start / cap).toBeCloseTo(31.7 / 54.6, 9);
    expect(mv.end / cap).toBeCloseTo(49.85 / 54.6, 9);
    expect(mv.change / cap).toBeCloseTo((49.85 - 31.7) / 54.6, 9);
  });

  it('in USD: each day at its own rate', () => {
    const cap = 864.07e9; // HKD at 34.65
    const mv = marketValueFromCap(cap, 34.65, 34.65, 54.35, 1 / 7.7635, 1 / 7.7724);
    expect(mv.start / cap).toBeCloseTo(1 / 7.7635, 9);
    expect(mv.end / cap).toBeCloseTo((54.35 / 34.65) / 7.7724, 9);
  });

  it('with the cap taken at the end close, the end value is the cap × the end rate, bit for bit', () => {
    for (const [cap, s, e, f0, f1] of [[3.674405863424e12, 250.42, 244.6, 1, 1], [4.8e12, 382.2, 510, 1 / 7.7635, 1 / 7.7724]] as const) {
      expect(marketValueFromCap(cap, e, s, e, f0, f1).end).toBe(cap * f1);
      expect(marketValueFromCap(cap, e, s, e, f0, f1).start).toBe(cap * (s / e) * f0);
    }
  });

  it('from a share count: MV(d) = shares × close(d) × fx(d)', () => {
    const shares = 19054532284; // Alibaba's ordinary shares, 2024-12-31
    const mv = marketValueFromShares(shares, 82.67565155029297, 139.70538330078125, 1 / 7.763500213623047, 1 / 7.77239990234375);
    expect(mv.start / shares).toBeCloseTo(82.67565155029297 / 7.763500213623047, 9);
    expect(mv.end / shares).toBeCloseTo(139.70538330078125 / 7.77239990234375, 9);
    expect(mv.change).toBe(mv.end - mv.start);
  });

  it('refuses a price, close, rate or count that is not positive', () => {
    expect(() => marketValueFromCap(1e9, 0, 1, 1)).toThrow(RangeError);
    expect(() => marketValueFromShares(-1, 1, 1)).toThrow(RangeError);
    expect(() => marketValueFromShares(1e9, 1, Number.NaN)).toThrow(RangeError);
  });
});
