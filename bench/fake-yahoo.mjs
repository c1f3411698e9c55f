/**
 * A fake Yahoo Finance for the network benchmarks: a `fetch` that answers,
 * after a fixed latency per request (a timer, no CPU), everything the
 * yahoo-finance2 code path asks for:
 *   - the cookie/crumb handshake;
 *   - a daily chart of a seed symbol for any period, cut from its recording in
 *     fixtures/yahoo (as test/helpers/fake-yahoo.ts does), and the recorded 404s;
 *   - a daily chart of a synthetic symbol (bench/generate.mjs: `US0001`,
 *     `1001.HK`, `USDHKD=X` when no recording has it), from the same bars the
 *     offline universe holds;
 *   - quotes of any set of seed or synthetic symbols; recorded searches;
 *   - npm's registry (yahoo-finance2's CLI may check its version).
 * Every request is recorded with its start and end, so a run can count its
 * requests by kind, its peak concurrency and its sequential round trips.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const YAHOO_DIR = path.join(ROOT, 'fixtures', 'yahoo');
const CRUMB_PAGE = 'https://finance.yahoo.com/quote/';
const CRUMB_API = 'https://query1.finance.yahoo.com/v1/test/getcrumb';

/**
 * The recordings, indexed by file name and parsed on first use: a process
 * that asks for one chart reads one file (the fake must cost the processes it
 * serves, such as yahoo-finance2's CLI run once per symbol, next to nothing).
 */
function loadRecordings() {
  const files = readdirSync(YAHOO_DIR).filter((f) => f.endsWith('.json'));
  const parse = (file) => JSON.parse(readFileSync(path.join(YAHOO_DIR, file), 'utf8'));
  const lazyMap = (index) => {
    const parsed = new Map();
    return {
      has: (key) => index.has(key),
      get: (key) => {
        if (!index.has(key)) return undefined;
        if (!parsed.has(key)) parsed.set(key, parse(index.get(key)));
        return parsed.get(key);
      },
    };
  };
  const chartFiles = new Map();
  const searchFiles = new Map();
  for (const file of files) {
    const chart = /^chart-(.+?)-(?:2024-12-02-to-2025-03-08\.fake|404\.fake|404)\.json$/.exec(file);
    if (chart) chartFiles.set(chart[1], file);
    const search = /^search-(.+)\.fake\.json$/.exec(file);
    if (search) searchFiles.set(search[1], file);
  }
  const quoteFile = files.find((f) => f.startsWith('quote-') && f.includes('titans-mag7'));
  let quotes = null;
  const quoteMap = () => (quotes ??= new Map(parse(quoteFile).response.bodyJson.quoteResponse.result.map((q) => [q.symbol, q])));
  return {
    charts: lazyMap(chartFiles),
    searches: lazyMap(searchFiles),
    quotes: { has: (s) => quoteMap().has(s), get: (s) => quoteMap().get(s) },
  };
}

const clone = (x) => structuredClone(x);

/** A recorded chart body restricted to bars in [period1, period2). */
function cutChart(body, period1, period2) {
  const b = clone(body);
  const result = b.chart.result?.[0];
  if (!result?.timestamp) return b;
  const keep = [];
  result.timestamp.forEach((t, i) => t >= period1 && t < period2 && keep.push(i));
  const pick = (xs) => keep.map((i) => xs[i]);
  result.timestamp = pick(result.timestamp);
  const q = result.indicators.quote[0];
  for (const k of Object.keys(q)) q[k] = pick(q[k]);
  const adj = result.indicators.adjclose?.[0];
  if (adj) adj.adjclose = pick(adj.adjclose);
  return b;
}

/** The session's opening instant in UTC seconds: 14:30Z in New York, 01:30Z in Hong Kong, 00:00Z for FX. */
const OPEN_SECONDS = { US: 14.5 * 3600, HK: 1.5 * 3600, FX: 0 };
const ZONES = {
  US: { exchangeName: 'NMS', fullExchangeName: 'NasdaqGS', timezone: 'EST', exchangeTimezoneName: 'America/New_York', gmtoffset: -18000 },
  HK: { exchangeName: 'HKG', fullExchangeName: 'HKSE', timezone: 'HKT', exchangeTimezoneName: 'Asia/Hong_Kong', gmtoffset: 28800 },
  FX: { exchangeName: 'CCY', fullExchangeName: 'CCY', timezone: 'GMT', exchangeTimezoneName: 'Europe/London', gmtoffset: 0 },
};

/** A chart answer in Yahoo's shape for a synthetic symbol, bars in [period1, period2). */
function syntheticChart(spec, bars, template, period1, period2) {
  // bars.ts: each bar's opening instant, ascending (made once per symbol)
  const first = lowerBound(bars.ts, period1);
  const end = lowerBound(bars.ts, period2);
  const timestamp = bars.ts.slice(first, end);
  const close = bars.close.slice(first, end);
  const adjclose = bars.adj.slice(first, end);
  const last = close.findLast((c) => c !== null) ?? null;
  const meta = {
    ...clone(template.meta),
    ...ZONES[spec.calendar],
    currency: spec.currency,
    symbol: spec.symbol,
    instrumentType: spec.calendar === 'FX' ? 'CURRENCY' : 'EQUITY',
    longName: `Synthetic ${spec.calendar} ${spec.symbol} Holdings`,
    shortName: `Synthetic ${spec.symbol}`,
    regularMarketPrice: last ?? 1,
    chartPreviousClose: close[0] ?? last ?? 1,
    regularMarketTime: timestamp.at(-1) ?? period1,
    firstTradeDate: timestamp[0] ?? period1,
  };
  const volume = close.map((c) => (c === null ? null : 1_000_000));
  return { chart: { result: [{ meta, timestamp, indicators: { quote: [{ open: close, high: close, low: close, close, volume }], adjclose: [{ adjclose }] } }], error: null } };
}

/** The first index whose value is ≥ x in an ascending array. */
function lowerBound(xs, x) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function classify(url) {
  if (url.href.startsWith(CRUMB_PAGE) || url.href.startsWith(CRUMB_API)) return { kind: 'handshake', symbols: [] };
  if (url.hostname === 'registry.npmjs.org') return { kind: 'registry', symbols: [] };
  if (url.pathname.startsWith('/v8/finance/chart/')) return { kind: 'chart', symbols: [decodeURIComponent(url.pathname.split('/').at(-1) ?? '')] };
  if (url.pathname === '/v7/finance/quote') return { kind: 'quote', symbols: (url.searchParams.get('symbols') ?? '').split(',') };
  if (url.pathname === '/v1/finance/search') return { kind: 'search', symbols: [url.searchParams.get('q') ?? ''] };
  return { kind: 'other', symbols: [] };
}

const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;charset=utf-8' } });
const NOT_FOUND = { chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } };

/**
 * @param {{ latencyMs?: number, universe?: { symbols?: number, years: number, seed?: number, end?: string } | null, refuse?: boolean }} options
 *   latencyMs: the delay of every answer; universe: the synthetic symbols' parameters
 *   (years and seed matter; any symbol of the generated kind is answered);
 *   refuse: answer nothing, fail every request as a refused connection (to prove a run makes none).
 */
export async function createFakeYahoo({ latencyMs = 100, universe = null, refuse = false } = {}) {
  const { charts, quotes, searches } = loadRecordings();
  // the generator only when synthetic symbols are wanted: a seed-only fake stays cheap to start
  const { barsOf, specOf, universeParams, quoteOf } = universe ? await import('./generate.mjs') : {};
  const params = universe ? universeParams({ symbols: universe.symbols ?? 0, ...universe }) : null;
  const chartTemplate = () => charts.get('AAPL').response.bodyJson.chart.result[0];
  const quoteTemplate = () => quotes.get('AAPL');
  const barsCache = new Map();
  const barsFor = (spec) => {
    let b = barsCache.get(spec.symbol);
    if (!b) {
      b = barsOf(spec, params);
      b.ts = b.dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000 + OPEN_SECONDS[spec.calendar]);
      barsCache.set(spec.symbol, b);
    }
    return b;
  };
  const synthetic = (symbol) => (params ? specOf(symbol) : null);

  const answer = (kind, symbols, url) => {
    const p = (name) => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : null);
    switch (kind) {
      case 'chart': {
        const symbol = symbols[0];
        const rec = charts.get(symbol);
        const spec = rec ? null : synthetic(symbol);
        if (spec) return { status: 200, body: syntheticChart(spec, barsFor(spec), chartTemplate(), p('period1') ?? 0, p('period2') ?? Number.MAX_SAFE_INTEGER) };
        if (!rec) return { status: 404, body: NOT_FOUND };
        if (rec.response.status !== 200) return { status: rec.response.status, body: rec.response.bodyJson };
        return { status: 200, body: cutChart(rec.response.bodyJson, p('period1') ?? 0, p('period2') ?? Number.MAX_SAFE_INTEGER) };
      }
      case 'quote': {
        const result = symbols.flatMap((s) => {
          if (quotes.has(s)) return [clone(quotes.get(s))];
          const spec = synthetic(s);
          if (!spec || spec.calendar === 'FX') return [];
          const q = quoteOf(spec, params, barsFor(spec).close.findLast((c) => c !== null) ?? null);
          return [
            {
              ...clone(quoteTemplate()),
              ...ZONES[spec.calendar],
              symbol: s,
              currency: q.currency,
              financialCurrency: q.financialCurrency,
              shortName: `Synthetic ${s}`,
              longName: q.name,
              displayName: s,
              regularMarketPrice: q.price ?? 1,
              forwardPE: q.forwardPE ?? undefined,
              trailingPE: q.trailingPE ?? undefined,
              epsForward: q.epsForward ?? undefined,
              marketCap: q.marketCap ?? undefined,
              sharesOutstanding: q.sharesOutstanding,
            },
          ];
        });
        return { status: 200, body: { quoteResponse: { result, error: null } } };
      }
      case 'search': {
        const rec = searches.get(symbols[0]);
        return rec ? { status: 200, body: rec.response.bodyJson } : { status: 200, body: { explains: [], count: 0, quotes: [], news: [] } };
      }
      case 'registry':
        return { status: 200, body: { name: 'yahoo-finance2', version: JSON.parse(readFileSync(path.join(ROOT, 'node_modules/yahoo-finance2/package.json'), 'utf8')).version } };
      default:
        return { status: 404, body: { error: 'not faked' } };
    }
  };

  const fake = {
    latencyMs,
    /** { kind, symbols, start, end } per request, times from performance.now(). */
    requests: [],
    count: (kind) => fake.requests.filter((r) => kind === undefined || r.kind === kind).length,
    /** Generate the bars of these synthetic symbols now, so that answering them later costs the run under test little CPU. */
    prepare: (symbols) => {
      for (const s of symbols) {
        const spec = synthetic(s);
        if (spec) barsFor(spec);
      }
    },
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const { kind, symbols } = classify(url);
      const record = { kind, symbols, start: performance.now(), end: null };
      fake.requests.push(record);
      if (refuse) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED (the benchmark allows no request here)'), { code: 'ECONNREFUSED' }) });
      let response;
      if (kind === 'handshake') {
        response = url.href.startsWith(CRUMB_API)
          ? new Response('fake-crumb', { status: 200, headers: { 'content-type': 'text/plain' } })
          : new Response('<html>fake</html>', {
              status: 200,
              headers: { 'set-cookie': 'A3=d=fake; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=31557600; Domain=.yahoo.com; Path=/; Secure' },
            });
      } else {
        const { status, body } = answer(kind, symbols, url);
        response = json(body, status);
      }
      await delay(latencyMs, init?.signal);
      record.end = performance.now();
      return response;
    },
  };
  return fake;
}

function delay(ms, signal) {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * What the recorded requests say: counts by kind, the peak number in flight,
 * and the sequential round trips: the longest chain of requests each started
 * after the one before it had been answered.
 */
export function describeRequests(requests) {
  const byKind = {};
  for (const r of requests) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  const events = requests.flatMap((r) => [
    [r.start, 1],
    [r.end ?? r.start, -1],
  ]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inFlight = 0;
  let peak = 0;
  for (const [, d] of events) peak = Math.max(peak, (inFlight += d));
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth = [];
  let chain = 0;
  for (let i = 0; i < sorted.length; i++) {
    let before = 0;
    for (let j = 0; j < i; j++) if ((sorted[j].end ?? Infinity) <= sorted[i].start + 0.5) before = Math.max(before, depth[j]);
    depth.push(before + 1);
    chain = Math.max(chain, before + 1);
  }
  return { total: requests.length, byKind, peakInFlight: peak, sequentialRoundTrips: chain };
}
