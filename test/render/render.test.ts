import { parse } from 'csv-parse/sync';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../src/render/csv.js';
import { formatBillions, formatMultiple, formatPercent, formatPoints, formatPrice, formatUnsignedPercent } from '../../src/render/format.js';
import { renderJson } from '../../src/render/json.js';
import { renderTable } from '../../src/render/table.js';
import type { BasketReport, MemberReport, Report } from '../../src/report/types.js';

const cov = (included: number, total: number) => ({ included, total });
const noPE = { harmonic: null, median: null, mean: null, aggregate: null };
const member = (m: Partial<MemberReport> & { symbol: string }): MemberReport => ({
  name: null,
  currency: null,
  startDate: null,
  startPrice: null,
  endDate: null,
  endPrice: null,
  localReturn: null,
  fxReturn: null,
  return: null,
  weight: null,
  contribution: null,
  forwardPEDate: null,
  trailingPEDate: null,
  marketCapDate: null,
  marketValueFrom: null,
  forwardPEProvider: null,
  marketCapProvider: null,
  highestSince: null,
  windowHigh: null,
  windowHighDate: null,
  fromWindowHigh: null,
  marketValueStart: null,
  marketValueEnd: null,
  marketValueChange: null,
  forwardPE: null,
  trailingPE: null,
  included: false,
  periods: [{ period: '1w', startDate: null, return: null }],
  ...m,
});
const basket = (b: Partial<BasketReport> & { id: string; name: string; members: MemberReport[] }): BasketReport => ({
  benchmark: null,
  benchmarks: [],
  source: 'preset',
  return: null,
  membersWithData: cov(0, b.members.length),
  best: null,
  worst: null,
  currency: 'USD',
  marketValueChange: null,
  marketValueCoverage: cov(0, b.members.length),
  forwardPE: null,
  forwardPEDates: null,
  forwardPEStatus: 'unknown',
  peMethod: 'harmonic',
  peCoverage: cov(0, b.members.length),
  earningsYield: null,
  trailingPE: null,
  trailingPEStatus: 'unknown',
  trailingPECoverage: cov(0, b.members.length),
  forwardPEs: noPE,
  trailingPEs: noPE,
  valuation: [],
  periods: [{ period: '1w', startDate: null, return: null }],
  risk: null,
  benchmarkResult: null,
  alternatives: null,
  ...b,
});

const report: Report = {
  asOf: '2025-03-07',
  from: '2025-01-01',
  currency: 'USD',
  priceBasis: 'adjusted',
  method: { weights: 'all', rebalance: 'none', peMethod: 'all', negativePE: 'include', peAt: 'quote-date', pointInTime: 'flag', maxQuoteAgeDays: 31, suspectSplits: 'flag' },
  periods: ['1w'],
  lookback: null,
  lookbackStart: null,
  dataSource: 'files:fixtures/demo',
  baskets: [
    basket({
      id: 'a',
      name: 'Basket, "A"',
      return: 0.428,
      membersWithData: cov(1, 2),
      best: { symbol: 'X1', return: 0.428 },
      worst: { symbol: 'X1', return: 0.428 },
      forwardPE: 19.2468,
      forwardPEStatus: 'ok',
      peCoverage: cov(1, 2),
      earningsYield: 1 / 19.2468,
      trailingPEStatus: 'not-meaningful',
      trailingPECoverage: cov(2, 2),
      forwardPEs: { harmonic: 19.2468, median: 19.2468, mean: 19.2468, aggregate: null },
      valuation: [
        { basis: 'forward', method: 'harmonic', value: 19.2468, earningsYield: 1 / 19.2468, status: 'ok', coverage: cov(1, 2) },
        { basis: 'trailing', method: 'harmonic', value: null, earningsYield: -0.01, status: 'not-meaningful', coverage: cov(2, 2) },
      ],
      periods: [{ period: '1w', startDate: '2025-02-28', return: 0.05 }],
      risk: { volatility: 0.4045, maxDrawdown: -0.0753, drawdownPeak: '2025-02-26', drawdownTrough: '2025-03-04', highestSince: '2025-03-06', windowHigh: null, windowHighDate: null, fromWindowHigh: null },
      alternatives: [
        { weights: 'equal', rebalance: 'none', return: 0.428, coverage: cov(1, 2) },
        { weights: 'cap', rebalance: 'none', return: null, coverage: cov(0, 2) },
      ],
      members: [
        member({
          symbol: 'X1',
          name: '=HYPERLINK("x")',
          currency: 'HKD',
          startDate: '2024-12-31',
          startPrice: 416.1671142578125,
          endDate: '2025-03-07',
          endPrice: 528.8831787109375,
          localReturn: 0.27084327567338295,
          fxReturn: -0.001145037418625261,
          return: 0.428,
          weight: 1,
          contribution: 0.428,
          forwardPE: 19,
          included: true,
          periods: [{ period: '1w', startDate: '2025-02-28', return: 0.05 }],
        }),
        member({ symbol: 'X2' }),
      ],
    }),
    basket({
      id: 'b',
      name: 'B',
      benchmark: '^NDX',
      benchmarks: ['^NDX'],
      return: -0.1034985172869911,
      membersWithData: cov(1, 1),
      best: { symbol: 'Y', return: -0.1034985172869911 },
      worst: { symbol: 'Y', return: -0.1034985172869911 },
      marketValueChange: -415.18e9,
      marketValueCoverage: cov(1, 1),
      forwardPE: 27.9,
      forwardPEStatus: 'ok',
      peCoverage: cov(1, 1),
      forwardPEs: { harmonic: 27.9, median: 27.9, mean: 27.9, aggregate: 27.9 },
      periods: [{ period: '1w', startDate: '2025-02-28', return: -0.0466 }],
      risk: { volatility: 0.2695, maxDrawdown: -0.14, drawdownPeak: '2025-01-06', drawdownTrough: '2025-03-06', highestSince: null, windowHigh: null, windowHighDate: null, fromWindowHigh: null },
      benchmarkResult: {
        symbol: '^NDX',
        name: null,
        currency: 'USD',
        startDate: '2024-12-31',
        startPrice: 21012.169921875,
        endDate: '2025-03-07',
        endPrice: 20201.369140625,
        localReturn: -0.03858719895492113,
        fxReturn: 0,
        return: -0.03858719895492113,
        excessReturn: -0.1034985172869911 - -0.03858719895492113,
        periods: [{ period: '1w', startDate: '2025-02-28', return: -0.0327 }],
        risk: { volatility: 0.2075, maxDrawdown: -0.0957, drawdownPeak: '2025-02-19', drawdownTrough: '2025-03-06', highestSince: '2025-03-05', windowHigh: null, windowHighDate: null, fromWindowHigh: null },
      },
      alternatives: [
        { weights: 'equal', rebalance: 'none', return: -0.1034985172869911, coverage: cov(1, 1) },
        { weights: 'cap', rebalance: 'none', return: -0.1034985172869911, coverage: cov(1, 1) },
      ],
      members: [
        member({
          symbol: 'Y',
          name: 'Y Corp',
          currency: 'USD',
          startDate: '2024-12-31',
          startPrice: 10,
          endDate: '2025-03-07',
          endPrice: 8.96,
          localReturn: -0.1034985172869911,
          fxReturn: 0,
          return: -0.1034985172869911,
          weight: 1,
          contribution: -0.1034985172869911,
          marketValueStart: 4015.18e9,
          marketValueEnd: 3600e9,
          marketValueChange: -415.18e9,
          forwardPE: 27.9,
          included: true,
          periods: [{ period: '1w', startDate: '2025-02-28', return: -0.0466 }],
        }),
      ],
    }),
  ],
  comparison: {
    basket: 'a',
    against: 'b',
    discount: 0.31,
    discounts: { harmonic: 0.31, median: 0.31, mean: 0.31, aggregate: null },
    returnSpread: 0.428 - -0.1034985172869911,
  },
  issues: [{ symbol: 'X2', code: 'no-data', message: 'no price file' }],
};

describe('format', () => {
  it.each([
    [0.428, '+42.8%'],
    [-0.1034985, '-10.3%'],
    [0, '0.0%'],
    [-0.00001, '0.0%'],
    [null, '—'],
  ])('formatPercent(%s) = %s', (x, text) => {
    expect(formatPercent(x)).toBe(text);
  });

  it('formats multiples and prices, with a dash for unknown', () => {
    expect(formatMultiple(19.2468)).toBe('19.2x');
    expect(formatMultiple(null)).toBe('—');
    expect(formatPrice(416.1671142578125)).toBe('416.17');
    expect(formatPrice(null)).toBe('—');
  });

  it('formats n/m, billions with their currency, weights and percentage points', () => {
    expect(formatMultiple(null, 'not-meaningful')).toBe('n/m');
    expect(formatBillions(439.2e9, 'USD')).toBe('+439.2 bn USD');
    expect(formatBillions(-415_180_985_787.52, 'USD')).toBe('-415.2 bn USD');
    expect(formatBillions(20e6, 'HKD')).toBe('0.0 bn HKD');
    expect(formatBillions(null, 'USD')).toBe('—');
    expect(formatUnsignedPercent(1 / 7)).toBe('14.3%');
    expect(formatPoints(0.53)).toBe('+53.0 pts');
    expect(formatPoints(-0.0649)).toBe('-6.5 pts');
  });
});

describe('renderTable', () => {
  it('renders members, summary and discount without colour', () => {
    const text = renderTable(report, { chalk: new Chalk({ level: 0 }) });
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatchSnapshot();
  });

  it('colours gains green and losses red when colour is on', () => {
    const text = renderTable(report, { chalk: new Chalk({ level: 1 }) });
    expect(text).toContain('\u001b[32m+42.8%');
    expect(text).toContain('\u001b[31m-10.3%');
  });

  it('shows n/m for a P/E that is not meaningful, money in billions, and every method side by side', () => {
    const text = renderTable(report, { chalk: new Chalk({ level: 0 }) });
    expect(text).toContain('n/m');
    expect(text).toContain('-415.2 bn USD');
    expect(text).toContain('Return by method');
    expect(text).toContain('P/E by method');
    expect(text).toContain('benchmark ^NDX');
    expect(text).toContain('window high');
    expect(text).toContain('+53.1 pts');
  });
});

describe('renderCsv', () => {
  const text = renderCsv(report);
  const rows = parse(text, { columns: true }) as Record<string, string>[];

  it('has one stable header line and parses cleanly', () => {
    expect(text.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows.map((r) => r.kind)).toEqual([
      ...['member', 'member-period', 'member', 'member-period', 'basket', 'basket-period', 'method', 'method', 'valuation', 'valuation'],
      ...['member', 'member-period', 'basket', 'basket-period', 'benchmark', 'benchmark-period', 'method', 'method'],
      ...['comparison', 'discount', 'discount', 'discount', 'discount'],
    ]);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('writes raw numbers at full precision, and unknown as empty', () => {
    const byKind = (kind: string) => rows.filter((r) => r.kind === kind);
    expect(rows[0]).toMatchObject({ basket: 'a', symbol: 'X1', startPrice: '416.1671142578125', localReturn: '0.27084327567338295', return: '0.428', included: 'true', reportCurrency: 'USD' });
    expect(rows[1]).toMatchObject({ kind: 'member-period', symbol: 'X1', period: '1w', startDate: '2025-02-28', return: '0.05' });
    expect(rows[2]).toMatchObject({ symbol: 'X2', return: '', forwardPE: '', included: 'false' });
    expect(byKind('basket')[0]).toMatchObject({ name: 'Basket, "A"', return: '0.428', membersIncluded: '1', membersTotal: '2', peIncluded: '1', peTotal: '2', volatility: '0.4045' });
    expect(byKind('basket')[1]).toMatchObject({ marketValueChange: '-415180000000', excessReturn: String(-0.1034985172869911 - -0.03858719895492113) });
    expect(byKind('benchmark')[0]).toMatchObject({ symbol: '^NDX', return: '-0.03858719895492113', highestSince: '2025-03-05' });
    expect(byKind('valuation')[1]).toMatchObject({ basis: 'trailing', peMethod: 'harmonic', trailingPE: '', peStatus: 'not-meaningful', earningsYield: '-0.01' });
    expect(byKind('comparison')[0]).toMatchObject({ basket: 'a', against: 'b', discount: '0.31', returnSpread: String(0.428 - -0.1034985172869911) });
    expect(byKind('discount').map((r) => [r.peMethod, r.discount])).toEqual([['harmonic', '0.31'], ['median', '0.31'], ['mean', '0.31'], ['aggregate', '']]);
    expect(Number(rows[0]?.localReturn)).toBe(0.27084327567338295);
  });
});

describe('renderJson', () => {
  it('is the report, with null for unknown', () => {
    const back = JSON.parse(renderJson(report));
    expect(back).toEqual(report);
    expect(back.baskets[0].members[1].return).toBeNull();
  });
});

describe('renderCsv and formula injection', () => {
  const names = ['=HYPERLINK("x")', '+1 Corp', '-Dash', '@SUM', '\tTab', '\rCR', 'Alibaba', 'A=B'];
  const injected: Report = {
    ...report,
    comparison: null,
    baskets: [
      basket({
        id: 'a',
        name: '=cmd|"/C calc"!A0',
        return: -0.1,
        membersWithData: cov(names.length, names.length),
        members: names.map((name, i) => member({ symbol: `S${i}`, name, return: -0.1, startPrice: -0.5, included: true })),
      }),
    ],
  };
  const rows = parse(renderCsv(injected), { columns: true }) as Record<string, string>[];
  const memberNames = rows.filter((r) => r.kind === 'member').map((r) => r.name);

  it('prefixes a text cell that begins with =, +, -, @, tab or CR with a single quote', () => {
    expect(memberNames).toEqual(["'=HYPERLINK(\"x\")", "'+1 Corp", "'-Dash", "'@SUM", "'\tTab", "'\rCR", 'Alibaba', 'A=B']);
    expect(rows.find((r) => r.kind === 'basket')?.name).toBe('\'=cmd|"/C calc"!A0');
  });

  it('leaves numbers raw, negative ones included, and booleans and empty cells as they were', () => {
    const first = rows.find((r) => r.kind === 'member');
    expect(first).toMatchObject({ return: '-0.1', startPrice: '-0.5', included: 'true', forwardPE: '', endDate: '' });
    expect(rows.find((r) => r.kind === 'basket')).toMatchObject({ return: '-0.1', membersIncluded: String(names.length) });
  });

  it('neutralises the shared report fixture too', () => {
    const shared = parse(renderCsv(report), { columns: true }) as Record<string, string>[];
    expect(shared[0]?.name).toBe('\'=HYPERLINK("x")');
    expect(shared.find((r) => r.kind === 'basket' && r.basket === 'b')?.marketValueChange).toBe('-415180000000');
  });
});
