/**
 * The live seed run as a user's machine makes it: the built CLI as a process,
 * with no injected fetch, reaching the fake Yahoo over real TLS through an
 * HTTPS proxy (bench/children/yahoo-over-tls.mjs: NODE_USE_ENV_PROXY=1,
 * HTTPS_PROXY, a throwaway CA in NODE_EXTRA_CA_CERTS), cold cache, against
 * the offline run of the same comparison on the same data (a snapshot taken
 * through the same server), both in the same environment (proxy settings
 * included, as a user's shell has them), timed interleaved.
 *
 *   round trips beyond offline = (median cold live run − median offline run) ÷ latency
 *
 * with the latency the server adds to every answer (one round trip = one
 * request answered; the connection set-up adds CPU, not latency: see the
 * server's header). The floor is 3: the cookie page, the crumb, the quote,
 * one after the other. One more run, untimed, under preload/trace-net.mjs,
 * gives the timeline (bench/lib/timeline.mjs) in the row's detail. With
 * `against` (another build's command, e.g. an earlier commit's), that build's
 * cold runs are timed in the same rounds, and its figure is in the detail too.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, expectOk, NODE, preload, ROOT, tempDir, timeInterleaved, timeProcess } from './measure.mjs';
import { failedRow, row } from './rows.mjs';
import { SEED_ARGS } from './startup.mjs';
import { describeTimeline, eventsBetween } from './timeline.mjs';

const epochNow = () => performance.timeOrigin + performance.now();
/** A file's name as the detail shows it: relative to the project when inside it. */
const shown = (file) => (path.relative(ROOT, file).startsWith('..') ? file : path.relative(ROOT, file));

/** The TLS server and its proxy, in a process of their own (this one blocks in spawnSync while it times runs). */
async function startYahooOverTls(options) {
  const child = spawn(NODE, [path.join(ROOT, 'bench', 'children', 'yahoo-over-tls.mjs'), JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
  const ready = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s) => {
      out += s;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
    child.on('exit', (code) => reject(new Error(`bench/children/yahoo-over-tls.mjs exited ${code} before listening: ${stderr.trim().split('\n').slice(-3).join(' | ')}`)));
  });
  // closing its stdin ends it; so does this process ending, however it ends
  return { ...ready, stop: () => child.stdin.end() };
}

/** stdout without the header line's data source (`data: yahoo` against `data: files:DIR`). */
const figures = (stdout) => stdout.replace(/ · data: [^\n]*/, '');

export async function liveTlsScenario(cfg, against = null) {
  const id = 'live-seed-tls';
  const scenario = `live: titans mag7 --currency USD, cold cache, ${cfg.latencyMs} ms latency, the built CLI over TLS through an HTTPS proxy (processes)`;
  const target = '≤ 4 round trips beyond the offline run (floor 3: cookie, crumb, quote)';
  const dir = tempDir('basket-bench-tls-');
  const log = path.join(dir, 'server.jsonl');
  const server = await startYahooOverTls({ latencyMs: cfg.latencyMs, dir, log });
  try {
    const home = tempDir('basket-bench-home-');
    const cwd = tempDir('basket-bench-cwd-');
    const proxyEnv = { NODE_USE_ENV_PROXY: '1', HTTPS_PROXY: server.proxyUrl, NODE_EXTRA_CA_CERTS: server.caFile };
    const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), NO_COLOR: '1', ...proxyEnv };
    const freshCache = () => ({ ...env, BASKET_CACHE_DIR: path.join(tempDir('basket-bench-cache-'), 'cache') });

    // the offline data: what the server answers, frozen by basket itself
    const data = path.join(dir, 'data');
    const snapshot = timeProcess(NODE, [BIN, 'snapshot', ...SEED_ARGS.slice(1), '--out', data], { env: freshCache(), cwd, timeoutMs: cfg.liveTimeoutMs });
    expectOk('basket snapshot (through the proxy)')(snapshot);

    /** A cold live run of `bin`, each timed run's window kept in `windows` (its connections are read from the server's log). */
    const coldRun = (name, bin, windows) => ({
      name,
      command: NODE,
      args: [bin, ...SEED_ARGS],
      env,
      cwd,
      before() {
        this.env = freshCache();
        windows.push({ from: epochNow(), to: null });
      },
      check(r) {
        windows.at(-1).to = epochNow();
        expectOk(`${shown(bin)} compare (live, over TLS)`)(r);
      },
    });
    const windows = { live: [], against: [] };
    const live = coldRun('live', BIN, windows.live);
    const other = against && coldRun('against', against, windows.against);
    const offline = { name: 'offline', command: NODE, args: [BIN, ...SEED_ARGS, '--data', data], env, cwd, check: expectOk('basket compare --data (offline)') };
    // Node's own start-up with and without the proxy settings (NODE_USE_ENV_PROXY loads undici as Node starts)
    const bare = { HOME: home, NO_COLOR: '1' };
    const node = { name: 'node', command: NODE, args: ['-e', '0'], env: bare, cwd, check: expectOk('node -e 0') };
    const nodeProxy = { name: 'nodeProxy', command: NODE, args: ['-e', '0'], env: { ...bare, ...proxyEnv }, cwd, check: expectOk('node -e 0 (proxy settings)') };
    const t = timeInterleaved([live, offline, node, nodeProxy, ...(other ? [other] : [])], { runs: cfg.tlsRuns, warmup: cfg.warmup, timeoutMs: cfg.liveTimeoutMs });
    if (t.live.timedOut || t.offline.timedOut) return [failedRow(id, scenario, target, 'timed out')];
    if (figures(t.live.last.stdout) !== figures(t.offline.last.stdout)) throw new Error('the live run and the offline run on its snapshot disagree: not the same data');

    // one more cold run, untimed, for the timeline
    const traceFile = path.join(dir, 'trace.json');
    const traced = { from: epochNow(), to: null };
    const r = timeProcess(NODE, ['--import', preload('trace-net'), BIN, ...SEED_ARGS], { env: { ...freshCache(), BENCH_TRACE_FILE: traceFile }, cwd, timeoutMs: cfg.liveTimeoutMs });
    traced.to = epochNow();
    expectOk('basket compare (live, over TLS, traced)')(r);
    const serverEvents = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const timeline = describeTimeline(JSON.parse(readFileSync(traceFile, 'utf8')), eventsBetween(serverEvents, traced), t.offline.median);

    /** TLS connections per timed run: `12` or `11 or 12`. */
    const connectionsPerRun = (runs) =>
      [...new Set(runs.filter((w) => w.to !== null).slice(cfg.warmup).map((w) => eventsBetween(serverEvents, w).filter((e) => e.ev === 'tls').length))].join(' or ');
    const rtts = (t.live.median - t.offline.median) / cfg.latencyMs;
    return [
      row({
        id,
        scenario,
        value: t.live,
        unit: 'ms',
        baseline: { label: 'the offline run (--data, same data, same environment)', median: t.offline.median, min: t.offline.min, max: t.offline.max, unit: 'ms' },
        ratio: rtts,
        ratioUnit: 'RTT',
        target,
        met: rtts <= 4,
        detail: [
          `TLS connections per timed run: ${connectionsPerRun(windows.live)}`,
          timeline,
          `Node's start-up with the proxy settings: ${Math.round(t.nodeProxy.median)} ms against ${Math.round(t.node.median)} ms without (both runs pay it)`,
          ...(other
            ? [
                `${shown(against)} in the same rounds: ${Math.round(t.against.median)} ms (${Math.round(t.against.min)}–${Math.round(t.against.max)}), ${((t.against.median - t.offline.median) / cfg.latencyMs).toFixed(1)} round trips beyond the offline run, ${connectionsPerRun(windows.against)} TLS connections per run`,
              ]
            : []),
        ].join('; '),
      }),
    ];
  } finally {
    server.stop();
  }
}
