/**
 * Data-loading figures on a synthetic universe (bench/generate.mjs), each
 * against reading the same bytes in Node (bench/children/read-bytes.mjs),
 * timed in the same interleaved rounds:
 *   - one basket of N symbols × Y years from the offline directory (the table,
 *     as a user runs it; and with --format json, to tell loading from rendering);
 *   - growth from N to 10 N symbols: slope per million bars, linearity, peak RSS;
 *   - the same basket from a warm cache against the same data as offline CSVs.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dayOfIso, generateUniverse, isoOf, universeParams, universeSymbols, barsOf, quoteOf } from '../generate.mjs';
import { BIN, expectOk, loggedRequests, noNetwork, NODE, preload, readPeakRss, ROOT, tempDir, timeInterleaved } from './measure.mjs';
import { failedRow, row } from './rows.mjs';

const MB = 1024 * 1024;
const fmtMs = (ms) => (ms === null || ms === undefined ? '—' : ms >= 10_000 ? `${Math.round(ms / 1000)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

/** The universe for the data scenarios, and the period that spans nearly all of it. */
export function prepareUniverse(cfg, fresh = false) {
  const [small, mid, large] = cfg.sizes;
  const params = universeParams({ symbols: large, years: cfg.years });
  const started = performance.now();
  // a smoke run keeps its tiny universe to itself; a full run reuses the one cached in the temp directory
  const dir = cfg.quick ? path.join(tempDir('basket-bench-universe-'), 'universe') : undefined;
  const u = generateUniverse(params, dir, { lists: [small, mid, large], fresh });
  // --from a month after the first bar: history is fetched from 30 days before --from, so every bar is read
  const window = { from: isoOf(dayOfIso(params.start) + 31), asOf: params.end };
  return { ...u, window, generatedMs: u.generated ? performance.now() - started : 0 };
}

/**
 * The offline target: a run at most this many times as long as reading its
 * bytes in Node. 5 since the JavaScript one-pass reader alone reads the usual
 * files (a WebAssembly copy of its loop saved ~36 ms a 500-symbol run and was
 * dropped for the build step and the second implementation it cost).
 */
const OFFLINE_TIMES_BYTES = 5;

const compareArgs = (u, n, extra = []) => ['compare', u.lists[n], '--data', u.dir, '--from', u.window.from, '--as-of', u.window.asOf, ...extra];

export function offlineScenario(cfg, u) {
  const n = cfg.sizes[0];
  const env = { HOME: tempDir('basket-bench-home-'), NO_COLOR: '1' };
  const t = timeInterleaved(
    [
      { name: 'bytes', command: NODE, args: [path.join(ROOT, 'bench/children/read-bytes.mjs'), u.dir, u.lists[n]], env, check: expectOk('read-bytes') },
      { name: 'table', command: NODE, args: [BIN, ...compareArgs(u, n)], env, check: expectOk('basket compare (offline)'), keepGoing: true },
      { name: 'json', command: NODE, args: [BIN, ...compareArgs(u, n, ['--format', 'json'])], env, check: expectOk('basket compare --format json (offline)'), keepGoing: true },
    ],
    { runs: cfg.dataRuns, warmup: cfg.warmup, timeoutMs: cfg.timeoutMs },
  );
  const bytes = Number(t.bytes.last.stdout.trim());
  const base = { label: `read ${(bytes / MB).toFixed(0)} MB in Node`, median: t.bytes.median, min: t.bytes.min, max: t.bytes.max, unit: 'ms' };
  const scenario = `one ${n}-symbol basket × ${cfg.years} years offline (${(u.bars[n] / 1e6).toFixed(2)} M bars)`;
  const target = `≤ ${OFFLINE_TIMES_BYTES}× reading its bytes; < ${cfg.absoluteLimitMs / 1000} s`;
  const rows = [];
  const whyNot = (x) => (x.timedOut ? `timed out after ${fmtMs(x.timeoutMs)}` : x.failed ? `failed: ${x.failed}` : null);
  if (whyNot(t.table)) {
    rows.push(failedRow('offline-500', scenario, target, whyNot(t.table)));
  } else {
    const ratio = t.table.median / t.bytes.median;
    rows.push(row({ id: 'offline-500', scenario, value: t.table, unit: 'ms', baseline: base, ratio, target, met: ratio <= OFFLINE_TIMES_BYTES && t.table.median < cfg.absoluteLimitMs }));
  }
  rows.push(
    whyNot(t.json)
      ? { ...failedRow('offline-500-json', `the same with --format json (diagnostic)`, '—', whyNot(t.json)), met: null, diagnostic: true }
      : row({ id: 'offline-500-json', scenario: 'the same with --format json (diagnostic: loading and analytics without the table)', value: t.json, unit: 'ms', baseline: base, ratio: t.json.median / t.bytes.median, target: '—', met: null, diagnostic: true }),
  );
  return { rows, bytes: t.bytes };
}

/**
 * Growth from the smallest size to the largest (three sizes, each with its
 * read-the-bytes baseline): the slope in ms per million bars, and linearity as
 * the slope of the upper segment over the lower one. Peak RSS of the largest.
 */
export function growthScenarios(cfg, u, format) {
  const env = { HOME: tempDir('basket-bench-home-'), NO_COLOR: '1' };
  const json = format === 'json';
  const suffix = json ? '-json' : '';
  const points = [];
  for (const n of cfg.sizes) {
    const rssFile = path.join(tempDir('basket-bench-rss-'), 'rss');
    const t = timeInterleaved(
      [
        { name: 'bytes', command: NODE, args: [path.join(ROOT, 'bench/children/read-bytes.mjs'), u.dir, u.lists[n]], env, check: expectOk('read-bytes') },
        {
          name: 'basket',
          command: NODE,
          args: ['--require', preload('max-rss.cjs'), BIN, ...compareArgs(u, n, json ? ['--format', 'json'] : [])],
          env: { ...env, BENCH_RSS_FILE: rssFile },
          check: expectOk(`basket compare ${n} symbols`),
          keepGoing: true,
        },
      ],
      { runs: cfg.bigRuns, warmup: 0, timeoutMs: n === cfg.sizes.at(-1) ? cfg.bigTimeoutMs : cfg.timeoutMs },
    );
    points.push({ n, bars: u.bars[n], t: t.basket, bytes: t.bytes, rss: readPeakRss(rssFile) });
    if (t.basket.timedOut || t.basket.failed) break; // larger sizes would only take longer
  }
  const [a, b, c] = points;
  const label = json ? ' (--format json, diagnostic)' : '';
  const big = cfg.sizes.at(-1);
  const growthTarget = json ? '—' : 'linear: upper slope ≤ 1.25 × lower slope';
  const memTarget = json ? '—' : '≤ 1 GB peak RSS';
  const outcome = (p) => (p.t.timedOut ? `timed out after ${fmtMs(p.t.timeoutMs)}` : p.t.failed ? `failed (${p.t.failed.slice(0, 160)})` : fmtMs(p.t.median));
  const timeline = points.map((p) => `${p.n}: ${outcome(p)} (bytes ${fmtMs(p.bytes.median)}, RSS ${p.rss === null ? '—' : `${Math.round(p.rss / MB)} MB`})`).join('; ');
  const rows = [];
  if (!c || c.t.timedOut || c.t.failed) {
    const why = `not measured: ${timeline}`;
    rows.push({ ...failedRow(`offline-growth${suffix}`, `${big} symbols × ${cfg.years} years offline: growth from ${cfg.sizes[0]}${label}`, growthTarget, why), met: json ? null : false, diagnostic: json });
    rows.push({ ...failedRow(`offline-memory${suffix}`, `${big} symbols × ${cfg.years} years offline: peak memory${label}`, memTarget, why), met: json ? null : false, diagnostic: json });
    return rows;
  }
  const slope = (p, q) => (q.t.median - p.t.median) / ((q.bars - p.bars) / 1e6);
  const lower = slope(a, b);
  const upper = slope(b, c);
  const overall = slope(a, c);
  rows.push(
    row({
      id: `offline-growth${suffix}`,
      scenario: `${big} symbols × ${cfg.years} years offline (${(c.bars / 1e6).toFixed(1)} M bars): growth from ${a.n}${label}`,
      value: { median: overall, min: null, max: null, n: c.t.n },
      unit: 'ms/Mbar',
      baseline: { label: `slope ${a.n}→${b.n}: ${Math.round(lower)} ms/Mbar; ${b.n}→${c.n}`, median: upper, unit: 'ms/Mbar' },
      ratio: upper / lower,
      target: growthTarget,
      met: json ? null : upper / lower <= 1.25,
      detail: timeline,
      diagnostic: json,
    }),
  );
  rows.push(
    row({
      id: `offline-memory${suffix}`,
      scenario: `${big} symbols × ${cfg.years} years offline: peak memory${label}`,
      value: { median: c.rss / MB, min: null, max: null, n: 1 },
      unit: 'MB',
      baseline: { label: '1 GB', median: 1024, unit: 'MB' },
      ratio: c.rss / MB / 1024,
      target: memTarget,
      met: json ? null : c.rss <= 1024 * MB,
      detail: `peak RSS: ${points.map((p) => `${p.n}: ${p.rss === null ? '—' : `${Math.round(p.rss / MB)} MB`}`).join(', ')}`,
      diagnostic: json,
    }),
  );
  return rows;
}

/** Write the universe's first n symbols into a cache directory, as a live run would have left them (fetched now). */
export async function fillCache(u, n, cacheDir) {
  const { CacheStore } = await import(pathToFileURL(path.join(ROOT, 'dist/src/providers/cache/store.js')).href);
  const store = new CacheStore(cacheDir, (line) => process.stderr.write(`cache: ${line}\n`));
  const fetchedAt = new Date().toISOString();
  for (const spec of universeSymbols(n)) {
    const bars = barsOf(spec, u.params);
    const keep = bars.close.flatMap((c, i) => (c === null ? [] : [i]));
    const skipped = bars.close.length - keep.length;
    await store.writeHistory({
      symbol: spec.symbol,
      currency: spec.currency,
      from: u.params.start,
      to: u.params.end,
      fetchedAt,
      days: keep.map((i) => Math.round(Date.parse(`${bars.dates[i]}T00:00:00Z`) / 86_400_000)),
      close: keep.map((i) => bars.close[i]),
      adjClose: keep.map((i) => bars.adj[i]),
      notes: skipped > 0 ? [`${skipped} bar(s) without a usable close left out`] : [],
      missing: null,
    });
    const last = bars.close.findLast((c) => c !== null) ?? null;
    await store.writeQuote({ symbol: spec.symbol, fetchedAt, quote: quoteOf(spec, u.params, last) });
  }
}

/** The same basket from a warm cache against the offline CSVs of the same data (both --format json: this is about loading). */
export async function cacheLoadScenario(cfg, u) {
  const n = cfg.sizes[0];
  const cacheDir = path.join(tempDir('basket-bench-cache-'), 'cache');
  await fillCache(u, n, cacheDir);
  const env = { HOME: tempDir('basket-bench-home-'), NO_COLOR: '1' };
  const refusedLog = path.join(tempDir('basket-bench-log-'), 'refused.txt');
  const window = ['--from', u.window.from, '--as-of', u.window.asOf, '--format', 'json'];
  const t = timeInterleaved(
    [
      { name: 'csv', command: NODE, args: [BIN, 'compare', u.lists[n], '--data', u.dir, ...window], env, check: expectOk('basket compare --data DIR') },
      {
        name: 'cache',
        command: NODE,
        args: [...noNetwork(), BIN, 'compare', u.lists[n], ...window],
        env: { ...env, BASKET_CACHE_DIR: cacheDir, BENCH_NO_NETWORK_LOG: refusedLog },
        check: (r) => {
          expectOk('basket compare (warm cache)')(r);
          if (/stale|cannot reach|not in the cache/i.test(r.stderr)) throw new Error(`the cached run did not answer from the cache: ${r.stderr.split('\n').find((l) => /stale|cannot reach|not in the cache/i.test(l))}`);
        },
      },
    ],
    { runs: cfg.dataRuns, warmup: cfg.warmup, timeoutMs: cfg.timeoutMs },
  );
  const scenario = `cache load of ${n} symbols × ${cfg.years} years (--format json)`;
  const target = '≤ 2× reading the offline CSVs';
  if (t.cache.timedOut || t.csv.timedOut) return [failedRow('cache-load-500', scenario, target, `timed out after ${fmtMs(cfg.timeoutMs)}`)];
  const ratio = t.cache.median / t.csv.median;
  return [
    row({
      id: 'cache-load-500',
      scenario,
      value: t.cache,
      unit: 'ms',
      baseline: { label: 'basket --data DIR (same data, CSV)', median: t.csv.median, min: t.csv.min, max: t.csv.max, unit: 'ms' },
      ratio,
      target,
      met: ratio <= 2 && loggedRequests(refusedLog).length === 0,
      detail: `requests in the timed runs: ${loggedRequests(refusedLog).length} (each refused and logged by preload/no-network.cjs; one would also show as stale data and fail the run)`,
    }),
  ];
}

