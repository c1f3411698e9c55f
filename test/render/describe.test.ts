/** The words for a report's period, methods and comparison (src/render/describe.ts), on a report made by hand. */
import { describe, expect, it } from 'vitest';
import { comparisonFigures, describeIssue, headerLine, headerParts, methodNotes, peDatesLine, reportTitle } from '../../src/render/describe.js';
import type { Report } from '../../src/report/types.js';
import { HAND_REPORT } from './hand-report.js';

const r = HAND_REPORT;

describe('the header', () => {
  it('says the period, returns, currency, weights, P/E method and data, noting every method shown side by side', () => {
    expect(headerParts(r)).toEqual([
      'From 2025-01-01 to 2025-03-07',
      'total return (adjusted closes)',
      'in USD',
      'equal-weighted, buy-and-hold (every method side by side)',
      'P/E harmonic (every method side by side), losses included',
      'data: files:fixtures/demo',
    ]);
    expect(headerLine(r)).toBe(headerParts(r).join(' · '));
  });

  it('leaves the side-by-side notes out in the terminal, whose tables show every method', () => {
    expect(headerParts(r, { sideBySide: false })).toEqual([
      'From 2025-01-01 to 2025-03-07',
      'total return (adjusted closes)',
      'in USD',
      'equal-weighted, buy-and-hold',
      'P/E harmonic, losses included',
      'data: files:fixtures/demo',
    ]);
  });

  it('says price returns, own currencies, the rebalancing, excluded losses and a repriced P/E', () => {
    const other: Report = { ...r, priceBasis: 'close', currency: null, method: { ...r.method, weights: 'cap', rebalance: 'monthly', peMethod: 'harmonic', negativePE: 'exclude', peAt: 'as-of' } };
    expect(headerLine(other)).toBe(
      'From 2025-01-01 to 2025-03-07 · price return (closes) · each member in its own currency · cap-weighted, rebalanced monthly · P/E harmonic, losses excluded, repriced to 2025-03-07 (earnings estimate held constant) · data: files:fixtures/demo',
    );
    expect(headerParts(other, { sideBySide: false }).join(' · ')).toBe(headerLine(other));
  });
});

describe('comparisonFigures', () => {
  it('gives the return spread in points and the valuation discount, both emphasised', () => {
    // 42.8% − (−10.35%) = 53.15 points; 1 − PE_A / PE_B = 0.31
    expect(comparisonFigures(r)).toEqual([
      { label: 'Return of Basket, "A" minus B', value: '+53.1 pts', emphasis: true },
      { label: 'Valuation of Basket, "A" vs B on forward P/E (harmonic)', value: '31.0% discount', emphasis: true },
    ]);
  });

  it('calls a negative discount a premium, and says why there is no discount without emphasis', () => {
    const c = r.comparison as NonNullable<Report['comparison']>;
    expect(comparisonFigures({ ...r, comparison: { ...c, discount: -0.125 } })[1]).toEqual({ label: 'Valuation of Basket, "A" vs B on forward P/E (harmonic)', value: '12.5% premium', emphasis: true });
    expect(comparisonFigures({ ...r, comparison: { ...c, discount: null } })[1]).toEqual({
      label: 'Valuation discount of Basket, "A" vs B',
      value: '— (a forward P/E is unknown or not meaningful)',
      emphasis: false,
    });
    expect(comparisonFigures({ ...r, comparison: null })).toEqual([]);
  });
});

describe('titles, dates and method notes', () => {
  it('names the report after its baskets', () => {
    expect(reportTitle(r)).toBe('Basket, "A" vs B');
    expect(reportTitle({ ...r, baskets: [] })).toBe('basket');
  });

  it('dates the forward P/Es only where they are not of the as-of date', () => {
    expect(peDatesLine(r)).toBeNull();
    const [a, b] = r.baskets as [Report['baskets'][number], Report['baskets'][number]];
    const dated: Report = {
      ...r,
      baskets: [
        { ...a, forwardPEDates: { earliest: '2024-12-31', latest: '2025-03-14' } },
        { ...b, forwardPEDates: { earliest: '2025-03-07', latest: '2025-03-07' } },
      ],
    };
    expect(peDatesLine(dated)).toBe('Forward P/Es dated (as-of 2025-03-07): Basket, "A" 2024-12-31 … 2025-03-14');
    expect(methodNotes(dated).at(-1)).toEqual({ label: 'P/E dates', text: 'forward P/Es dated (as-of 2025-03-07): Basket, "A" 2024-12-31 … 2025-03-14' });
  });

  it('lists the methods used', () => {
    expect(methodNotes(r)).toEqual([
      { label: 'Period', text: 'from 2025-01-01 (base: the last close before it) to 2025-03-07' },
      { label: 'Returns', text: 'total return (adjusted closes)' },
      { label: 'Currency', text: 'every return and money figure in USD, converted with FX closes' },
      { label: 'Weights and rebalancing', text: 'equal-weighted, buy-and-hold (every method side by side)' },
      { label: 'P/E method', text: 'P/E harmonic (every method side by side), losses included' },
      { label: 'Periods', text: '1w' },
    ]);
  });
});

describe('describeIssue', () => {
  it('says the symbol, its basket and the note; `*` for a note on no one symbol', () => {
    expect(describeIssue({ symbol: '0700.HK', basket: 'titans', code: 'no-data', message: 'no price file' })).toBe('0700.HK (titans): no price file');
    expect(describeIssue({ symbol: null, code: 'no-data', message: 'source unavailable' })).toBe('*: source unavailable');
  });
});
