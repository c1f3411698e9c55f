/**
 * A fetch that replays recorded Yahoo answers from fixtures/yahoo through the
 * real yahoo-finance2 code path. Requests are matched by method + URL, with
 * the URL's path decoded, its query sorted and the volatile `crumb` removed.
 * The cookie/crumb handshake is answered here, never recorded. A request with
 * no recording is refused, named, and remembered in `unmatched`, which
 * `assertAllMatched()` (run after each test that replays) checks is empty.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';

export const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures');
const YAHOO_DIR = path.join(FIXTURES, 'yahoo');

const CRUMB_PAGE = 'https://finance.yahoo.com/quote/AAPL';
const CRUMB_API = 'https://query1.finance.yahoo.com/v1/test/getcrumb';
export const FAKE_CRUMB = 'replayed-crumb';

export interface RecordedResponse {
  status: number;
  statusText?: string;
  headers?: Record<string, string | string[]>;
  bodyJson?: unknown;
  bodyText?: string;
}

interface Recording {
  request: { method?: string; url: string };
  response: RecordedResponse;
}

/** The URL yahoo-finance2 v4 asks for a daily chart of `symbol` between two epoch seconds. */
export function chartUrl(symbol: string, period1: number, period2: number): string {
  return `https://query2.finance.yahoo.com/v8/finance/chart/${symbol}?useYfid=true&interval=1d&includePrePost=true&events=div%7Csplit%7Cearn&lang=en-US&period1=${period1}&period2=${period2}`;
}

export function requestKey(method: string, url: string): string {
  const u = new URL(url);
  u.searchParams.delete('crumb');
  const params = [...u.searchParams.entries()].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  return `${method.toUpperCase()} ${u.origin}${decodeURIComponent(u.pathname)}?${new URLSearchParams(params).toString()}`;
}

export function loadRecordings(): Map<string, { file: string; response: RecordedResponse }> {
  const map = new Map<string, { file: string; response: RecordedResponse }>();
  for (const file of readdirSync(YAHOO_DIR).filter((f) => f.endsWith('.json'))) {
    const rec = JSON.parse(readFileSync(path.join(YAHOO_DIR, file), 'utf8')) as Recording;
    map.set(requestKey(rec.request.method ?? 'GET', rec.request.url), { file, response: rec.response });
  }
  return map;
}

function toResponse(r: RecordedResponse): Response {
  const headers = new Headers();
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    // the body is stored decoded: its encoding and length no longer apply
    if (/^(content-encoding|content-length|transfer-encoding|set-cookie)$/i.test(k)) continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  const body = r.bodyText ?? JSON.stringify(r.bodyJson ?? null);
  return new Response(body, { status: r.status, statusText: r.statusText ?? '', headers });
}

export interface Replay {
  readonly fetch: typeof fetch;
  /** Keys of every request answered from a recording or an override. */
  readonly calls: string[];
  /** Fixture files used. */
  readonly used: Set<string>;
  /** Keys of requests with no recording. */
  readonly unmatched: string[];
  /** Handshake requests answered (cookie page and crumb). */
  readonly handshakes: string[];
}

export interface ReplayOptions {
  /** Answers that take precedence over recordings, keyed by requestKey(). */
  readonly overrides?: Record<string, RecordedResponse | (() => RecordedResponse)>;
  /** Check after the current test that every request was matched (default true). */
  readonly strict?: boolean;
}

export function createReplayFetch(options: ReplayOptions = {}): Replay {
  const recordings = loadRecordings();
  const replay: Replay = { fetch: undefined as unknown as typeof fetch, calls: [], used: new Set(), unmatched: [], handshakes: [] };
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (url.startsWith(CRUMB_PAGE)) {
      replay.handshakes.push(url);
      return new Response('<html>replayed</html>', {
        status: 200,
        headers: { 'set-cookie': 'A3=d=replayed; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=31557600; Domain=.yahoo.com; Path=/; Secure' },
      });
    }
    if (url.startsWith(CRUMB_API)) {
      replay.handshakes.push(url);
      return new Response(FAKE_CRUMB, { status: 200, headers: { 'content-type': 'text/plain' } });
    }
    const key = requestKey(method, url);
    const override = options.overrides?.[key];
    if (override) {
      replay.calls.push(key);
      return toResponse(typeof override === 'function' ? override() : override);
    }
    const hit = recordings.get(key);
    if (!hit) {
      replay.unmatched.push(key);
      throw new Error(`no recorded Yahoo response for ${key}`);
    }
    replay.calls.push(key);
    replay.used.add(hit.file);
    return toResponse(hit.response);
  };
  (replay as { fetch: typeof fetch }).fetch = fetchImpl as typeof fetch;
  if (options.strict !== false) {
    onTestFinished(() => {
      if (replay.unmatched.length > 0) throw new Error(`requests with no recording:\n${replay.unmatched.join('\n')}`);
    });
  }
  return replay;
}
