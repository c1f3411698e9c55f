/**
 * Start-up figures, each against bare Node start-up (`node -e 0`) timed in
 * the same interleaved rounds:
 *   basket --help, basket --version, compare on the demo data (offline),
 *   compare from a warm cache (seed baskets, benchmarks and FX).
 * The warm-cache run must make no request: its timed runs have a global fetch
 * that refuses and logs every request (preload/no-network.cjs; a request
 * would also turn into stale-data notes, which fail the run), one more run
 * counts requests through the fake Yahoo, and an in-process second run
 * counts them too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, expectOk, loggedRequests, noNetwork, NODE, preload, ROOT, runChild, tempDir, timeInterleaved, timeProcess } from './measure.mjs';
import { row } from './rows.mjs';

export const SEED_ARGS = ['compare', 'titans', 'mag7', '--as-of', '2025-03-07', '--currency', 'USD'];

/** Throws when a warm run went to the network anyway (or could not, and said so). */
const expectNoNetwork = (what) => (r) => {
  expectOk(what)(r);
  if (/stale|unavailable|cannot reach/i.test(r.stderr)) throw new Error(`${what} tried the network: ${r.stderr.split('\n').find((l) => /stale|unavailable|cannot reach/i.test(l))}`);
};

/** Modules loaded by one run, by package: "224 modules: zod 95, yaml 72, …". */
function modulesOf(args, env, cwd) {
  const file = path.join(tempDir('basket-bench-mod-'), 'modules.jsonl');
  timeProcess(NODE, ['--import', preload('modules'), BIN, ...args], { env: { ...env, BENCH_MODULES_FILE: file }, cwd });
  try {
    const m = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').at(-1));
    const top = Object.entries(m.byPackage).sort((a, b) => b[1] - a[1]);
    // the bundle inlines every dependency but yahoo-finance2: its chunks, named without their hashes, say what was loaded
    const chunks = (m.dist ?? []).map((f) => path.basename(f, '.js').replace(/-[\w-]{8}$/, ''));
    const lazy = `yahoo-finance2 ${m.byPackage['yahoo-finance2'] ? 'loaded' : 'not loaded'}`;
    return `${m.total} modules (${top.slice(0, 6).map(([k, v]) => `${k} ${v}`).join(', ')}); basket's: ${chunks.join(' ')}; ${lazy}`;
  } catch {
    return 'modules: not recorded';
  }
}

export function startupScenarios(cfg) {
  const home = tempDir('basket-bench-home-');
  const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache'), NO_COLOR: '1' };
  const cwd = tempDir('basket-bench-cwd-');

  // fill a cache the way a user does: one live run (the fake Yahoo, no latency)
  const cacheDir = path.join(tempDir('basket-bench-cache-'), 'cache');
  const first = runChild('live.mjs', { latencyMs: 0, args: SEED_ARGS, cacheDir, cwd });
  if (first.exitCode !== 0) throw new Error(`filling the cache failed: exit ${first.exitCode}: ${first.stderrTail}`);
  const second = runChild('live.mjs', { latencyMs: 0, args: SEED_ARGS, cacheDir, cwd });
  // timed runs refuse and log any request (preload/no-network.cjs, free at start-up)
  const refusedLog = path.join(tempDir('basket-bench-log-'), 'refused.txt');
  const warmEnv = { ...env, BASKET_CACHE_DIR: cacheDir, BENCH_NO_NETWORK_LOG: refusedLog };

  const demo = ['compare', '--data', path.join(ROOT, 'fixtures/demo'), '--as-of', '2025-03-07'];
  const commands = [
    { name: 'node', command: NODE, args: ['-e', '0'], env, cwd, check: expectOk('node -e 0') },
    { name: 'help', command: NODE, args: [BIN, '--help'], env, cwd, check: expectOk('basket --help') },
    { name: 'version', command: NODE, args: [BIN, '--version'], env, cwd, check: expectOk('basket --version') },
    { name: 'demo', command: NODE, args: [BIN, ...demo], env, cwd, check: expectOk('basket compare --data fixtures/demo') },
    { name: 'warm', command: NODE, args: [...noNetwork(), BIN, ...SEED_ARGS], env: warmEnv, cwd, check: expectNoNetwork('basket compare (warm cache)') },
  ];
  const t = timeInterleaved(commands, { runs: cfg.startupRuns, warmup: cfg.warmup, timeoutMs: cfg.timeoutMs });

  // the subprocess once more, its fetch recording and refusing every request
  const log = path.join(tempDir('basket-bench-log-'), 'requests.jsonl');
  const counted = timeProcess(NODE, ['--import', preload('fake-fetch'), BIN, ...SEED_ARGS], {
    env: { ...warmEnv, BENCH_FAKE: JSON.stringify({ refuse: true }), BENCH_FAKE_LOG: log },
    cwd,
  });
  expectNoNetwork('basket compare (warm cache, counted)')(counted);
  const sub = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').at(-1));

  const base = { label: 'node -e 0', median: t.node.median, min: t.node.min, max: t.node.max, unit: 'ms' };
  const startRow = (id, scenario, key, limit, args, extra = '') => {
    const ratio = t[key].median / t.node.median;
    return row({
      id,
      scenario,
      value: t[key],
      unit: 'ms',
      baseline: base,
      ratio,
      target: `≤ ${limit}× node start-up`,
      met: ratio <= limit,
      detail: [extra, cfg.quick ? '' : modulesOf(args, key === 'warm' ? warmEnv : env, cwd)].filter(Boolean).join('; '),
    });
  };
  const refused = loggedRequests(refusedLog);
  const historyRequests = (second.byKind.chart ?? 0) + (sub.byKind.chart ?? 0) + refused.filter((u) => u.includes('/chart/')).length;
  const warm = startRow(
    'compare-warm-cache',
    'basket compare titans mag7 --currency USD, warm cache (subprocess, no network)',
    'warm',
    3,
    SEED_ARGS,
    `history requests: ${second.byKind.chart ?? 0} in a second in-process run, ${sub.byKind.chart ?? 0} in a counted subprocess run, ${refused.length} requests of any kind in the ${cfg.startupRuns + cfg.warmup} timed runs; the first, cold run made ${first.total}`,
  );
  warm.target = '≤ 3× node start-up and 0 history requests';
  warm.met = warm.met && historyRequests === 0;
  return [
    startRow('startup-help', 'basket --help', 'help', 2, ['--help']),
    startRow('startup-version', 'basket --version', 'version', 2, ['--version']),
    startRow('compare-demo', 'basket compare --data fixtures/demo --as-of 2025-03-07', 'demo', 3, demo),
    warm,
  ];
}
