import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/domain/calendar.js';
import type { FxSeries } from '../../src/domain/types.js';
import { convertPrices, convertReturn, fxRates } from '../../src/analytics/fx.js';
import { periodReturn } from '../../src/analytics/returns.js';
import { seriesOf } from '../../src/providers/provider.js';

const d = toDayNumber;
const days = (dates: readonly string[]) => Int32Array.from(dates, d);

/** The pair `from` → `to` from a source's series `name` on `dates`; `inverted`: the series quotes `from` per `to`. */
const pair = (from: string, to: string, name: string, dates: readonly string[], close: readonly number[], inverted = false): FxSeries => ({
  from,
  to,
  series: seriesOf(name, inverted ? from : to, dates, close),
  inverted,
});

// USDHKD=X closes (HKD per USD) around the report window: 7.7635 at the 2024 year end, 7.7724 on 7 March 2025; HKD → USD inverts them.
const HKD_USD = pair('HKD', 'USD', 'USDHKD=X', ['2024-12-31', '2025-03-07'], [7.7635, 7.7724], true);
// GBPUSD=X closes (USD per GBP).
const GBP_USD = pair('GBP', 'USD', 'GBPUSD=X', ['2024-12-31', '2025-01-03'], [1.2516, 1.2418]);

describe('fxRates', () => {
  it('takes the closes of a direct series as they are', () => {
    const fx = fxRates('HKD', 'USD', pair('HKD', 'USD', 'HKDUSD=X', ['2024-12-31', '2025-03-07'], [0.12881, 0.12866]));
    expect(fx?.name).toBe('HKDUSD=X');
    expect(fx?.on(d('2024-12-31'))).toBe(0.12881);
    expect(fx?.on(d('2025-03-07'))).toBe(0.12866);
  });

  it('inverts an inverse series: 1 / close', () => {
    const fx = fxRates('HKD', 'USD', HKD_USD);
    expect(fx?.name).toBe('USDHKD=X');
    expect(fx?.on(d('2024-12-31'))).toBe(1 / 7.7635);
    expect(fx?.on(d('2025-03-07'))).toBe(1 / 7.7724);
  });

  it('takes the last close on or before the date; null before the first close', () => {
    const fx = fxRates('HKD', 'USD', HKD_USD);
    expect(fx?.on(d('2025-02-14'))).toBe(1 / 7.7635); // between the two closes: the earlier one
    expect(fx?.on(d('2025-03-10'))).toBe(1 / 7.7724); // after the last close: the last one
    expect(fx?.on(d('2024-12-30'))).toBeNull(); // before the first close: unknown, not 0 or NaN
  });

  it('is the constant 1 for the same currency, whatever series is given', () => {
    for (const fx of [fxRates('USD', 'USD', null), fxRates('USD', 'USD', GBP_USD)]) {
      expect(fx?.name).toBeNull();
      expect(fx?.on(d('1990-01-01'))).toBe(1);
      expect(fx?.on(d('2025-03-07'))).toBe(1);
    }
  });

  it('is null without a series, or with an empty one', () => {
    expect(fxRates('HKD', 'USD', null)).toBeNull();
    expect(fxRates('HKD', 'USD', pair('HKD', 'USD', 'HKDUSD=X', [], []))).toBeNull();
  });
});

describe('convertReturn', () => {
  it('local +10% with the rate going 0.128 → 0.13', () => {
    expect(convertReturn(0.1, 0.128, 0.13)).toBeCloseTo((1 + 0.1) * (0.13 / 0.128) - 1, 9);
  });

  it('an HKD stock from 100 to 142.83, in USD through USDHKD 7.7635 → 7.7724', () => {
    const fx = fxRates('HKD', 'USD', HKD_USD);
    const r = convertReturn(142.83 / 100 - 1, fx?.on(d('2024-12-31')) as number, fx?.on(d('2025-03-07')) as number);
    // HKD weakened a little against USD, so the USD return is a little below the local 42.83%.
    expect(r).toBeCloseTo((142.83 / 100) * (7.7635 / 7.7724) - 1, 9);
  });

  it('unchanged rates leave the return unchanged', () => {
    expect(convertReturn(-0.25, 1.2516, 1.2516)).toBeCloseTo(-0.25, 9);
  });

  it.each([
    [0.1, 0.128, 0.13],
    [-0.4, 1 / 7.7635, 1 / 7.7724],
    [2.5, 1.2516, 1.2418],
  ])('identity: converting %f and converting back gives the local return', (local, fxStart, fxEnd) => {
    const there = convertReturn(local, fxStart, fxEnd);
    // back: the rates of the local currency per unit of the report currency are the reciprocals
    expect(convertReturn(there, 1 / fxStart, 1 / fxEnd)).toBeCloseTo(local, 9);
  });

  it.each([
    [0, 1],
    [1, 0],
    [-0.128, 0.13],
    [Number.NaN, 1],
  ])('throws on a rate that is not positive (%f, %f)', (a, b) => {
    expect(() => convertReturn(0.1, a, b)).toThrow(RangeError);
  });
});

describe('convertPrices', () => {
  it('pounds to USD: price × the rate on or before each date; dates before the first rate dropped', () => {
    const fx = fxRates('GBP', 'USD', GBP_USD);
    const out = convertPrices(days(['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03']), [12.5, 12.62, 12.705, 12.48], fx!);
    expect(Array.from(out.days, fromDayNumber)).toEqual(['2024-12-31', '2025-01-02', '2025-01-03']); // 2024-12-30 is before the first rate
    const expected = [
      12.62 * 1.2516,
      12.705 * 1.2516, // no rate on 2 January: the 31 December one
      12.48 * 1.2418,
    ];
    expect(out.prices).toHaveLength(expected.length);
    expected.forEach((p, i) => expect(out.prices[i]).toBeCloseTo(p, 9));
  });

  it('the same currency leaves the prices as they are', () => {
    const fx = fxRates('USD', 'USD', null);
    const out = convertPrices(days(['2025-01-02', '2025-01-03']), [250.42, 244.6], fx!);
    expect(out).toEqual({ days: days(['2025-01-02', '2025-01-03']), prices: Float64Array.of(250.42, 244.6) });
    expect(out.days).toBeInstanceOf(Int32Array);
    expect(out.prices).toBeInstanceOf(Float64Array);
  });

  it('drops everything when the rates start after the last price', () => {
    const fx = fxRates('HKD', 'USD', HKD_USD);
    expect(convertPrices(days(['2024-12-27', '2024-12-30']), [100, 101], fx!)).toEqual({ days: new Int32Array(0), prices: new Float64Array(0) });
  });

  it('the return of converted prices is the converted return', () => {
    const fx = fxRates('HKD', 'USD', HKD_USD)!;
    const usd = convertPrices(days(['2024-12-31', '2025-03-07']), [100, 142.83], fx);
    const r = periodReturn(usd.days, usd.prices, d('2025-01-01'), d('2025-03-07'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.return).toBeCloseTo((142.83 / 100) * (7.7635 / 7.7724) - 1, 9);
  });
});
