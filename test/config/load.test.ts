import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../helpers/tmp.js';
import { loadCatalog, selectBaskets } from '../../src/config/load.js';
import { parseConfigText } from '../../src/config/parse.js';
import { ConfigError, UsageError } from '../../src/errors.js';

async function tempDir(): Promise<string> {
  return makeTempDir('basket-config-');
}

describe('loadCatalog', () => {
  it('has the presets with no config at all', async () => {
    const cwd = await tempDir();
    const catalog = await loadCatalog({ cwd, userConfigDir: null });
    expect(catalog.configFile).toBeNull();
    expect([...catalog.baskets.keys()]).toEqual(['titans', 'mag7']);
    expect(catalog.baskets.get('mag7')?.symbols).toEqual(['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA']);
    expect(catalog.baskets.get('titans')?.benchmarks).toEqual(['HSTECH.HK', '3033.HK']);
  });

  it('finds ./basket.config.yaml; a basket with a preset id replaces the preset in place', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'basket.config.yaml'), 'baskets:\n  mag7:\n    symbols: [aapl, msft]\n  banks:\n    name: Banks\n    symbols: [JPM, BAC]\n');
    const catalog = await loadCatalog({ cwd, userConfigDir: null });
    expect(catalog.configFile).toBe(path.join(cwd, 'basket.config.yaml'));
    expect([...catalog.baskets.keys()]).toEqual(['titans', 'mag7', 'banks']);
    expect(catalog.baskets.get('mag7')).toMatchObject({ symbols: ['AAPL', 'MSFT'], source: 'basket.config.yaml' });
    expect(catalog.baskets.get('titans')?.source).toBe('preset');
  });

  it('prefers --config, then ./basket.config.*, then the user config directory', async () => {
    const cwd = await tempDir();
    const user = await tempDir();
    await writeFile(path.join(user, 'config.json'), JSON.stringify({ baskets: { u: { symbols: ['AAPL'] } } }));
    expect((await loadCatalog({ cwd, userConfigDir: user })).baskets.has('u')).toBe(true);
    await writeFile(path.join(cwd, 'basket.config.json'), JSON.stringify({ baskets: { local: { symbols: ['MSFT'] } } }));
    const local = await loadCatalog({ cwd, userConfigDir: user });
    expect(local.baskets.has('local')).toBe(true);
    expect(local.baskets.has('u')).toBe(false);
    await writeFile(path.join(cwd, 'other.yml'), 'baskets:\n  explicit:\n    symbols: [NVDA]\n');
    const explicit = await loadCatalog({ cwd, userConfigDir: user, configFile: 'other.yml' });
    expect([...explicit.baskets.keys()]).toEqual(['titans', 'mag7', 'explicit']);
  });

  it('looks the user config directory up only when neither --config nor a local config applies', async () => {
    const cwd = await tempDir();
    const user = await tempDir();
    await writeFile(path.join(user, 'config.yaml'), 'baskets:\n  u:\n    symbols: [AAPL]\n');
    const lookUp = vi.fn(async () => user);
    expect((await loadCatalog({ cwd, userConfigDir: lookUp })).baskets.has('u')).toBe(true);
    expect(lookUp).toHaveBeenCalledTimes(1);
    await writeFile(path.join(cwd, 'other.yml'), 'baskets:\n  explicit:\n    symbols: [NVDA]\n');
    expect((await loadCatalog({ cwd, userConfigDir: lookUp, configFile: 'other.yml' })).baskets.has('explicit')).toBe(true);
    await writeFile(path.join(cwd, 'basket.config.yaml'), 'baskets:\n  local:\n    symbols: [MSFT]\n');
    expect((await loadCatalog({ cwd, userConfigDir: lookUp })).baskets.has('local')).toBe(true);
    expect(lookUp).toHaveBeenCalledTimes(1);
    expect((await loadCatalog({ cwd: await tempDir(), userConfigDir: async () => null })).configFile).toBeNull();
  });

  it('takes a .txt ticker list as --config: one basket named after the file', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'chips.txt'), 'NVDA\nAMD\n# comment\nTSM\n');
    const catalog = await loadCatalog({ cwd, userConfigDir: null, configFile: 'chips.txt' });
    expect(catalog.baskets.get('chips')?.symbols).toEqual(['NVDA', 'AMD', 'TSM']);
  });

  it('names the file and the problem for a missing or malformed config', async () => {
    const cwd = await tempDir();
    await expect(loadCatalog({ cwd, userConfigDir: null, configFile: 'nope.yaml' })).rejects.toThrow(/config error in .*nope\.yaml: no such file/);
    await writeFile(path.join(cwd, 'bad.yaml'), 'baskets:\n  mag7:\n    symbols: [AAPL\n');
    await expect(loadCatalog({ cwd, userConfigDir: null, configFile: 'bad.yaml' })).rejects.toThrow(/bad\.yaml: not valid YAML: line \d+, column \d+/);
    await writeFile(path.join(cwd, 'bad.json'), '{"baskets": ');
    await expect(loadCatalog({ cwd, userConfigDir: null, configFile: 'bad.json' })).rejects.toThrow(ConfigError);
    await mkdir(path.join(cwd, 'dir.yaml'));
    await expect(loadCatalog({ cwd, userConfigDir: null, configFile: 'dir.yaml' })).rejects.toThrow(/is a directory/);
  });

  it('rejects duplicate keys in YAML', () => {
    expect(() => parseConfigText('baskets:\n  a:\n    symbols: [X]\n  a:\n    symbols: [Y]\n', 'dup.yaml')).toThrow(/not valid YAML/);
  });

  // found by test/config/config.property.test.ts
  it('turns what yaml throws (an alias bomb, nesting deeper than the stack) into a ConfigError', () => {
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nbaskets: {x: {symbols: *c}}\n';
    expect(() => parseConfigText(bomb, 'bomb.yaml')).toThrow(ConfigError);
    expect(() => parseConfigText(bomb, 'bomb.yaml')).toThrow('config error in bomb.yaml: not valid YAML: Excessive alias count');
    expect(() => parseConfigText(`${'- '.repeat(3000)}x\n: :`, 'deep.yaml')).toThrow(/^config error in deep\.yaml: not valid YAML: /);
  });

  it('reads a JSON file that starts with a byte-order mark, and keeps a JSON syntax error on one line', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'bom.json'), '\uFEFF{"baskets": {"a": {"symbols": ["AAPL"]}}}');
    expect((await loadCatalog({ cwd, userConfigDir: null, configFile: 'bom.json' })).baskets.get('a')?.symbols).toEqual(['AAPL']);
    expect(() => parseConfigText('{\n  "baskets": x\n}', 'bad.json')).toThrow(/^config error in bad\.json: not valid JSON: [^\n]*$/);
  });

  it('leaves yaml\'s warnings (a mapping key that is a list) to the process\'s stderr no more', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect(() => parseConfigText('baskets:\n  ? [a, b]\n  : {symbols: [AAPL]}\n', 'key.yaml')).not.toThrow();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('names a config file in the working directory whose name starts with ".." by that name', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, '..x.yaml'), 'baskets: {}\n');
    await expect(loadCatalog({ cwd, userConfigDir: null, configFile: '..x.yaml' })).rejects.toThrow('config error in ..x.yaml at baskets: no baskets defined');
  });
});

describe('selectBaskets', () => {
  it('picks ids in the order asked and loads basket files named on the command line', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'mine.txt'), 'AAPL\n');
    const catalog = await loadCatalog({ cwd, userConfigDir: null });
    const chosen = await selectBaskets(catalog, ['mag7', 'mine.txt', 'titans'], cwd);
    expect(chosen.map((b) => b.id)).toEqual(['mag7', 'mine', 'titans']);
  });

  it('names an unknown basket and lists those available', async () => {
    const catalog = await loadCatalog({ cwd: await tempDir(), userConfigDir: null });
    await expect(selectBaskets(catalog, ['mag8'], '/')).rejects.toThrow(UsageError);
    await expect(selectBaskets(catalog, ['mag8'], '/')).rejects.toThrow('unknown basket "mag8" (available: titans, mag7;');
    await expect(selectBaskets(catalog, ['mag7', 'mag7'], '/')).rejects.toThrow('named twice');
    // one line, whatever the argument holds
    await expect(selectBaskets(catalog, ['a\nb'], '/')).rejects.toThrow('unknown basket "a\\nb" (available');
  });
});
