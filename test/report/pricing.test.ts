/**
 * One symbol priced over a window (src/report/pricing.ts), on small named
 * series: the basis chosen, recorded splits that still show, conversion with
 * the FX pair the report is given, and each reason a symbol cannot be priced.
 */
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/domain/calendar.js';
import { quoteOf } from '../../src/domain/quote.js';
import type { FxPair, PriceSeries, Quote } from '../../src/domain/types.js';
import { seriesOf } from '../../src/providers/provider.js';
import { isFailure, prepareSeries, priceOver, spanOf, type PreparedSeries, type PricingInput } from '../../src/report/pricing.js';

const D = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03'];
/** An HKD stock: closes 100 → 110 → 121 → 133.1, adjusted closes 10% below until 2025-01-02. */
const HK = seriesOf('0700.HK', 'HKD', D, [100, 110, 121, 133.1], [90, 99, 121, 133.1]);
/** USDHKD=X (HKD per USD) from 2024-12-31: HKD → USD is its inverse. */
const USDHKD = seriesOf('USDHKD=X', 'HKD', D.slice(1), [7.8, 7.75, 7.7]);
const HKD_USD: FxPair = { names: ['HKDUSD=X', 'USDHKD=X'], rates: { from: 'HKD', to: 'USD', series: USDHKD, inverted: true } };

function input(history: PriceSeries[], over: Partial<PricingInput> = {}, quotes: Quote[] = []): PricingInput {
  return {
    history: new Map(history.map((s) => [s.symbol, s])),
    quotes: new Map(quotes.map((q) => [q.symbol, q])),
    priceBasis: 'adjusted',
    currency: null,
    fx: new Map(),
    ...over,
  };
}

/** `prepareSeries` where it must succeed. */
function prepared(symbol: string, pricing: PricingInput): PreparedSeries {
  const s = prepareSeries(symbol, pricing);
  if (s === null || isFailure(s)) throw new Error(`${symbol} was not prepared: ${JSON.stringify(s)}`);
  return s;
}

const dates = (days: ArrayLike<number>) => Array.from(days, fromDayNumber);

describe('prepareSeries', () => {
  it('is null for a symbol without history (the provider has said why)', () => {
    expect(prepareSeries('NONE', input([HK]))).toBeNull();
  });

  it.each([
    ['adjusted', [90, 99, 121, 133.1]],
    ['close', [100, 110, 121, 133.1]],
  ] as const)('on the %s basis prices the matching closes; raw closes are always the unadjusted ones', (priceBasis, prices) => {
    const s = prepared('0700.HK', input([HK], { priceBasis }));
    expect([...s.prices]).toEqual(prices);
    expect([...s.raw]).toEqual([100, 110, 121, 133.1]);
    // without a report currency: no rates, and the level series is the prices themselves
    expect(s.fx).toBeNull();
    expect(s.converted).toEqual({ days: HK.days, prices: s.prices });
  });

  it("takes the quote's currency over the series', and an empty one as unknown", () => {
    expect(prepared('0700.HK', input([HK], {}, [quoteOf('0700.HK', { currency: 'CNY' })])).currency).toBe('CNY');
    expect(prepared('0700.HK', input([HK], {}, [quoteOf('0700.HK')])).currency).toBe('HKD');
    expect(prepared('0700.HK', input([seriesOf('0700.HK', '', D, [1, 2, 3, 4])])).currency).toBeNull();
  });

  it('adjusts for a recorded split the closes still show, in the prices and the raw closes, and says which', () => {
    // 4-for-1 on 2025-01-02: the close falls from 400 to 101
    const split = { day: toDayNumber('2025-01-02'), ratio: 4 };
    const s = prepared('X', input([{ ...seriesOf('X', 'USD', D, [396, 400, 101, 102]), splits: [split] }]));
    expect([...s.prices]).toEqual([99, 100, 101, 102]);
    expect([...s.raw]).toEqual([99, 100, 101, 102]);
    expect(s.splits).toEqual([split]);
    expect(s.splitsApplied).toEqual([split]);
  });

  it('leaves alone a recorded split the closes already account for', () => {
    const split = { day: toDayNumber('2025-01-02'), ratio: 4 };
    const s = prepared('X', input([{ ...seriesOf('X', 'USD', D, [99, 100, 101, 102]), splits: [split] }]));
    expect([...s.prices]).toEqual([99, 100, 101, 102]);
    expect(s.splitsApplied).toEqual([]);
  });

  it('converts into the report currency with the pair it is given: price × 1 / USDHKD on or before each day, days before the first rate dropped', () => {
    const s = prepared('0700.HK', input([HK], { currency: 'USD', fx: new Map([['HKD', HKD_USD]]) }));
    expect(s.fx?.name).toBe('USDHKD=X');
    expect(dates(s.converted.days)).toEqual(D.slice(1));
    expect(Array.from(s.converted.prices)).toEqual([99 * (1 / 7.8), 121 * (1 / 7.75), 133.1 * (1 / 7.7)]);
    // the prices themselves stay in HKD
    expect(s.currency).toBe('HKD');
    expect([...s.prices]).toEqual([90, 99, 121, 133.1]);
  });

  it('needs no pair for a symbol already in the report currency: the rate is 1', () => {
    const s = prepared('0700.HK', input([HK], { currency: 'HKD' }));
    expect(s.fx?.name).toBeNull();
    expect(Array.from(s.converted.prices)).toEqual([90, 99, 121, 133.1]);
  });

  it('says why a symbol cannot be converted: an unknown currency, or no rates either way round', () => {
    expect(prepareSeries('X', input([seriesOf('X', null, D, [1, 2, 3, 4])], { currency: 'USD' }))).toEqual({
      code: 'no-currency',
      message: 'its currency is unknown, so it cannot be converted into USD: left out',
    });
    const none: FxPair = { names: ['HKDUSD=X', 'USDHKD=X'], rates: null };
    expect(prepareSeries('0700.HK', input([HK], { currency: 'USD', fx: new Map([['HKD', none]]) }))).toEqual({
      code: 'no-fx',
      message: 'no HKDUSD=X or USDHKD=X rates to convert HKD into USD: left out',
    });
    // a currency no pair was asked for names no series
    expect(prepareSeries('0700.HK', input([HK], { currency: 'USD' }))).toEqual({ code: 'no-fx', message: 'no rates to convert HKD into USD: left out' });
  });
});

describe('priceOver', () => {
  const local = prepared('0700.HK', input([HK]));
  const inUsd = prepared('0700.HK', input([HK], { currency: 'USD', fx: new Map([['HKD', HKD_USD]]) }));

  it('starts at the last close before the window and ends at the last close on or before the as-of date', () => {
    const p = priceOver(local, spanOf('2025-01-01', '2025-01-03'), '');
    expect(p).toEqual({
      startDate: '2024-12-31',
      startPrice: 99,
      endDate: '2025-01-03',
      endPrice: 133.1,
      rawStart: 110,
      rawEnd: 133.1,
      localReturn: 133.1 / 99 - 1,
      return: 133.1 / 99 - 1,
      fxStart: 1,
      fxEnd: 1,
      fxReturn: null,
    });
  });

  it('in the report currency: (1 + local) × (fxEnd / fxStart) − 1 with the rates of the start and end days', () => {
    const p = priceOver(inUsd, spanOf('2025-01-01', '2025-01-03'), '');
    if (isFailure(p)) throw new Error(p.message);
    expect(p.localReturn).toBe(133.1 / 99 - 1);
    expect([p.fxStart, p.fxEnd]).toEqual([1 / 7.8, 1 / 7.7]);
    expect(p.fxReturn).toBe(1 / 7.7 / (1 / 7.8) - 1);
    expect(p.return).toBeCloseTo((133.1 / 99) * (7.8 / 7.7) - 1, 12);
  });

  it.each([
    ['2024-12-30', '2025-01-03', { code: 'no-start-price', message: 'no close before 2024-12-30 (1w): left out' }],
    ['2025-01-04', '2025-01-05', { code: 'no-end-price', message: 'no close from 2025-01-04 to 2025-01-05 (1w): left out' }],
  ])('from %s to %s fails, naming the window', (from, asOf, failure) => {
    expect(priceOver(local, spanOf(from, asOf), ' (1w)')).toEqual(failure);
  });

  it('fails when the rates start after the start close', () => {
    // the start close is 2024-12-30's; USDHKD=X starts the next day
    expect(priceOver(inUsd, spanOf('2024-12-31', '2025-01-03'), '')).toEqual({ code: 'no-fx', message: 'no USDHKD=X rate on or before 2024-12-30: left out' });
  });

  it('fails, as bad data, on closes whose ratio overflows', () => {
    const tiny = prepared('X', input([seriesOf('X', 'USD', ['2024-12-31', '2025-01-02'], [5e-324, 1e308])]));
    expect(priceOver(tiny, spanOf('2025-01-01', '2025-01-02'), '')).toEqual({
      code: 'bad-data',
      message: 'closes 5e-324 on 2024-12-31 and 1e+308 on 2025-01-02 give no finite return: left out',
    });
  });
});

describe('isFailure', () => {
  it('tells a failure from a result, and from nothing', () => {
    expect(isFailure({ code: 'no-fx', message: 'x' })).toBe(true);
    expect(isFailure(prepared('0700.HK', input([HK])))).toBe(false);
    expect(isFailure(null)).toBe(false);
    expect(isFailure(undefined)).toBe(false);
  });
});
