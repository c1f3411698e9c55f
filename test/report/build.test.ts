import { describe, expect, it } from 'vitest';
import type { BasketDef } from '../../src/config/basket.js';
import type { PriceSeries, Quote } from '../../src/domain/types.js';
import { buildReport, type ReportInput } from '../../src/report/build.js';
import { seriesOf } from '../../src/providers/provider.js';

const series = (symbol: string, dates: string[], close: number[], adjClose = close): PriceSeries => seriesOf(symbol, 'USD', dates, close, adjClose);
const quote = (symbol: string, forwardPE: number | null): Quote => ({
  symbol,
  name: `${symbol} Inc.`,
  currency: 'USD',
  financialCurrency: null,
  price: null,
  forwardPE,
  trailingPE: null,
  epsForward: null,
  marketCap: null,
  sharesOutstanding: null,
});
const basket = (id: string, symbols: string[]): BasketDef => ({ id, name: id.toUpperCase(), symbols, weights: null, benchmarks: [], source: 'preset' });

const D = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03'];

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    baskets: [basket('a', ['A1', 'A2', 'A3']), basket('b', ['B1', 'B2'])],
    history: new Map([
      ['A1', series('A1', D, [10, 10, 11, 12], [9, 9.5, 10.45, 11.4])], // close 10 → 12; adjusted 9.5 → 11.4
      ['A2', series('A2', D, [50, 40, 44, 30])], // 40 → 30
      ['B1', series('B1', D, [100, 100, 100, 125])], // 100 → 125
      ['B2', series('B2', D, [20, 20, 19, 18])], // 20 → 18
    ]),
    quotes: new Map([
      ['A1', [quote('A1', 10)]],
      ['A2', [quote('A2', -4)]],
      ['B1', [quote('B1', 20)]],
      ['B2', [quote('B2', 30)]],
    ]),
    providerIssues: [{ symbol: 'A3', code: 'no-data', message: 'no price file' }],
    from: '2025-01-01',
    asOf: '2025-01-03',
    priceBasis: 'adjusted',
    dataSource: 'test',
    ...over,
  };
}

describe('buildReport', () => {
  const r = buildReport(input());
  const [a, b] = r.baskets;

  it('prices each member from the last close before `from` to the last close by `asOf`', () => {
    expect(a?.members[0]).toMatchObject({ symbol: 'A1', startDate: '2024-12-31', startPrice: 9.5, endDate: '2025-01-03', endPrice: 11.4, included: true });
    expect(a?.members[0]?.return).toBeCloseTo(11.4 / 9.5 - 1, 9); // 0.2
    expect(a?.members[1]?.return).toBeCloseTo(30 / 40 - 1, 9); // −0.25
  });

  it('computes the equal-weighted basket over members with data and counts them', () => {
    expect(a?.return).toBeCloseTo((11.4 / 9.5 - 1 + (30 / 40 - 1)) / 2, 9); // (0.2 − 0.25) / 2 = −0.025
    expect(a?.membersWithData).toEqual({ included: 2, total: 3 });
    expect(a?.members[2]).toMatchObject({ symbol: 'A3', return: null, startPrice: null, included: false });
    expect(b?.return).toBeCloseTo((125 / 100 - 1 + (18 / 20 - 1)) / 2, 9); // (0.25 − 0.1) / 2 = 0.075
  });

  it('uses closes for a price return', () => {
    const pr = buildReport(input({ priceBasis: 'close' }));
    expect(pr.baskets[0]?.members[0]?.return).toBeCloseTo(12 / 10 - 1, 9);
    expect(pr.priceBasis).toBe('close');
  });

  it('takes the harmonic-mean forward P/E with coverage, and the discount of the first basket against the second', () => {
    expect(a?.forwardPE).toBeCloseTo(10, 9); // only A1 is usable: A2 is negative, A3 unknown
    expect(a?.peCoverage).toEqual({ included: 1, total: 3 });
    expect(b?.forwardPE).toBeCloseTo(2 / (1 / 20 + 1 / 30), 9); // 24
    expect(r.comparison).toMatchObject({ basket: 'a', against: 'b', discount: expect.any(Number) });
    expect(r.comparison?.discount).toBeCloseTo(1 - 10 / 24, 9); // 0.58333…
  });

  it('reports every exclusion', () => {
    expect(r.issues).toEqual([
      { symbol: 'A3', code: 'no-data', message: 'no price file' },
      { symbol: 'A2', basket: 'a', code: 'non-positive-forward-pe', message: expect.stringContaining('forward P/E -4') },
      // A3 has no return, so it is not in the P/E either: the P/E covers exactly the members of the return
      { symbol: null, basket: 'a', code: 'no-forward-pe', message: "not in the basket's return, so left out of its P/E too: A3" },
      { symbol: null, basket: 'a', code: 'no-trailing-pe', message: 'trailing P/E unknown or ≤ 0 for 2 of 3 (A1, A2): left out of the trailing P/E' },
      { symbol: null, basket: 'b', code: 'no-trailing-pe', message: 'trailing P/E unknown or ≤ 0 for 2 of 2 (B1, B2): left out of the trailing P/E' },
      { symbol: null, symbols: ['A1', 'A2', 'B1', 'B2'], fields: ['forwardPE'], code: 'undated-quote', message: 'undated quote figures taken as of 2025-01-03: forward P/E of A1, A2, B1, B2' },
    ]);
  });

  it('flags a member without a close in the period, and a stale end price', () => {
    const history = new Map([
      ['A1', series('A1', ['2024-12-31', '2025-01-02'], [1, 1.3])],
      ['A2', series('A2', ['2024-12-31'], [1])],
    ]);
    const out = buildReport(input({ baskets: [basket('a', ['A1', 'A2'])], history, providerIssues: [], asOf: '2025-01-20' })); // A1 P/E 10, A2 P/E −4
    expect(out.baskets[0]?.return).toBeCloseTo(1.3 / 1 - 1, 9);
    expect(out.issues.map((i) => [i.symbol, i.code])).toEqual([
      ['A1', 'stale-price'],
      ['A2', 'no-end-price'],
      [null, 'no-forward-pe'], // A2 has no return, so it is not in the P/E either
      [null, 'no-trailing-pe'],
      [null, 'undated-quote'],
    ]);
    expect(out.comparison).toBeNull();
  });

  it('invariant: a one-member basket equals its member', () => {
    const one = buildReport(input({ baskets: [basket('solo', ['B1'])] })).baskets[0];
    expect(one?.return).toBe(one?.members[0]?.return);
    expect(one?.forwardPE).toBe(20);
  });

  it('invariant: member order does not change the basket figures', () => {
    const x = buildReport(input({ baskets: [basket('a', ['A1', 'A2', 'B1', 'B2'])] })).baskets[0];
    const y = buildReport(input({ baskets: [basket('a', ['B2', 'A2', 'B1', 'A1'])] })).baskets[0];
    expect(y?.return).toBeCloseTo(x?.return as number, 12);
    expect(y?.forwardPE).toBeCloseTo(x?.forwardPE as number, 12);
  });

  it('a basket with no data at all has a null return and says so', () => {
    const out = buildReport(input({ baskets: [basket('z', ['A3'])] }));
    expect(out.baskets[0]?.return).toBeNull();
    expect(out.issues.some((i) => i.code === 'basket-empty' && i.basket === 'z')).toBe(true);
  });
});

describe('closes whose ratio overflows', () => {
  it('leave the member out with a note, never an infinite return (found by the CLI property test: a 5e-324 close)', () => {
    const history = new Map(input().history);
    history.set('A2', series('A2', D, [50, 5e-324, 5e-324, 0.5])); // 0.5 / 5e-324 = Infinity
    const r = buildReport(input({ history }));
    const a = r.baskets[0];
    expect(a?.members[1]).toMatchObject({ symbol: 'A2', return: null, included: false });
    expect(a?.return).toBeCloseTo(11.4 / 9.5 - 1, 9); // A1 alone: 0.2
    expect(a?.membersWithData).toEqual({ included: 1, total: 3 });
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'A2', code: 'bad-data', message: expect.stringContaining('give no finite return') }));
  });
});
