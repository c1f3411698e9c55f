import { describe, expect, it } from 'vitest';
import { normaliseSymbol, symbolProblem } from '../../src/domain/symbols.js';
import { toListBasket } from '../../src/config/list.js';

describe('normaliseSymbol', () => {
  it.each([
    ['  aapl ', 'AAPL'],
    ['brk-b', 'BRK-B'],
    ['^ndx', '^NDX'],
    ['usdhkd=x', 'USDHKD=X'],
    // Hong Kong: Yahoo wants four digits
    ['700.HK', '0700.HK'],
    ['00700.HK', '0700.HK'],
    ['0700 HK', '0700.HK'],
    ['700.hk', '0700.HK'],
    ['5.HK', '0005.HK'],
    ['09992.HK', '9992.HK'],
    ['9992.HK', '9992.HK'],
    ['80700.HK', '80700.HK'], // a five-digit code keeps its five digits
    ['7203.T', '7203.T'], // other exchanges are left alone
  ])('%j → %s', (raw, expected) => {
    expect(normaliseSymbol(raw)).toBe(expected);
    expect(symbolProblem(normaliseSymbol(raw))).toBeNull();
  });

  it('a ticker list written with Hong Kong codes as people write them gives Yahoo’s codes, and catches the duplicate', () => {
    expect(toListBasket('700.HK\n9988 HK\n', 'hk', 'hk.txt').symbols).toEqual(['0700.HK', '9988.HK']);
    expect(() => toListBasket('700.HK\n00700.HK\n', 'hk', 'hk.txt')).toThrow('duplicate symbol 0700.HK (also on line 1)');
  });
});
