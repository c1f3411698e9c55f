/**
 * A fake Yahoo for the fault-injection and cache tests: an injected fetch,
 * through the real yahoo-finance2 code path, that answers
 *   - the cookie/crumb handshake;
 *   - a daily chart of a demo symbol for ANY period, cut from its recorded
 *     (hand-made, real-price) answer for 2024-12-02..2025-03-07, so that a
 *     later run's tail request can be answered too;
 *   - the 404 recordings (HSTECH.HK, HKDUSD=X, APPL, INVALID.BO) as recorded;
 *   - a quote of any set of demo symbols, assembled from the recorded answer;
 *   - recorded search answers;
 * and lets a test replace any answer with a fault. Every request is counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, type RecordedResponse } from './replay.js';

const YAHOO_DIR = path.join(FIXTURES, 'yahoo');
const CRUMB_PAGE = 'https://finance.yahoo.com/quote/AAPL';
const CRUMB_API = 'https://query1.finance.yahoo.com/v1/test/getcrumb';

export type RequestKind = 'chart' | 'quote' | 'search' | 'handshake' | 'other';

export interface FakeRequest {
  readonly kind: RequestKind;
  readonly url: URL;
  /** chart: the symbol; quote: the symbols asked for; search: the query. */
  readonly symbols: readonly string[];
  /** chart: the period asked for, as epoch seconds. */
  readonly period1: number | null;
  readonly period2: number | null;
  /** How many earlier requests of this kind and symbols this run has seen. */
  readonly attempt: number;
}

/** What a fault makes of a request; undefined: answer normally. */
export type Fault =
  | { readonly status: number; readonly statusText?: string; readonly headers?: Record<string, string>; readonly body?: string }
  /** Connection reset by the peer (as Node's fetch reports it). */
  | 'reset'
  /** The DNS name does not resolve. */
  | 'enotfound'
  /** No answer until the request is aborted (by the per-request timeout). */
  | 'hang'
  /** The normal answer cut off halfway through its JSON. */
  | 'truncate'
  /** A 200 carrying an HTML error page instead of JSON. */
  | 'html'
  /** The normal answer, transformed. */
  | { readonly transform: (body: unknown) => unknown };

export interface FakeYahoo {
  readonly fetch: typeof fetch;
  readonly requests: FakeRequest[];
  /** Set to inject faults; may be changed between runs. */
  fault: (req: FakeRequest) => Fault | undefined;
  count(kind: RequestKind, symbol?: string): number;
}

interface Recording {
  request: { url: string };
  response: RecordedResponse;
}

function load(): { charts: Map<string, Recording>; quotes: Map<string, unknown>; searches: Map<string, Recording> } {
  const charts = new Map<string, Recording>();
  const quotes = new Map<string, unknown>();
  const searches = new Map<string, Recording>();
  for (const file of readdirSync(YAHOO_DIR).filter((f) => f.endsWith('.json'))) {
    const rec = JSON.parse(readFileSync(path.join(YAHOO_DIR, file), 'utf8')) as Recording;
    const url = new URL(rec.request.url);
    if (file.startsWith('chart-') && (file.includes('2024-12-02-to-2025-03-08') || file.endsWith('-404.fake.json') || file.includes('INVALID.BO-404'))) {
      charts.set(decodeURIComponent(url.pathname.split('/').at(-1) ?? ''), rec);
    } else if (file.startsWith('quote-') && file.includes('titans-mag7')) {
      const body = rec.response.bodyJson as { quoteResponse: { result: { symbol: string }[] } };
      for (const q of body.quoteResponse.result) quotes.set(q.symbol, q);
    } else if (file.startsWith('search-')) {
      searches.set(url.searchParams.get('q') ?? '', rec);
    }
  }
  return { charts, quotes, searches };
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A recorded chart body restricted to bars in [period1, period2). */
function cutChart(body: unknown, period1: number, period2: number): unknown {
  const b = clone(body) as { chart: { result: { timestamp?: number[]; indicators: { quote: Record<string, unknown[]>[]; adjclose?: { adjclose: unknown[] }[] } }[] | null } };
  const result = b.chart.result?.[0];
  if (!result?.timestamp) return b;
  const keep = result.timestamp.flatMap((t, i) => (t >= period1 && t < period2 ? [i] : []));
  const pick = <T>(xs: T[]) => keep.map((i) => xs[i] as T);
  result.timestamp = pick(result.timestamp);
  const q = result.indicators.quote[0] as Record<string, unknown[]>;
  for (const k of Object.keys(q)) q[k] = pick(q[k] as unknown[]);
  const adj = result.indicators.adjclose?.[0];
  if (adj) adj.adjclose = pick(adj.adjclose);
  return b;
}

function classify(url: URL): { kind: RequestKind; symbols: string[] } {
  if (url.href.startsWith(CRUMB_PAGE) || url.href.startsWith(CRUMB_API)) return { kind: 'handshake', symbols: [] };
  if (url.pathname.startsWith('/v8/finance/chart/')) return { kind: 'chart', symbols: [decodeURIComponent(url.pathname.split('/').at(-1) ?? '')] };
  if (url.pathname === '/v7/finance/quote') return { kind: 'quote', symbols: (url.searchParams.get('symbols') ?? '').split(',') };
  if (url.pathname === '/v1/finance/search') return { kind: 'search', symbols: [url.searchParams.get('q') ?? ''] };
  return { kind: 'other', symbols: [] };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;charset=utf-8' } });

export function createFakeYahoo(): FakeYahoo {
  const { charts, quotes, searches } = load();
  const seen = new Map<string, number>();

  const normalAnswer = (req: FakeRequest): { status: number; body: unknown } => {
    switch (req.kind) {
      case 'chart': {
        const rec = charts.get(req.symbols[0] as string);
        if (!rec) return { status: 404, body: { chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } } };
        if (rec.response.status !== 200) return { status: rec.response.status, body: rec.response.bodyJson };
        return { status: 200, body: cutChart(rec.response.bodyJson, req.period1 ?? 0, req.period2 ?? Number.MAX_SAFE_INTEGER) };
      }
      case 'quote':
        return { status: 200, body: { quoteResponse: { result: req.symbols.flatMap((s) => (quotes.has(s) ? [clone(quotes.get(s))] : [])), error: null } } };
      case 'search': {
        const rec = searches.get(req.symbols[0] as string);
        return rec ? { status: 200, body: rec.response.bodyJson } : { status: 404, body: { finance: { result: null, error: { code: 'Not Found', description: 'no recorded search' } } } };
      }
      default:
        return { status: 404, body: { error: 'not faked' } };
    }
  };

  const fake: FakeYahoo = {
    fetch: undefined as unknown as typeof fetch,
    requests: [],
    fault: () => undefined,
    count: (kind, symbol) => fake.requests.filter((r) => r.kind === kind && (symbol === undefined || r.symbols.includes(symbol))).length,
  };

  (fake as { fetch: typeof fetch }).fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const { kind, symbols } = classify(url);
    const key = `${kind} ${symbols.join(',')}`;
    const attempt = seen.get(key) ?? 0;
    seen.set(key, attempt + 1);
    const p = (name: string) => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : null);
    const req: FakeRequest = { kind, url, symbols, period1: p('period1'), period2: p('period2'), attempt };
    fake.requests.push(req);
    const fault = fake.fault(req);
    if (fault === 'reset') throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    if (fault === 'enotfound') throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
    if (fault === 'hang') {
      const signal = init?.signal;
      return new Promise<Response>((_, reject) => {
        if (!signal) return; // never answers
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    if (fault === 'html') return new Response('<!doctype html><html><body><h1>Will be right back…</h1></body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    if (fault !== undefined && typeof fault === 'object' && 'status' in fault) {
      return new Response(fault.body ?? '', { status: fault.status, statusText: fault.statusText ?? '', headers: fault.headers ?? {} });
    }
    if (kind === 'handshake') {
      if (url.href.startsWith(CRUMB_API)) return new Response('fake-crumb', { status: 200, headers: { 'content-type': 'text/plain' } });
      return new Response('<html>fake</html>', {
        status: 200,
        headers: { 'set-cookie': 'A3=d=fake; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=31557600; Domain=.yahoo.com; Path=/; Secure' },
      });
    }
    const normal = normalAnswer(req);
    if (fault === 'truncate') {
      const text = JSON.stringify(normal.body);
      return new Response(text.slice(0, Math.floor(text.length / 2)), { status: normal.status, headers: { 'content-type': 'application/json' } });
    }
    const body = fault !== undefined && typeof fault === 'object' && 'transform' in fault ? fault.transform(clone(normal.body)) : normal.body;
    return json(body, normal.status);
  }) as typeof fetch;
  return fake;
}

/** Epoch seconds of 00:00 UTC on an ISO date. */
export const epoch = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;
