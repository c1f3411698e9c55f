import { describe, expect, it } from 'vitest';
import type { BasketDef } from '../../src/config/basket.js';
import type { Claim } from '../../src/config/claims.js';
import { parseExpectation } from '../../src/config/expect.js';
import { FIGURE_UNITS, type Figure } from '../../src/domain/claims.js';
import { quoteOf } from '../../src/domain/quote.js';
import { seriesOf } from '../../src/providers/provider.js';
import { buildReport, DEFAULT_OPTIONS, type ReportOptions } from '../../src/report/build.js';
import { judgeClaim } from '../../src/report/check.js';
import type { ClaimSettingsUsed } from '../../src/report/check-types.js';

const D = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06'];
const def = (id: string, symbols: string[], benchmarks: string[] = []): BasketDef => ({ id, name: id.toUpperCase(), symbols, weights: null, benchmarks, source: 'preset' });
const HISTORY = new Map([
  ['A1', seriesOf('A1', 'USD', D, [40, 40, 44, 42, 50])], // 40 → 50: +25%
  ['A2', seriesOf('A2', 'USD', D, [10, 10, 8, 12, 11])], // 10 → 11: +10%
  ['B1', seriesOf('B1', 'USD', D, [20, 20, 21, 19, 18])], // 20 → 18: −10%
  ['IDX', seriesOf('IDX', 'USD', D, [100, 100, 101, 102, 110])], // 100 → 110: +10%
]);
const QUOTES = new Map([
  ['A1', [quoteOf('A1', { currency: 'USD', forwardPE: 10, sharesOutstanding: 1e6, date: '2025-01-03', provider: 'P' })]],
  ['A2', [quoteOf('A2', { currency: 'USD', forwardPE: 20 })]],
  ['B1', [quoteOf('B1', { currency: 'USD', forwardPE: 25, marketCap: 2e8, price: 20 })]],
]);

const SETTINGS: ClaimSettingsUsed = {
  asOf: '2025-01-06',
  from: '2025-01-01',
  currency: null,
  weights: 'equal',
  rebalance: 'none',
  peMethod: 'harmonic',
  negativePE: 'exclude',
  lookback: null,
  priceBasis: 'adjusted',
  pointInTime: 'flag',
  maxQuoteAgeDays: 31,
  minCoverage: 0.5,
  peAt: 'quote-date',
};

function claim(figure: Figure, expectText: string, more: Partial<Claim> = {}): Claim {
  const e = parseExpectation(expectText, FIGURE_UNITS[figure]);
  if (!e.ok) throw new Error(e.message);
  return { id: 'c', says: 's', figure, subject: { kind: 'basket', basket: 'a' }, against: null, period: null, expect: e.value, source: null, quote: null, settings: {}, ...more };
}

function judge(c: Claim, baskets: BasketDef[], options: Partial<ReportOptions> = {}, asOf = SETTINGS.asOf, explain = false) {
  const report = buildReport({
    baskets,
    history: HISTORY,
    quotes: QUOTES,
    providerIssues: [{ symbol: 'GONE', code: 'no-data', message: 'no price file GONE.csv' }],
    from: SETTINGS.from,
    asOf,
    priceBasis: 'adjusted',
    dataSource: 'test',
    options: { ...DEFAULT_OPTIONS, explain: true, ...options },
  });
  return judgeClaim({ claim: c, settings: { ...SETTINGS, asOf, pointInTime: options.pointInTime ?? 'flag' }, report, explain });
}

const A = [def('a', ['A1', 'A2'], ['IDX'])];
const AB = [def('a', ['A1', 'A2'], ['IDX']), def('b', ['B1'])];
const ONE = [def('a', ['A1'])];

describe('judgeClaim', () => {
  it('reads a return at its boundary: 50 / 40 − 1 = 0.25 exactly, so "> 25%" does not hold and ">= 0.25" does', () => {
    expect(judge(claim('return', '> 25%'), ONE)).toMatchObject({ value: 0.25, verdict: 'does-not-hold', reason: null });
    expect(judge(claim('return', '>= 0.25'), ONE).verdict).toBe('holds');
    expect(judge(claim('return', '≈ 0.2 ± 0.05'), ONE).verdict).toBe('holds');
    expect(judge(claim('return', 'between 0.26 and 0.3'), ONE).verdict).toBe('does-not-hold');
  });

  it("takes the basket's equal-weighted return: (0.25 + 0.1) / 2 = 0.175", () => {
    const r = judge(claim('return', '> 0.17'), A);
    expect(r.value as number).toBeCloseTo((50 / 40 - 1 + (11 / 10 - 1)) / 2, 12);
    expect(r).toMatchObject({ verdict: 'holds', coverage: { included: 2, total: 2 }, unit: 'fraction', expect: '> 0.17' });
    expect(r.method).toBe('equal-weighted, buy-and-hold, total return, 2/2 members, 2025-01-01 to 2025-01-06');
  });

  it('cannot check a basket with a member missing, and says why in the provider\'s words', () => {
    const r = judge(claim('return', '> 0'), [def('a', ['A1', 'GONE'])]);
    expect(r.verdict).toBe('cannot-check');
    expect(r.reason).toBe('no data for GONE (no price file GONE.csv)');
    expect(r.value).not.toBeNull(); // the figure over the rest is shown, but judges nothing
  });

  it('judges a P/E and its coverage against --min-coverage', () => {
    // harmonic at equal weights: 1 / (0.5/10 + 0.5/20) = 1 / 0.075 = 13.333…
    const r = judge(claim('forward-pe', '≈ 13.3x ± 0.1x'), A);
    expect(r.value as number).toBeCloseTo(1 / 0.075, 12);
    expect(r).toMatchObject({ verdict: 'holds', coverage: { included: 2, total: 2 } });
    expect(r.method).toBe('harmonic, losses excluded, 2/2, P/Es dated 2025-01-03');
    // trailing P/Es: none known → 0/2 is below one half
    const t = judge(claim('trailing-pe', '> 0'), A);
    expect(t.verdict).toBe('cannot-check');
    expect(t.reason).toBe('trailing P/E coverage 0/2 is below --min-coverage 50% (A1: unknown in the data; A2: unknown in the data)');
  });

  it('cannot check a P/E under --point-in-time strict when a member\'s P/E is dated after the as-of date, naming it', () => {
    // as of 2025-01-02 A1's P/E (dated 2025-01-03) is from the future: left out; the basket's P/E of that day is not known
    const strict = judge(claim('forward-pe', '= 20'), A, { pointInTime: 'strict' }, '2025-01-02');
    expect(strict).toMatchObject({ verdict: 'cannot-check', value: 20, coverage: { included: 1, total: 2 } });
    expect(strict.reason).toBe("forward P/Es dated after the as-of date, left out under --point-in-time strict: A1 2025-01-03; the basket's forward P/E of that day is not known");
    // under flag the same P/E is used, and the verdict says so
    const flagged = judge(claim('forward-pe', '= 10'), ONE, {}, '2025-01-02');
    expect(flagged).toMatchObject({ verdict: 'holds', reason: 'uses P/Es dated after the as-of date 2025-01-02: A1 2025-01-03' });
    // as of its own date the P/E is in under strict too
    expect(judge(claim('forward-pe', '= 10'), ONE, { pointInTime: 'strict' }, '2025-01-03').verdict).toBe('holds');
  });

  it('takes the discount and the return spread from the comparison of the two baskets', () => {
    // 1 − (1/0.075) / 25 = 1 − 13.333…/25 = 0.46666…
    const d = judge(claim('discount', '> 40%', { against: 'b' }), AB);
    expect(d.value as number).toBeCloseTo(1 - 1 / 0.075 / 25, 12);
    expect(d.verdict).toBe('holds');
    // 0.175 − (18/20 − 1) = 0.175 + 0.1 = 0.275
    const s = judge(claim('return-spread', '≈ 0.275 ± 0.0001', { against: 'b' }), AB);
    expect(s.value as number).toBeCloseTo(0.175 - (18 / 20 - 1), 12);
    expect(s.verdict).toBe('holds');
  });

  it("takes the excess return over the basket's benchmark, and cannot check one without a benchmark", () => {
    // 0.175 − (110/100 − 1) = 0.075
    const x = judge(claim('excess-return', '> 0.07'), A);
    expect(x.value as number).toBeCloseTo(0.175 - 0.1, 12);
    expect(x.verdict).toBe('holds');
    expect(judge(claim('excess-return', '> 0'), ONE)).toMatchObject({ verdict: 'cannot-check', reason: 'a has no benchmark' });
  });

  it('adds market values only when every member has one', () => {
    // B1's undated cap 2e8 is taken as of the as-of date, at that day's close 18: 2e8/18 shares × (18 − 20) = −2.222…e7
    const b = judge({ ...claim('market-value-change', '≈ -2.2e7 ± 2%'), subject: { kind: 'basket', basket: 'b' } }, [def('b', ['B1'])]);
    expect(b.value as number).toBeCloseTo((2e8 / 18) * (18 - 20), 6);
    expect(b).toMatchObject({ verdict: 'holds', currency: 'USD', unit: 'money' });
    const a = judge(claim('market-value-change', '> 0'), A);
    expect(a.verdict).toBe('cannot-check');
    expect(a.reason).toBe("market value unknown for A2: no market cap or share count in the data (a sum without them is not the basket's)");
  });

  it('reads the risk figures off the basket\'s daily level', () => {
    // levels 0.5 × A1/40 + 0.5 × A2/10: 1, 0.95, 1.125, 1.175
    const levels = [1, 0.5 * (44 / 40) + 0.5 * (8 / 10), 0.5 * (42 / 40) + 0.5 * (12 / 10), 0.5 * (50 / 40) + 0.5 * (11 / 10)];
    const r = levels.slice(1).map((l, i) => l / (levels[i] as number) - 1);
    const mean = r.reduce((s, x) => s + x, 0) / r.length;
    const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.length - 1));
    expect(judge(claim('volatility', '> 0'), A).value as number).toBeCloseTo(sd * Math.sqrt(252), 9);
    // deepest fall: 0.95 / 1 − 1 = −0.05
    const dd = judge(claim('max-drawdown', '≈ -5% ± 0.1%'), A);
    expect(dd.value as number).toBeCloseTo(-0.05, 12);
    expect(dd.verdict).toBe('holds');
    expect(judge(claim('window-high-date', '= 2025-01-06'), A)).toMatchObject({ value: '2025-01-06', verdict: 'holds' });
    // the last level is the highest of all looked at (from 2025-01-01): highest since some day on or before 2024-12-31
    const h = judge(claim('highest-since', '<= 2025-01-01'), A);
    expect(h).toMatchObject({ value: null, verdict: 'holds', reason: 'the date lies on or before 2024-12-31: any such date meets <= 2025-01-01' });
    expect(h.method).toContain('above every day from 2025-01-01');
    expect(judge(claim('highest-since', '>= 2025-01-01'), A).verdict).toBe('does-not-hold');
    const open = judge(claim('highest-since', '< 2024-06-01'), A);
    expect(open).toMatchObject({ verdict: 'cannot-check', value: null });
    expect(open.reason).toMatch(/depends on how far back: give a longer lookback$/);
  });

  it('cannot check a P/E that is not meaningful, nor a market value summed across currencies', () => {
    // under --negative-pe include, P/Es 10 and −5: earnings 0.5/10 + 0.5/(−5) = −0.05 ≤ 0, so no P/E has meaning
    const losses = new Map([...QUOTES, ['A2', [quoteOf('A2', { currency: 'USD', forwardPE: -5 })]]]);
    const report = buildReport({ baskets: A, history: HISTORY, quotes: losses, providerIssues: [], from: SETTINGS.from, asOf: SETTINGS.asOf, priceBasis: 'adjusted', dataSource: 't', options: { ...DEFAULT_OPTIONS, explain: true, negativePE: 'include' } });
    const pe = judgeClaim({ claim: claim('forward-pe', '> 0'), settings: { ...SETTINGS, negativePE: 'include' }, report, explain: false });
    expect(pe).toMatchObject({ verdict: 'cannot-check', reason: "the harmonic forward P/E is not meaningful (the members' earnings add up to ≤ 0)" });
    // a member in HKD and one in USD, no report currency: their money does not add up
    const mixed = new Map([...HISTORY, ['A2', seriesOf('A2', 'HKD', D, [10, 10, 8, 12, 11])]]);
    const hkd = new Map([...QUOTES, ['A2', [quoteOf('A2', { currency: 'HKD', sharesOutstanding: 1e6 })]]]);
    const r2 = buildReport({ baskets: A, history: mixed, quotes: hkd, providerIssues: [], from: SETTINGS.from, asOf: SETTINGS.asOf, priceBasis: 'adjusted', dataSource: 't', options: { ...DEFAULT_OPTIONS, explain: true } });
    const mv = judgeClaim({ claim: claim('market-value-change', '> 0'), settings: SETTINGS, report: r2, explain: false });
    expect(mv).toMatchObject({ verdict: 'cannot-check', reason: 'its members trade in different currencies: set `currency`', value: null });
  });

  it('cannot check a market value whose cap is dated after the as-of date under --point-in-time strict, and says so', () => {
    const dated = new Map([...QUOTES, ['B1', [quoteOf('B1', { currency: 'USD', marketCap: 2e8, price: 19, date: '2025-01-03' })]]]);
    const report = buildReport({ baskets: [def('b', ['B1'])], history: HISTORY, quotes: dated, providerIssues: [], from: SETTINGS.from, asOf: '2025-01-02', priceBasis: 'adjusted', dataSource: 't', options: { ...DEFAULT_OPTIONS, explain: true, pointInTime: 'strict' } });
    const r = judgeClaim({ claim: { ...claim('market-value-change', '> 0'), subject: { kind: 'basket', basket: 'b' } }, settings: { ...SETTINGS, asOf: '2025-01-02', pointInTime: 'strict' }, report, explain: false });
    expect(r.verdict).toBe('cannot-check');
    expect(r.reason).toBe("market value unknown for B1: market cap or share count dated 2025-01-03, after the as-of date: left out (--point-in-time strict) (a sum without them is not the basket's)");
  });

  it('carries the inputs only when asked to explain', () => {
    expect(judge(claim('return', '> 0'), A).inputs).toBeNull();
    const x = judge(claim('return', '> 0'), A, {}, SETTINGS.asOf, true).inputs;
    expect(x?.kind).toBe('return');
  });
});
