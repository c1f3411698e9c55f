/**
 * Timing and statistics: processes are timed from spawn to exit with
 * process.hrtime (no hyperfine needed); every figure is a median over several
 * runs with its min and max.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The command as installed: the file package.json's `bin` names (the bundle `npm run build` writes). */
export const BIN = path.join(ROOT, JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.basket);
export const NODE = process.execPath;
/** A preload's path: `.cjs` ones go with --require (no start-up cost), `.mjs` ones with --import. */
export const preload = (name) => path.join(ROOT, 'bench', 'preload', name.includes('.') ? name : `${name}.mjs`);

/** Node arguments that make a run refuse (and log) any request, at no start-up cost. */
export const noNetwork = () => ['--require', preload('no-network.cjs')];

/** The requests logged by preload/no-network.cjs in `file` (none when it does not exist). */
export function loggedRequests(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** { median, min, max, n, values } of a list of numbers (the median of an even count is the mean of the middle two). */
export function summarise(values) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return { median: null, min: null, max: null, n: 0, values: [] };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v.at(-1), n: v.length, values };
}

/** A private temporary directory, removed by cleanup(). */
const temps = [];
export function tempDir(prefix = 'basket-bench-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
export function cleanup() {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Run a command to its end, its output piped (as a script would read it) and
 * collected; returns wall milliseconds, exit status, stdout and stderr. A run
 * past `timeoutMs` is killed and marked `timedOut`.
 */
export function timeProcess(command, args, { env = {}, cwd = ROOT, timeoutMs = 600_000, input } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error && r.error.code !== 'ETIMEDOUT') throw r.error;
  return { ms, status: r.status, signal: r.signal, timedOut: r.error?.code === 'ETIMEDOUT', stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/**
 * Time several commands over `runs` rounds, interleaved (a, b, a, b, …) so that
 * drift in the machine's speed touches all alike, after `warmup` untimed
 * rounds. Each command: { name, command, args, env, cwd, check(result), keepGoing },
 * where check throws on a wrong answer (with keepGoing, the command is marked
 * `failed` and run no more instead). A command that times out is run no more.
 */
export function timeInterleaved(commands, { runs, warmup = 1, timeoutMs } = {}) {
  const out = Object.fromEntries(commands.map((c) => [c.name, { times: [], timedOut: false, last: null }]));
  for (let round = -warmup; round < runs; round++) {
    for (const c of commands) {
      const slot = out[c.name];
      if (slot.timedOut || slot.failed) continue;
      c.before?.();
      const r = timeProcess(c.command, c.args, { env: c.env, cwd: c.cwd, timeoutMs: c.timeoutMs ?? timeoutMs });
      slot.last = r;
      if (r.timedOut) {
        slot.timedOut = true;
        slot.timeoutMs = c.timeoutMs ?? timeoutMs;
        continue;
      }
      try {
        c.check?.(r);
      } catch (err) {
        if (!c.keepGoing) throw err;
        slot.failed = String(err.message ?? err);
        continue;
      }
      if (round >= 0) slot.times.push(r.ms);
    }
  }
  return Object.fromEntries(
    Object.entries(out).map(([k, v]) => [k, { ...summarise(v.times), timedOut: v.timedOut, timeoutMs: v.timeoutMs, failed: v.failed ?? null, last: v.last }]),
  );
}

/** Throws unless a process ended with status 0; the message carries its stderr's tail. */
export function expectOk(what) {
  return (r) => {
    if (r.status !== 0) throw new Error(`${what} exited ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  };
}

/** Peak RSS (bytes) recorded by preload/max-rss.cjs in `file`: the largest value there. */
export function readPeakRss(file) {
  try {
    return Math.max(...readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number));
  } catch {
    return null;
  }
}

/** Run a bench/children script; its last stdout line is JSON. */
export function runChild(script, options, { env = {}, timeoutMs = 600_000 } = {}) {
  const r = timeProcess(NODE, [path.join(ROOT, 'bench', 'children', script), JSON.stringify(options)], { env, timeoutMs });
  if (r.timedOut) return { timedOut: true, ms: r.ms };
  if (r.status !== 0) throw new Error(`bench/children/${script} exited ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}
