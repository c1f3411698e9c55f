import { parse } from 'csv-parse/sync';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../src/render/csv.js';
import { formatBillions, formatMultiple, formatPercent, formatPoints, formatPrice, formatUnsignedPercent } from '../../src/render/format.js';
import { renderJson } from '../../src/render/json.js';
import { renderTable } from '../../src/render/table.js';
import type { Report } from '../../src/report/types.js';
import { basket, cov, HAND_REPORT, member } from './hand-report.js';

const report = HAND_REPORT;

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

  it('colours the figure, not the coverage after it, and the same figures as Markdown and HTML do', () => {
    const text = renderTable(report, { chalk: new Chalk({ level: 1 }) });
    expect(text).toContain('\u001b[32m+42.8%\u001b[39m (1/2)'); // return by method, partial coverage
    expect(text).toContain('\u001b[31m-415.2 bn USD\u001b[39m (1/1)'); // market value change
    expect(text).toContain('\u001b[31m-7.5%\u001b[39m'); // drawdown
    expect(text).toContain('\u001b[31m-6.5%\u001b[39m'); // return over the benchmark's
    expect(text).toContain('\u001b[32m+27.1%\u001b[39m'); // local return
    expect(text).toContain('\u001b[31m-0.1%\u001b[39m'); // FX return
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
  it('is the report, with null for unknown, after its schemaVersion', () => {
    const { schemaVersion, ...back } = JSON.parse(renderJson(report));
    expect(schemaVersion).toBe(1);
    expect(Object.keys(JSON.parse(renderJson(report)))[0]).toBe('schemaVersion');
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
