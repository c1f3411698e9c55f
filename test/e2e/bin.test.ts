/**
 * End to end: the built executable as a user runs it, in a child process.
 * `npm test` builds dist/ first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { BIN, ROOT } from '../helpers/bin.js';
import { makeTempDir } from '../helpers/tmp.js';

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

  it('reads generated price files to the figures worked out by hand', async () => {
    const dir = await makeTempDir('basket-generated-');
    await mkdir(path.join(dir, 'prices'));
    // plain decimals, the layout the one-pass reader reads at fixed places
    const days = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2025, 0, 2 + i)).toISOString().slice(0, 10));
    for (const [symbol, base] of [['AAA', 100], ['BBB', 40]] as const) {
      await writeFile(path.join(dir, 'prices', `${symbol}.csv`), `Date,Close,Adj Close\n${days.map((d, i) => `${d},${(base + i * 0.25).toFixed(2)},${(base + i * 0.2).toFixed(4)}`).join('\n')}\n`);
    }
    await writeFile(path.join(dir, 'list.txt'), 'AAA\nBBB\n');
    const args = ['compare', path.join(dir, 'list.txt'), '--data', dir, '--from', '2025-01-10', '--as-of', '2025-02-28', '--format', 'json'];
    const run = await basket(args);
    expect(run.code).toBe(0);
    // AAA: adjusted 100 + 0.2 × 7 = 101.4 on 2025-01-09 to 100 + 0.2 × 57 = 111.4 on 2025-02-28; BBB: 41.4 to 51.4
    const report = JSON.parse(run.stdout) as Report;
    expect(report.baskets[0]?.return).toBeCloseTo((111.4 / 101.4 - 1 + 51.4 / 41.4 - 1) / 2, 9);
  });

  it('runs the README main job on the demo data, offline', async () => {
    const r = await basket(['compare', '--data', 'fixtures/demo', '--as-of', '2025-03-07']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('China tech titans');
    expect(r.stdout).toMatch(/\+42\.8%/);
    expect(r.stdout).toMatch(/-10\.3%/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // piped: no colour
    // a P/E from another day than the as-of date is flagged with its date
    expect(r.stderr).toContain('*: figures dated 2025-03-14, 7 days after 2025-03-07, used: forward P/E of 1810.HK');
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

describe('the exit code, set once the output is flushed', () => {
  it('a large result reaches a slow pipe whole, then the process ends with 0; a usage error ends with 2', async () => {
    const { spawn } = await import('node:child_process');
    const args = [BIN, 'compare', '--data', 'fixtures/demo', '--as-of', '2025-03-07', '--sparklines', '--periods', '1d,1w,1m,3m,6m,ytd,1y,3y', '--lookback', '5y', '--format', 'json', '-q'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    // a reader slower than the writer: the pipe fills while basket is still writing
    child.stdout.on('data', (b: Buffer) => {
      chunks.push(b);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 2);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const out = Buffer.concat(chunks).toString('utf8');
    expect(out.length).toBeGreaterThan(65_536 + 1); // more than a pipe holds
    expect((JSON.parse(out) as Report).baskets).toHaveLength(2);
    expect(code).toBe(0);
    const bad = await basket(['compare', '--data', 'fixtures/demo', '--lookback', '2y']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^basket: option '--lookback <period>' argument '2y' is invalid/);
  }, 30_000);
});

describe('the built executable writing into a pipe that closes early', () => {
  it('ends quietly on EPIPE, as `basket compare --format csv | head -1` needs', async () => {
    const { spawn } = await import('node:child_process');
    const { makeTempDir } = await import('../helpers/tmp.js');
    const { writeFile } = await import('node:fs/promises');
    // ~1 MB of CSV, far more than a pipe holds, so the writer is still writing when the reader leaves
    const dir = await makeTempDir('basket-epipe-');
    const symbols = ['9988.HK', '0700.HK', '1810.HK', '1211.HK', '0981.HK', '9618.HK', '9999.HK', 'AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA'];
    const ids = Array.from({ length: 60 }, (_, i) => `b${i}`);
    await writeFile(path.join(dir, 'many.yaml'), `baskets:\n${ids.map((id) => `  ${id}:\n    symbols: [${symbols.join(', ')}]\n    benchmark: ^NDX\n`).join('')}`);
    const args = [BIN, 'compare', ...ids, '--config', path.join(dir, 'many.yaml'), '--data', 'fixtures/demo', '--as-of', '2025-03-07'];
    args.push('--periods', '1d,1w,1m,3m,6m,ytd,1y', '--weights', 'all', '--pe-method', 'all', '--format', 'csv', '--quiet');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C' };
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let head = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      head += s;
      if (head.includes('\n')) child.stdout.destroy(); // what `head -1` does: read a line, close the pipe
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(head.split('\n')[0]).toMatch(/^kind,basket,symbol,name,/);
    expect(stderr).toBe(''); // no "Error: write EPIPE", no stack trace
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  }, 30_000);
});
