/** `basket search`: Yahoo search through the real yahoo-finance2 path (replayed), currencies from one quote batch, the Hong Kong hint. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchTerm } from '../../src/commands/search.js';
import { DEMO_DIR, runCli } from '../helpers/cli.js';
import { createReplayFetch, FIXTURES, requestKey, type RecordedResponse } from '../helpers/replay.js';

const TENCENT = JSON.parse(readFileSync(path.join(FIXTURES, 'yahoo', 'search-TENCENT.fake.json'), 'utf8')) as {
  request: { url: string };
  response: RecordedResponse;
};
const searchKey = (query: string) => requestKey('GET', TENCENT.request.url.replace('q=TENCENT', `q=${encodeURIComponent(query)}`));
const QUOTE_KEY = requestKey('GET', 'https://query2.finance.yahoo.com/v7/finance/quote?symbols=0700.HK%2CTCEHY');

describe('searchTerm: what a query is searched as', () => {
  it.each([
    ['700', '0700.HK', true],
    ['00700', '0700.HK', true],
    ['700.HK', '0700.HK', true],
    ['700.hk', '0700.HK', true],
    ['0700 HK', '0700.HK', true],
    ['0700', '0700.HK', true],
    ['0700.HK', '0700.HK', false],
    ['9988.HK', '9988.HK', false],
    ['  tencent ', 'tencent', false],
    ['AAPL', 'AAPL', false],
    ['bank of china', 'bank of china', false],
    ['600519.SS', '600519.SS', false],
  ])('%j → %s (hint: %s)', (query, searched, hinted) => {
    const t = searchTerm(query);
    expect(t.searched).toBe(searched);
    expect(t.hint !== null).toBe(hinted);
  });

  it('the hint names the four-digit form, and for bare digits another market\'s suffix', () => {
    expect(searchTerm('700').hint).toBe(
      '"700" looks like a Hong Kong stock code: Yahoo Finance wants four digits and .HK (0700.HK), so basket searches for 0700.HK; for another market add its suffix, e.g. 7203.T for Tokyo',
    );
    expect(searchTerm('700.HK').hint).toBe('"700.HK" looks like a Hong Kong stock code: Yahoo Finance wants four digits and .HK (0700.HK), so basket searches for 0700.HK');
  });
});

describe('basket search', () => {
  it('lists the matches with exchange, type and the currency from one batched quote request', async () => {
    const replay = createReplayFetch();
    const r = await runCli(['search', 'TENCENT'], { fetch: replay.fetch });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/│ 0700\.HK │ Tencent Holdings Limited │ Hong Kong +│ Equity │ HKD +│/);
    expect(r.stdout).toMatch(/│ TCEHY +│ Tencent Holdings Limited │ OTC Markets +│ Equity │ USD +│/);
    // the injected fetch answered: one search, one quote batch
    expect(replay.calls).toEqual([searchKey('TENCENT'), QUOTE_KEY]);
    expect(replay.used).toEqual(new Set(['search-TENCENT.fake.json', 'quote-0700.HK-TCEHY.fake.json']));
  });

  it('--format json and csv give the same matches for scripts', async () => {
    const json = await runCli(['search', 'TENCENT', '--format', 'json'], { fetch: createReplayFetch().fetch });
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      schemaVersion: 1,
      query: 'TENCENT',
      searched: 'TENCENT',
      matches: [
        { symbol: '0700.HK', name: 'Tencent Holdings Limited', exchange: 'Hong Kong', type: 'Equity', currency: 'HKD' },
        { symbol: 'TCEHY', name: 'Tencent Holdings Limited', exchange: 'OTC Markets', type: 'Equity', currency: 'USD' },
      ],
    });
    const csv = await runCli(['search', 'TENCENT', '--format', 'csv'], { fetch: createReplayFetch().fetch });
    expect(csv.stdout).toBe(
      'symbol,name,exchange,type,currency\n0700.HK,Tencent Holdings Limited,Hong Kong,Equity,HKD\nTCEHY,Tencent Holdings Limited,OTC Markets,Equity,USD\n',
    );
  });

  it('reads a Hong Kong code as Yahoo writes it, says so on stderr, and searches for that', async () => {
    // Yahoo's answer for 0700.HK is not recorded: answer it as the TENCENT search was
    const replay = createReplayFetch({ overrides: { [searchKey('0700.HK')]: TENCENT.response } });
    const r = await runCli(['search', '700'], { fetch: replay.fetch });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe(`basket: ${searchTerm('700').hint}\n`);
    expect(replay.calls[0]).toBe(searchKey('0700.HK'));
    expect(r.stdout).toContain('0700.HK');

    const quiet = await runCli(['search', '0700', 'HK', '--quiet'], { fetch: createReplayFetch({ overrides: { [searchKey('0700.HK')]: TENCENT.response } }).fetch });
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('says so when nothing is found (exit 0)', async () => {
    const r = await runCli(['search', 'INVALID.BO'], { fetch: createReplayFetch().fetch });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('No symbol found on Yahoo Finance for "INVALID.BO".\n');
    const json = await runCli(['search', 'INVALID.BO', '--format', 'json'], { fetch: createReplayFetch().fetch });
    expect(JSON.parse(json.stdout).matches).toEqual([]);
  });

  it('shows the matches without currencies when the quote request fails, and notes it', async () => {
    const replay = createReplayFetch({ overrides: { [QUOTE_KEY]: { status: 503, statusText: 'Service Unavailable', bodyText: '' } } });
    const r = await runCli(['search', 'TENCENT', '--format', 'json'], { fetch: replay.fetch });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).matches.map((m: { currency: string | null }) => m.currency)).toEqual([null, null]);
    expect(r.stderr).toContain('0700.HK: no quote (yahoo unavailable: Yahoo Finance answered HTTP 503)');
  });

  it('exits 3 with one line when Yahoo cannot be reached, as compare does', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    }) as typeof fetch;
    const r = await runCli(['search', 'tencent'], { fetch: offline });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('basket: cannot reach Yahoo Finance (ENOTFOUND): use --offline for cached data or --data DIR for an offline data directory\n');
  });

  it('cannot search an offline data directory: exit 2, one line, no request', async () => {
    const replay = createReplayFetch();
    const r = await runCli(['search', 'tencent', '--data', DEMO_DIR], { fetch: replay.fetch });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`basket: search asks Yahoo Finance; --data ${DEMO_DIR} is an offline data directory, which cannot be searched\n`);
    expect(replay.calls).toEqual([]);
  });

  it('needs a query: exit 2', async () => {
    const r = await runCli(['search']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("basket: missing required argument 'query'\n");
  });
});
