/**
 * The benchmark harness (`npm run bench` builds dist/ first, then runs this):
 * every scenario of issue 5, each figure a median over several runs with its
 * min–max, beside a baseline measured in the same run and the target.
 *
 *   node bench/run.mjs [--quick] [--only GROUP,…] [--results FILE] [--json FILE] [--check] [--fresh] [--live-tls-against FILE]
 *
 *   --quick     tiny sizes and one run each: a smoke run of the harness (figures not meaningful)
 *   --only      run only these groups: startup, offline, growth, growth-json, cache, live-seed, live-tls, cli-loop, live-500
 *               (--quick and --only write no RESULTS.md unless --results is given)
 *   --results   where to write the results (default bench/RESULTS.md; only the part between its markers is replaced)
 *   --json      also write every row as JSON
 *   --check     exit 1 when a target is not met
 *   --fresh     regenerate the synthetic universe (it is cached in the temp directory between runs)
 *   --live-tls-against   another build of basket's command (e.g. an earlier commit's dist/cli/basket.js), timed
 *               in the same interleaved rounds as the live-tls runs: its figure goes into that row's detail
 *
 * Exit codes: 0 done (targets met or not, unless --check), 1 a target not met under --check,
 * 2 a scenario could not run (its rows say why).
 */
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheLoadScenario, growthScenarios, offlineScenario, prepareUniverse } from './lib/data.mjs';
import { BIN, cleanup, ROOT } from './lib/measure.mjs';
import { cliLoopScenario, live500Scenario, liveSeedScenario } from './lib/network.mjs';
import { liveTlsScenario } from './lib/network-tls.mjs';
import { machine, markdown, textTable, writeResults } from './lib/report.mjs';
import { failedRow } from './lib/rows.mjs';
import { startupScenarios } from './lib/startup.mjs';

const FULL = {
  quick: false,
  /** Untimed runs of each command before the timed ones. */
  warmup: 1,
  startupRuns: 15,
  dataRuns: 5,
  bigRuns: 3,
  liveRuns: 5,
  /** Rounds of the live runs over TLS (each against the offline run): a process each, noisier than in-process. */
  tlsRuns: 9,
  live500Runs: 3,
  loopRuns: 3,
  latencyMs: 100,
  sizes: [500, 2000, 5000],
  years: 10,
  absoluteLimitMs: 1500,
  timeoutMs: 120_000,
  bigTimeoutMs: 600_000,
  liveTimeoutMs: 300_000,
  live500TimeoutMs: 120_000,
  loop: 'seed',
};

const QUICK = {
  ...FULL,
  quick: true,
  warmup: 0,
  startupRuns: 1,
  dataRuns: 1,
  bigRuns: 1,
  liveRuns: 1,
  tlsRuns: 1,
  live500Runs: 1,
  loopRuns: 1,
  latencyMs: 10,
  sizes: [6, 12, 24],
  years: 1,
  timeoutMs: 60_000,
  bigTimeoutMs: 60_000,
  liveTimeoutMs: 60_000,
  live500TimeoutMs: 60_000,
  loop: 'one',
};

/** Each group, the rows it reports (named here so that a group that fails still reports every row). */
const GROUPS = {
  startup: ['startup-help', 'startup-version', 'compare-demo', 'compare-warm-cache'],
  offline: ['offline-500', 'offline-500-json'],
  growth: ['offline-growth', 'offline-memory'],
  'growth-json': ['offline-growth-json', 'offline-memory-json'],
  cache: ['cache-load-500'],
  'live-seed': ['live-seed'],
  'live-tls': ['live-seed-tls'],
  'cli-loop': ['live-vs-yf-cli'],
  'live-500': ['live-500', 'live-500-json'],
};
export const SCENARIO_IDS = Object.values(GROUPS).flat();

function parseArgs(argv) {
  const args = { quick: false, only: null, results: null, json: null, check: false, fresh: false, liveTlsAgainst: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--check') args.check = true;
    else if (a === '--fresh') args.fresh = true;
    else if (a === '--only') args.only = argv[++i].split(',');
    else if (a === '--results') args.results = path.resolve(argv[++i]);
    else if (a === '--json') args.json = path.resolve(argv[++i]);
    else if (a === '--live-tls-against') args.liveTlsAgainst = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${a} (see the header of bench/run.mjs)`);
  }
  for (const g of args.only ?? []) if (!GROUPS[g]) throw new Error(`--only: unknown group ${g} (choose from ${Object.keys(GROUPS).join(', ')})`);
  return args;
}

const TEMPLATE = `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs); the method is in the header of each bench/lib/*.mjs file.
`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cfg = args.quick ? QUICK : FULL;
  if (!existsSync(BIN)) throw new Error(`${path.relative(ROOT, BIN)} is missing: run npm run build (npm run bench does)`);
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  // the commit dist/ was built from: taken now, before other work can move HEAD
  const commitAtStart = machine().commit;
  const say = (line) => process.stderr.write(`bench: ${line}\n`);
  const rows = [];
  let failures = 0;
  let universe = null;
  const getUniverse = () => {
    if (!universe) {
      universe = prepareUniverse(cfg, args.fresh);
      say(`universe ${cfg.sizes.at(-1)} symbols × ${cfg.years} years in ${universe.dir}${universe.generated ? ` (generated in ${(universe.generatedMs / 1000).toFixed(1)} s)` : ' (cached)'}`);
    }
    return universe;
  };
  const groups = {
    startup: () => startupScenarios(cfg),
    offline: () => offlineScenario(cfg, getUniverse()).rows,
    growth: () => growthScenarios(cfg, getUniverse(), 'table'),
    'growth-json': () => growthScenarios(cfg, getUniverse(), 'json'),
    cache: () => cacheLoadScenario(cfg, getUniverse()),
    'live-seed': () => liveSeedScenario(cfg),
    'live-tls': () => liveTlsScenario(cfg, args.liveTlsAgainst),
    'cli-loop': () => cliLoopScenario(cfg),
    'live-500': () => live500Scenario(cfg, getUniverse()),
  };
  for (const [name, run] of Object.entries(groups)) {
    if (args.only && !args.only.includes(name)) continue;
    const t0 = performance.now();
    say(`${name}…`);
    try {
      rows.push(...(await run()));
    } catch (err) {
      failures++;
      say(`${name} failed: ${err.stack ?? err}`);
      rows.push(...GROUPS[name].map((id) => failedRow(id, id, '—', `the scenario failed: ${String(err.message ?? err).split('\n')[0]}`)));
    }
    say(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  cleanup();
  const durationMs = performance.now() - started;
  const m = { ...machine(), commit: commitAtStart };
  process.stdout.write(`\n${textTable(rows)}\n\n${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM; Node ${m.node}; ${m.date}; commit ${m.commit}\n`);
  const unmet = rows.filter((r) => r.met === false && !r.diagnostic);
  process.stdout.write(unmet.length === 0 ? 'All targets met.\n' : `Targets not met: ${unmet.map((r) => r.id).join(', ')}\n`);
  // a partial or quick run does not overwrite the full results unless asked to
  const resultsFile = args.results ?? (cfg.quick || args.only ? null : path.join(ROOT, 'bench', 'RESULTS.md'));
  if (resultsFile) {
    writeResults(resultsFile, markdown(rows, m, cfg, durationMs, loadAtStart), TEMPLATE);
    say(`wrote ${path.relative(process.cwd(), resultsFile)}`);
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ machine: m, config: cfg, durationMs, rows }, null, 2)}\n`);
  process.exitCode = failures > 0 ? 2 : args.check && unmet.length > 0 ? 1 : 0;
}

await main();
