/**
 * The Yahoo provider's quotes through the real yahoo-finance2 code path,
 * with recorded answers from fixtures/yahoo replayed by an injected fetch:
 * batches, symbols dropped from a batch, failures noted per symbol.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReplayFetch, FIXTURES, requestKey } from '../../helpers/replay.js';
import { openTestYahoo } from '../../helpers/yahoo-provider.js';

describe('fetchQuotes (quote)', () => {
  it('maps a real multi-symbol answer to quotes (AAPL, BABA on 2025-02-17)', async () => {
    const replay = createReplayFetch();
    const yahoo = await openTestYahoo(replay.fetch);
    const out = await yahoo.fetchQuotes(['BABA', 'AAPL']);
    expect(out.issues).toEqual([]);
    const baba = out.items.get('BABA')![0]!;
    // dated by the last trade, on the exchange's calendar: 2025-02-14 16:00 New York
    expect(baba.date).toBe('2025-02-14');
    expect(baba.provider).toBe('Yahoo Finance');
    expect(baba.currency).toBe('USD');
    expect(baba.name).toBe('Alibaba Group Holding Limited');
    expect(baba.forwardPE).toBeGreaterThan(0);
    expect(out.items.get('AAPL')?.[0]?.marketCap).toBeGreaterThan(1e12);
    // the crumb handshake was answered by the replayer, not recorded
    expect(replay.handshakes.length).toBeGreaterThan(0);
  });

  it('notices a symbol missing from a multi-symbol answer (real AAPL,NONEXIST recording)', async () => {
    const replay = createReplayFetch();
    const yahoo = await openTestYahoo(replay.fetch);
    const out = await yahoo.fetchQuotes(['NONEXIST', 'AAPL']);
    expect([...out.items.keys()]).toEqual(['AAPL']);
    expect(out.issues).toEqual([
      { symbol: 'NONEXIST', code: 'no-quote', message: 'Yahoo Finance returned no quote, also when asked for it alone (unknown or delisted symbol?)' },
    ]);
    // asked once in the batch, then once alone (the real quote-NONEXIST.json answer), never again
    expect(replay.calls.filter((c) => c.includes('/v7/finance/quote'))).toEqual([
      expect.stringContaining('symbols=AAPL%2CNONEXIST'),
      expect.stringContaining('symbols=NONEXIST'),
    ]);
  });

  it('takes a symbol dropped from a multi-symbol answer from its answer alone', async () => {
    // the batch answer (the real AAPL,BABA recording) stripped of BABA; BABA alone answers as recorded
    const recorded = JSON.parse(readFileSync(path.join(FIXTURES, 'yahoo', 'quote-AAPL-BABA.json'), 'utf8')) as {
      request: { url: string };
      response: { bodyJson: { quoteResponse: { result: { symbol: string }[] } } };
    };
    const body = recorded.response.bodyJson;
    const withoutBaba = { quoteResponse: { ...body.quoteResponse, result: body.quoteResponse.result.filter((q) => q.symbol !== 'BABA') } };
    const replay = createReplayFetch({ overrides: { [requestKey('GET', recorded.request.url)]: { status: 200, bodyJson: withoutBaba } } });
    const yahoo = await openTestYahoo(replay.fetch);
    const out = await yahoo.fetchQuotes(['AAPL', 'BABA']);
    expect([...out.items.keys()].sort()).toEqual(['AAPL', 'BABA']);
    expect(out.issues).toEqual([]);
    expect(replay.used.has('quote-BABA-suspect-pe.fake.json')).toBe(true);
  });

  it('notes each symbol of a batch Yahoo could not answer once', async () => {
    const replay = createReplayFetch({
      overrides: { [requestKey('GET', 'https://query2.finance.yahoo.com/v7/finance/quote?symbols=AAPL%2CBABA')]: { status: 200, bodyText: '<html>oops</html>' } },
    });
    const yahoo = await openTestYahoo(replay.fetch);
    const out = await yahoo.fetchQuotes(['BABA', 'AAPL']);
    expect(out.items.size).toBe(0);
    expect(out.issues.map((i) => [i.symbol, i.code])).toEqual([
      ['AAPL', 'no-quote'],
      ['BABA', 'no-quote'],
    ]);
    expect(out.issues[0]?.message).toBe("no quote: Yahoo's answer was not valid JSON (cut short, or an error page)");
  });

  it('asks in batches of at most 100 symbols', async () => {
    const symbols = Array.from({ length: 205 }, (_, i) => `S${String(i).padStart(3, '0')}`);
    const batches: number[] = [];
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = new URL(String(input));
      if (url.hostname === 'finance.yahoo.com') {
        return new Response('', { status: 200, headers: { 'set-cookie': 'A3=d=x; Max-Age=3600; Domain=.yahoo.com; Path=/; Secure' } });
      }
      if (url.pathname === '/v1/test/getcrumb') return new Response('crumb', { status: 200 });
      const asked = (url.searchParams.get('symbols') ?? '').split(',');
      batches.push(asked.length);
      return Response.json({ quoteResponse: { result: [], error: null } });
    }) as typeof fetch;
    const yahoo = await openTestYahoo(fakeFetch);
    const out = await yahoo.fetchQuotes(symbols);
    // three batches, then each symbol missing from its batch's answer asked for once more, alone
    expect(batches.slice(0, 3).sort((a, b) => b - a)).toEqual([100, 100, 5]);
    expect(batches.slice(3)).toEqual(Array(205).fill(1));
    expect(out.issues).toHaveLength(205);
    expect(out.issues[0]?.message).toBe('Yahoo Finance returned no quote, also when asked for it alone (unknown or delisted symbol?)');
  });
});

