import { parse } from 'csv-parse/sync';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../src/render/csv.js';
import { formatMultiple, formatPercent, formatPrice } from '../../src/render/format.js';
import { renderJson } from '../../src/render/json.js';
import { renderTable } from '../../src/render/table.js';
import type { Report } from '../../src/report/types.js';

const report: Report = {
  asOf: '2025-03-07',
  from: '2025-01-01',
  priceBasis: 'adjusted',
  dataSource: 'files:fixtures/demo',
  baskets: [
    {
      id: 'a',
      name: 'Basket, "A"',
      benchmark: null,
      source: 'preset',
      return: 0.428,
      membersWithData: { included: 1, total: 2 },
      forwardPE: 19.2468,
      peMethod: 'harmonic',
      peCoverage: { included: 1, total: 2 },
      members: [
        { symbol: 'X1', name: '=HYPERLINK("x")', currency: 'HKD', startDate: '2024-12-31', startPrice: 416.1671142578125, endDate: '2025-03-07', endPrice: 528.8831787109375, return: 0.27084327567338295, forwardPE: 19 },
        { symbol: 'X2', name: null, currency: null, startDate: null, startPrice: null, endDate: null, endPrice: null, return: null, forwardPE: null },
      ].map((m) => ({ ...m, included: m.return !== null })),
    },
    {
      id: 'b',
      name: 'B',
      benchmark: '^NDX',
      source: 'preset',
      return: -0.1034985172869911,
      membersWithData: { included: 1, total: 1 },
      forwardPE: 27.9,
      peMethod: 'harmonic',
      peCoverage: { included: 1, total: 1 },
      members: [{ symbol: 'Y', name: 'Y Corp', currency: 'USD', startDate: '2024-12-31', startPrice: 10, endDate: '2025-03-07', endPrice: 8.96, return: -0.1034985172869911, forwardPE: 27.9, included: true }],
    },
  ],
  comparison: { basket: 'a', against: 'b', discount: 0.31 },
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
});

describe('renderCsv', () => {
  const text = renderCsv(report);
  const rows = parse(text, { columns: true }) as Record<string, string>[];

  it('has one stable header line and parses cleanly', () => {
    expect(text.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows.map((r) => r.kind)).toEqual(['member', 'member', 'basket', 'member', 'basket', 'comparison']);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('writes raw numbers at full precision, and unknown as empty', () => {
    expect(rows[0]).toMatchObject({ basket: 'a', symbol: 'X1', startPrice: '416.1671142578125', return: '0.27084327567338295', included: 'true' });
    expect(rows[1]).toMatchObject({ symbol: 'X2', return: '', forwardPE: '', included: 'false' });
    expect(rows[2]).toMatchObject({ kind: 'basket', name: 'Basket, "A"', return: '0.428', membersIncluded: '1', membersTotal: '2', peIncluded: '1', peTotal: '2' });
    expect(rows[5]).toMatchObject({ kind: 'comparison', basket: 'a', against: 'b', discount: '0.31' });
    expect(Number(rows[0]?.return)).toBe(0.27084327567338295);
  });
});

describe('renderJson', () => {
  it('is the report, with null for unknown', () => {
    const back = JSON.parse(renderJson(report));
    expect(back).toEqual(report);
    expect(back.baskets[0].members[1].return).toBeNull();
  });
});
