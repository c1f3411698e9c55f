/**
 * What every command shares: `--help` with examples, and `--quiet` /
 * `--verbose` that mean the same everywhere (quiet: no notes, errors still;
 * verbose: more detail, and the stack trace of an error).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { DEMO_DIR, fakeIo, runCli, type CliOptions } from '../helpers/cli.js';
import { createReplayFetch } from '../helpers/replay.js';
import { makeTempDir } from '../helpers/tmp.js';

/** Every command path (`compare`, `cache info`, …) of the program, hidden and `help` aside. */
function commandPaths(): string[][] {
  const program = buildProgram(fakeIo().io, { now: () => new Date() }, () => {});
  const walk = (cmd: Command, prefix: string[]): string[][] =>
    cmd
      .createHelp()
      .visibleCommands(cmd)
      .filter((c) => c.name() !== 'help')
      .flatMap((c) => [[...prefix, c.name()], ...walk(c, [...prefix, c.name()])]);
  return walk(program, []);
}

/** The leaf commands (those that run something); a group such as `cache` only holds others. */
function leafCommands(): { path: string[]; options: string[] }[] {
  const program = buildProgram(fakeIo().io, { now: () => new Date() }, () => {});
  const walk = (cmd: Command, prefix: string[]): { path: string[]; options: string[] }[] =>
    cmd.commands.flatMap((c) =>
      c.commands.length > 0 ? walk(c, [...prefix, c.name()]) : [{ path: [...prefix, c.name()], options: c.options.map((o) => o.long ?? '') }],
    );
  return walk(program, []);
}

describe('--help', () => {
  const paths = commandPaths();

  it('finds the commands', () => {
    for (const p of [['compare'], ['baskets'], ['snapshot'], ['init'], ['search'], ['completion']]) expect(paths).toContainEqual(p);
  });

  it.each(paths.map((p) => [p.join(' '), p]))('basket %s --help has examples of itself', async (_, p) => {
    const r = await runCli([...(p as string[]), '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const examples = r.stdout.split('\nExamples:\n')[1];
    expect(examples, `no "Examples:" section in basket ${(p as string[]).join(' ')} --help`).toBeDefined();
    expect(examples).toMatch(new RegExp(`^  \\$ (source <\\()?basket ${(p as string[])[0]}`, 'm'));
  });
});

describe('--quiet and --verbose, on every command', () => {
  it.each(leafCommands().map((c) => [c.path.join(' '), c.options]))('basket %s accepts both', (_, options) => {
    expect(options).toContain('--quiet');
    expect(options).toContain('--verbose');
  });

  interface Case {
    /** Runs and succeeds (notes on stderr, if any). */
    ok: (dir: string) => string[];
    /** Fails with a BasketError (one line, exit ≥ 2). */
    fail: (dir: string) => string[];
    options?: (dir: string) => CliOptions;
  }
  const DEMO = ['--data', DEMO_DIR, '--as-of', '2025-03-07'];
  const cases: Record<string, Case> = {
    compare: { ok: () => ['compare', ...DEMO], fail: () => ['compare', '--data', DEMO_DIR, '--as-of', '2025-13-45'] },
    chart: { ok: () => ['chart', ...DEMO], fail: () => ['chart', '--data', DEMO_DIR, '--as-of', '2025-13-45'] },
    check: {
      // a story whose every claim holds on the demo data (exit 0)
      ok: (d) => {
        const file = path.join(d, 'story.yaml');
        writeFileSync(file, 'story: S\ndefaults: {as-of: 2025-03-07}\nclaims:\n  - {id: up, says: titans up, figure: return, basket: titans, expect: "> 0"}\n');
        return ['check', file, '--data', DEMO_DIR];
      },
      fail: () => ['check', 'no-such-claims.yaml', '--data', DEMO_DIR],
    },
    baskets: { ok: () => ['baskets'], fail: () => ['baskets', '--config', 'no-such-file.yaml'] },
    snapshot: { ok: (d) => ['snapshot', ...DEMO, '--out', path.join(d, 'snap')], fail: (d) => ['snapshot', '--data', DEMO_DIR, '--as-of', 'soon', '--out', path.join(d, 'x')] },
    init: { ok: (d) => ['init', path.join(d, 'c.yaml')], fail: () => ['init', 'list.txt'] },
    search: {
      ok: () => ['search', 'TENCENT'],
      fail: () => ['search', 'tencent', '--data', DEMO_DIR],
      options: () => ({ fetch: createReplayFetch().fetch }),
    },
    completion: { ok: () => ['completion', 'bash'], fail: () => ['completion', 'bash', '--config', 'no-such-file.yaml', '--bogus'] },
    'cache info': { ok: () => ['cache', 'info'], fail: () => ['cache', 'info', '--format', 'xml'], options: (d) => ({ cacheDir: path.join(d, 'cache') }) },
    'cache clear': { ok: () => ['cache', 'clear', 'AAPL'], fail: () => ['cache', 'clear', '--bogus'], options: (d) => ({ cacheDir: path.join(d, 'cache') }) },
  };

  it('every leaf command has a case here', () => {
    for (const c of leafCommands()) if (!c.path[0]?.startsWith('__')) expect(Object.keys(cases)).toContain(c.path.join(' '));
  });

  it.each(Object.entries(cases))('basket %s: --quiet drops notes but not the output or errors; --verbose adds to them', async (_, c) => {
    const dir = await makeTempDir();
    const opts = (d: string) => c.options?.(d) ?? {};
    const plain = await runCli(c.ok(dir), opts(dir));
    expect(plain.exitCode, plain.stderr).toBe(0);

    const dir2 = await makeTempDir();
    const quiet = await runCli([...c.ok(dir2), '--quiet'], opts(dir2));
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(plain.stdout.replaceAll(dir, dir2));

    const dir3 = await makeTempDir();
    const verbose = await runCli([...c.ok(dir3), '--verbose'], opts(dir3));
    expect(verbose.exitCode).toBe(0);
    for (const line of plain.stderr.replaceAll(dir, dir3).split('\n').filter((l) => l !== '')) expect(verbose.stderr).toContain(line);

    const error = await runCli(c.fail(dir), opts(dir));
    expect(error.exitCode).toBeGreaterThanOrEqual(2);
    expect(error.stderr.trimEnd().split('\n')).toHaveLength(1);
    const quietError = await runCli([...c.fail(dir), '--quiet'], opts(dir));
    expect(quietError.exitCode).toBe(error.exitCode);
    expect(quietError.stderr).toBe(error.stderr);
    const verboseError = await runCli([...c.fail(dir), '--verbose'], opts(dir));
    expect(verboseError.exitCode).toBe(error.exitCode);
    expect(verboseError.stderr.startsWith(error.stderr)).toBe(true);
  });

  it('--verbose gives the stack trace of an error, on every kind of command', async () => {
    for (const argv of [
      ['compare', '--data', DEMO_DIR, '--as-of', '2025-13-45'],
      ['baskets', '--config', 'no-such-file.yaml'],
      ['init', 'list.txt'],
      ['search', 'x', '--data', DEMO_DIR],
    ]) {
      const r = await runCli([...argv, '--verbose']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.split('\n')[1], argv.join(' ')).toMatch(/Error: /);
      expect(r.stderr).toMatch(/\n +at /);
    }
  });
});

describe('--verbose is read from the parsed options, not the raw words', () => {
  it('a bundled -qv asks for the stack trace', async () => {
    const r = await runCli(['compare', '--data', 'no-such-dir', '-qv']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^basket: .*no-such-dir.*\n/);
    expect(r.stderr).toMatch(/^\s+at /m);
  });

  it('"-v" as the value of another option does not', async () => {
    const r = await runCli(['compare', '--data', DEMO_DIR, '--from', '-v']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('basket: --from must be a date written YYYY-MM-DD, got "-v"\n');
  });
});

describe('a market cap that under- or overflows its unit conversion', () => {
  it('is unknown, not an internal error', async () => {
    const { cp, writeFile } = await import('node:fs/promises');
    const dir = await makeTempDir('basket-tiny-cap-');
    await cp(path.join(DEMO_DIR, 'prices'), path.join(dir, 'prices'), { recursive: true });
    // 5e-324 GBp is 5e-326 GBP: below the smallest double, so 0 after dividing by 100
    await writeFile(path.join(dir, 'quotes.csv'), 'symbol,currency,marketCap\nAAPL,GBp,5e-324\nMSFT,USD,1e308\n');
    const r = await runCli(['compare', 'mag7', '--data', dir, '--as-of', '2025-03-07', '--format', 'json']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as { baskets: { members: { symbol: string; marketValueChange: number | null }[] }[] };
    expect(json.baskets[0]!.members.find((m) => m.symbol === 'AAPL')?.marketValueChange).toBeNull();
  });
});
