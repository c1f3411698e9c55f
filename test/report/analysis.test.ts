/**
 * The report's deeper figures (currency, market value, weights, rebalancing,
 * periods, valuation methods, benchmarks, risk) on small hand-made series,
 * every expected value written out as arithmetic.
 */
import { describe, expect, it } from 'vitest';
import type { BasketDef } from '../../src/config/basket.js';
import { quoteOf } from '../../src/domain/quote.js';
import type { PriceSeries, Quote } from '../../src/domain/types.js';
import { toDayNumber } from '../../src/domain/calendar.js';
import { buildReport, DEFAULT_OPTIONS, type ReportInput, type ReportOptions } from '../../src/report/build.js';
import { seriesOf } from '../../src/providers/provider.js';
import { fxPairsFrom, withoutFx } from '../helpers/fx-pairs.js';

const series = (symbol: string, currency: string | null, dates: string[], close: number[], adjClose = close): PriceSeries =>
  seriesOf(symbol, currency, dates, close, adjClose);
const quote = (symbol: string, q: Partial<Quote> = {}): Quote => quoteOf(symbol, q);
const basket = (id: string, symbols: string[], extra: Partial<BasketDef> = {}): BasketDef => ({
  id,
  name: id,
  symbols,
  weights: null,
  benchmarks: [],
  source: 'preset',
  ...extra,
});

// Tue 31 Dec 2024 (base), Thu 2 Jan … Fri 31 Jan 2025, Mon 3 Feb, Tue 4 Feb
const D = ['2024-12-31', '2025-01-02', '2025-01-31', '2025-02-03', '2025-02-04'];

function input(baskets: BasketDef[], history: PriceSeries[], quotes: Quote[], options: Partial<ReportOptions> = {}, over: Partial<ReportInput> = {}): ReportInput {
  return {
    baskets,
    history: new Map(withoutFx(history).map((s) => [s.symbol, s])),
    fx: fxPairsFrom(history, options.currency ?? null),
    quotes: new Map(quotes.map((q) => [q.symbol, [q]])),
    providerIssues: [],
    from: '2025-01-01',
    asOf: '2025-02-04',
    priceBasis: 'adjusted',
    dataSource: 'test',
    // these hand series move far more in a day than real prices (and have long gaps):
    // the bad-series checks are tested on their own, below
    options: { ...DEFAULT_OPTIONS, maxDailyMove: 10, maxGapDays: 400, ...options },
    ...over,
  };
}

describe('currency', () => {
  // An HKD stock 100 → 120; only USDHKD=X (HKD per USD) is there, so HKD→USD = 1 / USDHKD.
  const hk = series('0700.HK', 'HKD', ['2024-12-31', '2025-02-04'], [100, 120]);
  const usdhkd = series('USDHKD=X', 'HKD', ['2024-12-31', '2025-02-04'], [7.7635, 7.7724]);
  const us = series('AAPL', 'USD', ['2024-12-31', '2025-02-04'], [250, 225]);

  it('converts a member return: (1 + local) × (fxEnd / fxStart) − 1, inverting USDHKD=X', () => {
    const r = buildReport(input([basket('mix', ['0700.HK', 'AAPL'])], [hk, usdhkd, us], [], { currency: 'USD' }));
    const [tencent, apple] = r.baskets[0]?.members ?? [];
    const fxStart = 1 / 7.7635; // USD per HKD
    const fxEnd = 1 / 7.7724;
    expect(tencent?.localReturn).toBeCloseTo(120 / 100 - 1, 9);
    expect(tencent?.fxReturn).toBeCloseTo(fxEnd / fxStart - 1, 9); // 7.7635 / 7.7724 − 1 ≈ −0.00115
    expect(tencent?.return).toBeCloseTo((1 + 0.2) * (fxEnd / fxStart) - 1, 9);
    expect(apple?.return).toBeCloseTo(225 / 250 - 1, 9); // USD in USD: rate 1
    expect(apple?.fxReturn).toBe(0);
    expect(r.baskets[0]?.return).toBeCloseTo(((1 + 0.2) * (7.7635 / 7.7724) - 1 + (225 / 250 - 1)) / 2, 9);
    expect(r.currency).toBe('USD');
    expect(r.baskets[0]?.currency).toBe('USD');
  });

  it('uses the direct pair when present', () => {
    const hkdusd = series('HKDUSD=X', 'USD', ['2024-12-31', '2025-02-04'], [0.128, 0.13]);
    const r = buildReport(input([basket('hk', ['0700.HK'])], [hk, hkdusd, usdhkd], [], { currency: 'USD' }));
    expect(r.baskets[0]?.members[0]?.return).toBeCloseTo((1 + 0.2) * (0.13 / 0.128) - 1, 9);
  });

  it('without --currency each member stays in its own currency, with no FX return', () => {
    const r = buildReport(input([basket('hk', ['0700.HK'])], [hk], []));
    expect(r.currency).toBeNull();
    expect(r.baskets[0]?.members[0]).toMatchObject({ currency: 'HKD', fxReturn: null });
    expect(r.baskets[0]?.members[0]?.return).toBeCloseTo(0.2, 9);
  });

  it('leaves out, and says so, a member whose currency has no FX series or is unknown', () => {
    const eu = series('SAP.DE', 'EUR', ['2024-12-31', '2025-02-04'], [200, 210]);
    const unknown = series('ZZZ', null, ['2024-12-31', '2025-02-04'], [1, 2]);
    const r = buildReport(input([basket('b', ['SAP.DE', 'ZZZ', 'AAPL'])], [eu, unknown, us], [], { currency: 'USD' }));
    expect(r.baskets[0]?.members.map((m) => m.included)).toEqual([false, false, true]);
    expect(r.baskets[0]?.return).toBeCloseTo(225 / 250 - 1, 9);
    expect(r.issues.map((i) => [i.symbol, i.code])).toEqual(expect.arrayContaining([['SAP.DE', 'no-fx'], ['ZZZ', 'no-currency']]));
  });

  it('converts pounds (as providers give pence) with GBPUSD=X rates, market values at the end rate', () => {
    const lse = series('VOD.L', 'GBP', ['2024-12-31', '2025-02-04'], [0.68, 0.7]);
    const gbpusd = series('GBPUSD=X', 'USD', ['2024-12-31', '2025-02-04'], [1.25, 1.24]);
    const r = buildReport(input([basket('uk', ['VOD.L'])], [lse, gbpusd], [quote('VOD.L', { currency: 'GBP', marketCap: 1.8e10 })], { currency: 'USD' }));
    const m = r.baskets[0]?.members[0];
    expect(m).toMatchObject({ currency: 'GBP', startPrice: 0.68 });
    expect(m?.return).toBeCloseTo((0.7 / 0.68) * (1.24 / 1.25) - 1, 9);
    expect(m?.marketValueEnd).toBeCloseTo(1.8e10 * 1.24, 0);
  });
});

describe('market value', () => {
  const a = series('A', 'USD', ['2024-12-31', '2025-02-04'], [100, 110], [98, 110]);
  const b = series('B', 'USD', ['2024-12-31', '2025-02-04'], [50, 40]);
  const c = series('C', 'USD', ['2024-12-31', '2025-02-04'], [10, 12]);
  const quotes = [quote('A', { currency: 'USD', marketCap: 2.2e12 }), quote('B', { currency: 'USD', marketCap: 8e11 }), quote('C', { currency: 'USD' })];

  it('holds shares constant: start = cap × raw start / raw end, summed over members with a cap', () => {
    const r = buildReport(input([basket('abc', ['A', 'B', 'C'])], [a, b, c], quotes));
    const [ma, mb, mc] = r.baskets[0]?.members ?? [];
    // raw closes, not adjusted: A's 98 → 110 adjusted is a total return, its shares were worth 100 → 110
    expect(ma?.marketValueStart).toBeCloseTo(2.2e12 * (100 / 110), 0);
    expect(ma?.marketValueEnd).toBe(2.2e12);
    expect(ma?.marketValueChange).toBeCloseTo(2.2e12 - 2.2e12 * (100 / 110), 0); // +200 bn
    expect(mb?.marketValueChange).toBeCloseTo(8e11 - 8e11 * (50 / 40), 0); // −200 bn
    expect(mc?.marketValueChange).toBeNull();
    expect(r.baskets[0]?.marketValueChange).toBeCloseTo(2.2e12 - 2e12 + (8e11 - 1e12), 0); // 0
    expect(r.baskets[0]?.marketValueCoverage).toEqual({ included: 2, total: 3 });
  });

  it('does not add up money in different currencies without --currency, and says so', () => {
    const hk = series('H', 'HKD', ['2024-12-31', '2025-02-04'], [10, 11]);
    const r = buildReport(input([basket('x', ['A', 'H'])], [a, hk], [quotes[0] as Quote, quote('H', { currency: 'HKD', marketCap: 1e12 })]));
    expect(r.baskets[0]?.currency).toBeNull();
    expect(r.baskets[0]?.marketValueChange).toBeNull();
    expect(r.baskets[0]?.members[1]?.marketValueChange).toBeCloseTo(1e12 - 1e12 * (10 / 11), 0); // in HKD, its own
    expect(r.issues.some((i) => i.code === 'mixed-currencies' && i.basket === 'x')).toBe(true);
  });

  it('cap weights are proportional to start market values, and a member without a cap is left out and named', () => {
    const r = buildReport(input([basket('abc', ['A', 'B', 'C'])], [a, b, c], quotes, { weights: 'cap' }));
    const startA = 2.2e12 * (100 / 110); // 2.0e12
    const startB = 8e11 * (50 / 40); // 1.0e12
    const [ma, mb, mc] = r.baskets[0]?.members ?? [];
    expect(ma?.weight).toBeCloseTo(startA / (startA + startB), 9); // 2/3
    expect(mb?.weight).toBeCloseTo(startB / (startA + startB), 9); // 1/3
    expect(mc?.weight).toBeNull();
    expect(mc?.included).toBe(false);
    expect(r.baskets[0]?.return).toBeCloseTo((2 / 3) * (110 / 98 - 1) + (1 / 3) * (40 / 50 - 1), 9);
    expect(r.baskets[0]?.membersWithData).toEqual({ included: 2, total: 3 });
    expect(r.issues).toContainEqual(expect.objectContaining({ basket: 'abc', code: 'no-market-value', message: expect.stringContaining('C') }));
  });
});

describe('weights and rebalancing', () => {
  // two members over a month end: X 10 → 20 (Jan) → 10 (Feb); Y 10 → 10 → 10
  const x = series('X', 'USD', D, [10, 10, 20, 15, 10]);
  const y = series('Y', 'USD', D, [10, 10, 10, 10, 10]);

  it('buy-and-hold: contributions are weight × return and best/worst are named', () => {
    const r = buildReport(input([basket('xy', ['X', 'Y'])], [x, y], []));
    const b = r.baskets[0];
    expect(b?.return).toBeCloseTo(0.5 * (10 / 10 - 1) + 0.5 * (10 / 10 - 1), 9); // 0
    expect(b?.members.map((m) => m.contribution)).toEqual([0, 0]);
    expect(r.method).toEqual({ weights: 'equal', rebalance: 'none', peMethod: 'harmonic', negativePE: 'exclude', peAt: 'quote-date', pointInTime: 'flag', maxQuoteAgeDays: 31, suspectSplits: 'flag' });
  });

  it('monthly rebalancing resets to equal weights at the close of 31 January', () => {
    const r = buildReport(input([basket('xy', ['X', 'Y'])], [x, y], [], { rebalance: 'monthly' }));
    // at 31 Jan: X is worth 0.5 × 20/10 = 1.0, Y 0.5: level 1.5; reset to 0.75 each
    // X then falls 20 → 10 (×0.5), Y flat: 0.75 × 0.5 + 0.75 = 1.125
    const level = 0.75 * (10 / 20) + 0.75 * (10 / 10);
    expect(r.baskets[0]?.return).toBeCloseTo(level - 1, 9);
    // X gained 0.5 in January, then lost 0.375: contribution 0.125; Y nothing
    expect(r.baskets[0]?.members[0]?.contribution).toBeCloseTo(0.5 * (20 / 10 - 1) + 0.75 * (10 / 20 - 1), 9);
    expect(r.baskets[0]?.members[1]?.contribution).toBeCloseTo(0, 9);
    expect(r.method.rebalance).toBe('monthly');
  });

  it('config weights are used as given, and rescaled over the members with data', () => {
    const z = series('Z', 'USD', ['2025-01-02'], [5]); // no close before the start
    const def = basket('w', ['X', 'Y', 'Z'], { weights: [0.6, 0.2, 0.2] });
    const r = buildReport(input([def], [x, y, z], [], { weights: 'config' }));
    expect(r.baskets[0]?.members.map((m) => m.weight)).toEqual([0.6 / 0.8, 0.2 / 0.8, null]);
    expect(r.baskets[0]?.return).toBeCloseTo((0.6 / 0.8) * 0 + (0.2 / 0.8) * 0, 9);
  });

  it('--weights all lists every method side by side; quarterly equals buy-and-hold inside one quarter', () => {
    const r = buildReport(input([basket('xy', ['X', 'Y'], { weights: [0.5, 0.5] })], [x, y], [], { compareMethods: true }));
    const alts = r.baskets[0]?.alternatives ?? [];
    expect(alts.map((a) => `${a.weights}/${a.rebalance}`)).toEqual([
      'equal/none',
      'equal/daily',
      'equal/weekly',
      'equal/monthly',
      'equal/quarterly',
      'cap/none',
      'config/none',
    ]);
    expect(alts.find((a) => a.rebalance === 'monthly')?.return).toBeCloseTo(0.125, 9);
    expect(alts.find((a) => a.rebalance === 'quarterly')?.return).toBeCloseTo(alts[0]?.return as number, 12);
    expect(alts.find((a) => a.weights === 'cap')).toMatchObject({ return: null, coverage: { included: 0, total: 2 } });
    expect(r.method.weights).toBe('all');
  });
});

describe('periods', () => {
  const dates = ['2024-02-02', '2024-12-31', '2025-01-27', '2025-01-28', '2025-02-03', '2025-02-04'];
  const a = series('A', 'USD', dates, [50, 100, 110, 120, 125, 130]);

  it('starts each period at the last close on or before as-of minus the period; ytd at the last close of the year before', () => {
    const r = buildReport(input([basket('a', ['A'])], [a], [], { periods: ['1d', '1w', 'ytd', '1y'] }));
    const m = r.baskets[0]?.members[0];
    expect(m?.periods).toEqual([
      { period: '1d', startDate: '2025-02-03', return: expect.closeTo(130 / 125 - 1, 9) },
      { period: '1w', startDate: '2025-01-28', return: expect.closeTo(130 / 120 - 1, 9) }, // 4 Feb − 7 days = 28 Jan
      { period: 'ytd', startDate: '2024-12-31', return: expect.closeTo(130 / 100 - 1, 9) },
      { period: '1y', startDate: '2024-02-02', return: expect.closeTo(130 / 50 - 1, 9) }, // last close on or before 2024-02-04
    ]);
    expect(r.baskets[0]?.periods.map((p) => p.return)).toEqual(m?.periods.map((p) => p.return));
  });

  it('a period reaching before the data is unknown, and noted', () => {
    const r = buildReport(input([basket('a', ['A'])], [a], [], { periods: ['3y'] }));
    expect(r.baskets[0]?.periods).toEqual([{ period: '3y', startDate: null, return: null }]);
    expect(r.issues.some((i) => i.basket === 'a' && i.message.startsWith('3y:'))).toBe(true);
  });
});

describe('benchmark and risk', () => {
  const a = series('A', 'USD', ['2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06'], [100, 120, 90, 110]);
  const ix = series('^IX', 'USD', ['2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06'], [1000, 1010, 1020, 990]);

  it('gives the benchmark its own return, the excess return, and risk on the daily level', () => {
    const r = buildReport(input([basket('a', ['A'], { benchmarks: ['^IX'] })], [a, ix], [], {}, { asOf: '2025-01-06' }));
    const b = r.baskets[0];
    expect(b?.benchmarkResult?.return).toBeCloseTo(990 / 1000 - 1, 9);
    expect(b?.benchmarkResult?.excessReturn).toBeCloseTo(110 / 100 - 1 - (990 / 1000 - 1), 9); // 0.1 + 0.01
    // levels 1, 1.2, 0.9, 1.1: daily returns 0.2, −0.25, 0.2222…
    const d = [1.2 / 1 - 1, 0.9 / 1.2 - 1, 1.1 / 0.9 - 1];
    const mean = (d[0]! + d[1]! + d[2]!) / 3;
    const sd = Math.sqrt(((d[0]! - mean) ** 2 + (d[1]! - mean) ** 2 + (d[2]! - mean) ** 2) / 2);
    expect(b?.risk?.volatility).toBeCloseTo(sd * Math.sqrt(252), 9);
    expect(b?.risk?.maxDrawdown).toBeCloseTo(0.9 / 1.2 - 1, 9); // −25%
    expect(b?.risk).toMatchObject({ drawdownPeak: '2025-01-02', drawdownTrough: '2025-01-03', highestSince: '2025-01-02' });
    expect(b?.benchmarkResult?.risk?.maxDrawdown).toBeCloseTo(990 / 1020 - 1, 9);
    expect(b?.benchmarkResult?.risk?.highestSince).toBe('2025-01-03');
  });

  it('a benchmark with no data shows unknowns, and the provider note stands', () => {
    const r = buildReport(
      input([basket('a', ['A'], { benchmarks: ['HSTECH.HK'] })], [a], [], {}, {
        asOf: '2025-01-06',
        providerIssues: [{ symbol: 'HSTECH.HK', code: 'no-data', message: 'no data' }],
      }),
    );
    expect(r.baskets[0]?.benchmarkResult).toMatchObject({ symbol: 'HSTECH.HK', return: null, excessReturn: null, risk: null });
  });

  it('the spread between two baskets is the difference of their returns', () => {
    const r = buildReport(input([basket('a', ['A']), basket('i', ['^IX'])], [a, ix], [], {}, { asOf: '2025-01-06' }));
    expect(r.comparison?.returnSpread).toBeCloseTo(110 / 100 - 1 - (990 / 1000 - 1), 9);
  });
});

describe('valuation methods', () => {
  const flat = (s: string) => series(s, 'USD', ['2024-12-31', '2025-02-04'], [10, 10]);
  const quotes = [
    quote('P', { currency: 'USD', forwardPE: 10, trailingPE: 12, marketCap: 300 }),
    quote('Q', { currency: 'USD', forwardPE: 20, trailingPE: 25, marketCap: 100 }),
    quote('L', { currency: 'USD', forwardPE: -40, trailingPE: -8, marketCap: 100 }),
  ];
  const run = (options: Partial<ReportOptions>) => buildReport(input([basket('a', ['P', 'Q', 'L']), basket('b', ['Q'])], ['P', 'Q', 'L'].map(flat), quotes, options));

  it('computes every method, with losses excluded by default', () => {
    const b = run({ comparePEMethods: true }).baskets[0];
    expect(b?.forwardPEs.harmonic).toBeCloseTo(2 / (1 / 10 + 1 / 20), 9); // 13.33
    expect(b?.forwardPEs.median).toBeCloseTo((10 + 20) / 2, 9);
    expect(b?.forwardPEs.mean).toBeCloseTo((10 + 20) / 2, 9);
    expect(b?.forwardPEs.aggregate).toBeCloseTo((300 + 100) / (300 / 10 + 100 / 20), 9); // 11.43
    expect(b?.trailingPEs.harmonic).toBeCloseTo(2 / (1 / 12 + 1 / 25), 9);
    expect(b?.peCoverage).toEqual({ included: 2, total: 3 });
    expect(b?.earningsYield).toBeCloseTo((1 / 10 + 1 / 20) / 2, 9);
  });

  it('include counts the losses in the earnings; a basket whose earnings are ≤ 0 is n/m', () => {
    const r = run({ negativePE: 'include', peMethod: 'aggregate' });
    const b = r.baskets[0];
    expect(b?.forwardPEs.harmonic).toBeCloseTo(3 / (1 / 10 + 1 / 20 - 1 / 40), 9); // 24
    expect(b?.forwardPE).toBeCloseTo((300 + 100 + 100) / (300 / 10 + 100 / 20 - 100 / 40), 9); // 500 / 32.5
    expect(b?.forwardPEStatus).toBe('ok');
    expect(b?.forwardPEs.mean).toBeNull(); // a mean with a loss in it means nothing
    // trailing: 300/12 + 100/25 − 100/8 = 25 + 4 − 12.5 > 0; harmonic: 1/12 + 1/25 − 1/8 < 0 → n/m
    expect(b?.trailingPEs.harmonic).toBeNull();
    expect(b?.valuation.find((v) => v.basis === 'trailing' && v.method === 'harmonic')).toMatchObject({
      status: 'not-meaningful',
      earningsYield: expect.closeTo((1 / 12 + 1 / 25 - 1 / 8) / 3, 9),
    });
    expect(r.issues.some((i) => i.code === 'non-positive-forward-pe')).toBe(false);
  });

  it('gives the discount under every method', () => {
    const r = run({ comparePEMethods: true });
    expect(r.comparison?.discounts.harmonic).toBeCloseTo(1 - 2 / (1 / 10 + 1 / 20) / 20, 9);
    expect(r.comparison?.discounts.aggregate).toBeCloseTo(1 - 400 / (300 / 10 + 100 / 20) / 20, 9);
    expect(r.comparison?.discount).toBe(r.comparison?.discounts.harmonic);
    expect(r.method.peMethod).toBe('all');
  });

  it('flags a forward P/E that looks currency-mismatched and leaves it out', () => {
    const baba = quote('BABA', { currency: 'USD', financialCurrency: 'CNY', forwardPE: 1.9551755 });
    const r = buildReport(input([basket('c', ['BABA', 'P'])], [flat('BABA'), flat('P')], [baba, quotes[0] as Quote]));
    expect(r.baskets[0]?.members[0]?.forwardPE).toBeNull();
    expect(r.baskets[0]?.forwardPE).toBe(10);
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'BABA', code: 'suspect-forward-pe', message: expect.stringContaining('1.9551755') }));
  });

  it('invariant: with equal P/Es and market values everywhere, every method agrees', () => {
    const same = ['P', 'Q', 'L'].map((s) => quote(s, { currency: 'USD', forwardPE: 18, marketCap: 5 }));
    const r = buildReport(input([basket('s', ['P', 'Q', 'L'])], ['P', 'Q', 'L'].map(flat), same));
    for (const v of Object.values(r.baskets[0]?.forwardPEs ?? {})) expect(v).toBeCloseTo(18, 9);
  });
});

describe('bad series', () => {
  // BYD's real closes around its 3-for-1 split of 2025-06-10, pre-split closes ×3 as an unadjusted source would give them
  const dates = ['2025-06-06', '2025-06-09', '2025-06-10', '2025-06-11'];
  const raw = series('1211.HK', 'HKD', dates, [134.3333282470703 * 3, 132.1999969482422 * 3, 135.60000610351562, 140.8000030517578]);
  const fine = series('0700.HK', 'HKD', ['2025-06-06', '2025-06-09', '2025-06-10', '2025-06-30'], [500, 505, 498, 510]);
  const window = { from: '2025-06-09', asOf: '2025-06-30' };

  const fell = `close fell ${((1 - 135.60000610351562 / (132.1999969482422 * 3)) * 100).toFixed(1)}% on 2025-06-10, as an unadjusted 3-for-1 split would`;

  it('keeps a member with a move that looks like an unadjusted split, flags it loudly with its date and ratio, and flags a long gap', () => {
    const r = buildReport(input([basket('b', ['1211.HK', '0700.HK'])], [raw, fine], [], { maxDailyMove: 0.4, maxGapDays: 10 }, window));
    expect(r.baskets[0]?.members.map((m) => m.included)).toEqual([true, true]);
    // a dropped member would bias the basket: both are in, the suspect move and all (140.8 / (134.33 × 3) − 1 for BYD)
    expect(r.baskets[0]?.return).toBeCloseTo(0.5 * (140.8000030517578 / (134.3333282470703 * 3) - 1) + 0.5 * (510 / 500 - 1), 9);
    expect(r.issues).toContainEqual({ symbol: '1211.HK', code: 'suspect-split', date: '2025-06-10', ratio: 3, message: `${fell}: kept in, check the data (--suspect-splits drop leaves it out)` });
    expect(r.issues).toContainEqual({ symbol: '0700.HK', code: 'gap-in-data', message: 'no close from 2025-06-10 to 2025-06-30 (20 days): check the data' });
  });

  it('with --suspect-splits drop leaves such a member out, and says so with the date and ratio', () => {
    const r = buildReport(input([basket('b', ['1211.HK', '0700.HK'])], [raw, fine], [], { maxDailyMove: 0.4, suspectSplits: 'drop' }, window));
    expect(r.baskets[0]?.members.map((m) => m.included)).toEqual([false, true]);
    expect(r.baskets[0]?.return).toBeCloseTo(510 / 500 - 1, 9); // from the close of 2025-06-06, the last before 2025-06-09
    expect(r.issues).toContainEqual({ symbol: '1211.HK', code: 'suspect-split', date: '2025-06-10', ratio: 3, message: `${fell}: left out of the basket return` });
  });

  it('adjusts a split the data records when the closes still show it, instead of guessing', () => {
    const recorded = { ...raw, splits: [{ day: toDayNumber('2025-06-10'), ratio: 3 }] };
    const r = buildReport(input([basket('b', ['1211.HK'])], [recorded], [], { maxDailyMove: 0.4 }, window));
    // closes before 2025-06-10 divided by 3: the return runs from 134.33 to 140.80
    expect(r.baskets[0]?.return).toBeCloseTo(140.8000030517578 / 134.3333282470703 - 1, 9);
    expect(r.issues.some((i) => i.code === 'suspect-split')).toBe(false);
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: '1211.HK', code: 'split-adjusted', date: '2025-06-10', ratio: 3 }));
  });

  it('leaves a recorded split alone when the closes already account for it', () => {
    const adjusted = series('1211.HK', 'HKD', dates, [134.3333282470703, 132.1999969482422, 135.60000610351562, 140.8000030517578]);
    const r = buildReport(input([basket('b', ['1211.HK'])], [{ ...adjusted, splits: [{ day: toDayNumber('2025-06-10'), ratio: 3 }] }], [], {}, window));
    expect(r.baskets[0]?.return).toBeCloseTo(140.8000030517578 / 134.3333282470703 - 1, 9);
    expect(r.issues.some((i) => i.code === 'split-adjusted' || i.code === 'suspect-split')).toBe(false);
  });

  it('invariant: a suspect move in an earlier period does not touch the headline, even under drop', () => {
    // S falls to a third on 2025-06-02: inside the 1m window (base 2025-05-29), before the main window (base 2025-06-16)
    const s = series('S', 'HKD', ['2025-05-29', '2025-06-02', '2025-06-16', '2025-06-30'], [300, 100, 110, 120]);
    const f = series('F', 'HKD', ['2025-05-29', '2025-06-02', '2025-06-16', '2025-06-30'], [50, 50, 51, 52]);
    const late = { from: '2025-06-17', asOf: '2025-06-30' };
    const plain = buildReport(input([basket('b', ['S', 'F'])], [s, f], [], { suspectSplits: 'drop', maxDailyMove: 0.4 }, late));
    const more = buildReport(input([basket('b', ['S', 'F'])], [s, f], [], { suspectSplits: 'drop', maxDailyMove: 0.4, periods: ['1m'] }, late));
    expect(plain.baskets[0]?.return).toBeCloseTo(0.5 * (120 / 110 - 1) + 0.5 * (52 / 51 - 1), 9);
    expect(more.baskets[0]?.return).toBe(plain.baskets[0]?.return);
    expect(more.baskets[0]?.members.map((m) => m.included)).toEqual([true, true]);
    expect(more.baskets[0]?.periods[0]?.return).toBeCloseTo(52 / 50 - 1, 9); // S is left out of the 1m return only
  });

  it('flags a large move that is no split, and keeps the member', () => {
    const jump = series('X', 'USD', ['2025-06-06', '2025-06-09', '2025-06-10'], [10, 10, 16]);
    const r = buildReport(input([basket('x', ['X'])], [jump], [], { maxDailyMove: 0.4 }, window));
    expect(r.baskets[0]?.members[0]?.included).toBe(true);
    expect(r.issues).toContainEqual({ symbol: 'X', code: 'large-move', message: 'close rose 60.0% on 2025-06-10: check the data' });
  });
});
