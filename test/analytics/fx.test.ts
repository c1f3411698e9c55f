import { describe, expect, it, vi } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/domain/calendar.js';
import { convertPrices, convertReturn, type FxSeries, fxRates, fxSymbol } from '../../src/analytics/fx.js';
import { periodReturn } from '../../src/analytics/returns.js';

const d = toDayNumber;
const days = (dates: readonly string[]) => Int32Array.from(dates, d);

// USDHKD=X closes (HKD per USD) around the report window: 7.7635 at the 2024 year end, 7.7724 on 7 March 2025.
const USDHKD: FxSeries = { days: days(['2024-12-31', '2025-03-07']), close: [7.7635, 7.7724] };
// GBPUSD=X closes (USD per GBP).
const GBPUSD: FxSeries = { days: days(['2024-12-31', '2025-01-03']), close: [1.2516, 1.2418] };

const lookup =
  (table: Record<string, FxSeries>) =>
  (symbol: string): FxSeries | undefined =>
    table[symbol];

describe('fxSymbol', () => {
  it('is the price of one base in quote, Yahoo style', () => {
    expect(fxSymbol('HKD', 'USD')).toBe('HKDUSD=X');
    expect(fxSymbol('USD', 'HKD')).toBe('USDHKD=X');
  });
});

describe('fxRates', () => {
  it('uses the direct series when present', () => {
    const fx = fxRates('HKD', 'USD', lookup({ 'HKDUSD=X': { days: days(['2024-12-31', '2025-03-07']), close: [0.12881, 0.12866] } }));
    expect(fx).not.toBeNull();
    expect(fx?.symbol).toBe('HKDUSD=X');
    expect(fx?.inverted).toBe(false);
    expect(fx?.on(d('2024-12-31'))).toBeCloseTo(0.12881, 9);
    expect(fx?.on(d('2025-03-07'))).toBeCloseTo(0.12866, 9);
  });

  it('prefers the direct series over the inverse when both are present', () => {
    const fx = fxRates('HKD', 'USD', lookup({ 'HKDUSD=X': { days: days(['2025-03-07']), close: [0.12866] }, 'USDHKD=X': USDHKD }));
    expect(fx?.symbol).toBe('HKDUSD=X');
    expect(fx?.on(d('2025-03-07'))).toBeCloseTo(0.12866, 9);
  });

  it('inverts the other series when only it is present: 1 / close', () => {
    const fx = fxRates('HKD', 'USD', lookup({ 'USDHKD=X': USDHKD }));
    expect(fx?.symbol).toBe('USDHKD=X');
    expect(fx?.inverted).toBe(true);
    expect(fx?.on(d('2024-12-31'))).toBeCloseTo(1 / 7.7635, 9);
    expect(fx?.on(d('2025-03-07'))).toBeCloseTo(1 / 7.7724, 9);
  });

  it('takes the last close on or before the date; null before the first close', () => {
    const fx = fxRates('HKD', 'USD', lookup({ 'USDHKD=X': USDHKD }));
    expect(fx?.on(d('2025-02-14'))).toBeCloseTo(1 / 7.7635, 9); // between the two closes: the earlier one
    expect(fx?.on(d('2025-03-10'))).toBeCloseTo(1 / 7.7724, 9); // after the last close: the last one
    expect(fx?.on(d('2024-12-30'))).toBeNull(); // before the first close: unknown, not 0 or NaN
  });

  it('is the constant 1 for the same currency, without looking up a series', () => {
    const series = vi.fn((_symbol: string): FxSeries | undefined => undefined);
    const fx = fxRates('USD', 'USD', series);
    expect(fx).toMatchObject({ symbol: null, inverted: false });
    expect(fx?.on(d('1990-01-01'))).toBe(1);
    expect(fx?.on(d('2025-03-07'))).toBe(1);
    expect(series).not.toHaveBeenCalled();
  });

  it('is null when neither series exists, or both are empty', () => {
    expect(fxRates('HKD', 'USD', () => undefined)).toBeNull();
    expect(fxRates('HKD', 'USD', () => ({ days: days([]), close: [] }))).toBeNull();
  });

  it('skips an empty direct series for a non-empty inverse one', () => {
    const fx = fxRates('HKD', 'USD', lookup({ 'HKDUSD=X': { days: days([]), close: [] }, 'USDHKD=X': USDHKD }));
    expect(fx?.symbol).toBe('USDHKD=X');
    expect(fx?.on(d('2025-03-07'))).toBeCloseTo(1 / 7.7724, 9);
  });
});

describe('convertReturn', () => {
  it('local +10% with the rate going 0.128 → 0.13', () => {
    expect(convertReturn(0.1, 0.128, 0.13)).toBeCloseTo((1 + 0.1) * (0.13 / 0.128) - 1, 9);
  });

  it('an HKD stock from 100 to 142.83, in USD through USDHKD 7.7635 → 7.7724', () => {
    const fx = fxRates('HKD', 'USD', lookup({ 'USDHKD=X': USDHKD }));
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
    const fx = fxRates('GBP', 'USD', lookup({ 'GBPUSD=X': GBPUSD }));
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
    const fx = fxRates('USD', 'USD', () => undefined);
    const out = convertPrices(days(['2025-01-02', '2025-01-03']), [250.42, 244.6], fx!);
    expect(out).toEqual({ days: days(['2025-01-02', '2025-01-03']), prices: Float64Array.of(250.42, 244.6) });
    expect(out.days).toBeInstanceOf(Int32Array);
    expect(out.prices).toBeInstanceOf(Float64Array);
  });

  it('drops everything when the rates start after the last price', () => {
    const fx = fxRates('HKD', 'USD', lookup({ 'USDHKD=X': USDHKD }));
    expect(convertPrices(days(['2024-12-27', '2024-12-30']), [100, 101], fx!)).toEqual({ days: new Int32Array(0), prices: new Float64Array(0) });
  });

  it('the return of converted prices is the converted return', () => {
    const fx = fxRates('HKD', 'USD', lookup({ 'USDHKD=X': USDHKD }))!;
    const usd = convertPrices(days(['2024-12-31', '2025-03-07']), [100, 142.83], fx);
    const r = periodReturn(usd.days, usd.prices, d('2025-01-01'), d('2025-03-07'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.return).toBeCloseTo((142.83 / 100) * (7.7635 / 7.7724) - 1, 9);
  });
});
