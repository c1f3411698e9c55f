/**
 * The fault-injection suite: a fake Yahoo (helpers/fake-yahoo.ts, through the
 * real yahoo-finance2 code path) answers with each failure Yahoo is known
 * for. For each: the exit code, the one-line message, what the output still
 * shows, that the cache holds nothing bad, and that retries are bounded.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../../src/providers/cache/store.js';
import { DEFAULT_RETRY } from '../../../src/providers/yahoo/provider.js';
import { runCli } from '../../helpers/cli.js';
import { createFakeYahoo, type FakeRequest, type FakeYahoo } from '../../helpers/fake-yahoo.js';
import { makeTempDir } from '../../helpers/tmp.js';

const NOW = new Date('2025-03-18T09:00:00Z');
const MAG7 = ['compare', 'mag7', '--as-of', '2025-03-07'];
const HINT = 'use --offline for cached data or --data DIR for an offline data directory';

async function run(fake: FakeYahoo, args: string[] = MAG7, cacheDir?: string) {
  const dir = cacheDir ?? (await makeTempDir('basket-cache-'));
  const waits: number[] = [];
  const r = await runCli(args, { fetch: fake.fetch, cacheDir: dir, now: NOW, sleep: async (ms) => void waits.push(ms) });
  return { ...r, waits, cacheDir: dir };
}

/** Every entry in the cache, read through the store's own checks: symbol → kind list; fails on any unusable entry. */
async function cacheContents(dir: string): Promise<{ history: string[]; quotes: string[] }> {
  const warnings: string[] = [];
  const store = new CacheStore(dir, (w) => warnings.push(w));
  const info = await store.info();
  expect(info.files.filter((f) => f.problem !== null)).toEqual([]);
  for (const f of info.files.filter((x) => x.kind === 'history')) {
    const e = await store.readHistory(f.symbol);
    // a usable entry, every close a positive finite number
    expect(e).not.toBeNull();
    for (const c of [...e!.close, ...e!.adjClose]) expect(Number.isFinite(c) && c > 0).toBe(true);
  }
  expect(warnings).toEqual([]);
  return {
    history: info.files.filter((f) => f.kind === 'history').map((f) => f.symbol),
    quotes: info.files.filter((f) => f.kind === 'quotes').map((f) => f.symbol),
  };
}

const perUrl = (fake: FakeYahoo, kind: FakeRequest['kind']) => {
  const counts = new Map<string, number>();
  for (const r of fake.requests.filter((q) => q.kind === kind)) counts.set(r.url.href, (counts.get(r.url.href) ?? 0) + 1);
  return [...counts.values()];
};

const oneLine = (stderr: string) => expect(stderr.endsWith('\n') && stderr.trim().split('\n').length === 1 && !/^\s+at /m.test(stderr)).toBe(true);

const isApi = (req: FakeRequest) => req.kind !== 'handshake';

describe('HTTP 429 Too Many Requests', () => {
  it('without Retry-After: each request tried 4 times with exponential backoff, then exit 3 in one line; nothing cached', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (isApi(req) ? { status: 429, statusText: 'Too Many Requests', body: 'Too Many Requests' } : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`basket: Yahoo Finance is refusing requests (HTTP 429 Too Many Requests): wait a while, or ${HINT}\n`);
    // bounded: no URL asked more than DEFAULT_RETRY.attempts times
    expect(Math.max(...perUrl(fake, 'chart'), ...perUrl(fake, 'quote'))).toBe(DEFAULT_RETRY.attempts);
    // waits of 500 × 2^k × [0.5, 1.5): k = 0, 1, 2 per request
    for (const w of r.waits) expect(w === 0 || (w >= 250 && w < 500 * 4 * 1.5)).toBe(true);
    expect(await cacheContents(r.cacheDir)).toEqual({ history: [], quotes: [] });
  });

  it('with Retry-After: waits what Yahoo asks, then succeeds with the full result', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (req.kind === 'quote' && req.attempt === 0 ? { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '2' } } : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(r.waits).toEqual([2000]);
    expect(fake.count('quote')).toBe(2);
    expect(r.stdout).toContain('-10.3%');
    expect((await cacheContents(r.cacheDir)).quotes).toHaveLength(7);
  });
});

describe('quotes failing as a whole', () => {
  it('a 429 that lasts on the quote only: the returns stand, every P/E is unknown, and the notes say why', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (req.kind === 'quote' ? { status: 429, statusText: 'Too Many Requests' } : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Magnificent Seven\s+│\s+7\/7\s+│\s+-10\.3%/);
    expect(r.stderr).toContain('AAPL: no quote (yahoo unavailable: Yahoo Finance is refusing requests (HTTP 429 Too Many Requests))');
    expect(fake.count('quote')).toBe(DEFAULT_RETRY.attempts);
    expect((await cacheContents(r.cacheDir)).quotes).toEqual([]);
  });

  it('an expired or refused crumb ("Invalid Crumb"): cached quotes stand in, marked stale', async () => {
    const fake = createFakeYahoo();
    const first = await run(fake);
    fake.fault = (req) =>
      req.kind === 'quote'
        ? { status: 401, statusText: 'Unauthorized', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ finance: { result: null, error: { code: 'Unauthorized', description: 'Invalid Crumb' } } }) }
        : undefined;
    const waits: number[] = [];
    const r = await runCli([...MAG7, '--max-age', '0'], { fetch: fake.fetch, cacheDir: first.cacheDir, now: new Date(NOW.getTime() + 60_000), sleep: async (ms) => void waits.push(ms) });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("AAPL: cached quote, fetched 2025-03-18 09:00 UTC (yahoo unavailable: Yahoo Finance refused basket's session cookie and crumb (Invalid Crumb))");
    expect(r.stdout).toContain('Stale data: cached figures used for 7 symbols');
    // the P/E figures are the cached ones
    expect(r.stdout).toMatch(/MSFT\s+│ Microsoft Corporation.*27\.5x/);
  });
});

describe('HTTP 500 and 503', () => {
  it('a 500 once is tried again and the run succeeds', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (req.kind === 'chart' && req.symbols[0] === 'NVDA' && req.attempt === 0 ? { status: 500, statusText: 'Internal Server Error' } : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(fake.count('chart', 'NVDA')).toBe(2);
    expect(r.stdout).toContain('-10.3%');
  });

  it('a 503 that lasts: exit 3, one line, at most 4 tries per request, nothing cached', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (isApi(req) ? { status: 503, statusText: 'Service Unavailable', body: '<html>503</html>' } : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toBe(`basket: Yahoo Finance answered HTTP 503: try again later, or ${HINT}\n`);
    expect(Math.max(...perUrl(fake, 'chart'))).toBeLessThanOrEqual(4);
    expect(r.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(DEFAULT_RETRY.maxTotalDelayMs * fake.requests.length);
    expect(await cacheContents(r.cacheDir)).toEqual({ history: [], quotes: [] });
  });
});

describe('timeouts and connection resets', () => {
  it('a request never answered times out (--timeout), is tried 4 times, then exit 3 in one line', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (req.kind === 'chart' && req.symbols[0] === 'AAPL' ? 'hang' : undefined);
    const r = await run(fake, [...MAG7, '--timeout', '0.05']);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toBe(`basket: Yahoo Finance did not answer in time within 0.05 s: try again later, or ${HINT}\n`);
    expect(fake.count('chart', 'AAPL')).toBe(4);
  });

  it('a connection reset once is tried again; the result is whole', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (req.kind === 'chart' && req.attempt === 0 ? 'reset' : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(fake.count('chart')).toBe(16);
    expect(r.stdout).toContain('-10.3%');
    expect((await cacheContents(r.cacheDir)).history).toHaveLength(8);
  });

  it('resets that last: exit 3 naming ECONNRESET, bounded tries', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (isApi(req) ? 'reset' : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toBe(`basket: cannot reach Yahoo Finance (ECONNRESET): ${HINT}\n`);
    expect(Math.max(...perUrl(fake, 'chart'))).toBeLessThanOrEqual(4);
  });

  it('a name that does not resolve (ENOTFOUND) is not retried', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (isApi(req) ? 'enotfound' : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(3);
    oneLine(r.stderr);
    expect(r.stderr).toBe(`basket: cannot reach Yahoo Finance (ENOTFOUND): ${HINT}\n`);
    expect(Math.max(...perUrl(fake, 'chart'))).toBe(1);
  });
});

describe('bad answers', () => {
  it('truncated JSON for one member: that member is left out with the reason, the rest computed; it is not cached, and asked for again next time', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (req.kind === 'chart' && req.symbols[0] === 'AAPL' ? 'truncate' : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("AAPL: Yahoo's answer was not valid JSON (cut short, or an error page)");
    expect(r.stdout).toMatch(/Magnificent Seven\s+│\s+6\/7/);
    expect((await cacheContents(r.cacheDir)).history).not.toContain('AAPL');
    fake.fault = () => undefined;
    fake.requests.length = 0;
    const again = await run(fake, MAG7, r.cacheDir);
    expect(fake.requests.filter((q) => q.kind === 'chart').map((q) => q.symbols[0])).toEqual(['AAPL']);
    expect(again.stdout).toMatch(/Magnificent Seven\s+│\s+7\/7\s+│\s+-10\.3%/);
  });

  it('an HTML error page (HTTP 200) instead of the quote answer: no quotes, notes saying why, returns still computed', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (req.kind === 'quote' ? 'html' : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("AAPL: no quote: Yahoo's answer was not valid JSON (cut short, or an error page)");
    expect(r.stdout).toMatch(/Magnificent Seven\s+│\s+7\/7\s+│\s+-10\.3%/);
    expect((await cacheContents(r.cacheDir)).quotes).toEqual([]);
  });

  it('an empty chart result: the member is noted as without closes and left out', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) =>
      req.kind === 'chart' && req.symbols[0] === 'TSLA'
        ? {
            transform: (body) => {
              const result = (body as { chart: { result: Record<string, unknown>[] } }).chart.result[0]!;
              delete result.timestamp;
              result.indicators = { quote: [{}], adjclose: [{}] };
              return body;
            },
          }
        : undefined;
    const r = await run(fake, [...MAG7, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as { baskets: { members: { symbol: string; included: boolean }[]; return: number }[]; issues: { symbol: string; code: string; message: string }[] };
    expect(json.issues).toContainEqual({ symbol: 'TSLA', code: 'no-data', message: 'Yahoo Finance has no daily closes from 2024-12-02 to 2025-03-07' });
    expect(json.baskets[0]!.members.find((m) => m.symbol === 'TSLA')?.included).toBe(false);
    // equal weights over the six members left: the basket's return is the mean of theirs
    const six = json.baskets[0]!.members.filter((m) => m.symbol !== 'TSLA') as unknown as { return: number }[];
    expect(six).toHaveLength(6);
    expect(json.baskets[0]!.return).toBeCloseTo(six.reduce((a, m) => a + m.return, 0) / 6, 12);
    expect((await cacheContents(r.cacheDir)).history).not.toContain('TSLA');
  });

  it('an empty quote answer: each symbol asked for once more alone, then noted', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) => (req.kind === 'quote' ? { transform: () => ({ quoteResponse: { result: [], error: null } }) } : undefined);
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(fake.requests.filter((q) => q.kind === 'quote').map((q) => q.symbols.length)).toEqual([7, 1, 1, 1, 1, 1, 1, 1]);
    expect(r.stderr).toContain('MSFT: Yahoo Finance returned no quote, also when asked for it alone (unknown or delisted symbol?)');
    expect(r.stdout).toMatch(/Magnificent Seven\s+│\s+7\/7\s+│\s+-10\.3%/);
  });

  it('a multi-symbol answer missing one symbol: it is asked for alone, once, and its quote used', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) =>
      req.kind === 'quote' && req.symbols.length > 1
        ? {
            transform: (body) => {
              const b = body as { quoteResponse: { result: { symbol: string }[] } };
              b.quoteResponse.result = b.quoteResponse.result.filter((q) => q.symbol !== 'MSFT');
              return b;
            },
          }
        : undefined;
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(fake.requests.filter((q) => q.kind === 'quote').map((q) => q.symbols.join(','))).toEqual(['AAPL,AMZN,GOOGL,META,MSFT,NVDA,TSLA', 'MSFT']);
    expect(r.stderr).not.toContain('MSFT:');
    expect(r.stdout).toMatch(/MSFT\s+│ Microsoft Corporation.*27\.5x/);
    expect((await cacheContents(r.cacheDir)).quotes).toContain('MSFT');
  });

  it('null closes in a chart: those bars are left out and noted with their dates; the cache holds none', async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) =>
      req.kind === 'chart' && req.symbols[0] === 'META'
        ? {
            transform: (body) => {
              const result = (body as { chart: { result: { timestamp: number[]; indicators: { quote: { close: (number | null)[] }[]; adjclose: { adjclose: (number | null)[] }[] } }[] } }).chart.result[0]!;
              // the sessions of 2025-01-10 and 2025-01-13 (New York) lose their closes
              result.timestamp.forEach((t, i) => {
                const day = new Date(t * 1000).toISOString().slice(0, 10);
                if (day === '2025-01-10' || day === '2025-01-13') {
                  result.indicators.quote[0]!.close[i] = null;
                  result.indicators.adjclose[0]!.adjclose[i] = null;
                }
              });
              return body;
            },
          }
        : undefined;
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('META: 2 bar(s) without a usable close left out (2025-01-10, 2025-01-13)');
    // the start (2024-12-31) and end (2025-03-07) closes are whole: META's return is unchanged
    expect(r.stdout).toMatch(/META\s+│.*\+6\.9%/);
    await cacheContents(r.cacheDir);
    // the note comes back from the cache on the next run
    const again = await run(fake, MAG7, r.cacheDir);
    expect(again.stderr).toContain('META: 2 bar(s) without a usable close left out (2025-01-10, 2025-01-13)');
  });

  it("a payload that fails yahoo-finance2's schema validation: the member is left out as bad data; nothing cached", async () => {
    const fake = createFakeYahoo();
    fake.fault = (req) =>
      req.kind === 'chart' && req.symbols[0] === 'GOOGL'
        ? {
            transform: (body) => {
              (body as { chart: { result: { meta: Record<string, unknown> }[] } }).chart.result[0]!.meta.currency = 42;
              return body;
            },
          }
        : undefined;
    const r = await run(fake);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("GOOGL: Yahoo's answer failed validation (its format may have changed)");
    expect((await cacheContents(r.cacheDir)).history).not.toContain('GOOGL');
    expect(r.stdout).toMatch(/Magnificent Seven\s+│\s+6\/7/);
  });
});

describe('unknown symbols', () => {
  it('a typo gets the closest match from Yahoo search, the basket is computed without it, and --strict makes it exit 4', async () => {
    const dir = await makeTempDir('basket-typo-');
    const { writeFile } = await import('node:fs/promises');
    const file = path.join(dir, 'typo.txt');
    await writeFile(file, 'APPL\nMSFT\n');
    const fake = createFakeYahoo();
    const r = await run(fake, ['compare', file, '--as-of', '2025-03-07']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('APPL: no data on Yahoo Finance (No data found, symbol may be delisted); closest match on Yahoo Finance: AAPL (Apple Inc., NASDAQ)');
    expect(r.stdout).toMatch(/1\/2/);
    const strict = await run(fake, ['compare', file, '--as-of', '2025-03-07', '--strict', '--quiet']);
    expect(strict.exitCode).toBe(4);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toBe('basket: --strict: 1 member has no usable data: APPL (typo)\n');
  });

  it('"no data" for an unknown symbol is remembered for the TTL only: the next run does not ask again', async () => {
    const fake = createFakeYahoo();
    const first = await run(fake, ['compare', 'titans', '--as-of', '2025-03-07']);
    expect(fake.count('chart', 'HSTECH.HK')).toBe(1);
    expect(fake.count('search')).toBe(1); // for HSTECH.HK; none for its fallback 3033.HK, whose note is dropped when it is not needed
    await run(fake, ['compare', 'titans', '--as-of', '2025-03-07'], first.cacheDir);
    expect(fake.count('chart', 'HSTECH.HK')).toBe(1);
    const { history } = await cacheContents(first.cacheDir);
    expect(history).toContain('HSTECH.HK');
    expect(await readdir(path.join(first.cacheDir, 'history'))).toContain('HSTECH.HK.json');
  });
});
