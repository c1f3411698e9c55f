/**
 * End to end: the built executable as a user runs it, in a child process.
 * `npm test` builds dist/ first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/types.js';
import { FIXTURES } from './helpers/replay.js';

const ROOT = path.resolve(FIXTURES, '..');
const BIN = path.join(ROOT, 'dist', 'bin', 'basket.js');
const run = promisify(execFile);

async function basket(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // no proxy, no colour forcing: a plain environment as a script would have
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C' };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the built basket executable', () => {
  it('exists (npm test builds it first)', () => {
    expect(existsSync(BIN), `${BIN} is missing: run npm run build`).toBe(true);
  });

  it('runs the README main job on the demo data, offline', async () => {
    const r = await basket(['compare', '--data', 'fixtures/demo', '--as-of', '2025-03-07']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('China tech titans');
    expect(r.stdout).toMatch(/\+42\.8%/);
    expect(r.stdout).toMatch(/-10\.3%/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // piped: no colour
    expect(r.stderr).toContain('forward P/E unknown');
  });

  it('prints JSON that parses whole, and the titans are up about 43%', async () => {
    const r = await basket(['compare', 'titans', 'mag7', '--data', 'fixtures/demo', '--as-of', '2025-03-07', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.baskets[0]?.return).toBeCloseTo(0.4283, 4);
    expect(report.baskets[1]?.return).toBeCloseTo(-0.1035, 4);
  });

  it('exits 2 with one line and no stack trace on a bad date', async () => {
    const r = await basket(['compare', '--data', 'fixtures/demo', '--as-of', '2025-13-45']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('basket: --as-of must be a date written YYYY-MM-DD, got "2025-13-45"\n');
  });
});
