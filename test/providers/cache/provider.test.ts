/**
 * The caching provider's part in the one-round fetch and the progress bar:
 * each symbol's currency told as soon as it is known (a cached entry at
 * once, a fetched one as the source tells it), progress counted once per
 * symbol with cached ones done at once, and the cache writes after a fetch
 * run a few at a time instead of one after another. Also: FX pairs kept as
 * the source's series, and entries written in minor units read in major ones.
 */
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../src/domain/calendar.js';
import type { IsoDate, PriceSeries, SymbolIssue } from '../../../src/domain/types.js';
import { openCachingProvider, type CacheMode } from '../../../src/providers/cache/provider.js';
import { CacheStore, mergeQuotes, type HistoryEntry, type QuoteEntry } from '../../../src/providers/cache/store.js';
import { fxFromHistory, seriesOf as columns, type HistoryRequest, type MarketDataProvider } from '../../../src/providers/provider.js';
import { SourceUnavailableError } from '../../../src/errors.js';
import { makeTempDir } from '../../helpers/tmp.js';

const NOW = new Date('2025-03-18T09:00:00Z');
const DATES: IsoDate[] = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'];
const START = '2025-03-03';
const END = '2025-03-07';

const seriesOf = (symbol: string, currency: string): PriceSeries => columns(symbol, currency, DATES, [1, 2, 3, 4, 5]);
const currencyOf = (symbol: string) => (symbol.endsWith('.HK') ? 'HKD' : 'USD');
/** The source's names of a pair's series (as Yahoo's). */
const fxNames = (from: string, to: string) => [`${from}${to}=X`, `${to}${from}=X`] as const;

/** A source of `parts`, answering nothing else. */
function sourceOf(parts: Partial<MarketDataProvider>): MarketDataProvider {
  const src: MarketDataProvider = {
    description: 'source',
    fetchQuotes: async () => ({ items: new Map(), issues: [] }),
    fetchHistory: async () => ({ items: new Map(), issues: [] }),
    fetchFx: (request) => fxFromHistory(src, request),
    fxNames,
    ...parts,
  };
  return src;
}

/** A source that answers each symbol after the previous one, telling currency and progress as it goes; logs all of it. */
function source(log: string[]): MarketDataProvider {
  return sourceOf({
    async fetchHistory({ symbols, onCurrency, onProgress }: HistoryRequest) {
      log.push(`source asked ${symbols.join(',')}`);
      const items = new Map<string, PriceSeries>();
      const issues: SymbolIssue[] = [];
      let done = 0;
      for (const s of symbols) {
        await new Promise((resolve) => setImmediate(resolve));
        // NONE…, and HKDUSD=X (as on Yahoo), are unknown to it
        if (s.startsWith('NONE') || s === 'HKDUSD=X') issues.push({ symbol: s, code: 'no-data', message: 'no data', unknownSymbol: true });
        else {
          items.set(s, seriesOf(s, currencyOf(s)));
          onCurrency?.(s, currencyOf(s));
        }
        onProgress?.(++done, symbols.length, s);
      }
      return { items, issues };
    },
  });
}

async function provider(mode: CacheMode = 'default', cached: readonly string[] = [], store?: CacheStore) {
  const dir = await makeTempDir('basket-cache-provider-');
  const s = store ?? new CacheStore(dir, () => {});
  for (const symbol of cached) {
    const entry: HistoryEntry = { symbol, currency: currencyOf(symbol), from: START, to: END, fetchedAt: NOW.toISOString(), days: DATES.map(toDayNumber), close: [1, 2, 3, 4, 5], adjClose: [1, 2, 3, 4, 5], notes: [], missing: null };
    await s.writeHistory(entry);
  }
  const log: string[] = [];
  const p = openCachingProvider({ store: s, mode, maxAgeMs: 15 * 60_000, now: () => NOW, openSource: async () => source(log), sourceName: 'source', fxNames });
  return { p, log };
}

describe('the caching provider tells what it knows as it knows it', () => {
  it("tells a cached symbol's currency before the source is asked, and a fetched one's as the source tells it", async () => {
    const { p, log } = await provider('default', ['0700.HK']);
    await p.fetchHistory({
      symbols: ['0700.HK', 'AAPL', '9988.HK'],
      start: START,
      end: END,
      onCurrency: (symbol, currency) => log.push(`currency ${symbol} ${currency}`),
    });
    expect(log).toEqual(['currency 0700.HK HKD', 'source asked AAPL,9988.HK', 'currency AAPL USD', 'currency 9988.HK HKD']);
  });

  it('counts each symbol once, cached ones at once, and ends at the total', async () => {
    const { p } = await provider('default', ['0700.HK', 'MSFT']);
    const seen: [number, number, string][] = [];
    await p.fetchHistory({ symbols: ['AAPL', '0700.HK', 'NONE1', 'MSFT'], start: START, end: END, onProgress: (done, total, symbol) => seen.push([done, total, symbol]) });
    expect(seen).toEqual([
      [1, 4, '0700.HK'],
      [2, 4, 'MSFT'],
      [3, 4, 'AAPL'],
      [4, 4, 'NONE1'],
    ]);
  });

  it('offline: every symbol is done at once, those missing from the cache too', async () => {
    const { p, log } = await provider('offline', ['AAPL']);
    const seen: string[] = [];
    const out = await p.fetchHistory({ symbols: ['AAPL', 'MSFT'], start: START, end: END, onProgress: (done, total, symbol) => seen.push(`${done}/${total} ${symbol}`) });
    expect(seen).toEqual(['1/2 AAPL', '2/2 MSFT']);
    expect(log).toEqual([]);
    expect(out.items.has('AAPL')).toBe(true);
  });

  it('writes what the source sent a few entries at a time, not one after another', async () => {
    const dir = await makeTempDir('basket-cache-provider-');
    let writing = 0;
    let most = 0;
    class SlowStore extends CacheStore {
      override async writeHistory(entry: HistoryEntry): Promise<void> {
        most = Math.max(most, ++writing);
        await new Promise((resolve) => setTimeout(resolve, 2));
        await super.writeHistory(entry);
        writing--;
      }
    }
    const store = new SlowStore(dir, () => {});
    const { p } = await provider('default', [], store);
    const symbols = Array.from({ length: 40 }, (_, i) => `S${i}`);
    const out = await p.fetchHistory({ symbols, start: START, end: END });
    expect(out.items.size).toBe(40);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(16);
    expect(writing).toBe(0); // every write was over before the answer
    for (const s of symbols) expect(await store.readHistory(s)).not.toBeNull();
  });
});

describe('cache writes after a fetch', () => {
  /** A store whose history writes wait until released, logging when each starts and ends. */
  async function heldStore(log: string[]) {
    const store = new CacheStore(await makeTempDir('basket-cache-provider-'), () => {});
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const write = store.writeHistory.bind(store);
    store.writeHistory = async (entry) => {
      log.push(`writing ${entry.symbol}`);
      await held;
      await write(entry);
      log.push(`written ${entry.symbol}`);
    };
    return { store, release };
  }

  it('hands them to `later` and answers without waiting for them', async () => {
    const log: string[] = [];
    const { store, release } = await heldStore(log);
    const later: Promise<void>[] = [];
    const p = openCachingProvider({ store, mode: 'default', maxAgeMs: 60_000, now: () => NOW, openSource: async () => source(log), sourceName: 'source', fxNames, later: (w) => void later.push(w) });
    const answer = await p.fetchHistory({ symbols: ['AAPL', 'MSFT'], start: START, end: END });
    log.push('answered');
    expect([...answer.items.keys()]).toEqual(['AAPL', 'MSFT']);
    expect(later).toHaveLength(1);
    release();
    await Promise.all(later);
    expect(log.slice(0, 4)).toEqual(['source asked AAPL,MSFT', 'writing AAPL', 'writing MSFT', 'answered']);
    expect(log.slice(4).sort()).toEqual(['written AAPL', 'written MSFT']); // in whichever order the disk finishes them
    expect(await store.readHistory('MSFT')).not.toBeNull();
  });

  it('without `later`, answers once they are written', async () => {
    const log: string[] = [];
    const { store, release } = await heldStore(log);
    const p = openCachingProvider({ store, mode: 'default', maxAgeMs: 60_000, now: () => NOW, openSource: async () => source(log), sourceName: 'source', fxNames });
    const answering = p.fetchHistory({ symbols: ['AAPL'], start: START, end: END }).then(() => log.push('answered'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await answering;
    expect(log).toEqual(['source asked AAPL', 'writing AAPL', 'written AAPL', 'answered']);
  });
});

describe('the quote history builds up run after run', () => {
  const q = (date: string | null, forwardPE: number) => ({
    symbol: 'AAPL', date, provider: 'Yahoo Finance', name: 'Apple Inc.', currency: 'USD', financialCurrency: 'USD',
    price: 200, forwardPE, trailingPE: null, epsForward: null, marketCap: null, sharesOutstanding: null,
  });

  it('keeps every distinct dated quote fetched; a newer fetch of the same day replaces it', async () => {
    const dir = await makeTempDir('basket-quote-history-');
    const store = new CacheStore(dir, () => {});
    let answer = q('2025-03-06', 28);
    let clock = NOW;
    const open = () =>
      openCachingProvider({
        store,
        mode: 'default',
        maxAgeMs: 0,
        now: () => clock,
        openSource: async () => sourceOf({ fetchQuotes: async () => ({ items: new Map([['AAPL', [answer]]]), issues: [] }) }),
        sourceName: 'source',
        fxNames,
      });
    await open().fetchQuotes(['AAPL']);
    answer = q('2025-03-07', 29);
    clock = new Date(NOW.getTime() + 86_400_000);
    expect((await open().fetchQuotes(['AAPL'])).items.get('AAPL')?.map((x) => [x.date, x.forwardPE])).toEqual([['2025-03-06', 28], ['2025-03-07', 29]]);
    answer = q('2025-03-07', 29.5); // the same day, fetched again later: the newer figure
    clock = new Date(NOW.getTime() + 2 * 86_400_000);
    await open().fetchQuotes(['AAPL']);
    expect((await store.readQuote('AAPL'))?.quotes.map((x) => [x.date, x.forwardPE])).toEqual([['2025-03-06', 28], ['2025-03-07', 29.5]]);
  });

  it('reads an entry written before quotes were dated as one undated quote, which the first dated fetch replaces', async () => {
    expect(mergeQuotes([q(null, 27)], [q('2025-03-07', 29)])).toEqual([q('2025-03-07', 29)]);
    expect(mergeQuotes([q('2025-03-06', 28)], [q('2025-03-07', 29)]).map((x) => x.date)).toEqual(['2025-03-06', '2025-03-07']);
    const dir = await makeTempDir('basket-quote-old-');
    const store = new CacheStore(dir, () => {});
    const { date: _date, provider: _provider, ...old } = q(null, 27);
    // an entry as basket wrote it before quotes were dated: `quote`, without date and provider
    await store.writeQuote({ symbol: 'AAPL', fetchedAt: NOW.toISOString(), quote: old } as unknown as QuoteEntry);
    expect((await store.readQuote('AAPL'))?.quotes).toEqual([{ ...old, date: null, provider: null }]);
  });
});

describe('FX pairs', () => {
  it("keeps a pair as the source's series under its names: an entry of USDHKD=X answers HKD into USD, inverted, without asking the source", async () => {
    const { p, log } = await provider('default', ['USDHKD=X']);
    const out = await p.fetchFx({ from: 'HKD', to: 'USD', start: START, end: END });
    expect(out.rates).toMatchObject({ from: 'HKD', to: 'USD', inverted: true, series: { symbol: 'USDHKD=X' } });
    // HKDUSD=X was not cached: the source is asked for it alone, and its note is no news once the inverse is there
    expect(log).toEqual(['source asked HKDUSD=X']);
    expect(out.issues).toEqual([]);
    // the source's answer that it has no HKDUSD=X is kept, as for any symbol: not asked for again within the TTL
    log.length = 0;
    expect((await p.fetchFx({ from: 'HKD', to: 'USD', start: START, end: END })).rates?.series.symbol).toBe('USDHKD=X');
    expect(log).toEqual([]);
  });

  it('offline: a cached pair answers, one not cached is noted under both names', async () => {
    const { p, log } = await provider('offline', ['USDHKD=X']);
    expect((await p.fetchFx({ from: 'USD', to: 'HKD', start: START, end: END })).rates).toMatchObject({ inverted: false, series: { symbol: 'USDHKD=X' } });
    const none = await p.fetchFx({ from: 'EUR', to: 'USD', start: START, end: END });
    expect(none.rates).toBeNull();
    expect(none.issues.map((i) => [i.symbol, i.code])).toEqual([
      ['EURUSD=X', 'no-data'],
      ['USDEUR=X', 'no-data'],
    ]);
    expect(log).toEqual([]);
  });

  it('lets the source failing as a whole stand when it has no cached series of the pair', async () => {
    const dir = await makeTempDir('basket-cache-fx-');
    const unreachable = sourceOf({
      fetchHistory: async () => {
        throw new SourceUnavailableError('cannot reach the source', { advice: 'try again later' });
      },
    });
    const p = openCachingProvider({ store: new CacheStore(dir, () => {}), mode: 'default', maxAgeMs: 60_000, now: () => NOW, openSource: async () => unreachable, sourceName: 'source', fxNames });
    await expect(p.fetchFx({ from: 'HKD', to: 'USD', start: START, end: END })).rejects.toThrow('cannot reach the source: try again later');
  });
});

describe('entries written in a minor unit', () => {
  it('are read in the major unit, as the source now answers: a GBp history in pence and its quote', async () => {
    const dir = await makeTempDir('basket-cache-minor-');
    const store = new CacheStore(dir, () => {});
    const fetchedAt = NOW.toISOString();
    await store.writeHistory({ symbol: 'VOD.L', currency: 'GBp', from: START, to: END, fetchedAt, days: DATES.map(toDayNumber), close: [68, 69, 70, 71, 72], adjClose: [67, 68, 69, 70, 71], notes: [], missing: null });
    const quote = { symbol: 'VOD.L', date: '2025-03-07', provider: 'Yahoo Finance', name: 'Vodafone', currency: 'GBp', financialCurrency: 'EUR', price: 72, forwardPE: 9, trailingPE: null, epsForward: null, marketCap: 1.8e12, sharesOutstanding: 2.5e10 };
    await store.writeQuote({ symbol: 'VOD.L', fetchedAt, quotes: [quote] });
    const p = openCachingProvider({ store, mode: 'offline', maxAgeMs: 60_000, now: () => NOW, openSource: async () => sourceOf({}), sourceName: 'source', fxNames });
    const series = (await p.fetchHistory({ symbols: ['VOD.L'], start: START, end: END })).items.get('VOD.L');
    expect(series?.currency).toBe('GBP');
    expect([...(series?.close ?? [])]).toEqual([0.68, 0.69, 0.7, 0.71, 0.72]);
    expect([...(series?.adjClose ?? [])]).toEqual([0.67, 0.68, 0.69, 0.7, 0.71]);
    expect((await p.fetchQuotes(['VOD.L'])).items.get('VOD.L')).toEqual([{ ...quote, currency: 'GBP', price: 0.72, marketCap: 1.8e10 }]);
  });
});
