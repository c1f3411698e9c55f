/**
 * The Yahoo provider through the real yahoo-finance2 code path, with recorded
 * answers from fixtures/yahoo replayed by an injected fetch: history, FX
 * pairs and search. (Quotes: yahoo-quotes.test.ts; the guarded fetch:
 * yahoo-fetch.test.ts; the transforms and failure wording:
 * yahoo-transform.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openYahooProvider } from '../../../src/providers/yahoo/provider.js';
import { chartUrl, createReplayFetch, FIXTURES, requestKey } from '../../helpers/replay.js';
import { networkAttempts, NetworkInTestError } from '../../helpers/no-network.js';
import { plainSeries } from '../../helpers/series.js';
import { createFakeYahoo } from '../../helpers/fake-yahoo.js';
import { fakeRetry, openTestYahoo } from '../../helpers/yahoo-provider.js';
import { toDayNumber } from '../../../src/domain/calendar.js';

describe('the test seam', () => {
  it('the global fetch refuses to reach the network in tests', async () => {
    const before = networkAttempts.length;
    await expect(fetch('https://query2.finance.yahoo.com/v7/finance/quote?symbols=AAPL')).rejects.toThrow(NetworkInTestError);
    expect(networkAttempts.length).toBe(before + 1);
    networkAttempts.pop(); // this attempt was the point of the test
  });

  it('a provider left with the global fetch cannot reach Yahoo, and the attempt is caught', async () => {
    const yahoo = await openYahooProvider({ log: () => {}, verbose: false });
    const before = networkAttempts.length;
    const out = await yahoo.fetchHistory({ symbols: ['AAPL'], start: '2020-01-01', end: '2020-01-02' });
    expect(out.items.size).toBe(0);
    // the setup file fails any test whose attempts it finds; take this one back after checking it
    expect(networkAttempts.splice(before)).toEqual([expect.stringContaining('/v8/finance/chart/AAPL?')]);
  });

  it('the injected fetch is the one yahoo-finance2 calls', async () => {
    const replay = createReplayFetch();
    const before = networkAttempts.length;
    const yahoo = await openTestYahoo(replay.fetch);
    await yahoo.fetchHistory({ symbols: ['AAPL'], start: '2020-01-01', end: '2020-01-02' });
    expect(replay.calls).toHaveLength(1);
    expect(replay.used.has('chart-AAPL-2020-01-01-to-2020-01-03.json')).toBe(true);
    expect(networkAttempts.length).toBe(before);
  });

  it('an unrecorded request is refused and named', async () => {
    const replay = createReplayFetch({ strict: false });
    const yahoo = await openTestYahoo(replay.fetch);
    const out = await yahoo.fetchHistory({ symbols: ['ZZZZ'], start: '2020-01-01', end: '2020-01-02' });
    expect(replay.unmatched).toEqual([expect.stringContaining('GET https://query2.finance.yahoo.com/v8/finance/chart/ZZZZ?')]);
    expect(out.items.size).toBe(0);
  });

  it('requestKey sorts the query and drops the crumb', () => {
    expect(requestKey('get', 'https://h.example/v7/finance/quote?symbols=A%2CB&crumb=xyz&lang=en')).toBe(
      'GET https://h.example/v7/finance/quote?lang=en&symbols=A%2CB',
    );
  });
});

describe('fetchHistory (chart)', () => {
  it('tells each symbol as it is answered (progress), and the currency of each one with closes', async () => {
    const fake = createFakeYahoo();
    const yahoo = await openTestYahoo(fake.fetch);
    const told: string[] = [];
    const out = await yahoo.fetchHistory({
      symbols: ['AAPL', 'HSTECH.HK', '0700.HK'],
      start: '2025-01-02',
      end: '2025-03-07',
      onCurrency: (symbol, currency) => told.push(`currency ${symbol} ${currency}`),
      onProgress: (done, total, symbol) => told.push(`${done}/${total} ${symbol}`),
    });
    expect(out.items.size).toBe(2);
    // answers come in any order; each symbol once, the count rising to the total; no currency for the one without closes
    expect(told.filter((t) => t.startsWith('currency')).sort()).toEqual(['currency 0700.HK HKD', 'currency AAPL USD']);
    const progress = told.filter((t) => !t.startsWith('currency'));
    expect(progress.map((t) => t.split(' ')[0])).toEqual(['1/3', '2/3', '3/3']);
    expect(progress.map((t) => t.split(' ')[1]).sort()).toEqual(['0700.HK', 'AAPL', 'HSTECH.HK']);
    // a symbol's currency is told before it counts as done
    for (const s of ['AAPL', '0700.HK']) expect(told.findIndex((t) => t.startsWith(`currency ${s}`))).toBeLessThan(told.findIndex((t) => t.endsWith(` ${s}`) && !t.startsWith('currency')));
  });

  it('dates each bar by its exchange-local date (real AAPL recording)', async () => {
    const yahoo = await openTestYahoo(createReplayFetch().fetch);
    const out = await yahoo.fetchHistory({ symbols: ['AAPL'], start: '2020-01-01', end: '2020-01-02' });
    const aapl = out.items.get('AAPL');
    // 2020-01-02's session opened 14:30 UTC; the recording's close that day was 75.0875 (pre-2020 split basis)
    expect(plainSeries(aapl)?.dates).toEqual(['2020-01-02']);
    expect(aapl?.currency).toBe('USD');
    expect(aapl?.close[0]).toBeCloseTo(75.0875, 4);
    expect(out.issues).toEqual([]);
  });

  it('keeps close and adjusted close apart (real MSFT recording with dividends)', async () => {
    // the recording asked events=div only; the provider asks div|split|earn, so replay it under the provider's key
    const rec = JSON.parse(readFileSync(path.join(FIXTURES, 'yahoo', 'chart-MSFT-2021-02-01-to-2022-01-31-events-div.json'), 'utf8'));
    const key = requestKey('GET', chartUrl('MSFT', 1612137600, 1643587200));
    const yahoo = await openTestYahoo(createReplayFetch({ overrides: { [key]: rec.response } }).fetch);
    const out = await yahoo.fetchHistory({ symbols: ['MSFT'], start: '2021-02-01', end: '2022-01-30' });
    const msft = out.items.get('MSFT')!;
    expect(plainSeries(msft).dates[0]).toBe('2021-02-01');
    expect(msft.days.length).toBeGreaterThan(240);
    const i = msft.days.length - 1;
    // adjusted closes are scaled down for the dividends paid after each bar…
    expect(msft.adjClose[0]).toBeLessThan(msft.close[0]!);
    // …so over a year with four dividends the total return beats the price return
    const totalReturn = msft.adjClose[i]! / msft.adjClose[0]! - 1;
    const priceReturn = msft.close[i]! / msft.close[0]! - 1;
    expect(totalReturn).toBeGreaterThan(priceReturn);
  });

  it("reads the splits Yahoo records (real NVDA recording: 4-for-1 on 2021-07-20), on the exchange's calendar", async () => {
    // the recording asked events=split only; the provider asks div|split|earn, so replay it under the provider's key
    const rec = JSON.parse(readFileSync(path.join(FIXTURES, 'yahoo', 'chart-NVDA-2021-02-01-to-2022-01-31-events-split.json'), 'utf8'));
    const key = requestKey('GET', chartUrl('NVDA', 1612137600, 1643587200));
    const yahoo = await openTestYahoo(createReplayFetch({ overrides: { [key]: rec.response } }).fetch);
    const nvda = (await yahoo.fetchHistory({ symbols: ['NVDA'], start: '2021-02-01', end: '2022-01-30' })).items.get('NVDA')!;
    // 1626787800 is 2021-07-20 13:30 UTC, 09:30 in New York
    expect(nvda.splits).toEqual([{ day: toDayNumber('2021-07-20'), ratio: 4 }]);
    // Yahoo's closes are split-adjusted already: no 75% fall on the day, so nothing is adjusted again
    const i = plainSeries(nvda).dates.indexOf('2021-07-20');
    expect(nvda.close[i]! / nvda.close[i - 1]!).toBeGreaterThan(0.9);
  });

  it('replays the fourteen members and ^NDX with their real 2025 closes', async () => {
    const yahoo = await openTestYahoo(createReplayFetch().fetch);
    const out = await yahoo.fetchHistory({ symbols: ['0700.HK', 'TSLA', '^NDX'], start: '2024-12-02', end: '2025-03-07' });
    const tencent = out.items.get('0700.HK')!;
    expect(tencent.currency).toBe('HKD');
    expect(plainSeries(tencent).dates.at(-1)).toBe('2025-03-07');
    expect(tencent.close[plainSeries(tencent).dates.indexOf('2024-12-31')]).toBe(416.1671142578125);
    expect(out.items.get('^NDX')?.close.at(-1)).toBe(20201.369140625);
  });

  it('lists issues in the order the symbols were asked, whatever order the answers came in', async () => {
    const asked = ['ZZ1', 'ZZ2', 'ZZ3', 'ZZ4'];
    const answered: string[] = [];
    // Yahoo's real "No data found" 404 body, answered later the earlier the symbol was asked
    const slowFirst = (async (input: string | URL | Request) => {
      // the closest-match searches for unknown symbols find nothing
      if (new URL(String(input)).pathname.endsWith('/search')) return new Response('Not Found', { status: 404 });
      const symbol = decodeURIComponent(new URL(String(input)).pathname.split('/').at(-1) ?? '');
      await new Promise((resolve) => setTimeout(resolve, 10 * (asked.length - asked.indexOf(symbol))));
      answered.push(symbol);
      return Response.json({ chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } }, { status: 404 });
    }) as typeof fetch;
    const yahoo = await openTestYahoo(slowFirst);
    const out = await yahoo.fetchHistory({ symbols: asked, start: '2024-12-02', end: '2025-03-07' });
    expect(answered).toEqual([...asked].reverse());
    expect(out.issues.map((i) => i.symbol)).toEqual(asked);
  });

  it('reports an unknown symbol from its real 404 answer, and keeps the others', async () => {
    const yahoo = await openTestYahoo(createReplayFetch().fetch);
    const out = await yahoo.fetchHistory({ symbols: ['INVALID.BO', 'AAPL'], start: '2024-12-02', end: '2025-03-07' });
    expect([...out.items.keys()]).toEqual(['AAPL']);
    expect(out.issues).toEqual([{ symbol: 'INVALID.BO', code: 'no-data', message: expect.stringContaining('symbol may be delisted'), unknownSymbol: true }]);
  });

  it('offers the closest match from Yahoo search for a symbol Yahoo does not know', async () => {
    const replay = createReplayFetch();
    const yahoo = await openTestYahoo(replay.fetch);
    const out = await yahoo.fetchHistory({ symbols: ['APPL'], start: '2024-12-02', end: '2025-03-07' });
    expect(out.issues).toEqual([
      {
        symbol: 'APPL',
        code: 'no-data',
        message: 'no data on Yahoo Finance (No data found, symbol may be delisted); closest match on Yahoo Finance: AAPL (Apple Inc., NASDAQ)',
        unknownSymbol: true,
      },
    ]);
    expect(replay.used.has('search-APPL.fake.json')).toBe(true);
  });

  it('says when Yahoo knows a symbol but has no daily closes for it, and offers nothing when search finds nothing', async () => {
    const yahoo = await openTestYahoo(createReplayFetch().fetch);
    const out = await yahoo.fetchHistory({ symbols: ['HSTECH.HK'], start: '2024-12-02', end: '2025-03-07' });
    expect(out.issues[0]?.message).toBe(
      'no data on Yahoo Finance (No data found, symbol may be delisted); Yahoo Finance knows HSTECH.HK (HANG SENG TECH INDEX) but has no daily closes for it',
    );
  });

  it('does not search for an FX pair it has no data for (the inverse pair is used instead)', async () => {
    const replay = createReplayFetch();
    const yahoo = await openTestYahoo(replay.fetch);
    const out = await yahoo.fetchHistory({ symbols: ['HKDUSD=X'], start: '2024-12-02', end: '2025-03-07' });
    expect(out.issues[0]?.code).toBe('no-data');
    expect(replay.calls.some((c) => c.includes('/search'))).toBe(false);
  });

  it('searches: Yahoo symbols only, best first, with name, exchange and type', async () => {
    const yahoo = await openTestYahoo(createReplayFetch().fetch);
    expect(await yahoo.search!('TENCENT')).toEqual([
      { symbol: '0700.HK', name: 'Tencent Holdings Limited', exchange: 'Hong Kong', type: 'Equity' },
      { symbol: 'TCEHY', name: 'Tencent Holdings Limited', exchange: 'OTC Markets', type: 'Equity' },
    ]);
  });

  it('reports an answer that fails yahoo-finance2 validation (real LUCYW recording, currency null)', async () => {
    const log: string[] = [];
    const yahoo = await openTestYahoo(createReplayFetch().fetch, log);
    const out = await yahoo.fetchHistory({ symbols: ['LUCYW'], start: '2024-01-01', end: '2024-01-01' });
    expect(out.items.size).toBe(0);
    expect(out.issues).toEqual([{ symbol: 'LUCYW', code: 'bad-data', message: expect.stringContaining('failed validation') }]);
  });

  it('stops with a one-line reason when Yahoo rate-limits', async () => {
    const key = requestKey('GET', 'https://query2.finance.yahoo.com/v8/finance/chart/AAPL?useYfid=true&interval=1d&includePrePost=true&events=div%7Csplit%7Cearn&lang=en-US&period1=1577836800&period2=1578009600');
    const replay = createReplayFetch({ overrides: { [key]: { status: 429, statusText: 'Too Many Requests', bodyText: 'Too Many Requests' } } });
    const retry = fakeRetry();
    const yahoo = await openTestYahoo(replay.fetch, [], retry);
    await expect(yahoo.fetchHistory({ symbols: ['AAPL'], start: '2020-01-01', end: '2020-01-02' })).rejects.toThrow(/HTTP 429/);
    // tried 4 times in all, waiting 500 ms × 2^k × (0.5 + 0.5) between tries
    expect(retry.waits).toEqual([500 * 1, 500 * 2, 500 * 4]);
    expect(replay.calls.filter((c) => c.includes('/chart/AAPL'))).toHaveLength(4);
  });
});

describe('fetchFx (chart of both directions)', () => {
  it("asks for a pair's two series together, and inverts the one Yahoo has (USDHKD=X for HKD into USD)", async () => {
    const replay = createReplayFetch();
    const yahoo = await openTestYahoo(replay.fetch);
    const out = await yahoo.fetchFx({ from: 'HKD', to: 'USD', start: '2024-12-02', end: '2025-03-07' });
    expect(out.rates).toMatchObject({ from: 'HKD', to: 'USD', inverted: true, series: { symbol: 'USDHKD=X', currency: 'HKD' } });
    expect(plainSeries(out.rates?.series)?.dates.at(-1)).toBe('2025-03-07');
    // HKDUSD=X's 404 is no news once the inverse is there; no search is made for a pair
    expect(out.issues).toEqual([]);
    expect(replay.used.has('chart-HKDUSD=X-404.fake.json')).toBe(true);
    expect(replay.calls.some((c) => c.includes('/search'))).toBe(false);
  });

  it('takes the direct series when Yahoo has it', async () => {
    const yahoo = await openTestYahoo(createReplayFetch({ strict: false }).fetch);
    const out = await yahoo.fetchFx({ from: 'USD', to: 'HKD', start: '2024-12-02', end: '2025-03-07' });
    expect(out.rates).toMatchObject({ from: 'USD', to: 'HKD', inverted: false, series: { symbol: 'USDHKD=X' } });
  });

  it("says why when Yahoo has neither series, naming both, and names them as Yahoo does", async () => {
    const yahoo = await openTestYahoo(createReplayFetch({ strict: false }).fetch);
    const out = await yahoo.fetchFx({ from: 'EUR', to: 'JPY', start: '2024-12-02', end: '2025-03-07' });
    expect(out.rates).toBeNull();
    expect(out.issues.map((i) => i.symbol)).toEqual(['EURJPY=X', 'JPYEUR=X']);
    expect(yahoo.fxNames('EUR', 'JPY')).toEqual(['EURJPY=X', 'JPYEUR=X']);
  });
});
