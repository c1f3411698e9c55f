import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BasketDef } from '../../src/config/basket.js';
import { loadBasketFile } from '../../src/config/load.js';
import { parseConfigText } from '../../src/config/parse.js';
import { toBaskets } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';

const FILE = 'basket.config.yaml';
const FIXTURE = fileURLToPath(new URL('../../fixtures/config/weights.yaml', import.meta.url));

function basket(symbols: unknown): BasketDef {
  const [only] = toBaskets({ baskets: { mine: { symbols } } }, FILE);
  if (!only) throw new Error('expected one basket');
  return only;
}

function problem(symbols: unknown): string {
  try {
    toBaskets({ baskets: { mine: { symbols } } }, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('weighted baskets', () => {
  it('a plain list has no weights', () => {
    expect(basket(['aapl', 'MSFT'])).toMatchObject({ symbols: ['AAPL', 'MSFT'], weights: null });
  });

  it('reads a mapping of symbol to weight, normalising symbols and keeping the order written', () => {
    expect(basket({ msft: 0.7, ' aapl ': 0.2, '0700.hk': 0.1 })).toMatchObject({
      symbols: ['MSFT', 'AAPL', '0700.HK'],
      weights: [0.7, 0.2, 0.1],
    });
  });

  it('reads a list of { symbol, weight }', () => {
    const b = basket([
      { symbol: 'nvda', weight: 0.25 },
      { symbol: 'AAPL', weight: 0.75 },
    ]);
    expect(b).toEqual({ id: 'mine', name: 'mine', symbols: ['NVDA', 'AAPL'], weights: [0.25, 0.75], benchmarks: [], source: FILE });
  });

  it('accepts weights summing to 1 within 1e-6', () => {
    expect(basket({ A: 0.3333333, B: 0.3333333, C: 0.3333334 }).weights).toEqual([0.3333333, 0.3333333, 0.3333334]);
    expect(basket([{ symbol: 'A', weight: 0.1 }, { symbol: 'B', weight: 0.2 }, { symbol: 'C', weight: 0.7 }]).weights).toEqual([0.1, 0.2, 0.7]);
  });

  it.each([
    [['AAPL', { symbol: 'MSFT', weight: 1 }], 'at baskets.mine.symbols: give every symbol a weight, or none ([1] has one, [0] has none)'],
    [[{ symbol: 'MSFT', weight: 1 }, 'AAPL'], 'at baskets.mine.symbols: give every symbol a weight, or none ([0] has one, [1] has none)'],
    [{ AAPL: 0.3, MSFT: 0.6 }, 'at baskets.mine.symbols: weights sum to 0.9 (they must sum to 1 within 1e-6)'],
    [[{ symbol: 'A', weight: 0.5 }, { symbol: 'B', weight: 0.5000011 }], 'at baskets.mine.symbols: weights sum to 1.0000011 (they must sum to 1 within 1e-6)'],
    [{ AAPL: 1, MSFT: 0 }, 'at baskets.mine.symbols.MSFT: must be a positive number'],
    [{ AAPL: 1.5, MSFT: -0.5 }, 'at baskets.mine.symbols.MSFT: must be a positive number'],
    [{ AAPL: '0.5', MSFT: 0.5 }, 'at baskets.mine.symbols.AAPL: must be a positive number'],
    [{ AAPL: Number.POSITIVE_INFINITY }, 'at baskets.mine.symbols.AAPL: must be a positive number'],
    [{ AAPL: Number.NaN }, 'at baskets.mine.symbols.AAPL: must be a positive number'],
    [[{ symbol: 'AAPL', weight: 0.5 }, { symbol: 'MSFT', weight: -0.5 }], 'at baskets.mine.symbols[1].weight: must be a positive number'],
    [[{ symbol: 'AAPL', weight: 0.5 }, { symbol: 'MSFT', weight: 'half' }], 'at baskets.mine.symbols[1].weight: must be a positive number'],
    [[{ symbol: 'AAPL', weight: 1 }, { symbol: 'MSFT' }], 'at baskets.mine.symbols[1].weight: is required'],
    [[{ symbol: 'AAPL', weight: 1, note: 'x' }], 'at baskets.mine.symbols[0]: unknown key "note"'],
    [[{ symbol: 'AAPL', weight: 1 }, 42], 'at baskets.mine.symbols[1]: must be a mapping with "symbol" and "weight"'],
    [[{ symbol: 'BAD SYMBOL', weight: 1 }], 'at baskets.mine.symbols[0].symbol: "BAD SYMBOL" is not a ticker symbol'],
    [{ 'BAD SYMBOL': 1 }, 'at baskets.mine.symbols["BAD SYMBOL"]: "BAD SYMBOL" is not a ticker symbol'],
    [{ aapl: 0.5, AAPL: 0.5 }, 'at baskets.mine.symbols.AAPL: duplicate symbol AAPL (also written "aapl")'],
    [[{ symbol: 'msft', weight: 0.5 }, { symbol: 'MSFT ', weight: 0.5 }], 'at baskets.mine.symbols[1].symbol: duplicate symbol MSFT (also at [0])'],
    [{}, 'at baskets.mine.symbols: an empty basket'],
    ['AAPL', 'at baskets.mine.symbols: must be a list of ticker symbols'],
  ])('rejects %j', (symbols, message) => {
    const text = problem(symbols);
    expect(text).toContain(`config error in ${FILE}`);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });
});

describe('weights through the YAML loader', () => {
  it('reads the three forms from fixtures/config/weights.yaml', async () => {
    const baskets = await loadBasketFile(FIXTURE, 'weights.yaml');
    expect(baskets).toEqual([
      { id: 'core', name: 'Weighted core', symbols: ['AAPL', 'MSFT', 'NVDA'], weights: [0.5, 0.3, 0.2], benchmarks: ['^NDX'], source: 'weights.yaml' },
      { id: 'chips', name: 'chips', symbols: ['NVDA', '0981.HK'], weights: [0.6, 0.4], benchmarks: [], source: 'weights.yaml' },
      { id: 'plain', name: 'plain', symbols: ['AAPL', 'MSFT'], weights: null, benchmarks: [], source: 'weights.yaml' },
    ]);
  });

  it('parses the same text with parseConfigText + toBaskets', async () => {
    const text = await readFile(FIXTURE, 'utf8');
    const [core] = toBaskets(parseConfigText(text, path.basename(FIXTURE)), 'weights.yaml');
    expect(core).toMatchObject({ symbols: ['AAPL', 'MSFT', 'NVDA'], weights: [0.5, 0.3, 0.2] });
  });

  it('names the path of a bad weight and a bad sum in a YAML file', () => {
    const bad = (yaml: string) => () => toBaskets(parseConfigText(yaml, 'w.yaml'), 'w.yaml');
    expect(bad('baskets:\n  core:\n    symbols: { AAPL: 0.5, MSFT: -0.5 }\n')).toThrow('config error in w.yaml at baskets.core.symbols.MSFT: must be a positive number');
    expect(bad('baskets:\n  core:\n    symbols:\n      AAPL: 0.3\n      MSFT: 0.6\n')).toThrow('at baskets.core.symbols: weights sum to 0.9');
    expect(bad('baskets:\n  core:\n    symbols:\n      - AAPL\n      - { symbol: MSFT, weight: 1 }\n')).toThrow('give every symbol a weight, or none');
  });
});
