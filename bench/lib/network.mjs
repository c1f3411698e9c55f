/**
 * Network figures against the fake Yahoo (bench/fake-yahoo.mjs), in round
 * trips: the wall time of `main()` over the time of one request alone,
 * measured in the same process (bench/children/live.mjs). Every run starts
 * from an empty cache.
 *   - the seed baskets with benchmarks and FX;
 *   - the same as a user without basket would get it: yahoo-finance2's own CLI
 *     once per symbol in a shell loop, against basket's CLI, both as
 *     processes whose global fetch is the fake (bench/preload/fake-fetch.mjs);
 *   - a basket of N synthetic symbols.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, expectOk, NODE, preload, ROOT, runChild, summarise, tempDir, timeInterleaved } from './measure.mjs';
import { failedRow, row } from './rows.mjs';
import { SEED_ARGS } from './startup.mjs';

const SEED_MEMBERS = ['9988.HK', '0700.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK', 'AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA'];
/** What the seed comparison needs beside the members: the benchmarks and the FX series. */
const SEED_OTHERS = ['HSTECH.HK', '3033.HK', '^NDX', 'USDHKD=X'];

function liveRuns(cfg, options) {
  const cwd = tempDir('basket-bench-cwd-');
  const runs = [];
  for (let i = 0; i < cfg.liveRuns; i++) {
    const r = runChild('live.mjs', { ...options, cacheDir: path.join(tempDir('basket-bench-cache-'), 'cache'), cwd }, { timeoutMs: cfg.liveTimeoutMs });
    if (r.timedOut) return { timedOut: true };
    if (r.exitCode !== 0) throw new Error(`live run exited ${r.exitCode}: ${r.stderrTail}`);
    runs.push(r);
  }
  const pick = (k) => summarise(runs.map((r) => r[k]));
  const last = runs.at(-1);
  // the same run with answers at once: the part of the time that is not waiting for the network
  const local = runChild('live.mjs', { ...options, latencyMs: 0, cacheDir: path.join(tempDir('basket-bench-cache-'), 'cache'), cwd }, { timeoutMs: cfg.liveTimeoutMs });
  return { main: pick('mainMs'), one: pick('oneRequestMs'), rtts: summarise(runs.map((r) => r.mainMs / r.oneRequestMs)), last, localMs: local.timedOut ? null : local.mainMs };
}

const describe = ({ last: r, localMs }) =>
  `${r.total} requests (${Object.entries(r.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}); at most ${r.peakInFlight} in flight; ${r.sequentialRoundTrips} sequential round trips; main() with answers at 0 ms latency: ${localMs === null ? '—' : `${Math.round(localMs)} ms`} (work that is not waiting)`;

export function liveSeedScenario(cfg) {
  const scenario = `live: titans mag7 --currency USD, cold cache, ${cfg.latencyMs} ms latency (in-process)`;
  const target = '≤ 4 round trips';
  const r = liveRuns(cfg, { latencyMs: cfg.latencyMs, args: SEED_ARGS });
  if (r.timedOut) return [failedRow('live-seed', scenario, target, 'timed out')];
  const ratio = r.main.median / r.one.median;
  return [
    row({
      id: 'live-seed',
      scenario,
      value: r.main,
      unit: 'ms',
      baseline: { label: 'one request', median: r.one.median, min: r.one.min, max: r.one.max, unit: 'ms' },
      ratio,
      ratioUnit: 'RTT',
      target,
      met: ratio <= 4,
      detail: describe(r),
    }),
  ];
}

/**
 * basket's CLI against yahoo-finance2's CLI in a shell loop, both processes
 * with the fake as their global fetch. The loop asks, as a user would, for the
 * chart of each member, benchmark and FX series over the same period, one
 * process each, and for the members' quotes in one call (the kindest reading
 * of "once per symbol" for the loop).
 */
export function cliLoopScenario(cfg) {
  const home = tempDir('basket-bench-home-');
  const cwd = tempDir('basket-bench-cwd-');
  const quick = cfg.loop === 'one';
  const members = quick ? ['AAPL'] : SEED_MEMBERS;
  const charts = quick ? ['AAPL'] : [...SEED_MEMBERS, ...SEED_OTHERS];
  let basketArgs = SEED_ARGS;
  if (quick) {
    writeFileSync(path.join(cwd, 'one.txt'), 'AAPL\n');
    basketArgs = ['compare', 'one.txt', '--as-of', '2025-03-07'];
  }
  const yf = path.join(ROOT, 'node_modules', '.bin', 'yahoo-finance2');
  const period = JSON.stringify({ period1: '2024-12-02', period2: '2025-03-08', interval: '1d' });
  const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = [
    `for s in ${charts.map(q).join(' ')}; do`,
    `  ${q(yf)} chart "$s" ${q(period)} > /dev/null 2>&1`,
    'done',
    `${q(yf)} quote ${q(JSON.stringify(members))} > /dev/null 2>&1`,
    'exit 0',
  ].join('\n');
  const fakeEnv = { BENCH_FAKE: JSON.stringify({ latencyMs: cfg.latencyMs }), NO_COLOR: '1' };
  const nodeDir = path.dirname(NODE);
  const basketCmd = {
    name: 'basket',
    command: NODE,
    args: ['--import', preload('fake-fetch'), BIN, ...basketArgs],
    env: { ...fakeEnv, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') },
    cwd,
    before() {
      this.env = { ...this.env, BASKET_CACHE_DIR: path.join(tempDir('basket-bench-cache-'), 'cache') };
    },
    check: expectOk('basket compare (live, fake Yahoo)'),
  };
  const loopCmd = {
    name: 'loop',
    command: '/bin/sh',
    args: ['-c', script],
    // the preload reaches yahoo-finance2's CLI through NODE_OPTIONS; its cookie file goes in a private HOME
    env: { ...fakeEnv, HOME: home, PATH: `${nodeDir}:${process.env.PATH ?? ''}`, NODE_OPTIONS: `--import=${pathToFileURL(preload('fake-fetch')).href}` },
    cwd,
    check: expectOk('the yahoo-finance2 CLI loop'),
  };
  const t = timeInterleaved([basketCmd, loopCmd], { runs: cfg.loopRuns, warmup: cfg.warmup, timeoutMs: cfg.liveTimeoutMs });
  const scenario = `live: ${quick ? 'one symbol' : 'seed baskets'} at ${cfg.latencyMs} ms, yahoo-finance2 CLI in a shell loop (${charts.length} chart calls + 1 quote call) vs basket (processes)`;
  const target = '≥ 5× faster';
  if (t.basket.timedOut || t.loop.timedOut) return [failedRow('live-vs-yf-cli', scenario, target, 'timed out')];
  const speedup = t.loop.median / t.basket.median;
  return [
    row({
      id: 'live-vs-yf-cli',
      scenario,
      value: t.loop,
      unit: 'ms',
      baseline: { label: 'basket compare', median: t.basket.median, min: t.basket.min, max: t.basket.max, unit: 'ms' },
      ratio: speedup,
      ratioUnit: '× faster',
      target,
      met: speedup >= 5,
      detail: `loop: ${charts.length + 1} processes, ${Math.round(t.loop.median / (charts.length + 1))} ms each`,
    }),
  ];
}

/**
 * A basket of N synthetic symbols, live: as a user runs it (the table), and
 * with --format json (a diagnostic: the network path without the table).
 */
export async function live500Scenario(cfg, u) {
  const n = cfg.sizes[0];
  const { CONCURRENCY } = await import(pathToFileURL(path.join(ROOT, 'dist/src/providers/yahoo/provider.js')).href);
  const concurrency = CONCURRENCY ?? 4;
  const universe = { years: u.params.years, seed: u.params.seed, end: u.params.end };
  const one = (id, format) => {
    const json = format === 'json';
    const scenario = `live: one ${n}-symbol basket, YTD, cold cache, ${cfg.latencyMs} ms latency (in-process)${json ? ', --format json (diagnostic)' : ''}`;
    const args = ['compare', u.lists[n], '--as-of', u.params.end, ...(json ? ['--format', 'json'] : [])];
    const r = liveRuns({ ...cfg, liveRuns: cfg.live500Runs, liveTimeoutMs: cfg.live500TimeoutMs }, { latencyMs: cfg.latencyMs, args, universe });
    const target = `≤ 1.2 × ⌈requests / ${concurrency}⌉ round trips`;
    if (r.timedOut) return { ...failedRow(id, scenario, json ? '—' : target, `timed out after ${Math.round(cfg.live500TimeoutMs / 1000)} s`), ...(json ? { met: null, diagnostic: true } : {}) };
    const limit = 1.2 * Math.ceil(r.last.total / concurrency);
    const ratio = r.main.median / r.one.median;
    return row({
      id,
      scenario,
      value: r.main,
      unit: 'ms',
      baseline: { label: 'one request', median: r.one.median, min: r.one.min, max: r.one.max, unit: 'ms' },
      ratio,
      ratioUnit: 'RTT',
      target: `≤ 1.2 × ⌈${r.last.total} / ${concurrency}⌉ = ${limit.toFixed(1)} round trips (concurrency ${concurrency}, basket's default)`,
      met: json ? null : ratio <= limit,
      detail: describe(r),
      diagnostic: json,
    });
  };
  return [one('live-500', 'table'), one('live-500-json', 'json')];
}
