/**
 * A smoke run of the benchmark harness (bench/run.mjs --quick): tiny
 * universes, one run each. It checks that the harness runs to its end and
 * reports every scenario with a baseline, a ratio and a target; it asserts no
 * timing (benchmarks never run in npm test). Needs dist/ (npm test builds it).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/replay.js';
import { makeTempDir } from '../helpers/tmp.js';

const ROOT = path.resolve(FIXTURES, '..');
const run = promisify(execFile);

/** Every row the harness reports, in order (bench/run.mjs GROUPS). */
const SCENARIOS = [
  'startup-help',
  'startup-version',
  'compare-demo',
  'compare-warm-cache',
  'offline-500',
  'offline-500-json',
  'offline-growth',
  'offline-memory',
  'offline-growth-json',
  'offline-memory-json',
  'cache-load-500',
  'live-seed',
  'live-seed-tls',
  'live-vs-yf-cli',
  'live-500',
  'live-500-json',
];

interface Row {
  id: string;
  value: { median: number | null };
  baseline: { median: number | null } | null;
  ratio: number | null;
  target: string;
  met: boolean | null;
  diagnostic: boolean;
}

describe('the benchmark harness, in quick mode', () => {
  it('runs every scenario and reports each with its baseline, ratio and target', { timeout: 180_000 }, async () => {
    const dir = await makeTempDir('basket-bench-smoke-');
    const json = path.join(dir, 'results.json');
    const results = path.join(dir, 'RESULTS.md');
    const { stdout } = await run(process.execPath, ['bench/run.mjs', '--quick', '--json', json, '--results', results], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'C' },
      maxBuffer: 1 << 26,
    });
    const report = JSON.parse(await readFile(json, 'utf8')) as { rows: Row[]; machine: { cpu: string; node: string } };
    expect(report.rows.map((r) => r.id)).toEqual(SCENARIOS);
    for (const r of report.rows) {
      expect(r.value.median, r.id).toEqual(expect.any(Number));
      expect(r.baseline?.median, r.id).toEqual(expect.any(Number));
      expect(r.ratio, r.id).toEqual(expect.any(Number));
      expect(r.target, r.id).not.toBe('');
      if (!r.diagnostic) expect(typeof r.met, r.id).toBe('boolean');
    }
    expect(report.machine.node).toBe(process.version);
    expect(stdout).toContain('basket --version');
    const md = await readFile(results, 'utf8');
    expect(md).toContain('<!-- bench:begin');
    expect(md).toContain(report.machine.cpu);
    for (const id of SCENARIOS) expect(md, id).toContain(`\`${id}\``);
  });
});
