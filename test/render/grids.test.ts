/**
 * The report's tables as grids (src/render/grids.ts), figure by figure, on a
 * report made by hand: each cell shown as its text, with its tone after it
 * (`+42.8% ↑` a gain, `-10.3% ↓` a loss).
 */
import { describe, expect, it } from 'vitest';
import { cellText, extremesLine, membersGrid, methodsGrid, returnsGrid, riskAndValueGrid, toneOf, valuationGrid, type Grid } from '../../src/render/grids.js';
import type { Report } from '../../src/report/types.js';
import { basket, cov, HAND_REPORT, member } from './hand-report.js';

const r = HAND_REPORT;
const [A, B] = r.baskets as [Report['baskets'][number], Report['baskets'][number]];

/** A grid's rows as `kind: cell | cell …`, each cell its text and its tone. */
const show = (g: Grid) =>
  g.rows.map((row) => `${row.kind}: ${row.cells.map((c) => `${cellText(c)}${c.tone === 'gain' ? ' ↑' : c.tone === 'loss' ? ' ↓' : ''}`).join(' | ')}`);
const rightAligned = (g: Grid) => g.head.filter((_, i) => g.align[i] === 'right');

describe('returnsGrid', () => {
  const g = returnsGrid(r, false);

  it('has each basket, then its benchmark, with return, periods and the return over the benchmark', () => {
    expect(g.title).toBe('Returns');
    expect(g.head).toEqual(['Basket', 'Members', 'Return USD', '1w', 'vs benchmark']);
    expect(rightAligned(g)).toEqual(['Members', 'Return USD', '1w', 'vs benchmark']);
    expect(show(g)).toEqual([
      'basket: Basket, "A" | 1/2 | +42.8% ↑ | +5.0% ↑ | —',
      // -10.35% against the benchmark's -3.86%: -6.49 points
      'basket: B | 1/1 | -10.3% ↓ | -4.7% ↓ | -6.5% ↓',
      'benchmark: benchmark ^NDX |  | -3.9% ↓ | -3.3% ↓ | ',
    ]);
  });

  it('adds a trend column whose tone is the series from its first level to its last', () => {
    const levels = (values: number[]) => ({ dates: values.map((_, i) => `2025-01-0${i + 1}`), values });
    const withLevels: Report = {
      ...r,
      baskets: [{ ...A, levels: levels([100, 90, 120]) }, { ...B, levels: levels([100, 110, 100]), benchmarkResult: B.benchmarkResult && { ...B.benchmarkResult, levels: null } }],
    };
    const t = returnsGrid(withLevels, true);
    expect(t.head).toEqual(['Basket', 'Members', 'Return USD', 'Trend', '1w', 'vs benchmark']);
    expect(t.rows.map((row) => row.cells[3])).toEqual([
      { text: '▃▁█', tone: 'gain' },
      { text: '▁█▁', tone: null }, // ends where it started
      { text: '—', tone: null }, // no levels: unknown
    ]);
  });
});

describe('riskAndValueGrid', () => {
  it('has volatility, drawdown, highest since, P/Es with coverage and the market value change with its coverage', () => {
    const g = riskAndValueGrid(r);
    expect(g.title).toBe('Risk and valuation');
    expect(g.head).toEqual(['Basket', 'Volatility', 'Max drawdown', 'Highest since', 'Fwd P/E (harmonic)', 'P/E coverage', 'Trailing P/E', 'Market value change']);
    expect(rightAligned(g)).toEqual(['Volatility', 'Max drawdown', 'Fwd P/E (harmonic)', 'P/E coverage', 'Trailing P/E', 'Market value change']);
    expect(show(g)).toEqual([
      'basket: Basket, "A" | 40.5% | -7.5% ↓ | 2025-03-06 | 19.2x | 1/2 | n/m | — (0/2)',
      // B's last close is its highest since the window began: "window high" (no --lookback)
      'basket: B | 27.0% | -14.0% ↓ | window high | 27.9x | 1/1 | — | -415.2 bn USD (1/1) ↓',
      'benchmark: benchmark ^NDX | 20.8% | -9.6% ↓ | 2025-03-05 |  |  |  | ',
    ]);
    // the tone is the figure's: the coverage after it is a note
    expect(g.rows[1]?.cells[7]).toEqual({ text: '-415.2 bn USD', tone: 'loss', note: '(1/1)' });
  });
});

describe('membersGrid', () => {
  it('has prices, local and FX returns under --currency, periods, weight, contribution and P/E; a member without data is excluded', () => {
    const g = membersGrid(r, A, false);
    expect(g.title).toBe('Basket, "A" (a)');
    expect(g.head).toEqual(['Symbol', 'Name', 'Ccy', 'Start', 'Start price', 'End', 'End price', 'Local', 'FX', 'Return USD', '1w', 'Weight', 'Contrib.', 'Fwd P/E']);
    expect(g.align.map((a) => a[0]).join('')).toBe('llllrlrrrrrrrr');
    expect(show(g)).toEqual([
      'member: X1 | =HYPERLINK("x") | HKD | 2024-12-31 | 416.17 | 2025-03-07 | 528.88 | +27.1% ↑ | -0.1% ↓ | +42.8% ↑ | +5.0% ↑ | 100.0% | +42.8% ↑ | 19.0x',
      'excluded: X2 | — | — | — | — | — | — | — | — | — | — | — | — | —',
    ]);
  });

  it('adds the market value change, in the report currency, when a member has one', () => {
    const g = membersGrid(r, B, false);
    expect(g.head.at(-1)).toBe('Mkt value chg');
    expect(show(g)).toEqual(['member: Y | Y Corp | USD | 2024-12-31 | 10.00 | 2025-03-07 | 8.96 | -10.3% ↓ | 0.0% | -10.3% ↓ | -4.7% ↓ | 100.0% | -10.3% ↓ | 27.9x | -415.2 bn USD ↓']);
  });

  it('has no local and FX columns in each member’s own currency, and dates a P/E that is not of the as-of date', () => {
    const own: Report = { ...r, currency: null, periods: [] };
    const b = basket({
      id: 'c',
      name: 'C',
      members: [member({ symbol: 'Z', currency: 'EUR', return: 0.1, forwardPE: 15, forwardPEDate: '2025-02-01', marketValueChange: 2e9, included: true, periods: [] })],
    });
    const g = membersGrid(own, b, false);
    expect(g.head).toEqual(['Symbol', 'Name', 'Ccy', 'Start', 'Start price', 'End', 'End price', 'Return', 'Weight', 'Contrib.', 'Fwd P/E', 'Mkt value chg']);
    expect(show(g)).toEqual(['member: Z | — | EUR | — | — | — | — | +10.0% ↑ | — | — | 15.0x (2025-02-01) | +2.0 bn EUR ↑']);
  });
});

describe('valuationGrid and methodsGrid', () => {
  it('has every basis and method with coverage, the earnings yields and the discounts, only under --pe-method all', () => {
    const g = valuationGrid(r) as Grid;
    expect(g.title).toBe('P/E by method (coverage)');
    expect(g.head).toEqual(['P/E (coverage)', 'harmonic', 'median', 'mean', 'aggregate']);
    expect(show(g)).toEqual([
      'plain: Basket, "A", forward | 19.2x (1/2) | — | — | —',
      'plain: Basket, "A", forward earnings yield | +5.20% | — | — | —',
      'plain: Basket, "A", trailing | n/m (2/2) | — | — | —',
      'plain: B, forward | — | — | — | —',
      'plain: B, forward earnings yield | — | — | — | —',
      'plain: B, trailing | — | — | — | —',
      'plain: Discount a vs b | +31.0% | +31.0% | +31.0% | —',
    ]);
    expect(valuationGrid({ ...r, method: { ...r.method, peMethod: 'harmonic' } })).toBeNull();
  });

  it('has each basket’s return under every weighting, with its coverage where partial', () => {
    const g = methodsGrid(r) as Grid;
    expect(g.title).toBe('Return by method');
    expect(g.head).toEqual(['Method', 'Basket, "A"', 'B']);
    expect(show(g)).toEqual(['plain: equal-weighted, buy-and-hold | +42.8% (1/2) ↑ | -10.3% ↓', 'plain: cap-weighted, buy-and-hold | — (0/2) | -10.3% ↓']);
    expect(methodsGrid({ ...r, baskets: r.baskets.map((b) => ({ ...b, alternatives: null })) })).toBeNull();
  });
});

describe('tones and lines', () => {
  it.each([
    ['a gain', 0.428, '+42.8%', 'gain'],
    ['a loss', -0.1, '-10.0%', 'loss'],
    ['a gain shown as zero', 0.00001, '0.0%', null],
    ['a loss shown as zero', -4e6, '0.0 bn USD', null],
    ['unknown', null, '—', null],
  ] as const)('toneOf: %s', (_, x, shown, tone) => expect(toneOf(x, shown)).toBe(tone));

  it('names the best and worst member', () => {
    expect(extremesLine(B)).toBe('Best Y -10.3% · worst Y -10.3%');
    expect(extremesLine(basket({ id: 'e', name: 'E', members: [], membersWithData: cov(0, 0) }))).toBeNull();
  });
});
