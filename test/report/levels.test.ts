/**
 * Level series in the report (`levels: true`): 100 at the base, from the same
 * daily paths as the returns; absent from the report unless asked for.
 */
import { describe, expect, it } from 'vitest';
import type { BasketDef } from '../../src/config/basket.js';
import type { PriceSeries, Quote } from '../../src/domain/types.js';
import { buildReport, DEFAULT_OPTIONS, type ReportInput, type ReportOptions } from '../../src/report/build.js';
import { toLevelSeries } from '../../src/report/levels.js';
import type { LevelSeries } from '../../src/report/types.js';
import { seriesOf } from '../../src/providers/provider.js';
import { toDayNumber } from '../../src/domain/calendar.js';

const series = (symbol: string, dates: string[], close: number[], adjClose = close): PriceSeries => seriesOf(symbol, 'USD', dates, close, adjClose);
const quote = (symbol: string): Quote => ({
  symbol,
  name: `${symbol} Inc.`,
  currency: 'USD',
  financialCurrency: null,
  price: null,
  forwardPE: 20,
  trailingPE: null,
  epsForward: null,
  marketCap: null,
  sharesOutstanding: null,
});
const basket = (id: string, symbols: string[], benchmark: string | null = null): BasketDef => ({ id, name: id.toUpperCase(), symbols, weights: null, benchmarks: benchmark === null ? [] : [benchmark], source: 'preset' });

const D = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03'];

function input(options: Partial<ReportOptions> = {}): ReportInput {
  return {
    baskets: [basket('a', ['A1', 'A2', 'A3'], 'BM'), basket('b', ['B1', 'B2'])],
    history: new Map([
      ['A1', series('A1', D, [10, 10, 11, 12], [9, 9.5, 10.45, 11.4])], // adjusted 9.5 → 10.45 → 11.4
      ['A2', series('A2', D, [50, 40, 44, 30])], // 40 → 44 → 30
      ['B1', series('B1', D, [100, 100, 100, 125])],
      ['B2', series('B2', D, [20, 20, 19, 18])],
      ['BM', series('BM', D, [180, 200, 210, 190])],
    ]),
    quotes: new Map(['A1', 'A2', 'B1', 'B2'].map((s) => [s, [quote(s)]])),
    providerIssues: [{ symbol: 'A3', code: 'no-data', message: 'no price file' }],
    from: '2025-01-01',
    asOf: '2025-01-03',
    priceBasis: 'adjusted',
    dataSource: 'test',
    options: { ...DEFAULT_OPTIONS, ...options },
  };
}

const expectLevels = (actual: LevelSeries | null | undefined, dates: string[], values: number[]) => {
  expect(actual?.dates).toEqual(dates);
  expect(actual?.values).toHaveLength(values.length);
  values.forEach((v, i) => expect(actual?.values[i]).toBeCloseTo(v, 9));
};
const WINDOW = ['2024-12-31', '2025-01-02', '2025-01-03'];

describe('level series (levels: true)', () => {
  const r = buildReport(input({ levels: true }));
  const [a, b] = r.baskets;

  it('rebases the buy-and-hold basket to 100 at the base: 100 × Σ wᵢ Pᵢ,t / Pᵢ,0', () => {
    // a: half in A1 (9.5) and half in A2 (40); A3 has no data
    // 2025-01-02: 100 × (0.5 × 10.45/9.5 + 0.5 × 44/40) = 100 × (0.55 + 0.55) = 110
    // 2025-01-03: 100 × (0.5 × 11.4/9.5 + 0.5 × 30/40) = 100 × (0.6 + 0.375) = 97.5
    expectLevels(a?.levels, WINDOW, [100, 110, 97.5]);
    // b: 100 × (0.5 × 100/100 + 0.5 × 19/20) = 97.5, then 100 × (0.5 × 1.25 + 0.5 × 0.9) = 107.5
    expectLevels(b?.levels, WINDOW, [100, 97.5, 107.5]);
  });

  it("gives each member and benchmark its own level, and null for a member without data", () => {
    expectLevels(a?.members[0]?.levels, WINDOW, [100, (100 * 10.45) / 9.5, (100 * 11.4) / 9.5]); // 100, 110, 120
    expectLevels(a?.members[1]?.levels, WINDOW, [100, (100 * 44) / 40, (100 * 30) / 40]); // 100, 110, 75
    expect(a?.members[2]?.levels).toBeNull();
    expectLevels(a?.benchmarkResult?.levels, WINDOW, [100, (100 * 210) / 200, (100 * 190) / 200]); // 100, 105, 95
  });

  it('ends every series at 100 × (1 + its return)', () => {
    for (const x of [a, b, a?.benchmarkResult, ...(a?.members ?? []), ...(b?.members ?? [])]) {
      if (!x?.levels || x.return === null) continue;
      expect(x.levels.values.at(-1)).toBeCloseTo(100 * (1 + x.return), 9);
    }
  });

  it('follows the rebalanced path when the report rebalances', () => {
    const daily = buildReport(input({ levels: true, rebalance: 'daily' })).baskets[1];
    // b rebalanced daily: 97.5 on 2025-01-02, then half of 97.5 in each:
    // 2025-01-03: 0.5 × 97.5 × 125/100 + 0.5 × 97.5 × 18/19
    const last = 0.5 * 97.5 * 1.25 + (0.5 * 97.5 * 18) / 19; // 107.1217…
    expectLevels(daily?.levels, WINDOW, [100, 97.5, last]);
    expect(daily?.return).toBeCloseTo(last / 100 - 1, 9);
  });

  it('is null for a benchmark without data', () => {
    const none = buildReport({ ...input({ levels: true }), baskets: [basket('b', ['B1'], 'NOPE')] });
    expect(none.baskets[0]?.benchmarkResult?.levels).toBeNull();
  });
});

describe('level series (not asked for)', () => {
  it('leaves the report as it was: no levels key anywhere, so JSON and CSV are unchanged', () => {
    const r = buildReport(input());
    expect(JSON.stringify(r)).not.toContain('"levels"');
    expect('levels' in (r.baskets[0] ?? {})).toBe(false);
    expect(buildReport({ ...input(), options: undefined }).baskets[0]).not.toHaveProperty('levels');
  });
});

describe('toLevelSeries', () => {
  it('scales a path (1 at the base) to 100 at the base', () => {
    expect(toLevelSeries({ days: [toDayNumber('2025-01-01'), toDayNumber('2025-01-02')], levels: [1, 1.25], contributions: [0.25] })).toEqual({ dates: ['2025-01-01', '2025-01-02'], values: [100, 125] });
    expect(toLevelSeries(null)).toBeNull();
  });
});
