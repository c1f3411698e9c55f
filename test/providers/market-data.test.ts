/**
 * The one round of fetching in run.ts (fetchMarketData, providers/market-data.ts) with a scripted
 * provider: quotes asked first, each FX pair started as soon as a currency is
 * known (beside the history, not after it), the pairs kept by the symbols'
 * final currencies, the progress sink handed to the history, and what a
 * source unreachable for some pairs leaves.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IsoDate, PriceSeries, Quote, SymbolIssue } from '../../src/domain/types.js';
import { SourceUnavailableError } from '../../src/errors.js';
import { fxFromHistory, seriesOf, type HistoryRequest, type MarketDataProvider } from '../../src/providers/provider.js';
import { fetchMarketData } from '../../src/providers/market-data.js';
import { runCompare, runSnapshot, type Context } from '../../src/run.js';
import { makeTempDir } from '../helpers/tmp.js';

const DATES: IsoDate[] = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06'];

function series(symbol: string, currency: string | null, first = 100, step = 1): PriceSeries {
  const close = DATES.map((_, i) => first + step * i);
  return seriesOf(symbol, currency, DATES, close);
}

function quote(symbol: string, currency: string | null): Quote {
  return { symbol, name: symbol, currency, financialCurrency: null, price: 1, forwardPE: 10, trailingPE: null, epsForward: null, marketCap: null, sharesOutstanding: null };
}

interface Script {
  /** Each symbol's series (FX pairs too); absent: no data. */
  readonly series: Record<string, PriceSeries>;
  /** Members' quotes. */
  readonly quotes: Record<string, Quote>;
  /** Held until released: the members' history and the quotes (FX answers come at once). */
  readonly holdHistory?: Promise<void>;
  readonly holdQuotes?: Promise<void>;
  /** Pairs the source cannot reach (the request throws SourceUnavailableError). */
  readonly unreachable?: readonly string[];
}

/** The scripted source's names of a pair's series (as Yahoo's). */
const fxNames = (from: string, to: string) => [`${from}${to}=X`, `${to}${from}=X`] as const;

/** A provider that follows `script`, logging what it is asked and when it answers. */
function scriptedProvider(script: Script) {
  const log: string[] = [];
  const provider: MarketDataProvider = {
    description: 'scripted',
    fxNames,
    fetchFx: (request) => fxFromHistory(provider, request),
    async fetchQuotes(symbols) {
      log.push(`quotes asked ${symbols.join(',')}`);
      await script.holdQuotes;
      log.push('quotes answered');
      const items = new Map(symbols.flatMap((s) => (script.quotes[s] ? [[s, [script.quotes[s]]] as const] : [])));
      return { items, issues: symbols.filter((s) => !items.has(s)).map((s): SymbolIssue => ({ symbol: s, code: 'no-quote', message: 'no quote' })) };
    },
    async fetchHistory({ symbols, onCurrency, onProgress, suggest }: HistoryRequest) {
      const fx = symbols.every((s) => s.endsWith('=X'));
      log.push(`${fx ? 'fx' : 'history'} asked ${symbols.join(',')}${onProgress ? ' (with progress)' : ''}${suggest === false ? ' (no suggestion)' : ''}`);
      if (fx && symbols.some((s) => script.unreachable?.includes(s))) throw new SourceUnavailableError(`cannot reach the source for ${symbols[0]}`, { advice: 'try again later' });
      const items = new Map<string, PriceSeries>();
      const issues: SymbolIssue[] = [];
      let done = 0;
      for (const s of symbols) {
        const found = script.series[s];
        if (found) {
          items.set(s, found);
          if (found.currency) onCurrency?.(s, found.currency);
        } else issues.push({ symbol: s, code: 'no-data', message: `nothing for ${s}` });
        onProgress?.(++done, symbols.length, s);
      }
      if (!fx) await script.holdHistory;
      log.push(`${fx ? 'fx' : 'history'} answered ${symbols.join(',')}`);
      return { items, issues };
    },
  };
  return { provider, log };
}

async function setup(members: readonly string[]) {
  const dir = await makeTempDir('basket-market-data-');
  await writeFile(path.join(dir, 'b.txt'), `${members.join('\n')}\n`);
  return dir;
}

function context(dir: string, provider: MarketDataProvider, onProgress?: Context['onProgress']): Context {
  return {
    config: { configFile: undefined, cwd: dir, userConfigDir: null },
    now: () => new Date('2025-01-10T12:00:00Z'),
    openProvider: async () => provider,
    ...(onProgress ? { onProgress } : {}),
  };
}

const compare = async (dir: string, provider: MarketDataProvider, currency: string | null = 'USD') =>
  (await runCompare({ baskets: ['b.txt'], data: 'scripted', from: '2025-01-01', asOf: '2025-01-06', priceBasis: 'adjusted', currency }, context(dir, provider))).report;

const released = () => {
  let release = () => {};
  const hold = new Promise<void>((resolve) => (release = resolve));
  return { hold, release };
};

describe('fetchMarketData', () => {
  it('asks for quotes first, and for an FX pair as soon as a series tells its currency, before history and quotes are answered', async () => {
    const dir = await setup(['0700.HK', 'AAPL']);
    const history = released();
    const quotes = released();
    const { provider, log } = scriptedProvider({
      series: { '0700.HK': series('0700.HK', 'HKD'), AAPL: series('AAPL', 'USD'), 'HKDUSD=X': series('HKDUSD=X', null, 0.128, 0) },
      quotes: { '0700.HK': quote('0700.HK', 'HKD'), AAPL: quote('AAPL', 'USD') },
      holdHistory: history.hold,
      holdQuotes: quotes.hold,
    });
    const report = compare(dir, provider);
    // wait until the run has asked for all it can without answers (or give up: the old order asked for FX only after both)
    for (let i = 0; i < 50 && !log.some((l) => l.startsWith('fx asked')); i++) await new Promise((resolve) => setTimeout(resolve, 2));
    history.release();
    quotes.release();
    const r = await report;
    expect(log.slice(0, 3)).toEqual(['quotes asked 0700.HK,AAPL', 'history asked 0700.HK,AAPL', 'fx asked HKDUSD=X,USDHKD=X']);
    expect(log.filter((l) => l.startsWith('fx asked'))).toHaveLength(1);
    // converted with the pair fetched early
    expect(r.baskets[0]?.members.find((m) => m.symbol === '0700.HK')?.fxReturn).toBeCloseTo(0, 12);
    expect(r.issues.filter((i) => i.symbol === 'USDHKD=X')).toEqual([]); // the direct pair was found: the inverse's note is dropped
  });

  it('starts the pair of a quote currency when the series has none, and keeps the quote currency over the series one', async () => {
    const dir = await setup(['X.L', 'Y']);
    const { provider, log } = scriptedProvider({
      // the series says EUR (a pair is started at once), the quote says GBP: only GBP's pair is kept; Y's currency comes from its quote alone
      series: { 'X.L': series('X.L', 'EUR'), Y: series('Y', null), 'GBPUSD=X': series('GBPUSD=X', null, 1.25, 0), 'EURUSD=X': series('EURUSD=X', null, 1.1, 0), 'JPYUSD=X': series('JPYUSD=X', null, 0.0066, 0) },
      quotes: { 'X.L': quote('X.L', 'GBP'), Y: quote('Y', 'JPY') },
    });
    const snap = await runSnapshot({ baskets: ['b.txt'], data: 'scripted', from: '2025-01-01', asOf: '2025-01-06', currency: 'USD' }, context(dir, provider));
    const fxAsked = log.filter((l) => l.startsWith('fx asked')).sort();
    expect(fxAsked).toEqual(['fx asked EURUSD=X,USDEUR=X', 'fx asked GBPUSD=X,USDGBP=X', 'fx asked JPYUSD=X,USDJPY=X']);
    // the EUR pair no symbol ended up with is left out of the snapshot, notes and all
    expect(snap.series.map((s) => s.symbol).sort()).toEqual(['GBPUSD=X', 'JPYUSD=X', 'X.L', 'Y']);
    expect(snap.issues.filter((i) => i.symbol?.includes('EUR'))).toEqual([]);
  });

  it('keeps the notes on a pair only when neither direction was found', async () => {
    const dir = await setup(['0700.HK', 'AAPL']);
    const { provider } = scriptedProvider({
      series: { '0700.HK': series('0700.HK', 'HKD'), AAPL: series('AAPL', 'USD') },
      quotes: { '0700.HK': quote('0700.HK', 'HKD'), AAPL: quote('AAPL', 'USD') },
    });
    const r = await compare(dir, provider);
    expect(r.issues.filter((i) => i.symbol === 'HKDUSD=X' || i.symbol === 'USDHKD=X').map((i) => i.message)).toEqual(['nothing for HKDUSD=X', 'nothing for USDHKD=X']);
  });

  it("asks for the benchmarks' history before the members', and answers as one request would: notes members first, progress counted over both", async () => {
    const dir = await makeTempDir('basket-market-data-');
    await writeFile(path.join(dir, 'basket.config.yaml'), 'baskets:\n  b:\n    symbols: [AAPL, MSFT]\n    benchmark: ^IDX\n');
    const { provider, log } = scriptedProvider({ series: { AAPL: series('AAPL', 'USD'), MSFT: series('MSFT', 'USD') }, quotes: { AAPL: quote('AAPL', 'USD'), MSFT: quote('MSFT', 'USD') } });
    const seen: string[] = [];
    const { report: r } = await runCompare(
      { baskets: ['b'], data: 'scripted', from: '2025-01-01', asOf: '2025-01-06', priceBasis: 'adjusted', currency: null },
      context(dir, provider, (done, total, symbol) => seen.push(`${done}/${total} ${symbol}`)),
    );
    expect(log.filter((l) => l.startsWith('history asked'))).toEqual(['history asked ^IDX (with progress)', 'history asked AAPL,MSFT (with progress)']);
    expect(seen).toEqual(['1/3 ^IDX', '2/3 AAPL', '3/3 MSFT']);
    expect(r.issues.map((i) => i.symbol)).toContain('^IDX');
    expect(r.baskets[0]?.members.map((m) => m.included)).toEqual([true, true]);
  });

  it('asks for a benchmark and its fallbacks in the same wave as the first choice: a fallback costs no round trip', async () => {
    const dir = await makeTempDir('basket-market-data-');
    await writeFile(path.join(dir, 'basket.config.yaml'), 'baskets:\n  b:\n    symbols: [AAPL]\n    benchmark: [^IDX, MSFT]\n');
    const { provider, log } = scriptedProvider({ series: { AAPL: series('AAPL', 'USD'), MSFT: series('MSFT', 'USD') }, quotes: { AAPL: quote('AAPL', 'USD') } });
    const { report: r } = await runCompare({ baskets: ['b'], data: 'scripted', from: '2025-01-01', asOf: '2025-01-06', priceBasis: 'adjusted', currency: null }, context(dir, provider));
    // three requests started together: the first choice, its fallback (no suggestion looked up), the members
    expect(log.filter((l) => l.startsWith('history asked'))).toEqual(['history asked ^IDX', 'history asked MSFT (no suggestion)', 'history asked AAPL']);
    expect(r.baskets[0]?.benchmark).toBe('MSFT');
    expect(r.issues).toContainEqual(expect.objectContaining({ symbol: 'MSFT', code: 'benchmark-fallback', message: 'benchmark MSFT used: ^IDX (no data) had no data over the window' }));
    // the source's note on ^IDX stays: it is the first choice, and the user named it
    expect(r.issues.map((i) => i.symbol)).toContain('^IDX');
  });

  it('notes a fallback the source cannot be asked for with the reason alone, and goes on', async () => {
    const { provider } = scriptedProvider({ series: { AAPL: series('AAPL', 'USD') }, quotes: { AAPL: quote('AAPL', 'USD') } });
    const fetchHistory = provider.fetchHistory;
    provider.fetchHistory = async (request) => {
      if (request.symbols.includes('MSFT')) throw new SourceUnavailableError('cannot reach the source', { advice: 'try again later' });
      return fetchHistory(request);
    };
    const basket = { id: 'b', name: 'b', symbols: ['AAPL'], weights: null, benchmarks: ['^IDX', 'MSFT'], source: 'preset' } as const;
    const data = await fetchMarketData(provider, [basket], '2025-01-01', '2025-01-06', null);
    expect(data.history.issues).toContainEqual({ symbol: 'MSFT', code: 'no-data', message: 'scripted unavailable: cannot reach the source' });
    expect([...data.history.items.keys()]).toEqual(['AAPL']);
  });

  it('when the members\' and the benchmarks\' history both fail, reports the members\' failure, as one request did', async () => {
    const dir = await makeTempDir('basket-market-data-');
    await writeFile(path.join(dir, 'basket.config.yaml'), 'baskets:\n  b:\n    symbols: [AAPL]\n    benchmark: ^IDX\n');
    const failing: MarketDataProvider = {
      description: 'failing',
      fxNames,
      fetchFx: (request) => fxFromHistory(failing, request),
      fetchQuotes: async () => ({ items: new Map(), issues: [] }),
      // the benchmarks' request fails first
      fetchHistory: async ({ symbols }) => {
        if (symbols.includes('^IDX')) throw new SourceUnavailableError('benchmarks failed');
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new SourceUnavailableError('members failed');
      },
    };
    await expect(
      runCompare({ baskets: ['b'], data: 'failing', from: '2025-01-01', asOf: '2025-01-06', priceBasis: 'adjusted', currency: null }, context(dir, failing)),
    ).rejects.toThrow('members failed');
  });

  it('asks for no FX without a report currency, and hands the progress sink to the history only', async () => {
    const dir = await setup(['0700.HK']);
    const { provider, log } = scriptedProvider({ series: { '0700.HK': series('0700.HK', 'HKD') }, quotes: { '0700.HK': quote('0700.HK', 'HKD') } });
    const seen: string[] = [];
    await runCompare(
      { baskets: ['b.txt'], data: 'scripted', from: '2025-01-01', asOf: '2025-01-06', priceBasis: 'adjusted', currency: null },
      context(dir, provider, (done, total, symbol) => seen.push(`${done}/${total} ${symbol}`)),
    );
    expect(log.filter((l) => l.includes(' asked '))).toEqual(['quotes asked 0700.HK', 'history asked 0700.HK (with progress)']);
    expect(seen).toEqual(['1/1 0700.HK']);
  });

  it('when the source cannot be reached for one pair, notes it and converts the rest; for every pair, the error stands', async () => {
    const dir = await setup(['0700.HK', 'SAP.DE']);
    const script = {
      series: { '0700.HK': series('0700.HK', 'HKD'), 'SAP.DE': series('SAP.DE', 'EUR'), 'HKDUSD=X': series('HKDUSD=X', null, 0.128, 0) },
      quotes: { '0700.HK': quote('0700.HK', 'HKD'), 'SAP.DE': quote('SAP.DE', 'EUR') },
    };
    const some = await compare(dir, scriptedProvider({ ...script, unreachable: ['EURUSD=X'] }).provider);
    expect(some.issues.filter((i) => i.symbol === 'EURUSD=X' || i.symbol === 'USDEUR=X')).toEqual([
      { symbol: 'EURUSD=X', code: 'no-data', message: 'scripted unavailable: cannot reach the source for EURUSD=X' },
      { symbol: 'USDEUR=X', code: 'no-data', message: 'scripted unavailable: cannot reach the source for EURUSD=X' },
    ]);
    expect(some.baskets[0]?.members.find((m) => m.symbol === '0700.HK')?.return).not.toBeNull();
    await expect(compare(dir, scriptedProvider({ ...script, unreachable: ['EURUSD=X', 'HKDUSD=X'] }).provider)).rejects.toThrow(SourceUnavailableError);
  });
});
