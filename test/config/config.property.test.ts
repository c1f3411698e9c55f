/**
 * Property: whatever config file it is given, the config loader either
 * returns baskets that keep every promise of BasketDef, or fails with a
 * BasketError whose message is one line naming the file. A valid config,
 * however it is written, loads as exactly what it says.
 *
 * A failure prints fast-check's seed and path: pass them to fc.assert as
 * `{ seed, path, endOnFailure: true }` to replay that very case.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASKET_ID, type BasketDef } from '../../src/config/basket.js';
import { loadCatalog, selectBaskets, type Catalog } from '../../src/config/load.js';
import { WEIGHT_SUM_TOLERANCE } from '../../src/config/schema.js';
import { normaliseSymbol, symbolProblem } from '../../src/domain/symbols.js';
import { BasketError, ConfigError } from '../../src/errors.js';
import { makeTempDir } from '../helpers/tmp.js';
import { basketNames, configFile, validConfig } from '../helpers/config-files.js';

/** A fresh directory per run, inside one temporary directory per test. */
async function runDirs(): Promise<() => Promise<string>> {
  const root = await makeTempDir('basket-property-config-');
  let n = 0;
  return async () => {
    const dir = path.join(root, `run-${n++}`);
    await mkdir(dir);
    return dir;
  };
}

/** A failure the CLI can report in one line: a BasketError; a ConfigError names the file. */
function expectCleanError(err: unknown, file?: string): asserts err is BasketError {
  if (!(err instanceof BasketError)) throw new Error(`expected a BasketError, got ${String(err)}`, { cause: err });
  expect(err.message).not.toMatch(/[\r\n]/);
  if (err instanceof ConfigError && file !== undefined) expect(err.message).toContain(`config error in ${file}`);
}

function expectValidSymbol(symbol: string): void {
  expect(symbolProblem(symbol)).toBeNull();
  expect(normaliseSymbol(symbol)).toBe(symbol);
}

/** Everything BasketDef promises. */
function expectValidBasket(b: BasketDef): void {
  expect(b.id).toMatch(BASKET_ID);
  expect(typeof b.name).toBe('string');
  expect(b.name.trim()).not.toBe('');
  expect(b.symbols.length).toBeGreaterThan(0);
  b.symbols.forEach(expectValidSymbol);
  expect(new Set(b.symbols).size).toBe(b.symbols.length);
  if (b.weights !== null) {
    expect(b.weights).toHaveLength(b.symbols.length);
    for (const w of b.weights) expect(Number.isFinite(w) && w > 0).toBe(true);
    expect(Math.abs(b.weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThanOrEqual(WEIGHT_SUM_TOLERANCE);
  }
  b.benchmarks.forEach(expectValidSymbol);
}

function expectValidCatalog(catalog: Catalog): void {
  for (const [id, b] of catalog.baskets) {
    expect(b.id).toBe(id);
    expectValidBasket(b);
  }
}

describe('config loader, on random and malformed files', () => {
  it('loads valid baskets or fails with a one-line BasketError naming the file (--config)', async () => {
    const nextDir = await runDirs();
    await fc.assert(
      fc.asyncProperty(configFile, basketNames, async (file, names) => {
        const cwd = await nextDir();
        await writeFile(path.join(cwd, file.name), file.content);
        let catalog: Catalog;
        try {
          catalog = await loadCatalog({ cwd, userConfigDir: null, configFile: file.name });
        } catch (err) {
          expectCleanError(err, file.name);
          return;
        }
        expect(catalog.configFile).toBe(path.join(cwd, file.name));
        expectValidCatalog(catalog);
        let chosen: BasketDef[];
        try {
          chosen = await selectBaskets(catalog, names, cwd);
        } catch (err) {
          expectCleanError(err);
          return;
        }
        chosen.forEach(expectValidBasket);
        expect(new Set(chosen.map((b) => b.id)).size).toBe(chosen.length);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('finds a discovered config (./basket.config.*, the user config directory) and holds to the same contract', async () => {
    const nextDir = await runDirs();
    const discovered = fc.record({
      file: configFile,
      name: fc.constantFrom('basket.config.yaml', 'basket.config.yml', 'basket.config.json'),
      where: fc.constantFrom('cwd', 'user'),
    });
    await fc.assert(
      fc.asyncProperty(discovered, async ({ file, name, where }) => {
        const run = await nextDir();
        const [cwd, user] = [path.join(run, 'cwd'), path.join(run, 'user')];
        await Promise.all([mkdir(cwd), mkdir(user)]);
        const userName = name.replace('basket.', '');
        const written = where === 'cwd' ? path.join(cwd, name) : path.join(user, userName);
        await writeFile(written, file.content);
        try {
          const catalog = await loadCatalog({ cwd, userConfigDir: user });
          expect(catalog.configFile).toBe(written);
          expectValidCatalog(catalog);
        } catch (err) {
          expectCleanError(err, where === 'cwd' ? name : written);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('loads a valid config, however written (YAML or JSON, any style, BOM, CRLF), as exactly its baskets', async () => {
    const nextDir = await runDirs();
    await fc.assert(
      fc.asyncProperty(validConfig, async ({ baskets, file }) => {
        const cwd = await nextDir();
        await writeFile(path.join(cwd, file.name), file.content);
        const catalog = await loadCatalog({ cwd, userConfigDir: null, configFile: file.name });
        for (const b of baskets) {
          expect(catalog.baskets.get(b.id)).toEqual({
            id: b.id,
            name: b.name?.trim() ?? b.id,
            symbols: b.symbols.map((s) => s.symbol),
            weights: b.weights,
            benchmarks: b.benchmark ? [b.benchmark.symbol] : [],
            source: file.name,
          });
        }
        const chosen = await selectBaskets(catalog, baskets.map((b) => b.id), cwd);
        expect(chosen.map((b) => b.id)).toEqual(baskets.map((b) => b.id));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
