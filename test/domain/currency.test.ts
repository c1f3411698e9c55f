/** Minor currency units to major ones (domain/currency.ts), as every provider answers. */
import { describe, expect, it } from 'vitest';
import { quoteInMajorUnits, quotesInMajorUnits, seriesInMajorUnits, toMajorUnit } from '../../src/domain/currency.js';
import { quoteOf } from '../../src/domain/quote.js';
import { seriesOf } from '../../src/providers/provider.js';

describe('toMajorUnit', () => {
  it.each([
    ['GBp', 'GBP', 100], // pence
    ['GBX', 'GBP', 100],
    ['ZAc', 'ZAR', 100], // South African cents
    ['ZAC', 'ZAR', 100],
    ['ILA', 'ILS', 100], // agorot
    ['USD', 'USD', 1],
    ['HKD', 'HKD', 1],
    ['GBP', 'GBP', 1], // the major unit itself is left alone (the code is case-sensitive: GBP ≠ GBp)
  ])('%s → %s ÷ %i', (currency, major, divisor) => {
    expect(toMajorUnit(currency)).toEqual({ currency: major, divisor });
  });
});

describe('seriesInMajorUnits', () => {
  it('divides the closes of a minor unit by 100 and names the major unit', () => {
    const out = seriesInMajorUnits(seriesOf('VOD.L', 'GBp', ['2025-01-02', '2025-01-03'], [68.5, 70], [67, 69]));
    expect(out.currency).toBe('GBP');
    expect([...out.close]).toEqual([0.685, 0.7]);
    expect([...out.adjClose]).toEqual([0.67, 0.69]);
  });

  it('gives back the same series for a major unit or an unknown currency', () => {
    const usd = seriesOf('X', 'USD', ['2025-01-02'], [1]);
    const unknown = seriesOf('X', null, ['2025-01-02'], [1]);
    expect(seriesInMajorUnits(usd)).toBe(usd);
    expect(seriesInMajorUnits(unknown)).toBe(unknown);
  });
});

describe('quoteInMajorUnits', () => {
  it('divides price and market cap, names both currencies by their major unit, and leaves ratios and counts', () => {
    const q = quoteOf('VOD.L', { currency: 'GBp', financialCurrency: 'GBp', price: 72, marketCap: 1.8e12, forwardPE: 9, trailingPE: 11, epsForward: 8, sharesOutstanding: 2.5e10 });
    expect(quoteInMajorUnits(q)).toEqual({ ...q, currency: 'GBP', financialCurrency: 'GBP', price: 0.72, marketCap: 1.8e10 });
  });

  it('takes a market cap that underflows in the conversion as unknown, not 0', () => {
    expect(quoteInMajorUnits(quoteOf('X', { currency: 'GBp', marketCap: 5e-324, price: 0 }))).toMatchObject({ marketCap: null, price: 0 });
  });

  it('gives back the same quote when nothing is in a minor unit', () => {
    const q = quoteOf('X', { currency: 'USD', price: 1 });
    expect(quoteInMajorUnits(q)).toBe(q);
  });
});

describe('quotesInMajorUnits', () => {
  it("converts a dated row that names no currency by the currency the symbol's other rows give", () => {
    const history = [quoteOf('VOD.L', { currency: 'GBp' }), quoteOf('VOD.L', { date: '2025-03-07', marketCap: 1.8e12 })];
    expect(quotesInMajorUnits(history)).toEqual([quoteOf('VOD.L', { currency: 'GBP' }), quoteOf('VOD.L', { date: '2025-03-07', marketCap: 1.8e10 })]);
  });

  it('gives back the same history when nothing is in a minor unit', () => {
    const history = [quoteOf('X', { currency: 'USD', price: 1 })];
    expect(quotesInMajorUnits(history)).toBe(history);
  });
});
