/**
 * The fetch every Yahoo request goes through (src/providers/yahoo/fetch.ts):
 * retries with backoff within a budget, Retry-After, time limits, the stop
 * once the history has failed as a whole, error pages raised before
 * yahoo-finance2 prints them.
 */
import { describe, expect, it, vi } from 'vitest';
import { guardFetch, retryAfterMs } from '../../../src/providers/yahoo/fetch.js';
import { CONCURRENCY, openYahooProvider } from '../../../src/providers/yahoo/provider.js';
import { createReplayFetch } from '../../helpers/replay.js';
import { fakeRetry, openTestYahoo } from '../../helpers/yahoo-provider.js';

describe('retries', () => {
  const url = 'https://query2.finance.yahoo.com/v8/finance/chart/AAPL?useYfid=true&interval=1d&includePrePost=true&events=div%7Csplit%7Cearn&lang=en-US&period1=1577836800&period2=1578009600';

  /** Answers with `failures` in turn, then hands over to the replayer. */
  function flaky(failures: (() => Response | never)[]) {
    const replay = createReplayFetch();
    let calls = 0;
    const fetch = (async (input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) => {
      const next = failures[calls++];
      return next ? next() : replay.fetch(input, init);
    }) as typeof globalThis.fetch;
    return { fetch, calls: () => calls };
  }

  it('recovers from a 503 and a connection reset, then gives the same data', async () => {
    const reset = () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    };
    const f = flaky([() => new Response('busy', { status: 503, statusText: 'Service Unavailable' }), reset]);
    const retry = fakeRetry();
    const out = await (await openTestYahoo(f.fetch, [], retry)).fetchHistory({ symbols: ['AAPL'], start: '2020-01-01', end: '2020-01-02' });
    expect(out.items.get('AAPL')?.days.length).toBeGreaterThan(0);
    expect(retry.waits).toEqual([500, 1000]);
    expect(f.calls()).toBe(2 + 1); // two failures, then the chart answer (a chart needs no crumb)
  });

  it('honours Retry-After (seconds) instead of its own backoff', async () => {
    const f = flaky([() => new Response('slow down', { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '3' } })]);
    const retry = fakeRetry();
    await (await openTestYahoo(f.fetch, [], retry)).fetchHistory({ symbols: ['AAPL'], start: '2020-01-01', end: '2020-01-02' });
    expect(retry.waits).toEqual([3000]);
  });

  it('gives up rather than wait past its time budget', async () => {
    const f = flaky([() => new Response('', { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '120' } })]);
    const retry = fakeRetry();
    await expect((await openTestYahoo(f.fetch, [], retry)).fetchHistory({ symbols: ['AAPL'], start: '2020-01-01', end: '2020-01-02' })).rejects.toThrow(/HTTP 429/);
    expect(retry.waits).toEqual([]); // 120 s is beyond the 20 s budget: no wait at all
  });

  it('does not retry what another try cannot mend (a 404, an unknown host)', async () => {
    let calls = 0;
    const guarded = guardFetch(
      () =>
        (async () => {
          calls += 1;
          return Response.json({}, { status: 404 });
        }) as typeof globalThis.fetch,
      1000,
      fakeRetry(),
    );
    expect((await guarded(url)).status).toBe(404);
    expect(calls).toBe(1);
    const dns = guardFetch(
      () =>
        (async () => {
          calls += 1;
          throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
        }) as typeof globalThis.fetch,
      1000,
      fakeRetry(),
    );
    await expect(dns(url)).rejects.toThrow('fetch failed');
    expect(calls).toBe(2);
  });

  it.each([
    ['5', 5000],
    ['0', 0],
    ['Wed, 21 Oct 2015 07:28:05 GMT', 5000], // an HTTP date 5 s after "now"
    ['soon', null],
    [null, null],
  ])('reads Retry-After %j as %j ms', (header, ms) => {
    expect(retryAfterMs(header, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(ms);
  });
});

describe('network failures', () => {
  it('gives up on a request Yahoo does not answer in time, with a one-line reason', async () => {
    let started = 0;
    const hanging = ((_input: unknown, init?: RequestInit) => {
      started += 1;
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }) as typeof fetch;
    const retry = fakeRetry({ attempts: 2 });
    const yahoo = await openYahooProvider({ fetch: hanging, log: () => {}, verbose: false, requestTimeoutMs: 50, retry });
    await expect(yahoo.fetchHistory({ symbols: ['AAPL'], start: '2020-01-01', end: '2020-01-02' })).rejects.toThrow(
      'Yahoo Finance did not answer in time within 0.05 s: try again later, or use --offline for cached data or --data DIR for an offline data directory',
    );
    expect(started).toBe(2); // a timeout is tried once more
    expect(retry.waits).toEqual([500]);
  });

  it('says Yahoo cannot be reached when the name does not resolve', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND query2.finance.yahoo.com'), { code: 'ENOTFOUND' }) });
    }) as typeof fetch;
    const yahoo = await openTestYahoo(offline);
    await expect(yahoo.fetchHistory({ symbols: ['AAPL'], start: '2020-01-01', end: '2020-01-02' })).rejects.toThrow('cannot reach Yahoo Finance (ENOTFOUND)');
  });
});

describe('stopping and quiet failures', () => {
  it('once the history fails as a whole, requests still queued or waiting are not made', async () => {
    const symbols = Array.from({ length: 12 }, (_, i) => `S${i}`);
    const asked: string[] = [];
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const symbol = decodeURIComponent(new URL(String(input)).pathname.split('/').at(-1) ?? '');
      asked.push(symbol);
      if (symbol === 'S0') throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
      // the others hang until aborted (by their time limit, or by the stop)
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true }));
    }) as typeof fetch;
    const yahoo = await openYahooProvider({ fetch: fakeFetch, log: () => {}, verbose: false, retry: fakeRetry(), requestTimeoutMs: 50 });
    await expect(yahoo.fetchHistory({ symbols, start: '2025-01-01', end: '2025-01-31' })).rejects.toThrow('cannot reach Yahoo Finance (ENOTFOUND)');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // the first wave (CONCURRENCY at once), and at most the one that took S0's place before its failure was read;
    // without the stop, the 11 hanging ones would each time out (50 ms) and be tried 4 times: 45 requests
    expect(asked.length).toBeLessThanOrEqual(CONCURRENCY + 1);
  });

  it('an error status with an HTML body is raised before yahoo-finance2 can print the URL', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const fakeFetch = (async () => new Response('<html>Not Found</html>', { status: 404, headers: { 'content-type': 'text/html' } })) as typeof fetch;
      const yahoo = await openTestYahoo(fakeFetch);
      const out = await yahoo.fetchHistory({ symbols: ['NVDA'], start: '2025-01-01', end: '2025-01-31' });
      expect(out.issues[0]).toMatchObject({ symbol: 'NVDA', code: 'no-data', message: expect.stringMatching(/^not found on Yahoo Finance \(HTTP 404\)/) });
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });
});
