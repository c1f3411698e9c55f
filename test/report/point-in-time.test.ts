/**
 * Every figure as of its date: quote figures chosen around the as-of date,
 * market values from dated caps and share counts, P/Es weighted by the basket
 * and repriced, the look-back and window highs, benchmark fallbacks. Small
 * hand-made series; every expected value written out as arithmetic.
 */
import { describe, expect, it } from 'vitest';
import type { BasketDef } from '../../src/config/basket.js';
import { quoteOf } from '../../src/domain/quote.js';
import type { PriceSeries, Quote } from '../../src/domain/types.js';
import { buildReport, DEFAULT_OPTIONS, type ReportInput, type ReportOptions } from '../../src/report/build.js';
import { seriesOf } from '../../src/providers/provider.js';
import { fxPairsFrom, withoutFx } from '../helpers/fx-pairs.js';
import type { Report } from '../../src/report/types.js';

const series = (symbol: string, currency: string | null, dates: string[], close: number[]): PriceSeries => seriesOf(symbol, currency, dates, close);
const quote = (symbol: string, date: string | null, q: Partial<Quote> = {}): Quote => quoteOf(symbol, { date, provider: null, ...q });
const basket = (id: string, symbols: string[], extra: Partial<BasketDef> = {}): BasketDef => ({ id, name: id, symbols, weights: null, benchmarks: [], source: 'preset', ...extra });

function build(baskets: BasketDef[], history: PriceSeries[], quotes: Quote[], options: Partial<ReportOptions> = {}, over: Partial<ReportInput> = {}): Report {
  const byCode = new Map<string, Quote[]>();
  for (const q of quotes) byCode.set(q.symbol, [...(byCode.get(q.symbol) ?? []), q]);
  return buildReport({
    baskets,
    history: new Map(withoutFx(history).map((s) => [s.symbol, s])),
    fx: fxPairsFrom(history, options.currency ?? null),
    quotes: byCode,
    providerIssues: [],
    from: '2025-01-01',
    asOf: '2025-03-07',
    priceBasis: 'adjusted',
    dataSource: 'test',
    options: { ...DEFAULT_OPTIONS, maxDailyMove: 10, maxGapDays: 400, ...options },
    ...over,
  });
}

// an HKD stock: 2024-12-31 base 40, 2025-03-07 end 50; USDHKD 7.8 then 7.75
const hk = series('H', 'HKD', ['2024-12-31', '2025-02-14', '2025-03-07'], [40, 45, 50]);
const fx = series('USDHKD=X', 'HKD', ['2024-12-31', '2025-02-14', '2025-03-07'], [7.8, 7.79, 7.75]);
const us = series('U', 'USD', ['2024-12-31', '2025-02-14', '2025-03-07'], [100, 90, 80]);

describe('market value at any date', () => {
  it('from a cap dated inside the window, at the close of its date: C × raw(d) / raw(q)', () => {
    const r = build([basket('b', ['H'])], [hk], [quote('H', null, { currency: 'HKD' }), quote('H', '2025-02-14', { marketCap: 900 })]);
    const m = r.baskets[0]?.members[0];
    expect(m?.marketValueStart).toBeCloseTo(900 * (40 / 45), 9);
    expect(m?.marketValueEnd).toBeCloseTo(900 * (50 / 45), 9);
    expect(m?.marketValueChange).toBeCloseTo(900 * (50 / 45) - 900 * (40 / 45), 9);
    expect([m?.marketCapDate, m?.marketValueFrom]).toEqual(['2025-02-14', 'marketCap']);
  });

  it('from a cap dated after the window, with the close of its date fetched beside the window (quoteCloses)', () => {
    const later = series('H', 'HKD', ['2025-06-30'], [64]);
    const r = build([basket('b', ['H'])], [hk], [quote('H', null, { currency: 'HKD' }), quote('H', '2025-06-30', { marketCap: 1600 })], {}, { quoteCloses: new Map([['H', later]]) });
    const m = r.baskets[0]?.members[0];
    // 1600 at 64 is 25 shares: 25 × 40 = 1000 at the start, 25 × 50 = 1250 at the end
    expect(m?.marketValueStart).toBeCloseTo(1600 * (40 / 64), 9);
    expect(m?.marketValueEnd).toBeCloseTo(1600 * (50 / 64), 9);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'quote-after-as-of', date: '2025-06-30', days: 115, symbols: ['H'], fields: ['marketCap'] }));
  });

  it("from a dated quote's own price: C × raw(d) / price", () => {
    const r = build([basket('b', ['U'])], [us], [quote('U', '2025-02-14', { currency: 'USD', marketCap: 1800, price: 90.5 })]);
    const m = r.baskets[0]?.members[0];
    expect(m?.marketValueStart).toBeCloseTo(1800 * (100 / 90.5), 9);
    expect(m?.marketValueEnd).toBeCloseTo(1800 * (80 / 90.5), 9);
  });

  it('from a share count, in USD: S × raw(d) × (1 / USDHKD(d))', () => {
    const r = build([basket('b', ['H'])], [hk, fx], [quote('H', null, { currency: 'HKD' }), quote('H', '2024-12-31', { sharesOutstanding: 10 })], { currency: 'USD' });
    const m = r.baskets[0]?.members[0];
    expect(m?.marketValueStart).toBeCloseTo((10 * 40) / 7.8, 9);
    expect(m?.marketValueEnd).toBeCloseTo((10 * 50) / 7.75, 9);
    expect(r.baskets[0]?.marketValueChange).toBeCloseTo((10 * 50) / 7.75 - (10 * 40) / 7.8, 9);
    expect([m?.marketCapDate, m?.marketValueFrom]).toEqual(['2024-12-31', 'sharesOutstanding']);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'stale-quote', date: '2024-12-31', days: 66, fields: ['sharesOutstanding'] }));
  });

  it('a cap is preferred to a share count', () => {
    const r = build([basket('b', ['U'])], [us], [quote('U', '2025-03-07', { marketCap: 800, sharesOutstanding: 3 })]);
    expect(r.baskets[0]?.members[0]?.marketValueEnd).toBeCloseTo(800 * (80 / 80), 9);
  });

  it('invariant: an undated cap gives the figures it always gave (cap at the end close) and the same as one dated on the as-of date', () => {
    const undated = build([basket('b', ['U'])], [us], [quote('U', null, { marketCap: 800, price: 79 })]).baskets[0]?.members[0];
    // an undated quote's price is of an unknown day: the cap is taken at the end close, as before dated quotes
    expect(undated?.marketValueEnd).toBe(800);
    expect(undated?.marketValueStart).toBe(800 * (100 / 80));
    const dated = build([basket('b', ['U'])], [us], [quote('U', '2025-03-07', { marketCap: 800 })]).baskets[0]?.members[0];
    expect([dated?.marketValueStart, dated?.marketValueEnd]).toEqual([undated?.marketValueStart, undated?.marketValueEnd]);
  });
});

describe('quote figures around the as-of date', () => {
  const pes = [quote('U', '2025-02-20', { forwardPE: 20 }), quote('U', '2025-03-14', { forwardPE: 25 })];

  it('takes the latest P/E on or before the as-of date, with its date and provider', () => {
    const r = build([basket('b', ['U'])], [us], [{ ...(pes[0] as Quote), provider: 'Bloomberg' }, pes[1] as Quote]);
    expect(r.baskets[0]?.members[0]).toMatchObject({ forwardPE: 20, forwardPEDate: '2025-02-20', forwardPEProvider: 'Bloomberg' });
    expect(r.baskets[0]?.forwardPEDates).toEqual({ earliest: '2025-02-20', latest: '2025-02-20' });
  });

  it('with only a later P/E: used and flagged, or under strict left out and reported', () => {
    const flag = build([basket('b', ['U'])], [us], [pes[1] as Quote]);
    expect(flag.baskets[0]?.forwardPE).toBe(25);
    expect(flag.issues).toContainEqual(expect.objectContaining({ code: 'quote-after-as-of', date: '2025-03-14', days: 7, message: 'figures dated 2025-03-14, 7 days after 2025-03-07, used: forward P/E of U' }));
    const strict = build([basket('b', ['U'])], [us], [pes[1] as Quote], { pointInTime: 'strict' });
    expect(strict.baskets[0]?.forwardPE).toBeNull();
    expect(strict.baskets[0]?.peCoverage).toEqual({ included: 0, total: 1 });
    expect(strict.method.pointInTime).toBe('strict');
    expect(strict.issues).toContainEqual(expect.objectContaining({ code: 'quote-after-as-of', message: 'figures dated 2025-03-14, 7 days after 2025-03-07, left out (--point-in-time strict): forward P/E of U' }));
  });

  it('--max-quote-age sets when a figure is stale', () => {
    const r = build([basket('b', ['U'])], [us], [pes[0] as Quote], { maxQuoteAgeDays: 10 });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'stale-quote', date: '2025-02-20', days: 15 }));
    expect(build([basket('b', ['U'])], [us], [pes[0] as Quote]).issues.some((i) => i.code === 'stale-quote')).toBe(false);
  });

  it('--pe-at as-of reprices a dated P/E to the as-of date: PE_q × raw(asOf) / raw(q), the estimate held constant', () => {
    const r = build([basket('b', ['U'])], [us], [quote('U', '2025-02-14', { forwardPE: 18 })], { peAt: 'as-of' });
    expect(r.baskets[0]?.forwardPE).toBeCloseTo(18 * (80 / 90), 9);
    expect(r.method.peAt).toBe('as-of');
    // an undated P/E is of the as-of date already: as it is
    expect(build([basket('b', ['U'])], [us], [quote('U', null, { forwardPE: 18 })], { peAt: 'as-of' }).baskets[0]?.forwardPE).toBe(18);
  });
});

describe('the P/E covers exactly the members of the return, at their weights', () => {
  const a = series('A', 'USD', ['2024-12-31', '2025-03-07'], [10, 12]);
  const b = series('B', 'USD', ['2024-12-31', '2025-03-07'], [20, 18]);
  const late = series('C', 'USD', ['2025-01-06', '2025-03-07'], [5, 6]); // no close before 2025-01-01: not in the return
  const quotes = [quote('A', '2025-03-07', { forwardPE: 10 }), quote('B', '2025-03-07', { forwardPE: 20 }), quote('C', '2025-03-07', { forwardPE: 5 })];

  it('a member without a return is left out of the P/E too, and counted', () => {
    const r = build([basket('b', ['A', 'B', 'C'])], [a, b, late], quotes);
    expect(r.baskets[0]?.forwardPE).toBeCloseTo(2 / (1 / 10 + 1 / 20), 9);
    expect(r.baskets[0]?.peCoverage).toEqual({ included: 2, total: 3 });
  });

  it('under --weights config the harmonic P/E is Σw / Σ(w / PE) at the basket weights', () => {
    const def = basket('b', ['A', 'B', 'C'], { weights: [0.6, 0.3, 0.1] });
    const r = build([def], [a, b, late], quotes, { weights: 'config' });
    // C is out: A and B renormalised to 2/3 and 1/3
    const [wa, wb, wc] = r.baskets[0]?.members.map((m) => m.weight) ?? [];
    expect(wa).toBeCloseTo(0.6 / 0.9, 12);
    expect(wb).toBeCloseTo(0.3 / 0.9, 12);
    expect(wc).toBeNull();
    expect(r.baskets[0]?.forwardPE).toBeCloseTo((0.6 + 0.3) / (0.6 / 10 + 0.3 / 20), 9); // 0.9 / 0.075 = 12
    expect(r.baskets[0]?.forwardPEs.mean).toBeCloseTo((0.6 * 10 + 0.3 * 20) / 0.9, 9);
  });

  it('flags a trailing P/E that looks currency-mismatched with its own code', () => {
    const baba = quote('A', '2025-03-07', { currency: 'USD', financialCurrency: 'CNY', forwardPE: 1.9551755, trailingPE: 2.5 });
    const r = build([basket('b', ['A'])], [a], [baba]);
    const codes = r.issues.filter((i) => i.symbol === 'A').map((i) => i.code);
    expect(codes).toContain('suspect-forward-pe');
    expect(codes).toContain('suspect-trailing-pe');
  });
});

describe('look-back and window highs', () => {
  // X: a high of 130 on 2021-12-09, then lower; in 2025 it climbs to 125 on 2025-03-06 and dips to 118
  const days = ['2020-12-31', '2021-12-09', '2022-06-30', '2024-12-31', '2025-02-03', '2025-03-06', '2025-03-07'];
  const x = series('X', 'USD', days, [100, 130, 90, 80, 110, 125, 118]);
  const y = series('Y', 'USD', days, [50, 50, 50, 50, 50, 50, 50]);
  const idx = series('^IX', 'USD', days, [1000, 1300, 900, 800, 1250, 1240, 1200]);
  const quotes = [quote('X', null, { currency: 'USD' }), quote('Y', null, { currency: 'USD' }), quote('^IX', null, { currency: 'USD' })];
  const def = basket('b', ['X', 'Y'], { benchmarks: ['^IX'] });

  it('without --lookback: the window alone ("window high" when the last is the high), and the window high', () => {
    const r = build([def], [x, y, idx], quotes, {}, { asOf: '2025-03-06' });
    const m = r.baskets[0]?.members[0];
    expect(m?.highestSince).toBeNull(); // 125 is the high of [2024-12-31, 2025-03-06]
    expect([m?.windowHigh, m?.windowHighDate, m?.fromWindowHigh]).toEqual([125, '2025-03-06', 0]);
    expect(r.lookback).toBeNull();
  });

  it('with --lookback 5y: the member, the basket and the benchmark reach back before the window', () => {
    const r = build([def], [x, y, idx], quotes, { lookback: '5y' }, { asOf: '2025-03-06' });
    expect(r.lookbackStart).toBe('2020-01-01');
    const b = r.baskets[0];
    // X at 125: the last higher close is 130 on 2021-12-09
    expect(b?.members[0]?.highestSince).toBe('2021-12-09');
    // the basket from the look-back's base (2020-12-31), half in each: 0.5 × 125/100 + 0.5 = 1.125 now;
    // 2021-12-09: 0.5 × 1.3 + 0.5 = 1.15, higher; 2025-02-03: 0.5 × 1.1 + 0.5 = 1.05, lower
    expect(b?.risk?.highestSince).toBe('2021-12-09');
    // the index at 1240: 1250 on 2025-02-03 is higher, inside the window
    expect(b?.benchmarkResult?.risk?.highestSince).toBe('2025-02-03');
    // the benchmark's window high and the fall from it: 1250 on 2025-02-03, 1240 / 1250 − 1
    expect(b?.benchmarkResult?.risk?.windowHigh).toBe(1250);
    expect(b?.benchmarkResult?.risk?.fromWindowHigh).toBeCloseTo(1240 / 1250 - 1, 9);
    // the basket's window high: its level rebased to 100 at 2024-12-31: 100 × (0.5 × 125/80 + 0.5 × 1)
    expect(b?.risk?.windowHigh).toBeCloseTo(100 * (0.5 * (125 / 80) + 0.5), 9);
    expect(b?.risk?.windowHighDate).toBe('2025-03-06');
  });

  it('a member whose history starts after the look-back start is named, and left out of a buy-and-hold look-back level', () => {
    const young = series('Z', 'USD', ['2023-05-02', '2024-12-31', '2025-03-06'], [10, 20, 30]);
    const r = build([basket('b', ['X', 'Z'])], [x, young], [...quotes, quote('Z', null, { currency: 'USD' })], { lookback: '5y' }, { asOf: '2025-03-06' });
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'Z', code: 'no-lookback', message: expect.stringContaining('history starts 2023-05-02') }));
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'Z', basket: 'b', code: 'no-lookback', message: expect.stringContaining('left out of the look-back level of b (buy-and-hold)') }));
    // the look-back level is X's alone: 125 is highest since 2021-12-09
    expect(r.baskets[0]?.risk?.highestSince).toBe('2021-12-09');
  });

  it('invariant: --lookback and --periods change no figure of the plain run but highest-since', () => {
    const plain = build([def], [x, y, idx], quotes, {}, { asOf: '2025-03-07' });
    const more = build([def], [x, y, idx], quotes, { lookback: 'max', periods: ['1w', '3y'] }, { asOf: '2025-03-07' });
    const figures = (r: Report) =>
      r.baskets.map((b) => ({
        ...b,
        periods: null,
        risk: b.risk && { ...b.risk, highestSince: null },
        members: b.members.map((m) => ({ ...m, periods: null, highestSince: null })),
        benchmarkResult: b.benchmarkResult && { ...b.benchmarkResult, periods: null, risk: b.benchmarkResult.risk && { ...b.benchmarkResult.risk, highestSince: null } },
      }));
    expect(figures(more)).toEqual(figures(plain));
    expect(more.comparison).toEqual(plain.comparison);
  });
});

describe('benchmarks with a fallback', () => {
  const a = series('A', 'USD', ['2024-12-31', '2025-03-07'], [10, 12]);
  const etf = series('ETF', 'USD', ['2024-12-31', '2025-03-07'], [40, 44]);
  const idxLate = series('IDX', 'USD', ['2025-02-03', '2025-03-07'], [100, 105]); // no close before the window
  const quotes = [quote('A', null, { currency: 'USD' }), quote('ETF', null, { currency: 'USD' }), quote('IDX', null, { currency: 'USD' })];

  it('uses the first with data over the window, names it, and says why the others were not', () => {
    const r = build([basket('b', ['A'], { benchmarks: ['IDX', 'NONE', 'ETF'] })], [a, etf, idxLate], quotes, {}, { providerIssues: [{ symbol: 'NONE', code: 'no-data', message: 'no price file' }] });
    const b = r.baskets[0];
    expect(b?.benchmark).toBe('ETF');
    expect(b?.benchmarks).toEqual(['IDX', 'NONE', 'ETF']);
    expect(b?.benchmarkResult?.return).toBeCloseTo(44 / 40 - 1, 9);
    expect(b?.benchmarkResult?.excessReturn).toBeCloseTo(12 / 10 - 1 - (44 / 40 - 1), 9);
    expect(r.issues).toContainEqual({
      symbol: 'ETF',
      basket: 'b',
      code: 'benchmark-fallback',
      message: 'benchmark ETF used: IDX (no close before 2025-01-01), NONE (no data) had no data over the window',
    });
    // the provider's note on a fallback not needed is dropped; the fallback note says it all
    expect(r.issues.some((i) => i.symbol === 'NONE')).toBe(false);
  });

  it('the first one, when it has data: no fallback note', () => {
    const r = build([basket('b', ['A'], { benchmarks: ['ETF', 'IDX'] })], [a, etf, idxLate], quotes);
    expect(r.baskets[0]?.benchmark).toBe('ETF');
    expect(r.issues.some((i) => i.code === 'benchmark-fallback')).toBe(false);
  });

  it('none with data: the first one is shown without figures, and every one is named', () => {
    const r = build([basket('b', ['A'], { benchmarks: ['IDX', 'NONE'] })], [a, idxLate], quotes);
    expect(r.baskets[0]?.benchmarkResult).toMatchObject({ symbol: 'IDX', return: null });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'benchmark-fallback', message: 'no benchmark has data over the window: IDX (no close before 2025-01-01), NONE (no data)' }));
  });
});

describe('a real crash stays in', () => {
  it('a member that halves in a day is in the return, flagged as a suspect split with its date and ratio', () => {
    const crash = series('K', 'USD', ['2024-12-31', '2025-02-03', '2025-02-04', '2025-03-07'], [100, 100, 50, 55]);
    const r = build([basket('b', ['K'])], [crash], [], { maxDailyMove: 0.4 });
    expect(r.baskets[0]?.members[0]?.included).toBe(true);
    expect(r.baskets[0]?.return).toBeCloseTo(55 / 100 - 1, 9);
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'K', code: 'suspect-split', date: '2025-02-04', ratio: 2 }));
  });
});

describe('a split between a quote and the window', () => {
  // unadjusted closes with a 4-for-1 split on 2025-02-14 recorded: 400 before, 100 after
  const split = { ...series('N', 'USD', ['2024-12-31', '2025-02-13', '2025-02-14', '2025-03-07'], [400, 420, 105, 110]), splits: [{ day: Date.UTC(2025, 1, 14) / 86_400_000, ratio: 4 }] };

  it("a cap dated before the split, with its quote's own price: the price is taken into today's shares", () => {
    // 1 000 000 shares at 400 on 2024-12-31 (cap 4e8) are 4 000 000 shares after the split
    const r = build([basket('b', ['N'])], [split], [quote('N', '2024-12-31', { currency: 'USD', marketCap: 4e8, price: 400 })]);
    const m = r.baskets[0]?.members[0];
    expect(m?.marketValueStart).toBeCloseTo(4e8 * ((400 / 4) / (400 / 4)), 6); // raw(start) and P_q both in today's shares
    expect(m?.marketValueEnd).toBeCloseTo(4e8 * (110 / (400 / 4)), 6);
    // and the return, from the split-adjusted closes: 110 / (400 / 4) − 1
    expect(r.baskets[0]?.return).toBeCloseTo(110 / 100 - 1, 9);
  });

  it('a cap dated before the split without a price: the close of its date, in the same basis', () => {
    const r = build([basket('b', ['N'])], [split], [quote('N', '2025-02-13', { currency: 'USD', marketCap: 4.2e8 })]);
    const m = r.baskets[0]?.members[0];
    expect(m?.marketValueStart).toBeCloseTo(4.2e8 * (100 / 105), 6); // 400 / 4 over 420 / 4
    expect(m?.marketValueEnd).toBeCloseTo(4.2e8 * (110 / 105), 6);
  });
});

describe('what cannot be had is said, with its reason', () => {
  it('a cap with no close within 10 days before its date: the share count stands in, and a note says why', () => {
    // the cap of 2024-06-28 has no close near it in the data (which starts 2024-12-31)
    const r = build([basket('b', ['U'])], [us], [quote('U', '2024-06-28', { marketCap: 999 }), quote('U', '2024-12-31', { sharesOutstanding: 10 })]);
    const m = r.baskets[0]?.members[0];
    expect([m?.marketValueStart, m?.marketValueEnd, m?.marketValueFrom]).toEqual([10 * 100, 10 * 80, 'sharesOutstanding']);
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'U', code: 'no-market-value', message: expect.stringContaining('market cap dated 2024-06-28 has no price on or within 10 days before that date') }));
  });

  it('a P/E that cannot be repriced to the as-of date is left out under --pe-at as-of, and said', () => {
    const r = build([basket('b', ['U'])], [us], [quote('U', '2024-06-28', { forwardPE: 30 })], { peAt: 'as-of' });
    expect(r.baskets[0]?.forwardPE).toBeNull();
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'U', code: 'no-forward-pe', message: 'forward P/E dated 2024-06-28 has no price on or within 10 days before that date to reprice it to 2025-03-07: left out' }));
  });

  it('a member dropped from one period for a suspect split is named with that reason, not as lacking a close', () => {
    // the 1m window's base is 2025-02-03 (the last close on or before 2025-02-07): the fall of 2025-02-10 is in it, not in the main window
    const s = series('S', 'USD', ['2025-02-03', '2025-02-10', '2025-02-28', '2025-03-07'], [300, 100, 110, 120]);
    const f = series('F', 'USD', ['2025-02-03', '2025-02-10', '2025-02-28', '2025-03-07'], [50, 50, 51, 52]);
    const r = build([basket('b', ['S', 'F'])], [s, f], [], { suspectSplits: 'drop', maxDailyMove: 0.4, periods: ['1m'] }, { from: '2025-03-01' });
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'S', basket: 'b', code: 'suspect-split', date: '2025-02-10', message: expect.stringMatching(/^1m: close fell 66\.7% on 2025-02-10, .*: left out of the 1m return$/) }));
    expect(r.issues.some((i) => i.code === 'no-start-price')).toBe(false);
  });

  it('a member dropped from the look-back level for a suspect split is named', () => {
    const s = series('S', 'USD', ['2024-06-28', '2024-07-01', '2025-02-28', '2025-03-07'], [300, 100, 110, 120]);
    const f = series('F', 'USD', ['2024-06-28', '2024-07-01', '2025-02-28', '2025-03-07'], [50, 50, 51, 52]);
    const r = build([basket('b', ['S', 'F'])], [s, f], [], { suspectSplits: 'drop', maxDailyMove: 0.4, lookback: '1y' }, { from: '2025-03-01' });
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'S', basket: 'b', code: 'no-lookback', message: expect.stringMatching(/^left out of the look-back level of b: close fell 66\.7% on 2024-07-01/) }));
  });
});
