import { describe, expect, it } from 'vitest';
import { chooseQuote, type PointInTimeOptions } from '../../src/analytics/point-in-time.js';
import { sortQuotes } from '../../src/domain/quote.js';
import { quoteOf } from '../../src/domain/quote.js';
import type { Quote } from '../../src/domain/types.js';

const q = (date: string | null, fields: Partial<Quote> = {}, provider: string | null = null): Quote => quoteOf('X', { date, provider, ...fields });

const AS_OF = '2025-03-07';
const rules: PointInTimeOptions = { asOf: AS_OF, maxAgeDays: 31, rule: 'flag' };

describe('chooseQuote', () => {
  it('takes the latest value dated on or before the as-of date, field by field', () => {
    const quotes = [q('2024-12-31', { forwardPE: 16.17, marketCap: 3.8e12 }, 'S&P'), q('2025-02-20', { forwardPE: 13 }, 'Bloomberg'), q('2025-03-07', { forwardPE: 63.69 }, 'Yahoo')];
    const c = chooseQuote('X', quotes, rules);
    expect(c.quote.forwardPE).toBe(63.69); // dated on the as-of date itself
    expect(c.figures.forwardPE).toMatchObject({ date: '2025-03-07', provider: 'Yahoo' });
    // the cap comes from its own row: 66 days old (the days of January and February, then 7), used and flagged stale
    expect(c.quote.marketCap).toBe(3.8e12);
    expect(c.figures.marketCap).toMatchObject({ date: '2024-12-31', provider: 'S&P' });
    expect(c.flags).toEqual([{ field: 'marketCap', kind: 'stale', date: '2024-12-31', days: 31 + 28 + 7 }]);
  });

  it('a value older than --max-quote-age by one day is stale; one exactly that old is not', () => {
    expect(chooseQuote('X', [q('2025-02-04', { forwardPE: 10 })], rules).flags).toEqual([]); // 31 days before 2025-03-07
    expect(chooseQuote('X', [q('2025-02-03', { forwardPE: 10 })], rules).flags).toEqual([{ field: 'forwardPE', kind: 'stale', date: '2025-02-03', days: 32 }]);
  });

  it('with nothing on or before the as-of date, takes the earliest after it and flags the days', () => {
    const quotes = [q('2025-03-21', { forwardPE: 40 }), q('2025-03-14', { forwardPE: 38 })];
    const c = chooseQuote('X', quotes, rules);
    expect(c.quote.forwardPE).toBe(38);
    expect(c.flags).toEqual([{ field: 'forwardPE', kind: 'after', date: '2025-03-14', days: 7 }]);
  });

  it('under strict, leaves a value dated after the as-of date out: unknown, and said', () => {
    const c = chooseQuote('X', [q('2025-03-14', { forwardPE: 38, marketCap: 1e12 }), q('2025-01-02', { marketCap: 9e11 })], { ...rules, rule: 'strict' });
    expect(c.quote.forwardPE).toBeNull();
    expect(c.figures.forwardPE).toBeUndefined();
    expect(c.quote.marketCap).toBe(9e11); // dated before: still used
    expect(c.flags).toEqual([
      { field: 'forwardPE', kind: 'left-out', date: '2025-03-14', days: 7 },
      { field: 'marketCap', kind: 'stale', date: '2025-01-02', days: 64 },
    ]);
  });

  it('an undated value is taken as of the as-of date, before any dated one, and flagged undated', () => {
    const c = chooseQuote('X', [q(null, { forwardPE: 20, name: 'X Inc.' }), q('2025-03-01', { forwardPE: 19 })], rules);
    expect(c.quote.forwardPE).toBe(20);
    expect(c.quote.name).toBe('X Inc.');
    expect(c.figures.forwardPE?.date).toBeNull();
    expect(c.flags).toEqual([
      { field: 'name', kind: 'undated', date: null, days: 0 },
      { field: 'forwardPE', kind: 'undated', date: null, days: 0 },
    ]);
  });

  it('invariant: one undated quote gives that quote, field for field', () => {
    const one = q(null, { name: 'A', currency: 'USD', price: 10, forwardPE: 12, trailingPE: 15, epsForward: 0.8, marketCap: 5e9, sharesOutstanding: 5e8 });
    expect(chooseQuote('X', [one], rules).quote).toEqual({ ...one, provider: null });
  });

  it('a value of a row does not stand for another field: empty cells are skipped, not taken as 0', () => {
    const c = chooseQuote('X', [q('2025-03-06', { forwardPE: null, marketCap: 2e12 }), q('2025-03-01', { forwardPE: 25 })], rules);
    expect(c.quote.forwardPE).toBe(25);
    expect(c.quote.marketCap).toBe(2e12);
    expect(c.quote.trailingPE).toBeNull();
  });
});

describe('sortQuotes', () => {
  it('puts the undated first, then ascending by date, keeping the order of ties', () => {
    const a = q('2025-03-01', { forwardPE: 1 });
    const b = q(null, { name: 'x' });
    const c = q('2024-12-31', { forwardPE: 2 });
    const d = q('2024-12-31', { marketCap: 3 });
    expect(sortQuotes([a, b, c, d])).toEqual([b, c, d, a]);
  });
});
