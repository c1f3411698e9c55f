/**
 * The bundle (scripts/bundle.mjs) against its input: the command package.json
 * names must print what tsc's output prints, byte for byte, and run as an
 * executable through its shebang. `npm test` builds both first.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, UNBUNDLED_BIN } from './helpers/bin.js';

const run = promisify(execFile);
const DEMO = ['--data', 'fixtures/demo', '--as-of', '2025-03-07'];
const env = { PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '', LANG: 'C' };

async function output(bin: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the bundled command', () => {
  it('is not tsc output: package.json names the bundle', () => {
    expect(path.relative(ROOT, BIN)).toBe(path.join('dist', 'cli', 'basket.js'));
  });

  it.each([
    ['compare, table', ['compare', ...DEMO], 0],
    ['compare, CSV', ['compare', ...DEMO, '--format', 'csv'], 0],
    ['compare, JSON', ['compare', ...DEMO, '--format', 'json'], 0],
    ['compare, every method', ['compare', ...DEMO, '--weights', 'all', '--pe-method', 'all', '--periods', '1w,1m,ytd', '--currency', 'USD'], 0],
    ['chart', ['chart', ...DEMO], 0],
    ['--help', ['--help'], 0],
    ['compare --help', ['compare', '--help'], 0],
    ['--version', ['--version'], 0],
    ['a usage error', ['compare', ...DEMO, '--as-of', '2025-13-45'], 2],
  ])('prints what the unbundled one prints: %s', async (_, args, exitCode) => {
    const [bundled, unbundled] = await Promise.all([output(BIN, args), output(UNBUNDLED_BIN, args)]);
    expect(bundled.code).toBe(exitCode);
    expect(bundled.stdout + bundled.stderr).not.toBe('');
    expect(bundled).toEqual(unbundled);
  });

  it('runs through its shebang, as npm links it', async () => {
    expect((await stat(BIN)).mode & 0o111).not.toBe(0);
    const { stdout } = await run(BIN, ['--version'], { cwd: ROOT, env });
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('leaves yahoo-finance2 in node_modules, loaded only by the Yahoo provider\'s modules', async () => {
    const dir = path.dirname(BIN);
    const files = [path.relative(dir, BIN), ...(await readdir(path.join(dir, 'chunks'))).map((f) => path.join('chunks', f))];
    const importers: string[] = [];
    for (const file of files) {
      const code = await readFile(path.join(dir, file), 'utf8');
      if (/\bfrom\s*["']yahoo-finance2(\/[^"']*)?["']|import\(\s*["']yahoo-finance2(\/[^"']*)?["']\s*\)/.test(code)) importers.push(file);
      expect(code, `${file} holds a copy of yahoo-finance2`).not.toMatch(/node_modules[\\/]yahoo-finance2[\\/]/);
    }
    // only the Yahoo provider's modules (src/providers/yahoo/) import it, on demand, never at start-up
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file).toMatch(/^chunks[\\/]providers-yahoo-/);
    const provider = importers.find((f) => /providers-yahoo-provider-/.test(f)) as string;
    expect(await readFile(path.join(dir, provider), 'utf8')).toMatch(/import\(\s*["']yahoo-finance2\/createYahooFinance["']\s*\)/);
  });
});
