/** `basket init`: the starter config, where it goes, and never over a file without --force. */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/config/load.js';
import { PRESETS } from '../../src/config/presets.js';
import { EXAMPLE_BASKET, starterJson, starterYaml } from '../../src/commands/init.js';
import { DEMO_DIR, runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/tmp.js';

/** The baskets the real loader reads from `file` (as the only config). */
async function basketsIn(file: string, cwd: string) {
  const catalog = await loadCatalog({ configFile: file, cwd, userConfigDir: null });
  return { catalog, baskets: [...catalog.baskets.values()].map(({ source: _, ...b }) => b) };
}

const EXPECTED = [
  ...PRESETS.map(({ source: _, ...b }) => b),
  { id: 'core', name: EXAMPLE_BASKET.name, symbols: ['AAPL', 'MSFT', 'NVDA'], weights: [0.4, 0.35, 0.25], benchmarks: ['^NDX'] },
];

describe('the starter config', () => {
  it('YAML: the presets spelled out and a weighted example with a benchmark, with comments, read back by the real loader', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'config.yaml');
    await writeFile(file, starterYaml('9.9.9'));
    const { baskets } = await basketsIn(file, dir);
    expect(baskets).toEqual(EXPECTED);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^# basket config, written by `basket init` \(basket 9\.9\.9\)/);
    expect(text).toContain('basket compare core --weights config');
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('#')).length).toBeGreaterThan(10);
  });

  it('JSON: the same baskets, without comments', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'baskets.json');
    await writeFile(file, starterJson());
    expect((await basketsIn(file, dir)).baskets).toEqual(EXPECTED);
  });
});

describe('basket init', () => {
  it("writes the user's config.yaml (making the directory), which basket then reads by default", async () => {
    const home = await makeTempDir();
    const userConfigDir = path.join(home, 'config', 'basket');
    const cwd = await makeTempDir();
    const r = await runCli(['init'], { userConfigDir, cwd });
    const file = path.join(userConfigDir, 'config.yaml');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`basket: wrote ${file} (a starter config: titans, mag7 and an example with weights)\n`);
    // the default discovery finds it
    const catalog = await loadCatalog({ cwd, userConfigDir });
    expect(catalog.configFile).toBe(file);
    expect([...catalog.baskets.keys()]).toEqual(['titans', 'mag7', 'core']);
    expect(catalog.baskets.get('core')?.weights).toEqual([0.4, 0.35, 0.25]);
    // and a comparison with the config's weights runs on it
    const compare = await runCli(['compare', 'core', '--weights', 'config', '--data', DEMO_DIR, '--as-of', '2025-03-07', '--format', 'json'], { userConfigDir, cwd });
    expect(compare.exitCode, compare.stderr).toBe(0);
    expect(JSON.parse(compare.stdout).baskets[0].members.map((m: { weight: number }) => m.weight)).toEqual([0.4, 0.35, 0.25]);
  });

  it('refuses to replace an existing file without --force (exit 2, one line), leaving it untouched', async () => {
    const userConfigDir = await makeTempDir();
    const file = path.join(userConfigDir, 'config.yaml');
    await writeFile(file, '# mine\nbaskets:\n  x:\n    symbols: [AAPL]\n');
    const before = await stat(file);
    const r = await runCli(['init'], { userConfigDir });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`basket: ${file} already exists: add --force to replace it\n`);
    expect(await readFile(file, 'utf8')).toBe('# mine\nbaskets:\n  x:\n    symbols: [AAPL]\n');
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);

    const forced = await runCli(['init', '--force'], { userConfigDir });
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toBe(`basket: replaced ${file} (a starter config: titans, mag7 and an example with weights)\n`);
    expect((await readFile(file, 'utf8')).split('\n')[1]?.startsWith('# basket config')).toBe(true);
  });

  it('writes the line that lets editors check the file against the shipped schema, YAML and JSON alike', async () => {
    const dir = await makeTempDir();
    const schema = path.resolve('schema', 'config.schema.json');
    await runCli(['init', path.join(dir, 'c.yaml')]);
    expect((await readFile(path.join(dir, 'c.yaml'), 'utf8')).split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    await runCli(['init', path.join(dir, 'c.json')]);
    expect(JSON.parse(await readFile(path.join(dir, 'c.json'), 'utf8')).$schema).toBe(schema);
    // and basket reads both
    for (const f of ['c.yaml', 'c.json']) expect((await runCli(['baskets', '--config', path.join(dir, f)])).exitCode).toBe(0);
  });

  it('treats the config basket reads now (config.json) as the one to replace', async () => {
    const userConfigDir = await makeTempDir();
    await writeFile(path.join(userConfigDir, 'config.json'), '{"baskets":{"x":{"symbols":["AAPL"]}}}');
    const r = await runCli(['init'], { userConfigDir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('config.json already exists');
    const forced = await runCli(['init', '--force'], { userConfigDir });
    expect(forced.exitCode).toBe(0);
    expect((await basketsIn(path.join(userConfigDir, 'config.json'), userConfigDir)).baskets).toEqual(EXPECTED);
  });

  it('writes a file given as an argument or with --config, relative to the working directory, and says how to use it', async () => {
    const cwd = await makeTempDir();
    const a = await runCli(['init', 'mine.yaml'], { cwd });
    expect(a.exitCode, a.stderr).toBe(0);
    expect(a.stderr).toContain(`wrote ${path.join(cwd, 'mine.yaml')}`);
    expect(a.stderr).toContain('basket: note: basket reads it when given --config mine.yaml\n');
    const b = await runCli(['init', '--config', 'more.json'], { cwd });
    expect(b.exitCode).toBe(0);
    expect(JSON.parse(await readFile(path.join(cwd, 'more.json'), 'utf8')).baskets.core.symbols).toEqual({ AAPL: 0.4, MSFT: 0.35, NVDA: 0.25 });
    // basket.config.yaml in the working directory is found without --config: no note
    const local = await runCli(['init', 'basket.config.yaml'], { cwd });
    expect(local.stderr).not.toContain('note');
    const catalog = await loadCatalog({ cwd, userConfigDir: null });
    expect(catalog.configFile).toBe(path.join(cwd, 'basket.config.yaml'));
  });

  it("notes that a local config is read before the user's", async () => {
    const cwd = await makeTempDir();
    const userConfigDir = await makeTempDir();
    await writeFile(path.join(cwd, 'basket.config.yaml'), 'baskets:\n  x:\n    symbols: [AAPL]\n');
    const r = await runCli(['init'], { cwd, userConfigDir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('basket: note: ./basket.config.yaml in this directory is read instead of it here');
  });

  it.each([
    [['init', 'a.yaml', '--config', 'b.yaml'], 'basket: init writes one file: a.yaml or --config b.yaml, not both\n'],
    [['init', 'list.txt'], /^basket: init writes a YAML or JSON config, not a \.txt ticker list/],
    [['init'], 'basket: no user config directory is known here: give the file to write, e.g. basket init basket.config.yaml\n'],
  ])('exits 2 with one line: %j', async (argv, message) => {
    const cwd = await makeTempDir();
    const r = await runCli(argv, { cwd, userConfigDir: null });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
  });

  it('exits 2 with one line when the file cannot be written', async () => {
    const cwd = await makeTempDir();
    await writeFile(path.join(cwd, 'blocker'), 'a file, not a directory');
    const r = await runCli(['init', 'blocker/config.yaml'], { cwd });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^basket: cannot write .*blocker\/config\.yaml: (ENOTDIR|EEXIST)/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    await mkdir(path.join(cwd, 'a-directory.yaml'));
    const dir = await runCli(['init', 'a-directory.yaml', '--force'], { cwd });
    expect(dir.exitCode).toBe(2);
    expect(dir.stderr).toMatch(/it is a directory\n$/);
  });
});
