import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/domain/calendar.js';
import { annualisedVolatility, higherBefore, maxDrawdown, TRADING_DAYS_PER_YEAR } from '../../src/analytics/risk.js';

const d = toDayNumber;
const days = (dates: readonly string[]) => dates.map(d);

describe('annualisedVolatility', () => {
  it('a 4-level series: sample std of its 3 daily returns × √252', () => {
    // 100 → 110 → 99 → 108.9: returns +10%, −10%, +10%.
    const r = [110 / 100 - 1, 99 / 110 - 1, 108.9 / 99 - 1];
    const mean = (0.1 + -0.1 + 0.1) / 3;
    const sampleVariance = ((0.1 - mean) ** 2 + (-0.1 - mean) ** 2 + (0.1 - mean) ** 2) / (3 - 1); // 0.12 / 9
    expect(r[0]).toBeCloseTo(0.1, 9);
    expect(r[1]).toBeCloseTo(-0.1, 9);
    expect(r[2]).toBeCloseTo(0.1, 9);
    expect(annualisedVolatility([100, 110, 99, 108.9])).toBeCloseTo(Math.sqrt(sampleVariance) * Math.sqrt(252), 9);
    expect(annualisedVolatility([100, 110, 99, 108.9])).toBeCloseTo((Math.sqrt(0.12) / 3) * Math.sqrt(252), 9);
  });

  it('uneven returns, written out', () => {
    // 1 → 1.05 → 1.05 → 0.945: returns 1.05 / 1 − 1 = +5%, 0, 0.945 / 1.05 − 1 = −10%.
    const mean = (0.05 + 0 + -0.1) / 3;
    const variance = ((0.05 - mean) ** 2 + (0 - mean) ** 2 + (-0.1 - mean) ** 2) / 2;
    expect(annualisedVolatility([1, 1.05, 1.05, 0.945])).toBeCloseTo(Math.sqrt(variance) * Math.sqrt(252), 9);
  });

  it('uses 252 trading days a year', () => {
    expect(TRADING_DAYS_PER_YEAR).toBe(252);
  });

  it('takes a typed array as well', () => {
    expect(annualisedVolatility(Float64Array.of(100, 110, 99, 108.9))).toBe(annualisedVolatility([100, 110, 99, 108.9]));
  });

  it('a constant series has no volatility (0, a known figure)', () => {
    expect(annualisedVolatility([5, 5, 5])).toBe(0);
  });

  it('invariant: scaling the series does not change it', () => {
    const levels = [100, 110, 99, 108.9, 120, 101];
    expect(annualisedVolatility(levels.map((l) => l * 3.7))).toBeCloseTo(annualisedVolatility(levels) as number, 9);
  });

  it.each([[[]], [[100]], [[100, 110]]])('is null with fewer than two daily returns (%j)', (levels) => {
    expect(annualisedVolatility(levels)).toBeNull();
  });
});

describe('maxDrawdown', () => {
  const DAYS = days(['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-10']);

  it('[100, 120, 90, 110, 80, 130]: −1/3, from 120 down to 80', () => {
    expect(maxDrawdown(DAYS, [100, 120, 90, 110, 80, 130])).toEqual({
      value: expect.closeTo(80 / 120 - 1, 9),
      peakDay: d('2025-03-04'),
      troughDay: d('2025-03-07'),
    });
  });

  it('a deeper fall from a later, higher peak wins', () => {
    // 100 → 90 is −10%; 150 → 100 is −1/3.
    const out = maxDrawdown(DAYS.slice(0, 4), [100, 90, 150, 100]);
    expect(out?.value).toBeCloseTo(100 / 150 - 1, 9);
    expect(out).toMatchObject({ peakDay: d('2025-03-05'), troughDay: d('2025-03-06') });
  });

  it('an earlier deeper fall is kept after a recovery', () => {
    const out = maxDrawdown(DAYS.slice(0, 4), [100, 50, 200, 180]);
    expect(out?.value).toBeCloseTo(50 / 100 - 1, 9);
    expect(out).toMatchObject({ peakDay: d('2025-03-03'), troughDay: d('2025-03-04') });
  });

  it('0 with null days for a rising (or flat) series', () => {
    expect(maxDrawdown(DAYS.slice(0, 3), [100, 101, 105])).toEqual({ value: 0, peakDay: null, troughDay: null });
    expect(maxDrawdown(DAYS.slice(0, 3), [7, 7, 7])).toEqual({ value: 0, peakDay: null, troughDay: null });
    expect(maxDrawdown(DAYS.slice(0, 1), [1])).toEqual({ value: 0, peakDay: null, troughDay: null });
  });

  it('null for an empty series', () => {
    expect(maxDrawdown([], [])).toBeNull();
  });

  it('takes typed-array columns as well', () => {
    expect(maxDrawdown(Int32Array.from(DAYS), Float64Array.of(100, 120, 90, 110, 80, 130))).toEqual(
      maxDrawdown(DAYS, [100, 120, 90, 110, 80, 130]),
    );
  });

  it('throws when days and levels differ in length', () => {
    expect(() => maxDrawdown(DAYS, [1, 2])).toThrow(RangeError);
  });
});

describe('higherBefore ("highest since")', () => {
  const DAYS = days(['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-10']);

  it.each([
    ['the latest earlier higher value', [100, 120, 90, 110, 80, 105], '2025-03-06'], // 110 > 105
    ['skips lower values back to a higher one', [100, 120, 90, 100, 80, 115], '2025-03-04'], // only 120 > 115
    ['the day before, when it was higher', [100, 120, 90, 110, 130, 125], '2025-03-07'],
    ['a new high: null', [100, 120, 90, 110, 80, 130], null],
    ['equal to the old high is not below it: null', [100, 120, 90, 110, 80, 120], null],
  ])('%s', (_name, levels, expected) => {
    const day = higherBefore(DAYS, levels);
    expect(day === null ? null : fromDayNumber(day)).toBe(expected);
  });

  it('null for a single value or an empty series', () => {
    expect(higherBefore([d('2025-03-07')], [100])).toBeNull();
    expect(higherBefore([], [])).toBeNull();
  });

  it('throws when days and levels differ in length', () => {
    expect(() => higherBefore(DAYS, [1])).toThrow(RangeError);
  });
});

describe('maxDrawdown with a repeated high', () => {
  it('dates the peak at the first day of that high', () => {
    // 100 → 120 → 120 → 90: the fall is 90/120 − 1 from the high first reached on day 2
    const dd = maxDrawdown(days(['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06']), [100, 120, 120, 90]);
    expect(dd?.value).toBeCloseTo(90 / 120 - 1, 9);
    expect(fromDayNumber(dd?.peakDay as number)).toBe('2025-01-02');
    expect(fromDayNumber(dd?.troughDay as number)).toBe('2025-01-06');
  });
});
