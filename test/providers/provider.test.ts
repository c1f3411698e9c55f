/** What providers share (src/providers/provider.ts): a pair's rates from the history of its two series; the note on a source out of reach. */
import { describe, expect, it } from 'vitest';
import type { PriceSeries, SymbolIssue } from '../../src/domain/types.js';
import { SourceUnavailableError } from '../../src/errors.js';
import { fxFromHistory, seriesOf, unavailableWhy, type HistoryRequest, type MarketDataProvider } from '../../src/providers/provider.js';

/** A source holding `series` (by name), noting every other symbol it is asked for; `asked` logs each request. */
function holding(series: Record<string, PriceSeries>, asked: string[][] = []): Pick<MarketDataProvider, 'fetchHistory' | 'fxNames'> {
  return {
    fxNames: (from, to) => [`${from}${to}=X`, `${to}${from}=X`],
    async fetchHistory({ symbols }: HistoryRequest) {
      asked.push([...symbols]);
      const items = new Map(symbols.flatMap((s) => (series[s] ? [[s, series[s]] as const] : [])));
      const issues = symbols.filter((s) => !series[s]).map((symbol): SymbolIssue => ({ symbol, code: 'no-data', message: `no ${symbol}` }));
      return { items, issues: [...issues, { symbol: null, code: 'no-quote', message: 'a note on the source' }] };
    },
  };
}

const request = { from: 'HKD', to: 'USD', start: '2025-01-02', end: '2025-01-03' };
const USDHKD = seriesOf('USDHKD=X', 'HKD', ['2025-01-02'], [7.77]);
const HKDUSD = seriesOf('HKDUSD=X', 'USD', ['2025-01-02'], [0.1287]);

describe('fxFromHistory', () => {
  it('asks for both series in one request, and takes the direct one when there is one', async () => {
    const asked: string[][] = [];
    const out = await fxFromHistory(holding({ 'HKDUSD=X': HKDUSD, 'USDHKD=X': USDHKD }, asked), request);
    expect(asked).toEqual([['HKDUSD=X', 'USDHKD=X']]);
    expect(out.rates).toEqual({ from: 'HKD', to: 'USD', series: HKDUSD, inverted: false });
  });

  it('takes the inverse one, marked inverted, when the direct one is missing or empty; the notes on the pair go', async () => {
    const directs: Record<string, PriceSeries>[] = [{}, { 'HKDUSD=X': seriesOf('HKDUSD=X', 'USD', [], []) }];
    for (const direct of directs) {
      const out = await fxFromHistory(holding({ ...direct, 'USDHKD=X': USDHKD }), request);
      expect(out.rates).toEqual({ from: 'HKD', to: 'USD', series: USDHKD, inverted: true });
      expect(out.issues).toEqual([{ symbol: null, code: 'no-quote', message: 'a note on the source' }]);
    }
  });

  it('has no rates, and keeps every note, when the source has neither', async () => {
    const out = await fxFromHistory(holding({}), request);
    expect(out.rates).toBeNull();
    expect(out.issues.map((i) => i.symbol)).toEqual(['HKDUSD=X', 'USDHKD=X', null]);
  });
});

describe('unavailableWhy', () => {
  it("quotes the error's reason, not its advice", () => {
    const err = new SourceUnavailableError('cannot reach Yahoo Finance (ENOTFOUND)', { advice: 'use --offline for cached data' });
    expect(err.message).toBe('cannot reach Yahoo Finance (ENOTFOUND): use --offline for cached data');
    expect(unavailableWhy('yahoo', err)).toBe('yahoo unavailable: cannot reach Yahoo Finance (ENOTFOUND)');
  });
});
