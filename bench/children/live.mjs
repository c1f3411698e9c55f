/**
 * One live-path run of basket, in its own process: `main()` from the built
 * CLI with the fake Yahoo injected as `deps.fetch` (the seam the tests use),
 * a given cache directory and no user config. Prints one JSON line: the time
 * of one request alone (the baseline), the time of main(), the exit code and
 * what was asked of the fake.
 *
 *   node bench/children/live.mjs '{"latencyMs":100,"args":["compare",…],"cacheDir":"…","cwd":"…","universe":null}'
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFakeYahoo, describeRequests } from '../fake-yahoo.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const opts = JSON.parse(process.argv[2] ?? '{}');
const latencyMs = opts.latencyMs ?? 100;

// the baseline: one chart request, alone, answered and read (median of 3)
const alone = [];
for (let i = 0; i < 3; i++) {
  const probe = await createFakeYahoo({ latencyMs, universe: opts.universe ?? null });
  const t0 = performance.now();
  const res = await probe.fetch('https://query2.finance.yahoo.com/v8/finance/chart/AAPL?interval=1d&period1=1733097600&period2=1741392000');
  await res.json();
  alone.push(performance.now() - t0);
}
alone.sort((a, b) => a - b);

const fake = await createFakeYahoo({ latencyMs, universe: opts.universe ?? null });
// synthetic symbols named in a ticker-list argument: their bars made before the clock starts
for (const arg of opts.args ?? []) {
  if (arg.endsWith('.txt') && existsSync(arg)) fake.prepare(readFileSync(arg, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));
}
const out = [];
const err = [];
const io = {
  stdout: { write: (s) => out.push(s), isTTY: false },
  stderr: { write: (s) => err.push(s), isTTY: false },
  env: { NO_COLOR: '1' },
  cwd: opts.cwd ?? process.cwd(),
};
const t0 = performance.now();
// the bundle users run (dist/cli, its lib entry exports main()), not tsc's modules
const { main } = await import(pathToFileURL(path.join(ROOT, 'dist/cli/lib.js')).href);
const t1 = performance.now();
const exitCode = await main(opts.args, io, { now: () => new Date(), fetch: fake.fetch, cacheDir: opts.cacheDir, userConfigDir: null });
const t2 = performance.now();
const stderr = err.join('');
process.stdout.write(
  `${JSON.stringify({
    exitCode,
    oneRequestMs: alone[1],
    importCliMs: t1 - t0,
    mainMs: t2 - t1,
    stdoutBytes: out.join('').length,
    stderrTail: stderr.split('\n').slice(-6).join('\n'),
    stale: /stale|unavailable/.test(stderr),
    ...describeRequests(fake.requests),
  })}\n`,
);
