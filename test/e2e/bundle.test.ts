/**
 * The bundle (scripts/bundle.mjs) against its input: the command package.json
 * names must print what tsc's output prints, byte for byte, and run as an
 * executable through its shebang. `npm test` builds both first.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { BIN, ROOT, UNBUNDLED_BIN } from '../helpers/bin.js';
import { FIXED_NOW, fakeIo } from '../helpers/cli.js';
import { createReplayFetch } from '../helpers/replay.js';
import { makeTempDir } from '../helpers/tmp.js';

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

  it('holds yahoo-finance2 in chunks only the Yahoo provider loads, on demand, never at start-up', async () => {
    const dir = path.dirname(BIN);
    const chunks = await readdir(path.join(dir, 'chunks'));
    const yf2 = chunks.filter((f) => f.startsWith('yahoo-finance2-'));
    expect(yf2.length).toBeGreaterThan(0);
    const importers: string[] = [];
    for (const file of [path.relative(dir, BIN), ...chunks.map((f) => path.join('chunks', f))]) {
      const code = await readFile(path.join(dir, file), 'utf8');
      expect(code, `${file} still imports yahoo-finance2 from node_modules`).not.toMatch(/^\s*(?:import|export)\b[^\n]*\bfrom\s*["']yahoo-finance2(\/[^"']*)?["']|\bawait import\(\s*["']yahoo-finance2/m); // (its doc comments name it)
      if (!file.includes('yahoo-finance2-') && yf2.some((c) => code.includes(`./${c}`))) importers.push(file);
    }
    // outside yahoo-finance2's own chunks, only the Yahoo provider's modules (src/providers/yahoo/) import them, with import()
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) {
      expect(file).toMatch(/^chunks[\\/]providers-yahoo-/);
      const code = await readFile(path.join(dir, file), 'utf8');
      expect(code).not.toMatch(/^import [^\n]*yahoo-finance2-/m);
      expect(code).toMatch(/import\("\.\/yahoo-finance2-[\w-]+\.js"\)/);
    }
  });

  it('runs the Yahoo path with the bundled yahoo-finance2 as the unbundled one does (recorded answers replayed)', async () => {
    const args = ['compare', '--as-of', '2025-03-07', '--periods', '1w,ytd', '--currency', 'USD', '--format', 'json'];
    const { main: bundledMain } = (await import(pathToFileURL(path.join(path.dirname(BIN), 'lib.js')).href)) as { main: typeof main };
    const results = [];
    for (const run of [bundledMain, main]) {
      const { io, out, err } = fakeIo();
      const replay = createReplayFetch();
      const code = await run(args, io, { now: () => FIXED_NOW, cacheDir: await makeTempDir('basket-cache-'), userConfigDir: null, fetch: replay.fetch });
      results.push({ code, stdout: out(), stderr: err(), requests: replay.calls.length });
    }
    expect(results[0]?.code).toBe(0);
    expect(results[0]?.requests).toBeGreaterThan(10);
    expect(results[0]).toEqual(results[1]);
  });
});
