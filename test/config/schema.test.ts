import { describe, expect, it } from 'vitest';
import { formatPath, toBaskets } from '../../src/config/schema.js';
import { toListBasket } from '../../src/config/list.js';
import { ConfigError } from '../../src/errors.js';

const FILE = 'basket.config.yaml';

function problem(doc: unknown): string {
  try {
    toBaskets(doc, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('toBaskets', () => {
  it('reads baskets, normalising symbols (trimmed, upper-cased)', () => {
    const baskets = toBaskets({ baskets: { tech: { name: 'Tech', symbols: [' aapl', 'msft ', '0700.hk'], benchmark: '^ndx' } } }, FILE);
    expect(baskets).toEqual([{ id: 'tech', name: 'Tech', symbols: ['AAPL', 'MSFT', '0700.HK'], weights: null, benchmarks: ['^NDX'], source: FILE }]);
  });

  it('defaults the name to the id and the benchmark to none', () => {
    expect(toBaskets({ baskets: { b1: { symbols: ['AAPL'] } } }, FILE)[0]).toMatchObject({ name: 'b1', benchmarks: [] });
  });

  it.each([
    [{ baskets: { mag7: { symbols: ['AAPL', 'MSFT', 'GOOGL', 'msft'] } } }, 'at baskets.mag7.symbols[3]: duplicate symbol MSFT (also at [1])'],
    [{ baskets: { mag7: { symbols: [] } } }, 'at baskets.mag7.symbols: an empty basket'],
    [{ baskets: { mag7: { symbols: ['AAPL'], colour: 'red' } } }, 'at baskets.mag7: unknown key "colour"'],
    [{ baskets: { a: { symbols: ['X'] } }, extra: 1 }, 'unknown key "extra"'],
    [{ baskets: { mag7: { symbols: ['AAPL', 'BAD SYMBOL'] } } }, 'at baskets.mag7.symbols[1]: "BAD SYMBOL" is not a ticker symbol'],
    [{ baskets: { mag7: { symbols: ['AAPL', 42] } } }, 'at baskets.mag7.symbols[1]: must be a ticker symbol'],
    [{ baskets: { mag7: { name: 'M' } } }, 'at baskets.mag7.symbols: is required'],
    [{ baskets: { 'bad id!': { symbols: ['AAPL'] } } }, 'at baskets["bad id!"]: a basket id is'],
    [{ baskets: [] }, 'at baskets: must be a mapping'],
    [{}, 'at baskets: is required'],
    [{ baskets: {} }, 'no baskets defined'],
    ['just text', 'the file must be a mapping with a "baskets" key'],
    [[1, 2], 'the file must be a mapping with a "baskets" key'],
  ])('rejects %j', (doc, message) => {
    const text = problem(doc);
    expect(text).toContain(`config error in ${FILE}`);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });
});

describe('toListBasket (.txt ticker lists)', () => {
  it('reads one symbol per line with comments and blank lines', () => {
    const b = toListBasket('# my list\naapl\n\n  msft  # software\n0700.HK\n', 'mine', 'mine.txt');
    expect(b).toEqual({ id: 'mine', name: 'mine', symbols: ['AAPL', 'MSFT', '0700.HK'], weights: null, benchmarks: [], source: 'mine.txt' });
  });

  it.each([
    ['AAPL\nMSFT\naapl\n', 'at line 3: duplicate symbol AAPL (also on line 1)'],
    ['# nothing\n\n', 'an empty basket'],
    ['AAPL\nnot a symbol\n', 'at line 2:'],
  ])('rejects %j', (text, message) => {
    expect(() => toListBasket(text, 'x', 'x.txt')).toThrow(message);
  });
});

describe('formatPath', () => {
  it.each([
    [['baskets', 'mag7', 'symbols', 3], 'baskets.mag7.symbols[3]'],
    [['baskets', 'my basket'], 'baskets["my basket"]'],
    [[], ''],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
