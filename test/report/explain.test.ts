import { describe, expect, it } from 'vitest';
import type { BasketDef } from '../../src/config/basket.js';
import type { FxPair, Quote } from '../../src/domain/types.js';
import { quoteOf } from '../../src/domain/quote.js';
import { seriesOf } from '../../src/providers/provider.js';
import { buildReport, DEFAULT_OPTIONS, type ReportInput, type ReportOptions } from '../../src/report/build.js';
import type { BasketReport } from '../../src/report/types.js';

const D = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03'];
const basket = (id: string, symbols: string[]): BasketDef => ({ id, name: id, symbols, weights: null, benchmarks: [], source: 'preset' });
const q = (symbol: string, currency: string, f: Partial<Quote>): Quote => quoteOf(symbol, { currency, ...f });

// USDHKD=X quoted as HKD per USD: 8 on 2024-12-31 and 7.5 on 2025-01-03, so HKD→USD is 1/8 → 1/7.5
const HKD: FxPair = { names: ['HKDUSD=X', 'USDHKD=X'], rates: { from: 'HKD', to: 'USD', inverted: true, series: seriesOf('USDHKD=X', 'HKD', D, [8, 8, 7.8, 7.5]) } };

function input(options: Partial<ReportOptions> = {}): ReportInput {
  return {
    baskets: [basket('a', ['US1', 'HK1', 'US2', 'MISSING'])],
    history: new Map([
      ['US1', seriesOf('US1', 'USD', D, [10, 10, 11, 12])], // 10 → 12: +20%
      ['HK1', seriesOf('HK1', 'HKD', D, [50, 40, 44, 50])], // 40 → 50: +25% local
      ['US2', seriesOf('US2', 'USD', D, [20, 20, 19, 18])], // 20 → 18: −10%
    ]),
    quotes: new Map([
      ['US1', [q('US1', 'USD', { forwardPE: 10, marketCap: 1e9, price: 10, date: '2024-12-31', provider: 'P1' })]],
      ['HK1', [q('HK1', 'HKD', { forwardPE: 20, sharesOutstanding: 1e8, date: '2024-12-31', provider: 'P2' })]],
      ['US2', [q('US2', 'USD', { forwardPE: -5, marketCap: 4e8, price: 20, date: '2025-01-03' })]],
    ]),
    fx: new Map([['HKD', HKD]]),
    providerIssues: [{ symbol: 'MISSING', code: 'no-data', message: 'no price file' }],
    from: '2025-01-01',
    asOf: '2025-01-03',
    priceBasis: 'adjusted',
    dataSource: 'test',
    options: { ...DEFAULT_OPTIONS, currency: 'USD', explain: true, ...options },
  };
}

const only = (r: ReturnType<typeof buildReport>): BasketReport => r.baskets[0] as BasketReport;

describe('explainBasket: the inputs behind each figure', () => {
  const b = only(buildReport(input()));
  const x = b.inputs;

  it('gives each member its closes, rates with their dates, return, weight and contribution, summing to the return', () => {
    expect(x).toBeDefined();
    const [us1, hk1, us2, missing] = x?.return.members ?? [];
    expect(us1).toMatchObject({ symbol: 'US1', included: true, startDate: '2024-12-31', startClose: 10, endDate: '2025-01-03', endClose: 12, fx: null });
    // HK1: local 50 / 40 − 1 = 0.25; HKD→USD 1/8 on 2024-12-31 → 1/7.5 on 2025-01-03; (1.25) × (8 / 7.5) − 1 = 1/3
    expect(hk1?.fx).toEqual({ pair: 'USDHKD=X', start: { date: '2024-12-31', rate: 1 / 8 }, end: { date: '2025-01-03', rate: 1 / 7.5 } });
    expect(hk1?.localReturn).toBeCloseTo(0.25, 12);
    expect(hk1?.return).toBeCloseTo(1.25 * (8 / 7.5) - 1, 12);
    expect(us2?.return).toBeCloseTo(-0.1, 12);
    expect(missing).toMatchObject({ symbol: 'MISSING', included: false, weight: null, contribution: null });
    // equal weights over the three priced members: (0.2 + 1/3 − 0.1) / 3
    const hand = (0.2 + (1.25 * 8) / 7.5 - 1 - 0.1) / 3;
    expect(b.return).toBeCloseTo(hand, 12);
    const sum = (x?.return.members ?? []).reduce((a, m) => a + (m.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(b.return as number, 12);
    for (const m of x?.return.members ?? []) {
      if (!m.included) continue;
      expect(m.contribution).toBeCloseTo((m.weight as number) * (m.return as number), 12);
      const fx = m.fx === null ? 1 : m.fx.end.rate / m.fx.start.rate;
      expect(m.return).toBeCloseTo((1 + (m.localReturn as number)) * fx - 1, 12);
    }
  });

  it('lists each P/E with its date and provider, says why one is left out, and the formula gives the basket P/E', () => {
    const pe = x?.forwardPE;
    expect(pe?.members.map((m) => [m.symbol, m.pe, m.used, m.date, m.provider])).toEqual([
      ['US1', 10, true, '2024-12-31', 'P1'],
      ['HK1', 20, true, '2024-12-31', 'P2'],
      ['US2', -5, false, '2025-01-03', null],
      ['MISSING', null, false, null, null],
    ]);
    expect(pe?.members[2]?.reason).toMatch(/expected losses/);
    expect(pe?.members[3]?.reason).toMatch(/not in the basket's return/);
    // harmonic over US1 and HK1 at equal weights 1/3 each: (2/3) / (1/3 × 1/10 + 1/3 × 1/20) = 2 / 0.15 = 13.333…
    expect(b.forwardPE).toBeCloseTo(2 / (1 / 10 + 1 / 20), 9);
    const used = pe?.members.filter((m) => m.used) ?? [];
    const w = used.reduce((a, m) => a + (m.weight as number), 0);
    expect(w / used.reduce((a, m) => a + (m.weight as number) / (m.pe as number), 0)).toBeCloseTo(b.forwardPE as number, 12);
    expect(pe?.coverage).toEqual({ included: 2, total: 4 });
  });

  it('gives each market value its cap or share count, date, closes and rates, and the sum', () => {
    const mv = x?.marketValueChange;
    const [us1, hk1, us2, missing] = mv?.members ?? [];
    // US1: cap 1e9 at price 10 → 1e8 shares; 1e8 × 10 = 1e9 → 1e8 × 12 = 1.2e9: +2e8
    expect(us1).toMatchObject({ from: 'marketCap', figure: 1e9, priceAtCap: 10, startClose: 10, endClose: 12, date: '2024-12-31', provider: 'P1' });
    expect(us1?.change).toBeCloseTo(2e8, 3);
    // HK1: 1e8 shares × 40 HKD × 1/8 = 5e8 USD → 1e8 × 50 × 1/7.5 = 6.666…e8: +1.666…e8
    expect(hk1).toMatchObject({ from: 'sharesOutstanding', figure: 1e8, fxStart: 1 / 8, fxEnd: 1 / 7.5 });
    expect(hk1?.change).toBeCloseTo((1e8 * 50) / 7.5 - (1e8 * 40) / 8, 3);
    // US2: cap 4e8 at 20 → 2e7 shares; 2e7 × 20 → 2e7 × 18: −4e7
    expect(us2?.change).toBeCloseTo(-4e7, 3);
    expect(missing).toMatchObject({ change: null });
    expect(missing?.reason).toMatch(/not priced/);
    expect(b.marketValueChange).toBeCloseTo(2e8 + (1e8 * 50) / 7.5 - (1e8 * 40) / 8 - 4e7, 3);
    expect(mv?.value).toBe(b.marketValueChange);
  });

  it('changes no figure: the report with --explain is the report without it, plus the inputs', () => {
    const plain = only(buildReport(input({ explain: false })));
    expect(plain.inputs).toBeUndefined();
    const { inputs: _, ...rest } = b;
    expect(rest).toEqual(plain);
  });

  it('says when a P/E was left out as dated after the as-of date under --point-in-time strict', () => {
    const strict = only(buildReport(input({ pointInTime: 'strict' })));
    const us2 = strict.inputs?.forwardPE.members[2];
    expect(us2?.used).toBe(false);
    // US2's quote is dated on the as-of date: still in; move the as-of date back a day to put it after
    const earlier = only(buildReport({ ...input({ pointInTime: 'strict' }), asOf: '2025-01-02' }));
    expect(earlier.inputs?.forwardPE.members[2]?.reason).toMatch(/after the as-of date/);
  });
});
